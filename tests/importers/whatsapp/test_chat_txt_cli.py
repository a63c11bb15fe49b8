"""`ownlive import` with WhatsApp exports: errors, rollback, --skip-invalid, re-imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault
from tests.importers.whatsapp.conftest import BROKEN, CHATS, FIXTURES, LI_LEI, US_12H, messages


def run(runner: CliRunner, vault: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--vault", str(vault), "import", *args])
    return result.exit_code, result.stdout, result.stderr


def counts(vault: Path) -> tuple[int, int, int, int]:
    with Vault(vault) as opened:
        summary = opened.summary()
    return summary.messages, summary.conversations, summary.sources, summary.log_entries


def test_cli_corrupt_file_leaves_the_vault_unchanged(cli_runner: CliRunner, tmp_path: Path) -> None:
    vault = tmp_path / "vault.db"
    assert run(cli_runner, vault, str(LI_LEI), "--tz", "Asia/Shanghai")[0] == 0
    before = counts(vault)
    code, _, stderr = run(cli_runner, vault, str(BROKEN), "--tz", "Europe/Berlin")
    problem = (
        "broken_impossible_date.txt:2: sent_at: impossible date "
        "(this file's dates read as day/month/year)"
    )
    assert code == 8
    assert stderr.splitlines() == [
        f"Error: 1 problem(s) in the file; nothing was imported, {problem}, "
        "fix the file, or pass --skip-invalid to keep the good records",
        f"  {problem}",
    ]
    assert "Ben" not in stderr and "birthday" not in stderr
    assert counts(vault) == before


def test_cli_not_a_chat(cli_runner: CliRunner, tmp_path: Path) -> None:
    vault, path = tmp_path / "vault.db", FIXTURES / "not_a_chat.txt"
    code, _, stderr = run(cli_runner, vault, str(path))
    assert code == 2
    assert stderr.startswith(f"Error: cannot tell the export format from the content, {path}")
    code, _, stderr = run(cli_runner, vault, str(path), "--format", "whatsapp_txt")
    assert code == 8
    assert stderr.splitlines()[-1] == "  not_a_chat.txt: file: not a WhatsApp chat export"
    assert counts(vault)[:3] == (0, 0, 0)


def test_cli_skip_invalid_keeps_the_good_records(cli_runner: CliRunner, tmp_path: Path) -> None:
    vault = tmp_path / "vault.db"
    code, stdout, _ = run(cli_runner, vault, str(BROKEN), "--skip-invalid", "--tz", "UTC")
    assert code == 0
    assert "2 new, 0 already present, 1 problem(s)." in " ".join(stdout.split())
    assert "skipped broken_impossible_date.txt:2: sent_at:" in " ".join(stdout.split())
    assert counts(vault)[0] == 2


@pytest.mark.parametrize("path", CHATS[:-1], ids=lambda p: p.name)
def test_cli_import_twice_adds_nothing_new(
    cli_runner: CliRunner, tmp_path: Path, path: Path
) -> None:
    vault = tmp_path / "vault.db"
    expected = len(messages(path))
    for present in (0, expected):
        code, stdout, _ = run(cli_runner, vault, str(path), "--tz", "Europe/Berlin")
        assert code == 0
        new = expected - present
        assert f"{new} new, {present} already present, 0 problem(s)." in " ".join(stdout.split())
    assert counts(vault)[:3] == (expected, 1, 1)


@pytest.mark.parametrize(
    ("earlier", "later_name", "tail"),
    [
        (LI_LEI, "WhatsApp Chat with 李雷 (1).txt",
         "02/04/2024, 18:31 - Anna Schmidt: Gerne! 几点？\n02/04/2024, 18:32 - 李雷: 晚上七点\n"),
        (US_12H, "_chat.txt",
         "2/3/24, 6:53\u202fAM - Priya: Welcome back!\n"
         "2/3/24, 6:53\u202fAM - Priya: Welcome back!\n"),
    ],
)  # fmt: skip
def test_cli_overlapping_export_adds_only_the_new_tail(
    cli_runner: CliRunner, tmp_path: Path, earlier: Path, later_name: str, tail: str
) -> None:
    vault = tmp_path / "vault.db"
    later = tmp_path / later_name
    later.write_bytes(earlier.read_bytes() + tail.encode())
    assert run(cli_runner, vault, str(earlier), "--tz", "Asia/Shanghai")[0] == 0
    before = counts(vault)[0]
    code, stdout, _ = run(cli_runner, vault, str(later), "--tz", "Asia/Shanghai")
    assert code == 0
    assert f"2 new, {before} already present" in " ".join(stdout.split())
    assert counts(vault)[:3] == (before + 2, 1, 2)


def test_cli_reports_file_names_with_brackets_and_braces(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    """Bug fixed: rich read "[mmddyy]" as markup and "{1}" broke the progress column."""
    vault = tmp_path / "vault.db"
    for name in ("test_[mmddyy]_24hrs.txt", "chat{1}.txt"):
        copy = tmp_path / name
        shutil.copy(US_12H, copy)
        code, stdout, _ = run(cli_runner, vault, str(copy))
        assert code == 0
        assert f"Imported {name} as whatsapp_txt:" in stdout
