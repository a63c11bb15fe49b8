"""The address extractor in the pipeline and through `ownlive extract`."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app
from ownlive.understand import extract
from ownlive.understand.pipeline import pipeline
from tests.understand.extractors.address.support import addresses

MESSAGES = [
    ("zh", "明天晚上7点在南京西路1266号见", "南京西路1266号"),
    ("zh", "地址：上海市浦东新区世纪大道100号环球金融中心42楼，到了打电话", None),
    (
        "de",
        "Komm um 19 Uhr in die Kastanienallee 45, 10435 Berlin!",
        "Kastanienallee 45, 10435 Berlin",
    ),
    ("de", "Wir wohnen jetzt Torstraße 109 in Berlin", "Torstraße 109 in Berlin"),
    (
        "en",
        "Dinner tmrw at 221B Baker Street, London NW1 6XE?",
        "221B Baker Street, London NW1 6XE",
    ),
    ("en", "HQ is 1600 Amphitheatre Pkwy, Mountain View, CA 94043", None),
    ("en", "Meet me at Kastanienallee 45 tomorrow", "Kastanienallee 45"),
]


def test_extract_command_spans_index_the_text(tmp_path: Path) -> None:
    lines = "".join(
        json.dumps({"id": f"m{i}", "text": text, "sent_at": "2026-11-20T18:30:00+08:00"}) + "\n"
        for i, (_, text, _) in enumerate(MESSAGES)
    )
    result = CliRunner().invoke(app, ["--vault", str(tmp_path / "v.db"), "extract"], input=lines)
    assert result.exit_code == 0, result.output
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in outputs] == [f"m{i}" for i in range(len(MESSAGES))]
    for (_, text, span), output in zip(MESSAGES, outputs, strict=True):
        found = [e for e in output["entities"] if e["type"] == "address"]
        assert len(found) == 1, (text, output)
        entity = found[0]
        assert text[entity["start"] : entity["end"]] == entity["text"]
        assert entity["value"]["formatted"] == entity["text"]
        assert entity["text"] == (span or entity["text"])
    assert outputs[1]["entities"][0]["value"]["district"] == "浦东新区"
    assert outputs[5]["entities"][0]["value"]["region"] == "CA"


def test_the_pipeline_registers_one_address_extractor() -> None:
    found = [e for e in pipeline() if e.type == "address"]
    assert len(found) == 1
    assert set(found[0].requires) <= {"text", "langs"}


@pytest.mark.parametrize(
    "text", ["ok see you later", "哈哈好的", "Bis später!", "see you at 7", "明天见"]
)
def test_quick_pattern_skips_messages_without_a_street_and_number(text: str) -> None:
    quick = next(e for e in pipeline() if e.type == "address").quick
    assert quick is not None
    assert quick.search(text) is None


def test_contract_example_through_the_pipeline() -> None:
    result = extract("明天晚上7点在南京西路1266号见", lang="zh")
    address = next(e for e in result.entities if e.type == "address")
    assert (address.start, address.end) == (7, 16)
    assert address.value == {
        "formatted": "南京西路1266号",
        "street": "南京西路",
        "house_number": "1266",
    }


def test_suffixes_that_end_english_words_need_german_around_them() -> None:
    # In an English message "-ring" ends English words; in a German one it is a street.
    assert addresses("I'll bring the Kaiserring 5 boxes") == []
    assert [e.text for e in addresses("Wir wohnen am Kaiserring 5")] == ["Kaiserring 5"]
    found = addresses("Meet me at Hohenzollernring 5, 50672 Cologne")
    assert [e.text for e in found] == ["Hohenzollernring 5, 50672 Cologne"]


def test_zh_data_ships_inside_the_package_with_its_licence() -> None:
    data = resources.files("ownlive.understand.extractors.address") / "data"
    header = data.joinpath("adcodes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "adcode,name"
    assert "MIT" in data.joinpath("LICENSE-cpca.txt").read_text(encoding="utf-8")
    assert "cpca" in data.joinpath("SOURCE.md").read_text(encoding="utf-8")
