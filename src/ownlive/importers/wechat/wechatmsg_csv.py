"""WeChat chat CSV written by WeChatMsg's "export CSV" (`{remark}_utf8.csv`, UTF-8 with BOM).

Layout of LC044/WeChatMsg, the PyQt app of 2023-2024 (versions up to 2.0.x;
`app/util/exporter/exporter_csv.py`, earlier `app/DataBase/exporter_csv.py`),
one chat per file:

    localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender

- The first nine columns are MSG.db's own: `Type`/`SubType` codes (see
  `common`), `IsSender`, `CreateTime` in epoch seconds (shown in `--tz`),
  `StrContent` raw (text, or WeChat's XML for other types; see `content`),
  `StrTime` the same time as local text (not used).
- `Remark`, `NickName`, `Sender` name who sent it (a group member, the contact
  or the user, with wxid). The older exporter wrote them for group chats only:
  rows of a private chat there have nine fields.
- `localId` is the row's id in one computer's database and `TalkerId` a local
  number for the chat, neither stable across devices; the file has no server
  id, so messages get no external id and re-imports are matched by content.

The file never names the chat itself. A private chat is keyed by the contact's
wxid (its `Sender` on incoming rows: the same key as PyWxDump's `room_name`);
a chat with two or more other senders is a group, keyed by the file's title
(WeChatMsg names the file after the chat's remark). Telling the two apart
takes a first pass over the file, which stops at the second other sender; a
group in which only one other member ever wrote reads as a private chat.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record
from ownlive.importers.wechat.common import ME, header_fields, parse_epoch, parse_flag, read_csv
from ownlive.importers.wechat.content import describe

NAME = "wechat_wechatmsg_csv"
PLATFORM = "wechat"

COLUMNS = (
    "localId",
    "TalkerId",
    "Type",
    "SubType",
    "IsSender",
    "CreateTime",
    "Status",
    "StrContent",
    "StrTime",
    "Remark",
    "NickName",
    "Sender",
)
WIDTHS = (12, 9)
_SYSTEM_TYPES = ("10000", "10002")


def sniff(path: Path, head: bytes) -> bool:
    return header_fields(head) == list(COLUMNS)


@dataclass(frozen=True)
class _Chat:
    key: str
    title: str
    kind: str
    contact: str | None  # the other side's wxid in a private chat


def _title(path: Path) -> str:
    return path.stem.removesuffix("_utf8") or path.stem


def _survey(path: Path) -> _Chat:
    """Who the chat is with, from a first pass over the file."""
    title = _title(path)
    others: dict[str, str] = {}
    for item in read_csv(path, COLUMNS, WIDTHS):
        if isinstance(item, ImportProblem) or len(item.fields) < len(COLUMNS):
            continue
        fields = item.fields
        sender = fields[11].strip()
        if fields[2].strip() in _SYSTEM_TYPES or parse_flag(fields[4]) is not False or not sender:
            continue
        others.setdefault(sender, fields[9].strip() or fields[10].strip())
        if len(others) > 1:
            return _Chat(f"wechatmsg:{title}", title, "group", None)
    if len(others) == 1:
        ((wxid, name),) = others.items()
        return _Chat(wxid, name or title, "chat", wxid)
    return _Chat(f"wechatmsg:{title}", title, "chat", None)


def _message(
    path: str, line: int, fields: list[str], chat: _Chat, options: ImportOptions
) -> Record:
    codes: list[int] = []
    for column, value in (("Type", fields[2]), ("SubType", fields[3])):
        if not value.strip().isdigit():
            return ImportProblem(path, line, column, "not a number")
        codes.append(int(value))
    is_sender = parse_flag(fields[4])
    if is_sender is None:
        return ImportProblem(path, line, "IsSender", "not 0 or 1")
    sent_at = parse_epoch(fields[5], options.tz)
    if sent_at is None:
        return ImportProblem(path, line, "CreateTime", "not a time in seconds since 1970")
    kind, text = describe(codes[0], codes[1], fields[7])
    remark, nickname, sender = (f.strip() for f in fields[9:12]) if len(fields) > 9 else ("",) * 3
    handle: str | None
    name: str | None = remark or nickname or None
    if kind in ("system", "recall"):
        handle = name = None
    elif sender:
        handle = sender
    elif is_sender:
        handle = ME
    else:
        handle, name = chat.contact or chat.title, name or chat.title
    return ImportedMessage(
        conversation_key=chat.key,
        conversation_title=chat.title,
        sent_at=sent_at,
        text=text,
        sender_handle=handle,
        sender_name=name,
        is_from_me=is_sender,
        kind=kind,
        external_id=None,
        conversation_kind=chat.kind,
        line=line,
    )


def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    name = str(path)
    chat = _survey(path)
    for item in read_csv(path, COLUMNS, WIDTHS):
        if isinstance(item, ImportProblem):
            yield item
        else:
            yield _message(name, item.line, item.fields, chat, options)
