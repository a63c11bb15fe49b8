"""Telegram result.json via `ownlive import`: failures change nothing; re-imports add nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault
from tests.importers.telegram.test_result_json import EXPORTS, FIXTURES, line_of

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


def message_count(vault_path: Path) -> tuple[int, int]:
    with Vault(vault_path) as vault:
        summary = vault.summary()
    return summary.messages, summary.sources


def test_corrupt_file_via_cli_names_file_line_and_field_and_changes_nothing(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, "single_chat_zh.json")
    before = message_count(vault_path)
    result = cli_runner.invoke(
        app, ["--vault", str(vault_path), "import", str(FIXTURES / "bad_dates.json"), "--tz", "UTC"]
    )
    missing = line_of("bad_dates.json", '"id": 2,') - 1
    bad = line_of("bad_dates.json", '"gestern"')
    assert result.exit_code == 8
    assert result.stderr.splitlines() == [
        "Error: 2 problem(s) in the file; nothing was imported, "
        f"bad_dates.json:{missing}: date_unixtime: missing, "
        "fix the file, or pass --skip-invalid to keep the good records",
        f"  bad_dates.json:{missing}: date_unixtime: missing",
        f"  bad_dates.json:{bad}: date_unixtime: not a Unix time",
    ]
    assert "Traceback" not in result.output
    assert message_count(vault_path) == before


@pytest.mark.parametrize("name", ["truncated.json", "invalid_syntax.json"])
def test_unreadable_json_via_cli_fails_and_keeps_the_vault(
    cli_runner: CliRunner, tmp_path: Path, name: str
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, "overlap_first.json")
    before = message_count(vault_path)
    result = cli_runner.invoke(app, ["--vault", str(vault_path), "import", str(FIXTURES / name)])
    assert result.exit_code == 8
    assert f"{name}:" in result.stderr.splitlines()[0]
    assert message_count(vault_path) == before


def test_skip_invalid_keeps_the_good_messages(cli_runner: CliRunner, tmp_path: Path) -> None:
    report = run_import(cli_runner, tmp_path / "vault.db", "bad_dates.json", "--skip-invalid")
    assert (report["new"], len(report["problems"])) == (2, 2)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "count"), [(n, c) for n, c in zip(EXPORTS, [11, 22, 4, 5, 6], strict=True)]
)
def test_importing_twice_adds_nothing_the_second_time(
    cli_runner: CliRunner, tmp_path: Path, name: str, count: int
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, name)
    second = run_import(cli_runner, vault_path, name)
    assert (first["new"], first["present"]) == (count, 0)
    assert (second["new"], second["present"]) == (0, count)
    assert message_count(vault_path)[0] == count


def test_overlapping_exports_add_only_the_new_messages(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, "overlap_first.json")
    second = run_import(cli_runner, vault_path, "overlap_second.json")
    assert (first["new"], first["present"]) == (5, 0)
    # Message 4 was edited in between: its id, not its text, says it is the same message.
    assert (second["new"], second["present"]) == (3, 3)
    assert message_count(vault_path) == (8, 2)


def test_sample_layouts_without_ids_import_idempotently(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    # Trimmed exports (no chat or message ids) fall back to content hashes.
    path = tmp_path / "result.json"
    path.write_text(
        '{"messages": [{"type": "message", "date_unixtime": "1544006350", "from": "Anna",'
        ' "text": "Hallo"}, {"type": "message", "date_unixtime": "1544006350", "from": "Anna",'
        ' "text": "Hallo"}]}',
        encoding="utf-8",
    )
    vault_path = tmp_path / "vault.db"
    for expected_new in (2, 0):
        result = cli_runner.invoke(app, ["--vault", str(vault_path), "--json", "import", str(path)])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["new"] == expected_new
