"""Restore: a checked archive becomes a new vault; any damage is one error line and no file."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ownlive.errors import ArchiveError, ConsentRequired, LogTampered, UsageError
from ownlive.vault import Vault
from ownlive.vault.export import export_vault
from ownlive.vault.migrations import LATEST_VERSION
from ownlive.vault.restore import restore_vault
from tests.conftest import Clock, IngestHelper, assert_access_logged, message

NOT_OURS = "check that it is an archive written by `ownlive export`"
DAMAGED = "the archive is damaged or was edited; restore from another copy"
UPGRADE = "upgrade ownlive to restore it"
MESSAGES = "tables/messages.jsonl"
Files = dict[str, bytes]


@pytest.fixture
def archive(vault: Vault, ingest_records: IngestHelper, tmp_path: Path) -> Path:
    ingest_records(
        vault,
        [
            message("明天晚上7点在南京西路1266号见", conversation="wx-1", sender="li"),
            message("Lust auf Thai übermorgen um halb acht?", conversation="wx-2", sender="jonas"),
            message("Your parcel 1Z999AA10123456784 arrives Tue", conversation="wx-2"),
        ],
        platform="wechat",
        file_name="wechat.csv",
    )
    vault.grant("messages.read", subject="assistant", purpose="suggest")
    revoked = vault.grant("contacts.read", subject="miniprogram.food", purpose="recommend")
    vault.revoke(revoked.id)
    export_vault(vault, tmp_path / "backup.zip")
    return tmp_path / "backup.zip"


def leftovers(target: Path) -> list[str]:
    candidates = [Path(f"{target}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    return [p.name for p in candidates if p.exists()]


# --- Corruptions: each changes the archive's files, or returns raw bytes for it. ----


def read(path: Path) -> Files:
    with zipfile.ZipFile(path) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def rewrite(path: Path, change: Callable[[Files], Files | bytes]) -> None:
    changed = change(read(path))
    if isinstance(changed, bytes):
        path.write_bytes(changed)
        return
    with zipfile.ZipFile(path, "w") as out:
        for name, data in changed.items():
            out.writestr(name, data)


def manifest(files: Files, /, **fields: object) -> Files:
    data = json.loads(files["manifest.json"])
    for key, value in fields.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    files["manifest.json"] = json.dumps(data).encode()
    return files


def entry(files: Files, member: str, **fields: object) -> Files:
    data = json.loads(files["manifest.json"])
    data["files"][member].update(fields)
    return manifest(files, files=data["files"])


def resign(files: Files, member: str) -> Files:
    """Make the manifest match an edited file, so the check behind the digest is reached."""
    content = files[member]
    return entry(
        files, member, sha256=hashlib.sha256(content).hexdigest(), rows=content.count(b"\n")
    )


def set_line(member: str, number: int, raw: bytes | None) -> Callable[[Files], Files]:
    def change(files: Files) -> Files:
        lines = files[member].splitlines(keepends=True)
        if raw is None:
            del lines[number - 1]
        else:
            lines[number - 1] = raw + b"\n"
        files[member] = b"".join(lines)
        return resign(files, member)

    return change


def edit_row(
    member: str, number: int, edit: Callable[[dict[str, object]], object]
) -> Callable[[Files], Files]:
    def change(files: Files) -> Files:
        row = json.loads(files[member].splitlines()[number - 1])
        edit(row)
        raw = json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()
        return set_line(member, number, raw)(files)

    return change


def without(*names: str, unlist: bool) -> Callable[[Files], Files]:
    def change(files: Files) -> Files:
        data = json.loads(files["manifest.json"])
        for name in names:
            del files[name]
            if unlist:
                del data["files"][name]
        return manifest(files, files=data["files"])

    return change


def with_extra(name: str, content: bytes, *, listed: bool) -> Callable[[Files], Files]:
    def change(files: Files) -> Files:
        files[name] = content
        if listed:
            data = json.loads(files["manifest.json"])
            table = name.removeprefix("tables/").removesuffix(".jsonl")
            data["files"][name] = {"table": table, "rows": 0, "sha256": "0" * 64}
            return resign(manifest(files, files=data["files"]), name)
        return files

    return change


def replace_in(member: str, old: bytes, new: bytes) -> Callable[[Files], Files]:
    def change(files: Files) -> Files:
        files[member] = files[member].replace(old, new)
        return files

    return change


def drop_last_log_entry(files: Files) -> Files:
    return set_line("tables/access_log.jsonl", files["tables/access_log.jsonl"].count(b"\n"), None)(
        files
    )


def truncated(files: Files) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    whole = buffer.getvalue()
    return whole[: len(whole) // 2]  # a copy cut off half way


CORRUPTIONS = [
    pytest.param(
        lambda f: b"PK\x03\x04 not really", "not a zip archive", "", NOT_OURS, id="not-zip"
    ),
    pytest.param(truncated, "not a zip archive", "", NOT_OURS, id="truncated"),
    pytest.param(
        lambda f: {name: data for name, data in f.items() if name != "manifest.json"},
        "no manifest.json in the archive",
        "",
        NOT_OURS,
        id="no-manifest",
    ),
    pytest.param(
        lambda f: {**f, "manifest.json": b'{"format": '},
        "not a JSON object",
        ": manifest.json",
        NOT_OURS,
        id="manifest-not-json",
    ),
    pytest.param(
        lambda f: manifest(f, format="zip-backup"),
        "unknown format 'zip-backup'",
        ": manifest.json: format",
        NOT_OURS,
        id="unknown-format",
    ),
    pytest.param(
        lambda f: manifest(f, format_version=2),
        "format version 2 is newer than this ownlive reads (1)",
        ": manifest.json: format_version",
        UPGRADE,
        id="newer-format",
    ),
    pytest.param(
        lambda f: manifest(f, format_version="1"),
        "not a format version: '1'",
        ": manifest.json: format_version",
        NOT_OURS,
        id="format-version-text",
    ),
    pytest.param(
        lambda f: manifest(f, schema_version=LATEST_VERSION + 1),
        f"schema version {LATEST_VERSION + 1} is newer than this ownlive ({LATEST_VERSION})",
        ": manifest.json: schema_version",
        UPGRADE,
        id="newer-schema",
    ),
    pytest.param(
        lambda f: manifest(f, created_at=None),
        "missing or not a string",
        ": manifest.json: created_at",
        NOT_OURS,
        id="no-created-at",
    ),
    pytest.param(
        lambda f: entry(f, MESSAGES, sha256="xyz"),
        "not a SHA-256 in hex",
        f": manifest.json: files: {MESSAGES}: sha256",
        DAMAGED,
        id="sha-not-hex",
    ),
    pytest.param(
        lambda f: entry(f, MESSAGES, rows=-1),
        "not a row count",
        f": manifest.json: files: {MESSAGES}: rows",
        DAMAGED,
        id="negative-rows",
    ),
    pytest.param(
        lambda f: entry(f, MESSAGES, table="grants"),
        "its table does not match the file name",
        f": manifest.json: files: {MESSAGES}",
        DAMAGED,
        id="table-mismatch",
    ),
    pytest.param(
        replace_in(MESSAGES, b"Thai", b"Pho!"),
        "the content does not match the manifest",
        f": {MESSAGES}: sha256",
        DAMAGED,
        id="sha-mismatch",
    ),
    pytest.param(
        lambda f: entry(f, MESSAGES, rows=4),
        "the file has 3 rows, the manifest says 4",
        f": {MESSAGES}: rows",
        DAMAGED,
        id="row-count",
    ),
    pytest.param(
        set_line(MESSAGES, 2, b'{"id":2,"conversation_id" 1}'),
        "not valid JSON (Expecting ':' delimiter, column 27)",
        f": {MESSAGES}:2",
        DAMAGED,
        id="malformed-line",
    ),
    pytest.param(
        set_line(MESSAGES, 1, b"[1, 2]"),
        "not a JSON object",
        f": {MESSAGES}:1",
        DAMAGED,
        id="not-an-object",
    ),
    pytest.param(
        set_line(MESSAGES, 3, b'{"id":3,"text":"\xff"}'),
        "not UTF-8",
        f": {MESSAGES}:3",
        DAMAGED,
        id="not-utf8",
    ),
    pytest.param(
        set_line(MESSAGES, 1, b'{"id":1,"id":2}'),
        "not a valid row (a key appears twice)",
        f": {MESSAGES}:1",
        DAMAGED,
        id="key-twice",
    ),
    pytest.param(
        edit_row(MESSAGES, 1, lambda row: row.update(mood="happy")),
        "unknown column 'mood' in table 'messages'",
        f": {MESSAGES}:1: mood",
        DAMAGED,
        id="unknown-column",
    ),
    pytest.param(
        edit_row(MESSAGES, 3, lambda row: row.pop("text")),
        "missing column",
        f": {MESSAGES}:3: text",
        DAMAGED,
        id="missing-column",
    ),
    pytest.param(
        edit_row(MESSAGES, 2, lambda row: row.update(text=["明天"])),
        "not a value this format holds",
        f": {MESSAGES}:2: text",
        DAMAGED,
        id="bad-value",
    ),
    pytest.param(
        edit_row(MESSAGES, 2, lambda row: row.update(id=1)),
        "rejected by the schema (UNIQUE constraint failed: messages.id)",
        f": {MESSAGES}:2",
        DAMAGED,
        id="duplicate-row",
    ),
    pytest.param(
        edit_row(MESSAGES, 3, lambda row: row.update(text=None)),
        "rejected by the schema (NOT NULL constraint failed: messages.text)",
        f": {MESSAGES}:3",
        DAMAGED,
        id="null-text",
    ),
    pytest.param(
        edit_row(MESSAGES, 2, lambda row: row.update(id="zwei")),
        "rejected by the schema (datatype mismatch)",
        f": {MESSAGES}:2",
        DAMAGED,
        id="id-not-a-number",
    ),
    pytest.param(
        edit_row(MESSAGES, 1, lambda row: row.update(conversation_id=999)),
        "a row refers to a missing conversations row",
        f": {MESSAGES}: conversation_id",
        DAMAGED,
        id="foreign-key",
    ),
    pytest.param(
        with_extra("tables/reminders.jsonl", b'{"id":1}\n', listed=True),
        f"unknown table 'reminders' for schema version {LATEST_VERSION}",
        ": tables/reminders.jsonl",
        DAMAGED,
        id="unknown-table",
    ),
    pytest.param(
        with_extra("notes.txt", b"my notes", listed=False),
        "not listed in manifest.json",
        ": notes.txt",
        DAMAGED,
        id="unlisted-file",
    ),
    pytest.param(
        without("tables/cards.jsonl", unlist=True),
        "no file for table 'cards'",
        ": manifest.json: files",
        DAMAGED,
        id="table-left-out",
    ),
    pytest.param(
        without("tables/cards.jsonl", unlist=False),
        "listed in the manifest but missing",
        ": tables/cards.jsonl",
        DAMAGED,
        id="file-missing",
    ),
    pytest.param(
        drop_last_log_entry,
        "the access log does not end with this archive's export entry",
        ": tables/access_log.jsonl",
        DAMAGED,
        id="log-cut-short",
    ),
]


@pytest.mark.parametrize(("change", "what", "where", "fix"), CORRUPTIONS)
def test_a_damaged_archive_is_refused_and_leaves_nothing(
    archive: Path,
    tmp_path: Path,
    change: Callable[[Files], Files | bytes],
    what: str,
    where: str,
    fix: str,
) -> None:
    rewrite(archive, change)
    target = tmp_path / "restored" / "vault.db"
    with pytest.raises(ArchiveError) as raised:
        restore_vault(archive, target)
    assert raised.value.render() == f"{what}, {archive}{where}, {fix}"
    assert leftovers(target) == []


def test_an_edited_log_is_refused_as_tampered(archive: Path, tmp_path: Path) -> None:
    rewrite(archive, edit_row("tables/access_log.jsonl", 2, lambda row: row.update(purpose="ads")))
    target = tmp_path / "restored.db"
    with pytest.raises(LogTampered) as raised:
        restore_vault(archive, target)
    assert raised.value.render() == (
        "access log broken at entry 2: entry altered (hash mismatch), "
        "the log was edited outside ownlive; restore the vault from an export you trust"
    )
    assert leftovers(target) == []


# --- A good archive. ------------------------------------------------------------------------


def test_restore_rebuilds_the_vault_and_logs_itself(
    vault: Vault, archive: Path, tmp_path: Path, clock: Clock
) -> None:
    report = restore_vault(archive, tmp_path / "restored.db", clock=clock)
    with Vault(tmp_path / "restored.db", clock=clock) as restored:
        before, after = vault.summary(), restored.summary()
        assert (after.messages, after.conversations, after.participants, after.grants_active) == (
            before.messages,
            before.conversations,
            before.participants,
            before.grants_active,
        )
        assert after.log_entries == before.log_entries + 1 == report.log_entries
        assert restored.verify_log().ok
        assert "{}:{}".format(*restored.log_head()) == report.log_head
        assert_access_logged(
            restored, [("export", "user", "vault.export"), ("restore", "user", "vault.restore")]
        )
        assert restored.log_entries()[-1].detail == {"rows": report.rows}
        # Grants keep their state: the revoked one still refuses.
        with restored.session(subject="assistant", purpose="suggest") as s:
            assert len(s.messages(search="南京西路")) == 1
        with (
            pytest.raises(ConsentRequired),
            restored.session(subject="miniprogram.food", purpose="recommend") as s,
        ):
            s.participants()
    assert report.rows["messages"] == 3 and report.schema_version == LATEST_VERSION


def test_the_schema_is_whole_after_a_restore_and_new_messages_are_indexed(
    vault: Vault, archive: Path, tmp_path: Path, ingest_records: IngestHelper
) -> None:
    def schema(opened: Vault) -> list[tuple[str, str, str]]:
        with opened.transaction() as conn:
            rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
            return [tuple(row) for row in rows]

    restore_vault(archive, tmp_path / "restored.db")
    with Vault(tmp_path / "restored.db") as restored:
        assert schema(restored) == schema(vault)  # triggers suspended for the load are back
        ingest_records(
            restored, [message("Wir sehen uns übermorgen im Biergarten")], file_name="new.txt"
        )
        restored.grant("messages.read", subject="assistant", purpose="find")
        with restored.session(subject="assistant", purpose="find") as s:
            assert [m.text for m in s.messages(search="Biergarten")] == [
                "Wir sehen uns übermorgen im Biergarten"
            ]


@pytest.mark.parametrize("suffix", ["", "-wal", "-journal"])
def test_an_existing_vault_is_never_overwritten(archive: Path, tmp_path: Path, suffix: str) -> None:
    existing = tmp_path / f"mine.db{suffix}"
    existing.write_bytes(b"precious")
    with pytest.raises(UsageError) as raised:
        restore_vault(archive, tmp_path / "mine.db")
    assert raised.value.render() == (
        f"a vault already exists there, vault {existing}, "
        "restore into a new path with --vault, or move the existing vault away"
    )
    assert existing.read_bytes() == b"precious"


def test_a_missing_archive_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        restore_vault(tmp_path / "nope.zip", tmp_path / "new.db")
    assert raised.value.render() == f"no such file, {tmp_path / 'nope.zip'}, check the path"
    assert leftovers(tmp_path / "new.db") == []


def test_an_empty_passphrase_is_refused(archive: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        restore_vault(archive, tmp_path / "new.db", passphrase="")
    assert raised.value.what == "the passphrase is empty"
    assert leftovers(tmp_path / "new.db") == []
