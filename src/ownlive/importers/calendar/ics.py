"""Calendar events from an iCalendar (.ics) file, with recurrences expanded.

Produced by: Google Calendar → Settings → "Import & export" → "Export" (one
.ics per calendar in a zip); Apple Calendar → File → Export → "Export…";
Outlook → File → "Save Calendar"; Thunderbird → "Export Calendar"; any CalDAV
server's calendar URL (Radicale, Nextcloud) downloaded as .ics.

Single events are kept whenever they happen; a recurring series is expanded
over the window `ImportOptions` names (default 30 days back to 365 ahead of
the import's now), with EXDATEs removed and modified occurrences
(RECURRENCE-ID) in place of the ones they replace. Each series is expanded on
its own, so one broken series is one problem and the rest of the calendar is
still read. Times keep their zone: the ISO value carries the offset and the
record the TZID name; floating times are read in the calendar's X-WR-TIMEZONE,
else in the zone the user gave `ownlive import --tz`. The file is parsed as a
whole (iCalendar needs its VTIMEZONEs and all parts of a series together);
exports are kilobytes to a few megabytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]  # ships no type information

from ownlive.importers.base import ImportedEvent, ImportOptions, ImportProblem, Record
from ownlive.importers.calendar.ics_layout import EventLines, scan

NAME = "ics"
PLATFORM = "calendar"

MAX_OCCURRENCES = 5000  # per series within the window; more means a runaway RRULE
_TIME_PROPERTIES = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")


def sniff(path: Path, head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper() == b"BEGIN:VCALENDAR"


def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    """One `ImportedEvent` per event occurrence; problems name the line of the property."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        yield ImportProblem(where, None, "file", f"cannot be read ({error.strerror})")
        return
    layout = scan(data)
    if layout.broken_line is not None:
        yield ImportProblem(where, layout.broken_line, "iCalendar", layout.reason)
        return
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except (ValueError, UnicodeDecodeError) as error:
        yield ImportProblem(where, None, "iCalendar", f"cannot be parsed ({type(error).__name__})")
        return
    now = options.now or datetime.now(UTC)
    window = (now - options.window_before, now + options.window_after)
    index = 0
    for calendar in calendars:
        context = _Context(path, calendar, options.tz)
        series: dict[str, list[tuple[icalendar.Event, EventLines]]] = defaultdict(list)
        for component in calendar.walk("VEVENT"):
            lines = layout.events[index]
            index += 1
            if not isinstance(component, icalendar.Event):  # walk("VEVENT") builds Events
                continue
            problem = _check(where, component, lines)
            if problem is not None:
                yield problem
            else:
                series[_uid(component)].append((component, lines))
        for uid, parts in series.items():
            yield from context.expand(uid, parts, window)


def _uid(component: icalendar.Component) -> str:
    uid = str(component.get("UID", "")).strip()
    if uid:
        return uid
    # RFC 5545 requires a UID; hand-written files often lack one. Start and
    # summary identify such an event across re-imports of the same file.
    return f"no-uid:{component.get('DTSTART', '')!s}:{component.get('SUMMARY', '')!s}"


def _check(where: str, component: icalendar.Component, lines: EventLines) -> ImportProblem | None:
    for name, _message in getattr(component, "errors", []):
        # The library's message quotes the value; only the property is named here.
        if name in _TIME_PROPERTIES:
            return ImportProblem(where, lines.of(name), name, "not a valid iCalendar value")
    if "DTSTART" not in component:
        return ImportProblem(where, lines.begin, "DTSTART", "missing")
    return None


class _TooMany(Exception):
    """A series has more occurrences in the window than any calendar needs."""


class _Context:
    """What every event of one VCALENDAR shares: its name, zones, and how to read floating times."""

    def __init__(self, path: Path, calendar: icalendar.Component, fallback: tzinfo) -> None:
        self.where = str(path)
        self.calendar = calendar
        title = str(calendar.get("X-WR-CALNAME", "")).strip()
        self.title = title or path.stem
        self.key = str(calendar.get("X-WR-RELCALID", "")).strip() or self.title
        self.zone_name = str(calendar.get("X-WR-TIMEZONE", "")).strip() or None
        self.zone = _zone(self.zone_name) or fallback
        if self.zone_name and _zone(self.zone_name) is None:
            self.zone_name = None
        self.timezones = calendar.walk("VTIMEZONE")

    def expand(
        self,
        uid: str,
        parts: list[tuple[icalendar.Event, EventLines]],
        window: tuple[datetime, datetime],
    ) -> list[Record]:
        """The series' records, or one problem: a series goes in whole or not at all."""
        master = next((c for c, _ in parts if "RECURRENCE-ID" not in c), None)
        lines = next((lines for c, lines in parts if c is master), parts[0][1])
        try:
            if master is None or ("RRULE" not in master and "RDATE" not in master):
                # Single events (and changes to a series the file lacks), whenever they are.
                return [self._event(uid, c, c, found.begin) for c, found in parts]
            return self._occurrences(uid, master, parts, window)
        except _TooMany:
            reason = f"more than {MAX_OCCURRENCES} occurrences in the import window"
            return [ImportProblem(self.where, lines.of("RRULE"), "RRULE", reason)]
        except Exception as error:  # the library's own failure on a series it accepted
            field = "RRULE" if master is not None and "RRULE" in master else "DTSTART"
            reason = f"cannot be read ({type(error).__name__})"
            return [ImportProblem(self.where, lines.of(field), field, reason)]

    def _occurrences(
        self,
        uid: str,
        master: icalendar.Event,
        parts: list[tuple[icalendar.Event, EventLines]],
        window: tuple[datetime, datetime],
    ) -> list[Record]:
        master_line = next(lines.begin for c, lines in parts if c is master)
        modified = {
            _canonical(self._aware(_moment(c, "RECURRENCE-ID"))): lines.begin
            for c, lines in parts
            if "RECURRENCE-ID" in c
        }
        series = icalendar.Calendar()
        for timezone in self.timezones:
            series.add_component(timezone)
        for component, _ in parts:
            series.add_component(component)
        records: list[Record] = []
        for occurrence in recurring_ical_events.of(series).after(window[0]):
            if self._aware(occurrence.start) >= window[1]:
                break
            if len(records) == MAX_OCCURRENCES:
                raise _TooMany
            key = _canonical(self._aware(_moment(occurrence, "RECURRENCE-ID")))
            line = modified.get(key, master_line)
            records.append(self._event(uid, occurrence, master, line, window))
        return records

    def _aware(self, value: date | datetime) -> datetime:
        """A comparable instant: floating times in the calendar's zone, dates at its midnight."""
        if not isinstance(value, datetime):
            value = datetime(value.year, value.month, value.day)
        return value if value.tzinfo is not None else value.replace(tzinfo=self.zone)

    def _timed(self, value: datetime) -> tuple[datetime, str | None]:
        if value.tzinfo is None:
            return value.replace(tzinfo=self.zone), self.zone_name
        if value.utcoffset() == timedelta(0) and getattr(value.tzinfo, "key", "UTC") == "UTC":
            # Google writes UTC times beside X-WR-TIMEZONE: show them in that zone.
            if self.zone_name:
                return value.astimezone(self.zone), self.zone_name
            return value, "UTC"
        return value, None

    def _event(
        self,
        uid: str,
        occurrence: icalendar.Event,
        source: icalendar.Event,
        line: int,
        window: tuple[datetime, datetime] | None = None,
    ) -> Record:
        start = occurrence.start
        try:
            end = occurrence.end
        except (icalendar.InvalidCalendar, ValueError, TypeError):
            end = start
        recurrence_id = None
        if "RECURRENCE-ID" in occurrence:  # set on every occurrence of an expanded series
            original = _moment(occurrence, "RECURRENCE-ID")
            aware = isinstance(original, datetime)
            recurrence_id = _canonical(self._aware(original)) if aware else original.isoformat()
        all_day = not isinstance(start, datetime)
        tzid = None
        if isinstance(start, datetime) and isinstance(end, datetime):
            start, tzid = self._timed(start)
            end, _ = self._timed(end)
            declared = source["DTSTART"].params.get("TZID")
            tzid = str(declared) if declared else tzid
        elif isinstance(start, datetime) or isinstance(end, datetime):
            return ImportProblem(self.where, line, "DTEND", "a date and a date-time mixed")
        if self._aware(end) < self._aware(start):
            return ImportProblem(self.where, line, "DTEND", "before DTSTART")
        location = str(occurrence.get("LOCATION", "")).strip()
        status = str(occurrence.get("STATUS", "")).strip().upper()
        return ImportedEvent(
            calendar_key=self.key,
            calendar_title=self.title,
            uid=uid,
            summary=str(occurrence.get("SUMMARY", "")).strip(),
            start=start,
            end=end,
            recurrence_id=recurrence_id,
            window=window,
            all_day=all_day,
            tzid=tzid,
            location=location or None,
            status=status or None,
            line=line,
        )


def _moment(component: icalendar.Component, name: str) -> date | datetime:
    """A date or date-time property's value (RECURRENCE-ID, ...), checked to be one."""
    value = getattr(component.get(name), "dt", None)
    if not isinstance(value, date):
        raise icalendar.InvalidCalendar(f"{name} is not a date or date-time")
    return value


def _canonical(value: datetime) -> str:
    """The same instant always reads the same, whatever zone the file wrote it in."""
    return value.astimezone(UTC).isoformat()


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
