"""The vault: one SQLite (or SQLCipher) file holding the user's personal data.

`Vault` owns the connection. Reading personal data is only possible through
`vault.session(subject=..., purpose=...)`; the methods here are the owner's
own operations (granting, revoking, the log, summaries of counts) and the
transaction helper that writers (import, restore, erase) share.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ownlive.errors import NotFound
from ownlive.vault import audit, consent
from ownlive.vault.connection import Connection, connect
from ownlive.vault.consent import Grant
from ownlive.vault.session import Session

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def default_vault_path() -> Path:
    """`$OWNLIVE_VAULT`, else `$XDG_DATA_HOME/ownlive/vault.db` (XDG default ~/.local/share)."""
    if os.environ.get("OWNLIVE_VAULT"):
        return Path(os.environ["OWNLIVE_VAULT"])
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "ownlive" / "vault.db"


@dataclass(frozen=True)
class Summary:
    path: str
    encrypted: bool
    schema_version: int
    sources: int
    conversations: int
    participants: int
    messages: int
    events: int
    location_points: int
    visits: int
    entities: int
    cards: int
    grants_active: int
    log_entries: int


class Vault:
    def __init__(
        self, path: Path, *, passphrase: str | None = None, clock: Clock = utc_now
    ) -> None:
        self.path = Path(path)
        self.encrypted = passphrase is not None
        self._clock = clock
        self._conn: Connection = connect(self.path, passphrase)
        self._depth = 0

    # --- lifecycle -------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        return self._clock()

    @contextlib.contextmanager
    def bulk_transaction(self) -> Iterator[Connection]:
        """A transaction for writing many rows (an import): its scratch space stays in memory.

        Every INSERT into a table with triggers or foreign keys keeps a
        statement journal so it can be undone alone; SQLite moves that journal
        to a temporary file once the transaction is big, and a 500,000-message
        import then wrote 6 GB to it, one page at a time (syscalls took a third
        of the import). In memory it is a few pages per statement. Only for the
        transaction: VACUUM (forget) must keep its vault-sized copy on disk.
        """
        if self._depth:
            with self.transaction() as conn:
                yield conn
            return
        self._conn.execute("PRAGMA temp_store = MEMORY")
        try:
            with self.transaction() as conn:
                yield conn
        finally:
            self._conn.execute("PRAGMA temp_store = DEFAULT")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit; nested calls become savepoints of the outer one."""
        conn = self._conn
        name = f"sp{self._depth}"
        conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield conn
        except BaseException:
            self._depth -= 1
            conn.execute("ROLLBACK" if self._depth == 0 else f"ROLLBACK TO {name}")
            if self._depth:
                conn.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")

    # --- the door ---------------------------------------------------------

    def session(self, *, subject: str, purpose: str) -> Session:
        return Session(self, subject, purpose)

    def platform_of(self, conversation_id: int) -> str:
        platform = self.platform_or_none(conversation_id)
        if platform is None:
            raise NotFound(f"no conversation with id {conversation_id}")
        return platform

    def platform_or_none(self, conversation_id: int) -> str | None:
        """The conversation's platform; None when there is no such conversation.

        The gate uses this form: whether an id exists is itself something a
        subject without a grant must not learn, so an unknown id goes on to a
        logged denial or an empty, logged read.
        """
        row = self._conn.execute(
            "SELECT platform FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    # --- consent ------------------------------------------------------------

    def grant(
        self,
        scope: str,
        *,
        subject: str,
        purpose: str,
        until: datetime | None = None,
        once: bool = False,
        platform: str | None = None,
        conversation_id: int | None = None,
    ) -> Grant:
        with self.transaction() as conn:
            if conversation_id is not None:
                self.platform_of(conversation_id)  # must exist
            return consent.create(
                conn,
                subject=subject,
                scope=scope,
                purpose=purpose,
                now=self.now(),
                expires_at=until,
                once=once,
                source_platform=platform,
                conversation_id=conversation_id,
            )

    def revoke(self, grant_id: int) -> Grant:
        with self.transaction() as conn:
            return consent.revoke(conn, grant_id, self.now())

    def grants(self, subject: str | None = None) -> list[Grant]:
        return consent.all_grants(self._conn, subject)

    # --- the log -------------------------------------------------------------

    def log(self, event: audit.AccessEvent) -> int:
        with self.transaction() as conn:
            return audit.append(conn, event, self.now().isoformat())

    def log_entries(
        self, subject: str | None = None, since: datetime | None = None
    ) -> list[audit.LogEntry]:
        since_text = since.astimezone(UTC).isoformat() if since else None
        return list(audit.entries(self._conn, subject, since_text))

    def verify_log(self, witness: tuple[int, str] | None = None) -> audit.Verification:
        return audit.verify(self._conn, witness)

    def log_head(self) -> tuple[int, str]:
        return audit.head(self._conn)

    # --- the owner's overview (counts only) -----------------------------------

    def summary(self) -> Summary:
        def count(sql: str) -> int:
            return int(self._conn.execute(sql).fetchone()[0])

        now = self.now()
        return Summary(
            path=str(self.path),
            encrypted=self.encrypted,
            schema_version=count("PRAGMA user_version"),
            sources=count("SELECT count(*) FROM sources"),
            conversations=count("SELECT count(*) FROM conversations"),
            participants=count("SELECT count(*) FROM participants"),
            messages=count("SELECT count(*) FROM messages"),
            events=count("SELECT count(*) FROM events"),
            location_points=count("SELECT count(*) FROM points"),
            visits=count("SELECT count(*) FROM visits"),
            entities=count("SELECT count(*) FROM entities"),
            cards=count("SELECT count(*) FROM cards"),
            grants_active=sum(1 for g in self.grants() if g.state(now) == "active"),
            log_entries=self.log_head()[0],
        )
