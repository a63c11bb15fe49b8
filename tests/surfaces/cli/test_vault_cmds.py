"""`ownlive status`, `ownlive scopes`, and global options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownlive.surfaces.cli.app import app
from ownlive.vault.scopes import BUILTIN_SCOPES
from tests.surfaces.cli.conftest import Invoke


def test_status_creates_and_describes_the_vault(ownlive: Invoke, vault_path: Path) -> None:
    summary = json.loads(ownlive("--json", "status").output)
    assert summary["path"] == str(vault_path)
    assert summary["messages"] == 0 and summary["schema_version"] >= 2
    assert vault_path.exists()


def test_scopes_lists_every_registered_scope(ownlive: Invoke) -> None:
    listed = json.loads(ownlive("--json", "scopes").output)
    assert {s["name"] for s in listed} == {s.name for s in BUILTIN_SCOPES}


def test_vault_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "env" / "vault.db"
    monkeypatch.setenv("OWNLIVE_VAULT", str(target))
    result = CliRunner().invoke(app, ["--json", "status"])
    assert json.loads(result.output)["path"] == str(target)


def test_default_vault_under_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OWNLIVE_VAULT", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    result = CliRunner().invoke(app, ["--json", "status"])
    assert json.loads(result.output)["path"] == str(tmp_path / "xdg" / "ownlive" / "vault.db")


def test_a_file_that_is_not_a_vault_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not a database at all" * 100)
    result = CliRunner().invoke(app, ["--vault", str(bogus), "status"])
    assert result.exit_code == 5
    assert result.output.strip() == (
        f"Error: cannot open the vault: wrong passphrase, or the file is not an ownlive vault, "
        f"vault {bogus}, check OWNLIVE_PASSPHRASE or --passphrase-file"
    )
