"""PyWxDump's JSON export: the same records as its CSV, streamed, with truncated files caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ownlive.importers.base import ImportedMessage, ImportProblem
from ownlive.importers.wechat import pywxdump_csv, pywxdump_json
from tests.importers.wechat.conftest import (
    FIXTURE_FORMATS,
    SHANGHAI,
    Cli,
    check_corrupt_import_changes_nothing,
    check_detected,
    check_import_twice,
    check_opens_read_only,
    check_sniff,
    messages,
    parse,
    peak_memory_while_parsing,
)
from tests.importers.wechat.test_pywxdump_csv import KINDS

PRIVATE = "wxid_lihua1990_0_5001.json"
GROUP = "20958733221@chatroom_0_5001.json"
TRUNCATED = "truncated_0_5001.json"


@pytest.mark.parametrize("name", sorted(FIXTURE_FORMATS))
def test_sniff(name: str) -> None:
    check_sniff(pywxdump_json, name)


@pytest.mark.parametrize("name", [PRIVATE, GROUP, TRUNCATED])
def test_detected_by_content(name: str) -> None:
    check_detected(pywxdump_json, name)


@pytest.mark.parametrize(("kind", "expected"), KINDS.items(), ids=list(KINDS))
def test_every_kind(kind: str, expected: tuple[str, str | None]) -> None:
    text, sender = expected
    first = next(m for m in messages(pywxdump_json, PRIVATE) if m.kind == kind)
    assert text in first.text
    assert first.sender_handle == sender


@pytest.mark.parametrize(
    ("json_name", "csv_name"),
    [(PRIVATE, "wxid_lihua1990_0_5001.csv"), (GROUP, "20958733221@chatroom_0_5001.csv")],
)
def test_same_messages_as_the_csv_export(json_name: str, csv_name: str) -> None:
    """The two exports of one chat differ only in line numbers (and ids: separate fixture runs)."""

    def comparable(found: list[ImportedMessage]) -> list[tuple[object, ...]]:
        return [
            (
                m.conversation_key,
                m.conversation_kind,
                m.sent_at,
                m.text,
                m.sender_handle,
                m.is_from_me,
                m.kind,
            )
            for m in found
        ]

    assert comparable(messages(pywxdump_json, json_name)) == comparable(
        messages(pywxdump_csv, csv_name)
    )


def test_problem_lines_are_where_each_object_starts() -> None:
    found = messages(pywxdump_json, PRIVATE)
    assert [m.line for m in found[:3]] == [2, 14, 26]  # indent=4, twelve lines an object


def test_truncated_file_reports_where_it_breaks() -> None:
    found = parse(pywxdump_json, TRUNCATED)
    assert [r.render() if isinstance(r, ImportProblem) else r.line for r in found] == [
        2,
        14,
        "truncated_0_5001.json:26: json: the file ends inside this message (truncated)",
    ]


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "chat.json"
    path.write_text(text, encoding="utf-8")
    return [r.render() for r in pywxdump_json.parse(path, SHANGHAI) if isinstance(r, ImportProblem)]


RECORD = {
    "id": 1,
    "MsgSvrID": "7437267147299592543",
    "type_name": "文本",
    "is_sender": 0,
    "talker": "wxid_lihua1990",
    "room_name": "wxid_lihua1990",
    "msg": "Bis später!",
    "src": "",
    "extra": {},
    "CreateTime": "2024-11-18 18:05:40",
}


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ('{"not": "a list"}', ["chat.json:1: json: expected a JSON array of messages"]),
        ("", ["chat.json:1: json: expected a JSON array of messages"]),
        ("[]", []),
        (
            f"[{json.dumps(RECORD)}",
            ["chat.json:1: json: the file ends before the closing ] (truncated)"],
        ),
        (f"[{json.dumps(RECORD)}]\n]", ["chat.json:2: json: text after the closing ]"]),
        (
            f"[{json.dumps(RECORD)} {json.dumps(RECORD)}]",
            ["chat.json:1: json: expected , or ] after a message"],
        ),
        (f"[\n{json.dumps(RECORD)},\n42\n]", ["chat.json:3: message: not a JSON object"]),
        (
            f'[\n{json.dumps(RECORD)},\n{{"id": 2,\n"msg": tru}}\n]',
            ["chat.json:4: json: not valid JSON (Expecting value)"],
        ),
        (
            "[" + json.dumps(RECORD | {"CreateTime": "morgen früh"}) + "]",
            ["chat.json:1: CreateTime: not a date and time"],
        ),
        (
            "[" + json.dumps(RECORD | {"is_sender": None}) + "]",
            ["chat.json:1: is_sender: not 0 or 1"],
        ),
        (
            "[" + json.dumps({k: v for k, v in RECORD.items() if k != "room_name"}) + "]",
            ["chat.json:1: room_name: missing: the chat's wxid is not given"],
        ),
    ],
)
def test_broken_json(tmp_path: Path, text: str, problems: list[str]) -> None:
    assert _problems(tmp_path, text) == problems


def test_values_of_other_types_are_read_as_pywxdump_writes_them(tmp_path: Path) -> None:
    path = tmp_path / "chat.json"
    record = RECORD | {
        "MsgSvrID": 7437267147299592543,
        "is_sender": "1",
        "msg": None,
        "CreateTime": 1731924340,
    }
    path.write_text(json.dumps([record]), encoding="utf-8")
    (found,) = pywxdump_json.parse(path, SHANGHAI)
    assert isinstance(found, ImportedMessage)
    assert (found.external_id, found.is_from_me, found.text, found.sent_at.isoformat()) == (
        "7437267147299592543",
        True,
        "",
        "2024-11-18T18:05:40+08:00",
    )


def test_invalid_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "chat.json"
    path.write_bytes(b"[" + json.dumps(RECORD).encode() + b",\n" + b'{"msg": "\xff\xfe"}]')
    found = list(pywxdump_json.parse(path, SHANGHAI))
    assert isinstance(found[-1], ImportProblem)
    assert found[-1].render() == "chat.json: json: not valid UTF-8"


def test_cli_corrupt_file_changes_nothing(cli: Cli) -> None:
    check_corrupt_import_changes_nothing(
        cli,
        PRIVATE,
        TRUNCATED,
        "truncated_0_5001.json:26: json: the file ends inside this message (truncated)",
    )


@pytest.mark.parametrize(("name", "count"), [(PRIVATE, 15), (GROUP, 15)])
def test_import_twice_adds_nothing(cli: Cli, name: str, count: int) -> None:
    check_import_twice(cli, name, count)


def test_opens_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    check_opens_read_only(pywxdump_json, PRIVATE, monkeypatch)


def test_streams_in_flat_memory(tmp_path: Path) -> None:
    rows = 10_000
    path = tmp_path / "big.json"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[\n")
        for i in range(rows):
            record = RECORD | {
                "id": i,
                "MsgSvrID": str(10**18 + i),
                "msg": f"第{i}条消息 – Nachricht {i}",
            }
            handle.write(
                ("" if i == 0 else ",\n") + json.dumps(record, ensure_ascii=False, indent=4)
            )
        handle.write("\n]")
    count, peak = peak_memory_while_parsing(pywxdump_json, path)
    assert count == rows
    assert path.stat().st_size > 2_000_000
    # Measured: about 0.6 MB (two 64 Ki-character windows) for 1,000 or 50,000 objects.
    assert peak < 1_000_000
