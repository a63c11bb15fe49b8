"""Reading a message's datetimes together: the day from one, the clock time from another."""

from __future__ import annotations

from datetime import datetime

import pytest

from ownlive.suggest.engine import understand
from ownlive.suggest.when import event_window, plan_moment


@pytest.mark.parametrize(
    ("text", "sent_at", "start", "grain"),
    [
        (
            "Ich lande am Donnerstag mit LH 720 um 13:05",
            "2026-11-20T18:30:00+01:00",
            "2026-11-26T13:05:00+01:00",
            "minute",
        ),
        (
            "Kommst du am Samstag zur Wohnungsbesichtigung? 11 Uhr",
            "2026-11-20T18:30:00+01:00",
            "2026-11-21T11:00:00+01:00",
            "hour",
        ),
        (
            "明天晚上7点在南京西路1266号见",
            "2026-11-20T18:30:00+08:00",
            "2026-11-21T19:00:00+08:00",
            "hour",
        ),
        ("Movie on Friday", "2026-11-18T10:00:00+00:00", "2026-11-20T00:00:00+00:00", "day"),
    ],
)
def test_plan_moment(text: str, sent_at: str, start: str, grain: str) -> None:
    moment = plan_moment(understand(text, datetime.fromisoformat(sent_at), None))
    assert moment is not None
    assert (moment.start.isoformat(), moment.grain) == (start, grain)


def test_no_datetime_no_moment() -> None:
    assert (
        plan_moment(
            understand("Ruf mich an", datetime.fromisoformat("2026-11-20T10:00:00+01:00"), "de")
        )
        is None
    )


def test_windows() -> None:
    sent = datetime.fromisoformat("2026-11-20T10:00:00+01:00")
    timed = plan_moment(understand("Meeting tomorrow at 3pm", sent, "en"))
    assert timed is not None
    start, end = event_window(timed)
    assert (end - start).total_seconds() == 3600
    all_day = plan_moment(understand("Party on Saturday", sent, "en"))
    assert all_day is not None
    start, end = event_window(all_day)
    assert (end - start).days == 1
