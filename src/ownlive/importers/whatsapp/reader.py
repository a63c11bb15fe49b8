"""Turning a chat export's lines into records, one line at a time: the reference reader.

`LineReader` is what the importer does with each line: a header of the
file's layout starts a message, other lines continue it, unreadable lines
and impossible dates become problems. `fast` does the same for many lines at
once and hands the lines it does not take on (those of a block that is not
valid UTF-8, overlong lines) to a `LineReader`, sharing its state; tests
check the two against each other on generated files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo

from ownlive.importers.base import ImportedMessage, ImportProblem
from ownlive.importers.whatsapp.body import is_attachment, split_sender
from ownlive.importers.whatsapp.layout import (
    DateOrder,
    Shape,
    header_date,
    match_header,
    naive_datetime,
    order_name,
)
from ownlive.importers.whatsapp.source import Line

# Longer than any WhatsApp message (65,536 characters); keeps memory flat on
# a file that is not what it claims to be.
MAX_MESSAGE_CHARS = 1 << 17


@dataclass(frozen=True)
class Conversation:
    key: str
    title: str
    kind: str


class LocalClock:
    """Wall-clock times in the user's zone; the repeated hour when clocks go back gets fold=1."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self.previous: datetime | None = None  # naive
        self.previous_fold = 0

    def repeated(self, naive: datetime) -> bool:
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
            and self.repeated(naive)
        ):
            # Messages are in time order: going back in the repeated hour
            # means the second pass through it.
            fold = 1
        self.previous, self.previous_fold = naive, fold
        return naive.replace(tzinfo=self.tz, fold=fold)


@dataclass
class Pending:
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

    def record(self, conversation: Conversation) -> ImportedMessage:
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


def impossible(where: str, line: int, text: str, order: DateOrder) -> ImportProblem:
    """The problem for the header on `line` (`text`), whose date or time does not exist."""
    header = match_header(text)
    assert header is not None  # the caller read `text` as a header
    what = "date" if header_date(header, order) is None else "time"
    reason = f"impossible {what} (this file's dates read as {order_name(header, order)})"
    return ImportProblem(where, line, "sent_at", reason)


class LineReader:
    """The records of a chat's lines, fed one at a time in file order."""

    def __init__(
        self, where: str, conversation: Conversation, shape: Shape, order: DateOrder, tz: tzinfo
    ) -> None:
        self.where = where
        self.conversation = conversation
        self.shape = shape
        self.order = order
        self.clock = LocalClock(tz)
        self.pending: Pending | None = None
        self.skipping = False  # inside a record already reported as a problem

    def line(self, line: Line) -> Iterator[ImportedMessage | ImportProblem]:
        where, pending = self.where, self.pending
        header = match_header(line.text) if line.text is not None else None
        if header is not None and header.shape == self.shape:
            if pending is not None:
                yield pending.record(self.conversation)
                self.pending = None
            naive = naive_datetime(header, self.order)
            self.skipping = naive is None
            if naive is None:
                assert line.text is not None
                yield impossible(where, line.number, line.text, self.order)
                return
            sender, text = split_sender(header.rest)
            self.pending = Pending(line.number, self.clock.aware(naive), sender, [])
            self.pending.add(text)
        elif line.text is None:
            reason = line.error or "unreadable line"
            if pending is not None:
                reason += f"; the message from line {pending.line} is left out"
                self.pending, self.skipping = None, True
            yield ImportProblem(where, line.number, "text", reason)
        elif pending is not None:
            if not pending.add(line.text):
                reason = f"message longer than {MAX_MESSAGE_CHARS} characters"
                yield ImportProblem(where, pending.line, "text", reason)
                self.pending, self.skipping = None, True
        elif not self.skipping and line.text.strip():
            yield ImportProblem(where, line.number, "text", "text before the first message")

    def finish(self) -> Iterator[ImportedMessage]:
        if self.pending is not None:
            yield self.pending.record(self.conversation)
            self.pending = None
