"""Cuisines (DESIGN.md 4.1 "cuisine"): a lexicon of zh/en/de food words -> OSM values.

Span: the cuisine or food word without generic nouns in en/de ("thai" of
"thai food", "Sushi" of "Sushibar", "Italiener"), the whole word in zh
(泰国菜, 川菜, 火锅, 日料). Precision first, since a cuisine raises a
restaurant card:
- nationality adjectives count beside a food noun or in a message about
  eating, never as a language, a people or another thing (Greek yoghurt,
  Thai massage, French fries, Chinese New Year, "I speak Chinese");
- German demonyms count as restaurants after zum/beim/vom or an article in a
  message about eating ("zum Italiener"), not as people ("ist Italiener");
- restaurant and brand names (Pizza Hut, 海底捞, "Thai Orchid") and home
  cooking (cook pasta, Mama's curry, 包饺子, 在家做火锅) are not cuisines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors.cuisine import context as ctx
from ownlive.understand.extractors.cuisine.lexicon import (
    ADJECTIVES,
    BRANDS,
    DE_DISHES,
    DEMONYMS,
    EN_DISHES,
    ZH,
)
from ownlive.understand.quick import AnyOf, caseless, led_by
from ownlive.understand.registry import extractor

LETTER = "A-Za-zÄÖÜäöüßéèê"
DISHES = {**EN_DISHES, **DE_DISHES}
# German compounds of a food word and a generic noun: the span is the food word.
DE_GENERIC_TAIL = (
    r"(?:bar|bude|laden|restaurant|imbiss|lokal|stand|schuppen|abend|lieferdienst|"
    r"bringdienst|place|buffet|box|teller)"
)
ADJ_ENDING = r"(?:e|es|en|er|em)?"
Trie = dict[str, "Trie"]
# "north indian", "southeastern brazilian": the region belongs to the span.
REGION = re.compile(
    r"(?i)\b(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|"
    r"southern|eastern|western|central|northeastern|northwestern|southeastern|"
    r"southwestern|nord|süd|ost|west)(?:[ -])$"
)


def _alternation(words: list[str]) -> str:
    """A trie-shaped regex for `words`: a few hundred alternatives cost one scan."""
    trie: Trie = {}
    for word in words:
        node = trie
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: Trie) -> str:
    optional = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"[ -]" if char == " " else re.escape(char)
        branches.append(piece + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        body = "(?:" + body + ")?"
    return body


LATIN = re.compile(
    rf"(?<![{LETTER}'])(?P<w>{_alternation([*DISHES, *ADJECTIVES, *DEMONYMS])})"
    rf"(?P<end>{ADJ_ENDING})(?=(?i:{DE_GENERIC_TAIL})(?![{LETTER}])|(?![{LETTER}]))",
    re.IGNORECASE,
)
HAN = re.compile(_alternation(list(ZH)))
BRAND = re.compile(_alternation(list(BRANDS)), re.IGNORECASE)
# Matches where LATIN or HAN does; LATIN led by the letters its words start with, so
# the regex engine skips in C to where one stands (ownlive.understand.quick).
_FIRST_LETTERS = caseless(
    "".join(sorted({w[0].lower() for w in [*DISHES, *ADJECTIVES, *DEMONYMS]}))
)
QUICK = AnyOf(
    re.compile(HAN.pattern, re.IGNORECASE), led_by(_FIRST_LETTERS, f"(?i:{LATIN.pattern})")
)


def _brand_cells(text: str) -> bytearray:
    """Characters inside a brand name, stretched over a food word right after it (杨国福麻辣烫)."""
    cells = bytearray(len(text))
    for match in BRAND.finditer(text):
        end = match.end()
        after_space = end + 1 if text[end : end + 1] == " " else end
        follow = HAN.match(text, end) or LATIN.match(text, after_space)
        if follow is not None:
            end = follow.end()
        cells[match.start() : end] = b"\x01" * (end - match.start())
    return cells


def _latin(doc: Doc, match: re.Match[str], eating: bool) -> str | None:
    """The OSM value of a Latin-script match, or None where it is no cuisine here."""
    text, start, end = doc.text, match.start(), match.end()
    word, ending = match.group("w").lower().replace("-", " "), match.group("end")
    is_compound = end < len(text) and text[end].isalpha()  # Sushibar, Thairestaurant
    if word in DEMONYMS and not ending and "de" in doc.langs:
        if ctx.demonym_ok(text, start, eating):
            return DEMONYMS[word]
        if word not in ADJECTIVES:
            return None
    if word in DISHES and not ending:
        if doc.lang == "en" and ctx.looks_like_name(text, start, end):
            return None
        return DISHES[word]
    if word in ADJECTIVES:
        if ending and not word.endswith("isch") and word != "vegan":
            return None
        if is_compound:
            return ADJECTIVES[word]
        if ctx.adjective_ok(text, start, end, eating, german=word.endswith("isch")):
            return ADJECTIVES[word]
    return None


@extractor("cuisine", requires=("text", "lang", "langs"), quick=QUICK)
def find_cuisines(doc: Doc) -> Iterator[Entity]:
    text = doc.text
    brands = _brand_cells(text)
    eating = ctx.about_eating(text)

    def free(start: int, end: int) -> bool:
        return not any(brands[start:end]) and not ctx.home_cooking(text, start)

    for match in HAN.finditer(text):
        word = match.group(0)
        if free(match.start(), match.end()) and ctx.han_ok(text, word, match.end()):
            value = {"cuisine": ZH[word]}
            yield Entity("cuisine", match.start(), match.end(), word, value)
    for match in LATIN.finditer(text):
        if not free(match.start(), match.end()):
            continue
        cuisine = _latin(doc, match, eating)
        if cuisine is None:
            continue
        start = match.start()
        region = REGION.search(text, max(0, start - 14), start)
        if region is not None and match.group("w").lower() in ADJECTIVES:
            start = region.start()
        value = {"cuisine": cuisine}
        yield Entity("cuisine", start, match.end(), text[start : match.end()], value)
