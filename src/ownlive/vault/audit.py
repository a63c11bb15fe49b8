"""The tamper-evident access log.

Every read, denial, grant, revocation, import, export and erase is appended as
an entry whose hash covers its own fields and the previous entry's hash
(SHA-256 over a canonical JSON encoding). Editing, deleting or reordering any
entry breaks the chain from that entry on; deleting the newest entries is
caught by the head row kept beside the chain. `head()` is what an outside
witness records (a printed `SEQ:HASH`), and `verify(witness=...)` checks the
chain still contains it, so even a rewrite of the whole file is caught once a
head has been written down elsewhere.

Entries never hold message content: counts, ids, digests and names only.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ownlive.vault.connection import Connection

GENESIS_HASH = "0" * 64
LOG_COLUMNS = (
    "seq",
    "at",
    "event",
    "subject",
    "scope",
    "purpose",
    "grant_id",
    "detail",
    "prev_hash",
    "hash",
)


# --- Events: one dataclass per kind of access, registered by `kind`. --------


@dataclass(frozen=True)
class AccessEvent:
    kind: ClassVar[str] = ""
    subject: str
    scope: str = ""
    purpose: str = ""
    grant_id: int | None = None

    def detail(self) -> dict[str, Any]:
        common = {"subject", "scope", "purpose", "grant_id"}
        return {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in common
        }


@dataclass(frozen=True)
class ReadAllowed(AccessEvent):
    kind: ClassVar[str] = "read"
    query: str = ""
    rows: int = 0
    rows_digest: str = ""  # SHA-256 over the ids returned: proves which rows, reveals nothing


@dataclass(frozen=True)
class ReadDenied(AccessEvent):
    kind: ClassVar[str] = "denied"
    query: str = ""
    reason: str = ""


@dataclass(frozen=True)
class GrantCreated(AccessEvent):
    kind: ClassVar[str] = "grant"
    expires_at: str | None = None
    once: bool = False
    consent_version: str = ""
    consent_sha256: str = ""
    narrowed_to: str | None = None


@dataclass(frozen=True)
class GrantRevoked(AccessEvent):
    kind: ClassVar[str] = "revoke"


@dataclass(frozen=True)
class Imported(AccessEvent):
    kind: ClassVar[str] = "import"
    format: str = ""
    new: int = 0
    present: int = 0
    problems: int = 0


@dataclass(frozen=True)
class Exported(AccessEvent):
    kind: ClassVar[str] = "export"
    rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Restored(AccessEvent):
    kind: ClassVar[str] = "restore"
    rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Erased(AccessEvent):
    kind: ClassVar[str] = "erase"
    target: str = ""  # message, conversation, source or everything; never which one
    rows: int = 0


@dataclass(frozen=True)
class Outbound(AccessEvent):
    kind: ClassVar[str] = "outbound"
    destination: str = ""
    sent: str = ""  # a description of what was sent, e.g. "lat,lon rounded to 0.01"


# --- The chain. -------------------------------------------------------------


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(row: dict[str, Any]) -> str:
    fields = [row[name] for name in LOG_COLUMNS if name != "hash"]
    return hashlib.sha256(canonical(fields)).hexdigest()


def ids_digest(ids: list[int] | array[int]) -> str:
    """SHA-256 over the ids as little-endian int64: proves which rows, reveals nothing."""
    packed = array("q", ids)  # a copy: the byte swap below must not touch the caller's ids
    if sys.byteorder != "little":
        packed.byteswap()
    return hashlib.sha256(packed.tobytes()).hexdigest()


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM access_log_head WHERE id = 1").fetchone()
    return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


def append(conn: Connection, event: AccessEvent, at: str) -> int:
    """Append `event`; the caller holds the write transaction it belongs to."""
    last_seq, last_hash = head(conn)
    row: dict[str, Any] = {
        "seq": last_seq + 1,
        "at": at,
        "event": event.kind,
        "subject": event.subject,
        "scope": event.scope,
        "purpose": event.purpose,
        "grant_id": event.grant_id,
        "detail": canonical(event.detail()).decode(),
        "prev_hash": last_hash,
    }
    row["hash"] = entry_hash(row)
    conn.execute(
        f"INSERT INTO access_log ({', '.join(LOG_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(LOG_COLUMNS))})",
        [row[name] for name in LOG_COLUMNS],
    )
    conn.execute(
        "INSERT OR REPLACE INTO access_log_head (id, seq, hash) VALUES (1, ?, ?)",
        (row["seq"], row["hash"]),
    )
    return int(row["seq"])


@dataclass(frozen=True)
class Verification:
    entries: int
    head_seq: int
    head_hash: str
    broken_at: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(conn: Connection, witness: tuple[int, str] | None = None) -> Verification:
    """Walk the chain from the first entry; report the first entry that does not hold."""
    expected_seq, prev = 1, GENESIS_HASH
    hashes_seen: dict[int, str] = {}
    cursor = conn.execute(f"SELECT {', '.join(LOG_COLUMNS)} FROM access_log ORDER BY seq")
    count = 0
    for values in cursor:
        row = dict(zip(LOG_COLUMNS, values, strict=True))
        seq = row["seq"]
        if seq != expected_seq:
            return Verification(
                count, expected_seq - 1, prev, expected_seq, "entry missing or moved"
            )
        if row["prev_hash"] != prev:
            return Verification(count, seq - 1, prev, seq, "previous-hash link broken")
        if entry_hash(row) != row["hash"]:
            return Verification(count, seq - 1, prev, seq, "entry altered (hash mismatch)")
        if witness is not None and seq == witness[0]:
            hashes_seen[seq] = row["hash"]
        prev, expected_seq, count = row["hash"], expected_seq + 1, count + 1
    recorded_seq, recorded_hash = head(conn)
    if (recorded_seq, recorded_hash) != (count, prev):
        if recorded_seq > count:
            return Verification(count, count, prev, count + 1, "entry missing (after the last one)")
        return Verification(count, count, prev, count, "head does not match the last entry")
    if witness is not None:
        witnessed_seq, witnessed_hash = witness
        if witnessed_seq > count:
            return Verification(count, count, prev, count + 1, "entries after it are missing")
        if hashes_seen.get(witnessed_seq) != witnessed_hash:
            return Verification(count, count, prev, witnessed_seq, "differs from the witness")
    return Verification(count, count, prev)


@dataclass(frozen=True)
class LogEntry:
    seq: int
    at: str
    event: str
    subject: str
    scope: str
    purpose: str
    grant_id: int | None
    detail: dict[str, Any]


def entries(
    conn: Connection, subject: str | None = None, since: str | None = None
) -> Iterator[LogEntry]:
    clauses, params = [], []
    if subject is not None:
        clauses.append("subject = ?")
        params.append(subject)
    if since is not None:
        clauses.append("at >= ?")
        params.append(since)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"SELECT {', '.join(LOG_COLUMNS[:-2])} FROM access_log{where} ORDER BY seq"
    for values in conn.execute(sql, params):
        row = dict(zip(LOG_COLUMNS[:-2], values, strict=True))
        row["detail"] = json.loads(row["detail"])
        yield LogEntry(**row)
