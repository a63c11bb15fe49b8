"""Chinese reign eras, decades and centuries: years not written as Gregorian numbers.

Sent on Friday 2026-11-20 at 18:30 in Shanghai.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

SENT = datetime(2026, 11, 20, 18, 30, tzinfo=timezone(timedelta(hours=8)))

CASES: list[tuple[str, list[Expected]]] = [
    # a reign era's year is its first year (元年) plus the count
    ("康熙二十年平定三藩", [("康熙二十年", "1681-01-01T00:00", "year")]),
    ("爷爷生于民国三年", [("民国三年", "1914-01-01T00:00", "year")]),
    ("光绪二十六年的事了", [("光绪二十六年", "1900-01-01T00:00", "year")]),
    ("《万历十五年》这本书", [("万历十五年", "1587-01-01T00:00", "year")]),
    ("民國38年", [("民國38年", "1949-01-01T00:00", "year")]),
    # a month and day after the era's year belong to it, kept as numbered
    ("乾隆六十年九月禅位", [("乾隆六十年九月", "1795-09-01T00:00", "month")]),
    ("令和元年五月一日改元", [("令和元年五月一日", "2019-05-01T00:00", "day")]),
    ("平成31年4月30日是最后一天", [("平成31年4月30日", "2019-04-30T00:00", "day")]),
    ("唐神龙二年正月初一", [("神龙二年正月初一", "0706-01-01T00:00", "day")]),
    # a festival after the year: the expression names that year
    ("清雍正四年大年三十", [("雍正四年大年三十", "1726-01-01T00:00", "year")]),
    # decades: ten years, year grain; 00 and 10 this century's, the others the last's
    ("九十年代的老歌", [("九十年代", "1990-01-01T00:00", "1999-01-01T00:00", "year")]),
    ("80年代出生的人", [("80年代", "1980-01-01T00:00", "1989-01-01T00:00", "year")]),
    ("八零年代的电视剧", [("八零年代", "1980-01-01T00:00", "1989-01-01T00:00", "year")]),
    ("10年代的手机", [("10年代", "2010-01-01T00:00", "2019-01-01T00:00", "year")]),
    ("上世纪七十年代", [("上世纪七十年代", "1970-01-01T00:00", "1979-01-01T00:00", "year")]),
    (
        "十九世纪七十年代的欧洲",
        [("十九世纪七十年代", "1870-01-01T00:00", "1879-01-01T00:00", "year")],
    ),
    ("2010年代的音乐", [("2010年代", "2010-01-01T00:00", "2019-01-01T00:00", "year")]),
    # centuries: a hundred years
    ("二十一世纪的科技", [("二十一世纪", "2000-01-01T00:00", "2099-01-01T00:00", "year")]),
    ("上世纪的老房子", [("上世纪", "1900-01-01T00:00", "1999-01-01T00:00", "year")]),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_eras_decades_and_centuries(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "zh") == expected(SENT, want)


@pytest.mark.parametrize(
    "text",
    [
        "世纪大道站下车",  # a street and a station
        "21世纪经济报道说",  # a newspaper
        "世纪公园见面吧",
        "年代久远的照片",
        "去永乐宫看壁画",  # an era name without its year
        "在绍兴三年了",  # a city, then a duration
        "景德镇的瓷器",
        "这是哪个年代的",
    ],
)
def test_names_and_durations_are_no_years(text: str) -> None:
    assert found(text, SENT, "zh") == []
