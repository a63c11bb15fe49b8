"""English rules of grammar_en_more: year before month, the day next to the sent one,
the week a date names, a weekday in brackets after a date.

Sent on Friday 2026-11-20 at 18:30 in New York (UTC-5).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

NEW_YORK = timezone(timedelta(hours=-5))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=NEW_YORK)

CASES: list[tuple[str, list[Expected]]] = [
    # the year written before the month (and day)
    ("we moved to Berlin in 2017 april", [("2017 april", "2017-04-01T00:00", "month")]),
    ("The trip was 2019 March 3, I think", [("2019 March 3", "2019-03-03T00:00", "day")]),
    ("2025 june 21st was the wedding", [("2025 june 21st", "2025-06-21T00:00", "day")]),
    ("the lease ends in 2028 May", [("2028 May", "2028-05-01T00:00", "month")]),
    ("in 2019 may be the answer", [("2019", "2019-01-01T00:00", "year")]),
    # the day after / before the sent one
    ("Can we do it the next day?", [("the next day", "2026-11-21T00:00", "day")]),
    ("the following day works too", [("the following day", "2026-11-21T00:00", "day")]),
    ("what about the day after?", [("the day after", "2026-11-21T00:00", "day")]),
    ("I told you the day before.", [("the day before", "2026-11-19T00:00", "day")]),
    ("the day after the party we slept", []),
    ("we revised the day before the exam", []),
    ("the next day after the launch", []),
    # "for the day" closing a clause: the sent day
    ("I'm blocked for the day", [("the day", "2026-11-20T00:00", "day")]),
    ("Signing off for the day!", [("the day", "2026-11-20T00:00", "day")]),
    ("get a pass for the day trip", []),
    # the Monday–Sunday week a date names
    (
        "We have slots the week of April 10th.",
        [("the week of April 10th", "2027-04-05T00:00", "2027-04-11T00:00", "day")],
    ),
    (
        "let's aim for w/c 7 Dec",
        [("w/c 7 Dec", "2026-12-07T00:00", "2026-12-13T00:00", "day")],
    ),
    (
        "the week commencing 14th December 2026 is free",
        [("the week commencing 14th December 2026", "2026-12-14T00:00", "2026-12-20T00:00", "day")],
    ),
    (
        "the week starting on March 2, 2027 is busy",
        [("the week starting on March 2, 2027", "2027-03-01T00:00", "2027-03-07T00:00", "day")],
    ),
    ("it was a week of rain", []),
    # a weekday in brackets belongs to the date before it, and the time after joins
    ("I'll land on May/22(Sat)-11:30 AM", [("May/22(Sat)-11:30 AM", "2027-05-22T11:30", "minute")]),
    ("call on 5/22 (Sat) at 3pm", [("5/22 (Sat) at 3pm", "2027-05-22T15:00", "hour")]),
]


@pytest.mark.parametrize(("text", "items"), CASES, ids=[c[0] for c in CASES])
def test_english_more(text: str, items: list[Expected]) -> None:
    assert found(text, SENT, "en") == expected(SENT, items)
