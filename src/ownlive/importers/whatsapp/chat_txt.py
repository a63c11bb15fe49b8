"""WhatsApp chat export (.txt, or .zip with media) from the app's "Export chat" menu.

Made by WhatsApp on Android (chat > ⋮ > More > Export chat > Without media /
Include media) or iOS (chat > contact or group name > Export Chat > Without
Media / Attach Media). Each message starts with a date/time header in the
phone's locale (see `layout`); lines without one continue the message before.
The file is read twice, streaming both times: first to settle its layout,
day/month order and who wrote in it, then to yield the messages.

What the file does not say, and what this importer does about it:
- Time zone: none is written; times are read in `ImportOptions.tz` (the CLI's
  `--tz`, else the machine's zone), so `sent_at` is aware in that zone.
- Chat id: none. The conversation key is the chat's name from the file name
  "Export chat" gave ("WhatsApp Chat with Anna.txt", "WhatsApp Chat -
  Anna.zip", localised forms), case-folded, so a later export of the same chat
  lands in the same conversation and its overlap de-duplicates. Where the name
  is gone (a bare `_chat.txt`), the key is the set of people who wrote in the
  file; a later export in which someone new writes gets a new key, and two
  chats with the same name share one (rename the file to tell them apart).
- The owner: WhatsApp does not mark which sender is the phone's owner, so
  `is_from_me` stays False.
System lines ("Loris added Emily") come out as kind "system" with no sender,
media placeholders as kind "attachment" with their text as written; a chat
in which more than two people wrote is a "group".
"""

from __future__ import annotations

import hashlib
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem
from ownlive.importers.whatsapp import fast
from ownlive.importers.whatsapp.blocks import BLOCK_BYTES, read_blocks
from ownlive.importers.whatsapp.reader import Conversation, LineReader
from ownlive.importers.whatsapp.source import (
    ZIP_MAGIC,
    ChatSource,
    NotAChatExport,
    chat_member,
    looks_like_chat,
    open_source,
    read_lines,
)
from ownlive.importers.whatsapp.survey import Survey, survey

NAME = "whatsapp_txt"
PLATFORM = "whatsapp"

_READ_ERRORS = (
    OSError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    RuntimeError,
    NotImplementedError,
)


def sniff(path: Path, head: bytes) -> bool:
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                return chat_member(archive) is not None
        except _READ_ERRORS:
            return False
    return looks_like_chat(head)


def _normal(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _conversation(source: ChatSource, surveyed: Survey) -> Conversation:
    kind = "group" if len(surveyed.senders) > 2 else "chat"
    if source.chat_name:
        return Conversation("name:" + _normal(source.chat_name), source.chat_name, kind)
    if surveyed.senders:
        names = sorted(surveyed.senders, key=_normal)
        digest = hashlib.sha256("\x1f".join(map(_normal, names)).encode()).hexdigest()
        return Conversation("members:" + digest[:24], ", ".join(names), kind)
    return Conversation("file:" + _normal(source.path.stem), source.path.stem, kind)


def _records(
    source: ChatSource, surveyed: Survey, options: ImportOptions, block_bytes: int | None
) -> Iterator[ImportedMessage | ImportProblem]:
    conversation = _conversation(source, surveyed)
    where, shape, order = source.display_path, surveyed.shape, surveyed.order
    reader = LineReader(where, conversation, shape, order, options.tz)
    with source.open() as stream:
        if block_bytes is not None:
            yield from fast.records(read_blocks(stream, block_bytes), reader)
            return
        for line in read_lines(stream):
            yield from reader.line(line)
    yield from reader.finish()


def parse(
    path: Path, options: ImportOptions, *, block_bytes: int | None = BLOCK_BYTES
) -> Iterator[ImportedMessage | ImportProblem]:
    """Messages in file order; unreadable parts come out as ImportProblem values.

    Lines are read `block_bytes` at a time (the fast path); None reads them
    one at a time, the reference path tests hold the fast one to.
    """
    where = str(path)
    try:
        source = open_source(path)
        where = source.display_path
        surveyed = survey(source, block_bytes)
        if surveyed is None:
            yield ImportProblem(where, None, "file", "not a WhatsApp chat export")
            return
        yield from _records(source, surveyed, options, block_bytes)
    except NotAChatExport:
        yield ImportProblem(where, None, "file", "no WhatsApp chat (.txt) in the zip")
    except _READ_ERRORS as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else "damaged"
        yield ImportProblem(where, None, "file", f"cannot read the file ({detail})")
