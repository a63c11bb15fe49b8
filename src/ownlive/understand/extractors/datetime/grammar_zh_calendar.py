"""The Chinese (lunar) calendar the zh grammar's lunar dates resolve by: 农历十月初一 -> a date.

Computed, not tabulated: a month starts on the day (Beijing time) of a new moon; the
month holding the winter solstice is the 11th; in a year with 13 months between two
11th months, the first month without a principal solar term (中气, the sun's longitude
a multiple of 30°) is the leap month. New moons follow Meeus, *Astronomical
Algorithms* ch. 49 (seconds off), the sun's longitude the low-precision series of
ch. 25 (about 0.01°, a quarter of an hour of a solar term); a date goes wrong only
where a new moon or a term falls within minutes of midnight, which the published
calendars of 1990–2036 checked in the tests never do. Years 1901–2100 are served.
"""

from __future__ import annotations

import functools
import itertools
import math
from datetime import date

FIRST_YEAR, LAST_YEAR = 1901, 2100
_SYNODIC = 29.530588861
_J2000 = 2451545.0
_ORDINAL_TO_JD = 1721424.5  # Julian day of date.fromordinal(1) at 00:00 UT


def _sin(degrees: float) -> float:
    return math.sin(math.radians(degrees))


_NEW_MOON_TERMS = (  # (coefficient, power of E, multiples of M, M', F, Ω)
    (-0.40720, 0, 0, 1, 0, 0), (0.17241, 1, 1, 0, 0, 0), (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0), (0.00739, 1, -1, 1, 0, 0), (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0), (-0.00111, 0, 0, 1, -2, 0), (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0), (-0.00042, 0, 0, 3, 0, 0), (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0), (-0.00024, 1, -1, 2, 0, 0), (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0), (0.00004, 0, 0, 2, -2, 0), (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0), (0.00003, 0, 0, 2, 2, 0), (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0), (-0.00002, 0, -1, 1, -2, 0), (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)  # fmt: skip
_PLANETARY = (  # (coefficient, phase, rate per lunation); the first also has a T² term
    (0.000325, 299.77, 0.107408), (0.000165, 251.88, 0.016321), (0.000164, 251.83, 26.651886),
    (0.000126, 349.42, 36.412478), (0.000110, 84.66, 18.206239), (0.000062, 141.74, 53.303771),
    (0.000060, 207.14, 2.453732), (0.000056, 154.84, 7.306860), (0.000047, 34.52, 27.261239),
    (0.000042, 207.19, 0.121824), (0.000040, 291.34, 1.844379), (0.000037, 161.72, 24.198154),
    (0.000035, 239.56, 25.513099), (0.000023, 331.55, 3.592518),
)  # fmt: skip


def _new_moon(k: int) -> float:
    """Julian ephemeris day of lunation k (k = 0: the new moon of 2000-01-06)."""
    t = k / 1236.85
    jde = 2451550.09766 + _SYNODIC * k + 0.00015437 * t**2 - 0.00000015 * t**3
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    m = 2.5534 + 29.1053567 * k - 0.0000014 * t**2
    mp = 201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3
    f = 160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3
    omega = 124.7746 - 1.56375588 * k + 0.0020672 * t**2
    for coef, e_power, a, b, c, d in _NEW_MOON_TERMS:
        jde += coef * e**e_power * _sin(a * m + b * mp + c * f + d * omega)
    for i, (coef, phase, rate) in enumerate(_PLANETARY):
        jde += coef * _sin(phase + rate * k - (0.009173 * t**2 if i == 0 else 0))
    return jde


def _sun_longitude(jde: float) -> float:
    """The sun's apparent longitude in degrees, 0 <= λ < 360."""
    t = (jde - _J2000) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t**2
    m = 357.52911 + 35999.05029 * t - 0.0001537 * t**2
    c = (
        (1.914602 - 0.004817 * t - 0.000014 * t**2) * _sin(m)
        + (0.019993 - 0.000101 * t) * _sin(2 * m)
        + 0.000289 * _sin(3 * m)
    )
    omega = 125.04 - 1934.136 * t
    return (l0 + c - 0.00569 - 0.00478 * _sin(omega)) % 360


def _solar_term(longitude: float, near: float) -> float:
    """Julian ephemeris day when the sun reaches `longitude`, starting from `near`."""
    jde = near
    for _ in range(10):
        step = ((longitude - _sun_longitude(jde) + 180) % 360 - 180) * 365.2422 / 360
        jde += step
        if abs(step) < 1e-6:
            break
    return jde


def _delta_t(year: float) -> float:
    """TT - UT in seconds, roughly (a minute matters only at midnight)."""
    if year >= 2005:
        y = year - 2000
        return 62.92 + 0.32217 * y + 0.005589 * y**2
    if year >= 1950:
        return 29.0 + 0.7 * (year - 1950)
    return 24.0


def _beijing_day(jde: float) -> int:
    """The date (as an ordinal) of an instant in Beijing time."""
    year = 2000 + (jde - _J2000) / 365.25
    hours = 8.0 if year >= 1929 else 116.4 / 15  # Beijing mean time before 1929
    return math.floor(jde - _delta_t(year) / 86400 + hours / 24 - _ORDINAL_TO_JD)


def _solstice(winter_year: int) -> float:
    return _solar_term(270, _J2000 + (winter_year - 2000) * 365.2422 + 355)


def _eleventh_month(solstice: float) -> int:
    """Lunation number of the month holding the winter solstice."""
    day = _beijing_day(solstice)
    k = math.floor((solstice - 2451550.09766) / _SYNODIC) + 1
    while _beijing_day(_new_moon(k)) > day:
        k -= 1
    return k


@functools.cache
def _months(winter_year: int) -> tuple[tuple[int, int, bool], ...]:
    """(start day, month number, leap) from the 11th month of `winter_year` to the next's.

    The next 11th month is the last row, so that every month before it has an end.
    """
    solstice = _solstice(winter_year)
    first, last = _eleventh_month(solstice), _eleventh_month(_solstice(winter_year + 1))
    starts = [_beijing_day(_new_moon(k)) for k in range(first, last + 1)]
    leap_year = len(starts) == 14
    terms = [
        _beijing_day(_solar_term((270 + 30 * i) % 360, solstice + 30.44 * i)) for i in range(13)
    ]
    out: list[tuple[int, int, bool]] = [(starts[0], 11, False)]
    leap_found = False
    for start, end in itertools.pairwise(starts[1:]):
        if leap_year and not leap_found and not any(start <= d < end for d in terms):
            leap_found = True
            out.append((start, out[-1][1], True))
        else:
            out.append((start, out[-1][1] % 12 + 1, False))
    out.append((starts[-1], 11, False))
    return tuple(out)


def lunar_to_date(year: int, month: int, day: int, leap: bool = False) -> date | None:
    """The Gregorian date of day `day` of `month` in the Chinese year that begins in `year`.

    Months 11 and 12 (冬月, 腊月) of that year fall in the winter after it. None outside
    1901–2100, for a leap month the year does not have, or day 30 of a 29-day month.
    """
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12 and 1 <= day <= 30):
        return None
    rows = _months(year - 1)[:-1] + _months(year)
    new_years = [i for i, (_, number, is_leap) in enumerate(rows) if number == 1 and not is_leap]
    for i in range(new_years[0], new_years[1]):
        start, number, is_leap = rows[i]
        if number == month and is_leap == leap:
            if start + day - 1 >= rows[i + 1][0]:
                return None  # day 30 of a short month
            return date.fromordinal(start + day - 1)
    return None


LUNAR_PREFIX = "lunar:"


def lunar_id(month: int, day: int, leap: bool) -> str:
    """The holiday id a lunar date travels under in `Parts.holiday` ("lunar:L04-08")."""
    return f"{LUNAR_PREFIX}{'L' if leap else ''}{month:02d}-{day:02d}"


def lunar_holiday(holiday: str, year: int) -> date | None:
    """The date of a `lunar_id` in the Chinese year that begins in `year`."""
    body = holiday.removeprefix(LUNAR_PREFIX)
    leap = body.startswith("L")
    month, _, day = body.removeprefix("L").partition("-")
    return lunar_to_date(year, int(month), int(day), leap)
