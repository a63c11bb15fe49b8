"""What is not a datetime (DESIGN.md 4.1): ages, scores, versions, prices, numbers, names,
durations, opening hours and recurrences, vague references, meal nouns, now, greetings.

Each case lists what the message does hold (often nothing), so that a trap caught inside a
real plan is checked too.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

SENT = datetime(2026, 11, 20, 18, 30, tzinfo=timezone(timedelta(hours=1)))

TRAPS: list[tuple[str, str, list[Expected]]] = [
    # ages
    ("en", "he is 30", []),
    (
        "en",
        "She turned 7 last week",
        [("last week", "2026-11-09T00:00", "2026-11-15T00:00", "day")],
    ),
    ("zh", "他30岁了", []),
    ("de", "Er ist 30 Jahre alt", []),
    # versions
    ("en", "update to v2.3 or iOS 17", []),
    ("de", "Version 2.3 ist draußen", []),
    ("zh", "升级到iOS 17.2了", []),
    # scores
    ("en", "we won 3:1", []),
    ("de", "Das Spiel endete 2:0", []),
    ("zh", "我们3比1赢了", []),
    ("en", "we won 3-1 on Sunday", [("Sunday", "2026-11-22T00:00", "day")]),
    ("en", "Score was 21-17", []),
    # house numbers and addresses
    ("de", "Kastanienallee 45, 10435 Berlin", []),
    ("zh", "南京西路1266号", []),
    ("zh", "5号楼3单元", []),
    ("zh", "坐地铁3号线", []),
    ("en", "221B Baker Street", []),
    # prices
    ("en", "only $45.99", []),
    ("de", "kostet 12,50 €", []),
    ("zh", "才299元", []),
    ("de", "3.000 Euro", []),
    # phone, tracking and flight numbers
    ("en", "call 415-555-0132", []),
    ("de", "Tel. 030 12345678", []),
    ("zh", "电话13800138000", []),
    ("en", "flight LH720 lands", []),
    ("en", "UPS 1Z999AA10123456784", []),
    # names that are months or weekdays elsewhere
    ("en", "May said hi", []),
    ("en", "Mark is coming", []),
    ("en", "April is my sister", []),
    ("en", "I sat down in the sun", []),
    ("de", "So machen wir das", []),
    ("de", "Jan kommt auch", []),
    # durations are not times from now
    ("en", "valid for 10 minutes", []),
    ("en", "the movie is 2 hours long", []),
    ("zh", "验证码5分钟内有效", []),
    ("zh", "等了两个小时", []),
    ("de", "Das dauert 3 Minuten", []),
    # opening hours and recurrences
    ("de", "Mo–Fr 8–18 Uhr", []),
    ("de", "Öffnungszeiten: täglich 10-22 Uhr", []),
    ("en", "Open Mon–Fri 9am-5pm", []),
    ("en", "open daily 9am-5pm", []),
    ("en", "every Friday at 8", []),
    ("en", "Tuesdays at 9am", []),
    ("en", "I go running 6am every day", []),
    ("de", "jeden Freitag um 8", []),
    ("de", "freitags Training", []),
    ("zh", "每周五下午开会", []),
    ("zh", "每天晚上8点", []),
    ("zh", "营业时间10:00-22:00", []),
    # vague references
    ("en", "someday", []),
    ("en", "see you soon", []),
    ("en", "back in a minute", []),
    ("en", "in a few days", []),
    ("zh", "上次那家店", []),
    ("zh", "过两天再说", []),
    ("de", "bis später", []),
    ("de", "bis bald", []),
    # meal nouns alone
    ("en", "lunch?", []),
    ("en", "dinner tonight?", [("tonight", "2026-11-20T00:00", "day")]),
    ("de", "Mittagspause!", []),
    ("de", "Wir essen zu Mittag", []),
    ("zh", "午饭吃什么", []),
    # now
    ("en", "now", []),
    ("en", "right now", []),
    ("zh", "现在", []),
    ("de", "jetzt", []),
    # greetings name no plan
    ("de", "Guten Morgen!", []),
    ("de", "Frohe Weihnachten!", []),
    ("en", "Merry Christmas!", []),
    ("zh", "中秋节快乐", []),
    ("zh", "晚上好", []),
    # counts and points that look like clock times
    ("zh", "有一点累", []),
    ("zh", "早一点到", []),
    ("zh", "第三点很重要", []),
    ("zh", "三点建议", []),
    ("zh", "一周一次", []),
    ("en", "add 1/2 cup of milk", []),
    ("en", "support 24/7", []),
    ("en", "gate 7 tonight", [("tonight", "2026-11-20T00:00", "day")]),
    ("en", "room 1115 tomorrow", [("tomorrow", "2026-11-21T00:00", "day")]),
    ("de", "Gleis 7", []),
    # decimals, measures, ratings and prices that look like day.month
    ("en", "it takes 1.5 hours", []),
    ("en", "costs 10.10 now", []),
    ("en", "grew 3.12 percent", []),
    ("en", "version 2.10 is out", []),
    ("en", "the score was 10.11", []),
    ("en", "rated 4.5.", []),
    ("en", "we scored 2.10 on the test", []),
    ("en", "price 10.12 and tax", []),
    ("zh", "版本 1.10, 已发布", []),
    # the modal verb "may", a course's week
    ("en", "This may take longer than expected.", []),
    ("en", "week 3 of the course", []),
    ("en", "sold 2020 12 5 times", []),
    ("de", "Platz 3. 5. Reihe", []),
    ("de", "Note 3.9. abends war gut", []),
    ("de", "am Mo-Fr geöffnet", []),
    ("de", "am 28.09. 20 Leute", [("28.09.", "2027-09-28T00:00", "day")]),
    ("en", "add 1/2 in the morning", []),
    ("en", "I came 1st!", []),
    ("en", "the 25th floor", []),
]


@pytest.mark.parametrize(("lang", "text", "want"), TRAPS, ids=[t[1] for t in TRAPS])
def test_not_a_datetime(lang: str, text: str, want: list[Expected]) -> None:
    assert found(text, SENT, lang) == expected(SENT, want)


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("en", "at 8", "8"),
        ("en", "on Friday", "Friday"),
        ("en", "by Friday", "Friday"),
        ("en", "around 5pm", "5pm"),
        ("de", "am Freitag", "Freitag"),
        ("de", "um 8 Uhr", "8 Uhr"),
        ("de", "zum 15.", "15."),
        ("de", "bis Freitag", "Freitag"),
        ("de", "ab 18 Uhr", "18 Uhr"),
        ("de", "gegen 18 Uhr", "18 Uhr"),
        ("de", "vom 3. bis 7. Mai", "3. bis 7. Mai"),
        ("zh", "于明天下午3点", "明天下午3点"),
        ("zh", "在周五", "周五"),
        ("zh", "周五前交", "周五"),
        ("zh", "下午3点前", "下午3点"),
    ],
)
def test_leading_prepositions_and_trailing_qian_stay_out(lang: str, text: str, span: str) -> None:
    assert [text for text, _ in found(text, SENT, lang)] == [span]


PLAIN_CHAT = [
    ("en", "I have 3 kids"),
    ("en", "Room 214 is free"),
    ("en", "Score was 21-17"),
    ("en", "My PIN is 4821"),
    ("en", "Order #12345 shipped"),
    ("en", "I'm 5 minutes away"),
    ("en", "We need 2-3 people"),
    ("en", "The temperature is 21.5 degrees"),
    ("en", "He's at 2 Main St"),
    ("en", "The hotel is at 11 Howard Street"),
    ("en", "The user rating is 3.9."),
    ("en", "Version 10.4 is out"),
    ("en", "We arrive at platform 9"),
    ("en", "press 1 then 2"),
    ("en", "the 2nd floor"),
    ("en", "I may come"),
    ("en", "wait a sec"),
    ("en", "Good night"),
    ("de", "Zimmer 214 ist frei"),
    ("de", "Bestellung Nr. 12345"),
    ("de", "Er wohnt in der Goethestraße 5a"),
    ("de", "Die Note war 1.3"),
    ("de", "ab 18 Jahren"),
    ("de", "bis 5 Leute"),
    ("de", "um 5 Kilo abzunehmen"),
    ("de", "Schönen Abend noch!"),
    ("zh", "我有3个孩子"),
    ("zh", "订单号12345"),
    ("zh", "我5分钟就到"),
    ("zh", "需要2-3个人"),
    ("zh", "温度21.5度"),
    ("zh", "一点都不"),
    ("zh", "价格比那家贵一点"),
    ("zh", "其它两点都满足"),
    ("zh", "三点水"),
    ("zh", "一天到晚"),
    ("zh", "周到的服务"),
    ("zh", "我帮你看下周边的酒店"),
    ("zh", "今日头条上看的"),
    ("zh", "地址是南河沿大街南湾子胡同1号"),
    ("zh", "柳荫街甲14号"),
    ("zh", "坐地铁十号线"),
    ("zh", "营业时间是周一至周日 11:00-14:00 17:00-21:00"),
    ("zh", "周一至周五 9:00-18:00"),
    ("en", "Opening hours: Mon-Fri 9:00-17:00, Sat 10:00-14:00"),
    ("de", "Die Praxis ist dienstags 8:00-12:00 und 14:00-18:00 geöffnet"),
]


@pytest.mark.parametrize(("lang", "text"), PLAIN_CHAT, ids=[t[1] for t in PLAIN_CHAT])
def test_plain_chat_holds_no_datetime(lang: str, text: str) -> None:
    assert found(text, SENT, lang) == []
