"""The `ownlive` command: global options, command groups, and the one place errors are rendered."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from ownlive.errors import ImportFailed, OwnliveError
from ownlive.surfaces.cli.state import CliState

_stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def render_error(error: OwnliveError) -> None:
    """`Error: what, where, how to fix` on stderr; no traceback, no message content."""
    _stderr.print(f"Error: {error.render()}", markup=False)
    if isinstance(error, ImportFailed):
        for problem in error.problems:
            _stderr.print(f"  {problem}", markup=False)


class OwnliveGroup(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except OwnliveError as error:
            render_error(error)
            ctx.exit(error.exit_code)
        finally:
            if isinstance(ctx.obj, CliState):
                ctx.obj.close()


app = typer.Typer(
    name="ownlive",
    cls=OwnliveGroup,
    help="A proactive personal assistant that you own. Your data stays in your vault.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def main_options(
    ctx: typer.Context,
    vault: Annotated[
        Path | None,
        typer.Option(
            "--vault",
            envvar="OWNLIVE_VAULT",
            help="Vault file (default: $XDG_DATA_HOME/ownlive/vault.db).",
        ),
    ] = None,
    passphrase_file: Annotated[
        Path | None,
        typer.Option(
            "--passphrase-file",
            help="File holding the vault passphrase (or set OWNLIVE_PASSPHRASE).",
        ),
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Machine-readable JSON output.")
    ] = False,
) -> None:
    ctx.obj = CliState(vault_path=vault, passphrase_file=passphrase_file, json_output=json_output)


# Each module adds its commands to `app` when imported.
COMMAND_MODULES = (
    "ownlive.surfaces.cli.vault_cmds",
    "ownlive.surfaces.cli.consent_cmds",
    "ownlive.surfaces.cli.log_cmds",
    "ownlive.surfaces.cli.read_cmds",
    "ownlive.surfaces.cli.import_cmd",
    "ownlive.surfaces.cli.portability_cmds",
    "ownlive.surfaces.cli.erase_cmds",
    "ownlive.surfaces.cli.extract_cmd",
    "ownlive.surfaces.cli.suggest_cmd",
    "ownlive.surfaces.cli.cards_cmds",
    "ownlive.surfaces.cli.places_cmds",
)
for _module in COMMAND_MODULES:
    importlib.import_module(_module)


def main() -> None:
    sys.exit(app())
