"""SMS Backup & Restore via `ownlive import`: failures change nothing; overlaps add new rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault
from tests.importers.sms.test_backup_restore_xml import CALLS, FIRST, FIXTURES, OLD, SECOND

# --- through `ownlive import` --------------------------------------------------------


def run_import(runner: CliRunner, vault_path: Path, name: str, *extra: str) -> dict[str, object]:
    result = runner.invoke(
        app,
        [
            "--vault",
            str(vault_path),
            "--json",
            "import",
            str(FIXTURES / name),
            "--tz",
            "Europe/Berlin",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout)
    return report


def counts(vault_path: Path) -> tuple[int, int, int]:
    with Vault(vault_path) as vault:
        summary = vault.summary()
    return summary.messages, summary.conversations, summary.sources


def test_corrupt_file_via_cli_names_file_line_and_field_and_changes_nothing(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, OLD)
    before = counts(vault_path)
    result = cli_runner.invoke(
        app, ["--vault", str(vault_path), "import", str(FIXTURES / "sms-bad-dates.xml")]
    )
    assert result.exit_code == 8
    assert result.stderr.splitlines() == [
        "Error: 2 problem(s) in the file; nothing was imported, "
        "sms-bad-dates.xml:6: date: not a date (epoch milliseconds expected), "
        "fix the file, or pass --skip-invalid to keep the good records",
        "  sms-bad-dates.xml:6: date: not a date (epoch milliseconds expected)",
        "  sms-bad-dates.xml:7: date: missing",
    ]
    assert "Traceback" not in result.output
    assert counts(vault_path) == before


@pytest.mark.parametrize("name", ["sms-truncated.xml", "sms-not-well-formed.xml"])
def test_unreadable_xml_via_cli_fails_and_keeps_the_vault(
    cli_runner: CliRunner, tmp_path: Path, name: str
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, OLD)
    before = counts(vault_path)
    result = cli_runner.invoke(app, ["--vault", str(vault_path), "import", str(FIXTURES / name)])
    assert result.exit_code == 8
    assert result.stderr.startswith("Error: 1 problem(s) in the file; nothing was imported, ")
    assert f"{name}:" in result.stderr.splitlines()[0]
    assert counts(vault_path) == before


@pytest.mark.parametrize(("name", "count"), [(FIRST, 13), (SECOND, 12), (CALLS, 8), (OLD, 3)])
def test_importing_twice_adds_nothing_the_second_time(
    cli_runner: CliRunner, tmp_path: Path, name: str, count: int
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, name)
    second = run_import(cli_runner, vault_path, name)
    assert (first["new"], first["present"]) == (count, 0)
    assert (second["new"], second["present"]) == (0, count)
    assert counts(vault_path)[0] == count


def test_overlapping_backups_add_only_the_new_rows(cli_runner: CliRunner, tmp_path: Path) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, FIRST)
    second = run_import(cli_runner, vault_path, SECOND)
    assert (first["new"], second["new"], second["present"]) == (13, 3, 9)
    assert counts(vault_path)[0] == 16


def test_calls_join_the_conversations_of_the_same_numbers(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, FIRST)
    conversations_before = counts(vault_path)[1]
    run_import(cli_runner, vault_path, CALLS)
    # Li, Lena and +1 415 already have threads; the practice, the hotline and
    # the withheld caller are new.
    assert counts(vault_path)[1] == conversations_before + 3
