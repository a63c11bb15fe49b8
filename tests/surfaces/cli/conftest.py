"""Helpers for driving the real CLI in-process against a real vault file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ownlive.surfaces.cli.app import app

Invoke = Callable[..., Result]


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "cli-vault.db"


@pytest.fixture
def ownlive(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    monkeypatch.delenv("OWNLIVE_PASSPHRASE", raising=False)
    monkeypatch.delenv("OWNLIVE_VAULT", raising=False)

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(app, ["--vault", str(vault_path), *args], input=input)

    return invoke
