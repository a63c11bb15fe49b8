"""The shape every language grammar has: token rules plus the words that join them.

A rule is a compiled pattern and a builder that turns a match into a `Token`
(or None to reject it on a closer look). When a pattern needs context that is
not part of the span (the "at" of "at 8", which DESIGN.md 4.1 leaves out), it
captures the span in a group named `v`.

The connector patterns are what the composer needs: `join` is the text allowed
between parts of one expression ("tmrw at 7:30pm"), `range_conn` between the
bounds of a range, `num_before`/`num_after` a bare number bounding a range
("9–11am", "3. bis 7. Mai", "Jan 18–22"), `between` an opening word whose
"and" joins the bounds ("zwischen 10:30 und 13:30 Uhr"), `recurrence` a word
that makes what follows a repetition ("every Friday", 每周五), and `blocks`
whole stretches that are not datetimes (opening hours).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ownlive.understand.extractors.datetime.parts import Parts, Token

# Abbreviations whose dot belongs to the span ("Wed.", "Jan.", "Mo."); after any
# other word a final dot ends the sentence.
_ABBREVIATED = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt",
                "nov", "dec", "dez", "mär", "mrz", "mon", "tue", "tues", "wed", "thu", "thur",
                "thurs", "fri", "sat", "sun", "mo", "di", "mi", "do", "fr", "sa", "so", "ca",
                "m")  # fmt: skip
ABBREVIATIONS = frozenset(_ABBREVIATED)

Builder = Callable[[re.Match[str]], "Token | None"]
Gate = tuple[tuple[str, ...], ...]
DIGITS = tuple("0123456789")


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, its builder, and when it is worth running.

    Patterns match the lowered text (case-insensitive scans cost Python's regex
    engine several times more); a `cased` rule matches the text as written.
    `gate`: groups of substrings of the lowered text; the rule runs only when
    each group has one present, so most rules never scan a message at all.
    """

    pattern: re.Pattern[str]
    build: Builder
    gate: Gate = ()
    cased: bool = False
    # A rule for when another language is present too (or only when it is not).
    only_with: str | None = None
    skip_with: str | None = None

    def runs_with(self, langs: frozenset[str]) -> bool:
        if self.only_with is not None and self.only_with not in langs:
            return False
        return self.skip_with is None or self.skip_with not in langs


def rule(
    source: str,
    build: Builder,
    *gate: tuple[str, ...],
    cased: bool = False,
    only_with: str | None = None,
    skip_with: str | None = None,
) -> Rule:
    return Rule(re.compile(source), build, tuple(gate), cased, only_with, skip_with)


def lowered(text: str) -> str:
    """The text in lower case, character for character (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # e.g. "İ"


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    rules: tuple[Rule, ...]
    join: str  # regex source: the whole gap between two parts of one expression
    range_conn: str  # regex source: the whole gap between two bounds
    between: re.Pattern[str]  # matches the text just before a first bound, ends at it
    between_and: str  # regex source: the gap between bounds after `between`
    num_before: re.Pattern[str]  # "<n> <conn>" ending where a bound starts
    num_after: re.Pattern[str]  # "<conn> <n>" starting where a bound ends
    recurrence: re.Pattern[str]  # matches the text just before a token, ends at it
    blocks: tuple[re.Pattern[str], ...]  # stretches that hold no datetime


def token(m: re.Match[str], parts: Parts, *, weak: bool = False, drop: bool = False) -> Token:
    """A token over the match, or over its `v` group where the pattern has one."""
    if "v" in m.re.groupindex and m.start("v") >= 0:
        start, end = m.span("v")
    else:
        start, end = m.span()
    text = m.string
    if end - start > 1 and text[end - 1] == "." and text[end - 2].isalpha():
        word_start = end - 1
        while word_start > start and text[word_start - 1].isalpha():
            word_start -= 1
        if text[word_start : end - 1].lower() not in ABBREVIATIONS:
            end -= 1  # a sentence's full stop, not an abbreviation's dot
    return Token(start, end, parts, weak=weak, drop=drop)


def duration(amount: float, unit: tuple[float, int, int], sign: int) -> Parts | None:
    """Parts of a duration from now; unit = (minutes, days, months) per unit, one set."""
    minutes, days, months = unit
    if minutes:
        return Parts(offset_minutes=sign * amount * minutes)
    if days:
        return Parts(offset_days=sign * round(amount * days))
    if amount * months != int(amount * months):
        return None  # "half a month": no day a person would agree on
    return Parts(offset_months=sign * int(amount * months))


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the words, the longest where several match.

    Built as a trie ("mon(?:day)?|t(?:ue(?:s(?:day)?)?|hu...)"): Python's regex engine
    tries a flat alternation branch by branch at every position, a trie one character
    at a time, which keeps long word lists cheap to scan.
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _emit(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
