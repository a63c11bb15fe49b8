"""Reading a chat export many lines at a time: the fast path's view of `source.read_lines`.

A million-message export is a million lines; reading, decoding and cleaning
them one at a time costs more than everything else the importer does. Here
the stream is read in blocks of whole lines, each decoded once and cleaned
with one `str.replace` per kind of mark, so that the importer can find the
headers of a whole block with one regex scan. The lines and line numbers
are exactly those of `read_lines`: a block that is not valid UTF-8 comes out
as its `Line`s (from the same `decode_line`), and a line longer than
`MAX_LINE_BYTES` as the same unreadable `Line`, its bytes dropped unread
into memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, NamedTuple

from ownlive.importers.whatsapp import source
from ownlive.importers.whatsapp.source import (
    Line,
    decode_line,
    overlong_line,
    without_direction_marks,
)

# Big enough that per-block costs vanish, small enough to keep memory flat.
BLOCK_BYTES = 256 * 1024


class TextBlock(NamedTuple):
    """Whole lines, cleaned as `read_lines` cleans each; every line ends in "\\n"."""

    first: int  # the number of its first line
    text: str


def _block(first: int, data: bytes) -> Iterator[TextBlock | Line]:
    # `data` is whole lines, the last ending in b"\n". A b"\n" byte is never
    # inside a UTF-8 sequence, so the block decodes iff each of its lines does.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        for offset, raw in enumerate(data.split(b"\n")[:-1]):
            yield decode_line(first + offset, raw)
        return
    if first == 1:
        text = text.removeprefix("\ufeff")
    # CR LF before the marks, as `decode_line` takes off the CR before them.
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    yield TextBlock(first, without_direction_marks(text))


def read_blocks(stream: IO[bytes], size: int = BLOCK_BYTES) -> Iterator[TextBlock | Line]:
    """The stream's lines in blocks of about `size` bytes, and any unreadable ones alone."""
    limit = source.MAX_LINE_BYTES  # read here, so that tests can lower it
    # A line inside one read is then never over the limit: only a line
    # carried over from earlier reads needs measuring.
    size = max(1, min(size, limit))
    number = 1  # the number of the next line
    carry = bytearray()  # the start of a line whose end is not read yet
    dropping = False  # inside an overlong line, already reported
    while chunk := stream.read(size):
        if dropping:
            end = chunk.find(b"\n")
            if end < 0:
                continue
            chunk, dropping = chunk[end + 1 :], False
        last = chunk.rfind(b"\n")
        if last < 0:
            carry += chunk
            if len(carry) > limit:
                yield overlong_line(number)
                number, dropping = number + 1, True
                carry.clear()
            continue
        start = 0
        if carry:
            end = chunk.find(b"\n")
            if len(carry) + end > limit:
                yield overlong_line(number)
                number += 1
                start = end + 1
            else:
                # The carried line's end goes with it, the rest is its own block.
                carry += chunk[: end + 1]
                start = end + 1
                yield from _block(number, bytes(carry))
                number += 1
            carry.clear()
        if start <= last:
            data = chunk[start : last + 1]
            yield from _block(number, data)
            number += data.count(b"\n")
        carry += chunk[last + 1 :]
    if carry and not dropping:
        # The last line has no line end; give it one so that it reads like the others.
        yield from _block(number, bytes(carry) + b"\n")
