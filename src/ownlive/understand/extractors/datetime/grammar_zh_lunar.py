"""Chinese-calendar dates: 农历十月初一, 正月十五, 腊月二十三, 闰四月初八, 2015年十月初一.

A date is read on the Chinese calendar when the words say so: 农历/阴历 before it, a
month named 正月/腊月/冬月 or 闰 (leap), or a day counted 初一…初十 (the first ten days
of a lunar month are called so, Gregorian ones never are). Otherwise "八月十五" stays
the Gregorian date the month rule of `grammar_zh` reads. The date travels as a holiday
id (`grammar_zh_calendar.lunar_id`) so that it resolves as festivals do (DESIGN.md 4.1):
its next occurrence on or after the sent date, or the one of the year written, which
is then the Chinese year (农历2015年十月初一 = 2015-11-12).
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime.grammar import Rule, rule, token
from ownlive.understand.extractors.datetime.grammar_zh_calendar import lunar_id
from ownlive.understand.extractors.datetime.numerals import ZH_YEAR, zh_int, zh_year
from ownlive.understand.extractors.datetime.parts import Parts, Token

_NAMED_MONTHS = {"正": 1, "腊": 12, "臘": 12, "冬": 11}
# After 初一: "3月初一定", "月初一起" are "at the start of the month" + 一定/一起.
_NOT_AFTER_FIRST = frozenset("定起些下样樣般直共致切同")


def _lunar_date(m: re.Match[str]) -> Token | None:
    raw_month, raw_day = m["mo"], m["d"]
    if not raw_day:
        return None  # 正月, 腊月 alone: a month, whose start nobody means
    first_ten = raw_day.startswith("初")
    if not (m["pre"] or m["leap"] or raw_month in _NAMED_MONTHS or first_ten):
        return None  # 八月十五: the Gregorian date of the month rule
    month = _NAMED_MONTHS.get(raw_month) or zh_int(raw_month)
    day = zh_int(raw_day.removeprefix("初").rstrip("日号號"))
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    if first_ten and day > 10:
        return None
    if raw_day == "初一" and m.string[m.end() : m.end() + 1] in _NOT_AFTER_FIRST:
        return None
    year = zh_year(m["y"]) if m["y"] else None
    return token(m, Parts(year=year, holiday=lunar_id(month, day, bool(m["leap"]))))


ZH_LUNAR_RULES: tuple[Rule, ...] = (
    rule(
        r"(?<![\d.])(?P<pre>农历|阴历|旧历|農曆|陰曆|舊曆)?"
        rf"(?:(?P<y>{ZH_YEAR})年)?(?P<leap>闰|閏)?"
        r"(?P<mo>正|腊|臘|冬|[一二三四五六七八九十]{1,2}|\d{1,2})月"
        r"(?P<d>(?:初[一二三四五六七八九十]|[一二三四五六七八九十廿卅]{1,3})(?:日|号|號)?"
        r"|\d{1,2}(?:日|号|號))",
        _lunar_date,
        ("月",),
    ),
)
