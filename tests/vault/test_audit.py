"""The access log's hash chain finds any edit, deletion or reordering made outside ownlive."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault
from ownlive.vault.audit import GENESIS_HASH, LOG_COLUMNS, entry_hash
from tests.conftest import IngestHelper, message


@pytest.fixture
def logged_vault(tmp_path: Path, vault: Vault, ingest_records: IngestHelper) -> Path:
    """A vault with six log entries: import, grant, read, denied, revoke, grant."""
    ingest_records(vault, [message("Kino um 20 Uhr?"), message("好的，晚上见")])
    grant = vault.grant("messages.read", subject="assistant", purpose="suggest")
    vault.session(subject="assistant", purpose="suggest").messages()
    with pytest.raises(Exception, match="consent required"):
        vault.session(subject="plugin", purpose="ads").messages()
    vault.revoke(grant.id)
    vault.grant("contacts.read", subject="assistant", purpose="suggest", once=True)
    assert vault.verify_log().ok and vault.log_head()[0] == 6
    vault.close()
    return tmp_path / "vault.db"


def tamper(path: Path, *statements: str) -> None:
    """What an attacker with plain sqlite3 does: drop the append-only triggers, then edit."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER access_log_no_update")
    conn.execute("DROP TRIGGER access_log_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def verify_cli(path: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--vault", str(path), "log", "verify", *extra])
    return result.exit_code, result.output


def new_value(column: str) -> str:
    if column in ("seq", "grant_id"):
        return "99"
    if column == "detail":
        return "'{\"rows\":0}'"
    return "'" + "f" * 64 + "'" if column.endswith("hash") else "'edited'"


@pytest.mark.parametrize("column", LOG_COLUMNS)
def test_editing_any_column_of_one_entry_is_named(logged_vault: Path, column: str) -> None:
    tamper(logged_vault, f"UPDATE access_log SET {column} = {new_value(column)} WHERE seq = 3")
    code, output = verify_cli(logged_vault)
    assert code == 6
    assert "access log broken at entry 3" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("seq", [1, 3, 5])
def test_deleting_an_entry_is_named(logged_vault: Path, seq: int) -> None:
    tamper(logged_vault, f"DELETE FROM access_log WHERE seq = {seq}")
    code, output = verify_cli(logged_vault)
    assert code == 6
    assert f"access log broken at entry {seq}: entry missing or moved" in output


def test_deleting_the_newest_entry_is_caught_by_the_head(logged_vault: Path) -> None:
    tamper(logged_vault, "DELETE FROM access_log WHERE seq = 6")
    code, output = verify_cli(logged_vault)
    assert code == 6
    assert "entry 6" in output


def test_swapping_two_entries_is_named(logged_vault: Path) -> None:
    tamper(
        logged_vault,
        "UPDATE access_log SET seq = -2 WHERE seq = 2",
        "UPDATE access_log SET seq = 2 WHERE seq = 4",
        "UPDATE access_log SET seq = 4 WHERE seq = -2",
    )
    code, output = verify_cli(logged_vault)
    assert code == 6
    assert "access log broken at entry 2" in output


def test_rewriting_the_whole_chain_is_caught_by_a_witness(logged_vault: Path) -> None:
    with Vault(logged_vault) as vault:
        seq, digest = vault.log_head()
    assert verify_cli(logged_vault, "--witness", f"{seq}:{digest}")[0] == 0
    # A forger recomputes every hash after editing entry 3: the chain alone verifies again...
    conn = sqlite3.connect(logged_vault)
    conn.execute("DROP TRIGGER access_log_no_update")
    conn.execute("UPDATE access_log SET subject = 'nobody' WHERE seq = 3")
    prev = GENESIS_HASH
    rows = conn.execute(f"SELECT {', '.join(LOG_COLUMNS)} FROM access_log ORDER BY seq").fetchall()
    for values in rows:
        row = dict(zip(LOG_COLUMNS, values, strict=True))
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(row)
        conn.execute(
            "UPDATE access_log SET prev_hash = ?, hash = ? WHERE seq = ?",
            (row["prev_hash"], row["hash"], row["seq"]),
        )
    conn.execute("UPDATE access_log_head SET hash = ?", (prev,))
    conn.commit()
    conn.close()
    assert verify_cli(logged_vault)[0] == 0
    # ...but not against the head written down before.
    code, output = verify_cli(logged_vault, "--witness", f"{seq}:{digest}")
    assert code == 6
    assert f"entry {seq}: differs from the witness" in output


def test_the_log_refuses_updates_through_sqlite(logged_vault: Path) -> None:
    conn = sqlite3.connect(logged_vault)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE access_log SET subject = 'x' WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM access_log")
    conn.close()


def test_untouched_log_verifies(logged_vault: Path) -> None:
    code, output = verify_cli(logged_vault)
    assert code == 0
    assert "Log verified: 6 entries" in output
