"""Erase: `forget` a message, a conversation, a source, or everything.

Forgetting deletes the rows and everything derived from them (full-text index
entries, entities, cards citing them; for a conversation, source or
everything also the conversations and participants left without messages,
and for a source every row it brought), in one transaction. Then the bytes
go: the FTS index is merged so that no old segment keeps the deleted
trigrams, freed space is zeroed (`secure_delete` is on for every vault
connection), the file is rebuilt by VACUUM, and the write-ahead log is
checkpointed and cut to zero bytes. The access log records that an erase
happened, its kind of target and how many rows went, never ids or text.
Grants and the access log stay; grants narrowed to a conversation that is
gone are revoked (see `_revoke_orphaned_grants`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from ownlive.errors import NotFound, UsageError, VaultError
from ownlive.vault import audit, consent
from ownlive.vault.connection import Connection, DatabaseError
from ownlive.vault.records import Source
from ownlive.vault.store import Vault

TargetKind = Literal["message", "conversation", "source", "everything"]
TARGET_KINDS: tuple[TargetKind, ...] = ("message", "conversation", "source", "everything")

# What survives `forget --everything`: the user's consent decisions and the
# record of access to their data. Every other table is personal data and is
# emptied, so a table added by a later migration is erased unless named here.
KEPT_TABLES = frozenset({"grants", "access_log", "access_log_head"})

# Which messages a target covers, as a condition over `messages`.
_MESSAGES_OF: dict[TargetKind, str] = {
    "message": "id = ?",
    "conversation": "conversation_id = ?",
    "source": "source_id = ?",
    "everything": "1",
}
_EXISTS: dict[TargetKind, tuple[str, str]] = {
    "message": ("messages", "find ids with: ownlive messages --as cli --for browse"),
    "conversation": ("conversations", "list them with: ownlive conversations"),
    "source": ("sources", "list them with: ownlive sources"),
}


@dataclass(frozen=True)
class Target:
    """What to forget: one message, conversation or source by id, or everything."""

    kind: TargetKind
    id: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in TARGET_KINDS:
            raise UsageError(
                f"unknown erase target {self.kind!r}", "", "use " + ", ".join(TARGET_KINDS)
            )
        if (self.id is None) != (self.kind == "everything"):
            what = (
                "everything takes no id" if self.id is not None else f"a {self.kind} needs its id"
            )
            raise UsageError(f"forgetting {what}", "", "pass an id, or use Target('everything')")

    def describe(self) -> str:
        return "everything" if self.id is None else f"{self.kind} {self.id}"


@dataclass(frozen=True)
class Erasure:
    """How many rows of each table a `forget` removed."""

    target: TargetKind
    removed: dict[str, int] = field(default_factory=dict)
    grants_revoked: int = 0

    @property
    def rows(self) -> int:
        return sum(self.removed.values())

    @property
    def messages(self) -> int:
        return self.removed.get("messages", 0)


def forget(vault: Vault, target: Target) -> Erasure:
    """Delete what `target` names and everything derived from it; scrub the files."""
    if vault._conn.in_transaction:
        # VACUUM cannot run inside a transaction, and the scrub is the point.
        raise UsageError("forget cannot run inside another transaction", f"vault {vault.path}", "")
    # The scrub needs the WAL to itself. Checking first means that, when some
    # other program holds a snapshot, nothing is deleted and the user can retry.
    if _checkpoint(vault._conn):
        raise VaultError(
            "another program is reading or writing the vault",
            f"vault {vault.path}",
            "close it and run the forget again",
        )
    with vault.transaction() as conn:
        _check_exists(conn, target)
        removed = _delete(conn, target)
        audit.append(
            conn,
            audit.Erased(
                subject="user",
                scope="vault.erase",
                purpose="forget",
                target=target.kind,
                rows=sum(removed.values()),
            ),
            vault.now().isoformat(),
        )
        revoked = _revoke_orphaned_grants(conn, vault.now())
        # FTS5 (SQLite 3.40, the stdlib's, has no 'secure-delete' option) keeps
        # a deleted row's trigrams in its old segments, and writes them once
        # more as delete markers, until segments are merged; `optimize` merges
        # them all now. Evidence: without it, 9 of 9 trigrams of an English
        # marker were still in the file after delete, checkpoint and VACUUM,
        # and every case of test_forget_leaves_no_trace_in_the_files fails.
        for table in _fts_tables(conn):
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    _scrub(vault._conn, str(vault.path))
    return Erasure(target.kind, removed, revoked)


def forget_message(vault: Vault, message_id: int) -> Erasure:
    return forget(vault, Target("message", message_id))


def forget_conversation(vault: Vault, conversation_id: int) -> Erasure:
    return forget(vault, Target("conversation", conversation_id))


def forget_source(vault: Vault, source_id: int) -> Erasure:
    return forget(vault, Target("source", source_id))


def forget_everything(vault: Vault) -> Erasure:
    return forget(vault, Target("everything"))


def covered(vault: Vault, target: Target) -> dict[str, int]:
    """The rows `target` names directly (what the user confirms); NotFound for an unknown id."""
    conn = vault._conn
    _check_exists(conn, target)
    params = () if target.id is None else (target.id,)
    where = _MESSAGES_OF[target.kind]
    found = {"messages": _count(conn, f"SELECT count(*) FROM messages WHERE {where}", params)}
    if target.kind in ("source", "everything"):
        for table, column in _source_owned(conn):
            where = f"{column} = ?" if target.id is not None else "1"
            found[table] = _count(conn, f"SELECT count(*) FROM {table} WHERE {where}", params)
    return {table: n for table, n in found.items() if n or table == "messages"}


def list_sources(vault: Vault) -> list[Source]:
    """The imported files, with message counts: what the owner picks a source to forget from."""
    rows = vault._conn.execute(
        "SELECT s.id, s.platform, s.format, s.file_name, s.sha256, s.imported_at, "
        "(SELECT count(*) FROM messages m WHERE m.source_id = s.id) FROM sources s ORDER BY s.id"
    ).fetchall()
    return [Source(*row) for row in rows]


# --- inside the transaction --------------------------------------------------


def _check_exists(conn: Connection, target: Target) -> None:
    if target.id is None:
        return
    table, fix = _EXISTS[target.kind]
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (target.id,)).fetchone() is None:
        raise NotFound(f"no {target.kind} with id {target.id}", "", fix)


def _count(conn: Connection, sql: str, params: tuple[int, ...]) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


def _delete(conn: Connection, target: Target) -> dict[str, int]:
    params: tuple[int, ...] = () if target.id is None else (target.id,)
    chosen = f"SELECT id FROM messages WHERE {_MESSAGES_OF[target.kind]}"
    removed: dict[str, int] = {}
    # Derived rows go by ON DELETE CASCADE, so they are counted beforehand.
    removed["entities"] = _count(
        conn, f"SELECT count(*) FROM entities WHERE message_id IN ({chosen})", params
    )
    # A card's payload is built from its evidence and can quote it (an
    # address, a flight number), so a card citing a forgotten message goes
    # even when other messages support it too.
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS erase_cards (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM erase_cards")
    conn.execute(
        "INSERT OR IGNORE INTO erase_cards SELECT card_id FROM card_evidence "
        f"WHERE message_id IN ({chosen})",
        params,
    )
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS erase_convs (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM erase_convs")
    conn.execute(
        "INSERT OR IGNORE INTO erase_convs "
        f"SELECT DISTINCT conversation_id FROM messages WHERE {_MESSAGES_OF[target.kind]}",
        params,
    )
    # The row triggers remove each message's entries from the FTS index.
    removed["messages"] = conn.execute(
        f"DELETE FROM messages WHERE {_MESSAGES_OF[target.kind]}", params
    ).rowcount
    removed["cards"] = conn.execute(
        "DELETE FROM cards WHERE id IN (SELECT id FROM erase_cards)"
    ).rowcount
    conn.execute("DROP TABLE erase_cards")
    if target.kind != "message":
        _drop_empty_conversations(conn, removed)
    conn.execute("DROP TABLE erase_convs")
    if target.kind == "source":
        # Other rows a source brought (calendar events, location history) go
        # by name rather than by cascade, so they are counted, and a foreign
        # key without ON DELETE CASCADE cannot stop the erase.
        for table, column in _source_owned(conn):
            removed[table] = conn.execute(
                f"DELETE FROM {table} WHERE {column} = ?", params
            ).rowcount
        removed["sources"] = conn.execute("DELETE FROM sources WHERE id = ?", params).rowcount
    if target.kind == "everything":
        _empty_all(conn, removed)
    return {table: count for table, count in removed.items() if count}


def _drop_empty_conversations(conn: Connection, removed: dict[str, int]) -> None:
    """Delete the conversations, and their participants, that the erase left without messages."""
    removed["participants"] = conn.execute(
        "DELETE FROM participants WHERE conversation_id IN (SELECT id FROM erase_convs) "
        "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.sender_id = participants.id)"
    ).rowcount
    removed["conversations"] = conn.execute(
        "DELETE FROM conversations WHERE id IN (SELECT id FROM erase_convs) "
        "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id)"
    ).rowcount


def _revoke_orphaned_grants(conn: Connection, now: datetime) -> int:
    """Revoke grants narrowed to a conversation that no longer exists.

    A conversation id is a rowid, which SQLite hands out again once it is the
    highest, so such a grant would otherwise come to cover a conversation the
    user never chose. The revocation is logged as any other; it names the
    grant, and that its conversation is gone can be seen in the vault anyway.
    """
    orphaned = [
        int(row[0])
        for row in conn.execute(
            "SELECT id FROM grants WHERE conversation_id IS NOT NULL AND revoked_at IS NULL "
            "AND conversation_id NOT IN (SELECT id FROM conversations) ORDER BY id"
        ).fetchall()
    ]
    for grant_id in orphaned:
        consent.revoke(conn, grant_id, now)
    return len(orphaned)


def _empty_all(conn: Connection, removed: dict[str, int]) -> None:
    """Empty every personal-data table (`forget --everything`)."""
    # Order does not matter inside this transaction: foreign keys are checked
    # at commit. FTS tables are emptied by the message triggers, not by DELETE.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for table in _tables(conn):
        if table not in KEPT_TABLES:
            removed[table] = removed.get(table, 0) + conn.execute(f"DELETE FROM {table}").rowcount


def _tables(conn: Connection) -> list[str]:
    """Ordinary tables: not SQLite's own, not FTS tables or their shadow tables."""
    # table_list types FTS shadow tables as 'shadow' and FTS tables as 'virtual'.
    return sorted(
        str(row[1])
        for row in conn.execute("PRAGMA main.table_list").fetchall()
        if row[2] == "table" and not str(row[1]).startswith("sqlite_")
    )


def _source_owned(conn: Connection) -> list[tuple[str, str]]:
    """(table, column) for each table besides messages whose rows belong to a source."""
    return [
        (table, str(key[3]))
        for table in _tables(conn)
        if table != "messages"
        for key in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        if key[2] == "sources"
    ]


def _fts_tables(conn: Connection) -> list[str]:
    return [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name"
        )
    ]


# --- after the commit ----------------------------------------------------------


def _scrub(conn: Connection, where: str) -> None:
    """Rewrite the vault file without free space, then empty the write-ahead log.

    secure_delete zeroes a deleted row where it lies, but not the copies that
    earlier rebalancing left in the unused middle of other b-tree pages
    (SQLite's rebuildPage does not clear that gap). Evidence: 20,000 messages
    in 20 conversations, 10 forgotten one after another: a forgotten
    conversation's tag was still in the gap of a `messages` leaf page in 2 of
    3 seeds; with VACUUM, in none (kept at 2,000 messages as a test in
    tests/vault/test_erase_scrub.py). So the file is rebuilt from the live
    rows: forgetting one message of 100,000 (a 56 MB vault) took 0.9-1.2 s,
    2.0 s with SQLCipher. In WAL mode VACUUM goes through the WAL, which the
    TRUNCATE checkpoint then writes back and cuts to zero bytes.
    """
    try:
        conn.execute("VACUUM")
        busy = _checkpoint(conn)
    except DatabaseError:
        busy = True
    if busy:
        raise VaultError(
            "the rows are erased, but another program opened the vault meanwhile, so old "
            "pages remain in the file until it closes",
            f"vault {where}",
            "close the other programs using the vault; the last one to close writes the clean "
            "pages back",
        )


def _checkpoint(conn: Connection) -> bool:
    """Write the WAL back into the vault file and cut it to zero bytes; True when busy."""
    return bool(conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0])
