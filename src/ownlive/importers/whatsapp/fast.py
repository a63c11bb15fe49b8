"""The importer's fast path: the records of a whole block of lines per regex scan.

Once the survey has settled the file's `Shape` and day/month order, a
pattern written for that one layout (`layout.shape_pattern`) finds the
headers of a block with one `finditer`; the text between two headers is the
rest of a message, and line numbers come from counting "\\n". Dates are
worked out once per distinct header text, names once per distinct prefix.
What this does must be exactly what `reader.LineReader` does line by line;
lines that come as `Line`s (unreadable ones, blocks that are not UTF-8) go
to a `LineReader` that shares this path's state, and tests run both paths
over generated files and compare every record.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import fields
from datetime import datetime, timedelta, tzinfo
from typing import Any, TypeVar

from ownlive.importers.base import ImportedMessage, ImportProblem
from ownlive.importers.whatsapp import reader as line_reader
from ownlive.importers.whatsapp.blocks import TextBlock
from ownlive.importers.whatsapp.body import LAST_CHARS, is_attachment, sender_name
from ownlive.importers.whatsapp.layout import (
    DateOrder,
    Header,
    Shape,
    header_date,
    header_time,
    is_pm,
    marker_kind,
    shape_pattern,
)
from ownlive.importers.whatsapp.reader import Conversation, LineReader, Pending, impossible
from ownlive.importers.whatsapp.source import Line

# Caches are per file and cleared when full: exports run forward in time, so
# what repeats is recent, and memory stays flat on any file.
CACHE_ENTRIES = 20_000
T = TypeVar("T")

_FIELDS = (
    "conversation_key",
    "conversation_title",
    "sent_at",
    "text",
    "sender_handle",
    "sender_name",
    "is_from_me",
    "kind",
    "external_id",
    "conversation_kind",
    "line",
    "wall_clock",
)
MessageMaker = Callable[[int, datetime, "str | None", str, "list[str] | None"], ImportedMessage]


def message_maker(conversation: Conversation) -> MessageMaker:
    """A function making the record `Pending.record` makes, from a message's parts."""
    if tuple(field.name for field in fields(ImportedMessage)) != _FIELDS:
        # ImportedMessage has changed: the reference's way, at its usual cost.
        def make(
            line: int, sent_at: datetime, sender: str | None, first: str, more: list[str] | None
        ) -> ImportedMessage:
            return Pending(line, sent_at, sender, [first, *(more or ())]).record(conversation)

        return make

    # The __init__ of a frozen dataclass sets each field by name through
    # object.__setattr__, as costly as the rest of this path per message.
    # Setting the slots directly makes the same (equal, immutable) object.
    new = object.__new__
    (
        set_key, set_title, set_sent_at, set_text, set_handle, set_name,
        set_from_me, set_kind, set_external_id, set_conversation_kind, set_line, set_wall_clock,
    ) = (getattr(ImportedMessage, name).__set__ for name in _FIELDS)  # fmt: skip
    key, title, conversation_kind = conversation.key, conversation.title, conversation.kind

    def make_fast(
        line: int, sent_at: datetime, sender: str | None, first: str, more: list[str] | None
    ) -> ImportedMessage:
        if sender is None:
            kind = "system"
        elif first.rstrip()[-1:] in LAST_CHARS and is_attachment(first):
            kind = "attachment"
        else:
            kind = "text"
        record: ImportedMessage = new(ImportedMessage)
        set_key(record, key)
        set_title(record, title)
        set_sent_at(record, sent_at)
        set_text(record, "\n".join([first, *more]).rstrip("\n") if more else first)
        set_handle(record, sender)
        set_name(record, sender)
        set_from_me(record, False)
        set_kind(record, kind)
        set_external_id(record, None)
        set_conversation_kind(record, conversation_kind)
        set_line(record, line)
        set_wall_clock(record, True)
        return record

    return make_fast


class Verdict(enum.Enum):
    NOT_OURS = "a header of another layout: a line of text"
    IMPOSSIBLE = "a header whose date or time does not exist"


class _Moments:
    """What each header text says: its time (aware, fold 0), or a `Verdict`."""

    def __init__(self, shape: Shape, order: DateOrder, tz: tzinfo) -> None:
        self.shape, self.order, self.tz = shape, order, tz
        self.known: dict[str, datetime] = {}  # only times: a Verdict is found again
        # Day and time apart, so that a new minute costs two lookups and an
        # addition: the day's midnight (None: no such day), the time of day.
        self.days: dict[str, datetime | None] = {}
        self.clocks: dict[str, timedelta | Verdict | None] = {}

    def find(self, found: re.Match[str]) -> datetime | Verdict:
        head, date_text, time_text = found.group("head", "date", "time")
        midnight = self.days.get(date_text, _UNSEEN)
        if midnight is _UNSEEN:
            midnight = self._day(found)
            store(self.days, date_text, midnight)
        clock = self.clocks.get(time_text, _UNSEEN)
        if clock is _UNSEEN:
            clock = self._clock(found)
            store(self.clocks, time_text, clock)
        if clock is Verdict.NOT_OURS:
            return clock
        if not isinstance(midnight, datetime) or not isinstance(clock, timedelta):
            return Verdict.IMPOSSIBLE
        # Wall-clock arithmetic: the same as datetime(..., tzinfo=tz), fold 0.
        moment = midnight + clock
        store(self.known, head, moment)
        return moment

    def _day(self, found: re.Match[str]) -> datetime | None:
        d1, d2, d3 = found.group("d1", "d2", "d3")
        header = Header((int(d1), int(d2), int(d3)), 0, 0, 0, None, self.shape, "")
        day = header_date(header, self.order)
        return None if day is None else datetime(day.year, day.month, day.day, tzinfo=self.tz)

    def _clock(self, found: re.Match[str]) -> timedelta | Verdict | None:
        groups = found.groupdict()
        marker = groups.get("pre") or groups.get("post")
        # A "zh" shape's pattern also takes times that are not in its shape.
        if marker_kind(marker) != self.shape.meridiem:
            return Verdict.NOT_OURS
        hour, minute = int(groups["hour"]), int(groups["minute"])
        second = int(groups.get("second") or 0)
        header = Header((0, 0, 0), hour, minute, second, is_pm(marker), self.shape, "")
        clock = header_time(header)
        return (
            None if clock is None else timedelta(hours=clock[0], minutes=clock[1], seconds=clock[2])
        )


_UNSEEN: Any = object()


def store(cache: dict[str, T], key: str, value: T) -> None:
    if len(cache) >= CACHE_ENTRIES:
        cache.clear()
    cache[key] = value


Rest = tuple[int, "list[str] | None", int, bool]


def _rest(
    text: str, start: int, end: int, number: int, where: str, state: Rest, first: str
) -> Generator[ImportProblem, None, Rest]:
    """Lines text[start:end] that are no header of this file's layout, as LineReader takes them.

    `state` is the message being read (its line, 0 for none; its further
    lines; its chars as Pending.chars, once there are further lines) and
    `skipping`; returns them after these lines, yielding their problems.
    """
    line, more, chars, skipping = state
    if line:
        limit = line_reader.MAX_MESSAGE_CHARS
        chars = (chars if more else len(first) + 1) + end - start
        if chars > limit:
            reason = f"message longer than {limit} characters"
            yield ImportProblem(where, line, "text", reason)
            return 0, None, 0, True
        if more:
            more.append(text[start : end - 1])
            return line, more, chars, skipping
        return line, [text[start : end - 1]], chars, skipping
    if not skipping:
        for offset, piece in enumerate(text[start : end - 1].split("\n")):
            if piece.strip():
                yield ImportProblem(where, number + offset, "text", "text before the first message")
    return state


def records(  # noqa: PLR0915 - one loop, kept whole: calls per message cost
    blocks: Iterable[TextBlock | Line], reader: LineReader
) -> Iterator[ImportedMessage | ImportProblem]:
    """The records `reader` would make of the blocks' lines, in the same order."""
    where, order, clock, tz = reader.where, reader.order, reader.clock, reader.clock.tz
    make = message_maker(reader.conversation)
    pattern = shape_pattern(reader.shape)
    rest_group = pattern.groupindex["rest"]
    moments = _Moments(reader.shape, order, tz)
    known, find, not_ours = moments.known, moments.find, Verdict.NOT_OURS
    names: dict[str, str] = {}  # the part before ": " -> its sender_name
    # The message being read, as in reader.Pending (line 0: none) and as
    # `_rest` takes it, with its time, sender and first line.
    line, more, chars, sent_at, sender, first = 0, None, 0, datetime.min, None, ""
    skipping = reader.skipping
    # As LocalClock.previous, but aware in `tz` (aware times in one zone
    # compare as naive ones do); the start of time stands for None.
    start_of_time = previous = datetime.min.replace(tzinfo=tz)
    previous_fold = 0
    for item in blocks:
        if isinstance(item, Line):
            # One line for the reference reader, with this path's state.
            reader.pending = None
            if line:
                chars = chars if more else len(first) + 1
                reader.pending = Pending(line, sent_at, sender, [first, *(more or ())], chars)
            reader.skipping = skipping
            clock.previous = None if previous is start_of_time else previous.replace(tzinfo=None)
            clock.previous_fold = previous_fold
            yield from reader.line(item)
            pending, line, more = reader.pending, 0, None
            if pending is not None:
                line, sent_at, sender = pending.line, pending.sent_at, pending.sender
                first, more, chars = pending.lines[0], pending.lines[1:], pending.chars
            skipping = reader.skipping
            naive = clock.previous
            previous = start_of_time if naive is None else naive.replace(tzinfo=tz)
            previous_fold = clock.previous_fold
            continue
        number, text = item
        pos = 0  # where the lines not yet read start; `number` is that line's
        for found in pattern.finditer(text):
            # Item lookups, not group() and span(): no tuple per header for
            # the garbage collector to count.
            head = found[1]
            moment = known.get(head)
            if moment is None:
                verdict = find(found)
                if verdict is not_ours:
                    continue  # a line of text
                if isinstance(verdict, datetime):
                    moment = verdict
            start, end = found.start(), found.end()
            if start != pos:
                state = line, more, chars, skipping
                line, more, chars, skipping = yield from _rest(
                    text, pos, start, number, where, state, first
                )
                number += text.count("\n", pos, start)
            if line:
                yield make(line, sent_at, sender, first, more)
                line, more = 0, None
            pos = end + 1
            if moment is None:
                skipping = True
                yield impossible(where, number, text[start:end], order)
                number += 1
                continue
            skipping = False
            if (previous_fold or moment < previous) and clock.repeated(moment.replace(tzinfo=None)):
                previous, previous_fold, sent_at = moment, 1, moment.replace(fold=1)
            else:
                previous, previous_fold, sent_at = moment, 0, moment
            rest = found[rest_group]
            prefix, colon, body = rest.partition(": ")
            name = names.get(prefix) if colon else ""
            if name is None:
                name = sender_name(prefix)
                store(names, prefix, name)
            if name:
                sender, first = name, body
            else:
                sender, first = None, rest
            line = number
            number += 1
        if pos != len(text):
            state = line, more, chars, skipping
            line, more, chars, skipping = yield from _rest(
                text, pos, len(text), number, where, state, first
            )
            number += text.count("\n", pos)
    if line:
        yield make(line, sent_at, sender, first, more)
