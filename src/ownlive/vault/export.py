"""`export_vault`: everything the vault holds, as a documented, versioned zip archive.

The format is specified in docs/export-format.md and shared with `restore.py`
through `archive.py`: `manifest.json` (format, versions, and per file its
table, row count and SHA-256) beside one JSON Lines file per table, rows in
primary-key order and columns in schema order, so that the same vault always
exports to the same table files.

Tables are discovered from `sqlite_master`, so a table a later migration adds
is exported without touching this module. Left out: SQLite's own tables, the
full-text index (a virtual table and its shadow tables, rebuilt on restore)
and `access_log_head` (derived from the log's last entry).

The export is the owner's own operation and is itself logged: the `export`
entry is appended and the tables are dumped in one transaction, so the archive
is a consistent snapshot that holds its own export entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import ownlive
from ownlive.errors import UsageError, VaultError
from ownlive.vault import audit
from ownlive.vault.archive import (
    MANIFEST_NAME,
    ExportManifest,
    TableFile,
    TableSpec,
    encode_row,
    exported_tables,
    member_name,
    quote_ident,
)
from ownlive.vault.connection import Connection, DatabaseError, schema_version
from ownlive.vault.store import Vault

__all__ = ["ExportManifest", "export_vault"]

# Lines are written a batch at a time: one write (and one deflate call) per
# row cost a third of the export's time.
BATCH_ROWS = 1000


# --- Writing the archive. ---------------------------------------------------------


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    # Zip timestamps cannot be earlier than 1980.
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _member(name: str, moment: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _zip_time(moment))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16  # personal data: readable by the owner only when unpacked
    return info


def _flush(batch: list[bytes], digest: Any, out: IO[bytes]) -> int:
    chunk = b"".join(batch)
    digest.update(chunk)
    out.write(chunk)
    written = len(batch)
    batch.clear()
    return written


def _dump_table(conn: Connection, spec: TableSpec, out: IO[bytes], where: str) -> TableFile:
    digest = hashlib.sha256()
    count = 0
    columns = ", ".join(quote_ident(c) for c in spec.columns)
    order = ", ".join(quote_ident(c) if c != "rowid" else c for c in spec.order_by)
    try:
        # The cursor streams: a table is never held in memory as a whole.
        cursor = conn.execute(f"SELECT {columns} FROM {quote_ident(spec.name)} ORDER BY {order}")
        batch: list[bytes] = []
        for values in cursor:
            batch.append(encode_row(spec.columns, values))
            if len(batch) == BATCH_ROWS:
                count += _flush(batch, digest, out)
        count += _flush(batch, digest, out)
    except DatabaseError as error:
        # sqlite3's decode error quotes the stored text; it must not reach the screen.
        reason = "a text value is not valid UTF-8" if "decode" in str(error) else str(error)
        raise VaultError(
            f"cannot read table {spec.name!r}: {reason}", where, "the vault file may be damaged"
        ) from None
    return TableFile(spec.name, count, digest.hexdigest())


def _write_archive(
    conn: Connection, specs: list[TableSpec], path: Path, moment: datetime, where: str
) -> ExportManifest:
    files: dict[str, TableFile] = {}
    with zipfile.ZipFile(path, "w") as archive:
        for spec in specs:
            name = member_name(spec.name)
            # force_zip64: the size is unknown while streaming, and a table may pass 2 GiB.
            with archive.open(_member(name, moment), "w", force_zip64=True) as out:
                files[name] = _dump_table(conn, spec, out, where)
        manifest = ExportManifest(
            schema_version=schema_version(conn),
            created_at=moment.isoformat(),
            ownlive_version=ownlive.__version__,
            files=files,
        )
        text = json.dumps(manifest.to_json(), ensure_ascii=False, indent=2) + "\n"
        archive.writestr(_member(MANIFEST_NAME, moment), text.encode("utf-8"))
    return manifest


def export_vault(vault: Vault, archive_path: Path, *, overwrite: bool = False) -> ExportManifest:
    """Write the whole vault to `archive_path` (a zip); all or nothing, logged as an export."""
    target = Path(archive_path)
    if target.exists() and not overwrite:
        raise UsageError(
            "the archive already exists", str(target), "choose another name or pass --force"
        )
    if not target.parent.is_dir():
        raise UsageError("the folder does not exist", str(target.parent), "create it first")
    # A temporary file beside the target, renamed at the end: a failed export
    # never leaves a half archive under the name the user asked for. mkstemp
    # creates it readable by the owner only, and the rename keeps that.
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    renamed = False
    try:
        with vault.transaction() as conn:
            specs = exported_tables(conn)
            rows = {
                s.name: int(
                    conn.execute(f"SELECT count(*) FROM {quote_ident(s.name)}").fetchone()[0]
                )
                for s in specs
            }
            rows["access_log"] = rows.get("access_log", 0) + 1  # the entry appended next
            moment = vault.now()
            event = audit.Exported(
                subject="user", scope="vault.export", purpose="export", rows=rows
            )
            audit.append(conn, event, moment.isoformat())
            manifest = _write_archive(conn, specs, temp, moment, f"vault {vault.path}")
            os.replace(temp, target)
            renamed = True
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if renamed:  # the commit failed after the rename: the archive would hold an unlogged export
            target.unlink(missing_ok=True)
        if isinstance(error, OSError):
            what = f"cannot write the archive ({error.strerror or error})"
            raise UsageError(what, str(target), "check the free space and permissions") from None
        if isinstance(error, DatabaseError):  # e.g. locked by a long import
            what = f"cannot export the vault ({error})"
            raise VaultError(what, f"vault {vault.path}", "try again when it is idle") from None
        raise
    return manifest
