"""Writing imported records into the vault: one transaction per file.

Importing is a write by the user, logged as an `import` entry with counts,
never content. Re-importing the same or an overlapping export adds nothing
twice: every message gets a content hash from the export's own id where it has
a stable one, else from its conversation, sender, time and text (plus its
position among identical messages in the same second, so that two "ok"s
stay two). Calendar events and location history are written by
`ingest_context.ContextWriter` in the same transaction; `ingest_writer`
inserts messages in batches.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ownlive.errors import ImportFailed
from ownlive.importers.base import ImportedMessage, Importer, ImportProblem, Record
from ownlive.vault import audit
from ownlive.vault.ingest_context import WRITE_SCOPES, ContextWriter
from ownlive.vault.ingest_writer import BatchWriter, PreparedMessage
from ownlive.vault.store import Vault

PROBLEMS_SHOWN = 10
BATCH = 1000  # messages per executemany: large enough to amortise, small enough for flat memory
Progress = Callable[[int], None]


@dataclass
class ImportReport:
    format: str
    file_name: str
    new: int = 0
    present: int = 0
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def records(self) -> int:
        return self.new + self.present


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def content_hash(
    platform: str, record: ImportedMessage, sent_at: str, second: int, occurrence: int
) -> str:
    if record.external_id is not None:
        parts = [platform, record.conversation_key, "id", record.external_id]
    else:
        # A file that gives only wall-clock times is identified by them, so a
        # re-import with another --tz finds the same messages.
        when = sent_at[:19] if record.wall_clock else str(second)
        parts = [
            platform,
            record.conversation_key,
            record.sender_handle or "",
            when,
            record.kind,
            record.text,
            str(occurrence),
        ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class _Preparer:
    """Turns records into rows on the importing thread: times, occurrence counts, hashes."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.same_second: Counter[tuple[str, str, str, str]] = Counter()
        self.last_second = -1

    def prepare(self, record: ImportedMessage) -> PreparedMessage:
        second = int(record.sent_at.timestamp())
        if second != self.last_second:
            # Identical messages share a second, and exports are in time order,
            # so counting within the current second keeps memory flat.
            self.same_second.clear()
            self.last_second = second
        identity = (record.conversation_key, record.sender_handle or "", record.kind, record.text)
        occurrence = self.same_second[identity]
        self.same_second[identity] += 1
        sent_at = record.sent_at.isoformat()
        return PreparedMessage(
            record.conversation_key,
            record.conversation_title,
            record.conversation_kind,
            record.sender_handle,
            record.sender_name,
            record.is_from_me,
            record.kind,
            sent_at,
            second,
            record.text,
            record.external_id,
            content_hash(self.platform, record, sent_at, second, occurrence),
        )


def _zone(name: str | None) -> tzinfo:
    """The import's zone (where an all-day event's day begins); UTC when none or unknown."""
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def ingest(
    vault: Vault,
    importer: Importer,
    path: Path,
    records: Iterable[Record],
    *,
    skip_invalid: bool = False,
    tz_name: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Write `records` parsed from `path`; all or nothing unless `skip_invalid`."""
    report = ImportReport(importer.name, path.name)
    sha = file_sha256(path)
    now = vault.now().isoformat()
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO sources (platform, format, file_name, sha256, imported_at, tz) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
            (importer.platform, importer.name, path.name, sha, now, tz_name),
        )
        source_id = int(
            conn.execute("SELECT id FROM sources WHERE sha256 = ?", (sha,)).fetchone()[0]
        )
        context = ContextWriter(conn, source_id, _zone(tz_name))
        writer = BatchWriter(conn, importer.platform, source_id, context)
        preparer = _Preparer(importer.platform)
        indexed_up_to = conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]
        conn.execute("INSERT INTO fts_deferred (id) VALUES (1)")
        batch: list[PreparedMessage] = []
        for count, record in enumerate(records, 1):
            if isinstance(record, ImportProblem):
                report.problems.append(record)
            elif isinstance(record, ImportedMessage):
                batch.append(preparer.prepare(record))
                if len(batch) >= BATCH:
                    writer.send(batch)
                    batch = []
            else:
                if batch:  # keep the file's order across record types
                    writer.send(batch)
                    batch = []
                writer.send(record)
            if progress is not None and count % 1000 == 0:
                progress(count)
        writer.send(batch)
        report.new, report.present = writer.new, writer.present
        context.finish()
        # Index this import's new messages in one pass (see fts_deferred in 0001_core.sql).
        conn.execute(
            "INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id > ?",
            (indexed_up_to,),
        )
        conn.execute("DELETE FROM fts_deferred")
        if report.problems and not skip_invalid:
            raise ImportFailed(
                f"{len(report.problems)} problem(s) in the file; nothing was imported",
                report.problems[0].render(),
                "fix the file, or pass --skip-invalid to keep the good records",
                problems=[p.render() for p in report.problems[:PROBLEMS_SHOWN]],
            )
        audit.append(
            conn,
            audit.Imported(
                subject="user",
                scope=WRITE_SCOPES.get(importer.platform, "messages.write"),
                purpose="import",
                format=importer.name,
                new=report.new,
                present=report.present,
                problems=len(report.problems),
            ),
            now,
        )
    return report
