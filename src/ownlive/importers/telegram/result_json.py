"""Telegram Desktop JSON export (result.json): one chat or the whole account.

Made by Telegram Desktop (tdesktop) 1.3 or later, format "Machine-readable JSON":
a chat's ⋮ menu → Export chat history writes one chat (top level `name`, `type`,
`id`, `messages`); Settings → Advanced → Export Telegram data writes the whole
account (`about`, `personal_information`, ..., `chats.list[*]` and
`left_chats.list[*]`, each a chat as above). Field names follow tdesktop's
serializer (Telegram/SourceFiles/export/output/export_output_json.cpp, 4.x/5.x).

The file is read as a stream of JSON events (ijson), one line at a time, so that
memory stays flat however long the history is and every problem names its line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ijson  # type: ignore[import-untyped]

from ownlive.importers.base import ImportOptions, ImportProblem, Record
from ownlive.importers.telegram.messages import convert_message

NAME = "telegram_json"
PLATFORM = "telegram"

_READ_LIMIT = 64 * 1024  # at most this much per read: a minified file cannot fill memory
_BOM = b"\xef\xbb\xbf"
_CHAT_LISTS = ("chats.list.item", "left_chats.list.item")
_CHAT_PREFIXES = ("", *_CHAT_LISTS)  # "" is the single-chat export's top level
_MESSAGE_ARRAYS = frozenset({"messages", *(chat + ".messages" for chat in _CHAT_LISTS)})
_MESSAGE_ITEMS = frozenset(array + ".item" for array in _MESSAGE_ARRAYS)
_SCALARS = frozenset({"string", "number", "boolean", "null"})
# Chat `type` values tdesktop writes (TypeString in export_output_json.cpp).
_CHAT_KINDS = {
    "saved_messages": "chat",
    "replies": "chat",
    "personal_chat": "chat",
    "bot_chat": "chat",
    "private_group": "group",
    "private_supergroup": "group",
    "public_supergroup": "group",
    "private_channel": "channel",
    "public_channel": "channel",
}
# Top-level keys of a whole-account export besides its leading `about`.
_ACCOUNT_KEYS = frozenset(
    {"personal_information", "profile_pictures", "contacts", "frequent_contacts", "chats"}
)


@dataclass
class Chat:
    """What the export says about the chat whose messages follow."""

    name: str | None = None
    type: str | None = None
    id: str | None = None
    fallback_title: str = "Telegram"

    @property
    def key(self) -> str:
        # The chat id is stable across exports; trimmed exports without one fall
        # back to the name, which is what a person would recognise.
        if self.id is not None:
            return self.id
        return f"name:{self.name}" if self.name else "unnamed"

    @property
    def title(self) -> str:
        if self.name:
            return self.name
        return "Saved Messages" if self.type == "saved_messages" else self.fallback_title

    @property
    def kind(self) -> str:
        return _CHAT_KINDS.get(self.type or "", "chat")


class _Pending:
    """One message being assembled from events, with the line of each field."""

    def __init__(self, prefix: str, line: int) -> None:
        self.prefix = prefix
        self.line = line
        self.field_lines: dict[str, int] = {}
        self.builder = ijson.ObjectBuilder()
        self.builder.event("start_map", None)

    def feed(self, prefix: str, event: str, value: Any, line: int) -> bool:
        """Take one event; True when the message's object is complete."""
        if prefix == self.prefix:
            if event == "end_map":
                return True
            if event == "map_key":
                self.field_lines[value] = line
        self.builder.event(event, value)
        return False

    @property
    def value(self) -> dict[str, Any]:
        built: dict[str, Any] = self.builder.value
        return built


class _Reader:
    def __init__(self, path: Path, options: ImportOptions) -> None:
        self.path = path
        self.options = options
        self.chat = Chat(fallback_title=path.stem)
        self.me: str | None = None  # from_id of the account owner, full exports only
        self.pending: _Pending | None = None
        self.saw_messages = False
        self.is_object: bool | None = None
        self.out: list[Record] = []

    def problem(self, line: int | None, field: str, reason: str) -> ImportProblem:
        return ImportProblem(str(self.path), line, field, reason)

    def run(self, handle: Any) -> Iterator[Record]:
        events = ijson.sendable_list()
        coro = ijson.parse_coro(events)
        out = self.out
        line = last_line = 1
        # One line per send: every event then belongs to a known line (tdesktop
        # writes one field per line), at the cost of a call per line.
        while chunk := handle.readline(_READ_LIMIT):
            if line == 1 and chunk.startswith(_BOM):
                chunk = chunk[len(_BOM) :]
            last_line = line
            try:
                coro.send(chunk)
            except ijson.JSONError:
                # ijson's message quotes the text around the error: never shown.
                self.drain(events, line)
                out.append(self.problem(line, "json", "not valid JSON here"))
                yield from out
                return
            if events:
                self.drain(events, line)
                if out:
                    yield from out
                    out.clear()
                if self.is_object is False:
                    yield self.problem(1, "json", "the top level is not an object")
                    return
            if chunk[-1:] == b"\n":
                line += 1
        try:
            coro.close()
        except ijson.JSONError:
            self.drain(events, last_line)
            out.append(
                self.problem(last_line, "json", "the file ends early (cut off while copying?)")
            )
            yield from out
            return
        self.drain(events, last_line)
        yield from out
        if not self.saw_messages:
            yield self.problem(
                None, "messages", "no message list found (is this Telegram Desktop's result.json?)"
            )

    def drain(self, events: list[tuple[str, str, Any]], line: int) -> None:
        """Turn the events of one line into records, appended to `out`."""
        for prefix, event, value in events:
            pending = self.pending
            if pending is not None:
                if pending.feed(prefix, event, value, line):
                    self.pending = None
                    record = convert_message(
                        pending.value,
                        pending.line,
                        pending.field_lines,
                        self.chat,
                        self.me,
                        self.path,
                        self.options,
                    )
                    if record is not None:
                        self.out.append(record)
            elif prefix in _MESSAGE_ITEMS:
                if event == "start_map":
                    self.pending = _Pending(prefix, line)
                elif event in _SCALARS or event == "start_array":
                    self.out.append(self.problem(line, "messages", "a message is not an object"))
            else:
                self.structure(prefix, event, value)
        del events[:]

    def structure(self, prefix: str, event: str, value: Any) -> None:
        """Follow the chats and the owner's id around the messages."""
        if self.is_object is None:
            self.is_object = prefix == "" and event == "start_map"
        elif prefix in _CHAT_LISTS and event == "start_map":
            self.chat = Chat(fallback_title=self.path.stem)
        elif prefix in _MESSAGE_ARRAYS and event == "start_array":
            self.saw_messages = True
        elif prefix == "personal_information.user_id" and event in _SCALARS:
            self.me = str(value)
        elif event in _SCALARS:
            parent, _, key = prefix.rpartition(".")
            if parent in _CHAT_PREFIXES and key in ("name", "type", "id") and value is not None:
                setattr(self.chat, key, str(value))


def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    try:
        handle = path.open("rb")  # read-only: the user's export is never changed
    except OSError as error:
        yield ImportProblem(str(path), None, "file", f"cannot be read ({error.strerror})")
        return
    with handle:
        yield from _Reader(path, options).run(handle)


def sniff(path: Path, head: bytes) -> bool:
    """A JSON object shaped like a tdesktop export, judged from its first bytes."""
    events = ijson.sendable_list()
    # The head is usually cut off mid-file: the events before the cut are what counts.
    with contextlib.suppress(ijson.JSONError):
        ijson.parse_coro(events).send(head.removeprefix(_BOM))
    if not events or tuple(events[0]) != ("", "start_map", None):
        return False
    top_keys = [value for prefix, event, value in events if prefix == "" and event == "map_key"]
    if top_keys[:1] == ["about"] and _ACCOUNT_KEYS.intersection(top_keys):
        return True
    for prefix, event, value in events:
        if prefix in _MESSAGE_ITEMS and event == "map_key" and value == "date_unixtime":
            return True
        # Exports older than `date_unixtime` still name a tdesktop chat type.
        if (
            event == "string"
            and value in _CHAT_KINDS
            and (prefix == "chats.list.item.type" or (prefix == "type" and "messages" in top_keys))
        ):
            return True
    return False
