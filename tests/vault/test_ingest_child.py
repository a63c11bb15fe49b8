"""Parsing in a child process: the same vault as on one process, and no orphan on kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.errors import ImportFailed, UsageError
from ownlive.importers.base import ImportedMessage, Importer, ImportOptions, Record
from ownlive.importers.registry import detect_importer, get_importer
from ownlive.vault import Vault, ingest_child
from ownlive.vault.ingest import ingest_file

BERLIN = ZoneInfo("Europe/Berlin")
OPTIONS = ImportOptions(tz=BERLIN, tz_name="Europe/Berlin")
TEXTS = [
    "明天晚上7点在南京西路1266号见",
    "Lust auf Thai übermorgen um halb acht?",
    "ok",
    "<Media omitted>",
]


def write_chat(path: Path, count: int, *, broken_at: int | None = None) -> Path:
    start = datetime(2026, 1, 13, 8, 0)
    lines = []
    for i in range(count):
        at = start + timedelta(seconds=20 * i)
        sender = ("Mia", "Jonas Weber", "王磊")[i % 3]
        day = "31/02/2026" if i == broken_at else f"{at:%d/%m/%Y}"
        lines.append(f"{day}, {at:%H:%M} - {sender}: {TEXTS[i % len(TEXTS)]} {i}")
        if i % 7 == 0:
            lines.append("eine zweite Zeile / a second line")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def vault_rows(vault: Vault) -> list[tuple[object, ...]]:
    with vault.transaction() as conn:
        return list(
            conn.execute(
                "SELECT m.id, c.key, p.handle, m.kind, m.sent_at, m.sent_at_utc, m.text, "
                "m.content_hash FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                "LEFT JOIN participants p ON p.id = m.sender_id ORDER BY m.id"
            )
        )


def search(vault: Vault, term: str) -> int:
    with vault.transaction() as conn:
        query = "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?"
        return int(conn.execute(query, (term,)).fetchone()[0])


@pytest.fixture
def chat(tmp_path: Path) -> Path:
    return write_chat(tmp_path / "WhatsApp Chat with Mia.txt", 5000)


def test_child_and_single_process_write_the_same_vault(tmp_path: Path, chat: Path) -> None:
    importer = get_importer("whatsapp_txt")
    results = []
    for in_child in (False, True):
        with Vault(tmp_path / f"vault-{in_child}.db") as vault:
            report = ingest_file(vault, importer, chat, OPTIONS, in_child=in_child)
            results.append(
                ((report.new, report.present), vault_rows(vault), search(vault, "南京西路"))
            )
            # Re-importing through the other path still finds every message present.
            again = ingest_file(vault, importer, chat, OPTIONS, in_child=not in_child)
            assert (again.new, again.present) == (0, 5000)
            assert vault.verify_log().ok
    assert results[0] == results[1]
    assert results[0][0] == (5000, 0)
    assert results[0][2] == 1250


def test_problems_found_in_the_child_roll_the_file_back(tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "WhatsApp Chat with Jonas.txt", 3000, broken_at=2500)
    with Vault(tmp_path / "vault.db") as vault:
        with pytest.raises(ImportFailed) as raised:
            ingest_file(vault, get_importer("whatsapp_txt"), chat, OPTIONS, in_child=True)
        assert raised.value.where.startswith("WhatsApp Chat with Jonas.txt:")
        assert "impossible date" in raised.value.where
        summary = vault.summary()
        assert (summary.messages, summary.sources, summary.log_entries) == (0, 0, 0)
        assert search(vault, "Thai") == 0
        report = ingest_file(
            vault, get_importer("whatsapp_txt"), chat, OPTIONS, in_child=True, skip_invalid=True
        )
        assert (report.new, len(report.problems)) == (2999, 1)


def _crashing_parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(2500):
        yield ImportedMessage("chat", "Chat", start + timedelta(seconds=i), f"Nachricht {i}")
    raise ValueError("secret message text must not reach the error")


def test_a_child_that_fails_rolls_back_without_quoting_data(tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    export.write_text("stands in for the export", encoding="utf-8")
    importer = Importer("crash_test", "testchat", "", lambda *_: False, _crashing_parse)
    with Vault(tmp_path / "vault.db") as vault:
        with pytest.raises(ImportFailed) as raised:
            ingest_file(vault, importer, export, OPTIONS, in_child=True)
        assert "ValueError" in raised.value.what
        assert "secret" not in str(raised.value)
        assert vault.summary().messages == 0


def test_a_child_killed_by_the_system_rolls_back(tmp_path: Path) -> None:
    def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
        yield from _crashing_parse(path, options)
        os.kill(os.getpid(), signal.SIGKILL)  # the out-of-memory killer, say

    export = tmp_path / "export.txt"
    export.write_text("stands in for the export", encoding="utf-8")
    importer = Importer("crash_test", "testchat", "", lambda *_: False, parse)
    with Vault(tmp_path / "vault.db") as vault:
        with pytest.raises(ImportFailed) as raised:
            ingest_file(vault, importer, export, OPTIONS, in_child=True)
        assert "the parser process stopped" in raised.value.what
        assert vault.summary().messages == 0


@pytest.mark.parametrize(
    ("size", "platform", "cpus", "expected"),
    [
        (ingest_child.CHILD_MIN_BYTES, "linux", 2, True),
        (ingest_child.CHILD_MIN_BYTES - 1, "linux", 2, False),
        (ingest_child.CHILD_MIN_BYTES, "linux", 1, False),
        (ingest_child.CHILD_MIN_BYTES, "darwin", 8, False),
    ],
)
def test_only_big_files_on_linux_with_two_cores_get_a_child(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: int,
    platform: str,
    cpus: int,
    expected: bool,
) -> None:
    export = tmp_path / "big.txt"
    with export.open("wb") as handle:
        handle.truncate(size)
    monkeypatch.setattr(ingest_child.sys, "platform", platform)
    monkeypatch.setattr(ingest_child, "usable_cores", lambda: cpus)
    assert ingest_child.worth_a_child(export) is expected
    assert ingest_child.worth_a_child(tmp_path / "missing.txt") is False


PARENT = """
import os, sys, time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from ownlive.importers.base import ImportedMessage, Importer, ImportOptions
from ownlive.vault import Vault
from ownlive.vault.ingest import ingest_file

vault_path, export_path = Path(sys.argv[1]), Path(sys.argv[2])
start = datetime(2026, 1, 1, tzinfo=UTC)

def parse(path, options):
    for i in range(10**9):
        if i == 5000:
            print("child", os.getpid(), flush=True)
            time.sleep(600)  # the parent is killed while its child parses
        yield ImportedMessage("chat", "Chat", start + timedelta(seconds=i), f"Nachricht {i} 消息")

importer = Importer("crash_test", "testchat", "", lambda *_: False, parse)
with Vault(vault_path) as vault:
    ingest_file(vault, importer, export_path, ImportOptions(), in_child=True)
"""


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status  # exited; only waiting for its new parent to reap it


def test_kill_9_of_the_parent_takes_the_child_with_it(tmp_path: Path) -> None:
    vault_path, export = tmp_path / "vault.db", tmp_path / "export.txt"
    export.write_text("stands in for the export", encoding="utf-8")
    env = os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)}
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(vault_path), str(export)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert parent.stdout is not None
    word, pid = parent.stdout.readline().split()
    assert word == "child"
    time.sleep(0.3)  # the parent has written the first batches by now
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while not _gone(int(pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(int(pid))
    with Vault(vault_path) as vault:
        assert vault.verify_log().ok
        assert vault.summary().messages == 0


# --- every importer's fixtures: the child path writes what one process writes ----

FIXTURES = Path(__file__).parents[1] / "importers"
CONTEXT_TABLES = ("events", "visits", "points")


def _every_fixture() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*/fixtures/*") if p.is_file())


def _outcome(vault: Vault, path: Path, in_child: bool) -> tuple[object, ...]:
    try:
        importer = detect_importer(path)
    except UsageError:
        return ("not detected",)
    options = ImportOptions(
        tz=BERLIN, tz_name="Europe/Berlin", now=datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    )
    try:
        report = ingest_file(vault, importer, path, options, in_child=in_child, skip_invalid=True)
    except ImportFailed as failed:
        return ("failed", failed.what, failed.where)
    with vault.transaction() as conn:
        counts = [
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in CONTEXT_TABLES
        ]
    problems = [p.render() for p in report.problems]
    return (report.new, report.present, problems, vault_rows(vault), counts)


@pytest.mark.parametrize("path", _every_fixture(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_fixture_imports_the_same_through_the_child(tmp_path: Path, path: Path) -> None:
    outcomes = []
    for in_child in (False, True):
        with Vault(tmp_path / f"vault-{in_child}.db") as vault:
            outcomes.append(_outcome(vault, path, in_child))
    assert outcomes[0] == outcomes[1]


def test_a_process_pinned_to_one_core_parses_on_one(tmp_path: Path) -> None:
    code = (
        "import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
        "from ownlive.vault.ingest_child import usable_cores; print(usable_cores())"
    )
    env = os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "1"
