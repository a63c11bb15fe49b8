"""`ownlive export` and `ownlive restore` through the CLI, against real vault files."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault
from tests.conftest import IngestHelper, message

DAMAGED = "the archive is damaged or was edited; restore from another copy"


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OWNLIVE_PASSPHRASE", raising=False)
    monkeypatch.delenv("OWNLIVE_VAULT", raising=False)


def ownlive(vault: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, ["--vault", str(vault), *args], env=env)


@pytest.fixture
def source(tmp_path: Path, ingest_records: IngestHelper) -> Path:
    path = tmp_path / "vault.db"
    with Vault(path) as vault:
        ingest_records(
            vault,
            [
                message("明天晚上7点在南京西路1266号见", conversation="wx-1", sender="li"),
                message("Treffen wir uns morgen um 14 Uhr?", conversation="wx-2", sender="jonas"),
                message("Thai food tonight?", conversation="wx-2", sender="sam"),
            ],
            platform="wechat",
            file_name="wechat.csv",
        )
        vault.grant("messages.read", subject="assistant", purpose="suggest")
    return path


def tables(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as opened:
        return {n: opened.read(n) for n in opened.namelist() if n.startswith("tables/")}


def test_export_restore_export_round_trip(source: Path, tmp_path: Path) -> None:
    first, second, copy = tmp_path / "first.zip", tmp_path / "second.zip", tmp_path / "copy.db"
    exported = ownlive(source, "export", str(first))
    assert exported.exit_code == 0, exported.output
    counts = json.loads(zipfile.ZipFile(first).read("manifest.json"))["files"]
    total = sum(entry["rows"] for entry in counts.values())  # 3 messages, ..., 2 log entries
    assert f"Exported {total} rows in {len(counts)} tables to {first}." in exported.output
    assert "tables/messages.jsonl" in exported.output

    restored = ownlive(copy, "restore", str(first))
    assert restored.exit_code == 0, restored.output
    assert f"Restored {total} rows from {first} into {copy}." in restored.output
    assert "Log verified; head 4:" in restored.output

    assert ownlive(copy, "export", str(second)).exit_code == 0
    one, two = tables(first), tables(second)
    assert one.keys() == two.keys()
    for name in one:
        if name != "tables/access_log.jsonl":
            assert one[name] == two[name], name
    assert two["tables/access_log.jsonl"].startswith(one["tables/access_log.jsonl"])

    read = ownlive(copy, "--json", "messages", "--as", "assistant", "--for", "suggest")
    assert [m["text"] for m in json.loads(read.output)] == [
        "明天晚上7点在南京西路1266号见",
        "Treffen wir uns morgen um 14 Uhr?",
        "Thai food tonight?",
    ]
    verify = ownlive(copy, "log", "verify")
    # import, grant, export; then restore, the second export and this read
    assert verify.exit_code == 0 and "Log verified: 6 entries" in verify.output


def test_json_output_is_the_manifest_and_the_report(source: Path, tmp_path: Path) -> None:
    archive, copy = tmp_path / "out.zip", tmp_path / "copy.db"
    exported = json.loads(ownlive(source, "--json", "export", str(archive)).output)
    with zipfile.ZipFile(archive) as opened:
        assert exported == {"archive": str(archive)} | json.loads(opened.read("manifest.json"))
    report = json.loads(ownlive(copy, "--json", "restore", str(archive)).output)
    assert report["path"] == str(copy) and report["archive"] == str(archive)
    assert report["rows"] == {e["table"]: e["rows"] for e in exported["files"].values()}
    assert report["log_entries"] == 4 and report["log_head"].startswith("4:")


def test_a_corrupted_archive_is_one_error_line_and_no_vault(source: Path, tmp_path: Path) -> None:
    archive, copy = tmp_path / "out.zip", tmp_path / "copy.db"
    ownlive(source, "export", str(archive))
    with zipfile.ZipFile(archive) as opened:
        files = {n: opened.read(n) for n in opened.namelist()}
    files["tables/messages.jsonl"] = files["tables/messages.jsonl"].replace(b"14 Uhr", b"15 Uhr")
    with zipfile.ZipFile(archive, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    result = ownlive(copy, "restore", str(archive))
    assert result.exit_code == 7
    assert result.output.strip() == (
        f"Error: the content does not match the manifest, "
        f"{archive}: tables/messages.jsonl: sha256, {DAMAGED}"
    )
    assert not copy.exists()


def test_a_malformed_line_is_named_by_number(source: Path, tmp_path: Path) -> None:
    archive, copy = tmp_path / "out.zip", tmp_path / "copy.db"
    ownlive(source, "export", str(archive))
    with zipfile.ZipFile(archive) as opened:
        files = {n: opened.read(n) for n in opened.namelist()}
    lines = files["tables/messages.jsonl"].splitlines(keepends=True)
    lines[1] = b'{"id":2 "text":"x"}\n'
    files["tables/messages.jsonl"] = b"".join(lines)
    manifest = json.loads(files["manifest.json"])
    manifest["files"]["tables/messages.jsonl"]["sha256"] = hashlib.sha256(
        files["tables/messages.jsonl"]
    ).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(archive, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    result = ownlive(copy, "restore", str(archive))
    assert result.exit_code == 7
    assert result.output.strip() == (
        "Error: not valid JSON (Expecting ',' delimiter, column 9), "
        f"{archive}: tables/messages.jsonl:2, {DAMAGED}"
    )
    assert not copy.exists()


def test_not_a_zip(tmp_path: Path) -> None:
    bogus = tmp_path / "photos.zip"
    bogus.write_bytes("明天见".encode() * 50)
    result = ownlive(tmp_path / "copy.db", "restore", str(bogus))
    assert result.exit_code == 7
    assert result.output.strip() == (
        f"Error: not a zip archive, {bogus}, "
        "check that it is an archive written by `ownlive export`"
    )


def test_restore_never_overwrites_a_vault(source: Path, tmp_path: Path) -> None:
    archive = tmp_path / "out.zip"
    ownlive(source, "export", str(archive))
    before = source.read_bytes()
    result = ownlive(source, "restore", str(archive))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Error: a vault already exists there, vault {source}, "
        "restore into a new path with --vault, or move the existing vault away"
    )
    assert source.read_bytes() == before


def test_export_needs_a_vault_and_keeps_an_existing_archive(source: Path, tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = ownlive(missing, "export", str(tmp_path / "out.zip"))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: no vault to export, vault {missing}, check --vault"
    assert not missing.exists()

    archive = tmp_path / "out.zip"
    archive.write_bytes(b"keep me")
    refused = ownlive(source, "export", str(archive))
    assert refused.exit_code == 2
    assert refused.output.strip() == (
        f"Error: the archive already exists, {archive}, choose another name or pass --force"
    )
    assert archive.read_bytes() == b"keep me"
    assert ownlive(source, "export", str(archive), "--force").exit_code == 0
    assert zipfile.is_zipfile(archive)


def test_restore_honours_the_passphrase(source: Path, tmp_path: Path) -> None:
    archive, secret = tmp_path / "out.zip", tmp_path / "secret.db"
    ownlive(source, "export", str(archive))
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text("correct horse battery staple\n", encoding="utf-8")
    restored = ownlive(secret, "--passphrase-file", str(passphrase_file), "restore", str(archive))
    assert restored.exit_code == 0, restored.output
    assert ownlive(secret, "status").exit_code == 5  # not readable without it
    status = ownlive(
        secret, "--json", "status", env={"OWNLIVE_PASSPHRASE": "correct horse battery staple"}
    )
    assert json.loads(status.output)["encrypted"] is True
    assert json.loads(status.output)["messages"] == 3
    # Exporting an encrypted vault says the archive is not.
    again = ownlive(
        secret,
        "export",
        str(tmp_path / "again.zip"),
        env={"OWNLIVE_PASSPHRASE": "correct horse battery staple"},
    )
    assert again.exit_code == 0
    assert "The archive is not encrypted" in again.output


def test_a_tampered_log_exits_6(source: Path, tmp_path: Path) -> None:
    archive, copy = tmp_path / "out.zip", tmp_path / "copy.db"
    ownlive(source, "export", str(archive))
    with zipfile.ZipFile(archive) as opened:
        files = {n: opened.read(n) for n in opened.namelist()}
    log = files["tables/access_log.jsonl"].replace(b'\\"new\\":3', b'\\"new\\":2', 1)
    files["tables/access_log.jsonl"] = log
    manifest = json.loads(files["manifest.json"])
    manifest["files"]["tables/access_log.jsonl"]["sha256"] = hashlib.sha256(log).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(archive, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    result = ownlive(copy, "restore", str(archive))
    assert result.exit_code == 6
    assert result.output.strip().startswith("Error: access log broken at entry 1: entry altered")
    assert not copy.exists()
