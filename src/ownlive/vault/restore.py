"""`restore_vault`: rebuild a vault from an archive written by `export_vault`.

The archive is checked as it is read: the manifest's format and versions, each
table file's SHA-256 and row count, every line's JSON, table and columns. Any
problem is an `ArchiveError` naming the file inside the archive, its line and
its field (never a value from it), and nothing is left behind: the new vault
file and its -wal/-shm/-journal are removed.

The rows are loaded into a vault created at the archive's schema version, in
one transaction, and only then migrated to ours, so that an archive from an
older ownlive goes through the same migrations its vault would have. The
access log's head is derived from its last entry, the full-text index is
rebuilt, the chain must verify and end with the archive's own export entry;
then the restore itself is logged.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from ownlive.errors import ArchiveError, LogTampered, UsageError, VaultError
from ownlive.vault import audit, connection
from ownlive.vault.archive import (
    FIX_NOT_OURS,
    MANIFEST_NAME,
    ExportManifest,
    TableFile,
    TableSpec,
    archive_error,
    decode_line,
    exported_tables,
    member_name,
    quote_ident,
    read_manifest,
)
from ownlive.vault.connection import Connection, DatabaseError, migrate, open_file
from ownlive.vault.store import Clock, Vault, utc_now
from ownlive.vault.triggers import restore_triggers, suspend_insert_triggers

# A row the schema refuses (UNIQUE, NOT NULL, CHECK, a type mismatch); any
# other database error (a full disk) is the machine's problem, not the archive's.
_CONSTRAINT = (sqlite3.IntegrityError, sqlcipher3.IntegrityError)


@dataclass(frozen=True)
class RestoreReport:
    path: str
    archive: str
    archive_created_at: str
    archive_schema_version: int
    schema_version: int  # of the restored vault, after migrations
    rows: dict[str, int]
    log_entries: int  # including the restore's own entry
    log_head: str  # SEQ:HASH, to write down as a witness


def _load_table(
    conn: Connection,
    archive: zipfile.ZipFile,
    path: Path,
    member: str,
    entry: TableFile,
    spec: TableSpec,
) -> None:
    columns = ", ".join(quote_ident(c) for c in spec.columns)
    marks = ", ".join("?" * len(spec.columns))
    insert = f"INSERT INTO {quote_ident(spec.name)} ({columns}) VALUES ({marks})"
    digest = hashlib.sha256()
    count = 0
    problem: ArchiveError | None = None
    try:
        with archive.open(member) as handle:
            for raw in handle:  # streamed line by line, split on b"\n" only
                digest.update(raw)
                count += 1
                if problem is not None:
                    continue  # hash to the end: a damaged file is reported as that, not as a line
                try:
                    conn.execute(insert, decode_line(raw, spec, path, member, count))
                except ArchiveError as error:
                    problem = error
                except UnicodeEncodeError:
                    problem = archive_error("text with a lone surrogate", path, member, count)
                except _CONSTRAINT as error:  # names the constraint, never a value
                    problem = archive_error(
                        f"rejected by the schema ({error})", path, member, count
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        raise archive_error("the file is damaged inside the zip", path, member) from None
    if digest.hexdigest() != entry.sha256:
        raise archive_error("the content does not match the manifest", path, member, field="sha256")
    if problem is not None:
        raise problem
    if count != entry.rows:
        what = f"the file has {count} rows, the manifest says {entry.rows}"
        raise archive_error(what, path, member, field="rows")


def _check_foreign_keys(conn: Connection, path: Path) -> None:
    found = conn.execute("PRAGMA foreign_key_check").fetchone()
    if found is None:
        return
    table, _rowid, parent, key_id = found
    column = next(
        (
            str(fk[3])
            for fk in conn.execute(f"PRAGMA foreign_key_list({quote_ident(table)})")
            if fk[0] == key_id
        ),
        "?",
    )
    raise archive_error(
        f"a row refers to a missing {parent} row", path, member_name(table), field=column
    )


# --- Building the vault. -------------------------------------------------------------


def _create(target: Path, passphrase: str | None, version: int) -> Connection:
    """A new vault file at schema `version` (not ours, when the archive is older).

    `connection.connect` would migrate straight to our version; the rows must
    go in at theirs, so the file is opened the same way but migrated only so far.
    """
    conn = open_file(target, passphrase)
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        migrate(conn, str(target), up_to=version)
    except DatabaseError as error:
        conn.close()
        raise VaultError(f"cannot create the vault ({error})", f"vault {target}", "") from None
    return conn


def _load(archive: zipfile.ZipFile, manifest: ExportManifest, path: Path, conn: Connection) -> None:
    specs = {spec.name: spec for spec in exported_tables(conn)}
    for member, entry in manifest.files.items():
        if entry.table not in specs:
            what = f"unknown table {entry.table!r} for schema version {manifest.schema_version}"
            raise archive_error(what, path, member)
    listed = {entry.table for entry in manifest.files.values()}
    for table in sorted(set(specs) - listed):
        raise archive_error(f"no file for table {table!r}", path, MANIFEST_NAME, field="files")
    conn.execute("BEGIN")
    # Files come in any order: references are checked once, at the end.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    # What the triggers derive is in the archive already or rebuilt in `_finish`.
    suspended = suspend_insert_triggers(conn)
    for member, entry in manifest.files.items():
        _load_table(conn, archive, path, member, entry, specs[entry.table])
    restore_triggers(conn, suspended)
    _check_foreign_keys(conn, path)
    conn.execute(
        "INSERT INTO access_log_head (id, seq, hash) "
        "SELECT 1, seq, hash FROM access_log ORDER BY seq DESC LIMIT 1"
    )
    conn.execute("COMMIT")


def _ends_with_export(conn: Connection, manifest: ExportManifest) -> bool:
    last = conn.execute("SELECT event, detail FROM access_log ORDER BY seq DESC LIMIT 1").fetchone()
    if last is None or last[0] != audit.Exported.kind:
        return False
    try:
        detail = json.loads(last[1])
    except ValueError:
        return False
    return isinstance(detail, dict) and detail.get("rows") == manifest.rows


def _finish(vault: Vault, manifest: ExportManifest, path: Path) -> None:
    with vault.transaction() as conn:
        conn.execute("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")
        check = audit.verify(conn)
        if not check.ok:
            assert check.broken_at is not None
            raise LogTampered(check.broken_at, check.reason)
        # The dump holds its own export entry, last: a log cut short ends elsewhere.
        if not _ends_with_export(conn, manifest):
            what = "the access log does not end with this archive's export entry"
            raise archive_error(what, path, member_name("access_log"))
        event = audit.Restored(
            subject="user", scope="vault.restore", purpose="restore", rows=manifest.rows
        )
        audit.append(conn, event, vault.now().isoformat())


def _remove(target: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def restore_vault(
    archive_path: Path,
    target_path: Path,
    passphrase: str | None = None,
    clock: Clock = utc_now,
) -> RestoreReport:
    """Build a new vault at `target_path` from `archive_path`; all or nothing."""
    path, target = Path(archive_path), Path(target_path)
    for existing in (target, *(Path(f"{target}{s}") for s in ("-wal", "-shm", "-journal"))):
        if existing.exists():
            raise UsageError(
                "a vault already exists there",
                f"vault {existing}",
                "restore into a new path with --vault, or move the existing vault away",
            )
    if not path.is_file():
        raise UsageError("no such file", str(path), "check the path")
    try:
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise archive_error("not a zip archive", path, fix=FIX_NOT_OURS) from None
        except OSError as error:
            what = f"cannot read the archive ({error.strerror})"
            raise UsageError(what, str(path), "check the file's permissions") from None
        with archive:
            manifest = read_manifest(archive, path)
            conn = _create(target, passphrase, manifest.schema_version)
            try:
                _load(archive, manifest, path, conn)
            finally:
                conn.close()  # uncommitted rows are rolled back
        with Vault(target, passphrase=passphrase, clock=clock) as vault:
            _finish(vault, manifest, path)
            seq, digest = vault.log_head()
            version = connection.schema_version(vault._conn)
    except DatabaseError as error:
        _remove(target)
        what = f"cannot write the restored vault ({error})"
        raise VaultError(what, f"vault {target}", "check the free space and permissions") from None
    except BaseException:
        _remove(target)
        raise
    return RestoreReport(
        path=str(target),
        archive=str(path),
        archive_created_at=manifest.created_at,
        archive_schema_version=manifest.schema_version,
        schema_version=version,
        rows=manifest.rows,
        log_entries=seq,
        log_head=f"{seq}:{digest}",
    )
