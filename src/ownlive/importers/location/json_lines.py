"""Line numbers for a streamed JSON file, found only when a problem needs them.

ijson's fast C backend gives values but no positions, and Records.json can be
gigabytes, so the import streams without positions and, if some records were
bad, makes one more pass here to find the line each of them starts on. A
syntax error is located with ijson's pure-Python backend, which reports the
character offset it stopped at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import ijson  # type: ignore[import-untyped]  # ships no type information

_TOKENS = re.compile(rb'[][{}"\\\n]')
_CHUNK = 1 << 20


class _Scanner:
    """Counts lines, string state and nesting over chunks of bytes."""

    def __init__(self, wanted: set[int]) -> None:
        self.wanted = wanted
        self.found: dict[int, int] = {}
        self.line = 1
        self.element = -1
        self.in_string = False
        self.skip_first = False  # a backslash ended the last chunk: its escaped byte opens this one
        self.containers: list[bytes] = []

    def feed(self, chunk: bytes) -> bool:
        """Scan one chunk; True once every wanted element has been found."""
        skip_until = 1 if self.skip_first else 0
        self.skip_first = False
        for match in _TOKENS.finditer(chunk):
            position = match.start()
            token = chunk[position : position + 1]
            if token == b"\n":
                self.line += 1  # raw newlines never occur inside JSON strings
            elif position < skip_until:
                continue
            elif self.in_string:
                if token == b"\\":
                    skip_until = position + 2
                    self.skip_first = skip_until > len(chunk)
                elif token == b'"':
                    self.in_string = False
            elif token == b'"':
                self.in_string = True
            elif token in (b"{", b"["):
                self._open(token)
                if len(self.found) == len(self.wanted):
                    return True
            elif self.containers:
                self.containers.pop()
        return False

    def _open(self, token: bytes) -> None:
        if len(self.containers) == 2 and self.containers[-1] == b"[":
            self.element += 1
            if self.element in self.wanted:
                self.found[self.element] = self.line
        self.containers.append(token)


def item_lines(path: Path, indexes: Iterable[int]) -> dict[int, int]:
    """The line on which each wanted element of the top-level object's array begins.

    Elements are counted at depth two (inside `{"key": [ ... ]}`), which is
    where Records.json keeps `locations` and a semantic history month keeps
    `timelineObjects`.
    """
    scanner = _Scanner(set(indexes))
    if not scanner.wanted:
        return {}
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            if scanner.feed(chunk):
                break
    return scanner.found


def syntax_error_line(path: Path) -> int | None:
    """The line of the first JSON syntax error, or of the end when the file is cut short."""
    found: re.Match[str] | None = None
    with path.open("rb") as handle:
        try:
            for _event in ijson.get_backend("python").basic_parse(handle):
                pass
        except ijson.JSONError as error:
            # "Unexpected symbol 'x' at 34": a character offset into the text.
            found = re.search(r" at (\d+)$", str(error))
            if found is None and not isinstance(error, ijson.IncompleteJSONError):
                return None
        else:
            return None
    with path.open("r", encoding="utf-8", errors="replace", newline="") as text:
        if found is None:  # cut short: the error is at the end
            return sum(1 for _ in text) or 1
        content = text.read(int(found.group(1)))
    return content.count("\n") + 1
