"""Writing imports: one transaction per file, idempotent, logged with counts only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.errors import ImportFailed
from ownlive.importers.base import ImportProblem
from ownlive.vault import Vault
from tests.conftest import IngestHelper, message


def count_messages(vault: Vault) -> int:
    return vault.summary().messages


def test_reimport_adds_nothing_twice(vault: Vault, ingest_records: IngestHelper) -> None:
    records = [message("明天见"), message("Bis morgen!", sender="jonas"), message("See you")]
    first = ingest_records(vault, records)
    second = ingest_records(vault, records)
    assert (first.new, first.present) == (3, 0)
    assert (second.new, second.present) == (0, 3)
    assert count_messages(vault) == 3
    assert vault.summary().sources == 1


def test_identical_messages_in_one_second_stay_distinct(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    at = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    records = [
        message("ok", at=at),
        message("ok", at=at),
        message("ok", at=at + timedelta(seconds=1)),
    ]
    assert ingest_records(vault, records).new == 3
    assert ingest_records(vault, records).new == 0


def test_overlapping_export_adds_only_the_new_tail(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    old = [message(f"Nachricht {i}", at=start + timedelta(minutes=i)) for i in range(5)]
    newer = old[2:] + [message(f"Nachricht {i}", at=start + timedelta(minutes=i)) for i in (5, 6)]
    ingest_records(vault, old, file_name="old.txt")
    report = ingest_records(vault, newer, file_name="new.txt")
    assert (report.new, report.present) == (2, 3)
    assert vault.summary().sources == 2


def test_a_problem_rolls_the_whole_file_back(vault: Vault, ingest_records: IngestHelper) -> None:
    records = [
        message("第一条"),
        ImportProblem("chat.txt", 2, "sent_at", "not a date"),
        message("third"),
    ]
    with pytest.raises(ImportFailed) as raised:
        ingest_records(vault, records)  # type: ignore[arg-type]
    assert raised.value.problems == ["chat.txt:2: sent_at: not a date"]
    assert raised.value.where == "chat.txt:2: sent_at: not a date"
    summary = vault.summary()
    assert (summary.messages, summary.sources, summary.log_entries) == (0, 0, 0)


def test_skip_invalid_keeps_the_good_records(vault: Vault, ingest_records: IngestHelper) -> None:
    records = [message("eins"), ImportProblem("chat.txt", 2, "sender", "missing"), message("drei")]
    report = ingest_records(vault, records, skip_invalid=True)  # type: ignore[arg-type]
    assert (report.new, len(report.problems)) == (2, 1)
    entry = vault.log_entries()[-1]
    assert (entry.event, entry.detail["new"], entry.detail["problems"]) == ("import", 2, 1)


def test_import_log_holds_counts_not_content(vault: Vault, ingest_records: IngestHelper) -> None:
    ingest_records(vault, [message("我的银行卡密码是123456")])
    assert "密码" not in repr(vault.log_entries())


# --- crash safety: kill -9 in the middle of an import --------------------------

WRITER = """
import sys, time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from ownlive.importers.base import ImportedMessage, Importer
from ownlive.vault import Vault
from ownlive.vault.ingest import ingest

vault_path, export_path, total = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
start = datetime(2026, 1, 1, tzinfo=UTC)

def records():
    for i in range(total):
        if i == total // 2:
            print("halfway", flush=True)
            time.sleep(60)  # the parent kills us here, mid-transaction
        yield ImportedMessage("chat", "Chat", start + timedelta(seconds=i), f"Nachricht {i} 消息")

importer = Importer("crash_test", "testchat", "", lambda *_: False, lambda *_: records())
with Vault(vault_path) as vault:
    ingest(vault, importer, export_path, records())
"""


def test_kill_9_mid_import_leaves_a_sound_vault(tmp_path: Path) -> None:
    vault_path, export = tmp_path / "vault.db", tmp_path / "export.txt"
    export.write_text("stands in for the export file", encoding="utf-8")
    total = 4000
    with Vault(vault_path) as vault:
        vault.grant("messages.read", subject="user", purpose="check")
    env = os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)}
    args = [sys.executable, "-c", WRITER, str(vault_path), str(export), str(total)]
    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "halfway"
    time.sleep(0.2)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Vault(vault_path) as vault:
        assert vault.verify_log().ok
        assert vault.summary().messages == 0  # the half-written transaction is gone
    # Re-running the same import completes it, each message exactly once.
    subprocess.run(
        [sys.executable, "-c", WRITER.replace("time.sleep(60)", "pass"), *args[3:]],
        env=env,
        check=True,
        capture_output=True,
    )
    with Vault(vault_path) as vault:
        texts = [m.text for m in vault.session(subject="user", purpose="check").messages()]
        assert len(texts) == len(set(texts)) == total
        assert vault.verify_log().ok


def test_reimport_with_another_zone_finds_wall_clock_messages(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    """A WhatsApp export carries no zone; importing it again with another --tz adds nothing."""
    berlin = [replace(message("Bis gleich"), wall_clock=True)]
    berlin = [
        replace(berlin[0], sent_at=datetime(2026, 11, 20, 18, 0, tzinfo=ZoneInfo("Europe/Berlin")))
    ]
    shanghai = [
        replace(berlin[0], sent_at=datetime(2026, 11, 20, 18, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    ]
    assert ingest_records(vault, berlin).new == 1
    assert ingest_records(vault, shanghai).new == 0


# --- the search index: built in bulk, the per-row trigger back afterwards -----


def _triggers(vault: Vault) -> list[str]:
    with vault.transaction() as conn:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'messages'"
        return sorted(row[0] for row in conn.execute(query))


def _matches(vault: Vault, term: str) -> int:
    with vault.transaction() as conn:
        query = "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?"
        return int(conn.execute(query, (term,)).fetchone()[0])


TRIGGERS = ["messages_fts_delete", "messages_fts_insert", "messages_fts_update"]


def test_imported_messages_are_searchable_and_the_trigger_is_back(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    ingest_records(vault, [message("火锅今晚?"), message("Lust auf Döner"), message("see you")])
    assert _triggers(vault) == TRIGGERS
    assert (_matches(vault, "火锅今"), _matches(vault, "Döner"), _matches(vault, "zzz")) == (
        1,
        1,
        0,
    )


def test_a_rolled_back_import_leaves_the_trigger_and_index_as_they_were(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    ingest_records(vault, [message("火锅今晚?")], file_name="first.txt")
    records = [message("Lust auf Döner"), ImportProblem("chat.txt", 2, "text", "unreadable")]
    with pytest.raises(ImportFailed):
        ingest_records(vault, records, file_name="second.txt")  # type: ignore[arg-type]
    assert _triggers(vault) == TRIGGERS
    assert (_matches(vault, "火锅今"), _matches(vault, "Döner")) == (1, 0)
