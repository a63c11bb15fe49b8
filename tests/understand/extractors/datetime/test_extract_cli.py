"""`ownlive extract` end to end for datetimes, in zh, en and de: spans index the text."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app

MESSAGES: list[tuple[str, str, str, list[tuple[str, dict[str, str]]]]] = [
    (
        "zh",
        "明天晚上7点在南京西路1266号见，周六到周日去杭州，两小时后出发",
        "2026-11-20T18:30:00+08:00",
        [
            ("明天晚上7点", {"start": "2026-11-21T19:00:00+08:00", "grain": "hour"}),
            (
                "周六到周日",
                {
                    "start": "2026-11-21T00:00:00+08:00",
                    "end": "2026-11-22T00:00:00+08:00",
                    "grain": "day",
                },
            ),
            ("两小时后", {"start": "2026-11-20T20:30:00+08:00", "grain": "minute"}),
        ],
    ),
    (
        "en",
        "Dinner tmrw at 7:30pm? Or Friday 9am–1pm, I'm out Jan 18–22 🙂",
        "2026-11-20T18:30:00-05:00",
        [
            ("tmrw at 7:30pm", {"start": "2026-11-21T19:30:00-05:00", "grain": "minute"}),
            (
                "Friday 9am–1pm",
                {
                    "start": "2026-11-27T09:00:00-05:00",
                    "end": "2026-11-27T13:00:00-05:00",
                    "grain": "hour",
                },
            ),
            (
                "Jan 18–22",
                {
                    "start": "2027-01-18T00:00:00-05:00",
                    "end": "2027-01-22T00:00:00-05:00",
                    "grain": "day",
                },
            ),
        ],
    ),
    (
        "de",
        "Lust auf Thai übermorgen um halb acht? Sonst Donnerstag gegen 18 Uhr, "
        "ich bin vom 3. bis 7. Mai weg",
        "2026-11-20T18:30:00+01:00",
        [
            ("übermorgen um halb acht", {"start": "2026-11-22T19:30:00+01:00", "grain": "minute"}),
            ("Donnerstag gegen 18 Uhr", {"start": "2026-11-26T18:00:00+01:00", "grain": "hour"}),
            (
                "3. bis 7. Mai",
                {
                    "start": "2027-05-03T00:00:00+01:00",
                    "end": "2027-05-07T00:00:00+01:00",
                    "grain": "day",
                },
            ),
        ],
    ),
]


def run_extract(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    result = CliRunner().invoke(app, ["extract"], input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize(
    ("lang", "text", "sent_at", "want"), MESSAGES, ids=[m[0] for m in MESSAGES]
)
@pytest.mark.parametrize("lang_given", [True, False], ids=["lang-given", "lang-detected"])
def test_datetimes_through_the_cli(
    lang: str, text: str, sent_at: str, want: list[tuple[str, dict[str, str]]], lang_given: bool
) -> None:
    line: dict[str, Any] = {"id": f"m-{lang}", "text": text, "sent_at": sent_at}
    if lang_given:
        line["lang"] = lang
    (out,) = run_extract([line])
    assert out["id"] == f"m-{lang}"
    datetimes = [e for e in out["entities"] if e["type"] == "datetime"]
    for entity in datetimes:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    assert [(e["text"], e["value"]) for e in datetimes] == want


def test_messages_without_datetimes_yield_none() -> None:
    lines = [
        {"id": 1, "text": "ok, see you", "sent_at": "2026-11-20T18:30:00+00:00"},
        {"id": 2, "text": "哈哈好的", "sent_at": "2026-11-20T18:30:00+08:00"},
        {"id": 3, "text": "Alles klar, danke!", "sent_at": "2026-11-20T18:30:00+01:00"},
    ]
    for out in run_extract(lines):
        assert [e for e in out["entities"] if e["type"] == "datetime"] == []
