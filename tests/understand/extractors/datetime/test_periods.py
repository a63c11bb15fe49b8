"""Seasons, quarters and "the next N days": month- or day-grain ranges, in zh, en and de.

Sent on Friday 2026-11-20 (autumn, fourth quarter) unless a case says otherwise.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

SENT = datetime(2026, 11, 20, 18, 30, tzinfo=timezone(timedelta(hours=8)))
IN_JANUARY = datetime(2027, 1, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))

CASES: list[tuple[str, str, list[Expected]]] = [
    ("en", "next summer", [("next summer", "2027-06-01T00:00", "2027-08-01T00:00", "month")]),
    ("en", "this winter", [("this winter", "2026-12-01T00:00", "2027-02-01T00:00", "month")]),
    ("en", "in the spring", [("spring", "2027-03-01T00:00", "2027-05-01T00:00", "month")]),
    ("en", "summer 2028", [("summer 2028", "2028-06-01T00:00", "2028-08-01T00:00", "month")]),
    ("en", "next quarter", [("next quarter", "2027-01-01T00:00", "2027-03-01T00:00", "month")]),
    ("en", "Q3 2027", [("Q3 2027", "2027-07-01T00:00", "2027-09-01T00:00", "month")]),
    ("en", "in the next 3 days", [("next 3 days", "2026-11-21T00:00", "2026-11-23T00:00", "day")]),
    ("de", "im Sommer", [("Sommer", "2027-06-01T00:00", "2027-08-01T00:00", "month")]),
    (
        "de",
        "nächsten Herbst",
        [("nächsten Herbst", "2027-09-01T00:00", "2027-11-01T00:00", "month")],
    ),
    (
        "de",
        "nächstes Quartal",
        [("nächstes Quartal", "2027-01-01T00:00", "2027-03-01T00:00", "month")],
    ),
    (
        "de",
        "die nächsten 3 Tage",
        [("nächsten 3 Tage", "2026-11-21T00:00", "2026-11-23T00:00", "day")],
    ),
    ("zh", "明年春天去日本", [("明年春天", "2027-03-01T00:00", "2027-05-01T00:00", "month")]),
    ("zh", "今年冬天", [("今年冬天", "2026-12-01T00:00", "2027-02-01T00:00", "month")]),
    ("zh", "下季度", [("下季度", "2027-01-01T00:00", "2027-03-01T00:00", "month")]),
    ("zh", "第三季度", [("第三季度", "2027-07-01T00:00", "2027-09-01T00:00", "month")]),
    ("zh", "未来三天", [("未来三天", "2026-11-21T00:00", "2026-11-23T00:00", "day")]),
    # not seasons: verbs, compounds, holidays
    ("en", "I fall asleep early", []),
    ("en", "spring break plans", []),
    ("zh", "今年春节回老家吗", [("今年春节", "2026-02-17T00:00", "day")]),
    ("zh", "夏天好热", []),
]


@pytest.mark.parametrize(("lang", "text", "want"), CASES, ids=[c[1] for c in CASES])
def test_periods(lang: str, text: str, want: list[Expected]) -> None:
    assert found(text, SENT, lang) == expected(SENT, want)


def test_the_winter_under_way_is_this_winter() -> None:
    assert found("this winter", IN_JANUARY, "en") == expected(
        IN_JANUARY, [("this winter", "2026-12-01T00:00", "2027-02-01T00:00", "month")]
    )
    assert found("next winter", IN_JANUARY, "en") == expected(
        IN_JANUARY, [("next winter", "2027-12-01T00:00", "2028-02-01T00:00", "month")]
    )
