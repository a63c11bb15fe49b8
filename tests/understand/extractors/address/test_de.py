"""German addresses: street + house number, optionally postcode + city or "in <city>"."""

from __future__ import annotations

from typing import Any

import pytest

from tests.understand.extractors.address.support import addresses, check_one


def berlin(street: str, number: str, postcode: str) -> dict[str, str]:
    return {
        "country": "DE",
        "city": "Berlin",
        "street": street,
        "house_number": number,
        "postcode": postcode,
    }


CASES: list[tuple[str, str, dict[str, Any]]] = [
    # The contract's examples.
    (
        "Kastanienallee 45, 10435 Berlin",
        "Kastanienallee 45, 10435 Berlin",
        berlin("Kastanienallee", "45", "10435"),
    ),
    (
        "Torstraße 109, 10119 Berlin",
        "Torstraße 109, 10119 Berlin",
        berlin("Torstraße", "109", "10119"),
    ),
    (
        "Ich wohne in der Bergmannstraße 12, 10961 Berlin.",
        "Bergmannstraße 12, 10961 Berlin",
        berlin("Bergmannstraße", "12", "10961"),
    ),
    (
        "Paket bitte an Mehringdamm 32, 10961 Berlin schicken",
        "Mehringdamm 32, 10961 Berlin",
        berlin("Mehringdamm", "32", "10961"),
    ),
    (
        "Prenzlauer Allee 242, 10405 Berlin",
        "Prenzlauer Allee 242, 10405 Berlin",
        berlin("Prenzlauer Allee", "242", "10405"),
    ),
    (
        "Holzmarktstraße 25, 10243 Berlin",
        "Holzmarktstraße 25, 10243 Berlin",
        berlin("Holzmarktstraße", "25", "10243"),
    ),
    (
        "Unter den Linden 77, 10117 Berlin",
        "Unter den Linden 77, 10117 Berlin",
        berlin("Unter den Linden", "77", "10117"),
    ),
    (
        "Treffpunkt: Platz der Republik 1, 11011 Berlin",
        "Platz der Republik 1, 11011 Berlin",
        berlin("Platz der Republik", "1", "11011"),
    ),
    (
        "Am Kupfergraben 6, 10117 Berlin",
        "Am Kupfergraben 6, 10117 Berlin",
        berlin("Am Kupfergraben", "6", "10117"),
    ),
    (
        "Die Urania ist An der Urania 17, 10787 Berlin",
        "An der Urania 17, 10787 Berlin",
        berlin("An der Urania", "17", "10787"),
    ),
    (
        "Lieferung an Müllerstraße 5 in 13353 Berlin",
        "Müllerstraße 5 in 13353 Berlin",
        berlin("Müllerstraße", "5", "13353"),
    ),
    # Other cities, hyphenated names, abbreviations.
    (
        "Hauptstr. 5a, 69117 Heidelberg",
        "Hauptstr. 5a, 69117 Heidelberg",
        {
            "country": "DE",
            "city": "Heidelberg",
            "street": "Hauptstr.",
            "house_number": "5a",
            "postcode": "69117",
        },
    ),
    (
        "Die Adresse ist Kaiser-Wilhelm-Ring 3, 50672 Köln",
        "Kaiser-Wilhelm-Ring 3, 50672 Köln",
        {
            "country": "DE",
            "city": "Köln",
            "street": "Kaiser-Wilhelm-Ring",
            "house_number": "3",
            "postcode": "50672",
        },
    ),
    (
        "Hohenzollernring 5, 50672 Köln",
        "Hohenzollernring 5, 50672 Köln",
        {
            "country": "DE",
            "city": "Köln",
            "street": "Hohenzollernring",
            "house_number": "5",
            "postcode": "50672",
        },
    ),
    (
        "Konrad-Adenauer-Ufer 3, 50668 Köln",
        "Konrad-Adenauer-Ufer 3, 50668 Köln",
        {
            "country": "DE",
            "city": "Köln",
            "street": "Konrad-Adenauer-Ufer",
            "house_number": "3",
            "postcode": "50668",
        },
    ),
    (
        "Maximilianstraße 17, 80539 München",
        "Maximilianstraße 17, 80539 München",
        {
            "country": "DE",
            "city": "München",
            "street": "Maximilianstraße",
            "house_number": "17",
            "postcode": "80539",
        },
    ),
    (
        "Königsallee 60, 40212 Düsseldorf",
        "Königsallee 60, 40212 Düsseldorf",
        {
            "country": "DE",
            "city": "Düsseldorf",
            "street": "Königsallee",
            "house_number": "60",
            "postcode": "40212",
        },
    ),
    (
        "Jungfernstieg 7, 20354 Hamburg",
        "Jungfernstieg 7, 20354 Hamburg",
        {
            "country": "DE",
            "city": "Hamburg",
            "street": "Jungfernstieg",
            "house_number": "7",
            "postcode": "20354",
        },
    ),
    (
        "Wir sitzen im Büro Am Sandtorkai 54, 20457 Hamburg",
        "Am Sandtorkai 54, 20457 Hamburg",
        {
            "country": "DE",
            "city": "Hamburg",
            "street": "Am Sandtorkai",
            "house_number": "54",
            "postcode": "20457",
        },
    ),
    (
        "Zeil 106? Nein: Goethestraße 7, 60313 Frankfurt am Main",
        "Goethestraße 7, 60313 Frankfurt am Main",
        {
            "country": "DE",
            "city": "Frankfurt am Main",
            "street": "Goethestraße",
            "house_number": "7",
            "postcode": "60313",
        },
    ),
    # Austria and Switzerland: four-digit postcodes before a city known there.
    (
        "Mariahilfer Straße 12, 1060 Wien",
        "Mariahilfer Straße 12, 1060 Wien",
        {
            "country": "AT",
            "city": "Wien",
            "street": "Mariahilfer Straße",
            "house_number": "12",
            "postcode": "1060",
        },
    ),
    (
        "Bahnhofstrasse 10, 8001 Zürich",
        "Bahnhofstrasse 10, 8001 Zürich",
        {
            "country": "CH",
            "city": "Zürich",
            "street": "Bahnhofstrasse",
            "house_number": "10",
            "postcode": "8001",
        },
    ),
    # "in <city>" for a city we know.
    (
        "Große Hamburger Straße 3 in Berlin",
        "Große Hamburger Straße 3 in Berlin",
        {
            "country": "DE",
            "city": "Berlin",
            "street": "Große Hamburger Straße",
            "house_number": "3",
        },
    ),
    (
        "Die Party ist in der Oranienstr. 190 in Berlin",
        "Oranienstr. 190 in Berlin",
        {"country": "DE", "city": "Berlin", "street": "Oranienstr.", "house_number": "190"},
    ),
    (
        "Treffen wir uns in der Leopoldstraße 12 in München?",
        "Leopoldstraße 12 in München",
        {"country": "DE", "city": "München", "street": "Leopoldstraße", "house_number": "12"},
    ),
    (
        "Lindenstraße 12 in Mitte",
        "Lindenstraße 12",
        {"street": "Lindenstraße", "house_number": "12"},
    ),
    # Street and number alone; the sentence around stays out.
    (
        "Wir treffen uns in der Karl-Marx-Allee 33 um 19 Uhr",
        "Karl-Marx-Allee 33",
        {"street": "Karl-Marx-Allee", "house_number": "33"},
    ),
    (
        "Frankfurter Allee 100",
        "Frankfurter Allee 100",
        {"street": "Frankfurter Allee", "house_number": "100"},
    ),
    (
        "Leipziger Platz 12",
        "Leipziger Platz 12",
        {"street": "Leipziger Platz", "house_number": "12"},
    ),
    (
        "Straße des 17. Juni 135",
        "Straße des 17. Juni 135",
        {"street": "Straße des 17. Juni", "house_number": "135"},
    ),
    (
        "Komm zur Friedrichstraße 43-45",
        "Friedrichstraße 43-45",
        {"street": "Friedrichstraße", "house_number": "43-45"},
    ),
    (
        "Herzlich willkommen in der Rosenthaler Straße 40/41!",
        "Rosenthaler Straße 40/41",
        {"street": "Rosenthaler Straße", "house_number": "40/41"},
    ),
    (
        "Hol mich an der Sonnenallee 223a ab",
        "Sonnenallee 223a",
        {"street": "Sonnenallee", "house_number": "223a"},
    ),
    (
        "Wir sind am Landwehrkanal, Paul-Lincke-Ufer 20",
        "Paul-Lincke-Ufer 20",
        {"street": "Paul-Lincke-Ufer", "house_number": "20"},
    ),
    (
        "Neue Schönhauser Straße 3",
        "Neue Schönhauser Straße 3",
        {"street": "Neue Schönhauser Straße", "house_number": "3"},
    ),
    (
        "Alte Jakobstraße 5",
        "Alte Jakobstraße 5",
        {"street": "Alte Jakobstraße", "house_number": "5"},
    ),
    (
        "Am Weidendamm 1A",
        "Am Weidendamm 1A",
        {"street": "Am Weidendamm", "house_number": "1A"},
    ),
    (
        "Wir treffen uns beim Bäcker Hauptstraße 5",
        "Hauptstraße 5",
        {"street": "Hauptstraße", "house_number": "5"},
    ),
    # German addresses in messages of other languages.
    (
        "Meet me at Torstraße 109 tomorrow at 7pm",
        "Torstraße 109",
        {"street": "Torstraße", "house_number": "109"},
    ),
    (
        "我们在 Kastanienallee 45 见",
        "Kastanienallee 45",
        {"street": "Kastanienallee", "house_number": "45"},
    ),
]


@pytest.mark.parametrize(("text", "span", "value"), CASES, ids=[c[0] for c in CASES])
def test_german_address(text: str, span: str, value: dict[str, Any]) -> None:
    check_one(text, span, value)


def test_two_addresses_in_one_message() -> None:
    found = addresses("Erst Torstraße 109, dann Kastanienallee 45, 10435 Berlin")
    assert [e.text for e in found] == ["Torstraße 109", "Kastanienallee 45, 10435 Berlin"]
