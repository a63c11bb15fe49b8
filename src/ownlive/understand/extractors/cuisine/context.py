"""The words around a food word that make it a cuisine mention, or something else."""

from __future__ import annotations

import re

# The message is about eating: what makes "thai" or "Italiener" a cuisine.
EATING = re.compile(
    r"(?i)\b(?:eat|eating|ate|food|hungry|starving|dinner|lunch|brunch|restaurant|"
    r"restaurants|order|ordering|takeout|take-out|takeaway|delivery|deliveroo|ubereats|"
    r"craving|crave|cuisine|grab|fancy|mood for|feel like|menu|table for|reservation|meal|"
    r"snack|tonight|delicious|tasty|yummy|serve|serves|serving|"
    r"essen|isst|esse|gegessen|hunger|hungrig|abendessen|mittagessen|mittag|mittagspause|"
    r"bestellen|bestelle|bestellt|lieferando|lieferdienst|lust auf|bock auf|appetit|"
    r"speisekarte|reservieren|reserviert|lecker|imbiss|heute abend|gehen wir|"
    r"how about|what about|wie wär's mit|wie wäre es mit|wie wärs mit)\b"
    r"|吃|饿|外卖|点餐|订座|餐厅|饭"
)
# Nouns after an adjective that make it a cuisine: "thai food", "indisches Essen".
FOOD_NOUNS = frozenset(
    [
        "food", "foods", "restaurant", "restaurants", "place", "places", "cuisine",
        "dishes", "dish", "takeout", "takeaway", "take-away", "delivery", "joint", "spot",
        "buffet", "dinner", "lunch", "meal", "meals", "bistro", "kitchen", "cooking",
        "night", "menu", "street-food", "streetfood", "eatery", "diner", "cafe", "café",
        "brasserie", "cafeteria", "bistro", "tavern", "taverna", "trattoria", "gastropub",
        "grill", "bakery", "deli", "delicatessen", "canteen", "truck", "specialties",
        "specialities", "steakhouse", "pizzeria", "teahouse", "essen", "küche",
        "restaurant", "restaurants", "lokal", "imbiss", "gerichte", "gericht",
        "spezialitäten", "lieferdienst", "abendessen", "mittagessen", "buffet", "bistro",
        "food",
    ]
)  # fmt: skip
# Words after a free-standing adjective that keep it one: "thai tonight?", "Thai oder Inder".
FOLLOW_OK = frozenset(
    [
        "or", "and", "tonight", "today", "tomorrow", "again", "instead", "please", "for",
        "then", "at", "in", "on", "with", "this", "next", "later", "maybe", "sounds",
        "sound", "is", "would", "could", "place", "tho", "though", "oder", "und", "heute",
        "morgen", "abend", "mittag", "essen", "bestellen", "holen", "gehen", "wieder",
        "lieber", "vielleicht", "bitte",
    ]
)  # fmt: skip
# Words before an adjective that make it a language or a people: "speak Chinese", "is Greek".
BEFORE_NOT = frozenset(
    [
        "speak", "speaks", "speaking", "spoke", "learn", "learning", "learned", "study",
        "studying", "translate", "translated", "in", "is", "are", "am", "i'm", "im", "was",
        "were", "he's", "she's", "they're", "we're", "spreche", "sprichst", "spricht",
        "sprechen", "lerne", "lernst", "lernt", "lernen", "ist", "bin", "bist", "sind",
        "war", "auf",
    ]
)  # fmt: skip
DEMONYM_PREV = frozenset(
    [
        "zum", "beim", "vom", "zu", "nen", "einen", "einem", "ein", "den", "dem", "der",
        "guten", "gute", "neuen", "neue", "leckeren", "netten", "unseren", "unserem",
        "eurem", "meinem", "deinem", "lieblings",
    ]
)  # fmt: skip
STRONG_DEMONYM_PREV = frozenset({"zum", "beim", "vom"})
GENERIC_CAPITALISED = frozenset(
    [
        "food", "restaurant", "place", "cuisine", "tonight", "today", "tomorrow", "night",
        "friday", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "i",
    ]
)  # fmt: skip
NOT_A_NAME_BEFORE = frozenset(
    [
        "i", "let's", "lets", "some", "the", "a", "an", "and", "or", "no", "more", "good",
        "best", "great", "cheap",
    ]
)  # fmt: skip
HOME_BEFORE = re.compile(
    r"(?i)(?:\b(?:cook|cooks|cooking|cooked|make|makes|making|made|bake|baking|baked|"
    r"homemade|home-made|leftover|leftovers|koche|kochst|kocht|kochen|gekocht|mache|"
    r"machst|macht|machen|gemacht|backe|backen|gebacken|selbstgemacht\w*|hausgemacht\w*|"
    r"selbst|reste)\b(?:\s+[^\s.,!?;]+){0,1}\s*"
    r"|\b(?!(?:let|it|that|what|there|here|who|he|she)'s)[A-Za-zÄÖÜäöüß]+'s\s+"
    r"|\b(?:mamas|omas|papas|opas)\s+"
    r"|(?:做|煮|包|炒|烙|蒸|自己|在家|家里|亲手|妈妈|我妈|老妈|外婆|奶奶|姥姥)[^，。！？,.!?\s]{0,3})$"
)
# zh words that need a helping hand: 汉堡 is also Hamburg, 中餐 also "lunch".
HAN_NEEDS_CUE = {"汉堡": re.compile(r"吃|点|外卖|饿|份|个|套餐|买|来|饭|薯条|可乐")}
HAN_NEEDS_FOLLOW = {"中餐": "厅馆"}
# A zh venue's name: a branch in brackets (松子日本料理(亮马桥店)) or a name suffix
# (鑫亮亮海鲜酒楼, 福莲火锅城); a generic 店/馆/餐厅 alone (找家火锅店) is no name.
HAN_VENUE_NAME = re.compile(
    r"(?:[店馆厅]|餐厅)?[（(][^)）]{1,15}[店)）]|(?:酒楼|酒家|大酒店|城|坊|居|轩|苑|府|庄|记|楼|屋)"
)
WORD = re.compile(r"[A-Za-zÄÖÜäöüßéèê'’-]+")


def about_eating(text: str) -> bool:
    return EATING.search(text) is not None


def home_cooking(text: str, start: int) -> bool:
    """Cooking at home, or someone's own dish: 'cook pasta', 'Mama's curry', 包饺子."""
    return HOME_BEFORE.search(text, max(0, start - 40), start) is not None


def _next_word(text: str, end: int) -> re.Match[str] | None:
    """The word right after (one space or hyphen between), or None at punctuation."""
    position = end + 1 if text[end : end + 1] in {" ", "-"} else end
    return WORD.match(text, position)


def _previous_word(text: str, start: int) -> str:
    words = WORD.findall(text[max(0, start - 30) : start])
    return words[-1].lower() if words else ""


def looks_like_name(text: str, start: int, end: int) -> bool:
    """'Thai Orchid', 'Golden Sushi': capitalised words around it make a venue's name."""
    after = re.match(r" ([A-Z][a-z]+)", text[end:])
    if after and after.group(1).lower() not in GENERIC_CAPITALISED:
        return True
    # Mid-sentence only: a sentence starts with a capital anyway ("Maybe Thai tonight?").
    before = re.search(r"[^.!?\s]\s([A-Z][a-z']+) $", text[max(0, start - 30) : start])
    return bool(before and before.group(1).lower() not in NOT_A_NAME_BEFORE)


def adjective_ok(text: str, start: int, end: int, eating: bool, *, german: bool) -> bool:
    """'thai food', 'indisches Essen', or a free-standing 'thai' in a message about eating."""
    following = _next_word(text, end)
    if following is not None and following.group(0).lower() in FOOD_NOUNS:
        return True
    previous = _previous_word(text, start)
    if previous in BEFORE_NOT and not re.search(
        r"(?i)(?:lust|bock|appetit|hunger)\s+auf\s*$", text[max(0, start - 20) : start]
    ):
        return False
    if not eating or (german and text[start:end].lower().startswith("deutsch")):
        return False
    if looks_like_name(text, start, end) and not german:
        return False
    if following is None:
        return True
    return following.group(0).lower() in FOLLOW_OK


def demonym_ok(text: str, start: int, eating: bool) -> bool:
    """'zum Italiener', 'beim Griechen'; after an article or 'oder' where eating is the topic."""
    previous = _previous_word(text, start)
    if previous in STRONG_DEMONYM_PREV:
        return True
    return (previous in DEMONYM_PREV or previous in {"oder", "und"}) and eating


def han_ok(text: str, word: str, end: int) -> bool:
    if HAN_VENUE_NAME.match(text, end):
        return False
    cue = HAN_NEEDS_CUE.get(word)
    if cue is not None and not (text.startswith("包", end) or cue.search(text)):
        return False
    follow = HAN_NEEDS_FOLLOW.get(word)
    return follow is None or text[end : end + 1] in follow
