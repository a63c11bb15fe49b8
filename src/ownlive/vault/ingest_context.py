"""Writing context records (calendar events, location fixes and visits) during an import.

`ingest` hands every record that is not a message to `ContextWriter`, inside
the import's one transaction. Re-importing adds nothing twice: an event is
identified by its UID and, in a series, by its RECURRENCE-ID, so a calendar
exported again updates the events that changed (moved, renamed, cancelled)
instead of adding a second copy; a fix by its time and coordinates; a visit by
its place and start. The row keeps the source it was first imported from, as
a message does.

A calendar export is the truth about the series it contains: occurrences of
such a series that an earlier import stored inside the window this import
expanded it over, and that this import no longer has (an EXDATE added, the
whole series moved to another hour), are deleted by `finish`. Events deleted
from the calendar altogether stay until the user forgets them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, tzinfo

from ownlive.importers.base import ImportedEvent, ImportedPoint, ImportedVisit
from ownlive.vault.connection import Connection

ContextRecord = ImportedEvent | ImportedPoint | ImportedVisit

# The access log's scope for an import entry, by the importer's platform.
WRITE_SCOPES = {"calendar": "calendar.write", "location": "location.write"}

_EVENT_FIELDS = (
    "calendar_key",
    "calendar_title",
    "summary",
    "location",
    "start",
    "end",
    "start_utc",
    "end_utc",
    "all_day",
    "tzid",
    "status",
)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _e7(degrees: float) -> str:
    # Coordinates are compared at the precision exports give them (1e-7 degree).
    return str(round(degrees * 1e7))


def _ms(moment: datetime) -> str:
    return str(round(moment.timestamp() * 1000))


class ContextWriter:
    def __init__(self, conn: Connection, source_id: int, zone: tzinfo = UTC) -> None:
        self.conn = conn
        self.source_id = source_id
        self.zone = zone  # where an all-day event's midnight is, for its epoch columns
        self.series: dict[str, tuple[int, int]] = {}  # uid -> epoch span it was expanded over
        self.written: set[str] = set()  # content hashes of the series' occurrences seen

    def finish(self) -> int:
        """Delete the stored occurrences of this import's series that it no longer has."""
        removed = 0
        for uid, (first, last) in self.series.items():
            stale = [
                int(row[0])
                for row in self.conn.execute(
                    "SELECT id, content_hash FROM events WHERE uid = ? AND recurrence_id "
                    "IS NOT NULL AND start_utc >= ? AND start_utc < ?",
                    (uid, first, last),
                ).fetchall()
                if row[1] not in self.written
            ]
            for event_id in stale:
                removed += self.conn.execute(
                    "DELETE FROM events WHERE id = ?", (event_id,)
                ).rowcount
        return removed

    def write(self, record: ContextRecord) -> bool:
        """Insert one record; False when it was already in the vault (an event may be updated)."""
        if isinstance(record, ImportedEvent):
            return self._event(record)
        if isinstance(record, ImportedVisit):
            return self._visit(record)
        return self._point(record)

    def _epoch(self, moment: date | datetime) -> int:
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day, tzinfo=self.zone)
        return int(moment.timestamp())

    def _event(self, record: ImportedEvent) -> bool:
        start_utc = self._epoch(record.start)
        row = {
            "calendar_key": record.calendar_key,
            "calendar_title": record.calendar_title,
            "summary": record.summary,
            "location": record.location,
            "start": record.start.isoformat(),
            "end": record.end.isoformat(),
            "start_utc": start_utc,
            "end_utc": self._epoch(record.end),
            "all_day": int(record.all_day),
            "tzid": record.tzid,
            "status": record.status,
        }
        content_hash = _digest("event", record.uid, record.recurrence_id or "")
        if record.recurrence_id is not None:
            self.written.add(content_hash)
        if record.window is not None:
            span = (int(record.window[0].timestamp()), int(record.window[1].timestamp()))
            first, last = self.series.get(record.uid, span)
            self.series[record.uid] = (min(first, span[0]), max(last, span[1]))
        found = self.conn.execute(
            f"SELECT id, {', '.join(_EVENT_FIELDS)} FROM events WHERE content_hash = ?",
            (content_hash,),
        ).fetchone()
        if found is not None:
            if tuple(found[1:]) != tuple(row.values()):
                assignments = ", ".join(f"{name} = ?" for name in _EVENT_FIELDS)
                self.conn.execute(
                    f"UPDATE events SET {assignments} WHERE id = ?", (*row.values(), found[0])
                )
            return False
        self.conn.execute(
            "INSERT INTO events (source_id, uid, recurrence_id, content_hash, "
            f"{', '.join(_EVENT_FIELDS)}) VALUES (?, ?, ?, ?, {', '.join('?' * len(row))})",
            (self.source_id, record.uid, record.recurrence_id, content_hash, *row.values()),
        )
        return True

    def _visit(self, record: ImportedVisit) -> bool:
        place = record.place_id or f"{_e7(record.lat)},{_e7(record.lon)}"
        cursor = self.conn.execute(
            "INSERT INTO visits (source_id, lat, lon, accuracy, name, address, place_id, start, "
            "end, start_utc, end_utc, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (content_hash) DO NOTHING",
            (
                self.source_id,
                record.lat,
                record.lon,
                record.accuracy,
                record.name,
                record.address,
                record.place_id,
                record.start.isoformat(),
                record.end.isoformat(),
                int(record.start.timestamp()),
                int(record.end.timestamp()),
                _digest("visit", place, _ms(record.start)),
            ),
        )
        return bool(cursor.rowcount)

    def _point(self, record: ImportedPoint) -> bool:
        cursor = self.conn.execute(
            "INSERT INTO points (source_id, lat, lon, accuracy, activity, at, at_utc, "
            "content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING",
            (
                self.source_id,
                record.lat,
                record.lon,
                record.accuracy,
                record.activity,
                record.at.isoformat(),
                int(record.at.timestamp()),
                _digest("point", _ms(record.at), _e7(record.lat), _e7(record.lon)),
            ),
        )
        return bool(cursor.rowcount)
