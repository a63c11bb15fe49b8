"""The computed Chinese calendar against published dates (春节, leap months, festivals)."""

from __future__ import annotations

from datetime import date

import pytest

from ownlive.understand.extractors.datetime import holidays
from ownlive.understand.extractors.datetime.grammar_zh_calendar import (
    lunar_holiday,
    lunar_id,
    lunar_to_date,
)

# 春节 (正月初一) as published for each year.
SPRING_FESTIVAL = {
    1990: (1, 27), 1991: (2, 15), 1992: (2, 4), 1993: (1, 23), 1994: (2, 10), 1995: (1, 31),
    1996: (2, 19), 1997: (2, 7), 1998: (1, 28), 1999: (2, 16), 2000: (2, 5), 2001: (1, 24),
    2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9), 2006: (1, 29), 2007: (2, 18),
    2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10),
    2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5),
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
}  # fmt: skip


@pytest.mark.parametrize(("year", "month_day"), SPRING_FESTIVAL.items())
def test_spring_festival(year: int, month_day: tuple[int, int]) -> None:
    assert lunar_to_date(year, 1, 1) == date(year, *month_day)


# (year, leap month) -> first day, as published; 2033's leap month is the 11th.
@pytest.mark.parametrize(
    ("year", "month", "first_day"),
    [
        (2017, 6, date(2017, 7, 23)),
        (2020, 4, date(2020, 5, 23)),
        (2023, 2, date(2023, 3, 22)),
        (2025, 6, date(2025, 7, 25)),
        (2033, 11, date(2033, 12, 22)),
    ],
)
def test_leap_months(year: int, month: int, first_day: date) -> None:
    assert lunar_to_date(year, month, 1, leap=True) == first_day


@pytest.mark.parametrize("year", range(2024, 2037))
def test_agrees_with_the_festival_table(year: int) -> None:
    """The holiday table's 春节, 端午, 七夕, 中秋, 重阳 and 腊八 for the same year."""
    for (month, day), holiday in (
        ((1, 1), "spring_festival"),
        ((5, 5), "dragon_boat"),
        ((7, 7), "qixi"),
        ((8, 15), "mid_autumn"),
        ((9, 9), "double_ninth"),
    ):
        assert lunar_to_date(year, month, day) == holidays.holiday_date(holiday, year)
    assert lunar_to_date(year, 12, 8) == holidays.holiday_date("laba", year + 1)


@pytest.mark.parametrize(
    ("year", "month", "day", "leap"),
    [
        (1900, 1, 1, False),  # before the range served
        (2101, 1, 1, False),
        (2017, 1, 30, False),  # 正月 of 2017 has 29 days
        (2026, 4, 1, True),  # 2026 has no leap month
        (2026, 13, 1, False),
        (2026, 1, 31, False),
    ],
)
def test_dates_that_do_not_exist(year: int, month: int, day: int, leap: bool) -> None:
    assert lunar_to_date(year, month, day, leap) is None


def test_ids_round_trip() -> None:
    assert lunar_id(4, 8, True) == "lunar:L04-08"
    assert lunar_holiday(lunar_id(6, 1, True), 2025) == date(2025, 7, 25)
    assert lunar_holiday(lunar_id(10, 1, False), 2015) == date(2015, 11, 12)
