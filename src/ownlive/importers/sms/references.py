"""Repairing the character references SMS Backup & Restore writes and XML forbids.

The app escapes every UTF-16 code unit of a non-BMP character (emoji) on its
own, so 😀 arrives as `&#55357;&#56832;`, a pair of surrogate references that
every conforming XML parser rejects ("reference to invalid character number");
control characters arrive the same way (`&#27;`). Rewriting the bytes before
the parser sees them keeps such files importable: a surrogate pair becomes the
one reference it encodes (`&#128512;`), anything else XML cannot hold becomes
U+FFFD. The rewrite works block by block with a carry of a few bytes, so a
backup of any size streams through in constant memory; references never span
lines, so the parser's line numbers stay those of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

BLOCK = 64 * 1024
_REF = re.compile(rb"&#(?:([0-9]{1,8})|[xX]([0-9a-fA-F]{1,8}));")
_REF_AT_END = re.compile(rb"&#(?:([0-9]{1,8})|[xX]([0-9a-fA-F]{1,8}));\Z")
_LONGEST_REF = len(b"&#x12345678;")
_REPLACEMENT = b"&#xFFFD;"


def _code_point(match: re.Match[bytes]) -> int:
    decimal, hexadecimal = match.group(1), match.group(2)
    return int(decimal) if decimal is not None else int(hexadecimal, 16)


def _xml_allows(code: int) -> bool:
    # XML 1.0 `Char` production.
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _is_high(code: int) -> bool:
    return 0xD800 <= code <= 0xDBFF


def repair(data: bytes) -> bytes:
    """`data` with surrogate pairs joined and other forbidden references replaced."""
    if b"&#" not in data:
        return data
    out: list[bytes] = []
    copied = 0  # data[:copied] is already in `out`
    for match in _REF.finditer(data):
        if match.start() < copied:
            continue  # the low half of a pair already written
        code = _code_point(match)
        if _xml_allows(code):
            continue
        out.append(data[copied : match.start()])
        copied = match.end()
        if _is_high(code):
            low = _REF.match(data, match.end())
            if low is not None and 0xDC00 <= (low_code := _code_point(low)) <= 0xDFFF:
                joined = 0x10000 + ((code - 0xD800) << 10) + (low_code - 0xDC00)
                out.append(b"&#%d;" % joined)
                copied = low.end()
                continue
        out.append(_REPLACEMENT)
    out.append(data[copied:])
    return b"".join(out)


def _safe_end(data: bytes) -> int:
    """How much of `data` can be repaired now without splitting a reference or a pair."""
    amp = data.rfind(b"&", max(0, len(data) - _LONGEST_REF))
    if amp < 0:
        return len(data)
    # A complete high surrogate just before the cut waits for its low half.
    before = _REF_AT_END.search(data, max(0, amp - _LONGEST_REF), amp)
    if before is not None and _is_high(_code_point(before)):
        return before.start()
    return amp


def repaired_blocks(raw: BinaryIO, block: int = BLOCK) -> Iterator[bytes]:
    """The file's bytes, repaired, in blocks of about `block` bytes."""
    carry = b""
    while chunk := raw.read(block):
        data = carry + chunk
        end = _safe_end(data)
        carry = data[end:]
        if end:
            yield repair(data[:end])
    if carry:
        yield repair(carry)
