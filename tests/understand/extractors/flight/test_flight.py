"""Flight numbers: IATA designator + 1-4 digits, and the many codes that are no flight."""

from __future__ import annotations

import pytest

from ownlive.understand.extractors.flight import find_flights
from tests.understand.extractors.entities import run


@pytest.mark.parametrize(
    ("text", "span", "airline", "number"),
    [
        # zh
        ("我明天坐MU5101去北京", "MU5101", "MU", "5101"),
        ("航班CA1234延误了两个小时", "CA1234", "CA", "1234"),
        ("3U8888航班延误了", "3U8888", "3U", "8888"),
        ("春秋9C8921，明早7点起飞", "9C8921", "9C", "8921"),
        ("我订了CZ 3101，后天到广州", "CZ 3101", "CZ", "3101"),
        ("海航HU7801改签到晚上了", "HU7801", "HU", "7801"),
        ("吉祥HO1252 登机口在C12", "HO1252", "HO", "1252"),
        ("国泰CX 251从香港飞伦敦", "CX 251", "CX", "251"),
        ("航班号：ca981", "ca981", "CA", "981"),
        # en
        ("My flight is LH 720 tomorrow", "LH 720", "LH", "720"),
        ("Landing at 6 with BA287", "BA287", "BA", "287"),
        ("JetBlue B6 1123 is boarding at gate 14", "B6 1123", "B6", "1123"),
        ("I'm on UA 88 to Newark", "UA 88", "UA", "88"),
        ("Booked EK 58, arriving Dubai at 19:40", "EK 58", "EK", "58"),
        ("flight lh720 got cancelled", "lh720", "LH", "720"),
        ("Our flight DL 9 leaves JFK at noon", "DL 9", "DL", "9"),
        ("easyJet U2 8765 to Berlin", "U2 8765", "U2", "8765"),
        ("SQ 26 lands in Frankfurt at 6", "SQ 26", "SQ", "26"),
        # de
        ("Flug LH 720 landet um 10", "LH 720", "LH", "720"),
        ("Mein Condor Flug DE 2214 geht um 6", "DE 2214", "DE", "2214"),
        ("Ich fliege mit EW 9036 nach Mallorca", "EW 9036", "EW", "9036"),
        ("Die LX1071 hat 20 Minuten Verspätung", "LX1071", "LX", "1071"),
        ("TUIfly X3 2156 ab Hannover", "X3 2156", "X3", "2156"),
        ("Abflug mit OS 112 um 7:05", "OS 112", "OS", "112"),
        ("Flugnummer: 4U 8312", "4U 8312", "4U", "8312"),
        ("Wir fliegen mit FR 8544 nach Dublin", "FR 8544", "FR", "8544"),
    ],
)
def test_flight_numbers(text: str, span: str, airline: str, number: str) -> None:
    value = {"airline": airline, "number": number, "code": airline + number}
    assert run(find_flights, text) == [(span, value)]


@pytest.mark.parametrize(
    "text",
    [
        # trains, lines and buses
        "明天坐G1234去上海",
        "D123次动车",
        "Ich nehme den ICE 597 nach Berlin",
        "Der IC 2024 fällt aus",
        "Nimm die U2 Richtung Pankow",
        "Mit der Linie U2 1 Station",
        "Der RJ 65 nach Wien ist voll",
        "EN 420 nach Amsterdam",
        # aircraft types, gates, seats, terminals
        "The A320 was full",
        "Airbus A3 50 neo",
        "It's a B737 max",
        "Boarding at gate B44",
        "Gate CA 12 is closed",
        "Seat 12A please",
        "Terminal 2, Ausgang A3 12",
        # products, units, years, other abbreviations
        "Vitamin B6 100mg daily",
        "BMW X3 30 Jahre",
        "RJ 45 Kabel",
        "HD 720 Auflösung",
        "Er hat einen BA 2019 gemacht",
        "DE 20 Grad heute",
        "Mir geht es OK 100 prozentig",
        "AM 10 treffen wir uns",
        "PS5 und PS 5 im Angebot",
        "Q3 2024 und KW 12",
        "it costs CA 30 km away",
        "am 5. Mai",
    ],
)
def test_not_flight_numbers(text: str) -> None:
    assert run(find_flights, text) == []


def test_ambiguous_designators_count_with_a_flight_cue() -> None:
    found = run(find_flights, "Our flight is AM 10 from Mexico City")
    assert found == [("AM 10", {"airline": "AM", "number": "10", "code": "AM10"})]


def test_several_flights() -> None:
    text = "去程MU5101，回程CA1858"
    assert [span for span, _ in run(find_flights, text)] == ["MU5101", "CA1858"]
