"""WeChat chat JSON written by PyWxDump's "export JSON" (`{wxid}_{start}_{end}.json`).

Layout of PyWxDump 3.x (`pywxdump/api/export/exportJSON.py`; checked at
xaoyaoo/PyWxDump commit 0c727dc): `json.dump(..., ensure_ascii=False,
indent=4)` of one list of message objects with the CSV's fields plus `extra`:

    [{"id": 1, "MsgSvrID": "7437267147299592543", "type_name": "文本",
      "is_sender": 0, "talker": "wxid_...", "room_name": "wxid_...",
      "msg": "...", "src": "", "extra": {}, "CreateTime": "2024-10-04 11:42:10"}, ...]

The fields mean what they mean in the CSV (see `pywxdump_csv`). The array is
read one object at a time, so memory stays flat however long the chat is;
a problem names the line where its object starts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ownlive.importers.base import ImportOptions, ImportProblem, Record
from ownlive.importers.wechat.pywxdump_csv import pywxdump_message

NAME = "wechat_pywxdump_json"
PLATFORM = "wechat"

CHUNK = 1 << 16
MAX_OBJECT = 8 << 20  # a message object larger than this is taken to be broken
_NON_SPACE = re.compile(r"[^ \t\r\n]")
_KEYS = (b'"MsgSvrID"', b'"type_name"', b'"room_name"', b'"is_sender"')


def sniff(path: Path, head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"["):
        return False
    return text[1:].lstrip(b" \t\r\n").startswith(b"{") and all(k in head for k in _KEYS)


class _Cursor:
    """A window over the file: parses one JSON value at a time, counting lines."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.buf = ""
        self.pos = 0
        self.line = 1  # line of buf[pos]
        self.eof = False
        self.decoder = json.JSONDecoder()

    def fill(self) -> bool:
        chunk = self.handle.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            match = _NON_SPACE.search(self.buf, self.pos)
            end = match.start() if match else len(self.buf)
            self.line += self.buf.count("\n", self.pos, end)
            self.pos = end
            if match:
                return self.buf[end]
            if not self.fill():
                return ""

    def value(self) -> object:
        """The value at the cursor; JSONDecodeError when it is broken or cut off."""
        while True:
            try:
                found, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if self.eof or len(self.buf) - self.pos > MAX_OBJECT or not self.fill():
                    raise
                continue
            if end == len(self.buf) and not self.eof and not isinstance(found, dict | list):
                self.fill()  # a number at the end of the window may go on
                continue
            self.line += self.buf.count("\n", self.pos, end)
            self.pos = end
            return found


def _elements(path: Path, handle: TextIO) -> Iterator[tuple[int, object] | ImportProblem]:
    name = str(path)
    cursor = _Cursor(handle)
    if cursor.peek() != "[":
        yield ImportProblem(name, cursor.line, "json", "expected a JSON array of messages")
        return
    cursor.pos += 1
    if cursor.peek() == "]":
        return
    while True:
        start = cursor.line
        try:
            found = cursor.value()
        except json.JSONDecodeError as error:
            if cursor.eof and not cursor.buf.rstrip().endswith("]"):
                reason = "the file ends inside this message (truncated)"
            else:
                start += cursor.buf.count("\n", cursor.pos, error.pos)
                reason = f"not valid JSON ({error.msg})"
            yield ImportProblem(name, start, "json", reason)
            return
        yield start, found
        following = cursor.peek()
        cursor.pos += 1
        if following == "]":
            if cursor.peek():
                yield ImportProblem(name, cursor.line, "json", "text after the closing ]")
            return
        if following != ",":
            reason = "the file ends before the closing ] (truncated)"
            if following:
                reason = "expected , or ] after a message"
            yield ImportProblem(name, cursor.line, "json", reason)
            return
        cursor.peek()


def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    name = str(path)
    with path.open("r", encoding="utf-8-sig") as handle:
        try:
            for item in _elements(path, handle):
                if isinstance(item, ImportProblem):
                    yield item
                elif isinstance(item[1], dict):
                    yield pywxdump_message(name, item[0], item[1], options)
                else:
                    yield ImportProblem(name, item[0], "message", "not a JSON object")
        except UnicodeDecodeError:
            yield ImportProblem(name, None, "json", "not valid UTF-8")
