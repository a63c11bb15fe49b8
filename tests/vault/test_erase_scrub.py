"""The scrub after a forget: VACUUM and checkpoint, when they cannot run, and SQLCipher."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ownlive.errors import VaultError
from ownlive.vault import Vault, erase
from tests.conftest import IngestHelper, message
from tests.vault.test_erase import CASES, count, fill, vault_bytes


def test_forget_deletes_nothing_while_another_reader_holds_the_wal(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    filled = fill(vault, ingest_records, CASES[1])
    vault._conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(vault.path, isolation_level=None)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM messages").fetchone()
    vault._conn.execute(
        "INSERT INTO entities (message_id, type, start, end, text, value) "
        "VALUES (?, 'url', 1, 2, 'x', '{}')",
        (filled.kept_id,),
    )
    try:
        with pytest.raises(VaultError, match="another program is reading or writing the vault"):
            erase.forget_message(vault, filled.forgotten_id)
    finally:
        other.close()
    assert count(vault, "messages") == 3
    erase.forget_message(vault, filled.forgotten_id)  # and once it is closed, it works
    assert count(vault, "messages") == 2


def test_repeated_forgets_leave_no_stale_copies_in_page_gaps(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    """Rebalancing b-tree pages can leave copies of rows in the unused middle of a page.

    secure_delete does not reach those copies; with this seed a forgotten
    conversation's tag was found in a `messages` leaf page when forget only
    checkpointed (no VACUUM).
    """
    rng = random.Random(2)
    words = "dinner tomorrow station Bahnhof morgen Abend treffen 明天 晚上 见面 火锅 lunch Kaffee"
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for batch in range(10):
        records = []
        for i in range(200):
            chat = rng.randrange(20)
            text = " ".join(rng.choice(words.split()) for _ in range(rng.randint(3, 60)))
            records.append(
                message(
                    f"{text} MARK{chat:02d}QZ",
                    conversation=f"c{chat}",
                    title=f"TITLE{chat:02d}QZ",
                    sender=f"HANDLE{chat:02d}QZ",
                    at=base + timedelta(minutes=batch * 200 + i),
                )
            )
        ingest_records(vault, records, file_name=f"part{batch}.txt")
    ids = dict(vault._conn.execute("SELECT key, id FROM conversations").fetchall())
    order = list(range(20))
    rng.shuffle(order)
    for chat in order[:10]:
        erase.forget_conversation(vault, ids[f"testchat:c{chat}"])
    data = vault_bytes(vault)
    for chat in range(20):
        tags = [f"{kind}{chat:02d}QZ".encode() for kind in ("MARK", "TITLE", "HANDLE")]
        expected = chat not in order[:10]
        assert [tag in data for tag in tags] == [expected] * 3, f"chat {chat}"


def test_forget_on_an_encrypted_vault(tmp_path: Path, ingest_records: IngestHelper) -> None:
    case = CASES[2]
    with Vault(tmp_path / "secret.db", passphrase="correct horse") as vault:
        filled = fill(vault, ingest_records, case)
        erase.forget_message(vault, filled.forgotten_id)
    with Vault(tmp_path / "secret.db", passphrase="correct horse") as vault:
        vault.grant("messages.read", subject="assistant", purpose="search")
        with vault.session(subject="assistant", purpose="search") as s:
            assert [m.text for m in s.messages()] == [case.kept, "好的"]
            assert s.messages(search=case.marker) == []
        assert vault.verify_log().ok
