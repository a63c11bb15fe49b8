"""Vault transactions: nesting, rollback, and the bulk transaction imports use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from ownlive.vault import Vault
from ownlive.vault.connection import Connection
from tests.conftest import IngestHelper, message

MEMORY, DEFAULT = 2, 0


def temp_store(conn: Connection) -> int:
    return int(conn.execute("PRAGMA temp_store").fetchone()[0])


def test_a_bulk_transaction_keeps_scratch_space_in_memory_only_while_it_runs(
    vault: Vault,
) -> None:
    with vault.bulk_transaction() as conn:
        assert temp_store(conn) == MEMORY
        conn.execute(
            "INSERT INTO sources (platform, format, file_name, sha256, imported_at) "
            "VALUES ('t', 't', 'a.txt', 'a', '2026-11-20T00:00:00+00:00')"
        )
    with vault.transaction() as conn:
        assert temp_store(conn) == DEFAULT  # VACUUM's vault-sized copy goes to disk again
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_a_failed_bulk_transaction_rolls_back_and_restores_the_default(vault: Vault) -> None:
    def fail_halfway() -> None:
        with vault.bulk_transaction() as conn:
            conn.execute(
                "INSERT INTO sources (platform, format, file_name, sha256, imported_at) "
                "VALUES ('t', 't', 'a.txt', 'a', '2026-11-20T00:00:00+00:00')"
            )
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        fail_halfway()
    with vault.transaction() as conn:
        assert temp_store(conn) == DEFAULT
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0


def test_a_bulk_transaction_inside_another_becomes_a_savepoint(vault: Vault) -> None:
    # temp_store cannot change inside a transaction; the outer one decides.
    with vault.transaction() as outer, vault.bulk_transaction() as inner:
        assert inner is outer
        assert temp_store(inner) == DEFAULT


def test_imports_write_in_a_bulk_transaction(
    vault: Vault, ingest_records: IngestHelper, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    original = Vault.bulk_transaction

    @contextmanager
    def spying(self: Vault) -> Iterator[Connection]:
        with original(self) as conn:
            seen.append(temp_store(conn))
            yield conn

    monkeypatch.setattr(Vault, "bulk_transaction", spying)
    ingest_records(vault, [message("明天见"), message("Bis morgen")])
    assert seen == [MEMORY]
