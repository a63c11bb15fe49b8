"""Telegram Desktop result.json: single-chat and whole-account exports, broken files, re-imports."""

from __future__ import annotations

import json
import os
import stat
import tracemalloc
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record
from ownlive.importers.registry import SNIFF_BYTES, detect_importer
from ownlive.importers.telegram import result_json
from ownlive.importers.telegram.messages import flatten_text
from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault

FIXTURES = Path(__file__).parent / "fixtures"
SMS_FIXTURES = Path(__file__).parents[1] / "sms" / "fixtures"
BERLIN = ImportOptions(tz=ZoneInfo("Europe/Berlin"), tz_name="Europe/Berlin")
EXPORTS = [
    "single_chat_zh.json",
    "full_account.json",
    "old_export_without_unixtime.json",
    "overlap_first.json",
    "overlap_second.json",
]
BROKEN = ["bad_dates.json", "truncated.json", "invalid_syntax.json"]


def parse(name: str, options: ImportOptions = BERLIN) -> list[Record]:
    return list(result_json.parse(FIXTURES / name, options))


def messages(name: str, options: ImportOptions = BERLIN) -> list[ImportedMessage]:
    records = parse(name, options)
    assert all(isinstance(r, ImportedMessage) for r in records), records
    return [r for r in records if isinstance(r, ImportedMessage)]


def by_id(name: str) -> dict[str, ImportedMessage]:
    return {m.external_id or "": m for m in messages(name)}


def line_of(name: str, needle: str) -> int:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


# --- sniffing -------------------------------------------------------------------


def all_fixtures() -> list[Path]:
    return sorted([*FIXTURES.iterdir(), *SMS_FIXTURES.iterdir()])


@pytest.mark.parametrize("path", all_fixtures(), ids=lambda p: p.name)
def test_sniff_claims_exactly_the_telegram_exports(path: Path) -> None:
    head = path.read_bytes()[:SNIFF_BYTES]
    expected = path.suffix == ".json" and not path.name.startswith("not_telegram")
    assert result_json.sniff(path, head) is expected


@pytest.mark.parametrize("name", EXPORTS + BROKEN)
def test_detection_picks_telegram_among_all_importers(name: str) -> None:
    assert detect_importer(FIXTURES / name).name == "telegram_json"


def test_sniff_sees_a_whole_account_export_whose_chats_start_beyond_the_head(
    tmp_path: Path,
) -> None:
    export = json.loads((FIXTURES / "full_account.json").read_text(encoding="utf-8"))
    contact = export["contacts"]["list"][0]
    export["contacts"]["list"] = [contact] * 2000  # pushes `chats` past 64 KiB
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    head = path.read_bytes()[:SNIFF_BYTES]
    assert b'"chats"' not in head
    assert result_json.sniff(path, head)


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"\x89PNG\r\n\x1a\n",
        b"[12/05/2018, 10:39:10] Anna: Hallo",
        b'{"locations": [{"timestampMs": "1544006350000", "latitudeE7": 525200000}]}',
        b'{"type": "personal_chat", "note": "not an export"}',
        b'{"messages": [{"type": "message", "date": "2018-12-05T10:39:10", "text": "x"}]}',
    ],
)
def test_sniff_rejects_other_content(head: bytes) -> None:
    assert not result_json.sniff(Path("result.json"), head)


# --- what a message becomes ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message_id", "kind", "text", "handle", "sent_at"),
    [
        (
            "single_chat_zh.json",
            "101",
            "text",
            "明天晚上7点在南京西路1266号见？",
            "user4417208851",
            "2026-11-02T12:03:11+01:00",
        ),
        (
            "single_chat_zh.json",
            "103",
            "text",
            "订好了：鼎泰丰，https://www.dintaifung.com.cn",
            "user4417208851",
            "2026-11-02T12:06:45+01:00",
        ),
        (
            "single_chat_zh.json",
            "104",
            "image",
            "菜单",
            "user4417208851",
            "2026-11-02T12:10:40+01:00",
        ),
        ("single_chat_zh.json", "105", "voice", "", "user5520183311", "2026-11-02T12:12:03+01:00"),
        (
            "single_chat_zh.json",
            "106",
            "sticker",
            "👍",
            "user4417208851",
            "2026-11-02T12:12:30+01:00",
        ),
        (
            "single_chat_zh.json",
            "107",
            "reply",
            "我会晚到十分钟",
            "user5520183311",
            "2026-11-03T11:41:09+01:00",
        ),
        (
            "single_chat_zh.json",
            "108",
            "forward",
            "2号线南京西路站3号口临时关闭，请走1号口",
            "user4417208851",
            "2026-11-03T11:45:17+01:00",
        ),
        (
            "single_chat_zh.json",
            "109",
            "text",
            "那改成7点半吧",
            "user5520183311",
            "2026-11-03T11:47:55+01:00",
        ),
        (
            "single_chat_zh.json",
            "110",
            "call",
            "phone_call: hangup: 65 s",
            "user4417208851",
            "2026-11-03T11:52:30+01:00",
        ),
        (
            "single_chat_zh.json",
            "112",
            "text",
            "🎉 生日快乐！",
            "user4417208851",
            "2026-11-03T15:15:00+01:00",
        ),
        (
            "full_account.json",
            "5001",
            "text",
            "Guten Morgen! Hast du heute Abend Zeit? Lust auf Thai in der Kastanienallee?",
            "user6001002003",
            "2026-11-10T08:12:44+01:00",
        ),
        ("full_account.json", "5003", "video", "", "user5520183311", "2026-11-10T08:21:30+01:00"),
        (
            "full_account.json",
            "5004",
            "video",
            "Schau mal, unser Urlaubsvideo",
            "user6001002003",
            "2026-11-10T12:05:10+01:00",
        ),
        (
            "full_account.json",
            "5005",
            "animation",
            "",
            "user5520183311",
            "2026-11-10T12:06:00+01:00",
        ),
        (
            "full_account.json",
            "5006",
            "audio",
            "Die Ärzte – Junge",
            "user6001002003",
            "2026-11-10T12:30:00+01:00",
        ),
        (
            "full_account.json",
            "5007",
            "attachment",
            "Mietvertrag_2026.pdf",
            "user5520183311",
            "2026-11-10T13:02:45+01:00",
        ),
        (
            "full_account.json",
            "5008",
            "text",
            "Tisch ist für 19:30 Uhr reserviert, Tel. +49 30 12345678",
            "user6001002003",
            "2026-11-10T13:05:00+01:00",
        ),
        (
            "full_account.json",
            "6001",
            "system",
            "create_group: Lunch crew 🍜: Jonas Becker, Emma Wilson",
            "user5520183311",
            "2026-11-12T11:00:00+01:00",
        ),
        (
            "full_account.json",
            "6002",
            "system",
            "invite_members: 陈静",
            "user5520183311",
            "2026-11-12T11:00:20+01:00",
        ),
        (
            "full_account.json",
            "6004",
            "text",
            "我想吃火锅 🍲 周五晚上怎么样？",
            "user6222333444",
            "2026-11-12T11:03:40+01:00",
        ),
        (
            "full_account.json",
            "6005",
            "location",
            "Cocolo Ramen, Gipsstraße 3, 10119 Berlin",
            "user6111222333",
            "2026-11-12T11:04:05+01:00",
        ),
        (
            "full_account.json",
            "6006",
            "contact",
            "海底捞 +49 30 98765432",
            "user6222333444",
            "2026-11-12T11:05:00+01:00",
        ),
        (
            "full_account.json",
            "6007",
            "poll",
            "Friday dinner?",
            "user5520183311",
            "2026-11-12T11:06:30+01:00",
        ),
        (
            "full_account.json",
            "6008",
            "system",
            "pin_message",
            "user6111222333",
            "2026-11-12T11:07:00+01:00",
        ),
        (
            "full_account.json",
            "6009",
            "reply",
            "See you there!",
            "user5520183311",
            "2026-11-12T11:10:00+01:00",
        ),
        (
            "full_account.json",
            "7002",
            "forward",
            "Flight LH720 FRA→PEK 23.11.",
            "user5520183311",
            "2026-11-14T21:41:10+01:00",
        ),
        (
            "full_account.json",
            "8002",
            "text",
            "Tag der Deutschen Einheit: Fest am Brandenburger Tor ab 11 Uhr",
            "channel1380000001",
            "2026-10-03T10:00:00+02:00",
        ),
        (
            "full_account.json",
            "8003",
            "call",
            "group_call: 1800 s",
            "channel1380000001",
            "2026-10-05T18:00:00+02:00",
        ),
        (
            "old_export_without_unixtime.json",
            "2",
            "text",
            "Frohe Weihnachten euch allen! 🎄",
            "user100200300",
            "2020-12-24T17:02:10+01:00",
        ),
        ("overlap_second.json", "8", "image", "", "user3300440066", "2026-11-02T15:02:00+01:00"),
    ],
)
def test_message_fields(
    name: str, message_id: str, kind: str, text: str, handle: str, sent_at: str
) -> None:
    found = by_id(name)[message_id]
    assert (found.kind, found.text, found.sender_handle) == (kind, text, handle)
    assert found.sent_at.isoformat() == sent_at


def test_unsupported_messages_carry_nothing_and_are_left_out() -> None:
    ids = [m.external_id for m in messages("single_chat_zh.json")]
    assert ids == ["101", "102", "103", "104", "105", "106", "107", "108", "109", "110", "112"]


def test_each_record_names_the_line_its_message_starts_on() -> None:
    for found in messages("single_chat_zh.json"):
        assert found.line is not None
        assert line_of("single_chat_zh.json", f'"id": {found.external_id},') == found.line + 1


def test_single_chat_export_is_one_conversation_keyed_by_chat_id() -> None:
    found = messages("single_chat_zh.json")
    assert {(m.conversation_key, m.conversation_title, m.conversation_kind) for m in found} == {
        ("4417208851", "李娜", "chat")
    }
    # A single-chat export does not say who exported it.
    assert not any(m.is_from_me for m in found)
    names = {m.sender_handle: m.sender_name for m in found}
    assert names == {"user4417208851": "李娜", "user5520183311": "王伟"}


def test_whole_account_export_reads_every_chat_including_left_ones() -> None:
    found = messages("full_account.json")
    chats = {(m.conversation_key, m.conversation_title, m.conversation_kind) for m in found}
    assert chats == {
        ("6001002003", "Lena Schmidt", "chat"),
        ("7700880011", "Lunch crew 🍜", "group"),
        ("5520183311", "Saved Messages", "chat"),
        ("1380000001", "Berlin Events", "channel"),
    }
    assert len(found) == 22


def test_whole_account_export_knows_which_messages_are_the_owners() -> None:
    found = messages("full_account.json")
    mine = {m.external_id for m in found if m.is_from_me}
    assert mine == {
        m.external_id for m in found if m.sender_handle == "user5520183311"
    }  # personal_information.user_id
    assert {"5002", "5003", "6001", "7001"} <= mine
    assert not {"5001", "6003", "8002"} & mine


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Shanghai", "2026-11-02T19:03:11+08:00"),
        ("Europe/Berlin", "2026-11-02T12:03:11+01:00"),
        ("America/New_York", "2026-11-02T06:03:11-05:00"),
        ("UTC", "2026-11-02T11:03:11+00:00"),
    ],
)
def test_unixtime_is_shown_in_the_users_zone(zone: str, expected: str) -> None:
    options = ImportOptions(tz=ZoneInfo(zone), tz_name=zone)
    first = messages("single_chat_zh.json", options)[0]
    assert first.sent_at.isoformat() == expected
    assert first.sent_at == datetime.fromisoformat("2026-11-02T11:03:11+00:00")


@pytest.mark.parametrize(
    ("message_id", "expected"),
    [
        ("1", "2020-12-24T17:00:00+01:00"),
        ("3", "2021-03-28T01:30:00+01:00"),  # before the spring-forward gap
        ("4", "2021-03-28T03:30:00+02:00"),  # after it: summer time
    ],
)
def test_exports_without_unixtime_read_local_time_in_the_given_zone(
    message_id: str, expected: str
) -> None:
    assert by_id("old_export_without_unixtime.json")[message_id].sent_at.isoformat() == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain", "plain"),
        (["Hallo ", {"type": "bold", "text": "Welt"}, "!"], "Hallo Welt!"),
        ([{"type": "link", "text": "https://t.me/x"}], "https://t.me/x"),
        (["见 ", {"type": "mention", "text": "@li_na"}, " 明天"], "见 @li_na 明天"),
        ([{"type": "custom_emoji", "text": "🔥", "document_id": "x"}, 7, None], "🔥"),
        (None, ""),
        (42, ""),
    ],
)
def test_text_entities_flatten_to_the_text_a_person_saw(value: object, expected: str) -> None:
    assert flatten_text(value) == expected


# --- broken files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "good", "problems"),
    [
        (
            "bad_dates.json",
            2,
            [
                (line_of("bad_dates.json", '"id": 2,') - 1, "date_unixtime", "missing"),
                (line_of("bad_dates.json", '"gestern"'), "date_unixtime", "not a Unix time"),
            ],
        ),
        (
            "truncated.json",
            6,
            [(125, "json", "the file ends early (cut off while copying?)")],
        ),
        (
            "invalid_syntax.json",
            2,
            [(line_of("invalid_syntax.json", '"id": 3') + 1, "json", "not valid JSON here")],
        ),
        ("not_telegram_array.json", 0, [(1, "json", "the top level is not an object")]),
    ],
)
def test_broken_files_give_problems_that_say_where(
    name: str, good: int, problems: list[tuple[int, str, str]]
) -> None:
    records = parse(name)
    found = [(p.line, p.field, p.reason) for p in records if isinstance(p, ImportProblem)]
    assert found == problems
    assert all(p.path == str(FIXTURES / name) for p in records if isinstance(p, ImportProblem))
    assert sum(isinstance(r, ImportedMessage) for r in records) == good


def test_invalid_syntax_is_reported_on_the_line_that_breaks() -> None:
    lines = (FIXTURES / "invalid_syntax.json").read_text(encoding="utf-8").splitlines()
    [problem] = [r for r in parse("invalid_syntax.json") if isinstance(r, ImportProblem)]
    assert problem.line is not None
    # The comma is missing at the end of the line before; JSON notices on the next key.
    assert lines[problem.line - 2].endswith('"id": 3')


def test_a_file_with_no_message_list_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{\n "about": "Here is the data you requested.",\n "contacts": {}\n}\n')
    assert [
        r.render() for r in result_json.parse(path, BERLIN) if isinstance(r, ImportProblem)
    ] == ["result.json: messages: no message list found (is this Telegram Desktop's result.json?)"]


def test_problems_never_quote_message_content() -> None:
    for name in BROKEN:
        for record in parse(name):
            if isinstance(record, ImportProblem):
                assert "日期坏了" not in record.render()
                assert "gestern" not in record.render()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=(FIXTURES / "full_account.json").stat().st_size))
def test_a_file_cut_anywhere_never_raises(tmp_path: Path, cut: int) -> None:
    data = (FIXTURES / "full_account.json").read_bytes()
    path = tmp_path / "cut.json"
    path.write_bytes(data[:cut])
    records = list(result_json.parse(path, BERLIN))
    if cut < len(data.rstrip()):
        assert isinstance(records[-1], ImportProblem)
        assert records[-1].field == "json"
    read = [r for r in records if isinstance(r, ImportedMessage)]
    assert read == messages("full_account.json")[: len(read)]


def test_the_users_file_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes((FIXTURES / "single_chat_zh.json").read_bytes())
    path.chmod(stat.S_IRUSR)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    assert len(list(result_json.parse(path, BERLIN))) == 11
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    [problem] = list(result_json.parse(tmp_path / "gone.json", BERLIN))
    assert isinstance(problem, ImportProblem)
    assert (problem.field, problem.line) == ("file", None)


# --- memory stays flat -------------------------------------------------------------


def write_long_export(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "name": "Lena Schmidt",\n "type": "personal_chat",\n "id": 6001002003,\n')
        out.write(' "messages": [\n')
        for number in range(count):
            message = {
                "id": number + 1,
                "type": "message",
                "date_unixtime": str(1793617391 + number * 60),
                "from": "Lena Schmidt",
                "from_id": "user6001002003",
                "text": [
                    "Wir sehen uns um ",
                    {"type": "bold", "text": "19 Uhr"},
                    f" — Nr. {number}",
                ],
            }
            out.write(("," if number else "") + json.dumps(message, ensure_ascii=False, indent=1))
        out.write("\n ]\n}\n")


def peak_while_streaming(path: Path) -> int:
    tracemalloc.start()
    try:
        count = sum(1 for _ in result_json.parse(path, BERLIN))
        return tracemalloc.get_traced_memory()[1] if count else 0
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    write_long_export(small, 500)
    write_long_export(large, 8_000)
    assert large.stat().st_size > 15 * small.stat().st_size
    assert peak_while_streaming(large) < 1.5 * peak_while_streaming(small) + 64 * 1024


# --- through `ownlive import` --------------------------------------------------------


def run_import(runner: CliRunner, vault_path: Path, name: str, *extra: str) -> dict[str, object]:
    result = runner.invoke(
        app,
        [
            "--vault",
            str(vault_path),
            "--json",
            "import",
            str(FIXTURES / name),
            "--tz",
            "Europe/Berlin",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout)
    return report


def message_count(vault_path: Path) -> tuple[int, int]:
    with Vault(vault_path) as vault:
        summary = vault.summary()
    return summary.messages, summary.sources


def test_corrupt_file_via_cli_names_file_line_and_field_and_changes_nothing(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, "single_chat_zh.json")
    before = message_count(vault_path)
    result = cli_runner.invoke(
        app, ["--vault", str(vault_path), "import", str(FIXTURES / "bad_dates.json"), "--tz", "UTC"]
    )
    missing = line_of("bad_dates.json", '"id": 2,') - 1
    bad = line_of("bad_dates.json", '"gestern"')
    assert result.exit_code == 8
    assert result.stderr.splitlines() == [
        "Error: 2 problem(s) in the file; nothing was imported, "
        f"bad_dates.json:{missing}: date_unixtime: missing, "
        "fix the file, or pass --skip-invalid to keep the good records",
        f"  bad_dates.json:{missing}: date_unixtime: missing",
        f"  bad_dates.json:{bad}: date_unixtime: not a Unix time",
    ]
    assert "Traceback" not in result.output
    assert message_count(vault_path) == before


@pytest.mark.parametrize("name", ["truncated.json", "invalid_syntax.json"])
def test_unreadable_json_via_cli_fails_and_keeps_the_vault(
    cli_runner: CliRunner, tmp_path: Path, name: str
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, "overlap_first.json")
    before = message_count(vault_path)
    result = cli_runner.invoke(app, ["--vault", str(vault_path), "import", str(FIXTURES / name)])
    assert result.exit_code == 8
    assert f"{name}:" in result.stderr.splitlines()[0]
    assert message_count(vault_path) == before


def test_skip_invalid_keeps_the_good_messages(cli_runner: CliRunner, tmp_path: Path) -> None:
    report = run_import(cli_runner, tmp_path / "vault.db", "bad_dates.json", "--skip-invalid")
    assert (report["new"], len(report["problems"])) == (2, 2)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "count"), [(n, c) for n, c in zip(EXPORTS, [11, 22, 4, 5, 6], strict=True)]
)
def test_importing_twice_adds_nothing_the_second_time(
    cli_runner: CliRunner, tmp_path: Path, name: str, count: int
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, name)
    second = run_import(cli_runner, vault_path, name)
    assert (first["new"], first["present"]) == (count, 0)
    assert (second["new"], second["present"]) == (0, count)
    assert message_count(vault_path)[0] == count


def test_overlapping_exports_add_only_the_new_messages(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, "overlap_first.json")
    second = run_import(cli_runner, vault_path, "overlap_second.json")
    assert (first["new"], first["present"]) == (5, 0)
    # Message 4 was edited in between: its id, not its text, says it is the same message.
    assert (second["new"], second["present"]) == (3, 3)
    assert message_count(vault_path) == (8, 2)


def test_sample_layouts_without_ids_import_idempotently(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    # Trimmed exports (no chat or message ids) fall back to content hashes.
    path = tmp_path / "result.json"
    path.write_text(
        '{"messages": [{"type": "message", "date_unixtime": "1544006350", "from": "Anna",'
        ' "text": "Hallo"}, {"type": "message", "date_unixtime": "1544006350", "from": "Anna",'
        ' "text": "Hallo"}]}',
        encoding="utf-8",
    )
    vault_path = tmp_path / "vault.db"
    for expected_new in (2, 0):
        result = cli_runner.invoke(app, ["--vault", str(vault_path), "--json", "import", str(path)])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["new"] == expected_new
