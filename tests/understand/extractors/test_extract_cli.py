"""`ownlive extract` end to end: every entity type of these extractors, in zh, en and de.

JSON Lines in, one line out per input line; each expected entity is in the output
with its exact span and value, and every entity's start/end index its text.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app

Expected = tuple[str, str, dict[str, Any]]
MESSAGES: list[tuple[str, str, list[Expected]]] = [
    (
        "zh",
        "电话13800138000，邮箱abc@163.com，官网www.example.cn。明天坐MU5101，"
        "EMS单号EA123456785CN，只要299元，晚上吃火锅",
        [
            ("phone", "13800138000", {"e164": "+8613800138000"}),
            ("email", "abc@163.com", {"address": "abc@163.com"}),
            ("url", "www.example.cn", {"url": "https://www.example.cn"}),
            ("flight", "MU5101", {"airline": "MU", "number": "5101", "code": "MU5101"}),
            ("tracking", "EA123456785CN", {"carrier": "ems", "number": "EA123456785CN"}),
            ("money", "299元", {"amount": 299, "currency": "CNY"}),
            ("cuisine", "火锅", {"cuisine": "hot_pot"}),
        ],
    ),
    (
        "en",
        "Call (415) 555-0132 or mail jane@doe.org, RSVP at lu.ma/x. My flight is UA 88, "
        "UPS 1Z999AA10123456784 cost $45.99. Thai food after?",
        [
            ("phone", "(415) 555-0132", {"e164": "+14155550132"}),
            ("email", "jane@doe.org", {"address": "jane@doe.org"}),
            ("url", "lu.ma/x", {"url": "https://lu.ma/x"}),
            ("flight", "UA 88", {"airline": "UA", "number": "88", "code": "UA88"}),
            ("tracking", "1Z999AA10123456784", {"carrier": "ups", "number": "1Z999AA10123456784"}),
            ("money", "$45.99", {"amount": 45.99, "currency": "USD"}),
            ("cuisine", "Thai", {"cuisine": "thai"}),
        ],
    ),
    (
        "de",
        "Ruf mich an: 030 12345678 oder schreib an anna@web.de. Infos: https://ownlive.de/a. "
        "Flug LH 720, DHL-Paket 00340434161094042557, 12,50 € – danach zum Italiener?",
        [
            ("phone", "030 12345678", {"e164": "+493012345678"}),
            ("email", "anna@web.de", {"address": "anna@web.de"}),
            ("url", "https://ownlive.de/a", {"url": "https://ownlive.de/a"}),
            ("flight", "LH 720", {"airline": "LH", "number": "720", "code": "LH720"}),
            (
                "tracking",
                "00340434161094042557",
                {"carrier": "dhl", "number": "00340434161094042557"},
            ),
            ("money", "12,50 €", {"amount": 12.5, "currency": "EUR"}),
            ("cuisine", "Italiener", {"cuisine": "italian"}),
        ],
    ),
]


def run_extract(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    result = CliRunner().invoke(app, ["extract"], input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize(("lang", "text", "expected"), MESSAGES, ids=[m[0] for m in MESSAGES])
@pytest.mark.parametrize("lang_given", [True, False], ids=["lang-given", "lang-detected"])
def test_every_type_in_every_language(
    lang: str, text: str, expected: list[Expected], lang_given: bool
) -> None:
    line: dict[str, Any] = {"id": f"m-{lang}", "text": text, "sent_at": "2026-11-20T18:30:00+08:00"}
    if lang_given:
        line["lang"] = lang
    (out,) = run_extract([line])
    assert out["id"] == f"m-{lang}"
    assert out["lang"] == lang
    found = [(e["type"], e["text"], e["value"]) for e in out["entities"]]
    for entity in out["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    for item in expected:
        assert item in found
    mine = {kind for kind, _, _ in expected}
    assert sorted(f for f in found if f[0] in mine) == sorted(expected)


def test_one_output_line_per_input_line_in_order() -> None:
    lines = [{"id": i, "text": text} for i, (_, text, _) in enumerate(MESSAGES)]
    lines.insert(1, {"id": "empty", "text": "ok, see you"})
    out = run_extract(lines)
    assert [o["id"] for o in out] == [0, "empty", 1, 2]
    assert out[1]["entities"] == []
