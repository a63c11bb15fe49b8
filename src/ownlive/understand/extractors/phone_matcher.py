"""libphonenumber's matcher (leniency VALID) run for several regions over one text at once.

The phone extractor reads a digit run that its language's region rejected in twenty-odd
other regions. `phonenumbers.PhoneNumberMatcher` would walk the text once per region:
find candidates, drop dates and time stamps, split each into inner candidates. None of
that depends on the region; only parsing and validating a candidate does. This module
walks the text once, remembers the candidates and their inner candidates by position,
and per region only parses and validates, in the matcher's own order and with its own
retry budget: each region finds exactly what
`PhoneNumberMatcher(text, region, leniency=Leniency.VALID)` finds
(tests/understand/extractors/test_phone_matcher.py compares the two).

Parsing is most of what is left, so a candidate is parsed in a region only where it may
be a number there (`_Reach`): libphonenumber's parse, read ahead, gives a candidate
without a + or the region's international prefix the region's country code, and its
national significant number is digits of the candidate in a row; the number is valid
only where those match the general pattern of a region with that country code.

It replays `phonenumbermatcher.PhoneNumberMatcher._find`, `_extract_match`,
`_extract_inner_match` and `_parse_and_verify` of the pinned phonenumberslite
(pyproject.toml), with the library's own patterns and checks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import phonenumbermatcher as pm
from phonenumbers import phonenumberutil as pu
from phonenumbers.re_util import fullmatch

_MAX_TRIES = 65535  # PhoneNumberMatcher's default
_Matcher = pm.PhoneNumberMatcher
_VALID = phonenumbers.Leniency.VALID
# `_verify` takes the matcher for the grouping leniencies only; VALID never reads it.
_UNUSED_MATCHER = _Matcher("", None)


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    number: phonenumbers.PhoneNumber


@dataclass(slots=True)
class _Candidate:
    """One candidate of the outer search: where the next search starts, what it tries.

    `steps` follow `_extract_match`: the whole candidate (not counted against the retry
    budget), then each inner-match round, whose one or two tries each cost one retry;
    a round starts only while retries are left. None: a date or time stamp, no tries.
    """

    start: int
    length: int
    steps: tuple[tuple[tuple[str, int], ...], ...] | None


@dataclass(frozen=True, slots=True)
class _Reach:
    """A region's international prefix and the general patterns of its country code."""

    idd: re.Pattern[str]
    national: re.Pattern[str]

    def may_read(self, digit_forms: tuple[str, ...]) -> bool:
        return any(self.idd.search(d) or self.national.search(d) for d in digit_forms)


@functools.cache
def _reach(region: str) -> _Reach | None:
    """None where the shortcut does not hold and every candidate is parsed."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.country_code is None or meta.international_prefix is None:
        return None
    if meta.national_prefix_transform_rule:
        return None  # a trunk prefix that rewrites the digits (JP, BR)
    patterns = []
    for sibling in phonenumbers.region_codes_for_country_code(meta.country_code):
        other = phonenumbers.PhoneMetadata.metadata_for_region(sibling)
        desc = other.general_desc if other is not None else None
        if desc is None or not desc.national_number_pattern:
            return None
        patterns.append(f"(?:{desc.national_number_pattern})")
    return _Reach(re.compile(meta.international_prefix), re.compile("|".join(patterns)))


def _digit_forms(candidate: str) -> tuple[str, ...] | None:
    """The candidate's digits as parse normalises them: plain, and with letters read on a
    keypad (1-800-FLOWERS). None where a + (or an RFC 3966 ';') lets it name any country."""
    if "+" in candidate or "\uff0b" in candidate or ";" in candidate:
        return None
    keypad = phonenumbers.convert_alpha_characters_in_number(candidate)
    return (
        phonenumbers.normalize_digits_only(candidate),
        "".join(c for c in keypad if c in _ASCII_DIGITS),
    )


_ASCII_DIGITS = frozenset("0123456789")


@dataclass(slots=True)
class _Walk:
    text: str
    candidates: dict[int, _Candidate | None] = field(default_factory=dict)
    plausible: dict[tuple[str, int], bool] = field(default_factory=dict)
    forms: dict[str, tuple[str, ...] | None] = field(default_factory=dict)

    def may_read(self, candidate: str, region: str) -> bool:
        """False only where parsing `candidate` in `region` cannot give a valid number."""
        reach = _reach(region)
        if reach is None:
            return True
        if candidate not in self.forms:
            self.forms[candidate] = _digit_forms(candidate)
        forms = self.forms[candidate]
        return forms is None or reach.may_read(forms)

    def candidate_from(self, index: int) -> _Candidate | None:
        if index not in self.candidates:
            self.candidates[index] = self._candidate(index)
        return self.candidates[index]

    def _candidate(self, index: int) -> _Candidate | None:
        match = pm._PATTERN.search(self.text, index)
        if match is None:
            return None
        start = match.start()
        candidate = _trim(pu._SECOND_NUMBER_START_PATTERN, self.text[start : match.end()])
        return _Candidate(start, len(candidate), self._steps(candidate, start))

    def _steps(self, candidate: str, offset: int) -> tuple[tuple[tuple[str, int], ...], ...] | None:
        if pm._SLASH_SEPARATED_DATES.search(candidate):
            return None
        if pm._TIME_STAMPS.search(candidate):
            following = self.text[offset + len(candidate) :]
            if pm._TIME_STAMPS_SUFFIX.match(following):
                return None
        steps: list[tuple[tuple[str, int], ...]] = [((candidate, offset),)]
        for inner in pm._INNER_MATCHES:
            group_match = inner.search(candidate)
            first = True
            while group_match:
                tries: list[tuple[str, int]] = []
                if first:
                    head = candidate[: group_match.start()]
                    tries.append((_trim(pu._UNWANTED_END_CHAR_PATTERN, head), offset))
                    first = False
                group = _trim(pu._UNWANTED_END_CHAR_PATTERN, group_match.group(1))
                tries.append((group, offset + group_match.start(1)))
                steps.append(tuple(tries))
                group_match = inner.search(candidate, group_match.start() + 1)
        return tuple(steps)

    def may_be_number(self, candidate: str, offset: int) -> bool:
        """`_parse_and_verify`'s checks before parsing: brackets, page ranges, neighbours."""
        key = (candidate, offset)
        if key not in self.plausible:
            self.plausible[key] = self._may_be_number(candidate, offset)
        return self.plausible[key]

    def _may_be_number(self, candidate: str, offset: int) -> bool:
        if not fullmatch(pm._MATCHING_BRACKETS, candidate) or pm._PUB_PAGES.search(candidate):
            return False
        text = self.text
        if offset > 0 and not pm._LEAD_PATTERN.match(candidate):
            previous = text[offset - 1]
            if _Matcher._is_invalid_punctuation_symbol(previous) or _Matcher._is_latin_letter(
                previous
            ):
                return False
        last = offset + len(candidate)
        if last < len(text):
            following = text[last]
            if _Matcher._is_invalid_punctuation_symbol(following) or _Matcher._is_latin_letter(
                following
            ):
                return False
        return True


def _trim(pattern: re.Pattern[str], candidate: str) -> str:
    trailing = pattern.search(candidate)
    return candidate[: trailing.start()] if trailing else candidate


def _number(walk: _Walk, candidate: str, offset: int, region: str) -> Found | None:
    if not walk.may_be_number(candidate, offset) or not walk.may_read(candidate, region):
        return None
    try:
        number = phonenumbers.parse(candidate, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None
    if not pm._verify(_VALID, number, candidate, _UNUSED_MATCHER):
        return None
    number.country_code_source = phonenumbers.CountryCodeSource.UNSPECIFIED
    number.raw_input = None
    number.preferred_domestic_carrier_code = None
    return Found(offset, offset + len(candidate), number)


def _region_matches(walk: _Walk, region: str) -> list[Found]:
    found: list[Found] = []
    index, tries = 0, _MAX_TRIES
    while True:
        candidate = walk.candidate_from(index)
        hit: Found | None = None
        while tries > 0 and candidate is not None:
            if candidate.length >= 1:
                hit, tries = _extract(walk, candidate, region, tries)
                if hit is not None:
                    break
                tries -= 1
            candidate = walk.candidate_from(candidate.start + candidate.length)
        if hit is None:
            return found
        found.append(hit)
        index = hit.end


def _extract(
    walk: _Walk, candidate: _Candidate, region: str, tries: int
) -> tuple[Found | None, int]:
    if candidate.steps is None:
        return None, tries
    (whole,), *rounds = candidate.steps
    hit = _number(walk, *whole, region)
    if hit is not None:
        return hit, tries
    for round_ in rounds:
        if tries <= 0:
            break
        for text, offset in round_:
            hit = _number(walk, text, offset, region)
            if hit is not None:
                return hit, tries
            tries -= 1
    return None, tries


def matches(text: str, regions: Sequence[str]) -> dict[str, list[Found]]:
    """What PhoneNumberMatcher(text, region, leniency=VALID) yields, for each region."""
    walk = _Walk(text)
    return {region: _region_matches(walk, region) for region in regions}
