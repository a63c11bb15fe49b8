"""The records importers yield, and the shape of an importer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class ImportOptions:
    """What the user told `ownlive import` (the time zone for formats that carry none)."""

    tz: tzinfo = field(default_factory=lambda: ZoneInfo("UTC"))
    tz_name: str = "UTC"


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


Record = ImportedMessage | ImportProblem
Parser = Callable[[Path, ImportOptions], Iterator[Record]]
Sniffer = Callable[[Path, bytes], bool]


@dataclass(frozen=True)
class Importer:
    name: str  # e.g. whatsapp_txt; what --format takes
    platform: str  # e.g. whatsapp; what grants can be narrowed to
    description: str
    sniff: Sniffer  # decides from the file's first bytes (and name only as a hint)
    parse: Parser
