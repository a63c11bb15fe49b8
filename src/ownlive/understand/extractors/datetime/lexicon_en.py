"""English time words: weekdays, months, relative days, day-parts, holidays, units."""

from __future__ import annotations

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
# Abbreviations that are also everyday words ("I sat down", "the sun"): only
# capitalized, and only beside a date or time.
AMBIGUOUS_WEEKDAYS = frozenset({"sat", "sun"})

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# Month names that are also given names or verbs ("May said", "April is coming",
# "we march"): need a day, a year or a preposition beside them.
NAME_MONTHS = frozenset({"may", "april", "june", "august", "march", "mar", "jan"})

REL_DAYS = {
    "today": 0,
    "tonight": 0,
    "tonite": 0,
    "2nite": 0,
    "tomorrow": 1,
    "tomorow": 1,
    "tommorow": 1,
    "tommorrow": 1,
    "tmrw": 1,
    "tmr": 1,
    "tmw": 1,
    "tmrow": 1,
    "2morrow": 1,
    "2moro": 1,
    "yesterday": -1,
    "the day after tomorrow": 2,
    "day after tomorrow": 2,
    "the day before yesterday": -2,
    "day before yesterday": -2,
}
EVENING_REL = frozenset({"tonight", "tonite", "2nite"})

DAYPARTS = {
    "morning": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
    "noon": "noon",
    "midday": "noon",
    "midnight": "midnight",
}

HOLIDAYS = {
    "christmas eve": "christmas_eve",
    "christmas day": "christmas",
    "christmas": "christmas",
    "xmas": "christmas",
    "boxing day": "boxing_day",
    "new year's eve": "new_years_eve",
    "new years eve": "new_years_eve",
    "new year’s eve": "new_years_eve",
    "nye": "new_years_eve",
    "new year's day": "new_year",
    "new years day": "new_year",
    "new year’s day": "new_year",
    "valentine's day": "valentine",
    "valentines day": "valentine",
    "valentine’s day": "valentine",
    "valentine's": "valentine",
    "halloween": "halloween",
    "thanksgiving": "thanksgiving",
    "black friday": "black_friday",
    "easter sunday": "easter",
    "easter monday": "easter_monday",
    "easter": "easter",
    "good friday": "good_friday",
    "mother's day": "mothers_day",
    "mothers day": "mothers_day",
    "father's day": "fathers_day_us",
    "fathers day": "fathers_day_us",
    "independence day": "independence_us",
    "fourth of july": "independence_us",
    "4th of july": "independence_us",
    "labor day": "labor_day_us",
    "memorial day": "memorial_day",
    "martin luther king day": "mlk_day",
    "martin luther king jr. day": "mlk_day",
    "mlk day": "mlk_day",
    "presidents day": "presidents_day",
    "presidents' day": "presidents_day",
    "columbus day": "columbus_day",
    "veterans day": "veterans_day",
    "juneteenth": "juneteenth",
    "groundhog day": "groundhog_day",
    "earth day": "earth_day",
    "international workers' day": "labour_day",
    "workers' day": "labour_day",
    "may day": "labour_day",
    "all saints' day": "all_saints",
    "all souls' day": "all_souls",
    "st. patrick's day": "st_patrick",
    "st patrick's day": "st_patrick",
    "chinese new year": "spring_festival",
    "lunar new year": "spring_festival",
    "mid-autumn festival": "mid_autumn",
    "dragon boat festival": "dragon_boat",
}

# unit word -> (minutes per unit, days per unit, months per unit); one of them set
UNITS: dict[str, tuple[float, int, int]] = {}
for _words, _value in (
    (("sec", "secs", "second", "seconds"), (1 / 60, 0, 0)),
    (("min", "mins", "minute", "minutes"), (1, 0, 0)),
    (("hour", "hours", "hr", "hrs", "h"), (60, 0, 0)),
    (("day", "days"), (0, 1, 0)),
    (("week", "weeks", "wk", "wks"), (0, 7, 0)),
    (("month", "months"), (0, 0, 1)),
    (("year", "years"), (0, 0, 12)),
):
    for _w in _words:
        UNITS[_w] = _value
