"""Numeric forms every language writes alike: ISO dates, HH:MM, day.month.year.

Each language grammar includes these rules; the composer runs a rule once
however many languages share it.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime.grammar import DIGITS, Rule, token
from ownlive.understand.extractors.datetime.parts import Parts, Token

# Neither a digit, a decimal/thousands separator nor a letter right before a number:
# keeps versions (v2.3), prices (12,50) and codes (LH720) out.
NUM_START = r"(?<![A-Za-z0-9_.,:/+$€£¥])"

ISO = re.compile(
    NUM_START + r"(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    r"(?:(?:[Tt]|\s+)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?![\d:]))?"
)
CLOCK = re.compile(
    NUM_START + r"(?P<h>[01]?\d|2[0-4])[:：](?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d:]|[.,]\d)"
)
# "9h15", "16.29h": the hour mark of French and German writing, minutes required.
H_MARK = re.compile(
    NUM_START + r"(?P<h>[01]?\d|2[0-4])(?:h(?P<m>[0-5]\d)|[.:](?P<m2>[0-5]\d)\s?h)(?![\w])"
)
# "1115", "0935-1101" after a date: only beside a date (weak), never alone.
MILITARY = re.compile(NUM_START + r"(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d.,:/])")
# "03.07" without the final dot: a date only beside a weekday or time (weak).
DAY_MONTH = re.compile(NUM_START + r"(?P<d>\d{1,2})\.(?P<mo>\d{1,2})(?![\d.,:])")
HOUR_RANGE = re.compile(
    NUM_START + r"(?P<a>\d{1,2})\s*[-–]\s*(?P<b>\d{1,2})(?![\d:.,/%]|\s*(?:[号號日点點时時月分]|"
    r"uhr|h\b|[ap]\.?m|people|persons|guests|leute|personen|days|tage|hours|stunden|min|euro|€|\$))"
)
# "2015-12", "12/2015": a month of a year.
YEAR_MONTH = re.compile(
    NUM_START + r"(?:(?P<y>(?:19|20)\d{2})-(?P<mo>0?[1-9]|1[0-2])|"
    r"(?P<mo2>0?[1-9]|1[0-2])[-/](?P<y2>(?:19|20)\d{2}))"
    r"(?![\d/-]|[.,]\d)"
)
DOTTED = re.compile(
    r"(?P<pre>\b(?:am|vom|zum|bis|ab|den|dem|seit|on|by|until)\s+)?"
    + NUM_START
    + r"(?P<v>(?P<d>\d{1,2})\.[ ]?(?P<mo>\d{1,2})\."
    r"(?P<y>(?:19|20)?\d{2}(?!\d)|[ ](?:19|20)\d{2}(?!\d))?)(?![\d]|\.\d)"
)


def _iso(m: re.Match[str]) -> Token | None:
    month, day = int(m["mo"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    parts = Parts(year=int(m["y"]), month=month, day=day)
    if m["h"] is not None:
        hour, minute = int(m["h"]), int(m["mi"])
        if hour > 24 or minute > 59:
            return None
        parts.hour, parts.minute, parts.clock24 = hour, minute, True
    return token(m, parts)


def _clock(m: re.Match[str]) -> Token | None:
    return token(m, Parts(hour=int(m["h"]), minute=int(m["m"]), clock24=True))


def _dotted(m: re.Match[str]) -> Token | None:
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = None
    if m["y"]:
        year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)  # int() skips the " " of ". 2017"
    # "3.9." alone may be a rating ending a sentence; "am 3.9.", "03.09." are dates.
    weak = len(m["d"]) == len(m["mo"]) == 1 and year is None and m["pre"] is None
    return token(m, Parts(year=year, month=month, day=day), weak=weak)


def _year_month(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=int(m["y"] or m["y2"]), month=int(m["mo"] or m["mo2"])))


def _hour_range(m: re.Match[str]) -> Token | None:
    """'10-11' beside a date ("tomorrow 10-11"): weak, it needs the date to count."""
    first, last = int(m["a"]), int(m["b"])
    # "10-11", or across noon on the 12-hour clock ("9-5"); never a score ("3-1", "21-17").
    if not (0 < first < last <= 24 or (6 <= first <= 12 and 0 < last < first)):
        return None
    return Token(m.start(), m.end(), Parts(hour=first), weak=True, last=Parts(hour=last))


def _h_mark(m: re.Match[str]) -> Token | None:
    minute = int(m["m"] or m["m2"])
    return token(m, Parts(hour=int(m["h"]), minute=minute, clock24=True))


def _military(m: re.Match[str]) -> Token | None:
    found = token(m, Parts(hour=int(m["h"]), minute=int(m["m"]), clock24=True), weak=True)
    found.calendar_only = True
    return found


def _day_month(m: re.Match[str]) -> Token | None:
    """'22.10': October 22 or 22:10, whichever its neighbours take; '16.45' only a time."""
    first, second = int(m["d"]), int(m["mo"])
    date = Parts(month=second, day=first) if 1 <= second <= 12 and 1 <= first <= 31 else None
    clock = Parts(hour=first, minute=second, clock24=True) if first <= 24 else None
    if date is None and clock is None:
        return None
    if date is None:
        return token(m, clock, weak=True) if clock is not None else None
    found = token(m, date, weak=True)
    found.alt = clock
    return found


COMMON_RULES: tuple[Rule, ...] = (
    Rule(ISO, _iso, (DIGITS,)),
    Rule(CLOCK, _clock, (DIGITS, (":", "："))),
    Rule(DOTTED, _dotted, (DIGITS, (".",))),
    Rule(H_MARK, _h_mark, (DIGITS, ("h",))),
    Rule(MILITARY, _military, (DIGITS,)),
    Rule(DAY_MONTH, _day_month, (DIGITS, (".",))),
    Rule(HOUR_RANGE, _hour_range, (DIGITS, ("-", "–"))),
    Rule(YEAR_MONTH, _year_month, (("19", "20"), ("-", "/"))),
)
