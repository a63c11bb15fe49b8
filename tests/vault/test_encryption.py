"""Encryption at rest: with a passphrase the vault is a SQLCipher file, unreadable without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownlive.errors import UsageError, WrongPassphrase
from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault
from tests.conftest import IngestHelper, message

PASSPHRASE = "Zugspitze 2962 m, 正确的马"
TEXTS = [
    "明天晚上7点在南京西路1266号见",
    "Lust auf Thai übermorgen um halb acht?",
    "Your parcel 1Z999AA10123456784 arrives Tuesday",
]


def wrong_passphrase_line(path: Path) -> str:
    return f"Error: {WrongPassphrase(str(path)).render()}"


def on_disk(path: Path) -> bytes:
    return b"".join(
        Path(str(path) + suffix).read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(str(path) + suffix).exists()
    )


@pytest.fixture
def encrypted(tmp_path: Path, ingest_records: IngestHelper) -> Path:
    path = tmp_path / "vault.db"
    with Vault(path, passphrase=PASSPHRASE) as vault:
        ingest_records(
            vault,
            [message(text, conversation=f"chat-{i}") for i, text in enumerate(TEXTS)],
            platform="wechat",
        )
        assert vault.encrypted and vault.summary().encrypted
        # While it is open, the WAL holds the new pages: it must be ciphertext too.
        held = on_disk(path)
        assert all(text.encode() not in held for text in TEXTS)
    return path


@pytest.mark.parametrize("text", TEXTS)
def test_the_file_holds_no_plaintext(encrypted: Path, text: str) -> None:
    data = on_disk(encrypted)
    assert not data.startswith(b"SQLite format 3")
    for piece in (text, text[:6], "南京西路", "übermorgen", "parcel"):
        assert piece.encode() not in data
    assert b"messages_fts" not in data  # not even the schema


def test_a_plain_vault_does_hold_plaintext(tmp_path: Path, ingest_records: IngestHelper) -> None:
    """The control for the test above: the same bytes search finds text when it is there."""
    with Vault(tmp_path / "plain.db") as vault:
        ingest_records(vault, [message(TEXTS[0])])
    data = on_disk(tmp_path / "plain.db")
    assert data.startswith(b"SQLite format 3") and TEXTS[0].encode() in data


def test_the_right_passphrase_reads_the_messages_back(encrypted: Path) -> None:
    with Vault(encrypted, passphrase=PASSPHRASE) as vault:
        vault.grant("messages.read", subject="assistant", purpose="suggest")
        with vault.session(subject="assistant", purpose="suggest") as s:
            assert sorted(m.text for m in s.messages()) == sorted(TEXTS)
            assert [m.text for m in s.messages(search="南京西路")] == [TEXTS[0]]
        assert vault.verify_log().ok


@pytest.mark.parametrize(
    "passphrase",
    ["wrong", PASSPHRASE.upper(), PASSPHRASE + " ", "'; DROP TABLE messages; --", None],
)
def test_a_wrong_or_missing_passphrase_is_refused(encrypted: Path, passphrase: str | None) -> None:
    with pytest.raises(WrongPassphrase) as raised:
        Vault(encrypted, passphrase=passphrase)
    assert str(raised.value) == wrong_passphrase_line(encrypted).removeprefix("Error: ")
    with Vault(encrypted, passphrase=PASSPHRASE) as vault:  # and nothing was harmed
        assert vault.summary().messages == 3


def test_a_plain_vault_opened_with_a_passphrase_is_refused(tmp_path: Path) -> None:
    Vault(tmp_path / "plain.db").close()
    with pytest.raises(WrongPassphrase):
        Vault(tmp_path / "plain.db", passphrase=PASSPHRASE)


def test_an_empty_passphrase_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="the passphrase is empty"):
        Vault(tmp_path / "new.db", passphrase="")
    assert not (tmp_path / "new.db").exists()


# --- through the CLI ------------------------------------------------------------


def test_cli_with_the_passphrase_in_the_environment(encrypted: Path) -> None:
    result = CliRunner().invoke(
        app, ["--vault", str(encrypted), "--json", "status"], env={"OWNLIVE_PASSPHRASE": PASSPHRASE}
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["encrypted"], summary["messages"]) == (True, 3)


def test_cli_with_a_passphrase_file(encrypted: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")  # an editor's final newline is fine
    result = CliRunner().invoke(
        app,
        ["--vault", str(encrypted), "--passphrase-file", str(secret), "--json", "status"],
        env={"OWNLIVE_PASSPHRASE": None},
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["messages"] == 3


@pytest.mark.parametrize("env", [{"OWNLIVE_PASSPHRASE": "wrong"}, {"OWNLIVE_PASSPHRASE": None}])
def test_cli_wrong_passphrase_exits_5_with_one_line(encrypted: Path, env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["--vault", str(encrypted), "status"], env=env)
    assert result.exit_code == 5
    assert result.output.strip() == wrong_passphrase_line(encrypted)
    assert "Traceback" not in result.output


def test_cli_wrong_passphrase_file(encrypted: Path, tmp_path: Path) -> None:
    secret = tmp_path / "old-passphrase.txt"
    secret.write_text("last year's passphrase", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["--vault", str(encrypted), "--passphrase-file", str(secret), "status"]
    )
    assert (result.exit_code, result.output.strip()) == (5, wrong_passphrase_line(encrypted))


def test_the_real_process_prints_only_our_line(encrypted: Path) -> None:
    """SQLCipher logs 'hmac check failed' to the process's stderr unless told not to."""
    env = os.environ | {"OWNLIVE_PASSPHRASE": "wrong"}
    done = subprocess.run(
        [sys.executable, "-m", "ownlive", "--vault", str(encrypted), "status"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 5
    assert (done.stdout, done.stderr) == ("", wrong_passphrase_line(encrypted) + "\n")
