"""English forms beyond the core grammar: dotted dates, ISO week numbers, rarer clocks.

"16.12", "31.9 around 0720", "6.6. late" are day.month as Europeans write them in
English too; a decimal ("1.5 hours", "3.12 miles") or a price stays out because only
words a plan goes on with may follow. "week 36" is the ISO week of the sent year
(Monday–Sunday). "1140 a.m." is a clock time without its colon; "mid night" is midnight;
"2016 10 16" an ISO date written with spaces; "25th?" alone, a day of the month.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime.grammar import DIGITS, Rule, rule, token
from ownlive.understand.extractors.datetime.grammar_common import NUM_START
from ownlive.understand.extractors.datetime.grammar_en_time import beside_german
from ownlive.understand.extractors.datetime.parts import Parts, Token

# What may follow a dotted date: the end, punctuation, a range dash, or a word a plan
# goes on with ("8.11 in the evening", "31.9 around 0720", "10.10 - 11.10").
_DOT_FOLLOW = (
    r"(?=\s*(?:\Z|[,;!?)(\n]|\.(?!\d)|[-–—~]\s*\d|(?:to|till|until|and|or|at|around|about|"
    r"in\s+the|early|late|evening|morning|afternoon|night|noon|midday|ca\.?|approx\.?|"
    r"from|between)\b|\d{1,2}(?::\d{2}|\s*[ap]\.?m\b)|\d{4}\b))"
)
# Words after which "10.10" is a clock time, a version, a rating or a measure.
_NOT_DATE_BEFORE = re.compile(
    r"(?:\b(?:at|around|about|approx|version|v|rated|rating|score|scored|of|"
    r"ratio|is|was|were|are|it's|costs?|paid|pay|for|only|just|up|down|x|gpa|total|price|"
    r"amount|balance|sum|average|avg|rate|weight|height|temperature|temp)\s*:?\s*|@\s*)\Z"
)


def _dot_date(m: re.Match[str]) -> Token | None:
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    # "1.5", "2.3" are decimals more often than dates: a one-digit day and month need
    # the German final dot ("6.6.").
    if len(m["d"]) == len(m["mo"]) == 1 and not m["dot"]:
        return None
    if _NOT_DATE_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None
    found = token(m, Parts(day=day, month=month))
    if day <= 23 and not m["dot"]:
        found.alt = Parts(hour=day, minute=month, clock24=True)  # "17.05-18.15": times
    return found


def _iso_week(m: re.Match[str]) -> Token | None:
    number = int(m["n"])
    if not 1 <= number <= 53:
        return None
    year = int(m["y"]) if m["y"] else None
    return token(m, Parts(period="isoweek", period_shift=number, year=year))


_WEEK_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def _nth_week_of_year(m: re.Match[str]) -> Token | None:
    """'first week of 2019': ISO week 1 (it may start in December)."""
    number = _WEEK_ORDINALS[m["nth"]]
    return token(m, Parts(period="isoweek", period_shift=number, year=int(m["y"])))


def _four_digit_clock(m: re.Match[str]) -> Token | None:
    hour, minute = int(m["h"]), int(m["m"])
    if not 1 <= hour <= 12:
        return None
    meridiem = "am" if m["ap"].lower().startswith("a") else "pm"
    return token(m, Parts(hour=hour, minute=minute, meridiem=meridiem))


def _ordinal_alone(m: re.Match[str]) -> Token | None:
    day = int(m["d"])
    return token(m, Parts(day=day)) if 1 <= day <= 31 else None


def _midnight(m: re.Match[str]) -> Token | None:
    return token(m, Parts(daypart="midnight"))


def _spaced_iso(m: re.Match[str]) -> Token | None:
    year, month, day = int(m["y"]), int(m["mo"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return token(m, Parts(year=year, month=month, day=day))


def _year_of(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=int(m["v"])))


_FOUR_DIGIT_CUES = ("am", "pm", "a.m", "p.m", "a m", "p m")

RULES: tuple[Rule, ...] = (
    rule(
        NUM_START + r"(?P<v>(?P<d>\d{1,2})\.(?P<mo>\d{1,2})(?P<dot>\.)?)(?![\d,%])" + _DOT_FOLLOW,
        _dot_date,
        (".",),
        DIGITS,
        skip_with="zh",  # 版本 1.10, 12.10元: Chinese writes its dates with 月/日
    ),
    rule(
        r"\b(?:calendar\s+)?week\s+(?P<n>\d{1,2})\b(?:,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})\b)?"
        r"(?!\s*(?:of\b|[-/.:]\d|%|days?|weeks?|hours?))",
        _iso_week,
        ("week",),
    ),
    rule(
        r"\b(?P<v>(?P<nth>first|1st|second|2nd|third|3rd)\s+week\s+of\s+"
        r"(?P<y>(?:19|20)\d{2}))\b(?![-/.:]\d)",
        _nth_week_of_year,
        ("week",),
    ),
    rule(
        NUM_START + r"(?P<h>[01]?\d)(?P<m>[0-5]\d)\s*(?P<ap>[ap]\.?\s?m\b\.?)(?![a-z0-9])",
        _four_digit_clock,
        _FOUR_DIGIT_CUES,
        skip_with="de",
    ),
    # Beside German, "0830 am Bahnhof" is "at the station" (see AMPM_BESIDE_GERMAN).
    beside_german(
        NUM_START + r"(?P<h>[01]?\d)(?P<m>[0-5]\d)\s*", _four_digit_clock, _FOUR_DIGIT_CUES
    ),
    rule(
        NUM_START + r"(?P<y>(?:19|20)\d{2}) (?P<mo>[01]\d) (?P<d>[0-3]\d)(?!\d|[.,:]\d|\s+\d)",
        _spaced_iso,
        ("19", "20"),
    ),
    # "25th?" as a whole message answers "which day?"
    rule(
        r"\A\s*(?P<v>(?P<d>\d{1,2})(?:st|nd|rd|th))\s*[?!.]*\s*\Z",
        _ordinal_alone,
        ("st", "nd", "rd", "th"),
        DIGITS,
    ),
    rule(r"\bmid\s+night\b", _midnight, ("mid",)),
    rule(r"\bthe\s+year\s+(?:of\s+)?(?P<v>(?:19|20)\d{2})\b(?![-/.:]\d)", _year_of, ("year",)),
)
