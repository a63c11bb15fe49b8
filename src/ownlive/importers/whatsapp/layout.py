"""The date/time header that starts every message line of a WhatsApp chat export.

WhatsApp writes the date and time in the phone's locale, and the file says
nothing about which locale that was. Layouts seen in real exports:

    20/01/19, 11:23 - Name: text              Android, day first (en-GB, es, ...)
    1/20/19, 11:23 PM - Name: text            Android en-US, U+202F before PM since 2022
    01/30/2019, 08:49 p. m. - Name: text      Android es (12-hour "a. m." / "p. m.")
    20.01.19, 11:23 - Name: text              Android de
    2019/01/30, 20:49 - Name: text            year first
    2026/4/6 下午1:54 - 名字: text              Android zh-CN, no comma, 上午/下午 before the time
    [20.06.19, 15:58:47] Name: text           iOS, bracketed, with seconds
    [01/20/19 11:23] Name: text               bracketed without comma or seconds

One export is written in one go, so one file has one layout (its `Shape`);
a line that happens to look like a header in another layout ("1.2.2020 10:00
- 12:00" inside a message) is text. Day/month order cannot be read from a
single line either: `DateOrderVotes` decides it once per file from the data
(a first field over 12 means day first, a second field over 12 month first;
if nothing tells, the order under which dates run forward, then the locale
habit: "/" with AM/PM is US month first, everything else day first).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

_SPACE = "[ \u00a0\u202f]"  # WhatsApp uses NBSP and narrow NBSP (U+202F) around AM/PM
_HEAD = rf"""
    (?P<open>\[)?
    (?P<d1>\d{{1,4}})(?P<sep>[./-])(?P<d2>\d{{1,2}})(?P=sep)(?P<d3>\d{{1,4}})(?P<dot>\.)?
    (?P<comma>,)?{_SPACE}+
    (?P<pre>上午|下午)?
    (?P<hour>\d{{1,2}})(?P<tsep>[:.])(?P<minute>\d{{2}})(?:(?P=tsep)(?P<second>\d{{2}}))?
    (?:{_SPACE}*(?P<post>[AaPp]\.?{_SPACE}?[Mm]\.?|上午|下午))?
    (?(open)\]{_SPACE}?|{_SPACE}+-{_SPACE})
"""
_HEADER = re.compile(_HEAD + r"(?P<rest>.*)", re.VERBOSE | re.DOTALL)
# The same, for finding the header lines among many lines at once.
HEADER_LINE = re.compile(rf"^(?P<head>{_HEAD})(?P<rest>[^\n]*)", re.VERBOSE | re.MULTILINE)


class DateOrder(enum.Enum):
    DAY_FIRST = "day/month/year"
    MONTH_FIRST = "month/day/year"


# NamedTuples, not frozen dataclasses: one of each per line of a file, and a
# frozen dataclass's __init__ made header matching twice as slow.
class Shape(NamedTuple):
    """Everything about a header's layout except the numbers in it."""

    bracketed: bool
    separator: str
    year_first: bool
    year_digits: int
    trailing_dot: bool
    comma: bool
    time_separator: str
    seconds: bool
    meridiem: str  # "" for 24-hour, "latin" (AM, p. m.) or "zh" (上午/下午)


class Header(NamedTuple):
    fields: tuple[int, int, int]  # the date's numbers as written, left to right
    hour: int
    minute: int
    second: int
    pm: bool | None  # None for a 24-hour clock
    shape: Shape
    rest: str  # what follows the header: "Name: text" or a system line


def match_header(line: str) -> Header | None:
    """The header at the start of `line`, or None when the line does not start with one."""
    found = _HEADER.match(line)
    return None if found is None else header_from(found)


_GROUPS = (
    *("open", "d1", "sep", "d2", "d3", "dot", "comma"),
    *("pre", "hour", "tsep", "minute", "second", "post", "rest"),
)


def header_from(found: re.Match[str]) -> Header | None:
    """The header a match of the header pattern (or of HEADER_LINE) found; None if it is none."""
    # One unpacking instead of a lookup per group: this runs on every line, twice.
    bracket, d1, sep, d2, d3, dot, comma, pre, hour, tsep, minute, second, post, rest = found.group(
        *_GROUPS
    )
    year_first = len(d1) == 4
    if year_first and len(d3) > 2:
        return None
    if not year_first and (len(d1) > 2 or len(d3) not in (2, 4)):
        return None
    marker = pre or post
    shape = Shape(
        bracketed=bracket is not None,
        separator=sep,
        year_first=year_first,
        year_digits=len(d1) if year_first else len(d3),
        trailing_dot=dot is not None,
        comma=comma is not None,
        time_separator=tsep,
        seconds=second is not None,
        meridiem=marker_kind(marker),
    )
    return Header(
        fields=(int(d1), int(d2), int(d3)),
        hour=int(hour),
        minute=int(minute),
        second=int(second or 0),
        pm=is_pm(marker),
        shape=shape,
        rest=rest,
    )


def shape_pattern(shape: Shape) -> re.Pattern[str]:
    """The header lines of one layout among many lines (a MULTILINE pattern).

    The header pattern with everything `shape` fixes written out, so that a
    scan finds this file's headers without a `Header` per line. A line has at
    most one reading under the header pattern, so a line this matches is one
    `match_header` reads in `shape`, with one exception left to the caller: a
    "zh" shape's pattern also matches times without 上午/下午, or with only
    AM/PM after them. Groups: head (all before rest), date (d1, d2, d3),
    time (pre, hour, minute, second, post), rest.
    """
    sep, tsep = re.escape(shape.separator), re.escape(shape.time_separator)
    if shape.year_first:
        date = rf"(?P<d1>\d{{4}}){sep}(?P<d2>\d{{1,2}}){sep}(?P<d3>\d{{1,2}})"
    else:
        digits = shape.year_digits
        date = rf"(?P<d1>\d{{1,2}}){sep}(?P<d2>\d{{1,2}}){sep}(?P<d3>\d{{{digits}}})"
    clock = rf"(?P<hour>\d{{1,2}}){tsep}(?P<minute>\d{{2}})"
    if shape.seconds:
        clock += rf"{tsep}(?P<second>\d{{2}})"
    latin = rf"[AaPp]\.?{_SPACE}?[Mm]\.?"
    if shape.meridiem == "latin":
        clock += rf"{_SPACE}*(?P<post>{latin})"
    elif shape.meridiem == "zh":
        clock = rf"(?P<pre>上午|下午)?{clock}(?:{_SPACE}*(?P<post>{latin}|上午|下午))?"
    opening, closing = (r"\[", rf"\]{_SPACE}?") if shape.bracketed else ("", rf"{_SPACE}+-{_SPACE}")
    after_date = (r"\." if shape.trailing_dot else "") + ("," if shape.comma else "")
    head = rf"{opening}(?P<date>{date}){after_date}{_SPACE}+(?P<time>{clock}){closing}"
    return re.compile(rf"^(?P<head>{head})(?P<rest>[^\n]*)", re.MULTILINE)


def marker_kind(marker: str | None) -> str:
    """A `Shape.meridiem` from the AM/PM marker as written (None: 24-hour)."""
    return "" if marker is None else ("zh" if marker in ("上午", "下午") else "latin")


def is_pm(marker: str | None) -> bool | None:
    return None if marker is None else (marker == "下午" or marker[0] in "pP")


def order_name(header: Header, order: DateOrder) -> str:
    return "year/month/day" if header.shape.year_first else order.value


def _ymd(header: Header, order: DateOrder) -> tuple[int, int, int]:
    a, b, c = header.fields
    if header.shape.year_first:
        year, month, day = a, b, c
    elif order is DateOrder.DAY_FIRST:
        year, month, day = c, b, a
    else:
        year, month, day = c, a, b
    # Two-digit years: WhatsApp dates from 2009, so "19" is 2019.
    return (year + 2000 if year < 100 else year), month, day


def header_date(header: Header, order: DateOrder) -> date | None:
    """The calendar date the header names under `order`; None when there is no such day."""
    try:
        return date(*_ymd(header, order))
    except ValueError:
        return None


def header_time(header: Header) -> tuple[int, int, int] | None:
    """Hour, minute and second on a 24-hour clock; None when the time is impossible."""
    hour = header.hour
    if header.pm is not None:
        # 12-hour clocks: "12:05 AM" is 00:05, "12:05 PM" is 12:05; Spanish
        # exports also write "00:08 a. m." (checked in the chat-miner samples).
        if hour > 12:
            return None
        hour = hour % 12 + (12 if header.pm else 0)
    if hour > 23 or header.minute > 59 or header.second > 59:
        return None
    return hour, header.minute, header.second


def naive_datetime(header: Header, order: DateOrder) -> datetime | None:
    day, clock = header_date(header, order), header_time(header)
    if day is None or clock is None:
        return None
    return datetime(day.year, day.month, day.day, *clock)


@dataclass
class DateOrderVotes:
    """Evidence for day-first or month-first dates, gathered over one file's headers."""

    day_first: int = 0
    month_first: int = 0
    slash_12_hour: int = 0
    other_layout: int = 0
    backwards: dict[DateOrder, int] = field(default_factory=lambda: dict.fromkeys(DateOrder, 0))
    last: dict[DateOrder, date] = field(default_factory=dict)
    # The date of the last header that went through the date arithmetic below.
    same: tuple[int, int, int] | None = field(default=None, repr=False, compare=False)

    def add(self, header: Header) -> None:
        if header.shape.year_first:
            return
        first, second, _ = header.fields
        if first > 12 >= second:
            self.day_first += 1
        elif second > 12 >= first:
            self.month_first += 1
        if header.shape.separator == "/" and header.pm is not None:
            self.slash_12_hour += 1
        else:
            self.other_layout += 1
        if header.fields == self.same:
            # The date of the header before: it cannot run back, and most
            # headers are such (a chat has many messages a day).
            return
        self.same = header.fields
        # Exports run forward in time; the wrong order makes dates jump back.
        for order in DateOrder:
            day = header_date(header, order)
            if day is None:
                continue
            previous = self.last.get(order)
            if previous is not None and day < previous:
                self.backwards[order] += 1
            self.last[order] = day

    def decisive(self) -> bool:
        """Dates alone have settled the order: one side has votes, the other none."""
        return (self.day_first == 0) != (self.month_first == 0)

    def decide(self) -> DateOrder:
        if self.day_first != self.month_first:
            return (
                DateOrder.DAY_FIRST if self.day_first > self.month_first else DateOrder.MONTH_FIRST
            )
        day_back = self.backwards[DateOrder.DAY_FIRST]
        month_back = self.backwards[DateOrder.MONTH_FIRST]
        if day_back != month_back:
            return DateOrder.DAY_FIRST if day_back < month_back else DateOrder.MONTH_FIRST
        if self.slash_12_hour > self.other_layout:
            return DateOrder.MONTH_FIRST
        return DateOrder.DAY_FIRST
