"""The records importers yield, and the shape of an importer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class ImportOptions:
    """What the user told `ownlive import` (the time zone for formats that carry none)."""

    tz: tzinfo = field(default_factory=lambda: ZoneInfo("UTC"))
    tz_name: str = "UTC"
    # Recurring calendar events are expanded over [now - window_before, now + window_after]:
    # an endless RRULE has no last occurrence, so some window must be chosen.
    now: datetime | None = None  # the import's now; None means the clock at parse time
    window_before: timedelta = timedelta(days=30)
    window_after: timedelta = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class ImportedMessage:
    conversation_key: str  # stable id of the chat within its platform
    conversation_title: str
    sent_at: datetime  # timezone-aware
    text: str
    sender_handle: str | None = None  # None for system lines
    sender_name: str | None = None
    is_from_me: bool = False
    kind: str = "text"  # text, system, attachment, call, image, voice, ...
    external_id: str | None = None  # the export's own id, when it has a stable one
    conversation_kind: str = "chat"
    line: int | None = None  # where the record starts in the file
    # True when the file gives only a local wall-clock time (WhatsApp, WeChat
    # CSV): identity then rests on that time, so re-importing with another
    # --tz finds the same messages instead of adding them again.
    wall_clock: bool = False


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A record that could not be read: a value, never an exception mid-stream."""

    path: str
    line: int | None
    field: str
    reason: str

    def render(self) -> str:
        where = Path(self.path).name + (f":{self.line}" if self.line is not None else "")
        return f"{where}: {self.field}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """One occurrence of a calendar event (a recurring event yields one per occurrence)."""

    calendar_key: str  # stable id of the calendar (X-WR-RELCALID, X-WR-CALNAME or file stem)
    calendar_title: str
    uid: str
    summary: str
    start: date | datetime  # a date when all_day, else timezone-aware with its own offset
    end: date | datetime
    # Which occurrence of a series: its original start (RECURRENCE-ID) in UTC, or
    # its date for all-day series; None for an event that does not repeat.
    recurrence_id: str | None = None
    # The span the series was expanded over: stored occurrences in it that the
    # file no longer yields are gone from the calendar. None for single events.
    window: tuple[datetime, datetime] | None = None
    all_day: bool = False
    tzid: str | None = None  # the TZID the file names; None for floating times and dates
    location: str | None = None
    status: str | None = None  # CONFIRMED, TENTATIVE, CANCELLED as the file says
    line: int | None = None  # where its VEVENT begins


@dataclass(frozen=True, slots=True)
class ImportedPoint:
    """One raw location fix."""

    at: datetime  # timezone-aware
    lat: float  # degrees, WGS 84
    lon: float
    accuracy: float | None = None  # metres
    activity: str | None = None  # e.g. IN_VEHICLE, the most confident activity reading
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ImportedVisit:
    """A stay at a place, as a location history's semantic timeline records it."""

    start: datetime  # timezone-aware
    end: datetime
    lat: float
    lon: float
    name: str | None = None
    address: str | None = None
    place_id: str | None = None  # the provider's id of the place
    accuracy: float | None = None  # metres
    line: int | None = None


Record = ImportedMessage | ImportedEvent | ImportedPoint | ImportedVisit | ImportProblem
Parser = Callable[[Path, ImportOptions], Iterator[Record]]
Sniffer = Callable[[Path, bytes], bool]


@dataclass(frozen=True)
class Importer:
    name: str  # e.g. whatsapp_txt; what --format takes
    platform: str  # e.g. whatsapp; what grants can be narrowed to
    description: str
    sniff: Sniffer  # decides from the file's first bytes (and name only as a hint)
    parse: Parser
