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
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem
from ownlive.importers.whatsapp.body import is_attachment, split_sender
from ownlive.importers.whatsapp.layout import (
    DateOrder,
    DateOrderVotes,
    Shape,
    header_date,
    match_header,
    naive_datetime,
    order_name,
)
from ownlive.importers.whatsapp.source import (
    ZIP_MAGIC,
    ChatSource,
    NotAChatExport,
    chat_member,
    looks_like_chat,
    open_source,
    read_lines,
)

NAME = "whatsapp_txt"
PLATFORM = "whatsapp"

# Longer than any WhatsApp message (65,536 characters); keeps memory flat on
# a file that is not what it claims to be.
MAX_MESSAGE_CHARS = 1 << 17
# WhatsApp groups hold at most 1,024 members.
MAX_PARTICIPANTS = 4096
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


@dataclass
class _ShapeStats:
    headers: int = 0
    votes: DateOrderVotes = field(default_factory=DateOrderVotes)
    senders: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Survey:
    shape: Shape
    order: DateOrder
    senders: frozenset[str]


# Headers after which a survey may stop (see _survey): large enough that every
# sender of a group has spoken, small enough to keep big files a single pass.
SURVEY_ENOUGH = 20_000


def _survey(source: ChatSource) -> _Survey | None:
    """First pass: the file's header layout, day/month order and senders (None: no headers)."""
    stats: dict[Shape, _ShapeStats] = {}
    with source.open() as stream:
        for line in read_lines(stream):
            header = match_header(line.text) if line.text is not None else None
            if header is None:
                continue
            seen = stats.setdefault(header.shape, _ShapeStats())
            seen.headers += 1
            seen.votes.add(header)
            name, _ = split_sender(header.rest)
            if name is not None and len(seen.senders) < MAX_PARTICIPANTS:
                seen.senders.add(name)
            if seen.headers >= SURVEY_ENOUGH and source.chat_name and seen.votes.decisive():
                # The order is settled and the key comes from the chat's name:
                # reading the rest would only repeat what these lines showed.
                break
    if not stats:
        return None
    shape, best = max(stats.items(), key=lambda item: item[1].headers)
    return _Survey(shape, best.votes.decide(), frozenset(best.senders))


def _normal(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@dataclass(frozen=True)
class _Conversation:
    key: str
    title: str
    kind: str


def _conversation(source: ChatSource, survey: _Survey) -> _Conversation:
    kind = "group" if len(survey.senders) > 2 else "chat"
    if source.chat_name:
        return _Conversation("name:" + _normal(source.chat_name), source.chat_name, kind)
    if survey.senders:
        names = sorted(survey.senders, key=_normal)
        digest = hashlib.sha256("\x1f".join(map(_normal, names)).encode()).hexdigest()
        return _Conversation("members:" + digest[:24], ", ".join(names), kind)
    return _Conversation("file:" + _normal(source.path.stem), source.path.stem, kind)


class _LocalClock:
    """Wall-clock times in the user's zone; the repeated hour when clocks go back gets fold=1."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self.previous: datetime | None = None  # naive
        self.previous_fold = 0

    def _repeated(self, naive: datetime) -> bool:
        first = naive.replace(tzinfo=self.tz, fold=0).utcoffset()
        second = naive.replace(tzinfo=self.tz, fold=1).utcoffset()
        # Falling back, the first pass through the hour has the larger offset;
        # in a spring-forward gap it is the other way round.
        return first is not None and second is not None and first > second

    def aware(self, naive: datetime) -> datetime:
        fold = 0
        previous = self.previous
        if (
            previous is not None
            and (self.previous_fold == 1 or naive < previous)
            and self._repeated(naive)
        ):
            # Messages are in time order: going back in the repeated hour
            # means the second pass through it.
            fold = 1
        self.previous, self.previous_fold = naive, fold
        return naive.replace(tzinfo=self.tz, fold=fold)


@dataclass
class _Pending:
    """The message being read: its header line and the lines so far."""

    line: int
    sent_at: datetime
    sender: str | None
    lines: list[str]
    chars: int = 0

    def add(self, text: str) -> bool:
        self.chars += len(text) + 1
        self.lines.append(text)
        return self.chars <= MAX_MESSAGE_CHARS

    def record(self, conversation: _Conversation) -> ImportedMessage:
        if self.sender is None:
            kind = "system"
        else:
            kind = "attachment" if is_attachment(self.lines[0]) else "text"
        return ImportedMessage(
            conversation_key=conversation.key,
            conversation_title=conversation.title,
            sent_at=self.sent_at,
            text="\n".join(self.lines).rstrip("\n"),
            sender_handle=self.sender,
            sender_name=self.sender,
            kind=kind,
            conversation_kind=conversation.kind,
            line=self.line,
            wall_clock=True,
        )


def _records(
    source: ChatSource, survey: _Survey, options: ImportOptions
) -> Iterator[ImportedMessage | ImportProblem]:
    where = source.display_path
    conversation = _conversation(source, survey)
    clock = _LocalClock(options.tz)
    pending: _Pending | None = None
    skipping = False  # inside a record already reported as a problem
    with source.open() as stream:
        for line in read_lines(stream):
            header = match_header(line.text) if line.text is not None else None
            if header is not None and header.shape == survey.shape:
                if pending is not None:
                    yield pending.record(conversation)
                    pending = None
                naive = naive_datetime(header, survey.order)
                skipping = naive is None
                if naive is None:
                    what = "date" if header_date(header, survey.order) is None else "time"
                    order = order_name(header, survey.order)
                    reason = f"impossible {what} (this file's dates read as {order})"
                    yield ImportProblem(where, line.number, "sent_at", reason)
                    continue
                sender, text = split_sender(header.rest)
                pending = _Pending(line.number, clock.aware(naive), sender, [])
                pending.add(text)
            elif line.text is None:
                reason = line.error or "unreadable line"
                if pending is not None:
                    reason += f"; the message from line {pending.line} is left out"
                    pending, skipping = None, True
                yield ImportProblem(where, line.number, "text", reason)
            elif pending is not None:
                if not pending.add(line.text):
                    reason = f"message longer than {MAX_MESSAGE_CHARS} characters"
                    yield ImportProblem(where, pending.line, "text", reason)
                    pending, skipping = None, True
            elif not skipping and line.text.strip():
                yield ImportProblem(where, line.number, "text", "text before the first message")
    if pending is not None:
        yield pending.record(conversation)


def parse(path: Path, options: ImportOptions) -> Iterator[ImportedMessage | ImportProblem]:
    """Messages in file order; unreadable parts come out as ImportProblem values."""
    where = str(path)
    try:
        source = open_source(path)
        where = source.display_path
        survey = _survey(source)
        if survey is None:
            yield ImportProblem(where, None, "file", "not a WhatsApp chat export")
            return
        yield from _records(source, survey, options)
    except NotAChatExport:
        yield ImportProblem(where, None, "file", "no WhatsApp chat (.txt) in the zip")
    except _READ_ERRORS as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else "damaged"
        yield ImportProblem(where, None, "file", f"cannot read the file ({detail})")
