"""Chinese windows reaching back or ahead from now: 过去十年, 最近三天, 之前3小时.

Sent on Friday 2026-11-20 at 18:30 in Shanghai. Back: from that many units before the
sent date (instant, for hours and minutes) to it; ahead: from the next day (now) on.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

SENT = datetime(2026, 11, 20, 18, 30, tzinfo=timezone(timedelta(hours=8)))
TODAY = "2026-11-20T00:00"

CASES: list[tuple[str, list[Expected]]] = [
    ("过去十年变化很大", [("过去十年", "2016-11-20T00:00", TODAY, "day")]),
    ("在过去的一年里", [("过去的一年", "2025-11-20T00:00", TODAY, "day")]),
    ("过去半年没怎么运动", [("过去半年", "2026-05-20T00:00", TODAY, "day")]),
    ("最近三天都在加班", [("最近三天", "2026-11-17T00:00", TODAY, "day")]),
    ("我最近两周很忙", [("最近两周", "2026-11-06T00:00", TODAY, "day")]),
    ("前1周的数据发我一下", [("前1周", "2026-11-13T00:00", TODAY, "day")]),
    ("我前两年在北京工作", [("前两年", "2024-11-20T00:00", TODAY, "day")]),
    ("未来三个月都在出差", [("未来三个月", "2026-11-21T00:00", "2027-02-20T00:00", "day")]),
    ("接下来两年好好干", [("接下来两年", "2026-11-21T00:00", "2028-11-20T00:00", "day")]),
    ("后两天不在公司", [("后两天", "2026-11-21T00:00", "2026-11-22T00:00", "day")]),
    ("未来一周有雨", [("未来一周", "2026-11-21T00:00", "2026-11-27T00:00", "day")]),
    # hours and minutes: from or to the sent instant, minute grain
    (
        "过去24小时的订单",
        [("过去24小时", "2026-11-19T18:30", "2026-11-20T18:30", "minute")],
    ),
    ("之前3小时没信号", [("之前3小时", "2026-11-20T15:30", "2026-11-20T18:30", "minute")]),
    ("之后5分钟别打扰我", [("之后5分钟", "2026-11-20T18:30", "2026-11-20T18:35", "minute")]),
    ("上个小时的消息看了吗", [("上个小时", "2026-11-20T17:30", "2026-11-20T18:30", "minute")]),
    ("下一个小时在开会", [("下一个小时", "2026-11-20T18:30", "2026-11-20T19:30", "minute")]),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_windows_from_now(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "zh") == expected(SENT, want)


@pytest.mark.parametrize(
    "text",
    [
        "考试前1周复习",  # before the exam, not before now
        "出发前两天收拾行李",
        "吃完饭之后5分钟就走了",
        "我过去5分钟就到",  # "go over there"
        "走过去三分钟",
        "已经过去三天了",  # time has passed: a duration
        "路上一个小时",
        "将近3年没见",
        "前一天收到的",  # the day before something
        "前两年级的课",
        "公司前3个月的销售额",
    ],
)
def test_before_or_after_something_else_is_no_window(text: str) -> None:
    assert found(text, SENT, "zh") == []
