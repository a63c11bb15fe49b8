"""Telegram Desktop result.json: single-chat and whole-account exports, broken files, re-imports."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.importers.base import ImportedMessage, ImportOptions, Record
from ownlive.importers.registry import SNIFF_BYTES, detect_importer
from ownlive.importers.telegram import result_json
from ownlive.importers.telegram.messages import flatten_text

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


ZH, FULL = "single_chat_zh.json", "full_account.json"
LI, WANG = "user4417208851", "user5520183311"
LENA, JONAS, EMMA, CHEN = "user6001002003", "user5520183311", "user6111222333", "user6222333444"
CHANNEL = "channel1380000001"
# (file, message id): kind, sender handle, sent at (Europe/Berlin), text
EXPECTED = {
    (ZH, "101"): ("text", LI, "11-02T12:03:11", "明天晚上7点在南京西路1266号见？"),
    (ZH, "103"): (
        "text", LI, "11-02T12:06:45", "订好了：鼎泰丰，https://www.dintaifung.com.cn"
    ),
    (ZH, "104"): ("image", LI, "11-02T12:10:40", "菜单"),
    (ZH, "105"): ("voice", WANG, "11-02T12:12:03", ""),
    (ZH, "106"): ("sticker", LI, "11-02T12:12:30", "👍"),
    (ZH, "107"): ("reply", WANG, "11-03T11:41:09", "我会晚到十分钟"),
    (ZH, "108"): (
        "forward", LI, "11-03T11:45:17", "2号线南京西路站3号口临时关闭，请走1号口"
    ),
    (ZH, "109"): ("text", WANG, "11-03T11:47:55", "那改成7点半吧"),
    (ZH, "110"): ("call", LI, "11-03T11:52:30", "phone_call: hangup: 65 s"),
    (ZH, "112"): ("text", LI, "11-03T15:15:00", "🎉 生日快乐！"),
    (FULL, "5001"): (
        "text", LENA, "11-10T08:12:44",
        "Guten Morgen! Hast du heute Abend Zeit? Lust auf Thai in der Kastanienallee?",
    ),
    (FULL, "5003"): ("video", JONAS, "11-10T08:21:30", ""),
    (FULL, "5004"): ("video", LENA, "11-10T12:05:10", "Schau mal, unser Urlaubsvideo"),
    (FULL, "5005"): ("animation", JONAS, "11-10T12:06:00", ""),
    (FULL, "5006"): ("audio", LENA, "11-10T12:30:00", "Die Ärzte – Junge"),
    (FULL, "5007"): ("attachment", JONAS, "11-10T13:02:45", "Mietvertrag_2026.pdf"),
    (FULL, "5008"): (
        "text", LENA, "11-10T13:05:00", "Tisch ist für 19:30 Uhr reserviert, Tel. +49 30 12345678"
    ),
    (FULL, "6001"): (
        "system", JONAS, "11-12T11:00:00", "create_group: Lunch crew 🍜: Jonas Becker, Emma Wilson"
    ),
    (FULL, "6002"): ("system", JONAS, "11-12T11:00:20", "invite_members: 陈静"),
    (FULL, "6004"): ("text", CHEN, "11-12T11:03:40", "我想吃火锅 🍲 周五晚上怎么样？"),
    (FULL, "6005"): (
        "location", EMMA, "11-12T11:04:05", "Cocolo Ramen, Gipsstraße 3, 10119 Berlin"
    ),
    (FULL, "6006"): ("contact", CHEN, "11-12T11:05:00", "海底捞 +49 30 98765432"),
    (FULL, "6007"): ("poll", JONAS, "11-12T11:06:30", "Friday dinner?"),
    (FULL, "6008"): ("system", EMMA, "11-12T11:07:00", "pin_message"),
    (FULL, "6009"): ("reply", JONAS, "11-12T11:10:00", "See you there!"),
    (FULL, "7002"): ("forward", JONAS, "11-14T21:41:10", "Flight LH720 FRA→PEK 23.11."),
    (FULL, "8002"): (
        "text", CHANNEL, "10-03T10:00:00+02:00",
        "Tag der Deutschen Einheit: Fest am Brandenburger Tor ab 11 Uhr",
    ),
    (FULL, "8003"): ("call", CHANNEL, "10-05T18:00:00+02:00", "group_call: 1800 s"),
    ("overlap_second.json", "8"): ("image", "user3300440066", "11-02T15:02:00", ""),
}  # fmt: skip


@pytest.mark.parametrize(("name", "message_id"), list(EXPECTED), ids="-".join)
def test_message_fields(name: str, message_id: str) -> None:
    kind, handle, at, text = EXPECTED[name, message_id]
    found = by_id(name)[message_id]
    assert (found.kind, found.sender_handle, found.text) == (kind, handle, text)
    offset = "" if "+" in at else "+01:00"  # Berlin: winter time from 25 October 2026
    assert found.sent_at.isoformat() == f"2026-{at}{offset}"


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
