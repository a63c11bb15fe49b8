"""Migrations carry a vault's data forward: a re-import after an upgrade adds nothing twice."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ownlive.vault import Vault
from ownlive.vault.connection import migrate, open_file, schema_version
from ownlive.vault.migrations import LATEST_VERSION
from tests.conftest import IngestHelper, message


def _hex_hash_before_0006(*parts: str) -> str:
    """How ingest hashed a message up to schema version 5 (all 64 hex digits)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


@pytest.mark.parametrize("passphrase", [None, "correct horse"])
def test_0006_turns_hex_hashes_into_the_bytes_ingest_writes_now(
    tmp_path: Path, ingest_records: IngestHelper, passphrase: str | None
) -> None:
    path = tmp_path / "vault.db"
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    texts = ["明天见", "Bis morgen!", "See you"]
    conn = open_file(path, passphrase)
    migrate(conn, str(path), up_to=5)
    with conn:
        conn.execute(
            "INSERT INTO sources (platform, format, file_name, sha256, imported_at) "
            "VALUES ('testchat', 'testchat_test', 'old.txt', 'old', '2026-11-20T09:00:00+00:00')"
        )
        conn.execute(
            "INSERT INTO conversations (platform, key, title, kind) "
            "VALUES ('testchat', 'testchat:chat-1', 'Chat', 'chat')"
        )
        for text in texts:
            old = _hex_hash_before_0006(
                "testchat", "chat-1", "anna", str(int(at.timestamp())), "text", text, "0"
            )
            conn.execute(
                "INSERT INTO messages (conversation_id, source_id, kind, sent_at, sent_at_utc, "
                "text, content_hash) VALUES (1, 1, 'text', ?, ?, ?, ?)",
                (at.isoformat(), int(at.timestamp()), text, old),
            )
    conn.close()

    with Vault(path, passphrase=passphrase) as vault:
        with vault.transaction() as conn:
            assert schema_version(conn) == LATEST_VERSION
            stored = [row[0] for row in conn.execute("SELECT content_hash FROM messages")]
        assert all(isinstance(value, bytes) and len(value) == 16 for value in stored)
        report = ingest_records(vault, [message(text, at=at, sender="anna") for text in texts])
        assert (report.new, report.present) == (0, 3)
        assert vault.summary().messages == 3


def _page_size(vault: Vault) -> int:
    with vault.transaction() as conn:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])


def test_new_plain_vaults_get_16k_pages_and_older_files_keep_theirs(
    tmp_path: Path, ingest_records: IngestHelper
) -> None:
    with Vault(tmp_path / "new.db") as vault:
        assert _page_size(vault) == 16384
    old = tmp_path / "old.db"
    conn = open_file(old)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn, str(old), up_to=5)
    conn.close()
    with Vault(old) as vault:
        assert _page_size(vault) == 4096
        assert ingest_records(vault, [message("明天见"), message("Bis morgen")]).new == 2
        assert vault.summary().messages == 2
