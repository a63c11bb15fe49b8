"""Writing imported records into the vault: one transaction per file.

Importing is a write by the user, logged as an `import` entry with counts,
never content. Re-importing the same or an overlapping export adds nothing
twice: every message gets a content hash from the export's own id where it has
a stable one, else from its conversation, sender, time and text (plus its
position among identical messages in the same second, so that two "ok"s
stay two). Calendar events and location history are written by
`ingest_context.ContextWriter` in the same transaction.
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


def content_hash(platform: str, record: ImportedMessage, occurrence: int) -> str:
    if record.external_id is not None:
        parts = [platform, record.conversation_key, "id", record.external_id]
    else:
        parts = [
            platform,
            record.conversation_key,
            record.sender_handle or "",
            _time_identity(record),
            record.kind,
            record.text,
            str(occurrence),
        ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _time_identity(record: ImportedMessage) -> str:
    if record.wall_clock:
        return record.sent_at.strftime("%Y-%m-%dT%H:%M:%S")
    return str(int(record.sent_at.timestamp()))


class _Writer:
    """Caches conversation and participant ids while one file is written."""

    def __init__(self, vault: Vault, platform: str, source_id: int) -> None:
        self.conn = vault._conn
        self.platform = platform
        self.source_id = source_id
        self.conversations: dict[str, int] = {}
        self.participants: dict[tuple[int, str], int] = {}
        self.same_second: Counter[tuple[str, str, str, str]] = Counter()
        self.last_second = -1
        self.pending: list[tuple[object, ...]] = []

    def conversation_id(self, record: ImportedMessage) -> int:
        key = record.conversation_key
        if key not in self.conversations:
            full_key = f"{self.platform}:{key}"
            self.conn.execute(
                "INSERT INTO conversations (platform, key, title, kind) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO NOTHING",
                (self.platform, full_key, record.conversation_title, record.conversation_kind),
            )
            row = self.conn.execute(
                "SELECT id FROM conversations WHERE key = ?", (full_key,)
            ).fetchone()
            self.conversations[key] = int(row[0])
        return self.conversations[key]

    def participant_id(self, conversation_id: int, record: ImportedMessage) -> int | None:
        if record.sender_handle is None:
            return None
        key = (conversation_id, record.sender_handle)
        if key not in self.participants:
            self.conn.execute(
                "INSERT INTO participants (conversation_id, handle, name, is_me) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id, handle) DO NOTHING",
                (
                    conversation_id,
                    record.sender_handle,
                    record.sender_name or record.sender_handle,
                    int(record.is_from_me),
                ),
            )
            row = self.conn.execute(
                "SELECT id FROM participants WHERE conversation_id = ? AND handle = ?", key
            ).fetchone()
            self.participants[key] = int(row[0])
        return self.participants[key]

    def add(self, record: ImportedMessage) -> tuple[int, int] | None:
        """Queue one message; every BATCH messages, write them and return (new, present)."""
        second = int(record.sent_at.timestamp())
        if second != self.last_second:
            # Identical messages share a second, and exports are in time order,
            # so counting within the current second keeps memory flat.
            self.same_second.clear()
            self.last_second = second
        identity = (record.conversation_key, record.sender_handle or "", record.kind, record.text)
        occurrence = self.same_second[identity]
        self.same_second[identity] += 1
        conversation_id = self.conversation_id(record)
        self.pending.append(
            (
                conversation_id,
                self.source_id,
                self.participant_id(conversation_id, record),
                record.kind,
                record.sent_at.isoformat(),
                second,
                record.text,
                record.external_id,
                content_hash(self.platform, record, occurrence),
            )
        )
        return self.flush() if len(self.pending) >= BATCH else None

    def flush(self) -> tuple[int, int]:
        """Write the queued messages; (new, already present)."""
        if not self.pending:
            return 0, 0
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT INTO messages (conversation_id, source_id, sender_id, kind, sent_at, "
            "sent_at_utc, text, external_id, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (content_hash) DO NOTHING",
            self.pending,
        )
        new = self.conn.total_changes - before
        present = len(self.pending) - new
        self.pending.clear()
        return new, present


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
        writer = _Writer(vault, importer.platform, source_id)
        context = ContextWriter(conn, source_id, _zone(tz_name))
        indexed_up_to = conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]
        conn.execute("INSERT INTO fts_deferred (id) VALUES (1)")
        for count, record in enumerate(records, 1):
            if isinstance(record, ImportProblem):
                report.problems.append(record)
            elif isinstance(record, ImportedMessage):
                written = writer.add(record)
                if written is not None:
                    report.new += written[0]
                    report.present += written[1]
            elif context.write(record):
                report.new += 1
            else:
                report.present += 1
            if progress is not None and count % 1000 == 0:
                progress(count)
        context.finish()
        new, present = writer.flush()
        report.new += new
        report.present += present
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
