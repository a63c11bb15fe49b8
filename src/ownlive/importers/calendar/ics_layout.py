"""Where things are in an iCalendar file: the line each VEVENT and each of its properties starts on.

The icalendar library parses content but forgets positions, so this pass over
the raw lines supplies them for problems and records. It also checks the
structure the library would otherwise reject with a message quoting the file's
content (which must not reach errors or logs): every line a `NAME:value` content
line or a folded continuation, and every BEGIN closed by its END.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

_NAME = re.compile(rb"[A-Za-z0-9-]+")


@dataclass
class EventLines:
    begin: int  # line of BEGIN:VEVENT
    properties: dict[str, int] = field(default_factory=dict)  # first line of each property

    def of(self, name: str) -> int:
        return self.properties.get(name, self.begin)


@dataclass
class Layout:
    events: list[EventLines]
    started: bool = False  # BEGIN:VCALENDAR seen
    broken_line: int | None = None  # the first line that breaks the structure
    reason: str = ""


def scan(data: bytes) -> Layout:
    """The VEVENTs of `data` in file order, or the first line whose structure is wrong."""
    layout = Layout([])
    stack: list[tuple[bytes, int]] = []
    for number, raw in enumerate(io.BytesIO(data), 1):
        line = raw.rstrip(b"\r\n").removeprefix(b"\xef\xbb\xbf" if number == 1 else b"")
        if not line.strip() or line[:1] in (b" ", b"\t"):
            continue  # blank, or a folded continuation of the line above
        name, colon, value = line.partition(b":")
        prop = name.split(b";", 1)[0].strip().upper()
        if not colon or not _NAME.fullmatch(prop):
            return _broken(layout, number, "not an iCalendar content line (NAME:value)")
        component = value.strip().upper()
        if not layout.started and (prop, component) != (b"BEGIN", b"VCALENDAR"):
            return _broken(layout, number, "an iCalendar file starts with BEGIN:VCALENDAR")
        layout.started = True
        if prop == b"BEGIN":
            stack.append((component, number))
            if component == b"VEVENT":
                layout.events.append(EventLines(number))
        elif prop == b"END":
            if not stack or stack[-1][0] != component:
                return _broken(layout, number, "END without a matching BEGIN")
            stack.pop()
        elif stack and stack[-1][0] == b"VEVENT":
            layout.events[-1].properties.setdefault(prop.decode("ascii"), number)
    if stack:
        return _broken(layout, stack[-1][1], "BEGIN without a matching END (file cut short?)")
    if not layout.started:
        return _broken(layout, 1, "no BEGIN:VCALENDAR: the file is empty or not iCalendar")
    return layout


def _broken(layout: Layout, line: int, reason: str) -> Layout:
    layout.broken_line, layout.reason = line, reason
    return layout
