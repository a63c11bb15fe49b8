"""Chinese-calendar dates in messages: 农历八月十五, 腊月二十三, 正月初八, 十月初一.

Sent on Friday 2026-11-20 at 18:30 in Shanghai (lunar 2026, tenth month) unless a case
says otherwise. Each resolves to its next occurrence, or to the Chinese year written.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

SHANGHAI = timezone(timedelta(hours=8))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=SHANGHAI)

CASES: list[tuple[str, list[Expected]]] = [
    ("农历八月十五回家", [("农历八月十五", "2027-09-15T00:00", "day")]),
    ("腊月二十三小年", [("腊月二十三", "2027-01-30T00:00", "day")]),
    ("正月初八上班", [("正月初八", "2027-02-13T00:00", "day")]),
    ("十月初一是寒衣节", [("十月初一", "2027-10-29T00:00", "day")]),
    ("阴历九月初九", [("阴历九月初九", "2027-10-08T00:00", "day")]),
    ("正月十五晚上8点去看灯", [("正月十五晚上8点", "2027-02-20T20:00", "hour")]),
    ("农历2015年十月初一", [("农历2015年十月初一", "2015-11-12T00:00", "day")]),
    ("2015年十月初一早上九点二十", [("2015年十月初一早上九点二十", "2015-11-12T09:20", "minute")]),
    ("2033年闰十一月初一", [("2033年闰十一月初一", "2033-12-22T00:00", "day")]),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_lunar_dates(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "zh") == expected(SENT, want)


def test_a_leap_month_the_coming_year_has() -> None:
    sent = datetime(2025, 7, 1, 9, 0, tzinfo=SHANGHAI)
    assert found("闰六月初一", sent, "zh") == expected(
        sent, [("闰六月初一", "2025-07-25T00:00", "day")]
    )


def test_day_thirty_skips_the_years_whose_month_is_short() -> None:
    # 正月 has 29 days in 2017 and 2018: the next 正月三十 is in 2019.
    sent = datetime(2017, 3, 22, 0, 0, tzinfo=SHANGHAI)
    assert found("正月三十", sent, "zh") == expected(
        sent, [("正月三十", "2019-03-06T00:00", "day")]
    )


def test_a_twelfth_month_date_sent_in_january_is_weeks_away() -> None:
    sent = datetime(2027, 1, 5, 9, 0, tzinfo=SHANGHAI)
    assert found("腊月二十三", sent, "zh") == expected(
        sent, [("腊月二十三", "2027-01-30T00:00", "day")]
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("3月初一定要交", []),  # 月初 + 一定: early March, no date
        ("月初一起去", []),
        ("初二的学生", []),  # a school year
        ("腊月里最冷", []),  # a month alone
    ],
)
def test_not_lunar_dates(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "zh") == expected(SENT, want)
