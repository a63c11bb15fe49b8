"""German day-parts of `grammar_de_dayparts`: one day's evening, greetings and habits apart.

Sent on Friday 2026-11-20 in Berlin (UTC+1): at 18:30, or at 09:00 where a case says so.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.understand.extractors.datetime.helpers import Expected, expected, found

BERLIN = timezone(timedelta(hours=1))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=BERLIN)
MORNING = datetime(2026, 11, 20, 9, 0, tzinfo=BERLIN)

CASES: list[tuple[str, list[Expected]]] = [
    # "diese"/"kommende Nacht": tonight
    ("Kommende Nacht wird es kalt", [("Kommende Nacht", "2026-11-20T00:00", "day")]),
    ("Diese Nacht schlafe ich bei Oma", [("Diese Nacht", "2026-11-20T00:00", "day")]),
    # with its article or preposition a day-part is one day's: this day's
    ("Treffen am frühen Abend?", [("frühen Abend", "2026-11-20T00:00", "day")]),
    ("wir sehen uns am Abend", [("Abend", "2026-11-20T00:00", "day")]),
    ("gegen Abend bin ich zurück", [("Abend", "2026-11-20T00:00", "day")]),
    ("Wir essen zur Mittagszeit", [("Mittagszeit", "2026-11-21T12:00", "hour")]),
    # ... or the day the message named before
    (
        "Samstag? Am Abend dann",
        [("Samstag", "2026-11-21T00:00", "day"), ("Abend", "2026-11-21T00:00", "day")],
    ),
    # "des Mittwochs" is one Wednesday, not Wednesdays
    (
        "Am Abend des Mittwochs bin ich frei",
        [("Abend des Mittwochs", "2026-11-25T00:00", "day")],
    ),
    # a reply that is a day-part
    ("Abends.", [("Abends", "2026-11-20T00:00", "day")]),
    # two-word early mornings; "in der Frühe"; "späten Abend"
    ("früh morgens um 6 los", [("früh morgens um 6", "2026-11-21T06:00", "hour")]),
    ("morgens früh um 7 Abfahrt", [("morgens früh um 7", "2026-11-21T07:00", "hour")]),
    (
        "am 10.12.2026 früh morgens 5:45 Uhr",
        [("10.12.2026 früh morgens 5:45 Uhr", "2026-12-10T05:45", "minute")],
    ),
    ("Mittwoch in der Frühe", [("Mittwoch in der Frühe", "2026-11-25T00:00", "day")]),
    ("am Dienstag späten Abend", [("Dienstag späten Abend", "2026-11-24T00:00", "day")]),
    ("heute Morgen war es kalt", [("heute Morgen", "2026-11-20T00:00", "day")]),
    # "auf" + a day-part: put off to one such part, the next one not yet over
    ("Verschieben wir auf Spätabends?", [("Spätabends", "2026-11-20T00:00", "day")]),
    ("Ich leg den Call auf Spätnachmittags", [("Spätnachmittags", "2026-11-21T00:00", "day")]),
    ("Geht es auch auf Nachmittag?", [("Nachmittag", "2026-11-21T00:00", "day")]),
]

MORNING_CASES: list[tuple[str, list[Expected]]] = [
    ("Nachmittags?", [("Nachmittags", "2026-11-20T00:00", "day")]),
    ("abends!", [("abends", "2026-11-20T00:00", "day")]),
    ("Ich ruf dich am Nachmittag an", [("Nachmittag", "2026-11-20T00:00", "day")]),
    # a reply naming two day-parts: from one to the other, or either
    (
        "Nachmittags / abends",
        [("Nachmittags / abends", "2026-11-20T00:00", "2026-11-20T00:00", "day")],
    ),
    (
        "vormittags oder nachmittags?",
        [("vormittags", "2026-11-20T00:00", "day"), ("nachmittags", "2026-11-20T00:00", "day")],
    ),
]

# Habits, greetings, lunch: no datetime.
NOT_DATETIMES = [
    "abends gehe ich laufen",
    "morgens trinke ich Kaffee",
    "Abend!",
    "Nacht!",
    "Mittag!",
    "Guten Abend zusammen",
    "Schönen Abend noch",
    "abends oder so",
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_german_day_parts(text: str, want: list[Expected]) -> None:
    assert found(text, SENT, "de") == expected(SENT, want)


@pytest.mark.parametrize(("text", "want"), MORNING_CASES, ids=[c[0] for c in MORNING_CASES])
def test_a_day_part_said_in_the_morning_is_that_days(text: str, want: list[Expected]) -> None:
    assert found(text, MORNING, "de") == expected(MORNING, want)


@pytest.mark.parametrize("text", NOT_DATETIMES)
def test_habits_and_greetings_are_no_datetimes(text: str) -> None:
    assert found(text, SENT, "de") == []
