"""Holiday dates: fixed days, Easter-based feasts, nth-weekday rules and a lunar table.

The lexicons map holiday words to the ids below; `next_holiday` resolves an id
to its next occurrence on or after the sent date (DESIGN.md 4.1).

Lunar festivals (春节, 中秋 ...) follow the Chinese calendar, which needs
astronomy to compute; a table of their Gregorian dates for 2024–2036 is
shipped instead. It was derived from the month-length encoding widely used by
calendar libraries and checked against the published dates of 春节 and 中秋;
2033 follows the official reading (leap 11th month, 中秋 on Sep 8), not the
encoding's leap 7th month. Outside the table, lunar holidays do not resolve.
"""

from __future__ import annotations

from datetime import date, timedelta

from ownlive.understand.extractors.datetime.grammar_zh_calendar import LUNAR_PREFIX, lunar_holiday

FIXED: dict[str, tuple[int, int]] = {
    "new_year": (1, 1),
    "groundhog_day": (2, 2),
    "valentine": (2, 14),
    "womens_day": (3, 8),
    "st_patrick": (3, 17),
    "earth_day": (4, 22),
    "labour_day": (5, 1),
    "childrens_day": (6, 1),
    "juneteenth": (6, 19),
    "independence_us": (7, 4),
    "teachers_day_cn": (9, 10),
    "national_day_cn": (10, 1),
    "german_unity": (10, 3),
    "halloween": (10, 31),
    "all_saints": (11, 1),
    "all_souls": (11, 2),
    "veterans_day": (11, 11),
    "nikolaus": (12, 6),
    "christmas_eve": (12, 24),
    "christmas": (12, 25),
    "boxing_day": (12, 26),
    "new_years_eve": (12, 31),
}

EASTER_OFFSET: dict[str, int] = {
    "rose_monday": -48,
    "ash_wednesday": -46,
    "good_friday": -2,
    "easter": 0,
    "easter_monday": 1,
    "ascension": 39,
    "pentecost": 49,
    "whit_monday": 50,
    "corpus_christi": 60,
}

# (month, weekday 0=Mon, n: 1..4 or -1 for the last)
NTH_WEEKDAY: dict[str, tuple[int, int, int]] = {
    "mlk_day": (1, 0, 3),
    "presidents_day": (2, 0, 3),
    "mothers_day": (5, 6, 2),
    "memorial_day": (5, 0, -1),
    "fathers_day_us": (6, 6, 3),
    "labor_day_us": (9, 0, 1),
    "columbus_day": (10, 0, 2),
    "thanksgiving": (11, 3, 4),
}

# US federal observances and state holidays (English assistants are asked for them).
FIXED.update({
    "kansas_day": (1, 29), "lee_birthday": (1, 19), "lincoln_birthday": (2, 12),
    "jefferson_birthday": (4, 13), "san_jacinto_day": (4, 21), "law_day": (5, 1),
    "maritime_day": (5, 22), "bunker_hill_day": (6, 17), "pioneer_day": (7, 24),
    "purple_heart_day": (8, 7), "assumption": (8, 15), "bennington_battle_day": (8, 16),
    "navy_birthday": (10, 13), "alaska_day": (10, 18), "pearl_harbor_day": (12, 7),
})  # fmt: skip
NTH_WEEKDAY.update({
    "town_meeting_day": (3, 1, 1), "patriots_day": (4, 0, 3), "pow_mia_day": (9, 4, 3),
    "child_health_day": (10, 0, 1), "indigenous_peoples_day": (10, 0, 2),
})  # fmt: skip

# Gregorian (month, day) of 春节, 端午, 七夕, 中秋, 重阳, 腊八 (lunar 1/1, 5/5, 7/7,
# 8/15, 9/9, 12/8) for each lunar year; 腊八 of lunar year Y falls in January of Y+1.
_LUNAR_YEARS = range(2024, 2037)
_LUNAR: dict[int, tuple[tuple[int, int], ...]] = {
    2024: ((2, 10), (6, 10), (8, 10), (9, 17), (10, 11), (1, 7)),
    2025: ((1, 29), (5, 31), (8, 29), (10, 6), (10, 29), (1, 26)),
    2026: ((2, 17), (6, 19), (8, 19), (9, 25), (10, 18), (1, 15)),
    2027: ((2, 6), (6, 9), (8, 8), (9, 15), (10, 8), (1, 4)),
    2028: ((1, 26), (5, 28), (8, 26), (10, 3), (10, 26), (1, 22)),
    2029: ((2, 13), (6, 16), (8, 16), (9, 22), (10, 16), (1, 11)),
    2030: ((2, 3), (6, 5), (8, 5), (9, 12), (10, 5), (1, 1)),
    2031: ((1, 23), (6, 24), (8, 24), (10, 1), (10, 24), (1, 20)),
    2032: ((2, 11), (6, 12), (8, 12), (9, 19), (10, 12), (1, 8)),
    2033: ((1, 31), (6, 1), (8, 1), (9, 8), (10, 1), (1, 27)),
    2034: ((2, 19), (6, 20), (8, 20), (9, 27), (10, 20), (1, 16)),
    2035: ((2, 8), (6, 10), (8, 10), (9, 16), (10, 9), (1, 5)),
    2036: ((1, 28), (5, 30), (8, 28), (10, 4), (10, 27), (1, 23)),
}
_LUNAR_INDEX = {
    "spring_festival": 0,
    "dragon_boat": 1,
    "qixi": 2,
    "mid_autumn": 3,
    "double_ninth": 4,
}
# 清明 (a solar term) falls on April 4 or 5; the day for each year in the table's range.
_QINGMING = {y: 5 if y % 4 in (2, 3) else 4 for y in _LUNAR_YEARS}


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_term = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_term) // 451
    month, day = divmod(h + weekday_term - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = date(year + (month == 12), month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _spring_festival(year: int) -> date | None:
    row = _LUNAR.get(year)
    return date(year, *row[0]) if row else None


def holiday_date(holiday: str, year: int) -> date | None:
    """The holiday's date in the Gregorian `year`, or None where it is not known.

    A lunar date (农历十月初一, `grammar_zh_lunar`) takes the Chinese year instead.
    """
    if holiday.startswith(LUNAR_PREFIX):
        return lunar_holiday(holiday, year)
    if holiday in FIXED:
        return date(year, *FIXED[holiday])
    if holiday in EASTER_OFFSET:
        return easter(year) + timedelta(days=EASTER_OFFSET[holiday])
    if holiday in NTH_WEEKDAY:
        return _nth_weekday(year, *NTH_WEEKDAY[holiday])
    if holiday == "black_friday":
        return _nth_weekday(year, *NTH_WEEKDAY["thanksgiving"]) + timedelta(days=1)
    if holiday == "lantern":
        new_year = _spring_festival(year)
        return new_year + timedelta(days=14) if new_year else None
    if holiday == "chinese_new_years_eve":
        new_year = _spring_festival(year)
        return new_year - timedelta(days=1) if new_year else None
    if holiday == "laba":
        row = _LUNAR.get(year - 1)
        return date(year, *row[5]) if row else None
    if holiday in _LUNAR_INDEX:
        row = _LUNAR.get(year)
        return date(year, *row[_LUNAR_INDEX[holiday]]) if row else None
    if holiday == "qingming":
        return date(year, 4, _QINGMING[year]) if year in _QINGMING else None
    return None


def next_holiday(holiday: str, on_or_after: date, year: int | None = None) -> date | None:
    """The holiday in `year` if given, else its first date on or after `on_or_after`."""
    if year is not None:
        return holiday_date(holiday, year)
    # A lunar date's Chinese year may have begun the year before (腊月 falls in January),
    # and day 30 of a month is missing in the years the month is short.
    lunar = holiday.startswith(LUNAR_PREFIX)
    first = on_or_after.year - 1 if lunar else on_or_after.year
    for candidate_year in range(first, on_or_after.year + (5 if lunar else 2)):
        found = holiday_date(holiday, candidate_year)
        if found is not None and found >= on_or_after:
            return found
    return None
