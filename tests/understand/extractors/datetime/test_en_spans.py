"""English day-parts alone and parts of periods (grammar_en_spans), per DESIGN.md 4.1.

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
    # a day-part alone: the sent day's, or the next day's once it is over (not in a story)
    ("Can you call me in the morning?", [("in the morning", "2026-11-21T00:00", "day")]),
    ("Let's talk in the evening", [("in the evening", "2026-11-20T00:00", "day")]),
    ("I'll be home late at night", [("late at night", "2026-11-20T00:00", "day")]),
    ("we could go for a walk after dinner at night", [("night", "2026-11-20T00:00", "day")]),
    ("early afternoon?", [("early afternoon", "2026-11-21T00:00", "day")]),
    ("Evening?", [("Evening", "2026-11-20T00:00", "day")]),
    (
        "The delivery came in the afternoon, I was out",
        [("in the afternoon", "2026-11-20T00:00", "day")],
    ),
    ("Book the room until the evening", [("evening", "2026-11-20T00:00", "day")]),
    ("tomorrow in the morning", [("tomorrow in the morning", "2026-11-21T00:00", "day")]),
    ("later in the evening works", [("later in the evening", "2026-11-20T00:00", "day")]),
    # greetings, habits and titles are no day-parts of a plan
    ("Good morning!", []),
    ("Good night", []),
    ("I run in the mornings", []),
    ("I read every night", []),
    ("Paris by Night is on tonight", [("tonight", "2026-11-20T00:00", "day")]),
    ("Renting it for the night", []),
    # sunrise and sunset are the morning and the evening; places and metaphors are not
    ("let's hike before sunrise", [("sunrise", "2026-11-21T00:00", "day")]),
    ("drinks at sunset?", [("sunset", "2026-11-20T00:00", "day")]),
    ("we leave at dawn", [("dawn", "2026-11-21T00:00", "day")]),
    ("What's the weather like at Sunset Hills", []),
    ("tickets for Citizens Brigade Sunset on Friday", [("Friday", "2026-11-27T00:00", "day")]),
    ("Dawn said hi", []),
    ("the dawn of a new era", []),
    # the rest of a period: from today to its last day ("enjoy the rest of the day" takes leave)
    (
        "take the rest of the week off",
        [("rest of the week", "2026-11-20T00:00", "2026-11-22T00:00", "day")],
    ),
    (
        "for the remainder of the month",
        [("remainder of the month", "2026-11-20T00:00", "2026-11-30T00:00", "day")],
    ),
    ("enjoy the rest of the day", []),
    # vague parts of a period: the period itself
    (
        "I'll send it later this week",
        [("later this week", "2026-11-16T00:00", "2026-11-22T00:00", "day")],
    ),
    ("early next month works", [("early next month", "2026-12-01T00:00", "month")]),
    ("sometime later in the year", [("later in the year", "2026-01-01T00:00", "year")]),
    ("I'm off for the week", [("the week", "2026-11-16T00:00", "2026-11-22T00:00", "day")]),
    # the week a date names: its Monday–Sunday week (grammar_en_more)
    (
        "plan for the week beginning February 4",
        [("the week beginning February 4", "2027-02-01T00:00", "2027-02-07T00:00", "day")],
    ),
    (
        "Cortana find 30 minutes later this week",
        [("later this week", "2026-11-16T00:00", "2026-11-22T00:00", "day")],
    ),
    # ends and beginnings
    ("Please send it by end of day", [("end of day", "2026-11-20T00:00", "day")]),
    ("need this by EOD", [("EOD", "2026-11-20T00:00", "day")]),
    ("At the end of the day, it's your call", []),
    ("by the end of the week", [("end of the week", "2026-11-20T00:00", "day")]),
    ("end of next week", [("end of next week", "2026-11-27T00:00", "day")]),
    ("rent is due at the end of the month", [("end of the month", "2026-11-30T00:00", "day")]),
    ("beginning of next month", [("beginning of next month", "2026-12-01T00:00", "day")]),
    ("at the end of March", [("end of March", "2027-03-31T00:00", "day")]),
    ("at the end of February 2028", [("end of February 2028", "2028-02-29T00:00", "day")]),
    ("before the end of the year", [("end of the year", "2026-12-31T00:00", "day")]),
    # first and last days and weeks, the nth day of a month
    ("the last day of the month", [("last day of the month", "2026-11-30T00:00", "day")]),
    ("on the first day of next month", [("first day of next month", "2026-12-01T00:00", "day")]),
    (
        "the last week of July",
        [("last week of July", "2027-07-25T00:00", "2027-07-31T00:00", "day")],
    ),
    (
        "stats from the last week of this month",
        [("last week of this month", "2026-11-24T00:00", "2026-11-30T00:00", "day")],
    ),
    ("on the 15th day of next month", [("15th day of next month", "2026-12-15T00:00", "day")]),
    (
        "the twenty-third day of the month",
        [("twenty-third day of the month", "2026-11-23T00:00", "day")],
    ),
    # halves and quarters
    ("H1 2027", [("H1 2027", "2027-01-01T00:00", "2027-06-01T00:00", "month")]),
    ("the plan for 2027 H2", [("2027 H2", "2027-07-01T00:00", "2027-12-01T00:00", "month")]),
    (
        "the second half of next year",
        [("second half of next year", "2027-07-01T00:00", "2027-12-01T00:00", "month")],
    ),
    (
        "the first quarter of 2027",
        [("first quarter of 2027", "2027-01-01T00:00", "2027-03-01T00:00", "month")],
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_english_spans(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "en") == expected(SENT, want)


def test_a_day_part_not_yet_over_is_today() -> None:
    assert found("Can we meet in the afternoon?", MONDAY_MORNING, "en") == expected(
        MONDAY_MORNING, [("in the afternoon", "2026-11-16T00:00", "day")]
    )
