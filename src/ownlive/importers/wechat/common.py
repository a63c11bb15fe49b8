"""What the WeChat layouts share: Type/SubType codes, message kinds, times, CSV reading.

WeChat's PC database (MSG.db, client 3.x) stores every message with a `Type`
and a `SubType`; the tools copy them (WeChatMsg) or translate them into a
Chinese label (PyWxDump's `type_name`). Both end up here as one of ownlive's
message kinds.

Times: the WeChat apps run on China time, but the exporting tools write the
exporting computer's local time (PyWxDump's `CreateTime`, WeChatMsg's
`StrTime` and TXT headers) or epoch seconds (WeChatMsg's `CreateTime`). Neither
says which zone, so local times are read in `ImportOptions.tz` (what the user
passed as `--tz`), and epoch seconds are shown in that zone.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from ownlive.importers.base import ImportProblem

PLATFORM = "wechat"
ME = "me"  # sender handle for the user's own messages when the export does not name them

KINDS = (
    "text",
    "image",
    "voice",
    "video",
    "sticker",
    "location",
    "file",
    "link",
    "quote",
    "transfer",
    "call",
    "system",
    "recall",
)

# Type codes of MSG.db; 49 ("app message") is told apart by SubType below.
_TYPE_KINDS: dict[int, str] = {
    1: "text",
    3: "image",
    34: "voice",
    37: "system",  # friend request
    42: "link",  # contact or official-account card
    43: "video",
    47: "sticker",
    48: "location",
    50: "call",  # voice or video call
    65: "system",  # WeCom greeting
    66: "link",  # WeCom contact card
    10000: "system",
    10002: "system",  # <sysmsg>: revoke, pat, ...
    11000: "system",
}
_APP_KINDS: dict[int, str] = {
    0: "file",
    1: "text",  # pasted text
    6: "file",
    8: "sticker",  # uploaded GIF
    17: "location",  # live location sharing
    53: "text",  # group "接龙" list
    57: "quote",
    74: "file",  # file announced before upload
    87: "system",  # group announcement
    2000: "transfer",
    2001: "transfer",  # red packet
}
APP_MESSAGE = 49
# SubTypes of 10000 that PyWxDump labels 消息撤回 (recall).
_RECALL_SUBTYPES = frozenset({1, 5, 6, 33, 36, 57})

# PyWxDump's type_name labels (pywxdump/db/utils/common_utils.py, type_converter)
# back to the (Type, SubType) they were made from.
LABEL_CODES: dict[str, tuple[int, int]] = {
    "文本": (1, 0),
    "图片": (3, 0),
    "语音": (34, 0),
    "添加好友": (37, 0),
    "推荐公众号": (42, 0),
    "视频": (43, 0),
    "动画表情": (47, 0),
    "位置": (48, 0),
    "文件": (49, 6),
    "粘贴的文本": (49, 1),
    "(分享)音乐": (49, 3),
    "(分享)卡片式链接": (49, 5),
    "游戏相关": (49, 7),
    "用户上传的GIF表情": (49, 8),
    "位置共享": (49, 17),
    "合并转发的聊天记录": (49, 19),
    "(分享)笔记": (49, 24),
    "(分享)小程序": (49, 33),
    "(分享)收藏夹": (49, 40),
    "(分享)小说(猜)": (49, 44),
    "(分享)视频号名片": (49, 50),
    "(分享)视频号视频": (49, 51),
    "接龙": (49, 53),
    "引用回复": (49, 57),
    "视频号直播或直播回放": (49, 63),
    "文件(猜)": (49, 74),
    "群公告": (49, 87),
    "视频号直播或直播回放等": (49, 88),
    "转账": (49, 2000),
    "赠送红包封面": (49, 2003),
    "语音通话": (50, 0),
    "企业微信打招呼(猜)": (65, 0),
    "企业微信添加好友(猜)": (66, 0),
    "系统通知": (10000, 0),
    "消息撤回1": (10000, 1),
    "拍一拍": (10000, 4),
    "消息撤回5": (10000, 5),
    "消息撤回6": (10000, 6),
    "消息撤回33": (10000, 33),
    "消息撤回36": (10000, 36),
    "消息撤回57": (10000, 57),
    "邀请加群": (10000, 8000),
}


def kind_of(type_code: int, sub_type: int, text: str = "") -> str:
    """ownlive's kind for a WeChat message; unknown codes read as text."""
    if type_code == APP_MESSAGE:
        return _APP_KINDS.get(sub_type, "link")
    kind = _TYPE_KINDS.get(type_code, "text")
    if kind == "system" and (
        (type_code == 10000 and sub_type in _RECALL_SUBTYPES)
        or "撤回" in text
        or "revokemsg" in text
    ):
        return "recall"
    return kind


def kind_of_label(label: str, text: str) -> str:
    """The kind for a PyWxDump `type_name`; labels it does not know read as text.

    PyWxDump labels codes missing from its table 未知 and passes the raw
    content on: a `<sysmsg>` there is a Type 10002 line (a recall, a pat).
    """
    code = LABEL_CODES.get(label.strip())
    if code is None:
        return kind_of(10002, 0, text) if text.lstrip().startswith("<sysmsg") else "text"
    return kind_of(code[0], code[1], text)


def conversation_kind(key: str) -> str:
    """Chat rooms (group chats) have ids ending in @chatroom; everything else is 1:1."""
    return "group" if key.endswith("@chatroom") else "chat"


# Local times as the tools write them: `%Y-%m-%d %H:%M:%S` (PyWxDump, WeChatMsg);
# spreadsheets that re-save the CSV write `2024/10/4 11:43` (seen in the public
# PyWxDump sample from WeClone).
_LOCAL_TIME = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")


def parse_local_time(value: str, tz: tzinfo) -> datetime | None:
    """A wall-clock time in `tz`, an epoch (10 or 13 digits), or None when it is neither."""
    value = value.strip()
    if value.isdigit():
        return parse_epoch(value, tz)
    match = _LOCAL_TIME.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def parse_epoch(value: str, tz: tzinfo) -> datetime | None:
    """Epoch seconds (or milliseconds, 13 digits) shown in `tz`; None when not a number."""
    value = value.strip()
    if not value.isdigit():
        return None
    seconds = int(value)
    if len(value) == 13:
        seconds //= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=tz)
    except (OverflowError, OSError, ValueError):
        return None


def parse_flag(value: object) -> bool | None:
    """IsSender / is_sender: 1 or 0 (as number or text); None for anything else."""
    text = str(value).strip()
    if text in ("0", "1"):
        return text == "1"
    return None


def stable_id(value: object) -> str | None:
    """MsgSvrID as an external id: the server's id, the same in every export of the chat.

    None when it is missing, 0 (messages that never went through the server),
    or no longer exact: a spreadsheet that re-saved the CSV keeps 15 significant
    digits ("4.07393E+18", or zeros at the end), and ids mangled so would make
    different messages look like one.
    """
    text = str(value).strip() if value is not None else ""
    if not text.isdigit() or int(text) == 0:
        return None
    if len(text) > 15 and set(text[15:]) == {"0"}:
        return None
    return text


def header_fields(head: bytes) -> list[str]:
    """The first CSV line of a file's head, as stripped fields (BOM removed)."""
    text = head.decode("utf-8", errors="ignore").removeprefix("\ufeff")
    first = text.splitlines()[0] if text else ""
    try:
        rows = list(csv.reader([first]))
    except csv.Error:  # not text at all (an archive, a database)
        return []
    return [field.strip() for field in rows[0]] if rows else []


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # where the record starts in the file
    fields: list[str]


_SURROGATES = re.compile("[\udc80-\udcff]")


def undecodable(text: str) -> bool:
    """True when `text` holds bytes that were not UTF-8 (read with surrogateescape)."""
    return bool(_SURROGATES.search(text))


def read_csv(
    path: Path, header: Sequence[str], widths: Sequence[int]
) -> Iterator[Row | ImportProblem]:
    """Stream the rows of a CSV whose first line is `header`; bad rows become problems.

    Opened read-only as UTF-8 (BOM optional); invalid bytes are kept as escapes
    so that one bad row is reported instead of ending the file. The csv module's
    field size limit (128 KiB) bounds memory when a quote is never closed.
    """
    name = str(path)
    with path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        last = 0
        first = True
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                if first:
                    yield ImportProblem(name, 1, "header", "the file is empty")
                return
            except csv.Error as error:
                yield ImportProblem(name, last + 1, "row", f"not valid CSV ({error})")
                last = reader.line_num
                continue
            line, last = last + 1, reader.line_num
            if first:
                first = False
                if [f.strip() for f in fields] != list(header):
                    yield ImportProblem(
                        name, line, "header", "expected the columns " + ",".join(header)
                    )
                    return
                continue
            if not fields:
                continue  # a blank line
            # Spreadsheets that re-save the file may turn line breaks in a
            # message into CRLF; WeChat's own are LF.
            fields = [f.replace("\r\n", "\n") if "\r" in f else f for f in fields]
            if len(fields) not in widths:
                expected = " or ".join(str(w) for w in widths)
                yield ImportProblem(
                    name, line, "row", f"has {len(fields)} fields, expected {expected}"
                )
            elif undecodable("".join(fields)):
                yield ImportProblem(name, line, "row", "not valid UTF-8")
            else:
                yield Row(line, fields)
