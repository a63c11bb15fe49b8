"""More German date forms: "20/09", "26./27.09.", "KW 32", "10ter Juni", "Ende des Monats".

Day-first slashes ("24/09") are German order; alone they may be a fraction or a
score, so they count only after a date's preposition, with a year, or beside a
weekday or a time. "17/18 Uhr" names two hours a person hesitates between: the
range of both. Calendar weeks are ISO weeks (`resolve._span`).
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime.grammar import DIGITS, Rule, rule, token
from ownlive.understand.extractors.datetime.grammar_common import NUM_START
from ownlive.understand.extractors.datetime.parts import Parts, Token

_PRE = r"(?P<pre>\b(?:am|vom|zum|bis|ab|den|dem|seit)\s+)?"
_YEAR2 = r"(?P<y>(?:19|20)?\d{2})"
_VERSION_BEFORE = re.compile(r"(?:version|release|build|\bv)\s*\Z", re.IGNORECASE)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    return int(raw) + (2000 if len(raw) == 2 else 0)


def _slash_date(m: re.Match[str]) -> Token | None:
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= day <= 31) or (day, month) == (24, 7):
        return None  # "24/7": always
    year = _year(m["y"])
    if year is None and m["pre"] is None and day < month <= 8:
        return None  # "2/3", "3/4": a fraction more often than a date
    weak = year is None and m["pre"] is None
    return token(m, Parts(year=year, month=month, day=day), weak=weak)


def _slash_hours(m: re.Match[str]) -> Token | None:
    first, last = int(m["a"]), int(m["b"])
    if not 0 <= first < last <= 24:
        return None
    found = token(m, Parts(hour=first, clock24=True))
    found.last = Parts(hour=last, clock24=True)
    return found


def _days_of_month(m: re.Match[str]) -> Token | None:
    """'26./27.09.2017': two days of one month, the month and year written once."""
    first, last, month = int(m["d1"]), int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= first < last <= 31):
        return None
    year = _year(m["y"])
    found = token(m, Parts(year=year, month=month, day=first))
    found.last = Parts(year=year, month=month, day=last)
    return found


def _typo_date(m: re.Match[str]) -> Token | None:
    """'06.06..2017' (a doubled dot), '01.06.201' (a year cut short): the date is plain.

    Only zero-padded day and month, so version numbers ("1.2.201") stay out; a cut
    year is read as no year at all, which resolves to the coming date.
    """
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if _VERSION_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "Version 01.02.203"
    return token(m, Parts(year=_year(m["y"]), month=month, day=day))


def _deadline_date(m: re.Match[str]) -> Token | None:
    """'4.9. spätestens': a date however short, since a deadline follows."""
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return token(m, Parts(month=month, day=day))


def _day_before_auf(m: re.Match[str]) -> Token | None:
    """'11. auf 12.': the night from one day to the next; the composer takes the second."""
    day = int(m["d"])
    return token(m, Parts(day=day)) if 1 <= day <= 31 else None


def _ordinal_day(m: re.Match[str]) -> Token | None:
    """'18ter', 'am 3ten': a day of the month; alone only beside a weekday or a month."""
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    # "zum 3ten Mal", "den 2ten Platz": a rank, unless a clause's end or a time follows
    return token(m, Parts(day=day), weak=m["pre"] is None or m["end"] is None)


def _calendar_week(m: re.Match[str]) -> Token | None:
    number = int(m["n"] or m["n2"])
    if not 1 <= number <= 53:
        return None
    year = int(m["y"]) if m["y"] else None
    return token(m, Parts(period="isoweek", period_shift=number, year=year))


_SHIFTS = {"nächst": 1, "kommend": 1, "dies": 0, "letzt": -1, "vergangen": -1}
_UNITS = {"woche": "week", "monats": "month", "jahres": "year"}


def _part_of_period(m: re.Match[str]) -> Token | None:
    """'Ende des Monats', 'Anfang nächster Woche', 'Mitte des Jahres'.

    As in English: an end is the week's Friday, the month's last day, December 31;
    a beginning the Monday, the first; a middle the whole period.
    """
    mod = (m["mod"] or "").lower()
    shift = next((s for stem, s in _SHIFTS.items() if mod.startswith(stem)), 0)
    unit, edge = _UNITS[m["u"]], m["edge"]
    if m["y"]:  # "Anfang des Jahres 2027"
        day_month = (12, 31) if edge == "ende" else (1, 1) if edge == "anfang" else None
        if day_month is None:
            return token(m, Parts(year=int(m["y"])))
        return token(m, Parts(year=int(m["y"]), month=day_month[0], day=day_month[1]))
    if edge == "mitte":
        return token(m, Parts(period=unit, period_shift=shift))
    end = edge == "ende"
    if unit == "week":
        return token(m, Parts(weekday=4 if end else 0, week_shift=shift))
    if unit == "month":
        return token(m, Parts(period="month", period_shift=shift, day=-1 if end else 1))
    month, day = (12, 31) if end else (1, 1)
    return token(m, Parts(period="year", period_shift=shift, month=month, day=day))


def _after_weekend(m: re.Match[str]) -> Token | None:
    """'nach dem Wochenende': the Monday after it."""
    return token(m, Parts(weekday=0, week_shift=1))


_MOD = r"(?P<mod>nächste[nr]?|kommende[nr]?|diese[nrs]?|letzte[nr]?|vergangene[nr]?)"

RULES: tuple[Rule, ...] = (
    rule(
        _PRE + NUM_START + r"(?P<v>(?P<d>\d{1,2})/(?P<mo>\d{1,2})(?:/" + _YEAR2 + r")?)"
        r"(?![\d/]|[.,]\d|\s*(?:uhr|h\b|std|stunde|min|sek|tag|woche|monat|jahr|mal\b|%|"
        r"punkte|sterne|seite|kilo|kg|km|liter|stück|euro|€))",
        _slash_date,
        ("/",),
        skip_with="en",  # English present: its month-first rule reads the slash
    ),
    rule(NUM_START + r"(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})\s*uhr\b", _slash_hours, ("/",)),
    rule(
        NUM_START + r"(?P<d1>\d{1,2})\.\s*/\s*(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\."
        r"(?:" + _YEAR2 + r"(?!\d))?",
        _days_of_month,
        ("/",),
    ),
    rule(
        NUM_START + r"(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?=\s*(?:spätest|frühest))",
        _deadline_date,
        ("spätest", "frühest"),
        DIGITS,
    ),
    rule(
        NUM_START + r"(?P<d>\d{1,2})\.(?=\s*auf\s+(?:den\s+)?\d{1,2}\.(?!\d))",
        _day_before_auf,
        ("auf",),
        DIGITS,
    ),
    rule(
        r"(?P<pre>\b(?:am|zum|bis\s+zum|den|dem|vom|ab\s+dem)\s+)?"
        r"\b(?P<v>(?P<d>\d{1,2})(?:te[nmrs]?|ste[nmrs]?))\b"
        r"(?P<end>(?=\s*(?:$|[,.!?;:)]|(?:um|ab|gegen|bis|und|oder)\b|\d)))?",
        _ordinal_day,
        ("te",),
        DIGITS,
    ),
    rule(
        r"\b(?:(?:kalenderwoche|kw)\s*(?P<n>\d{1,2})|(?P<n2>\d{1,2})\.\s*(?:kalenderwoche|kw))"
        r"\b(?:\s*(?:/|,)?\s*(?P<y>(?:19|20)\d{2})\b)?",
        _calendar_week,
        ("kw", "kalenderwoche"),
        DIGITS,
    ),
    rule(
        rf"\b(?P<edge>anfang|mitte|ende)\s+(?:des|der|{_MOD})\s+(?P<u>woche|monats|jahres)\b"
        r"(?:(?<=jahres)\s+(?P<y>(?:19|20)\d{2})\b)?",
        _part_of_period,
        ("anfang", "mitte", "ende"),
    ),
    rule(r"\bnach\s+dem\s+wochenende\b", _after_weekend, ("wochenende",)),
    rule(
        NUM_START + r"(?P<d>\d\d)\.(?P<mo>\d\d)\.(?:\.(?P<y>(?:19|20)\d\d)|20\d)(?!\d|\.\d)",
        _typo_date,
        DIGITS,
        (".",),
    ),
)
