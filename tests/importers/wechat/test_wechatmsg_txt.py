"""WeChatMsg's TXT export, both generations: records, kinds, who is who, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ownlive.importers.base import ImportedMessage, ImportProblem
from ownlive.importers.wechat import wechatmsg_txt
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

PRIVATE = "李华.txt"  # the PyQt app's layout
GROUP = "周末徒步群.txt"  # the 2025 rewrite's layout
BROKEN = "坏日期.txt"

# (file, kind) -> (text, sender) for the first message of that kind.
KINDS: dict[tuple[str, str], tuple[str, str | None]] = {
    (PRIVATE, "text"): ("周五晚上一起吃火锅吗？", "李华"),
    (PRIVATE, "image"): ("[图片]", "李华"),
    (PRIVATE, "voice"): ("[语音]", "张伟"),
    (PRIVATE, "video"): ("[视频]", "李华"),
    (PRIVATE, "sticker"): ("[表情包]", "张伟"),
    (PRIVATE, "file"): ("[文件]", "张伟"),
    (PRIVATE, "link"): (
        "[链接]:title:上海周末去哪儿｜10家新开的火锅店\ndescription:吃货必看\n"
        "url:https://mp.weixin.qq.com/s/Xq3vR8kLmN2pQ\nname:公众号",
        "李华",
    ),
    (PRIVATE, "quote"): ("就去第三家吧\n引用:李华:上海周末去哪儿｜10家新开的火锅店", "张伟"),
    (PRIVATE, "system"): ("你已添加了李华，现在可以开始聊天了。", None),
    (GROUP, "text"): ("这周六去爬佘山吗？早上8点人民广场集合", "李华"),
    (GROUP, "image"): ("【图片】", "王芳"),
    (GROUP, "sticker"): ("【表情包】", "Jonas"),
    (GROUP, "link"): (
        "【分享链接】\n标题：佘山国家森林公园游览攻略\n描述：开放时间 6:00-17:00\n"
        "链接: https://mp.weixin.qq.com/s/Sheshan2024\n应用：",
        "李华",
    ),
    (GROUP, "quote"): ("Perfekt, danke!\n引用：张伟: 车订好了，周六7:30在我家楼下上车", "Jonas"),
    (GROUP, "location"): (
        "【位置分享】\n坐标: (31.0967,121.1901)\n名称: 佘山国家森林公园\n"
        "标签: 上海市松江区外青松公路9258号",
        "王芳",
    ),
    (GROUP, "transfer"): ("【发起转账】:￥50.00\n备注: Mietwagen", "Jonas"),
    (GROUP, "call"): ("【音视频通话】\n通话时长 00:42", "李华"),
    (GROUP, "system"): ('"李华"邀请"Jonas"、"王芳"加入了群聊', None),
    (GROUP, "recall"): ("你撤回了一条消息", None),
}


@pytest.mark.parametrize("name", sorted(FIXTURE_FORMATS))
def test_sniff(name: str) -> None:
    check_sniff(wechatmsg_txt, name)


@pytest.mark.parametrize("name", [PRIVATE, GROUP, BROKEN])
def test_detected_by_content(name: str) -> None:
    check_detected(wechatmsg_txt, name)


@pytest.mark.parametrize(("where", "expected"), KINDS.items(), ids=[f"{f}-{k}" for f, k in KINDS])
def test_every_kind(where: tuple[str, str], expected: tuple[str, str | None]) -> None:
    name, kind = where
    text, sender = expected
    first = next(m for m in messages(wechatmsg_txt, name) if m.kind == kind)
    assert first.text.rstrip() == text
    assert first.sender_handle == sender


def test_private_chat_knows_the_user_by_the_files_title() -> None:
    found = messages(wechatmsg_txt, PRIVATE)
    assert len(found) == 11
    assert {(m.conversation_key, m.conversation_title, m.conversation_kind) for m in found} == {
        ("wechatmsg:李华", "李华", "chat")
    }
    assert {m.sender_handle for m in found if m.is_from_me} == {"张伟"}
    assert {m.sender_handle for m in found if not m.is_from_me} == {"李华", None}
    assert [m.line for m in found[:4]] == [1, 3, 6, 10]
    assert found[2].text == "好啊！明天晚上7点在南京西路1266号见？\n我订位子"
    assert found[2].sent_at.isoformat() == "2024-11-18T18:06:02+08:00"
    assert all(m.external_id is None for m in found)


def test_group_chat() -> None:
    found = messages(wechatmsg_txt, GROUP)
    assert len(found) == 15
    assert {(m.conversation_key, m.conversation_kind) for m in found} == {
        ("wechatmsg:周末徒步群", "group")
    }
    assert {m.sender_handle for m in found} == {"李华", "Jonas", "王芳", "张伟", None}
    assert not any(m.is_from_me for m in found)  # the documented limit for groups
    assert "Bin dabei! Soll ich Wasser und Brezeln mitbringen?" in {m.text for m in found}


def _parse(tmp_path: Path, text: str, name: str = "Tom.txt") -> list[str | tuple[object, ...]]:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return [
        r.render()
        if isinstance(r, ImportProblem)
        else (r.line, r.sender_handle, r.is_from_me, r.kind, r.text)
        for r in wechatmsg_txt.parse(path, SHANGHAI)
    ]


def test_escaped_names_and_windows_line_ends(tmp_path: Path) -> None:
    text = (
        "2024-11-18 18:05:40 Tom &amp; Jerry\r\nHallo!\r\n\r\n"
        "2024-11-18 18:06:00 Tom\r\nna?\r\n\r\n"
        "2024-11-18 18:07:00 O\\'Brien\r\nHi there\r\n\r\n"
    )
    assert _parse(tmp_path, text) == [
        (1, "Tom & Jerry", False, "text", "Hallo!"),
        (4, "Tom", False, "text", "na?"),
        (7, "O'Brien", False, "text", "Hi there"),
    ]


def test_a_line_like_a_header_inside_a_message_stays_in_it(tmp_path: Path) -> None:
    text = "2024-11-18 18:05:40 Tom\nzuerst\n2024-11-18 18:05:41 steht hier\n\n"
    assert _parse(tmp_path, text) == [
        (1, "Tom", False, "text", "zuerst\n2024-11-18 18:05:41 steht hier"),
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "Buchungstag;Betrag\n18.11.2024;-23,47\n",
            "Tom.txt:1: header: expected a line starting with a time",
        ),
        ("2024-13-01 18:05:40 Tom\nhi\n\n", "Tom.txt:1: time: not a date and time"),
    ],
)
def test_bad_files(tmp_path: Path, text: str, problem: str) -> None:
    assert [r for r in _parse(tmp_path, text) if isinstance(r, str)] == [problem]


def test_invalid_utf8_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "Tom.txt"
    path.write_bytes("2024-11-18 18:05:40 Tom\nkaputt \xff\n\n".encode("latin-1"))
    (found,) = wechatmsg_txt.parse(path, SHANGHAI)
    assert isinstance(found, ImportProblem)
    assert found.render() == "Tom.txt:1: text: not valid UTF-8"


def test_a_record_that_never_ends_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "Tom.txt"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("2024-11-18 18:05:40 Tom\n")
        for _ in range(30_000):
            handle.write("eine sehr lange Zeile ohne Leerzeile dazwischen\n")
    found = list(wechatmsg_txt.parse(path, SHANGHAI))
    assert [r.render() for r in found if isinstance(r, ImportProblem)] == [
        "Tom.txt:1: text: longer than 1 MiB; not a chat message"
    ]


def test_corrupt_file_reports_where() -> None:
    found = parse(wechatmsg_txt, BROKEN)
    assert [r.render() if isinstance(r, ImportProblem) else r.line for r in found] == [
        1,
        "坏日期.txt:4: time: not a date and time",
        7,
    ]
    assert isinstance(found[-1], ImportedMessage)
    assert found[-1].text == "Super, bis Freitag!"


def test_cli_corrupt_file_changes_nothing(cli: Cli) -> None:
    check_corrupt_import_changes_nothing(
        cli, PRIVATE, BROKEN, "坏日期.txt:4: time: not a date and time"
    )


@pytest.mark.parametrize(("name", "count"), [(PRIVATE, 11), (GROUP, 15)])
def test_import_twice_adds_nothing(cli: Cli, name: str, count: int) -> None:
    check_import_twice(cli, name, count)


def test_opens_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    check_opens_read_only(wechatmsg_txt, PRIVATE, monkeypatch)


def test_streams_in_flat_memory(tmp_path: Path) -> None:
    rows = 10_000
    path = tmp_path / "李华.txt"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(rows):
            name = "张伟" if i % 2 else "李华"
            stamp = f"2024-11-18 18:{i // 60 % 60:02d}:{i % 60:02d}"
            handle.write(f"{stamp} {name}\n第{i}条消息 – Nachricht {i}\n\n")
    count, peak = peak_memory_while_parsing(wechatmsg_txt, path)
    assert count == rows
    assert path.stat().st_size > 400_000
    assert peak < 200_000
