"""From parsed parts and the sent time to a value: start, optional end, grain.

The rules are DESIGN.md 4.1: day-parts without a clock time are that date at
00:00 (grain day); "Uhr"/时/HH:MM read on the 24-hour clock; a bare hour 1–11
takes the reading a person would (see `Cues`); a bare weekday is the first
later date with it, "next <weekday>" the one in the next Monday–Sunday week;
a date without a year is the first on or after the sent date; durations from
now add to the sent instant (grain minute), "in 3 days" to the sent date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from ownlive.understand.extractors.datetime.cues import Cues
from ownlive.understand.extractors.datetime.holidays import next_holiday
from ownlive.understand.extractors.datetime.parts import Parts

GRAINS = ("year", "month", "day", "hour", "minute")
_FINENESS = {g: i for i, g in enumerate(GRAINS)}


@dataclass(frozen=True, slots=True)
class Resolved:
    start: datetime
    grain: str
    end: datetime | None = None

    def to_value(self) -> dict[str, str]:
        value = {"start": self.start.isoformat()}
        if self.end is not None:
            value["end"] = self.end.isoformat()
        value["grain"] = self.grain
        return value


def finer(a: str, b: str) -> str:
    return a if _FINENESS[a] >= _FINENESS[b] else b


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + shift
    return total // 12, total % 12 + 1


def _valid(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def _date_of(p: Parts, today: date, base: date) -> tuple[date, str, date | None] | None:
    """(day, grain, last day of a named week/weekend) for the date fields, or None."""
    if p.offset_days is not None:
        return today + timedelta(days=p.offset_days), "day", None
    if p.offset_months is not None:
        year, month = _add_months(today.year, today.month, p.offset_months)
        last = calendar.monthrange(year, month)[1]
        return date(year, month, min(today.day, last)), "day", None
    if p.period in _SPANS:
        return _span(p, today)
    if p.period in ("year", "month") and (p.month or p.day or p.holiday or p.weekday is not None):
        p = _calendar_period(p, today)
    elif p.period == "latest" and p.month is not None:
        # "last March": the most recent March before the current month
        year = today.year if p.month < today.month else today.year - 1
        p = replace(p, period=None, period_shift=None, year=year)
    if p.period == "week" and p.day is not None:
        # "the week of April 10th": the Monday–Sunday week holding that date
        held = _calendar_date(replace(p, period=None), base)
        if held is None:
            return None
        monday = held[0] - timedelta(days=held[0].weekday())
        return monday, "day", monday + timedelta(days=6)
    if p.day is not None or p.month is not None or (p.year is not None and p.holiday is None):
        return _calendar_date(p, base)
    if p.holiday is not None:
        found = next_holiday(p.holiday, base, p.year)
        return (found, "day", None) if found else None
    if p.rel_day is not None:
        return today + timedelta(days=p.rel_day), "day", None
    if p.weekday is not None:
        if p.week_shift is None:
            ahead = (p.weekday - base.weekday()) % 7
            if base == today and ahead == 0:
                ahead = 7  # "the first later date": never the sent date itself
            return base + timedelta(days=ahead), "day", None
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days=7 * p.week_shift + p.weekday), "day", None
    if p.period is not None:
        return _period(p, today)
    return None


def _calendar_period(p: Parts, today: date) -> Parts:
    """明年3月, 下个月5号, 'this September': the period fixes the year (and month)."""
    shift = p.period_shift or 0
    if p.period == "year":
        return replace(p, period=None, period_shift=None, year=today.year + shift)
    year, month = _add_months(today.year, today.month, shift)
    return replace(p, period=None, period_shift=None, year=year, month=p.month or month)


def _calendar_date(p: Parts, base: date) -> tuple[date, str, date | None] | None:
    if p.day is not None and p.day < 0 and p.month is not None:
        # Counted from the month's end: "end of March" (-1), "last week of July" (-7 .. -1).
        in_year = p.year or (base.year if p.month >= base.month else base.year + 1)
        p = replace(p, year=in_year, day=calendar.monthrange(in_year, p.month)[1] + 1 + p.day)
    if p.day is None:
        if p.month is None:
            return (date(p.year, 1, 1), "year", None) if p.year else None
        year = p.year
        if year is None:
            year = base.year if p.month >= base.month else base.year + 1
        return date(year, p.month, 1), "month", None
    if p.month is None:
        # A bare day of month: this month's if not past, else the next month that has it
        # ("Tue 13th": the next month whose 13th is a Tuesday).
        year, month = base.year, base.month
        for _ in range(14 if p.weekday is not None else 3):
            found = _valid(year, month, p.day)
            weekday_ok = found is not None and (p.weekday is None or found.weekday() == p.weekday)
            if found is not None and found >= base and weekday_ok:
                return found, "day", None
            year, month = _add_months(year, month, 1)
        return None
    if p.year is not None:
        found = _valid(p.year, p.month, p.day)
        return (found, "day", None) if found else None
    for year in range(base.year, base.year + 5):  # Feb 29 may be years ahead
        found = _valid(year, p.month, p.day)
        if found is not None and found >= base:
            return found, "day", None
    return None


def _period(p: Parts, today: date) -> tuple[date, str, date | None] | None:
    shift = p.period_shift or 0
    if p.period == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * shift)
        return monday, "day", monday + timedelta(days=6)
    if p.period == "weekend":
        saturday = today - timedelta(days=today.weekday()) + timedelta(days=5 + 7 * shift)
        return saturday, "day", saturday + timedelta(days=1)
    if p.period == "month":
        year, month = _add_months(today.year, today.month, shift)
        return date(year, month, 1), "month", None
    if p.period == "year":
        return date(today.year + shift, 1, 1), "year", None
    return None


_SPANS = ("season", "quarter", "days", "isoweek")


def _iso_monday(year: int | None, week: int, today: date) -> date | None:
    """Monday of ISO week `week`; without a year, of the first such week not yet over."""
    try:
        if year is not None:
            return date.fromisocalendar(year, week, 1)
        this_year = today.isocalendar()[0]
        monday = date.fromisocalendar(this_year, week, 1)
        if monday + timedelta(days=6) >= today:
            return monday
        return date.fromisocalendar(this_year + 1, week, 1)
    except ValueError:
        return None


def _span(p: Parts, today: date) -> tuple[date, str, date | None] | None:
    """Seasons, quarters and "the next 3 days": a range of months or days."""
    shift = p.period_shift or 0
    if p.period == "days":
        return today + timedelta(days=1), "day", today + timedelta(days=shift)
    if p.period == "isoweek":  # "week 36": Monday–Sunday of that ISO week
        monday = _iso_monday(p.year, shift, today)
        if monday is None:
            return None  # week 53 of a year that has 52
        if p.weekday is not None:  # "Thursday, week 23"
            return monday + timedelta(days=p.weekday), "day", None
        return monday, "day", monday + timedelta(days=6)
    if p.month is None:
        if p.period != "quarter":
            return None
        first = (today.month - 1) // 3 * 3 + 1  # "this quarter", "next quarter"
        year, month = _add_months(today.year, first, 3 * shift)
    elif p.year is not None:
        year, month = p.year, p.month
    else:
        # The season or quarter now under way or the next one; "next" the one after.
        year, month = today.year, p.month
        if (today.year * 12 + today.month) - (year * 12 + month) >= 3:
            year += 1
        elif (year * 12 + month) - (today.year * 12 + today.month) > 9:
            year -= 1
        if shift > 0 and year * 12 + month <= today.year * 12 + today.month:
            year += 1
    end_year, end_month = _add_months(year, month, 2)
    return date(year, month, 1), "month", date(end_year, end_month, 1)


def _hour24(p: Parts, cues: Cues, day_known: bool, ref: datetime) -> tuple[int, int]:
    """(hour on the 24-hour clock, days to add) for the clock time written."""
    h = p.hour if p.hour is not None else 0
    minute = p.minute or 0
    if h > 12 or (h == 0 and p.meridiem is None):
        return (h % 24, 1 if h == 24 else 0)
    if p.meridiem == "am":
        return (0 if h == 12 else h), 0
    if p.meridiem == "pm":
        return (h if h == 12 else h + 12), 0
    part = p.daypart
    if part in ("morning", "early"):
        return (0 if h == 12 and part == "early" else h), 0
    if part == "noon":
        return (h + 12 if h <= 5 else h), 0
    if part == "afternoon":
        return (h if h == 12 else h + 12), 0
    if part in ("evening", "night", "midnight"):
        if h == 12:
            return 0, 1
        if h <= 4 or (part == "night" and h <= 5):
            return h, 1 if part == "night" else 0
        return h + 12, 0
    if p.clock24:
        return h, 0
    # A bare hour: the reading a person would take.
    if h == 12:
        return 12, 0
    if (cues.evening and 5 <= h <= 10) or (h == 11 and cues.late_night):
        return h + 12, 0
    if cues.morning and h >= 6:
        return h, 0
    if h <= 6:
        return h + 12, 0
    if not day_known and h <= 10:
        am = ref.replace(hour=h, minute=minute, second=0, microsecond=0)
        if am < ref.replace(minute=0, second=0, microsecond=0) and not cues.past:
            return h + 12, 0
    return h, 0


# The hour a day-part alone is over by: said later, it means the next day's.
_DAYPART_OVER = {"early": 6, "morning": 12, "afternoon": 18}


def resolve(
    p: Parts, ref: datetime, cues: Cues, anchor: date | None = None, after: datetime | None = None
) -> Resolved | None:
    """One point (or a named week/weekend). `anchor`: a date the message named before.

    `after`: the start of a range whose last bound this is; the bound is then the
    first such date or time on or after it.
    """
    if p.offset_minutes is not None:
        moved = ref + timedelta(minutes=p.offset_minutes)
        return Resolved(moved.replace(second=0, microsecond=0), "minute")
    today = ref.date()
    base = after.date() if after is not None else today
    found = _date_of(p, today, base)
    last_day = None
    if found is not None:
        day, grain, last_day = found
    elif p.has_time() or p.daypart is not None:
        day, grain = (after.date() if after else anchor or today), "day"
        over = _DAYPART_OVER.get(p.daypart or "", 24)
        if day == today and p.hour is None and ref.hour >= over and not cues.past:
            day += timedelta(days=1)  # "in the morning" said at 18:30: tomorrow's
    else:
        return None
    day_known = found is not None or anchor is not None or after is not None
    clock = time(0, 0)
    if p.hour is not None:
        hour, carry = _hour24(p, cues, day_known, ref)
        if p.minute is not None and not 0 <= p.minute < 60:
            return None
        clock = time(hour, p.minute or 0)
        day += timedelta(days=carry)
        grain = "minute" if p.minute is not None else "hour"
    elif p.daypart == "noon":
        clock, grain = time(12, 0), "hour"
    elif p.daypart == "midnight":
        day += timedelta(days=1)
        grain = "hour"
    start = datetime.combine(day, clock, tzinfo=ref.tzinfo)
    if found is None and after is None and anchor is None and grain in ("hour", "minute"):
        # A clock time alone is its next occurrence, unless the message tells of the past.
        floor = ref.replace(second=0, microsecond=0)
        if grain == "hour":
            floor = floor.replace(minute=0)
        if start < floor and not cues.past:
            start += timedelta(days=1)
    if after is not None and start < after and grain in ("hour", "minute"):
        start += timedelta(days=1)  # "22:00–02:00" ends the next morning
    end = None
    if last_day is not None:
        end = datetime.combine(last_day, time(0, 0), tzinfo=ref.tzinfo)
    return Resolved(start, grain, end)


_CONTEXT_FIELDS = ("year", "month", "week_shift", "period", "period_shift")


def _context_of(last: Parts, first: Parts) -> Parts | None:
    """`first` with the year, month, week or period that only `last` names; None if none."""
    taken = {
        name: getattr(last, name)
        for name in _CONTEXT_FIELDS
        if getattr(first, name) is None and getattr(last, name) is not None
    }
    return replace(first, **taken) if taken else None


def resolve_range(
    first: Parts, last: Parts, ref: datetime, cues: Cues, anchor: date | None = None
) -> Resolved | None:
    """A range: start = the first bound, end = the instant the last bound names."""
    start = resolve(first, ref, cues, anchor)
    if start is None:
        return None
    end = resolve(last, ref, cues, anchor, after=start.start)
    if end is None:
        return None
    bare_first = first.hour is not None and first.meridiem is None and first.daypart is None
    if bare_first and (last.meridiem is not None or last.daypart is not None):
        # "11–1pm": the first bound takes the last's half of the day unless that
        # would put it after the end.
        borrowed = replace(first, meridiem=last.meridiem, daypart=last.daypart)
        again = resolve(borrowed, ref, cues, anchor)
        if again is not None and again.start <= end.start:
            start = again
        elif again is not None:
            borrowed.meridiem, borrowed.daypart = "am", None
            retry = resolve(borrowed, ref, cues, anchor)
            start = retry if retry is not None and retry.start <= end.start else start
    if (
        bare_first
        and not first.has_date()
        and end.start - start.start > timedelta(hours=12)
        and first.hour is not None
        and first.hour <= 12
    ):
        # "between 9 and 12" sent in the evening: tomorrow morning, not 21:00 to noon.
        morning = replace(first, meridiem="am")
        again = resolve(morning, ref, cues, anchor)
        if again is not None:
            later = resolve(last, ref, cues, anchor, after=again.start)
            if later is not None and later.start - again.start <= timedelta(hours=12):
                start, end = again, later
    if end.start < start.start:
        # "from Wed to Fri this week", "the 10th until the 11th of this month": the
        # last bound's week or month holds for the first one too.
        shared = _context_of(last, first)
        again = resolve(shared, ref, cues, anchor) if shared is not None else None
        if again is None or again.start > end.start:
            return None  # "春节-下周": bounds that run backwards name no range
        start = again
    grain = finer(start.grain, end.grain)
    return Resolved(start.start, grain, end.start)
