"""English dates and times beyond the core grammar (grammar_en_dates, letters for am/pm).

Sent on Friday 2026-11-20 at 18:30 in New York (UTC-5).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

NEW_YORK = timezone(timedelta(hours=-5))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=NEW_YORK)

CASES: list[tuple[str, list[Expected]]] = [
    # compact ISO dates standing alone; not an order or a code
    ("see file 20261231 for the numbers", [("20261231", "2026-12-31T00:00", "day")]),
    ("report-20270302.pdf is out", [("20270302", "2027-03-02T00:00", "day")]),
    ("order #20261231", []),
    ("Order no. 20261105", []),
    ("your code is 20261105", []),
    # dashed dates, US order unless the first cannot be a month
    ("due 10-1-2027", [("10-1-2027", "2027-10-01T00:00", "day")]),
    ("from 31-12-2026", [("31-12-2026", "2026-12-31T00:00", "day")]),
    (
        "closed 02-02-2027 - 03-03-2027",
        [("02-02-2027 - 03-03-2027", "2027-02-02T00:00", "2027-03-03T00:00", "day")],
    ),
    # years in words
    ("we moved here in nineteen ninety six", [("nineteen ninety six", "1996-01-01T00:00", "year")]),
    (
        "by two thousand and thirty we retire",
        [("two thousand and thirty", "2030-01-01T00:00", "year")],
    ),
    ("since twenty twenty-two, yes", [("twenty twenty-two", "2022-01-01T00:00", "year")]),
    ("in two thousand people", []),
    # "last March": the most recent March
    ("it rained a lot last March", [("last March", "2026-03-01T00:00", "month")]),
    ("we met last December", [("last December", "2025-12-01T00:00", "month")]),
    ("at last may be done", []),
    # a month and its day as a cardinal in words
    ("May twenty nine works", [("May twenty nine", "2027-05-29T00:00", "day")]),
    ("March fifteen people came", []),
    # years compared and listed
    ("not later than 2030.", [("2030", "2030-01-01T00:00", "year")]),
    (
        "the 2007 and 2009 vintages",
        [("2007", "2007-01-01T00:00", "year"), ("2009", "2009-01-01T00:00", "year")],
    ),
    ("between 2000 and 2010 people", []),
    ("the tradition dates back to 1865.", [("1865", "1865-01-01T00:00", "year")]),
    ("as of 2025 we switched", [("2025", "2025-01-01T00:00", "year")]),
    ("up to 2000 people", []),
    ("more than 2000.", []),
    # hundreds of days in words, weekends with a hyphen, "next sat"
    ("in two hundred days", [("in two hundred days", "2027-06-08T00:00", "day")]),
    ("this week-end", [("this week-end", "2026-11-21T00:00", "2026-11-22T00:00", "day")]),
    ("next sat. then", [("next sat.", "2026-11-28T00:00", "day")]),
    ("I sat down", []),
    # a weekday with its day of the month after "next"/"this"
    (
        "next Tuesday 8th early morning",
        [("next Tuesday 8th early morning", "2026-12-08T00:00", "day")],
    ),
    ("this Friday the 4th", [("this Friday the 4th", "2026-12-04T00:00", "day")]),
    # US observances
    ("on San Jacinto Day", [("San Jacinto Day", "2027-04-21T00:00", "day")]),
    ("Patriots' Day marathon", [("Patriots' Day", "2027-04-19T00:00", "day")]),
    ("Pearl Harbor Remembrance Day", [("Pearl Harbor Remembrance Day", "2026-12-07T00:00", "day")]),
    ("Indigenous Peoples' Day", [("Indigenous Peoples' Day", "2027-10-11T00:00", "day")]),
    # the meridiem's letter alone, spaced out, or after a dot
    ("today at 9a", [("today at 9a", "2026-11-20T09:00", "hour")]),
    ("meet at 7p", [("7p", "2026-11-20T19:00", "hour")]),
    ("until 8:45a tomorrow", [("8:45a tomorrow", "2026-11-21T08:45", "minute")]),
    ("I live at 12a", []),
    ("meet at 9A Baker Street", []),
    ("dinner seven p . m .", [("seven p . m .", "2026-11-20T19:00", "hour")]),
    ("back at 9.am", [("9.am", "2026-11-21T09:00", "hour")]),
    ("alarm at zero a.m.", [("zero a.m.", "2026-11-21T00:00", "hour")]),
    # a decimal after a fraction is a lab value, not a date
    ("BUN/Cr of 30/4.85", []),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_english_dates(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "en") == expected(SENT, want)
