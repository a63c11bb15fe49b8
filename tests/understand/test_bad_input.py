"""Hostile input: huge, binary, broken, empty, endless digits. No crash, work linear in size."""

from __future__ import annotations

import cProfile
import json
import pstats
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app
from ownlive.understand import extract
from ownlive.understand.pipeline import MAX_TEXT

SENT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
UNITS = {
    "chat": "明天晚上7点在南京西路1266号见 Lust auf Thai übermorgen um halb acht? "
    "call +49 30 1234567 ",
    "digits": "1234567890 ",
    "digit-run": "7",
    "zh-streets": "区区路1号",
    "dots": "1.",
    "dashes": "1-",
    "letters": "AB",
}


def calls(text: str) -> int:
    """Python function calls made while extracting: a deterministic measure of work."""
    profile = cProfile.Profile()
    profile.runcall(extract, text, sent_at=SENT)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


@pytest.mark.parametrize("unit", list(UNITS), ids=list(UNITS))
def test_work_grows_linearly_with_size(unit: str) -> None:
    small = (UNITS[unit] * 2000)[:2000]
    large = (UNITS[unit] * 8000)[:8000]
    extract(small, sent_at=SENT)  # lazy tables load outside the measurement
    assert calls(large) <= 5 * calls(small) + 1000


def test_text_beyond_the_bound_is_not_scanned() -> None:
    """A 1 MB message costs what its first MAX_TEXT characters cost."""
    head = "Treffen morgen um 19 Uhr in der Torstraße 109. " * (MAX_TEXT // 40)
    huge = head + "x" * (1_000_000 - len(head))
    entities = extract(huge, sent_at=SENT).entities
    assert entities
    assert all(e.end <= MAX_TEXT for e in entities)
    assert calls(huge) <= calls(huge[:MAX_TEXT]) * 1.1 + 1000


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00\x01\x02", "\ud800 lone surrogate \udfff", "😀" * 1000, "\u200e\u202e"],
    ids=["empty", "space", "controls", "surrogates", "emoji", "bidi"],
)
def test_odd_text_gives_a_result_not_a_crash(text: str) -> None:
    result = extract(text, sent_at=SENT)
    for entity in result.entities:
        assert text[entity.start : entity.end] == entity.text


def test_cli_survives_garbage_and_keeps_one_line_per_input_line() -> None:
    lines = [
        b"\xff\xfe\x00garbage",
        b'{"id": 1, "text": "\\ud800 morgen um 8"}',
        b"[1, 2, 3]",
        b"",
        b'{"id": 2, "text": "' + b"1234567890 " * 1000 + b'"}',
        b'{"id": 3, "text": "Thai food tonight?", "lang": "th"}',
        b'{"id": 4, "text": "ok", "sent_at": "yesterday"}',
        b'{"id": 5, "text": "LH 720 at 13:05"}',
    ]
    result = CliRunner().invoke(app, ["extract"], input=b"\n".join(lines) + b"\n")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0] == {"id": None, "error": "line 1: not UTF-8 (byte 0)"}
    assert "entities" in out[1]
    assert out[2] == {"id": None, "error": "line 3: not a JSON object"}
    assert out[3] == {"id": None, "error": "line 4: empty line"}
    assert "entities" in out[4]
    assert out[5] == {"id": 3, "error": "line 6: lang: must be one of zh, en, de"}
    assert out[6] == {"id": 4, "error": "line 7: sent_at: not an ISO 8601 date-time"}
    assert {e["type"] for e in out[7]["entities"]} >= {"flight"}
