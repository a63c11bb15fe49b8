"""English datetimes in chat messages: spans and values per DESIGN.md 4.1.

Sent on Friday 2026-11-20 at 18:30 in New York (UTC-5) unless a case says otherwise.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

NEW_YORK = timezone(timedelta(hours=-5))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=NEW_YORK)
MONDAY_MORNING = datetime(2026, 11, 16, 8, 0, tzinfo=NEW_YORK)

CASES: list[tuple[str, list[Expected]]] = [
    # DESIGN.md examples
    ("tmrw at 7:30pm?", [("tmrw at 7:30pm", "2026-11-21T19:30", "minute")]),
    ("Can we do 9am–1pm?", [("9am–1pm", "2026-11-21T09:00", "2026-11-21T13:00", "hour")]),
    ("I'll call you in 2 hours", [("in 2 hours", "2026-11-20T20:30", "minute")]),
    ("Out of office Jan 18–22", [("Jan 18–22", "2027-01-18T00:00", "2027-01-22T00:00", "day")]),
    ("dinner at 8?", [("8", "2026-11-20T20:00", "hour")]),
    ("See you tonight", [("tonight", "2026-11-20T00:00", "day")]),
    # weekdays: the first later one; "next" = in the next Monday–Sunday week
    ("Friday works for me", [("Friday", "2026-11-27T00:00", "day")]),
    ("next Friday then", [("next Friday", "2026-11-27T00:00", "day")]),
    ("this Friday?", [("this Friday", "2026-11-27T00:00", "day")]),
    ("Are you free Monday?", [("Monday", "2026-11-23T00:00", "day")]),
    ("Let's meet at 3 pm on Tue", [("3 pm on Tue", "2026-11-24T15:00", "hour")]),
    ("5pm Friday", [("5pm Friday", "2026-11-27T17:00", "hour")]),
    ("Friday at 5", [("Friday at 5", "2026-11-27T17:00", "hour")]),
    ("Sat 10am?", [("Sat 10am", "2026-11-21T10:00", "hour")]),
    ("Tuesday the 1st", [("Tuesday the 1st", "2026-12-01T00:00", "day")]),
    ("Friday, December 4th", [("Friday, December 4th", "2026-12-04T00:00", "day")]),
    # clock times
    ("7pm", [("7pm", "2026-11-20T19:00", "hour")]),
    ("see you at 7", [("7", "2026-11-20T19:00", "hour")]),
    ("lunch at 1?", [("1", "2026-11-21T13:00", "hour")]),
    ("breakfast at 9", [("9", "2026-11-21T09:00", "hour")]),
    ("call me around 8ish", [("8ish", "2026-11-20T20:00", "hour")]),
    ("half past seven", [("half past seven", "2026-11-20T19:30", "minute")]),
    ("quarter to 8", [("quarter to 8", "2026-11-20T19:45", "minute")]),
    ("at 10:30", [("10:30", "2026-11-21T10:30", "minute")]),
    ("at 21:00", [("21:00", "2026-11-20T21:00", "minute")]),
    ("meet at noon tomorrow", [("noon tomorrow", "2026-11-21T12:00", "hour")]),
    ("midnight", [("midnight", "2026-11-21T00:00", "hour")]),
    ("tonight at 9", [("tonight at 9", "2026-11-20T21:00", "hour")]),
    ("7:30pm tomorrow", [("7:30pm tomorrow", "2026-11-21T19:30", "minute")]),
    ("at 7:30 p.m.", [("7:30 p.m.", "2026-11-20T19:30", "minute")]),
    # days and day-parts
    ("tomorrow morning", [("tomorrow morning", "2026-11-21T00:00", "day")]),
    ("this afternoon", [("this afternoon", "2026-11-20T00:00", "day")]),
    ("last night was fun", [("last night", "2026-11-19T00:00", "day")]),
    ("yesterday", [("yesterday", "2026-11-19T00:00", "day")]),
    ("the day after tomorrow", [("the day after tomorrow", "2026-11-22T00:00", "day")]),
    # dates
    ("on the 25th", [("25th", "2026-11-25T00:00", "day")]),
    ("Let's do the 18th.", [("18th", "2026-12-18T00:00", "day")]),
    ("December 3rd", [("December 3rd", "2026-12-03T00:00", "day")]),
    ("3 Dec", [("3 Dec", "2026-12-03T00:00", "day")]),
    ("March 5, 2027 at 10am", [("March 5, 2027 at 10am", "2027-03-05T10:00", "hour")]),
    ("due 11/25", [("11/25", "2026-11-25T00:00", "day")]),
    ("2026-12-01", [("2026-12-01", "2026-12-01T00:00", "day")]),
    ("Dec 24 at 6:30pm", [("Dec 24 at 6:30pm", "2026-12-24T18:30", "minute")]),
    ("May 5", [("May 5", "2027-05-05T00:00", "day")]),
    ("we moved in May", [("May", "2027-05-01T00:00", "month")]),
    ("in 2027", [("2027", "2027-01-01T00:00", "year")]),
    # relative periods and durations
    ("in 3 days", [("in 3 days", "2026-11-23T00:00", "day")]),
    ("in half an hour", [("in half an hour", "2026-11-20T19:00", "minute")]),
    ("30 minutes from now", [("30 minutes from now", "2026-11-20T19:00", "minute")]),
    ("in 45 minutes", [("in 45 minutes", "2026-11-20T19:15", "minute")]),
    ("in an hour", [("in an hour", "2026-11-20T19:30", "minute")]),
    ("in a week", [("in a week", "2026-11-27T00:00", "day")]),
    ("2 days ago", [("2 days ago", "2026-11-18T00:00", "day")]),
    ("next week", [("next week", "2026-11-23T00:00", "2026-11-29T00:00", "day")]),
    ("this weekend", [("this weekend", "2026-11-21T00:00", "2026-11-22T00:00", "day")]),
    ("the week after next", [("week after next", "2026-11-30T00:00", "2026-12-06T00:00", "day")]),
    ("next month", [("next month", "2026-12-01T00:00", "month")]),
    # ranges
    # the last bound's week or month holds for the first ("this week" is the sent one)
    (
        "we were away from Mon to Wed this week",
        [("Mon to Wed this week", "2026-11-16T00:00", "2026-11-18T00:00", "day")],
    ),
    (
        "billing ran from the 2nd until the 5th of this month",
        [("2nd until the 5th of this month", "2026-11-02T00:00", "2026-11-05T00:00", "day")],
    ),
    ("Monday 9am to 5pm", [("Monday 9am to 5pm", "2026-11-23T09:00", "2026-11-23T17:00", "hour")]),
    (
        "between 2 and 4pm on Saturday",
        [("between 2 and 4pm on Saturday", "2026-11-21T14:00", "2026-11-21T16:00", "hour")],
    ),
    ("from 9 to 11am", [("9 to 11am", "2026-11-21T09:00", "2026-11-21T11:00", "hour")]),
    ("Nov 28 - Dec 2", [("Nov 28 - Dec 2", "2026-11-28T00:00", "2026-12-02T00:00", "day")]),
    ("tomorrow 10-11?", [("tomorrow 10-11", "2026-11-21T10:00", "2026-11-21T11:00", "hour")]),
    ("Friday 9-5", [("Friday 9-5", "2026-11-27T09:00", "2026-11-27T17:00", "hour")]),
    (
        "The package arrives between 9 and 12",
        [("between 9 and 12", "2026-11-21T09:00", "2026-11-21T12:00", "hour")],
    ),
    # holidays
    ("Thanksgiving dinner at my place", [("Thanksgiving", "2026-11-26T00:00", "day")]),
    ("Christmas Eve", [("Christmas Eve", "2026-12-24T00:00", "day")]),
    ("Valentine's Day", [("Valentine's Day", "2027-02-14T00:00", "day")]),
    ("New Year's Eve party", [("New Year's Eve", "2026-12-31T00:00", "day")]),
    ("Easter brunch", [("Easter", "2027-03-28T00:00", "day")]),
    ("Mother's Day", [("Mother's Day", "2027-05-09T00:00", "day")]),
    # day-parts around a bare hour
    ("Two in the afternoon would be good", [("Two in the afternoon", "2026-11-21T14:00", "hour")]),
    ("set it for evening 5", [("evening 5", "2026-11-21T17:00", "hour")]),
    ("at 9 in the morning", [("9 in the morning", "2026-11-21T09:00", "hour")]),
    ("The first is a 9 am Wake up alarm", [("9 am", "2026-11-21T09:00", "hour")]),
    ("at ten AM I want a table", [("ten AM", "2026-11-21T10:00", "hour")]),
    # more dates
    ("Book it for 7/16/2027.", [("7/16/2027", "2027-07-16T00:00", "day")]),
    ("next June", [("next June", "2027-06-01T00:00", "month")]),
    ("back in Apr.", [("Apr.", "2027-04-01T00:00", "month")]),
    ("move it to the 14th please", [("14th", "2026-12-14T00:00", "day")]),
    # seconds, hours in words past twelve, a year's month, years in a list
    ("in 30 seconds", [("in 30 seconds", "2026-11-20T18:30", "minute")]),
    ("fourteen o'clock", [("fourteen o'clock", "2026-11-21T14:00", "hour")]),
    ("books for 2027-03", [("2027-03", "2027-03-01T00:00", "month")]),
    (
        "sales in 2007 and 2009",
        [("2007", "2007-01-01T00:00", "year"), ("2009", "2009-01-01T00:00", "year")],
    ),
    ("International Workers' Day", [("International Workers' Day", "2027-05-01T00:00", "day")]),
    # a possessive 's stays out of the span
    ("Friday's meeting", [("Friday", "2026-11-27T00:00", "day")]),
    # day.month as Europeans write it in English too
    ("see you 16.12", [("16.12", "2026-12-16T00:00", "day")]),
    ("earlier 06.08", [("06.08", "2027-08-06T00:00", "day")]),
    ("back on 6.6.", [("6.6.", "2027-06-06T00:00", "day")]),
    ("8.11 in the evening", [("8.11 in the evening", "2027-11-08T00:00", "day")]),
    ("31.10 around 0720", [("31.10 around 0720", "2027-10-31T07:20", "minute")]),
    ("10.10 - 11.10", [("10.10 - 11.10", "2027-10-10T00:00", "2027-10-11T00:00", "day")]),
    (
        "June 7th 17.05-18.15",
        [("June 7th 17.05-18.15", "2027-06-07T17:05", "2027-06-07T18:15", "minute")],
    ),
    # ISO week numbers: Monday–Sunday, or the weekday named in it
    # a week without a year that is over means next year's (DESIGN 4.1: on or after)
    ("week 36 works", [("week 36", "2027-09-06T00:00", "2027-09-12T00:00", "day")]),
    ("Thursday, week 49", [("Thursday, week 49", "2026-12-03T00:00", "day")]),
    (
        "How about the first week of 2027",
        [("first week of 2027", "2027-01-04T00:00", "2027-01-10T00:00", "day")],
    ),
    ("gains in this calendar year", [("this calendar year", "2026-01-01T00:00", "year")]),
    # ranges of days written once with their month, or with "between … and"
    (
        "from 16 to 17 December 2026",
        [("16 to 17 December 2026", "2026-12-16T00:00", "2026-12-17T00:00", "day")],
    ),
    (
        "can we do it between the 21st and 23rd?",
        [("between the 21st and 23rd", "2026-11-21T00:00", "2026-11-23T00:00", "day")],
    ),
    (
        "from the 26th of june to the 28th of june",
        [("26th of june to the 28th of june", "2027-06-26T00:00", "2027-06-28T00:00", "day")],
    ),
    # a clock time without its colon, midnight in two words, "the year of"
    ("I'll be back 1140 a.m.", [("1140 a.m.", "2026-11-21T11:40", "minute")]),
    ("We should go back at mid night.", [("mid night", "2026-11-21T00:00", "hour")]),
    ("sales in the year of 2008", [("2008", "2008-01-01T00:00", "year")]),
    ("25th?", [("25th", "2026-11-25T00:00", "day")]),
    ("a week from tomorrow", [("a week from tomorrow", "2026-11-28T00:00", "day")]),
    ("On 2016 10 16, the conference started.", [("2016 10 16", "2016-10-16T00:00", "day")]),
    ("29.Sept evening", [("29.Sept evening", "2027-09-29T00:00", "day")]),
    # a date, a dash, then the time (or times) on it
    ("Tuesday - 9pm", [("Tuesday - 9pm", "2026-11-24T21:00", "hour")]),
    (
        "18th september 2027 - 06:25-08:05",
        [("18th september 2027 - 06:25-08:05", "2027-09-18T06:25", "2027-09-18T08:05", "minute")],
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_english_datetimes(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "en") == expected(SENT, want)


def test_morning_times_stay_in_the_morning_before_they_pass() -> None:
    assert found("meet at 10?", MONDAY_MORNING, "en") == expected(
        MONDAY_MORNING, [("10", "2026-11-16T10:00", "hour")]
    )


def test_next_weekday_is_in_the_next_week_even_early_in_this_one() -> None:
    assert found("next Wednesday", MONDAY_MORNING, "en") == expected(
        MONDAY_MORNING, [("next Wednesday", "2026-11-25T00:00", "day")]
    )
    assert found("Wednesday", MONDAY_MORNING, "en") == expected(
        MONDAY_MORNING, [("Wednesday", "2026-11-18T00:00", "day")]
    )


def test_time_alone_takes_the_date_named_before() -> None:
    assert found("Saturday? Dinner at 8", SENT, "en") == expected(
        SENT, [("Saturday", "2026-11-21T00:00", "day"), ("8", "2026-11-21T20:00", "hour")]
    )
