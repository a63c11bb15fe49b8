"""The write side of an import: ids for conversations and participants, batched inserts.

Measured and rejected: inserting on a second thread while the first parses.
SQLite releases the GIL once per row inside executemany, and taking it back
costs more than the overlap gains (100,000 WhatsApp messages: 4.1 s with a
writer thread against 3.7 s without), so everything runs on the importing thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ownlive.vault.connection import Connection
from ownlive.vault.ingest_context import ContextRecord, ContextWriter


class PreparedMessage(NamedTuple):
    """A message ready for insertion, everything but the database ids computed."""

    conversation_key: str
    conversation_title: str
    conversation_kind: str
    sender_handle: str | None
    sender_name: str | None
    is_from_me: bool
    kind: str
    sent_at: str
    sent_at_utc: int
    text: str
    external_id: str | None
    content_hash: bytes


class _Ids:
    """Conversation and participant ids, created on first sight and cached."""

    def __init__(self, conn: Connection, platform: str) -> None:
        self.conn = conn
        self.platform = platform
        self.conversations: dict[str, int] = {}
        self.participants: dict[tuple[int, str], int] = {}

    def conversation(self, m: PreparedMessage) -> int:
        found = self.conversations.get(m.conversation_key)
        if found is None:
            full_key = f"{self.platform}:{m.conversation_key}"
            self.conn.execute(
                "INSERT INTO conversations (platform, key, title, kind) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO NOTHING",
                (self.platform, full_key, m.conversation_title, m.conversation_kind),
            )
            row = self.conn.execute(
                "SELECT id FROM conversations WHERE key = ?", (full_key,)
            ).fetchone()
            found = self.conversations[m.conversation_key] = int(row[0])
        return found

    def participant(self, conversation_id: int, m: PreparedMessage) -> int | None:
        if m.sender_handle is None:
            return None
        key = (conversation_id, m.sender_handle)
        found = self.participants.get(key)
        if found is None:
            self.conn.execute(
                "INSERT INTO participants (conversation_id, handle, name, is_me) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id, handle) DO NOTHING",
                (conversation_id, m.sender_handle, m.sender_name or m.sender_handle, m.is_from_me),
            )
            row = self.conn.execute(
                "SELECT id FROM participants WHERE conversation_id = ? AND handle = ?", key
            ).fetchone()
            found = self.participants[key] = int(row[0])
        return found


class BatchWriter:
    """Writes batches of prepared messages and single context records, in file order."""

    def __init__(
        self, conn: Connection, platform: str, source_id: int, context: ContextWriter
    ) -> None:
        self._conn = conn
        self._ids = _Ids(conn, platform)
        self._source_id = source_id
        self._context = context
        self.new = 0
        self.present = 0

    def send(self, item: Sequence[PreparedMessage] | ContextRecord) -> None:
        if isinstance(item, list):
            self._write(item)
        elif self._context.write(item):  # type: ignore[arg-type]
            self.new += 1
        else:
            self.present += 1

    def _write(self, batch: list[PreparedMessage]) -> None:
        if not batch:
            return
        rows = []
        for m in batch:
            conversation_id = self._ids.conversation(m)
            rows.append(
                (
                    conversation_id,
                    self._source_id,
                    self._ids.participant(conversation_id, m),
                    m.kind,
                    m.sent_at,
                    m.sent_at_utc,
                    m.text,
                    m.external_id,
                    m.content_hash,
                )
            )
        cursor = self._conn.executemany(
            "INSERT INTO messages (conversation_id, source_id, sender_id, kind, sent_at, "
            "sent_at_utc, text, external_id, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (content_hash) DO NOTHING",
            rows,
        )
        self.new += cursor.rowcount
        self.present += len(rows) - cursor.rowcount
