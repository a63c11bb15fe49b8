"""WeChat chat CSV written by PyWxDump's "export CSV" (`{wxid}_{start}_{end}.csv`).

Layout of PyWxDump 3.x (`pywxdump/api/export/exportCSV.py`, earlier
`pywxdump/db/export/exportCSV.py`; checked at xaoyaoo/PyWxDump commit
0c727dc), one chat per file, split into pages of 5,000 messages, UTF-8:

    id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime

- `room_name` is the chat: the contact's wxid, or `...@chatroom` for a group.
- `talker` is who sent it: the contact, a group member's wxid, the user's own
  wxid (or 我, PyWxDump's default) when `is_sender` is 1, 系统 for group notices.
- `type_name` is a Chinese label for WeChat's (Type, SubType) (see `common`).
- `msg` is already readable text (图片, 表情, "语音时长：3.00秒", a link's title
  and URL, a quote with its [引用] line); system lines may keep markup.
- `CreateTime` is local time `%Y-%m-%d %H:%M:%S` of the computer that exported
  it, read in `--tz`; `2024/10/4 11:43` when a spreadsheet re-saved the file.
- `MsgSvrID` is the server's message id, the same in every export, so it is
  the external id (see `common.stable_id`); `id` is only the row number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record
from ownlive.importers.wechat.common import (
    ME,
    conversation_kind,
    header_fields,
    kind_of_label,
    parse_flag,
    parse_local_time,
    read_csv,
    stable_id,
)
from ownlive.importers.wechat.content import system_text

NAME = "wechat_pywxdump_csv"
PLATFORM = "wechat"

COLUMNS = (
    "id",
    "MsgSvrID",
    "type_name",
    "is_sender",
    "talker",
    "room_name",
    "msg",
    "src",
    "CreateTime",
)


def sniff(path: Path, head: bytes) -> bool:
    return header_fields(head) == list(COLUMNS)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def pywxdump_message(
    path: str, line: int, record: Mapping[str, object], options: ImportOptions
) -> Record:
    """One PyWxDump record (a CSV row or a JSON object) as a message or a problem."""
    room = _text(record.get("room_name")).strip()
    if not room:
        return ImportProblem(path, line, "room_name", "missing: the chat's wxid is not given")
    is_sender = parse_flag(record.get("is_sender"))
    if is_sender is None:
        return ImportProblem(path, line, "is_sender", "not 0 or 1")
    sent_at = parse_local_time(_text(record.get("CreateTime")), options.tz)
    if sent_at is None:
        return ImportProblem(path, line, "CreateTime", "not a date and time")
    raw = _text(record.get("msg"))
    kind = kind_of_label(_text(record.get("type_name")), raw)
    talker = _text(record.get("talker")).strip()
    handle: str | None
    if kind in ("system", "recall"):
        text, handle = system_text(raw), None
    else:
        # PyWxDump leaves talker empty when it cannot tell; in a 1:1 chat the
        # other side is the chat itself.
        text, handle = raw, talker or (ME if is_sender else room)
    return ImportedMessage(
        conversation_key=room,
        conversation_title=room,
        sent_at=sent_at,
        text=text,
        sender_handle=handle,
        sender_name=None,
        is_from_me=is_sender,
        kind=kind,
        external_id=stable_id(record.get("MsgSvrID")),
        conversation_kind=conversation_kind(room),
        line=line,
        wall_clock=True,  # local time as the exporting computer showed it
    )


def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    name = str(path)
    for item in read_csv(path, COLUMNS, (len(COLUMNS),)):
        if isinstance(item, ImportProblem):
            yield item
        else:
            yield pywxdump_message(
                name, item.line, dict(zip(COLUMNS, item.fields, strict=True)), options
            )
