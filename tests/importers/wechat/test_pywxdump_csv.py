"""PyWxDump's CSV export: kinds, chats, senders, ids, times, broken files, the CLI."""

from __future__ import annotations

import csv
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem
from ownlive.importers.wechat import pywxdump_csv
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
    problems,
)

PRIVATE = "wxid_lihua1990_0_5001.csv"
GROUP = "20958733221@chatroom_0_5001.csv"
BROKEN = "wxid_broken_createtime.csv"
LIHUA, ME = "wxid_lihua1990", "wxid_zhangwei_88"

# kind -> (text it carries, sender handle) for the first message of that kind in PRIVATE.
KINDS: dict[str, tuple[str, str | None]] = {
    "text": ("周五晚上一起吃火锅吗？", LIHUA),
    "image": ("图片", LIHUA),
    "voice": ("语音时长：2.98秒", ME),
    "video": ("视频", LIHUA),
    "sticker": ("表情", ME),
    "location": ("位置：上海市静安区南京西路1266号 恒隆广场", LIHUA),
    "file": ("Reiseplan_Berlin_Dezember.pdf", ME),
    "link": ("https://mp.weixin.qq.com/s/Xq3vR8kLmN2pQ", LIHUA),
    "quote": ("就去第三家吧\n\n[引用](2024-11-18 19:05:10)李华:", ME),
    "transfer": ("转账：￥200.00\n转账说明：火锅AA", LIHUA),
    "call": ("语音/视频通话[通话时长 02:15]", ME),
    "system": ("你已添加了李华，现在可以开始聊天了。", None),
    "recall": ('"李华" 撤回了一条消息', None),
}


@pytest.mark.parametrize("name", sorted(FIXTURE_FORMATS))
def test_sniff(name: str) -> None:
    check_sniff(pywxdump_csv, name)


@pytest.mark.parametrize("name", [PRIVATE, GROUP, BROKEN])
def test_detected_by_content(name: str) -> None:
    check_detected(pywxdump_csv, name)


@pytest.mark.parametrize(("kind", "expected"), KINDS.items(), ids=list(KINDS))
def test_every_kind(kind: str, expected: tuple[str, str | None]) -> None:
    text, sender = expected
    first = next(m for m in messages(pywxdump_csv, PRIVATE) if m.kind == kind)
    assert text in first.text
    assert first.sender_handle == sender
    assert "<" not in first.text  # no markup left, system lines included


def test_private_chat() -> None:
    found = messages(pywxdump_csv, PRIVATE)
    assert len(found) == 15
    assert {(m.conversation_key, m.conversation_title, m.conversation_kind) for m in found} == {
        (LIHUA, LIHUA, "chat")
    }
    assert {m.sender_handle for m in found if m.is_from_me} == {ME}
    assert {m.sender_handle for m in found if not m.is_from_me} == {LIHUA, None}
    assert [m.line for m in found[:4]] == [2, 3, 4, 6]  # line 4's text runs over two lines
    assert found[2].text == "好啊！明天晚上7点在南京西路1266号见？\n我订位子"
    assert found[1].sent_at.isoformat() == "2024-11-18T18:05:40+08:00"
    assert all(m.external_id and m.external_id.isdigit() for m in found)
    assert len({m.external_id for m in found}) == 15


def test_group_chat_senders_and_languages() -> None:
    found = messages(pywxdump_csv, GROUP)
    assert {(m.conversation_key, m.conversation_kind) for m in found} == {
        ("20958733221@chatroom", "group")
    }
    said = {m.sender_handle: m.text for m in found if m.kind == "text"}
    assert said["wxid_jonas_mueller"] == "Bin dabei! Soll ich Wasser und Brezeln mitbringen?"
    assert said["wxid_wangfang0707"] == "我也去～ 要不要带登山杖？"
    assert said[ME] == "车订好了，周六7:30在我家楼下上车"
    notices = [m for m in found if m.kind in ("system", "recall")]
    assert [(m.kind, m.text, m.sender_handle) for m in notices] == [
        ("system", '"李华"邀请"Jonas"、"王芳"加入了群聊', None),
        ("system", '"王芳" 拍了拍 "Jonas"', None),
        ("recall", "你撤回了一条消息", None),
    ]
    assert {m.kind for m in found} == set(KINDS) - {"voice", "video", "file"}


def test_time_is_read_in_the_zone_given() -> None:
    berlin = ImportOptions(tz=ZoneInfo("Europe/Berlin"), tz_name="Europe/Berlin")
    first = next(r for r in parse(pywxdump_csv, PRIVATE, berlin) if isinstance(r, ImportedMessage))
    assert first.sent_at.isoformat() == "2024-11-18T18:02:11+01:00"


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(pywxdump_csv.COLUMNS)
        writer.writerows(rows)
    return path


def test_spreadsheet_resaved_file(tmp_path: Path) -> None:
    """What the public sample (WeClone's test data) shows after a spreadsheet re-saved it."""
    path = _write(
        tmp_path / "resaved.csv",
        [
            [
                "1",
                "4.07393E+18",
                "文本",
                "0",
                "test_person",
                "test_person",
                "我在南站",
                "",
                "2024/10/4 11:43",
            ],
            [
                "2",
                "4073926741244663532",
                "文本",
                "1",
                "",
                "test_person",
                "Bin gleich da",
                "",
                "2024/10/4 11:44",
            ],
            [
                "3",
                "",
                "系统通知",
                "1",
                "me_wxid",
                "test_person",
                "<revokemsg>你撤回了一条消息</revokemsg>",
                "",
                "2024/10/4 21:26",
            ],
        ],
    )
    found = [m for m in pywxdump_csv.parse(path, SHANGHAI) if isinstance(m, ImportedMessage)]
    assert [
        (m.sent_at.isoformat(), m.external_id, m.sender_handle, m.is_from_me, m.kind, m.text)
        for m in found
    ] == [
        ("2024-10-04T11:43:00+08:00", None, "test_person", False, "text", "我在南站"),
        ("2024-10-04T11:44:00+08:00", "4073926741244663532", "me", True, "text", "Bin gleich da"),
        ("2024-10-04T21:26:00+08:00", None, None, True, "recall", "你撤回了一条消息"),
    ]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            ["1", "1", "文本", "0", "wxid_a", "wxid_a", "hi", "", "gestern"],
            "x.csv:2: CreateTime: not a date and time",
        ),
        (
            ["1", "1", "文本", "yes", "wxid_a", "wxid_a", "hi", "", "2024-11-18 18:05:40"],
            "x.csv:2: is_sender: not 0 or 1",
        ),
        (
            ["1", "1", "文本", "0", "wxid_a", " ", "hi", "", "2024-11-18 18:05:40"],
            "x.csv:2: room_name: missing: the chat's wxid is not given",
        ),
        (
            ["1", "1", "文本", "0", "wxid_a", "wxid_a", "hi"],
            "x.csv:2: row: has 7 fields, expected 9",
        ),
    ],
)
def test_bad_rows_name_line_and_field(tmp_path: Path, row: list[str], problem: str) -> None:
    found = list(pywxdump_csv.parse(_write(tmp_path / "x.csv", [row]), SHANGHAI))
    assert [p.render() for p in found if isinstance(p, ImportProblem)] == [problem]
    assert len(found) == 1


def test_corrupt_file_reports_where_and_keeps_going() -> None:
    found = parse(pywxdump_csv, BROKEN)
    assert [r.render() for r in found if isinstance(r, ImportProblem)] == [
        "wxid_broken_createtime.csv:4: CreateTime: not a date and time"
    ]
    assert [r.line for r in found] == [2, 4, 5]


def test_wrong_header_is_one_problem() -> None:
    assert [p.render() for p in problems(pywxdump_csv, "wrong_header.csv")] == [
        "wrong_header.csv:1: header: expected the columns "
        "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime"
    ]


def test_cli_corrupt_file_changes_nothing(cli: Cli) -> None:
    check_corrupt_import_changes_nothing(
        cli, PRIVATE, BROKEN, "wxid_broken_createtime.csv:4: CreateTime: not a date and time"
    )


def test_cli_wrong_header(cli: Cli) -> None:
    path = FIXTURES / "wrong_header.csv"
    assert cli.import_file("wrong_header.csv") == (
        2,
        "",
        f"Error: cannot tell the export format from the content, {path}, "
        "pass --format (see `ownlive import --help` for the list)\n",
    )
    code, _, err = cli.import_file("wrong_header.csv", "--format", "wechat_pywxdump_csv")
    assert code == 8
    assert err.splitlines()[1] == (
        "  wrong_header.csv:1: header: expected the columns "
        "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime"
    )
    assert cli.counts()[:4] == (0, 0, 0, 0)


def test_cli_skip_invalid_keeps_the_good_rows(cli: Cli) -> None:
    code, out, _ = cli.import_file(BROKEN, "--skip-invalid")
    assert code == 0
    flat = " ".join(out.split())
    assert "2 new, 0 already present, 1 problem(s)" in flat
    assert "skipped wxid_broken_createtime.csv:4: CreateTime: not a date and time" in flat


@pytest.mark.parametrize(("name", "count"), [(PRIVATE, 15), (GROUP, 15)])
def test_import_twice_adds_nothing(cli: Cli, name: str, count: int) -> None:
    check_import_twice(cli, name, count)


def test_opens_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    check_opens_read_only(pywxdump_csv, PRIVATE, monkeypatch)


def test_streams_in_flat_memory(tmp_path: Path) -> None:
    rows = 10_000
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(pywxdump_csv.COLUMNS)
        for i in range(rows):
            writer.writerow(
                [
                    i,
                    10**18 + i,
                    "文本",
                    i % 2,
                    LIHUA,
                    LIHUA,
                    f"第{i}条消息 – Nachricht {i}",
                    "",
                    "2024-11-18 18:05:40",
                ]
            )
    count, peak = peak_memory_while_parsing(pywxdump_csv, path)
    assert count == rows
    assert path.stat().st_size > 900_000
    assert peak < 300_000  # measured: about 90 KB, the same for 3,000 or 100,000 rows
