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

import base64
import binascii
import hashlib
import json
import re
import sqlite3
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ownlive.errors import ArchiveError, LogTampered, UsageError, VaultError
from ownlive.vault import audit, connection
from ownlive.vault.connection import Connection, DatabaseError
from ownlive.vault.export import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_NAME,
    ExportManifest,
    TableFile,
    TableSpec,
    exported_tables,
    member_name,
    quote_ident,
)
from ownlive.vault.migrations import LATEST_VERSION, all_migrations
from ownlive.vault.store import Clock, Vault, utc_now

FIX_NOT_OURS = "check that it is an archive written by `ownlive export`"
FIX_DAMAGED = "the archive is damaged or was edited; restore from another copy"
FIX_UPGRADE = "upgrade ownlive to restore it"
MANIFEST_LIMIT = 16 << 20  # a manifest lists one small entry per table
_SHA256 = re.compile(r"[0-9a-f]{64}")
_INT64 = range(-(2**63), 2**63)


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


def _error(
    what: str,
    archive: Path,
    member: str | None = None,
    line: int | None = None,
    field: str | None = None,
    fix: str = FIX_DAMAGED,
) -> ArchiveError:
    where = str(archive)
    if member is not None:
        where += f": {member}" + (f":{line}" if line is not None else "")
    if field is not None:
        where += f": {field}"
    return ArchiveError(what, where, fix)


def _short(text: str) -> str:
    # Manifest values and column names are shown; keep a hostile one short.
    return text if len(text) <= 40 else text[:37] + "..."


def _show(value: object) -> str:
    return _short(repr(value))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- The manifest. ----------------------------------------------------------------


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> ExportManifest:
    if MANIFEST_NAME not in archive.namelist():
        raise _error(f"no {MANIFEST_NAME} in the archive", path, fix=FIX_NOT_OURS)
    with archive.open(MANIFEST_NAME) as handle:
        raw = handle.read(MANIFEST_LIMIT + 1)
    try:
        data = json.loads(raw.decode("utf-8")) if len(raw) <= MANIFEST_LIMIT else None
    except ValueError:  # UnicodeDecodeError and JSONDecodeError both are
        data = None
    if not isinstance(data, dict):
        raise _error("not a JSON object", path, MANIFEST_NAME, fix=FIX_NOT_OURS)

    def bad(field: str, what: str, fix: str = FIX_NOT_OURS) -> ArchiveError:
        return _error(what, path, MANIFEST_NAME, field=field, fix=fix)

    if data.get("format") != FORMAT:
        raise bad("format", f"unknown format {_show(data.get('format'))}")
    version = data.get("format_version")
    if not _is_int(version) or version < 1:
        raise bad("format_version", f"not a format version: {_show(version)}")
    if version > FORMAT_VERSION:
        what = f"format version {version} is newer than this ownlive reads ({FORMAT_VERSION})"
        raise bad("format_version", what, FIX_UPGRADE)
    schema = data.get("schema_version")
    if not _is_int(schema) or schema < 1:
        raise bad("schema_version", f"not a schema version: {_show(schema)}")
    if schema > LATEST_VERSION:
        what = f"schema version {schema} is newer than this ownlive ({LATEST_VERSION})"
        raise bad("schema_version", what, FIX_UPGRADE)
    for name in ("created_at", "ownlive_version"):
        if not isinstance(data.get(name), str):
            raise bad(name, "missing or not a string")
    if not isinstance(data.get("files"), dict):
        raise bad("files", "missing or not an object")
    files = {}
    for name, entry in data["files"].items():
        field = f"files: {name}"
        if not isinstance(entry, dict) or member_name(str(entry.get("table"))) != name:
            raise bad(field, "its table does not match the file name", FIX_DAMAGED)
        if not _is_int(entry.get("rows")) or entry["rows"] < 0:
            raise bad(f"{field}: rows", "not a row count", FIX_DAMAGED)
        if not isinstance(entry.get("sha256"), str) or not _SHA256.fullmatch(entry["sha256"]):
            raise bad(f"{field}: sha256", "not a SHA-256 in hex", FIX_DAMAGED)
        files[name] = TableFile(entry["table"], entry["rows"], entry["sha256"])
    return ExportManifest(schema, data["created_at"], data["ownlive_version"], files)


def _check_members(archive: zipfile.ZipFile, manifest: ExportManifest, path: Path) -> None:
    present = {name for name in archive.namelist() if not name.endswith("/")}
    for name in manifest.files:
        if name not in present:
            raise _error("listed in the manifest but missing from the archive", path, name)
    for name in sorted(present - set(manifest.files) - {MANIFEST_NAME}):
        raise _error(f"not listed in {MANIFEST_NAME}", path, name)


# --- Rows. --------------------------------------------------------------------------


def _strict_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a key appears twice")
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _decode_value(value: Any) -> Any:
    """The inverse of `export.encode_value`; ValueError for anything it cannot have written."""
    if value is None or isinstance(value, str | float):
        return value
    if _is_int(value):
        if value not in _INT64:
            raise ValueError("an integer outside SQLite's range")
        return value
    if isinstance(value, dict) and len(value) == 1:
        if isinstance(value.get("blob"), str):
            try:
                return base64.b64decode(value["blob"], validate=True)
            except binascii.Error:
                raise ValueError("a blob that is not base64") from None
        if value.get("real") in ("inf", "-inf"):
            return float(value["real"])
    raise ValueError("not a value this format holds")


def _decode_line(raw: bytes, spec: TableSpec, path: Path, member: str, line: int) -> list[Any]:
    try:
        row = json.loads(
            raw.decode("utf-8"), object_pairs_hook=_strict_object, parse_constant=_no_constant
        )
    except UnicodeDecodeError:
        raise _error("not UTF-8", path, member, line) from None
    except json.JSONDecodeError as error:
        raise _error(
            f"not valid JSON ({error.msg}, column {error.colno})", path, member, line
        ) from None
    except ValueError as error:
        raise _error(f"not valid here ({error})", path, member, line) from None
    if not isinstance(row, dict):
        raise _error("not a JSON object", path, member, line)
    for key in row:
        if key not in spec.columns:
            what = f"unknown column {_show(key)} in table {spec.name!r}"
            raise _error(what, path, member, line, field=_short(key))
    values = []
    for column in spec.columns:
        if column not in row:
            raise _error("missing column", path, member, line, field=column)
        try:
            values.append(_decode_value(row[column]))
        except ValueError as error:
            raise _error(str(error), path, member, line, field=column) from None
    return values


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
                    conn.execute(insert, _decode_line(raw, spec, path, member, count))
                except ArchiveError as error:
                    problem = error
                except UnicodeEncodeError:
                    problem = _error("text with a lone surrogate", path, member, count)
                except DatabaseError as error:  # constraint names only, never values
                    problem = _error(f"rejected by the schema ({error})", path, member, count)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        raise _error("the file is damaged inside the zip", path, member) from None
    if digest.hexdigest() != entry.sha256:
        raise _error("the content does not match the manifest", path, member, field="sha256")
    if problem is not None:
        raise problem
    if count != entry.rows:
        what = f"the file has {count} rows, the manifest says {entry.rows}"
        raise _error(what, path, member, field="rows")


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
    raise _error(f"a row refers to a missing {parent} row", path, member_name(table), field=column)


# --- Building the vault. -------------------------------------------------------------


def _create(target: Path, passphrase: str | None, version: int) -> Connection:
    """A new vault file at schema `version` (not ours, when the archive is older)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if passphrase is None:
            conn = sqlite3.connect(str(target), isolation_level=None, check_same_thread=False)
        else:
            if connection.sqlcipher3 is None:  # pragma: no cover - a pinned dependency
                raise VaultError("encryption needs sqlcipher3", "", "reinstall ownlive")
            conn = connection.sqlcipher3.connect(str(target), isolation_level=None)
            conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        conn.execute("PRAGMA foreign_keys = ON")
        for migration in all_migrations():
            if migration.version <= version:
                conn.executescript(
                    f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
                )
    except DatabaseError as error:
        raise VaultError(f"cannot create the vault ({error})", f"vault {target}", "") from None
    return conn


def _load(archive: zipfile.ZipFile, manifest: ExportManifest, path: Path, conn: Connection) -> None:
    specs = {spec.name: spec for spec in exported_tables(conn)}
    for member, entry in manifest.files.items():
        if entry.table not in specs:
            what = f"unknown table {entry.table!r} for schema version {manifest.schema_version}"
            raise _error(what, path, member)
    listed = {entry.table for entry in manifest.files.values()}
    for table in sorted(set(specs) - listed):
        raise _error(f"no file for table {table!r}", path, MANIFEST_NAME, field="files")
    conn.execute("BEGIN")
    # Files come in any order: references are checked once, at the end.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for member, entry in manifest.files.items():
        _load_table(conn, archive, path, member, entry, specs[entry.table])
    _check_foreign_keys(conn, path)
    conn.execute(
        "INSERT INTO access_log_head (id, seq, hash) "
        "SELECT 1, seq, hash FROM access_log ORDER BY seq DESC LIMIT 1"
    )
    conn.execute("COMMIT")


def _finish(vault: Vault, manifest: ExportManifest, path: Path) -> None:
    with vault.transaction() as conn:
        conn.execute("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")
        check = audit.verify(conn)
        if not check.ok:
            assert check.broken_at is not None
            raise LogTampered(check.broken_at, check.reason)
        # The dump holds its own export entry, last: a log cut short ends elsewhere.
        last = conn.execute(
            "SELECT event, detail FROM access_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if (
            last is None
            or last[0] != audit.Exported.kind
            or json.loads(last[1]).get("rows") != manifest.rows
        ):
            what = "the access log does not end with this archive's export entry"
            raise _error(what, path, member_name("access_log"))
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
                str(existing),
                "restore into a new path with --vault, or move the existing vault away",
            )
    if not path.is_file():
        raise UsageError("no such file", str(path), "check the path")
    try:
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise _error("not a zip archive", path, fix=FIX_NOT_OURS) from None
        except OSError as error:
            what = f"cannot read the archive ({error.strerror})"
            raise UsageError(what, str(path), "check the file's permissions") from None
        with archive:
            manifest = _read_manifest(archive, path)
            _check_members(archive, manifest, path)
            conn = _create(target, passphrase, manifest.schema_version)
            try:
                _load(archive, manifest, path, conn)
            finally:
                conn.close()  # uncommitted rows are rolled back
        with Vault(target, passphrase=passphrase, clock=clock) as vault:
            _finish(vault, manifest, path)
            seq, digest = vault.log_head()
            version = connection.schema_version(vault._conn)
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
