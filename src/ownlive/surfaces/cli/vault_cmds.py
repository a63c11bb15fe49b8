"""`ownlive status` and `ownlive scopes`: the owner's overview."""

from __future__ import annotations

import dataclasses

import typer
from rich.table import Table

from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import state
from ownlive.vault.scopes import registered_scopes


@app.command()
def status(ctx: typer.Context) -> None:
    """Show where the vault is and how much it holds (counts only)."""
    cli = state(ctx)
    summary = cli.vault().summary()
    if cli.json_output:
        cli.emit_json(dataclasses.asdict(summary))
        return
    table = Table(title="Vault", show_header=False)
    for field in dataclasses.fields(summary):
        table.add_row(field.name.replace("_", " "), str(getattr(summary, field.name)))
    cli.console.print(table)


@app.command()
def scopes(ctx: typer.Context) -> None:
    """List the data scopes that grants can name."""
    cli = state(ctx)
    found = sorted(registered_scopes().values(), key=lambda s: s.name)
    if cli.json_output:
        cli.emit_json([dataclasses.asdict(s) for s in found])
        return
    table = Table("scope", "lets the grantee")
    for scope in found:
        table.add_row(scope.name, scope.description)
    cli.console.print(table)
