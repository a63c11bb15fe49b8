"""Type/SubType codes to kinds, times, ids and CSV reading shared by the WeChat layouts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.importers.base import ImportProblem
from ownlive.importers.wechat.common import (
    KINDS,
    LABEL_CODES,
    Row,
    conversation_kind,
    header_fields,
    kind_of,
    kind_of_label,
    parse_epoch,
    parse_flag,
    parse_local_time,
    read_csv,
    stable_id,
)
from tests.importers.wechat.conftest import FIXTURE_FORMATS, FIXTURES

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")


def test_every_fixture_file_is_listed() -> None:
    assert {p.name for p in FIXTURES.iterdir()} == set(FIXTURE_FORMATS)


@pytest.mark.parametrize(
    ("type_code", "sub_type", "text", "kind"),
    [
        (1, 0, "明天见", "text"),
        (3, 0, "", "image"),
        (34, 0, "", "voice"),
        (43, 0, "", "video"),
        (47, 0, "", "sticker"),
        (48, 0, "", "location"),
        (42, 0, "", "link"),
        (49, 5, "", "link"),
        (49, 33, "", "link"),  # mini program
        (49, 19, "", "link"),  # forwarded chat history
        (49, 6, "", "file"),
        (49, 0, "", "file"),
        (49, 57, "", "quote"),
        (49, 2000, "", "transfer"),
        (49, 2001, "", "transfer"),
        (49, 8, "", "sticker"),
        (49, 4242, "", "link"),  # an app message this table has not met
        (50, 0, "", "call"),
        (10000, 0, "你已添加了李华，现在可以开始聊天了。", "system"),
        (10000, 0, '"李华" 撤回了一条消息', "recall"),
        (10000, 0, "你撤回了一条消息", "recall"),
        (10000, 1, "", "recall"),
        (10000, 57, "", "recall"),
        (10000, 4, '"王芳" 拍了拍 "Jonas"', "system"),
        (10002, 0, '<sysmsg type="revokemsg"><revokemsg/></sysmsg>', "recall"),
        (10002, 0, '<sysmsg type="pat"><pat/></sysmsg>', "system"),
        (37, 0, "", "system"),
        (99999, 0, "Hallo", "text"),
    ],
)
def test_kind_of_codes(type_code: int, sub_type: int, text: str, kind: str) -> None:
    assert kind_of(type_code, sub_type, text) == kind


def test_every_kind_is_reachable_from_a_code() -> None:
    reached = {
        kind_of(t, s, x)
        for t, s, x in [(10000, 1, "")] + [(t, s, "") for t, s in LABEL_CODES.values()]
    }
    assert reached == set(KINDS)


@pytest.mark.parametrize(
    ("label", "text", "kind"),
    [
        ("文本", "Guten Morgen!", "text"),
        ("图片", "图片", "image"),
        ("语音", "语音时长：2.98秒", "voice"),
        ("视频", "视频", "video"),
        ("动画表情", "表情", "sticker"),
        ("用户上传的GIF表情", "", "sticker"),
        ("位置", "纬度:【31.2】 经度:【121.4】", "location"),
        ("文件", "Reiseplan.pdf", "file"),
        ("(分享)卡片式链接", "标题", "link"),
        ("(分享)小程序", "", "link"),
        ("引用回复", "好\n\n[引用]", "quote"),
        ("转账", "转账：￥200.00", "transfer"),
        ("语音通话", "语音/视频通话[通话时长 02:15]", "call"),
        ("系统通知", "你已添加了李华", "system"),
        ("系统通知", "<revokemsg>你撤回了一条消息</revokemsg>", "recall"),
        ("消息撤回5", "", "recall"),
        ("拍一拍", '"王芳" 拍了拍 "Jonas"', "system"),
        ("邀请加群", "", "system"),
        (
            "未知",
            '<sysmsg type="revokemsg"><replacemsg>x 撤回了一条消息</replacemsg></sysmsg>',
            "recall",
        ),
        ("未知", "something new", "text"),
        (" 文本 ", "padded label", "text"),
    ],
)
def test_kind_of_pywxdump_labels(label: str, text: str, kind: str) -> None:
    assert kind_of_label(label, text) == kind


@pytest.mark.parametrize(
    ("key", "kind"),
    [("20958733221@chatroom", "group"), ("wxid_lihua1990", "chat"), ("filehelper", "chat")],
)
def test_conversation_kind(key: str, kind: str) -> None:
    assert conversation_kind(key) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-18 18:05:40", datetime(2024, 11, 18, 18, 5, 40, tzinfo=SHANGHAI)),
        ("2024/10/4 11:43", datetime(2024, 10, 4, 11, 43, tzinfo=SHANGHAI)),
        ("2024/10/04 11:43:07", datetime(2024, 10, 4, 11, 43, 7, tzinfo=SHANGHAI)),
        (" 2024-11-18T18:05:40 ", datetime(2024, 11, 18, 18, 5, 40, tzinfo=SHANGHAI)),
        ("1731924340", datetime(2024, 11, 18, 10, 5, 40, tzinfo=UTC)),
        ("1731924340123", datetime(2024, 11, 18, 10, 5, 40, tzinfo=UTC)),
        ("gestern 19:30", None),
        ("2024-02-30 18:06:02", None),
        ("2024-11-18", None),
        ("", None),
    ],
)
def test_parse_local_time(text: str, expected: datetime | None) -> None:
    found = parse_local_time(text, SHANGHAI)
    assert found == expected
    if found is not None:
        assert found.utcoffset() is not None


def test_local_time_takes_the_zone_given_including_summer_time() -> None:
    summer = parse_local_time("2024-07-01 12:00:00", BERLIN)
    winter = parse_local_time("2024-12-01 12:00:00", BERLIN)
    assert summer is not None and winter is not None
    assert (summer.isoformat(), winter.isoformat()) == (
        "2024-07-01T12:00:00+02:00",
        "2024-12-01T12:00:00+01:00",
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("1731924340", "2024-11-18T18:05:40+08:00"),
        ("0", "1970-01-01T08:00:00+08:00"),
        ("1731924340000", "2024-11-18T18:05:40+08:00"),
        ("2024-11-18 18:06:02", None),
        ("-5", None),
        ("99999999999999999999", None),
    ],
)
def test_parse_epoch_shows_the_time_in_the_zone_given(text: str, iso: str | None) -> None:
    found = parse_epoch(text, SHANGHAI)
    assert (found.isoformat() if found else None) == iso


@pytest.mark.parametrize(
    ("value", "flag"),
    [(1, True), (0, False), ("1", True), (" 0 ", False), ("TRUE", None), (2, None)],
)
def test_parse_flag(value: object, flag: bool | None) -> None:
    assert parse_flag(value) is flag


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7437267147299592543", "7437267147299592543"),
        (7437267147299592543, "7437267147299592543"),
        (" 637529293739295664 ", "637529293739295664"),
        ("0", None),
        ("", None),
        (None, None),
        ("4.07393E+18", None),  # a spreadsheet's rendering of the id
        ("4073926741244660000", None),  # 15 significant digits kept, the rest lost
        ("12345", "12345"),
    ],
)
def test_stable_id(value: object, expected: str | None) -> None:
    assert stable_id(value) == expected


@pytest.mark.parametrize(
    ("head", "fields"),
    [
        (b"id,MsgSvrID,type_name\r\n1,2,3", ["id", "MsgSvrID", "type_name"]),
        (b"\xef\xbb\xbflocalId, TalkerId\n", ["localId", "TalkerId"]),
        (b"", []),
        (b"PK\x03\x04\x14\x00\r\x00\x08\x00\n", ["PK\x03\x04\x14\x00"]),  # a zip: no error
        (b"Buchungstag;Betrag\n", ["Buchungstag;Betrag"]),
    ],
)
def test_header_fields(head: bytes, fields: list[str]) -> None:
    assert header_fields(head) == fields


def _rows(tmp_path: Path, data: bytes) -> list[Row | ImportProblem]:
    path = tmp_path / "chat.csv"
    path.write_bytes(data)
    return list(read_csv(path, ("a", "b"), (2,)))


def test_read_csv_gives_the_line_where_each_row_starts(tmp_path: Path) -> None:
    found = _rows(tmp_path, b'a,b\r\n1,"zwei\r\nZeilen"\r\n\r\n3,drei\r\n')
    assert found == [Row(2, ["1", "zwei\nZeilen"]), Row(5, ["3", "drei"])]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "chat.csv:1: header: the file is empty"),
        (b"x,y\n1,2\n", "chat.csv:1: header: expected the columns a,b"),
        (b"a,b\n1,2,3\n", "chat.csv:2: row: has 3 fields, expected 2"),
        (b"a,b\n1,\xff\xfe\n", "chat.csv:2: row: not valid UTF-8"),
        (b'a,b\n1,"open\n2,3\n', "chat.csv:2: row: not valid CSV (unexpected end of data)"),
    ],
)
def test_read_csv_reports_bad_rows_as_problems(tmp_path: Path, data: bytes, problem: str) -> None:
    found = _rows(tmp_path, data)
    assert [p.render() for p in found if isinstance(p, ImportProblem)] == [problem]


def test_read_csv_goes_on_after_a_bad_row(tmp_path: Path) -> None:
    found = _rows(tmp_path, b"a,b\n1,2,3\n4,\xff\n5,sechs\n")
    assert [r.line for r in found] == [2, 3, 4]
    assert found[-1] == Row(4, ["5", "sechs"])


def test_read_csv_bounds_a_field_that_never_ends(tmp_path: Path) -> None:
    data = b'a,b\n1,"' + b"x" * 300_000 + b"\n2,3\n"
    found = _rows(tmp_path, data)
    assert isinstance(found[0], ImportProblem)
    assert (found[0].line, found[0].field) == (2, "row")
    assert "field larger than field limit" in found[0].reason
    assert found[1:] == [Row(3, ["2", "3"])]
