"""Meta-tests: the registries, the gate's boundary and the docs stay honest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from ownlive.importers.builtin import BUILTIN_IMPORTER_MODULES
from ownlive.importers.registry import registered_importers
from ownlive.surfaces.cli.app import app
from ownlive.vault.scopes import registered_scopes

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "ownlive"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def python_files_outside_vault() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "vault" not in p.relative_to(SRC).parts[:1]]


@pytest.mark.parametrize(
    "path", python_files_outside_vault(), ids=lambda p: str(p.relative_to(SRC))
)
def test_only_the_vault_touches_the_database(path: Path) -> None:
    """Everything else reads personal data through a session (the consent gate)."""
    source = path.read_text(encoding="utf-8")
    assert "._conn" not in source
    assert not re.search(r"^\s*(import|from)\s+(sqlite3|sqlcipher3)\b", source, re.M)


@pytest.mark.parametrize("scope", sorted(registered_scopes()))
def test_every_scope_is_documented(scope: str) -> None:
    assert f"`{scope}`" in README


def command_names(group: typer.Typer, prefix: str = "") -> list[str]:
    names = [prefix + (c.name or c.callback.__name__) for c in group.registered_commands]  # type: ignore[union-attr]
    for sub in group.registered_groups:
        names.append(prefix + str(sub.name))
        names += command_names(sub.typer_instance, prefix + f"{sub.name} ")  # type: ignore[arg-type]
    return names


@pytest.mark.parametrize("command", command_names(app))
def test_every_cli_command_is_in_the_readme_tour(command: str) -> None:
    assert f"ownlive {command}" in README


@pytest.mark.parametrize("module", BUILTIN_IMPORTER_MODULES)
def test_every_importer_has_fixtures_and_tests(module: str) -> None:
    parts = module.split(".")[2:]  # ownlive.importers.<package...>.<module>
    folder = ROOT / "tests" / "importers" / Path(*parts[:-1])
    assert (folder / f"test_{parts[-1]}.py").is_file(), f"no tests for {module}"
    fixtures = folder / "fixtures"
    assert fixtures.is_dir() and any(fixtures.iterdir()), f"no fixtures for {module}"


def test_every_importer_module_is_registered() -> None:
    assert len(registered_importers()) == len(BUILTIN_IMPORTER_MODULES)
