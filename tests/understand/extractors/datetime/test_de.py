"""German datetimes in chat messages: spans and values per DESIGN.md 4.1.

Sent on Friday 2026-11-20 at 18:30 in Berlin (UTC+1) unless a case says otherwise.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

BERLIN = timezone(timedelta(hours=1))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=BERLIN)

CASES: list[tuple[str, list[Expected]]] = [
    # DESIGN.md examples
    (
        "Lust auf Thai übermorgen um halb acht?",
        [("übermorgen um halb acht", "2026-11-22T19:30", "minute")],
    ),
    ("Donnerstag gegen 18 Uhr?", [("Donnerstag gegen 18 Uhr", "2026-11-26T18:00", "hour")]),
    (
        "Ich bin zwischen 10:30 und 13:30 Uhr da",
        [("zwischen 10:30 und 13:30 Uhr", "2026-11-21T10:30", "2026-11-21T13:30", "minute")],
    ),
    ("Urlaub 3. bis 7. Mai", [("3. bis 7. Mai", "2027-05-03T00:00", "2027-05-07T00:00", "day")]),
    ("Bin in zwei Stunden da", [("in zwei Stunden", "2026-11-20T20:30", "minute")]),
    ("morgen früh um 6:40", [("morgen früh um 6:40", "2026-11-21T06:40", "minute")]),
    ("heute Abend?", [("heute Abend", "2026-11-20T00:00", "day")]),
    # "Uhr" and HH:MM are 24-hour
    ("Treffen um 8 Uhr", [("8 Uhr", "2026-11-21T08:00", "hour")]),
    ("Der Termin ist um 14 Uhr", [("14 Uhr", "2026-11-21T14:00", "hour")]),
    ("Kino um 20 Uhr", [("20 Uhr", "2026-11-20T20:00", "hour")]),
    ("heute um 17:30", [("heute um 17:30", "2026-11-20T17:30", "minute")]),
    ("um 19.30 Uhr", [("19.30 Uhr", "2026-11-20T19:30", "minute")]),
    ("18:30", [("18:30", "2026-11-20T18:30", "minute")]),
    ("um 8 Uhr abends", [("8 Uhr abends", "2026-11-20T20:00", "hour")]),
    # bare hours and German clock words take the reading a person would
    ("Montag um 9", [("Montag um 9", "2026-11-23T09:00", "hour")]),
    ("morgen Abend um 8", [("morgen Abend um 8", "2026-11-21T20:00", "hour")]),
    ("morgens um 7", [("morgens um 7", "2026-11-21T07:00", "hour")]),
    ("viertel nach acht", [("viertel nach acht", "2026-11-20T20:15", "minute")]),
    ("viertel vor neun", [("viertel vor neun", "2026-11-20T20:45", "minute")]),
    ("zehn nach acht", [("zehn nach acht", "2026-11-20T20:10", "minute")]),
    ("um halb zwei", [("halb zwei", "2026-11-21T13:30", "minute")]),
    ("gegen Mittag", [("Mittag", "2026-11-21T12:00", "hour")]),
    ("um Mitternacht", [("Mitternacht", "2026-11-21T00:00", "hour")]),
    # weekdays
    ("nächsten Freitag", [("nächsten Freitag", "2026-11-27T00:00", "day")]),
    ("am Freitag", [("Freitag", "2026-11-27T00:00", "day")]),
    ("kommenden Dienstag", [("kommenden Dienstag", "2026-11-24T00:00", "day")]),
    ("letzten Samstag", [("letzten Samstag", "2026-11-14T00:00", "day")]),
    ("Freitag nächste Woche", [("Freitag nächste Woche", "2026-11-27T00:00", "day")]),
    ("Freitagabend?", [("Freitagabend", "2026-11-27T00:00", "day")]),
    ("Sonntagnachmittag um 3", [("Sonntagnachmittag um 3", "2026-11-22T15:00", "hour")]),
    ("Samstag 10 Uhr", [("Samstag 10 Uhr", "2026-11-21T10:00", "hour")]),
    # dates: the dot belongs to the span
    ("bis zum 15.", [("15.", "2026-12-15T00:00", "day")]),
    ("am 24.12.", [("24.12.", "2026-12-24T00:00", "day")]),
    ("Geburtstag ist am 14.07.", [("14.07.", "2027-07-14T00:00", "day")]),
    ("15.03.2027 um 9 Uhr", [("15.03.2027 um 9 Uhr", "2027-03-15T09:00", "hour")]),
    ("am 3. Dezember um 19 Uhr", [("3. Dezember um 19 Uhr", "2026-12-03T19:00", "hour")]),
    ("Dienstag, 24.11., 10 Uhr", [("Dienstag, 24.11., 10 Uhr", "2026-11-24T10:00", "hour")]),
    (
        "Donnerstag, den 26. November",
        [("Donnerstag, den 26. November", "2026-11-26T00:00", "day")],
    ),
    ("am 1. Januar", [("1. Januar", "2027-01-01T00:00", "day")]),
    ("am 22.04 zurück", [("22.04", "2027-04-22T00:00", "day")]),
    ("im Januar", [("Januar", "2027-01-01T00:00", "month")]),
    ("Mai 2027", [("Mai 2027", "2027-05-01T00:00", "month")]),
    # relative days, periods, durations
    ("übermorgen", [("übermorgen", "2026-11-22T00:00", "day")]),
    ("gestern", [("gestern", "2026-11-19T00:00", "day")]),
    ("heute", [("heute", "2026-11-20T00:00", "day")]),
    ("in einer halben Stunde", [("in einer halben Stunde", "2026-11-20T19:00", "minute")]),
    ("in zehn Minuten", [("in zehn Minuten", "2026-11-20T18:40", "minute")]),
    ("in 3 Tagen", [("in 3 Tagen", "2026-11-23T00:00", "day")]),
    ("in zwei Wochen", [("in zwei Wochen", "2026-12-04T00:00", "day")]),
    ("vor 2 Tagen", [("vor 2 Tagen", "2026-11-18T00:00", "day")]),
    ("nächste Woche", [("nächste Woche", "2026-11-23T00:00", "2026-11-29T00:00", "day")]),
    ("am Wochenende", [("Wochenende", "2026-11-21T00:00", "2026-11-22T00:00", "day")]),
    (
        "nächstes Wochenende",
        [("nächstes Wochenende", "2026-11-28T00:00", "2026-11-29T00:00", "day")],
    ),
    ("nächsten Monat", [("nächsten Monat", "2026-12-01T00:00", "month")]),
    ("dieses Jahr", [("dieses Jahr", "2026-01-01T00:00", "year")]),
    # ranges
    ("von 9 bis 17 Uhr", [("9 bis 17 Uhr", "2026-11-21T09:00", "2026-11-21T17:00", "hour")]),
    ("16-17 Uhr", [("16-17 Uhr", "2026-11-21T16:00", "2026-11-21T17:00", "hour")]),
    (
        "vom 22. bis 24. Dezember",
        [("22. bis 24. Dezember", "2026-12-22T00:00", "2026-12-24T00:00", "day")],
    ),
    ("22.–24.12.", [("22.–24.12.", "2026-12-22T00:00", "2026-12-24T00:00", "day")]),
    (
        "Freitag von 9 bis 12 Uhr",
        [("Freitag von 9 bis 12 Uhr", "2026-11-27T09:00", "2026-11-27T12:00", "hour")],
    ),
    # holidays
    ("Was machst du an Silvester?", [("Silvester", "2026-12-31T00:00", "day")]),
    ("Heiligabend bei uns", [("Heiligabend", "2026-12-24T00:00", "day")]),
    ("an Weihnachten", [("Weihnachten", "2026-12-25T00:00", "day")]),
    ("Ostern", [("Ostern", "2027-03-28T00:00", "day")]),
    ("Neujahr", [("Neujahr", "2027-01-01T00:00", "day")]),
    ("Tag der Deutschen Einheit", [("Tag der Deutschen Einheit", "2027-10-03T00:00", "day")]),
    ("Pfingstmontag", [("Pfingstmontag", "2027-05-17T00:00", "day")]),
    # dates with a space after the day's dot; a date, a dash or "zwischen", then its times
    (
        "vom 21. 11. bis zum 23. 11.",
        [("21. 11. bis zum 23. 11.", "2026-11-21T00:00", "2026-11-23T00:00", "day")],
    ),
    ("Fr. 15.01.2027 - 6:00 Uhr", [("Fr. 15.01.2027 - 6:00 Uhr", "2027-01-15T06:00", "minute")]),
    (
        "am 26.08. zwischen 09.00 - 13.00 Uhr",
        [("26.08. zwischen 09.00 - 13.00 Uhr", "2027-08-26T09:00", "2027-08-26T13:00", "minute")],
    ),
    # a date, then a deadline's or an earliest time on it
    ("05.07. 2027 ab 17:00 Uhr", [("05.07. 2027 ab 17:00 Uhr", "2027-07-05T17:00", "minute")]),
    ("06.06.2027 bis 15:00 Uhr", [("06.06.2027 bis 15:00 Uhr", "2027-06-06T15:00", "minute")]),
    ("20.12. spätestens 12 Uhr", [("20.12. spätestens 12 Uhr", "2026-12-20T12:00", "hour")]),
    (
        "05.12. nicht vor 19.00 Uhr",
        [("05.12. nicht vor 19.00 Uhr", "2026-12-05T19:00", "minute")],
    ),
    # a weekday's abbreviation after its preposition; a day.month at noon
    ("Passt es dir am Fr?", [("Fr", "2026-11-27T00:00", "day")]),
    ("bis Di. dann", [("Di.", "2026-11-24T00:00", "day")]),
    ("1.9. Mittag", [("1.9. Mittag", "2027-09-01T12:00", "hour")]),
    (
        "zwischen dem 3. und 5. Mai",
        [("zwischen dem 3. und 5. Mai", "2027-05-03T00:00", "2027-05-05T00:00", "day")],
    ),
    # ranges "zum"/"zu" the next day, after a comma, a bracket, a slash, "- ca"
    (
        "Wir sind vom 3.12. zum 5.12. in Hamburg",
        [("3.12. zum 5.12.", "2026-12-03T00:00", "2026-12-05T00:00", "day")],
    ),
    (
        "Übernachtung 27.12. zu 28.12.",
        [("27.12. zu 28.12.", "2026-12-27T00:00", "2026-12-28T00:00", "day")],
    ),
    (
        "Mittwoch, 2.12., bis Freitag, 4.12. bin ich weg",
        [("Mittwoch, 2.12., bis Freitag, 4.12.", "2026-12-02T00:00", "2026-12-04T00:00", "day")],
    ),
    (
        "Check-in 10.12.2026, 15:00 Uhr, - 12.12.2026, 11:00 Uhr",
        [
            (
                "10.12.2026, 15:00 Uhr, - 12.12.2026, 11:00 Uhr",
                "2026-12-10T15:00",
                "2026-12-12T11:00",
                "minute",
            )
        ],
    ),
    (
        "Wir können ca. 15.00 / 16.00 Uhr telefonieren",
        [("15.00 / 16.00 Uhr", "2026-11-21T15:00", "2026-11-21T16:00", "minute")],
    ),
    (
        "Von 14:00 - ca 16:00 Uhr",
        [("14:00 - ca 16:00 Uhr", "2026-11-21T14:00", "2026-11-21T16:00", "minute")],
    ),
    # "des" joins a day-part to its date; a bracket closes before it
    (
        "Abend (ca 19 Uhr) des 22.12.",
        [("Abend (ca 19 Uhr) des 22.12.", "2026-12-22T19:00", "hour")],
    ),
    ("Montagnachmittag des 7.12.", [("Montagnachmittag des 7.12.", "2026-12-07T00:00", "day")]),
    # a day.month before a comma; a date, a dash or "bis:", then its day-part or time
    ("Donnerstag 10.12, 20.15h", [("Donnerstag 10.12, 20.15h", "2026-12-10T20:15", "minute")]),
    (
        "06.12. - nachmittags ab 15:00",
        [("06.12. - nachmittags ab 15:00", "2026-12-06T15:00", "minute")],
    ),
    ("24.12.2026 bis: 12:00 Uhr", [("24.12.2026 bis: 12:00 Uhr", "2026-12-24T12:00", "minute")]),
    ("am 12.12., bis 12.00 h", [("12.12., bis 12.00 h", "2026-12-12T12:00", "minute")]),
    (
        "Freitag, 11.12.2026 - ab 15.00 Uhr",
        [("Freitag, 11.12.2026 - ab 15.00 Uhr", "2026-12-11T15:00", "minute")],
    ),
    # a weekday's abbreviation before a time, or a day and month without a dot
    ("Fr um 16:25 Uhr", [("Fr um 16:25 Uhr", "2026-11-27T16:25", "minute")]),
    ("Di 9 Uhr Zahnarzt", [("Di 9 Uhr", "2026-11-24T09:00", "hour")]),
    ("Do., 3 Dez passt", [("Do., 3 Dez", "2026-12-03T00:00", "day")]),
    # ... but "So" before a time is "so" (about)
    ("So gegen 8 Uhr?", [("8 Uhr", "2026-11-21T08:00", "hour")]),
    ("So um 8 Uhr passt", [("8 Uhr", "2026-11-21T08:00", "hour")]),
    # "Tg." for days; hours and minutes apart ("09 30 Uhr")
    ("Ich besuche dich in 15 Tg.", [("in 15 Tg", "2026-12-05T00:00", "day")]),
    (
        "Termin am 10.12.2026 09 30 Uhr",
        [("10.12.2026 09 30 Uhr", "2026-12-10T09:30", "minute")],
    ),
    # four digits after a day word: its clock time, whole and quarter hours only
    ("morgen 1700 beim Arzt", [("morgen 1700", "2026-11-21T17:00", "minute")]),
    ("Treffen Freitag 1930?", [("Freitag 1930", "2026-11-27T19:30", "minute")]),
    ("übermorgen 0815 Abfahrt", [("übermorgen 0815", "2026-11-22T08:15", "minute")]),
    ("heute 2017 nachgeschaut", [("heute", "2026-11-20T00:00", "day")]),
    ("morgen 1500 Euro überweisen", [("morgen", "2026-11-21T00:00", "day")]),
    ("Montag 1000 Leute erwartet", [("Montag", "2026-11-23T00:00", "day")]),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_german_datetimes(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "de") == expected(SENT, want)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Silvester?", [("Silvester", "2026-12-31T00:00", "day")]),
        ("in zwei Stunden", [("in zwei Stunden", "2026-11-20T20:30", "minute")]),
        ("Treffen um 8 am Bahnhof", [("8", "2026-11-20T20:00", "hour")]),
        # the German "am" is no a.m., also after four digits and before a word like a month
        ("übermorgen 0830 am Bahnhof", [("übermorgen 0830", "2026-11-22T08:30", "minute")]),
        ("Wir sehen uns um 10 am Markt", [("10", "2026-11-20T22:00", "hour")]),
        ("morgen 0915 am Marktplatz", [("morgen 0915", "2026-11-21T09:15", "minute")]),
    ],
)
def test_german_found_without_a_language_hint(text: str, want: list[Expected]) -> None:
    """Short messages detect poorly; a German time word brings the German grammar in."""
    assert found(text, SENT) == expected(SENT, want)


def test_time_alone_takes_the_date_named_before() -> None:
    assert found("Samstag? Los geht's um 20 Uhr", SENT, "de") == expected(
        SENT, [("Samstag", "2026-11-21T00:00", "day"), ("20 Uhr", "2026-11-21T20:00", "hour")]
    )
