"""`ownlive suggest --offline` through the CLI: every card kind in zh, en and de (DESIGN.md 5)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app

CASES: list[tuple[str, str, str, set[str], dict[str, str]]] = [
    # id, text, sent_at, kinds expected, {kind: text the evidence must cover}
    (
        "nav-zh",
        "明天晚上7点在南京西路1266号见",
        "2026-11-20T18:30:00+08:00",
        {"navigate", "calendar"},
        {"navigate": "南京西路1266号", "calendar": "明天晚上7点"},
    ),
    (
        "nav-de",
        "Wir treffen uns in der Kastanienallee 45, 10435 Berlin.",
        "2026-11-20T18:30:00+01:00",
        {"navigate"},
        {"navigate": "Kastanienallee 45, 10435 Berlin"},
    ),
    (
        "nav-en",
        "Come to 221B Baker Street, London NW1 6XE",
        "2026-11-20T18:30:00+00:00",
        {"navigate"},
        {"navigate": "221B Baker Street, London NW1 6XE"},
    ),
    (
        "call-zh",
        "有事打我电话 13912345678",
        "2026-11-20T18:30:00+08:00",
        {"call"},
        {"call": "13912345678"},
    ),
    (
        "call-de",
        "Ruf mich an: 0176 12345678",
        "2026-11-20T18:30:00+01:00",
        {"call"},
        {"call": "0176 12345678"},
    ),
    (
        "call-en",
        "call me at (415) 555-0132 when you're free",
        "2026-11-20T18:30:00-08:00",
        {"call"},
        {"call": "(415) 555-0132"},
    ),
    (
        "cal-zh",
        "下周三下午3点开会",
        "2026-11-20T18:30:00+08:00",
        {"calendar"},
        {"calendar": "下周三下午3点"},
    ),
    (
        "cal-de",
        "Kommst du am Samstag zur Wohnungsbesichtigung? 11 Uhr",
        "2026-11-20T18:30:00+01:00",
        {"calendar"},
        {"calendar": "Samstag"},
    ),
    (
        "cal-en",
        "are we still on for dinner friday at 8pm?",
        "2026-11-18T19:41:00-05:00",
        {"calendar"},
        {"calendar": "friday at 8pm"},
    ),
    (
        "rest-zh",
        "今晚想吃火锅，有推荐吗？",
        "2026-11-20T18:30:00+08:00",
        {"restaurants"},
        {"restaurants": "火锅"},
    ),
    (
        "rest-de",
        "Lust auf Sushi heute Abend?",
        "2026-11-20T18:30:00+01:00",
        {"restaurants"},
        {"restaurants": "Sushi"},
    ),
    (
        "rest-en",
        "Thai food tonight?",
        "2026-11-20T18:30:00+00:00",
        {"restaurants"},
        {"restaurants": "Thai"},
    ),
    (
        "parcel-zh",
        "您的快件SF1234567890123已到达营业点",
        "2026-11-20T18:30:00+08:00",
        {"track_parcel"},
        {"track_parcel": "SF1234567890123"},
    ),
    (
        "parcel-de",
        "Deine DHL Sendung 00340434161094042557 kommt morgen",
        "2026-11-20T18:30:00+01:00",
        {"track_parcel"},
        {"track_parcel": "00340434161094042557"},
    ),
    (
        "parcel-en",
        "Your parcel 1Z999AA10123456784 arrives Tue",
        "2026-11-20T18:30:00+00:00",
        {"track_parcel"},
        {"track_parcel": "1Z999AA10123456784"},
    ),
    ("flight-zh", "我坐MU5101过去", "2026-11-20T18:30:00+08:00", {"flight"}, {"flight": "MU5101"}),
    (
        "flight-de",
        "Ich lande am Donnerstag mit LH 720 um 13:05",
        "2026-11-20T18:30:00+01:00",
        {"flight", "calendar"},
        {"flight": "LH 720", "calendar": "13:05"},
    ),
    (
        "flight-en",
        "Boarding BA 982 tomorrow at 7:40am",
        "2026-11-20T18:30:00+00:00",
        {"flight", "calendar"},
        {"flight": "BA 982", "calendar": "tomorrow at 7:40am"},
    ),
    ("nothing", "haha ok", "2026-11-20T18:30:00+00:00", set(), {}),
    (
        "delivery-window",
        "Your package will be delivered tomorrow between 9am and 1pm",
        "2026-11-20T18:30:00+00:00",
        set(),
        {},
    ),
    ("running-late", "Running late, home in 2 hours", "2026-11-20T18:30:00+00:00", set(), {}),
]


def run_suggest(lines: list[str], *options: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["suggest", *options], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def outputs() -> dict[str, dict[str, Any]]:
    lines = [
        json.dumps({"id": c[0], "text": c[1], "sent_at": c[2]}, ensure_ascii=False) for c in CASES
    ]
    return {out["id"]: out for out in run_suggest(lines, "--offline")}


@pytest.mark.parametrize(
    ("case_id", "text", "sent_at", "kinds", "evidence"), CASES, ids=[c[0] for c in CASES]
)
def test_cards_per_contract(
    outputs: dict[str, dict[str, Any]],
    case_id: str,
    text: str,
    sent_at: str,
    kinds: set[str],
    evidence: dict[str, str],
) -> None:
    cards = outputs[case_id]["cards"]
    assert {c["kind"] for c in cards} == kinds
    for card in cards:
        assert set(card) == {"kind", "title", "actions", "evidence"}
        assert card["title"]
        assert card["actions"] and all(set(a) == {"label", "uri"} for a in card["actions"])
        cited = [text[e["start"] : e["end"]] for e in card["evidence"]]
        assert evidence[card["kind"]] in cited


def actions_of(outputs: dict[str, dict[str, Any]], case_id: str, kind: str) -> list[str]:
    card = next(c for c in outputs[case_id]["cards"] if c["kind"] == kind)
    return [a["uri"] for a in card["actions"]]


def test_actions_are_real(outputs: dict[str, dict[str, Any]]) -> None:
    assert actions_of(outputs, "call-de", "call") == ["tel:+4917612345678"]
    assert actions_of(outputs, "parcel-en", "track_parcel") == [
        "https://www.ups.com/track?tracknum=1Z999AA10123456784"
    ]
    assert actions_of(outputs, "nav-zh", "navigate")[0].startswith("geo:0,0?q=")
    ics = unquote(actions_of(outputs, "nav-zh", "calendar")[0])
    assert ics.startswith("data:text/calendar,BEGIN:VCALENDAR")
    assert "DTSTART:20261121T110000Z" in ics  # 19:00 in +08:00


def test_offline_never_gives_weather(outputs: dict[str, dict[str, Any]]) -> None:
    assert all(c["kind"] != "weather" for out in outputs.values() for c in out["cards"])


def test_bad_lines_get_errors_and_processing_goes_on() -> None:
    out = run_suggest(
        ["not json", json.dumps({"id": 7, "text": 5}), json.dumps({"id": 8, "text": "ok"})],
        "--offline",
    )
    assert out[0] == {"id": None, "error": "line 1: not JSON (Expecting value)"}
    assert out[1] == {"id": 7, "error": "line 2: text: missing or not a string"}
    assert out[2] == {"id": 8, "cards": []}


def test_now_is_the_reference_for_lines_without_sent_at() -> None:
    line = json.dumps({"id": "a", "text": "Meeting tomorrow at 10am"})
    out = run_suggest([line], "--offline", "--now", "2026-12-30T09:00:00+01:00")
    ics = unquote(out[0]["cards"][0]["actions"][0]["uri"])
    assert "DTSTART:20261231T090000Z" in ics


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--location", "north"], "Error: not a location: 'north', --location, use LAT,LON"),
        (["--location", "95,10"], "Error: location out of range: '95,10', --location, use LAT,LON"),
        (
            ["--offline", "--online"],
            "Error: --offline and --online exclude each other, pass one of them",
        ),
    ],
)
def test_bad_options_are_one_line(options: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, ["suggest", *options], input="")
    assert result.exit_code == 2
    assert result.output.strip() == expected
