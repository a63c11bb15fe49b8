"""Opening a WhatsApp chat export read-only: the `.txt`, or the chat inside the `.zip`.

"Export chat" writes `WhatsApp Chat with Anna.txt` (Android), or with
"Attach media" a zip: Android's holds `WhatsApp Chat with Anna.txt` beside the
media, iOS's (`WhatsApp Chat - Anna.zip`) holds `_chat.txt`. Zips made on a
Mac also carry `__MACOSX/._*` AppleDouble entries, which are metadata, never
the chat. Lines are read as bytes and cut at LF, so CRLF and LF mixed in one
file (iOS writes the lines of a poll with LF only) read the same.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from ownlive.importers.whatsapp.layout import match_header

HEAD_BYTES = 64 * 1024
# WhatsApp caps a message at 65,536 characters (at most 256 KiB of UTF-8), so
# a longer line is not from WhatsApp; reading stops there to keep memory flat.
MAX_LINE_BYTES = 1 << 20
ZIP_MAGIC = b"PK\x03\x04"

# The file names "Export chat" gives, by phone language; the chat's name is
# the stable part of them (a browser's " (1)" for a second download is not).
_CHAT_FILE_NAMES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"WhatsApp Chat with (?P<name>.+)",  # en, Android
        r"WhatsApp Chat - (?P<name>.+)",  # en, iOS
        r"WhatsApp[- ]Chat mit (?P<name>.+)",  # de
        r"Chat de WhatsApp con (?P<name>.+)",  # es
        r"与(?P<name>.+?)的\s*WhatsApp\s*聊天",  # zh-CN
        r"與(?P<name>.+?)的\s*WhatsApp\s*對話",  # zh-TW
    )
)
_DOWNLOAD_COPY = re.compile(r"\s*\(\d+\)$")


class NotAChatExport(Exception):
    """Raised by `open_source` for a zip with no WhatsApp chat in it (never leaves parse)."""


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based
    text: str | None  # None when the line cannot be read (see `error`)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ChatSource:
    path: Path
    member: str | None  # the chat's .txt inside a zip; None for a plain .txt
    chat_name: str | None  # from the file names, where "Export chat" put it there

    @property
    def display_path(self) -> str:
        """What problems name: the file, or `export.zip!_chat.txt` for a zipped chat."""
        if self.member is None:
            return str(self.path)
        return f"{self.path}!{PurePosixPath(self.member).name}"

    @contextlib.contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        if self.member is None:
            with self.path.open("rb") as handle:
                yield handle
        else:
            with zipfile.ZipFile(self.path) as archive, archive.open(self.member) as handle:
                yield handle


def chat_name_from(file_name: str) -> str | None:
    stem = _DOWNLOAD_COPY.sub("", PurePosixPath(file_name).stem)
    for pattern in _CHAT_FILE_NAMES:
        found = pattern.fullmatch(stem)
        if found:
            return unicodedata.normalize("NFC", found["name"].strip()) or None
    return None


def looks_like_chat(head: bytes) -> bool:
    """Whether the first non-blank line of `head` is a WhatsApp message header."""
    if b"\x00" in head:
        return False
    for raw in head.split(b"\n", 64)[:64]:
        text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
        text = without_direction_marks(text).rstrip("\r")
        if text.strip():
            return match_header(text) is not None
    return False


def _is_apple_double(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return "__MACOSX" in parts or parts[-1].startswith("._")


def chat_member(archive: zipfile.ZipFile) -> str | None:
    """The zip entry holding the chat: `_chat.txt` or a "WhatsApp Chat ..." `.txt` first."""
    candidates = [
        info.filename
        for info in archive.infolist()
        if not info.is_dir()
        and info.filename.lower().endswith(".txt")
        and not _is_apple_double(info.filename)
    ]

    def rank(name: str) -> tuple[bool, bool, int, str]:
        base = PurePosixPath(name).name
        return (base != "_chat.txt", chat_name_from(base) is None, name.count("/"), name)

    # A chat can carry .txt documents as media; only a file that starts
    # like a chat is one.
    for name in sorted(candidates, key=rank)[:20]:
        with archive.open(name) as handle:
            if looks_like_chat(handle.read(HEAD_BYTES)):
                return name
    return None


def open_source(path: Path) -> ChatSource:
    """Where the chat's lines are; raises OSError, zipfile errors or NotAChatExport."""
    with path.open("rb") as handle:
        is_zip = handle.read(len(ZIP_MAGIC)) == ZIP_MAGIC
    if not is_zip:
        return ChatSource(path, None, chat_name_from(path.name))
    with zipfile.ZipFile(path) as archive:
        member = chat_member(archive)
    if member is None:
        raise NotAChatExport
    name = chat_name_from(path.name) or chat_name_from(PurePosixPath(member).name)
    return ChatSource(path, member, name)


def without_direction_marks(text: str) -> str:
    # WhatsApp puts U+200E/U+200F before system lines, attachments and unsaved
    # numbers: invisible, and in the way of every pattern. (`in` before
    # `replace`: most lines have none, and str.translate is five times slower.)
    if "\u200e" in text:
        text = text.replace("\u200e", "")
    if "\u200f" in text:
        text = text.replace("\u200f", "")
    return text


def decode_line(number: int, raw: bytes) -> Line:
    """Line `number` from its bytes without the LF: CR, BOM (line 1) and directional marks gone."""
    raw = raw.removesuffix(b"\r")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Line(number, None, "not valid UTF-8")
    if number == 1:
        text = text.removeprefix("\ufeff")
    return Line(number, without_direction_marks(text))


def overlong_line(number: int) -> Line:
    return Line(number, None, f"line longer than {MAX_LINE_BYTES} bytes")


def read_lines(stream: IO[bytes]) -> Iterator[Line]:
    """The stream's lines without line ends or directional marks, one at a time.

    The reference reader: `blocks.read_blocks` reads the same lines many at a
    time and must agree with it line for line.
    """
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        # Measured, not inferred from the limit: a zip member's readline
        # (io.BufferedIOBase.readline over peek) can return more than asked.
        if len(raw) - raw.endswith(b"\n") > MAX_LINE_BYTES:
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(MAX_LINE_BYTES)
            yield overlong_line(number)
            continue
        yield decode_line(number, raw.removesuffix(b"\n"))
