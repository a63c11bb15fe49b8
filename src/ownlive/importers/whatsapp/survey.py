"""The importer's first pass over a chat export: its layout, day/month order and senders.

Every header line is counted under its `Shape`; the shape with the most
headers is the file's, its dates vote on the day/month order and its
authors are the chat's senders. `survey` reads line by line (`block_bytes`
None, the reference) or in blocks: then the first block's headers name the
file's likely shape, and the later blocks are scanned with that shape's
pattern, the lines between its headers with the general one; each header
is counted in file order either way, so both stop at the same line with
the same counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ownlive.importers.whatsapp.blocks import TextBlock, read_blocks
from ownlive.importers.whatsapp.body import sender_name, split_sender
from ownlive.importers.whatsapp.fast import store
from ownlive.importers.whatsapp.layout import (
    HEADER_LINE,
    DateOrder,
    DateOrderVotes,
    Header,
    Shape,
    header_from,
    marker_kind,
    match_header,
    shape_pattern,
)
from ownlive.importers.whatsapp.source import ChatSource, Line, read_lines

# WhatsApp groups hold at most 1,024 members.
MAX_PARTICIPANTS = 4096
# Headers after which a survey may stop (see _ShapeStats.count): large enough
# that every sender of a group has spoken, small enough to keep big files a
# single pass.
SURVEY_ENOUGH = 20_000


@dataclass
class _ShapeStats:
    headers: int = 0
    votes: DateOrderVotes = field(default_factory=DateOrderVotes)
    senders: set[str] = field(default_factory=set)

    def count(self, header: Header, sender: str | None, chat_name: str | None) -> bool:
        """Count one header of this shape; True when the survey has seen enough."""
        self.headers += 1
        self.votes.add(header)
        if sender is not None and len(self.senders) < MAX_PARTICIPANTS:
            self.senders.add(sender)
        # Once the order is settled and the key comes from the chat's name,
        # reading the rest would only repeat what these lines showed.
        return self.headers >= SURVEY_ENOUGH and bool(chat_name) and self.votes.decisive()


@dataclass(frozen=True)
class Survey:
    shape: Shape
    order: DateOrder
    senders: frozenset[str]


Stats = dict[Shape, _ShapeStats]


def survey(source: ChatSource, block_bytes: int | None) -> Survey | None:
    """The file's header layout, day/month order and senders (None: no headers)."""
    stats: Stats = {}
    with source.open() as stream:
        if block_bytes is None:
            for line in read_lines(stream):
                if _count_line(stats, line, source.chat_name):
                    break
        else:
            _Blocks(stats, source.chat_name).read(read_blocks(stream, block_bytes))
    if not stats:
        return None
    shape, best = max(stats.items(), key=lambda item: item[1].headers)
    return Survey(shape, best.votes.decide(), frozenset(best.senders))


def _stats(stats: Stats, shape: Shape) -> _ShapeStats:
    seen = stats.get(shape)
    if seen is None:
        seen = stats[shape] = _ShapeStats()
    return seen


def _count_line(stats: Stats, line: Line, chat_name: str | None) -> bool:
    header = match_header(line.text) if line.text is not None else None
    if header is None:
        return False
    return _stats(stats, header.shape).count(header, split_sender(header.rest)[0], chat_name)


class _Blocks:
    """`survey`'s counting over blocks."""

    def __init__(self, stats: Stats, chat_name: str | None) -> None:
        self.stats, self.chat_name = stats, chat_name
        # Header text -> its shape's stats and its Header (None: no header).
        self.heads: dict[str, tuple[_ShapeStats, Header] | None] = {}
        self.names: dict[str, str] = {}  # the part before ": " -> its sender_name

    def read(self, blocks: Iterator[TextBlock | Line]) -> None:
        shape = None  # the first header's, once a block has had one
        for item in blocks:
            if isinstance(item, Line):
                if _count_line(self.stats, item, self.chat_name):
                    return
            elif shape is None:
                if self.anywhere(item.text, 0, len(item.text)):
                    return
                shape = next(iter(self.stats), None)
            elif self.mostly(item.text, shape):
                return

    def sender(self, rest: str) -> str | None:
        prefix, colon, _ = rest.partition(": ")
        name = self.names.get(prefix) if colon else ""
        if name is None:
            name = sender_name(prefix)
            store(self.names, prefix, name)
        return name or None

    def anywhere(self, text: str, start: int, end: int) -> bool:
        """Count the headers of any shape in text[start:end]; True: enough."""
        heads, rest_group = self.heads, HEADER_LINE.groupindex["rest"]
        for found in HEADER_LINE.finditer(text, start, end):
            head = found[1]
            if head not in heads:
                header = header_from(found)
                store(
                    heads,
                    head,
                    None if header is None else (_stats(self.stats, header.shape), header),
                )
            known = heads[head]
            if known is not None and known[0].count(
                known[1], self.sender(found[rest_group]), self.chat_name
            ):
                return True
        return False

    def mostly(self, text: str, shape: Shape) -> bool:
        """Count the headers in `text`, expecting most in `shape`; True: enough."""
        pattern, seen, chat_name = shape_pattern(shape), _stats(self.stats, shape), self.chat_name
        rest_group = pattern.groupindex["rest"]
        # Date text -> a Header with what DateOrderVotes.add reads (the time is no vote).
        dates: dict[str, Header] = {}
        pm = None if shape.meridiem == "" else True
        pos = 0
        for found in pattern.finditer(text):
            if shape.meridiem == "zh":
                # The "zh" pattern also takes times of other shapes: those lines
                # are counted with the general pattern below.
                groups = found.groupdict()
                if marker_kind(groups["pre"] or groups["post"]) != "zh":
                    continue
            start = found.start()
            if start != pos and self.anywhere(text, pos, start):
                return True
            pos = found.end() + 1
            date_text = found["date"]
            header = dates.get(date_text)
            if header is None:
                fields = tuple(map(int, found.group("d1", "d2", "d3")))
                header = Header((fields[0], fields[1], fields[2]), 0, 0, 0, pm, shape, "")
                store(dates, date_text, header)
            if seen.count(header, self.sender(found[rest_group]), chat_name):
                return True
        return pos != len(text) and self.anywhere(text, pos, len(text))
