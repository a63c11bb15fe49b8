"""What a piece of a datetime expression says, and how adjacent pieces combine.

A grammar rule turns matched text into a `Token` holding `Parts`: the fields
the words fixed (a weekday, an hour, a day-part, a shift from now ...). The
composer joins adjacent tokens whose parts do not contradict each other
("明天" + "晚上" + "7点"), and `resolve` turns the joined parts into a value.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

# Day-parts, from the words of all three languages. "early" is 凌晨/frühmorgens:
# the small hours of the date named, never the evening before.
DAYPARTS = ("early", "morning", "noon", "afternoon", "evening", "night", "midnight")


@dataclass(slots=True)
class Parts:
    """Fields of one date/time expression; None where the words leave it open."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    week_shift: int | None = None  # Monday–Sunday weeks from this one (下周 = 1)
    rel_day: int | None = None  # days from the sent date (tomorrow = 1)
    holiday: str | None = None
    period: str | None = None  # a whole week, weekend, month or year is named
    period_shift: int | None = None  # with period: how many from the current one
    hour: int | None = None
    minute: int | None = None
    meridiem: str | None = None  # "am" / "pm"
    daypart: str | None = None  # one of DAYPARTS
    clock24: bool | None = None  # "Uhr", 时, HH:MM: read on the 24-hour clock
    today_implied: bool | None = None  # 下午, 晚上 alone: this day's, as said in Chinese
    offset_minutes: float | None = None  # "in 2 hours": from the sent instant
    offset_days: int | None = None  # "in 3 days"
    offset_months: int | None = None  # "in 2 months", "in 3 years"

    def merged(self, other: Parts) -> Parts | None:
        """Both parts together, or None where they say different things."""
        if (self.is_offset() and other.has_any_date()) or (
            other.is_offset() and self.has_any_date()
        ):
            return None
        if self.offset_minutes is not None or other.offset_minutes is not None:
            return None
        week = _week_and_weekday(self, other) or _week_and_weekday(other, self)
        if week is not None:
            return week
        out = replace(self)
        for f in _FIELD_NAMES:
            theirs = getattr(other, f)
            if theirs is None:
                continue
            mine = getattr(self, f)
            if mine is None:
                setattr(out, f, theirs)
            elif f in ("clock24", "today_implied"):
                setattr(out, f, True)
            else:
                return None  # said twice: two expressions ("7月25日，7月25日"), not one
        # One expression names one day: "tomorrow" and "Friday" together are two plans.
        anchors = sum(
            x is not None
            for x in (out.rel_day, out.weekday, out.holiday, out.offset_days, out.offset_months)
        )
        if anchors > 1 and out.day is None:
            return None
        spans = ("week", "weekend", "season", "quarter", "days", "isoweek")
        if out.period in spans and (out.has_time() or out.day is not None):
            return None
        return out

    def has_time(self) -> bool:
        return self.hour is not None or self.daypart in ("noon", "midnight")

    def has_clock(self) -> bool:
        return self.hour is not None

    def has_date(self) -> bool:
        """Names a day (or month/year), not just a time."""
        return any(
            getattr(self, f) is not None
            for f in (
                "year",
                "month",
                "day",
                "weekday",
                "rel_day",
                "holiday",
                "period",
                "offset_days",
                "offset_months",
            )
        )

    def has_any_date(self) -> bool:
        return self.has_date() or self.daypart is not None or self.has_time()

    def is_offset(self) -> bool:
        return (
            self.offset_minutes is not None
            or self.offset_days is not None
            or self.offset_months is not None
        )

    def only_daypart(self) -> bool:
        return self.daypart is not None and not self.has_date() and self.hour is None


def _week_and_weekday(week: Parts, day: Parts) -> Parts | None:
    """'Friday next week', 下周的周五, 'nächste Woche Freitag': that weekday in that week."""
    if week.period != "week" or day.weekday is None or day.week_shift is not None:
        return None
    if day.period is not None or week.weekday is not None:
        return None
    return replace(day, week_shift=week.period_shift or 0)


_FIELD_NAMES = tuple(f.name for f in fields(Parts))
DATE_FIELDS = (
    "year",
    "month",
    "day",
    "weekday",
    "week_shift",
    "rel_day",
    "holiday",
    "period",
    "period_shift",
    "offset_days",
    "offset_months",
)


@dataclass(slots=True)
class Token:
    """A matched piece of text and what it says.

    `weak` tokens are a datetime only next to something stronger: a two-letter
    "Mo" before a date, "1/2" beside a time, "in the morning" beside a clock time.
    """

    start: int
    end: int
    parts: Parts
    weak: bool = False
    last: Parts | None = None  # set on ranges: the last bound
    drop: bool = False  # a recurrence or opening hours: swallow, never report
    alt: Parts | None = None  # another reading ("22.10": October 22, or 22:10)
    calendar_only: bool = False  # joins a calendar date only ("12 Nov 1115", not "room 1115")

    def readings(self) -> tuple[Parts, ...]:
        return (self.parts,) if self.alt is None else (self.parts, self.alt)

    @property
    def is_range(self) -> bool:
        return self.last is not None
