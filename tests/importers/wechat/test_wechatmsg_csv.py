"""WeChatMsg's CSV export: raw Type/SubType codes, BOM, private and group chats, old rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ownlive.importers.base import ImportedMessage, ImportProblem
from ownlive.importers.wechat import pywxdump_csv, wechatmsg_csv
from tests.importers.wechat.conftest import (
    FIXTURE_FORMATS,
    FIXTURES,
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

PRIVATE = "李华_utf8.csv"
GROUP = "周末徒步群_utf8.csv"
OLD = "王芳_utf8.csv"
BROKEN = "坏时间_utf8.csv"
LIHUA, ME = "wxid_lihua1990", "wxid_zhangwei_88"

KINDS: dict[str, tuple[str, str | None]] = {
    "text": ("周五晚上一起吃火锅吗？", LIHUA),
    "image": ("[图片]", LIHUA),
    "voice": ("[语音] 3秒", ME),
    "video": ("[视频]", LIHUA),
    "sticker": ("[表情]", ME),
    "location": ("[位置] 恒隆广场 上海市静安区南京西路1266号", LIHUA),
    "file": ("[文件] Reiseplan_Berlin_Dezember.pdf", ME),
    "link": (
        "[链接] 上海周末去哪儿｜10家新开的火锅店\nhttps://mp.weixin.qq.com/s/Xq3vR8kLmN2pQ",
        LIHUA,
    ),
    "quote": ("就去第三家吧\n[引用] 李华: 上海周末去哪儿｜10家新开的火锅店", ME),
    "transfer": ("[转账] ￥200.00 火锅AA", LIHUA),
    "call": ("[通话] 通话时长 02:15", ME),
    "system": ("你已添加了李华，现在可以开始聊天了。", None),
    "recall": ('"李华" 撤回了一条消息', None),
}


@pytest.mark.parametrize("name", sorted(FIXTURE_FORMATS))
def test_sniff(name: str) -> None:
    check_sniff(wechatmsg_csv, name)


@pytest.mark.parametrize("name", [PRIVATE, GROUP, OLD, BROKEN])
def test_detected_by_content(name: str) -> None:
    check_detected(wechatmsg_csv, name)


def test_files_carry_a_bom() -> None:
    assert (FIXTURES / PRIVATE).read_bytes().startswith(b"\xef\xbb\xbflocalId,")


@pytest.mark.parametrize(("kind", "expected"), KINDS.items(), ids=list(KINDS))
def test_every_kind(kind: str, expected: tuple[str, str | None]) -> None:
    text, sender = expected
    first = next(m for m in messages(wechatmsg_csv, PRIVATE) if m.kind == kind)
    assert first.text == text
    assert first.sender_handle == sender


def test_private_chat_is_keyed_by_the_contacts_wxid() -> None:
    found = messages(wechatmsg_csv, PRIVATE)
    assert len(found) == 15
    assert {(m.conversation_key, m.conversation_title, m.conversation_kind) for m in found} == {
        (LIHUA, "李华", "chat")
    }
    assert {(m.sender_handle, m.sender_name) for m in found if m.is_from_me} == {(ME, "张伟")}
    assert {(m.sender_handle, m.sender_name) for m in found if m.sender_handle == LIHUA} == {
        (LIHUA, "李华")
    }
    assert all(m.external_id is None for m in found)  # localId is not stable across devices
    assert found[1].sent_at.isoformat() == "2024-11-18T18:05:40+08:00"


def test_same_key_as_the_pywxdump_export_of_that_chat() -> None:
    ours = {m.conversation_key for m in messages(wechatmsg_csv, PRIVATE)}
    theirs = {m.conversation_key for m in messages(pywxdump_csv, "wxid_lihua1990_0_5001.csv")}
    assert ours == theirs == {LIHUA}


def test_group_chat() -> None:
    found = messages(wechatmsg_csv, GROUP)
    assert {(m.conversation_key, m.conversation_title, m.conversation_kind) for m in found} == {
        ("wechatmsg:周末徒步群", "周末徒步群", "group")
    }
    senders = {(m.sender_handle, m.sender_name, m.is_from_me) for m in found if m.sender_handle}
    assert senders == {
        (LIHUA, "李华", False),
        ("wxid_jonas_mueller", "Jonas", False),
        ("wxid_wangfang0707", "王芳", False),
        (ME, "张伟", True),
    }
    by_kind = {m.kind: m.text for m in found}
    # App messages whose XML the export left out keep a label; a recall loses its edit link.
    assert (by_kind["link"], by_kind["quote"], by_kind["transfer"]) == (
        "[链接]",
        "[引用]",
        "[转账]",
    )
    assert by_kind["recall"] == "你撤回了一条消息"
    assert set(by_kind) == set(KINDS) - {"voice", "video", "file"}


def test_old_layout_without_sender_columns() -> None:
    """The exporter before app/util/exporter wrote nine fields for private chats."""
    found = messages(wechatmsg_csv, OLD)
    assert [(m.conversation_key, m.sender_handle, m.sender_name, m.is_from_me) for m in found] == [
        ("wechatmsg:王芳", "王芳", "王芳", False),
        ("wechatmsg:王芳", "me", None, True),
        ("wechatmsg:王芳", "王芳", "王芳", False),
        ("wechatmsg:王芳", "me", None, True),
    ]


def test_corrupt_file_reports_where() -> None:
    found = parse(wechatmsg_csv, BROKEN)
    assert [r.render() if isinstance(r, ImportProblem) else r.line for r in found] == [
        2,
        "坏时间_utf8.csv:4: CreateTime: not a time in seconds since 1970",
    ]
    first = found[0]
    assert isinstance(first, ImportedMessage)
    assert first.text == "周五晚上一起吃火锅吗？\n七点？"


def _write(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(wechatmsg_csv.COLUMNS)
        writer.writerows(rows)
    return path


ROW: list[object] = [
    1, 5, 1, 0, 0, 1731924340, 3, "Hallo", "2024-11-18 18:05:40", "李华", "华华", LIHUA,
]  # fmt: skip


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        (2, "文本", "x_utf8.csv:2: Type: not a number"),
        (3, "", "x_utf8.csv:2: SubType: not a number"),
        (4, "2", "x_utf8.csv:2: IsSender: not 0 or 1"),
        (5, "", "x_utf8.csv:2: CreateTime: not a time in seconds since 1970"),
    ],
)
def test_bad_values_name_line_and_field(
    tmp_path: Path, column: int, value: object, problem: str
) -> None:
    row = list(ROW)
    row[column] = value
    found = list(wechatmsg_csv.parse(_write(tmp_path / "x_utf8.csv", [row]), SHANGHAI))
    assert [p.render() for p in found if isinstance(p, ImportProblem)] == [problem]


def test_a_group_where_only_one_other_member_wrote_reads_as_private(tmp_path: Path) -> None:
    """The documented limit: the file does not name the chat, so this is a guess."""
    rows = [ROW, [2, 5, 1, 0, 1, 1731924400, 2, "Hi", "", "张伟", "Zhang Wei", ME]]
    found = [
        m
        for m in wechatmsg_csv.parse(_write(tmp_path / "徒步_utf8.csv", rows), SHANGHAI)
        if isinstance(m, ImportedMessage)
    ]
    assert len(found) == 2
    assert {(m.conversation_key, m.conversation_kind) for m in found} == {(LIHUA, "chat")}


def test_cli_corrupt_file_changes_nothing(cli: Cli) -> None:
    check_corrupt_import_changes_nothing(
        cli, PRIVATE, BROKEN, "坏时间_utf8.csv:4: CreateTime: not a time in seconds since 1970"
    )


@pytest.mark.parametrize(("name", "count"), [(PRIVATE, 15), (GROUP, 15), (OLD, 4)])
def test_import_twice_adds_nothing(cli: Cli, name: str, count: int) -> None:
    check_import_twice(cli, name, count)


def test_opens_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    check_opens_read_only(wechatmsg_csv, PRIVATE, monkeypatch)


def test_streams_in_flat_memory(tmp_path: Path) -> None:
    rows = 10_000
    path = tmp_path / "李华_utf8.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(wechatmsg_csv.COLUMNS)
        for i in range(rows):
            sender = ME if i % 2 else LIHUA
            text = f"第{i}条消息 – Nachricht {i}"
            writer.writerow(
                [i, 5, 1, 0, i % 2, 1731924340 + i, 3, text, "", "李华", "华华", sender]
            )
    count, peak = peak_memory_while_parsing(wechatmsg_csv, path)
    assert count == rows
    assert path.stat().st_size > 700_000
    assert peak < 300_000
