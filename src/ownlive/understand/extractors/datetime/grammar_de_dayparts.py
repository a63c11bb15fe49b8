"""German relative days and day-parts: 'morgen', 'heute Abend', 'am Nachmittag', 'Abends?'.

"morgen" is tomorrow, "Morgen" after "heute"/"guten"/a weekday the morning. A
day-part alone is weak (it needs a date or a time beside it), except where German
names one evening rather than evenings in general: with its article or
preposition ("am Abend", "gegen Abend", "zur Mittagszeit") or as a whole reply
("Nachmittags?"). Those are this day's, or the day the message named before, as
the Chinese 下午 alone is (`Parts.today_implied`). Greetings ("Guten Abend",
"Abend!", "Nacht!") and habits ("abends gehe ich laufen") stay out.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import lexicon_de as lex
from ownlive.understand.extractors.datetime.grammar import Rule, alternation, rule, token
from ownlive.understand.extractors.datetime.parts import Parts, Token

_I = re.IGNORECASE
_WEEKDAY = alternation(lex.WEEKDAYS)
# Words before a capitalized "Morgen" that make it the morning, not tomorrow.
_MORNING_BEFORE = re.compile(
    r"(?:guten|heute|gestern|am|jeden|diesen|den|schönen|einen|übermorgen|vorgestern|"
    rf"{_WEEKDAY})\s+\Z",
    _I,
)
_GREETING_BEFORE = re.compile(r"(?:guten|schönen|einen\s+schönen)\s+\Z", _I)
_CONTEXT = 24
# As a reply the adverbs and "Nachmittag"/"Vormittag"; "Abend!", "Morgen!", "Nacht!"
# greet, "Mittag!" is lunch, "früh" is "early".
_REPLIES = frozenset(
    ("morgens", "frühmorgens", "vormittag", "vormittags", "nachmittag", "nachmittags",
     "spätnachmittags", "abends", "spätabends", "nachts")
)  # fmt: skip
# A whole message that is a day-part (or two: "Nachmittags / abends") and punctuation:
# a reply to "when?".
_REPLY = alternation(_REPLIES)
_OR = r"\s*(?:/|oder|bzw\.?|-|–)\s*"
_REPLY_BEFORE = re.compile(rf"\s*(?:{_REPLY}{_OR})?\Z")
_REPLY_AFTER = re.compile(rf"(?:{_OR}{_REPLY})?[\s.!?]*")
# "am Abend", "gegen Abend", "zur Mittagszeit", "am frühen Abend": one day's; "auf Spätabends"
# (put off to): the evening of one day too
_ARTICLE = frozenset(("am", "gegen", "zur", "auf"))


def before(m: re.Match[str], pattern: re.Pattern[str], start: int | None = None) -> bool:
    """Whether `pattern` ends right where the match (or `start`) begins."""
    at = m.start() if start is None else start
    return pattern.search(m.string, max(0, at - _CONTEXT), at) is not None


def _this_daypart(m: re.Match[str]) -> Token | None:
    return token(m, Parts(rel_day=0, daypart=lex.DAYPARTS[m["dp"].lower()]))


def _rel(m: re.Match[str]) -> Token | None:
    word = m["v"]
    if word.lower() == "morgen" and before(m, _MORNING_BEFORE):
        return None  # "heute Morgen", "Guten Morgen": the morning, not tomorrow
    return token(m, Parts(rel_day=lex.REL_DAYS[word.lower()]))


def _daypart_key(low: str) -> str:
    key = " ".join(low.split())
    if key in lex.DAYPARTS:
        return key
    # "späten Abend", "frühen Nachmittag", "Spätabends": the day-part itself
    for prefix in ("späten ", "frühen ", "spät"):
        if key.startswith(prefix) and key[len(prefix) :] in lex.DAYPARTS:
            return key[len(prefix) :]
    return key


def _daypart(m: re.Match[str]) -> Token | None:
    word = m["v"]
    low = word.lower()
    at = m.start("v")
    if low == "morgen" and not before(m, _MORNING_BEFORE, at):
        return None  # plain "morgen" is tomorrow
    if before(m, _GREETING_BEFORE, at):
        return None  # "Guten Morgen", "schönen Abend": greetings
    part = lex.DAYPARTS[_daypart_key(low)]
    pre = (m["pre"] or "").split()
    one_day = (pre[:1] and pre[0] in _ARTICLE) or (
        not pre
        and low in _REPLIES
        and _REPLY_BEFORE.fullmatch(m.string, 0, at) is not None
        and _REPLY_AFTER.fullmatch(m.string, m.end()) is not None
    )
    strong = part == "midnight" or (part == "noon" and bool(pre)) or bool(one_day)
    return token(m, Parts(daypart=part, today_implied=bool(one_day) or None), weak=not strong)


_DAYPARTS = ("morgen", "früh", "mittag", "abend", "nacht")

RULES: tuple[Rule, ...] = (
    rule(
        r"\b(?:dieser|diesen|diese|kommende|kommenden)\s+(?P<dp>abend|nachmittag|vormittag|nacht)\b",
        _this_daypart,
        ("dies", "kommend"),
    ),
    rule(
        r"\b(?P<v>übermorgen|vorgestern|gestern|heute|heut|morgen)\b",
        _rel,
        ("morgen", "gestern", "heut"),
    ),
    rule(
        r"(?P<pre>\b(?:um|gegen|ab|bis|heute|morgen|zur|am|auf)\s+)?\b(?P<v>frühmorgens|"
        r"früh\s+morgens|morgens\s+früh|in\s+der\s+frühe|morgens|morgen|"
        r"(?:(?:frühen|späten)\s+)?(?:vormittag|nachmittag|abend|morgen)\b|"
        r"vormittags?|mittags?|mittagszeit|vormittagszeit|(?:spät)?nachmittags?|"
        r"(?:spät)?abends?|nachts?|mitternacht|früh)\b",
        _daypart,
        _DAYPARTS,
    ),
)
