"""The export archive's format, shared by `export.py` (writes) and `restore.py` (reads).

Specified in docs/export-format.md: `manifest.json` beside one JSON Lines file
per table, `tables/<table>.jsonl`. This module holds what both sides must
agree on: which tables are exported, how a row becomes a line and back, and
the manifest with the checks that reading one needs. Reading errors are
`ArchiveError`s that name the archive, the file inside it, the line and the
field, never a value from a row.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from ownlive.errors import ArchiveError
from ownlive.vault.connection import Connection
from ownlive.vault.migrations import LATEST_VERSION

FORMAT = "ownlive-export"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
# Derived from other tables, so exporting them would only let the copies disagree.
DERIVED_TABLES = frozenset({"access_log_head"})

FIX_NOT_OURS = "check that it is an archive written by `ownlive export`"
FIX_DAMAGED = "the archive is damaged or was edited; restore from another copy"
FIX_UPGRADE = "upgrade ownlive to restore it"
MANIFEST_LIMIT = 16 << 20  # a manifest lists one small entry per table
_SHA256 = re.compile(r"[0-9a-f]{64}")
_INT64 = range(-(2**63), 2**63)


def member_name(table: str) -> str:
    return f"tables/{table}.jsonl"


def quote_ident(name: str) -> str:
    # Table and column names come from sqlite_master, but `end` and `key` are keywords.
    return '"' + name.replace('"', '""') + '"'


# --- Which tables, which columns, in which order. ------------------------------


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]  # schema order, as PRAGMA table_info lists them
    order_by: tuple[str, ...]  # the primary key's columns, or rowid for a table without one


def exported_tables(conn: Connection) -> list[TableSpec]:
    """Every real table of the schema, by name: not SQLite's, the FTS index's or derived ones."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    specs = []
    for name, _sql in rows:
        if (
            name.startswith("sqlite_")
            or name in DERIVED_TABLES
            or name in virtual
            # SQLite names a virtual table's shadow tables <vtab>_<suffix> (messages_fts_data, ...).
            or any(name.startswith(f"{vtab}_") for vtab in virtual)
        ):
            continue
        info = conn.execute(f"PRAGMA table_info({quote_ident(name)})").fetchall()
        columns = tuple(str(row[1]) for row in info)
        key = tuple(str(row[1]) for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        specs.append(TableSpec(name, columns, key or ("rowid",)))
    return specs


# --- Values and rows. -----------------------------------------------------------


def encode_value(value: Any) -> Any:
    """A SQLite value as JSON: scalars as themselves, what JSON cannot hold as a tagged object."""
    if isinstance(value, bytes):
        return {"blob": base64.b64encode(value).decode("ascii")}
    if isinstance(value, float) and not math.isfinite(value):
        return {"real": str(value)}  # "inf" or "-inf"; SQLite stores NaN as NULL
    return value


def _encode_other(value: Any) -> Any:
    if isinstance(value, bytes):
        return encode_value(value)
    raise TypeError(f"{type(value).__name__} is not a SQLite value")


# One encoder, reused: its C implementation handles the common row without a
# Python call per value; bytes reach `default`, an infinity raises ValueError.
_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_encode_other
)


def encode_row(columns: tuple[str, ...], values: tuple[Any, ...]) -> bytes:
    """One row as one line: a JSON object, columns in the order given, UTF-8, `\\n`-terminated."""
    row = dict(zip(columns, values, strict=True))
    try:
        text = _ENCODER.encode(row)
    except ValueError:  # an infinite REAL, which JSON has no literal for
        text = _ENCODER.encode({name: encode_value(value) for name, value in row.items()})
    return text.encode("utf-8") + b"\n"


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def decode_value(value: Any) -> Any:
    """The inverse of `encode_value`; ValueError for anything it cannot have written."""
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


def _strict_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a key appears twice")
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# --- Errors that say where. -------------------------------------------------------


def archive_error(
    what: str,
    archive: Path,
    member: str | None = None,
    line: int | None = None,
    field: str | None = None,
    fix: str = FIX_DAMAGED,
) -> ArchiveError:
    """`what, ARCHIVE: MEMBER:LINE: FIELD, fix`, like a compiler names a place in a file."""
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


def decode_line(raw: bytes, spec: TableSpec, archive: Path, member: str, line: int) -> list[Any]:
    """One line of a table file as the values of `spec.columns`, checked."""
    try:
        row = json.loads(
            raw.decode("utf-8"), object_pairs_hook=_strict_object, parse_constant=_no_constant
        )
    except UnicodeDecodeError:
        raise archive_error("not UTF-8", archive, member, line) from None
    except json.JSONDecodeError as error:
        what = f"not valid JSON ({error.msg}, column {error.colno})"
        raise archive_error(what, archive, member, line) from None
    except ValueError as error:
        raise archive_error(f"not a valid row ({error})", archive, member, line) from None
    if not isinstance(row, dict):
        raise archive_error("not a JSON object", archive, member, line)
    for key in row:
        if key not in spec.columns:
            what = f"unknown column {_show(key)} in table {spec.name!r}"
            raise archive_error(what, archive, member, line, field=_short(key))
    values = []
    for column in spec.columns:
        if column not in row:
            raise archive_error("missing column", archive, member, line, field=column)
        try:
            values.append(decode_value(row[column]))
        except ValueError as error:
            raise archive_error(str(error), archive, member, line, field=column) from None
    return values


# --- The manifest. --------------------------------------------------------------


@dataclass(frozen=True)
class TableFile:
    table: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class ExportManifest:
    schema_version: int
    created_at: str
    ownlive_version: str
    files: dict[str, TableFile]  # member name -> what it holds
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    @property
    def rows(self) -> dict[str, int]:
        return {entry.table: entry.rows for entry in self.files.values()}

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "format_version": self.format_version,
            "schema_version": self.schema_version,
            "created_at": self.created_at,
            "ownlive_version": self.ownlive_version,
            "files": {
                name: {"table": e.table, "rows": e.rows, "sha256": e.sha256}
                for name, e in self.files.items()
            },
        }


def _check_header(data: dict[str, Any], archive: Path) -> None:
    def bad(field: str, what: str, fix: str = FIX_NOT_OURS) -> ArchiveError:
        return archive_error(what, archive, MANIFEST_NAME, field=field, fix=fix)

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


def _parse_files(files: dict[str, Any], archive: Path) -> dict[str, TableFile]:
    parsed = {}
    for name, entry in files.items():
        field = f"files: {_short(name)}"
        if not isinstance(entry, dict) or member_name(str(entry.get("table"))) != name:
            what = "its table does not match the file name"
            raise archive_error(what, archive, MANIFEST_NAME, field=field)
        if not _is_int(entry.get("rows")) or entry["rows"] < 0:
            raise archive_error("not a row count", archive, MANIFEST_NAME, field=f"{field}: rows")
        if not isinstance(entry.get("sha256"), str) or not _SHA256.fullmatch(entry["sha256"]):
            what = "not a SHA-256 in hex"
            raise archive_error(what, archive, MANIFEST_NAME, field=f"{field}: sha256")
        parsed[name] = TableFile(entry["table"], entry["rows"], entry["sha256"])
    return parsed


def read_manifest(opened: zipfile.ZipFile, archive: Path) -> ExportManifest:
    """The checked manifest; also checks that it lists exactly the archive's files."""
    present = {name for name in opened.namelist() if not name.endswith("/")}
    if MANIFEST_NAME not in present:
        raise archive_error(f"no {MANIFEST_NAME} in the archive", archive, fix=FIX_NOT_OURS)
    with opened.open(MANIFEST_NAME) as handle:
        raw = handle.read(MANIFEST_LIMIT + 1)
    try:
        data = json.loads(raw.decode("utf-8")) if len(raw) <= MANIFEST_LIMIT else None
    except ValueError:  # UnicodeDecodeError and JSONDecodeError both are
        data = None
    if not isinstance(data, dict):
        raise archive_error("not a JSON object", archive, MANIFEST_NAME, fix=FIX_NOT_OURS)
    _check_header(data, archive)
    files = _parse_files(data["files"], archive)
    for name in files:
        if name not in present:
            raise archive_error("listed in the manifest but missing", archive, name)
    for name in sorted(present - set(files) - {MANIFEST_NAME}):
        raise archive_error(f"not listed in {MANIFEST_NAME}", archive, name)
    return ExportManifest(
        data["schema_version"], data["created_at"], data["ownlive_version"], files
    )
