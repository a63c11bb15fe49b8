"""Opening the vault file: plain SQLite, or SQLCipher when a passphrase is given.

Both drivers speak the same DB-API, so everything above this module is the
same for an encrypted and a plain vault.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ownlive.errors import UsageError, VaultError, WrongPassphrase
from ownlive.vault.migrations import LATEST_VERSION, all_migrations

Connection = Any  # sqlite3.Connection or sqlcipher3's equivalent; same DB-API
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
try:
    import sqlcipher3

    DatabaseError = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
except ImportError:  # pragma: no cover - sqlcipher3 is a pinned dependency
    sqlcipher3 = None


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


PLAIN_PAGE_SIZE = 16384


def connect(path: Path, passphrase: str | None = None) -> Connection:
    """Open (creating if needed) the vault at `path`, migrated to the latest schema."""
    conn = open_file(path, passphrase)
    _configure(conn)
    migrate(conn, str(path))
    return conn


def open_file(path: Path, passphrase: str | None = None) -> Connection:
    """Open the file with the right driver and key, checked, but neither configured nor migrated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if passphrase is not None:
        if sqlcipher3 is None:  # pragma: no cover
            raise VaultError("encryption needs sqlcipher3", "", "reinstall ownlive")
        if not passphrase:
            # SQLCipher refuses an empty key with an OperationalError of its own.
            raise UsageError(
                "the passphrase is empty",
                f"vault {path}",
                "set OWNLIVE_PASSPHRASE or --passphrase-file to a non-empty passphrase",
            )
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        # SQLCipher writes its own lines ("hmac check failed for pgno=1") straight
        # to stderr on a wrong key; we report that as one WrongPassphrase line.
        # The level is process-wide, so setting it on each connection is harmless.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # PRAGMA takes no bound parameters; the passphrase is quoted as an SQL string.
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        # A new vault gets 16 KiB pages instead of 4 KiB: bulk imports insert
        # into six B-trees, and with four times the fan-out a 1,000,000-message
        # import spent 11 µs per message on inserts and indexing instead of 17.
        # An existing file keeps the size its header names. (SQLCipher files
        # stay at 4 KiB: their page size is not read from the file but must be
        # given on every open.)
        conn.execute(f"PRAGMA page_size = {PLAIN_PAGE_SIZE}")
    try:
        # The first real read decides whether the key (or the plain format) fits.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as error:
        conn.close()
        if "not a database" in str(error) or "encrypted" in str(error):
            raise WrongPassphrase(str(path)) from None
        raise VaultError(f"cannot open the vault: {error}", f"vault {path}", "") from None
    return conn


def _configure(conn: Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable in WAL mode except for the last transactions on power loss.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Freed pages are zeroed, so erased text does not linger in the file.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # 64 MiB of page cache: imports insert into several B-trees at random
    # positions (content hashes), which thrashes the 2 MiB default.
    conn.execute("PRAGMA cache_size = -65536")


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _unhex(text: str | None) -> bytes | None:
    return None if text is None else bytes.fromhex(text)


def migrate(conn: Connection, where: str, up_to: int = LATEST_VERSION) -> None:
    """Apply the migrations after the file's version, up to `up_to` (default: all)."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise VaultError(
            f"the vault has schema version {current}, newer than this ownlive ({LATEST_VERSION})",
            f"vault {where}",
            "upgrade ownlive",
        )
    # SQL functions some migrations need, older SQLite builds lack.
    conn.create_function("ownlive_unhex", 1, _unhex, deterministic=True)
    for migration in all_migrations():
        if migration.version <= current or migration.version > up_to:
            continue
        # executescript commits; the version bump rides in the same script so
        # a crash leaves either the old or the new version, never half of one.
        conn.executescript(
            "BEGIN;\n" + migration.sql + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;"
        )
