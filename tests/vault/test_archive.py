"""The archive format's row encoding: every SQLite value survives, anything else is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ownlive.errors import ArchiveError
from ownlive.vault.archive import TableSpec, decode_line, decode_value, encode_row

VALUES = [
    None,
    0,
    -1,
    2**63 - 1,
    -(2**63),
    0.1,
    1e-300,
    -2.5e300,
    float("inf"),
    float("-inf"),
    "",
    "明天晚上7点在南京西路1266号见",
    "Grüße aus München, 12,50 €",
    "Thai food tonight? 🍜",
    "line\nbreak\u2028and\u2029separators\x00nul",
    b"",
    bytes(range(256)),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_every_sqlite_value_round_trips(value: object) -> None:
    line = encode_row(("v",), (value,))
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # one row, one line
    assert decode_value(json.loads(line)["v"]) == value
    spec = TableSpec("t", ("v",), ("rowid",))
    assert decode_line(line, spec, Path("a.zip"), "tables/t.jsonl", 1) == [value]


def test_text_is_written_as_itself_compactly_in_column_order() -> None:
    line = encode_row(("id", "text", "score"), (7, "南京西路 Grüße", 0.5))
    assert line == '{"id":7,"text":"南京西路 Grüße","score":0.5}\n'.encode()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (True, "not a value this format holds"),
        ([1, 2], "not a value this format holds"),
        ({"blob": "not base64!"}, "a blob that is not base64"),
        ({"real": "nan"}, "not a value this format holds"),
        ({"blob": "AA==", "real": "inf"}, "not a value this format holds"),
        (2**63, "an integer outside SQLite's range"),
    ],
    ids=repr,
)
def test_values_the_exporter_never_writes_are_refused(value: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        decode_value(value)


def test_nan_in_a_line_names_the_place() -> None:
    spec = TableSpec("cards", ("id", "score"), ("id",))
    with pytest.raises(ArchiveError) as raised:
        decode_line(b'{"id":1,"score":NaN}\n', spec, Path("a.zip"), "tables/cards.jsonl", 4)
    assert raised.value.what == "not a valid row (NaN is not JSON)"
    assert raised.value.where == "a.zip: tables/cards.jsonl:4"
