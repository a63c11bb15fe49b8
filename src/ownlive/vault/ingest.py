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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ownlive.errors import ImportFailed
from ownlive.importers.base import (
    ImportedMessage,
    Importer,
    ImportOptions,
    ImportProblem,
    Record,
)
from ownlive.vault import audit
from ownlive.vault.connection import Connection
from ownlive.vault.ingest_child import parsed_in_child, worth_a_child
from ownlive.vault.ingest_context import WRITE_SCOPES, ContextRecord, ContextWriter
from ownlive.vault.ingest_writer import BatchWriter, PreparedMessage
from ownlive.vault.store import Vault
from ownlive.vault.triggers import restore_triggers, suspend_insert_triggers

PROBLEMS_SHOWN = 10
BATCH = 1000  # messages per executemany: large enough to amortise, small enough for flat memory
# New messages indexed for search in one pass: the pass runs while a parsing
# child prepares the next rows, and one pass per 50,000 costs no more than one at the end.
FTS_PASS = 50_000
Progress = Callable[[int], None]
Item = PreparedMessage | ImportProblem | ContextRecord


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
) -> bytes:
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
    # 16 bytes: see 0006_import_speed.sql.
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).digest()[:16]


class _Preparer:
    """Turns records into rows: times, occurrence counts, hashes."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.same_second: Counter[tuple[str, str, str, str]] = Counter()
        self.last_second = -1
        # Chats put several messages in one minute and parsers reuse the datetime
        # for them: converting it once saves two conversions per message.
        self.last_moment: datetime | None = None
        self.last_times = ("", 0)

    def prepare(self, record: ImportedMessage) -> PreparedMessage:
        moment = record.sent_at
        if moment is self.last_moment:
            sent_at, second = self.last_times
        else:
            sent_at, second = moment.isoformat(), int(moment.timestamp())
            self.last_moment, self.last_times = moment, (sent_at, second)
        if second != self.last_second:
            # Identical messages share a second, and exports are in time order,
            # so counting within the current second keeps memory flat.
            self.same_second.clear()
            self.last_second = second
        identity = (record.conversation_key, record.sender_handle or "", record.kind, record.text)
        occurrence = self.same_second[identity]
        self.same_second[identity] = occurrence + 1
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


def prepared_batches(records: Iterable[Record], platform: str) -> Iterator[list[Item]]:
    """The records in file order, messages prepared, in lists of about BATCH items."""
    preparer = _Preparer(platform)
    prepare = preparer.prepare
    batch: list[Item] = []
    for record in records:
        batch.append(prepare(record) if isinstance(record, ImportedMessage) else record)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


class Problem(Protocol):
    """A record that could not be read (ImportProblem, PoiProblem): it renders as one line."""

    def render(self) -> str: ...


def refuse_problems(problems: Sequence[Problem], skip_invalid: bool) -> None:
    """Raise ImportFailed, rolling the file back, if it had problems and they may not be skipped."""
    if problems and not skip_invalid:
        raise ImportFailed(
            f"{len(problems)} problem(s) in the file; nothing was imported",
            problems[0].render(),
            "fix the file, or pass --skip-invalid to keep the good records",
            problems=[p.render() for p in problems[:PROBLEMS_SHOWN]],
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
    batches = prepared_batches(records, importer.platform)
    return _write_file(vault, importer, path, batches, skip_invalid, tz_name, progress)


def ingest_file(
    vault: Vault,
    importer: Importer,
    path: Path,
    options: ImportOptions,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    in_child: bool | None = None,
) -> ImportReport:
    """Parse `path` and write it, parsing in a child process when the file is big.

    `in_child` None decides by the file's size and the machine's cores; the
    records and the vault come out the same either way.
    """
    if in_child is None:
        in_child = worth_a_child(path)
    if in_child:
        batches = parsed_in_child(importer, path, options, _parse_and_prepare)
    else:
        batches = _parse_and_prepare(importer, path, options)
    return _write_file(vault, importer, path, batches, skip_invalid, options.tz_name, progress)


def _parse_and_prepare(
    importer: Importer, path: Path, options: ImportOptions
) -> Iterator[list[Item]]:
    return prepared_batches(importer.parse(path, options), importer.platform)


def _write_file(
    vault: Vault,
    importer: Importer,
    path: Path,
    batches: Iterable[list[Item]],
    skip_invalid: bool,
    tz_name: str | None,
    progress: Progress | None,
) -> ImportReport:
    report = ImportReport(importer.name, path.name)
    sha = file_sha256(path)
    now = vault.now().isoformat()
    with vault.bulk_transaction() as conn:
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
        fts = _SearchIndex(conn)
        count = 0
        for batch in batches:
            messages: list[PreparedMessage] = []
            for item in batch:
                if isinstance(item, PreparedMessage):
                    messages.append(item)
                    continue
                if messages:  # keep the file's order across record types
                    writer.send(messages)
                    messages = []
                if isinstance(item, ImportProblem):
                    report.problems.append(item)
                else:
                    writer.send(item)
            writer.send(messages)
            fts.catch_up(FTS_PASS)
            count += len(batch)
            if progress is not None:
                progress(count)
        report.new, report.present = writer.new, writer.present
        context.finish()
        fts.finish()
        refuse_problems(report.problems, skip_invalid)
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


class _SearchIndex:
    """Indexes an import's new messages in bulk passes instead of a trigger per row.

    The per-row trigger is suspended for the import's transaction (see
    `vault.triggers`); a pass per FTS_PASS new rows and one at the end index
    them, ten times faster than the trigger (measured on 30,000 messages).
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.indexed_up_to = self._newest()
        self.suspended = suspend_insert_triggers(conn, "messages")

    def _newest(self) -> int:
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0])

    def catch_up(self, at_least: int) -> None:
        """Index the messages written since the last pass once there are `at_least` of them."""
        newest = self._newest()
        if newest - self.indexed_up_to < max(at_least, 1):
            return
        self.conn.execute(
            "INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages "
            "WHERE id > ? AND id <= ?",
            (self.indexed_up_to, newest),
        )
        self.indexed_up_to = newest

    def finish(self) -> None:
        self.catch_up(0)
        restore_triggers(self.conn, self.suspended)
