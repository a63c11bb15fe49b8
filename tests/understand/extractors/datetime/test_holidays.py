"""Holiday dates: fixed days, Easter-based feasts, nth weekdays and the lunar table."""

from __future__ import annotations

from datetime import date

import pytest

from ownlive.understand.extractors.datetime.holidays import easter, holiday_date, next_holiday


@pytest.mark.parametrize(
    ("year", "day"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
     (2027, date(2027, 3, 28)), (2030, date(2030, 4, 21))],
)  # fmt: skip
def test_easter(year: int, day: date) -> None:
    assert easter(year) == day


@pytest.mark.parametrize(
    ("holiday", "year", "day"),
    [
        ("thanksgiving", 2026, date(2026, 11, 26)),
        ("thanksgiving", 2027, date(2027, 11, 25)),
        ("black_friday", 2026, date(2026, 11, 27)),
        ("mothers_day", 2027, date(2027, 5, 9)),
        ("memorial_day", 2027, date(2027, 5, 31)),
        ("labor_day_us", 2027, date(2027, 9, 6)),
        ("pentecost", 2027, date(2027, 5, 16)),
        ("ascension", 2027, date(2027, 5, 6)),
        ("good_friday", 2027, date(2027, 3, 26)),
        # lunar festivals, as published
        ("spring_festival", 2025, date(2025, 1, 29)),
        ("spring_festival", 2027, date(2027, 2, 6)),
        ("spring_festival", 2035, date(2035, 2, 8)),
        ("chinese_new_years_eve", 2027, date(2027, 2, 5)),
        ("lantern", 2027, date(2027, 2, 20)),
        ("dragon_boat", 2026, date(2026, 6, 19)),
        ("mid_autumn", 2026, date(2026, 9, 25)),
        ("mid_autumn", 2033, date(2033, 9, 8)),
        ("qingming", 2026, date(2026, 4, 5)),
        ("qingming", 2027, date(2027, 4, 5)),
        ("qingming", 2028, date(2028, 4, 4)),
    ],
)
def test_holiday_date(holiday: str, year: int, day: date) -> None:
    assert holiday_date(holiday, year) == day


def test_next_occurrence_is_on_or_after_the_day() -> None:
    assert next_holiday("christmas_eve", date(2026, 12, 24)) == date(2026, 12, 24)
    assert next_holiday("christmas_eve", date(2026, 12, 25)) == date(2027, 12, 24)
    assert next_holiday("new_year", date(2026, 11, 20)) == date(2027, 1, 1)


def test_lunar_holidays_outside_the_table_do_not_resolve() -> None:
    assert holiday_date("mid_autumn", 2040) is None
    assert next_holiday("spring_festival", date(2040, 1, 1)) is None
