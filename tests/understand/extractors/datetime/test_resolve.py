"""Resolution against the sent time (DESIGN.md 4.1), from parsed parts to the value."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ownlive.understand.extractors.datetime.cues import Cues
from ownlive.understand.extractors.datetime.parts import Parts
from ownlive.understand.extractors.datetime.resolve import resolve, resolve_range

INDIA = timezone(timedelta(hours=5, minutes=30))
FRIDAY_EVENING = datetime(2026, 11, 20, 18, 30, 42, tzinfo=INDIA)
NONE = Cues()


def iso(p: Parts, ref: datetime = FRIDAY_EVENING, cues: Cues = NONE) -> tuple[str, str]:
    found = resolve(p, ref, cues)
    assert found is not None
    return found.start.isoformat(), found.grain


@pytest.mark.parametrize(
    ("parts", "start", "grain"),
    [
        # day-parts without a clock time: that date at 00:00, grain day
        (Parts(rel_day=0, daypart="evening"), "2026-11-20T00:00:00+05:30", "day"),
        (Parts(rel_day=1, daypart="morning"), "2026-11-21T00:00:00+05:30", "day"),
        # a day-part with a clock time fixes am/pm
        (Parts(daypart="evening", hour=10), "2026-11-20T22:00:00+05:30", "hour"),
        (
            Parts(rel_day=1, daypart="morning", hour=6, minute=40),
            "2026-11-21T06:40:00+05:30",
            "minute",
        ),
        (Parts(rel_day=0, daypart="afternoon", hour=12), "2026-11-20T12:00:00+05:30", "hour"),
        (Parts(rel_day=1, daypart="noon", hour=1), "2026-11-21T13:00:00+05:30", "hour"),
        (Parts(rel_day=1, daypart="early", hour=3), "2026-11-21T03:00:00+05:30", "hour"),
        (Parts(rel_day=0, daypart="night", hour=2), "2026-11-21T02:00:00+05:30", "hour"),
        # noon alone is 12:00, grain hour; midnight the start of the next day
        (Parts(rel_day=1, daypart="noon"), "2026-11-21T12:00:00+05:30", "hour"),
        (Parts(rel_day=0, daypart="midnight"), "2026-11-21T00:00:00+05:30", "hour"),
        # "Uhr" and HH:MM: 24-hour, even for a small hour
        (Parts(rel_day=1, hour=8, clock24=True), "2026-11-21T08:00:00+05:30", "hour"),
        (Parts(rel_day=1, hour=7, minute=30, clock24=True), "2026-11-21T07:30:00+05:30", "minute"),
        # am/pm
        (Parts(rel_day=1, hour=12, meridiem="am"), "2026-11-21T00:00:00+05:30", "hour"),
        (Parts(rel_day=1, hour=12, meridiem="pm"), "2026-11-21T12:00:00+05:30", "hour"),
        # today/tomorrow/übermorgen; durations in days from the sent date
        (Parts(rel_day=2), "2026-11-22T00:00:00+05:30", "day"),
        (Parts(offset_days=3), "2026-11-23T00:00:00+05:30", "day"),
        (Parts(offset_months=3), "2027-02-20T00:00:00+05:30", "day"),
        # durations from now: sent instant + duration, seconds dropped, grain minute
        (Parts(offset_minutes=120), "2026-11-20T20:30:00+05:30", "minute"),
        (Parts(offset_minutes=-90), "2026-11-20T17:00:00+05:30", "minute"),
        # weekdays: the first later date; week_shift counts Monday–Sunday weeks
        (Parts(weekday=4), "2026-11-27T00:00:00+05:30", "day"),
        (Parts(weekday=5), "2026-11-21T00:00:00+05:30", "day"),
        (Parts(weekday=4, week_shift=1), "2026-11-27T00:00:00+05:30", "day"),
        (Parts(weekday=0, week_shift=1), "2026-11-23T00:00:00+05:30", "day"),
        (Parts(weekday=2, week_shift=0), "2026-11-18T00:00:00+05:30", "day"),
        (Parts(weekday=5, week_shift=-1), "2026-11-14T00:00:00+05:30", "day"),
        # dates without a year: the first on or after the sent date
        (Parts(month=11, day=20), "2026-11-20T00:00:00+05:30", "day"),
        (Parts(month=11, day=19), "2027-11-19T00:00:00+05:30", "day"),
        (Parts(month=2, day=29), "2028-02-29T00:00:00+05:30", "day"),
        # a bare day of month: this month's if not past, else the next month that has it
        (Parts(day=20), "2026-11-20T00:00:00+05:30", "day"),
        (Parts(day=15), "2026-12-15T00:00:00+05:30", "day"),
        (Parts(day=31), "2026-12-31T00:00:00+05:30", "day"),
        (Parts(day=13, weekday=2), "2027-01-13T00:00:00+05:30", "day"),
        # months and years
        (Parts(month=3), "2027-03-01T00:00:00+05:30", "month"),
        (Parts(month=11), "2026-11-01T00:00:00+05:30", "month"),
        (Parts(year=2028), "2028-01-01T00:00:00+05:30", "year"),
        (Parts(period="month", period_shift=1), "2026-12-01T00:00:00+05:30", "month"),
        (Parts(period="year", period_shift=1, month=3), "2027-03-01T00:00:00+05:30", "month"),
        (Parts(period="month", period_shift=1, day=5), "2026-12-05T00:00:00+05:30", "day"),
        # holidays: the next occurrence
        (Parts(holiday="christmas_eve"), "2026-12-24T00:00:00+05:30", "day"),
        (Parts(holiday="thanksgiving"), "2026-11-26T00:00:00+05:30", "day"),
        (Parts(holiday="spring_festival"), "2027-02-06T00:00:00+05:30", "day"),
        (
            Parts(holiday="new_years_eve", hour=20, clock24=True),
            "2026-12-31T20:00:00+05:30",
            "hour",
        ),
    ],
)
def test_resolves(parts: Parts, start: str, grain: str) -> None:
    assert iso(parts) == (start, grain)


def test_a_clock_time_alone_is_its_next_occurrence() -> None:
    assert iso(Parts(hour=9, clock24=True)) == ("2026-11-21T09:00:00+05:30", "hour")
    assert iso(Parts(hour=18, clock24=True)) == ("2026-11-20T18:00:00+05:30", "hour")
    assert iso(Parts(hour=18, minute=30, clock24=True)) == ("2026-11-20T18:30:00+05:30", "minute")


def test_a_clock_time_in_a_story_of_the_past_stays_on_the_sent_date() -> None:
    cues = Cues.of("The parcel was delivered at 9")
    assert iso(Parts(hour=9, clock24=True), cues=cues) == ("2026-11-20T09:00:00+05:30", "hour")


@pytest.mark.parametrize(
    ("message", "hour", "start"),
    [
        ("dinner at 8", 8, "2026-11-20T20:00:00+05:30"),  # an evening plan
        ("Lust auf Thai um halb acht", 7, "2026-11-20T19:00:00+05:30"),
        ("7点吃饭", 7, "2026-11-20T19:00:00+05:30"),
        ("brunch um 11", 11, "2026-11-21T11:00:00+05:30"),  # a morning plan
        ("breakfast at 9", 9, "2026-11-21T09:00:00+05:30"),
        ("see you at 3", 3, "2026-11-21T15:00:00+05:30"),  # 1–6 is the afternoon
        ("see you at 9", 9, "2026-11-20T21:00:00+05:30"),  # 9am is past, 9pm is not
        ("see you at 11", 11, "2026-11-21T11:00:00+05:30"),  # 11pm is no meeting time
        ("see you at 12", 12, "2026-11-21T12:00:00+05:30"),
        ("drinks at 11", 11, "2026-11-20T23:00:00+05:30"),  # a night out
    ],
)
def test_a_bare_hour_takes_the_reading_a_person_would(message: str, hour: int, start: str) -> None:
    assert iso(Parts(hour=hour), cues=Cues.of(message))[0] == start


def test_a_bare_hour_on_a_named_day_keeps_the_morning_reading() -> None:
    assert iso(Parts(rel_day=1, hour=9)) == ("2026-11-21T09:00:00+05:30", "hour")


def test_the_offset_of_the_sent_time_is_kept() -> None:
    for offset in (timedelta(hours=-8), timedelta(0), timedelta(hours=9, minutes=30)):
        ref = FRIDAY_EVENING.replace(tzinfo=timezone(offset))
        start, _ = iso(Parts(rel_day=1, hour=9, clock24=True), ref)
        assert start == f"2026-11-21T09:00:00{ref.isoformat()[19:]}"


def range_iso(first: Parts, last: Parts, cues: Cues = NONE) -> tuple[str, str | None, str]:
    found = resolve_range(first, last, FRIDAY_EVENING, cues)
    assert found is not None
    end = found.end.isoformat() if found.end else None
    return found.start.isoformat(), end, found.grain


def test_a_range_ends_at_the_last_bound_at_its_grain() -> None:
    # "Jan 18–22": inclusive end, Jan 22 at 00:00
    assert range_iso(Parts(month=1, day=18), Parts(month=1, day=22)) == (
        "2027-01-18T00:00:00+05:30",
        "2027-01-22T00:00:00+05:30",
        "day",
    )


def test_a_weekday_range_ends_on_the_first_such_day_after_its_start() -> None:
    assert range_iso(Parts(weekday=4), Parts(weekday=0)) == (
        "2026-11-27T00:00:00+05:30",
        "2026-11-30T00:00:00+05:30",
        "day",
    )


def test_a_range_over_midnight_ends_the_next_day() -> None:
    assert range_iso(
        Parts(rel_day=0, hour=22, clock24=True), Parts(rel_day=0, hour=2, clock24=True)
    ) == ("2026-11-20T22:00:00+05:30", "2026-11-21T02:00:00+05:30", "hour")


def test_the_first_bound_borrows_the_last_ones_half_of_the_day() -> None:
    # "3–5pm" is 15:00–17:00; "11–1pm" is 11:00–13:00
    assert range_iso(Parts(rel_day=1, hour=3), Parts(rel_day=1, hour=5, meridiem="pm"))[:2] == (
        "2026-11-21T15:00:00+05:30",
        "2026-11-21T17:00:00+05:30",
    )
    assert range_iso(Parts(rel_day=1, hour=11), Parts(rel_day=1, hour=1, meridiem="pm"))[:2] == (
        "2026-11-21T11:00:00+05:30",
        "2026-11-21T13:00:00+05:30",
    )


def test_a_range_of_mixed_grains_takes_the_finer() -> None:
    assert range_iso(
        Parts(rel_day=1, hour=9, clock24=True), Parts(rel_day=1, hour=11, minute=30, clock24=True)
    ) == ("2026-11-21T09:00:00+05:30", "2026-11-21T11:30:00+05:30", "minute")


def test_a_named_week_is_a_monday_to_sunday_range() -> None:
    found = resolve(Parts(period="week", period_shift=1), FRIDAY_EVENING, NONE)
    assert found is not None and found.to_value() == {
        "start": "2026-11-23T00:00:00+05:30",
        "end": "2026-11-29T00:00:00+05:30",
        "grain": "day",
    }


@pytest.mark.parametrize("parts", [Parts(month=2, day=30), Parts(year=2026, month=2, day=29)])
def test_dates_that_do_not_exist_resolve_to_nothing(parts: Parts) -> None:
    assert resolve(parts, FRIDAY_EVENING, NONE) is None
