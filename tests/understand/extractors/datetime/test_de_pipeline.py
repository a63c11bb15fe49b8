"""German datetimes through the whole pipeline: the quick gate lets German time words in.

The grammar tests call the extractor directly; here `extract` runs the gate first,
so a time word the gate does not know ("Donnerstag", "Nachmittags", "am Fr") would
silently lose its datetime. Sent on Friday 2026-11-20 at 18:30 in Berlin (UTC+1).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ownlive.understand import extract

BERLIN = timezone(timedelta(hours=1))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=BERLIN)

CASES: list[tuple[str, str, str]] = [
    ("Donnerstag", "Donnerstag", "2026-11-26T00:00:00+01:00"),
    ("Dienstag passt mir", "Dienstag", "2026-11-24T00:00:00+01:00"),
    ("Ich komme am Freitag zurück", "Freitag", "2026-11-27T00:00:00+01:00"),
    ("Samstag?", "Samstag", "2026-11-21T00:00:00+01:00"),
    ("Sonntag bin ich wieder da", "Sonntag", "2026-11-22T00:00:00+01:00"),
    ("donnerstagnachmittag vielleicht", "donnerstagnachmittag", "2026-11-26T00:00:00+01:00"),
    ("Nachmittags", "Nachmittags", "2026-11-21T00:00:00+01:00"),
    ("gehen wir zur Vormittagszeit", "Vormittagszeit", "2026-11-21T00:00:00+01:00"),
    ("Verschieben auf Spätabends?", "Spätabends", "2026-11-20T00:00:00+01:00"),
    ("Sehen wir uns am Fr", "Fr", "2026-11-27T00:00:00+01:00"),
    ("Abgabe bis Di.", "Di.", "2026-11-24T00:00:00+01:00"),
]

NOT_DATETIMES = ["I am so tired", "Ich bin so müde", "Alles klar, danke dir!", "Das ist spät"]


@pytest.mark.parametrize(("text", "span", "start"), CASES, ids=[c[0] for c in CASES])
def test_german_time_words_pass_the_gate(text: str, span: str, start: str) -> None:
    got = [(e.text, e.value["start"]) for e in extract(text, SENT, "de").entities]
    assert got == [(span, start)]


@pytest.mark.parametrize("text", NOT_DATETIMES)
def test_plain_chat_has_no_datetime(text: str) -> None:
    assert [e for e in extract(text, SENT, "de").entities if e.type == "datetime"] == []
