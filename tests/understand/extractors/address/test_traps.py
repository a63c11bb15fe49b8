"""What is not an address: venues and landmarks alone, streets without a number, and numbers
next to street words that are times, dates, prices, quantities, rooms or chapters."""

from __future__ import annotations

import pytest

from tests.understand.extractors.address.support import addresses

NOT_ADDRESSES = [
    # en: venues, streets without numbers, rooms, chapters, ordinals.
    "Meet at Starbucks",
    "I live on Baker Street",
    "Room 101",
    "See you in Room 101 at 3",
    "Chapter 12 Street Fighter",
    "5th Avenue is packed today",
    "Let's shop on Fifth Avenue",
    "at 7 PM Park Street is closed",
    "on May 5 Main Street is closed for the parade",
    "Meet me at 12:30 Main Street entrance",
    "the $300 Fifth Avenue dress",
    "It is 2.5 Park Avenue blocks away",
    "There were 3 cars on the street",
    "I drove 5 miles down the road",
    "It's a 20 minute drive",
    "Take the 2nd left onto Oak Road",
    "Top 10 Drive-In Movies",
    "Flight 12 Gate B",
    "Bring 5 friends to the party",
    "Spring 2024 was great",
    "We need 2 more drive bays",
    # de: measures, times, ranks, things named like streets.
    "Ich brauche 5 Minuten zum Heimweg",
    "Heimweg 5 Minuten",
    "Parkplatz 3 ist frei",
    "Am Freitag 15 Uhr beim Arzt",
    "Am Wochenende 2 Tage frei",
    "Im Juni 2024 zieht er um",
    "Wir sind im Raum 101",
    "Mein Platz 12 im Zug",
    "Die Bundesstraße 96 ist gesperrt",
    "Der Tabellenplatz 3 reicht nicht",
    "Hauptbahnhof Gleis 5",
    "Wir wohnen in der Hauptstraße",
    "Die Straße 5 Meter weiter links",
    "Der Ring 3 passt nicht",
    "Die Torstraße ist 2 km lang",
    # zh: no street, no number, or a number that is a date, time, price, line or distance.
    "在南京西路见",
    "周末去三里屯太古里吃饭吧",
    "明天去国贸",
    "我知道5号那天你有空",
    "坐地铁2号线到南京西路站",
    "这条路100米后右转",
    "长江路2019年开通",
    "中山路3点见",
    "人民路88元一位",
    "我们在公司里3号会议室见",
    "频道12号的节目",
    "跑道3号",
    "走了一路5个小时",
    "第二条街12号",
    "快递放在3号柜",
    "小区3栋2单元",
    "上街12点集合",
    "在故宫博物院门口等你",
]


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_not_an_address(text: str) -> None:
    assert addresses(text) == []


# Traps next to a real address: the address is found, the trap is not.
NEAR_MISSES = [
    ("7点在南京西路1266号见，别迟到", "南京西路1266号"),
    ("南京西路1266号楼下的星巴克见", "南京西路1266号"),
    ("南京西路1266号附近的停车场", "南京西路1266号"),
    ("Room 101, 350 5th Ave, New York, NY 10118", "350 5th Ave, New York, NY 10118"),
    ("Ab 19 Uhr in der Torstraße 109, 10119 Berlin", "Torstraße 109, 10119 Berlin"),
    (
        "Starbucks at 1390 Market Street, San Francisco, CA 94102",
        "1390 Market Street, San Francisco, CA 94102",
    ),
]


@pytest.mark.parametrize(("text", "span"), NEAR_MISSES)
def test_address_beside_a_trap(text: str, span: str) -> None:
    assert [e.text for e in addresses(text)] == [span]
