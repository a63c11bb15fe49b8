"""German date forms of `grammar_de_dates`: slashes, day pairs, ordinals, calendar weeks.

Sent on Friday 2026-11-20 at 18:30 in Berlin (UTC+1), as in test_de.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

BERLIN = timezone(timedelta(hours=1))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=BERLIN)

CASES: list[tuple[str, list[Expected]]] = [
    # day/month with slashes: German order, after a preposition, with a year or a partner
    ("Bin am 24/12 bei meinen Eltern", [("24/12", "2026-12-24T00:00", "day")]),
    ("Sa 5/12 20 Uhr Konzert", [("Sa 5/12 20 Uhr", "2026-12-05T20:00", "hour")]),
    (
        "Mittwoch den 9/12 ab 19 Uhr?",
        [("Mittwoch den 9/12 ab 19 Uhr", "2026-12-09T19:00", "hour")],
    ),
    ("Treffen 28/11 um 18 Uhr", [("28/11 um 18 Uhr", "2026-11-28T18:00", "hour")]),
    ("Rechnung vom 15/1/2027", [("15/1/2027", "2027-01-15T00:00", "day")]),
    ("Fällig bis 3/2/27", [("3/2/27", "2027-02-03T00:00", "day")]),
    # "17/18 Uhr": one hour or the next
    (
        "Ich kann Freitag ca 17/18 Uhr",
        [("Freitag ca 17/18 Uhr", "2026-11-27T17:00", "2026-11-27T18:00", "hour")],
    ),
    (
        "Abholung morgen 11/12 Uhr",
        [("morgen 11/12 Uhr", "2026-11-21T11:00", "2026-11-21T12:00", "hour")],
    ),
    # two days of one month; the night from one day to the next
    (
        "Wir feiern am 26./27.12.",
        [("26./27.12.", "2026-12-26T00:00", "2026-12-27T00:00", "day")],
    ),
    (
        "Wir fahren 2./3.01.2027 nach Prag",
        [("2./3.01.2027", "2027-01-02T00:00", "2027-01-03T00:00", "day")],
    ),
    ("Übernachtung 28. auf 29.", [("28. auf 29.", "2026-11-28T00:00", "2026-11-29T00:00", "day")]),
    (
        "In der Nacht vom 11. auf 12. Dezember",
        [("Nacht vom 11. auf 12. Dezember", "2026-12-11T00:00", "2026-12-12T00:00", "day")],
    ),
    # "2ten", "12ter": ordinal days
    ("Meeting am 2ten um 10 Uhr", [("2ten um 10 Uhr", "2026-12-02T10:00", "hour")]),
    ("bis zum 15ten", [("15ten", "2026-12-15T00:00", "day")]),
    ("Samstag 12ter Dezember", [("Samstag 12ter Dezember", "2026-12-12T00:00", "day")]),
    ("Sonntag 29ter?", [("Sonntag 29ter", "2026-11-29T00:00", "day")]),
    ("den 4ten Dezember", [("4ten Dezember", "2026-12-04T00:00", "day")]),
    # calendar weeks: ISO weeks, Monday to Sunday
    ("KW 50 passt mir", [("KW 50", "2026-12-07T00:00", "2026-12-13T00:00", "day")]),
    ("Abgabe in KW 49", [("KW 49", "2026-11-30T00:00", "2026-12-06T00:00", "day")]),
    # without a year: the first such week not yet over (DESIGN 4.1), so January is next year's
    ("Urlaub in KW 3", [("KW 3", "2027-01-18T00:00", "2027-01-24T00:00", "day")]),
    ("noch diese KW 47", [("KW 47", "2026-11-16T00:00", "2026-11-22T00:00", "day")]),
    ("in der 2. KW 2027", [("2. KW 2027", "2027-01-11T00:00", "2027-01-17T00:00", "day")]),
    ("KW50/2026 ist voll", [("KW50/2026", "2026-12-07T00:00", "2026-12-13T00:00", "day")]),
    # beginnings, middles and ends of periods
    ("Ende des Monats ist Abgabe", [("Ende des Monats", "2026-11-30T00:00", "day")]),
    ("Ende nächsten Monats", [("Ende nächsten Monats", "2026-12-31T00:00", "day")]),
    ("Anfang des Monats zahlen", [("Anfang des Monats", "2026-11-01T00:00", "day")]),
    (
        "Anfang nächster Woche hab ich Zeit",
        [("Anfang nächster Woche", "2026-11-23T00:00", "day")],
    ),
    ("Ende der Woche wird's knapp", [("Ende der Woche", "2026-11-20T00:00", "day")]),
    (
        "Mitte nächster Woche",
        [("Mitte nächster Woche", "2026-11-23T00:00", "2026-11-29T00:00", "day")],
    ),
    ("Ende dieses Jahres", [("Ende dieses Jahres", "2026-12-31T00:00", "day")]),
    ("Anfang des Jahres 2027", [("Anfang des Jahres 2027", "2027-01-01T00:00", "day")]),
    # the weekend: the Monday after it; before it, the weekend named
    ("Lass uns nach dem Wochenende reden", [("nach dem Wochenende", "2026-11-23T00:00", "day")]),
    (
        "Das muss vor dem Wochenende fertig sein",
        [("Wochenende", "2026-11-21T00:00", "2026-11-22T00:00", "day")],
    ),
    # a short day.month. before a deadline word is a date
    ("Abgabe 4.12. spätestens", [("4.12.", "2026-12-04T00:00", "day")]),
    ("Anmeldung 4.1. frühestens", [("4.1.", "2027-01-04T00:00", "day")]),
    # typos in a padded date: a doubled dot, a year cut short (read as no year)
    ("Anreise 03.12..2026 abends", [("03.12..2026 abends", "2026-12-03T00:00", "day")]),
    ("Termin am 14.01..2027", [("14.01..2027", "2027-01-14T00:00", "day")]),
    ("Lieferung 07.12.202 ab 9 Uhr", [("07.12.202 ab 9 Uhr", "2026-12-07T09:00", "hour")]),
    ("geht auch 02.02.201?", [("02.02.201", "2027-02-02T00:00", "day")]),
]

# Fractions, scores, ratings, ranks: no date.
NOT_DATES = [
    "24/7 erreichbar",
    "Note 2/3 bekommen",
    "Er hat 3/4 der Pizza gegessen",
    "Das Spiel endete 2/1",
    "Die Nachricht kam 15/20 Minuten später",
    "Ich habe 4/5 Sterne gegeben",
    "zum 3ten Mal",
    "Er hat den 2ten Platz gemacht",
    "Das ist der 3te Versuch",
    "Update auf Version 01.02.203 ist raus",
    "Build v10.11.205 kaputt",
    "Firmware 1.2.201 installiert",
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_german_date_forms(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "de") == expected(SENT, want)


@pytest.mark.parametrize("text", NOT_DATES)
def test_fractions_scores_and_ranks_are_no_dates(text: str) -> None:
    assert found(text, SENT, "de") == []


def test_a_fraction_beside_a_day_part_stays_out() -> None:
    assert found("Heute Nacht 2/3 Stunden geschlafen", SENT, "de") == expected(
        SENT, [("Heute Nacht", "2026-11-20T00:00", "day")]
    )
