"""Chinese years that are not written as Gregorian numbers: reign eras, decades, centuries.

- A reign era with its year (康熙二十年, 民国三年, 令和元年) is the Gregorian year the
  era's first year (元年) began in, plus the count: 康熙元年 = 1662, so 康熙二十年 = 1681.
  A month and day written after it (康熙三年五月, 神龙二年正月初一) are kept as numbered:
  before 1912 they are months of the Chinese calendar, which no table here reaches back
  to, and citing them by number is what historians and other tools do. A festival after
  the year (雍正四年大年三十) belongs to the expression, which then names the year only.
- A decade (九十年代, 80年代, 十九世纪七十年代, 上世纪90年代) is a range of ten years,
  a century (二十一世纪) one of a hundred, both year grain (DESIGN.md 4.1: the end is the
  last year named). Without a century, 00 and 10 are this century's decades and the
  others the last century's: 九十年代 is the 1990s, 二十年代 the 1920s.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime.grammar import Rule, alternation, rule, token
from ownlive.understand.extractors.datetime.numerals import ZH_NUM, zh_int
from ownlive.understand.extractors.datetime.parts import Parts, Token

# Era name -> the Gregorian year its first year began in. Only eras whose name is not
# also a common word or a city (长安, 绍兴, 长寿 are left out): the name needs its
# year count after it anyway, which keeps 永乐宫 or 景德镇 out.
ERAS: dict[str, int] = {
    "建安": 196,
    "贞观": 627,
    "貞觀": 627,
    "永徽": 650,
    "神龙": 705,
    "神龍": 705,
    "开元": 713,
    "開元": 713,
    "天宝": 742,
    "天寶": 742,
    "贞元": 785,
    "元和": 806,
    "会昌": 841,
    "建隆": 960,
    "庆历": 1041,
    "熙宁": 1068,
    "元丰": 1078,
    "元祐": 1086,
    "宣和": 1119,
    "靖康": 1126,
    "洪武": 1368,
    "建文": 1399,
    "永乐": 1403,
    "永樂": 1403,
    "宣德": 1426,
    "正统": 1436,
    "景泰": 1450,
    "天顺": 1457,
    "成化": 1465,
    "弘治": 1488,
    "正德": 1506,
    "嘉靖": 1522,
    "隆庆": 1567,
    "万历": 1573,
    "萬曆": 1573,
    "天启": 1621,
    "崇祯": 1628,
    "崇禎": 1628,
    "天命": 1616,
    "天聪": 1627,
    "顺治": 1644,
    "順治": 1644,
    "康熙": 1662,
    "雍正": 1723,
    "乾隆": 1736,
    "嘉庆": 1796,
    "嘉慶": 1796,
    "道光": 1821,
    "咸丰": 1851,
    "咸豐": 1851,
    "同治": 1862,
    "光绪": 1875,
    "光緒": 1875,
    "宣统": 1909,
    "宣統": 1909,
    "民国": 1912,
    "民國": 1912,
    "明治": 1868,
    "大正": 1912,
    "昭和": 1926,
    "平成": 1989,
    "令和": 2019,
}

_MONTH = r"(?P<mo>正|腊|臘|冬|[一二三四五六七八九十]{1,2}|\d{1,2})月"
_DAY = (
    r"(?P<d>初[一二三四五六七八九十]|[一二三四五六七八九十廿卅]{1,3}(?:日|号|號)?"
    r"|\d{1,2}(?:日|号|號))"
)
_FESTIVAL = r"(?P<fest>大年三十|大年初一|除夕|春节|元宵节?|端午节?|中秋节?)"
_NAMED_MONTHS = {"正": 1, "腊": 12, "臘": 12, "冬": 11}


def _era(m: re.Match[str]) -> Token | None:
    count = 1 if m["n"] == "元" else zh_int(m["n"])
    if count is None or count < 1:
        return None
    parts = Parts(year=ERAS[m["era"]] + count - 1)
    found = token(m, parts)
    if m["mo"]:
        month = _NAMED_MONTHS.get(m["mo"]) or zh_int(m["mo"])
        if month is None or not 1 <= month <= 12:
            found.end = m.end("y")  # 康熙三年十三月: the year, not the rest
            return found
        parts.month = month
        if m["d"]:
            raw = m["d"].rstrip("日号號").removeprefix("初")
            day = zh_int(raw)
            if day is None or not 1 <= day <= 30:
                found.end = m.end("mo_end")
                return found
            parts.day = day
    return found


def _century(m: re.Match[str]) -> int | None:
    if m["prev"]:
        return 20 if m["prev"].startswith("上") else 21
    if not m["c"]:
        return None
    value = zh_int(m["c"])
    return value if value is not None and 1 <= value <= 21 else None


def _years(m: re.Match[str], first: int, length: int) -> Token | None:
    """A range of years, first to first + length, year grain."""
    if first < 1:
        return None
    found = token(m, Parts(year=first))
    found.last = Parts(year=first + length)
    return found


def _decade(m: re.Match[str]) -> Token | None:
    raw = m["dec"]
    if raw.isdigit():
        decade: int | None = int(raw)
    elif raw[1] in "零〇":
        tens = zh_int(raw[0])
        decade = None if tens is None else tens * 10
    else:
        decade = zh_int(raw)
    if decade is None or decade % 10:
        return None
    if decade >= 1000:
        return _years(m, decade, 9)
    century = _century(m)
    if century is None and (m["c"] or m["prev"]):
        return None
    if century is None:
        return _years(m, (2000 if decade < 20 else 1900) + decade, 9)
    return _years(m, (century - 1) * 100 + decade, 9)


def _century_only(m: re.Match[str]) -> Token | None:
    century = _century(m)
    return None if century is None else _years(m, (century - 1) * 100, 99)


_CENTURY = (
    r"(?:(?P<c>\d{1,2}|[一二]?十[一二三四五六七八九]?|[一二三四五六七八九])世纪"
    r"|(?P<prev>上个?世纪|本世纪))"
)
_DECADE = r"(?P<dec>(?:1[5-9]|20)\d0|\d0|[一二三四五六七八九]十|[零〇一二三四五六七八九][零〇])"
# 21世纪经济报道, 世纪大道, 世纪公园: names, not the century.
_NOT_CENTURY = r"(?!经济|大道|公园|广场|佳缘|家园|华联|联华|城|坛)"

ZH_HISTORY_RULES: tuple[Rule, ...] = (
    rule(
        rf"(?P<era>{alternation(ERAS)})(?P<n>元|{ZH_NUM})(?P<y>年)"
        rf"(?:{_FESTIVAL}|闰?(?P<mo_end>{_MONTH})(?:{_DAY})?)?",
        _era,
        ("年",),
    ),
    rule(rf"(?<![\d.]){_CENTURY}?{_DECADE}年代", _decade, ("年代",)),
    rule(rf"(?<![\d.]){_CENTURY}{_NOT_CENTURY}", _century_only, ("世纪",)),
)
