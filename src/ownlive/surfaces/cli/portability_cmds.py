"""`ownlive export ARCHIVE.zip` and `ownlive restore ARCHIVE.zip`: the vault, portable.

The archive format is docs/export-format.md. Export reads the vault given by
`--vault`; restore builds a new vault there and refuses to overwrite one.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ownlive.errors import UsageError
from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import state
from ownlive.vault.export import export_vault
from ownlive.vault.restore import restore_vault


@app.command("export")
def export_archive(
    ctx: typer.Context,
    archive: Annotated[Path, typer.Argument(help="Zip archive to write, e.g. vault.zip.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the archive if it already exists.")
    ] = False,
) -> None:
    """Export everything the vault holds to a documented archive (JSON Lines + manifest)."""
    cli = state(ctx)
    vault_path = cli.resolved_vault_path()
    if not vault_path.is_file():
        # Opening would create an empty vault just to export nothing.
        raise UsageError("no vault to export", f"vault {vault_path}", "check --vault")
    vault = cli.vault()
    manifest = export_vault(vault, archive, overwrite=force)
    if cli.json_output:
        cli.emit_json({"archive": str(archive)} | manifest.to_json())
        return
    table = Table("file", "rows", "sha256")
    for name, entry in manifest.files.items():
        table.add_row(name, str(entry.rows), entry.sha256[:16] + "…")
    cli.console.print(table)
    total = sum(manifest.rows.values())
    cli.console.print(
        f"Exported {total} rows in {len(manifest.files)} tables to {archive}.",
        markup=False,
        soft_wrap=True,
    )
    if vault.encrypted:
        cli.console.print(
            "The archive is not encrypted: it holds your messages in plain text. Keep it safe.",
            soft_wrap=True,
        )


@app.command("restore")
def restore_archive(
    ctx: typer.Context,
    archive: Annotated[Path, typer.Argument(help="Archive written by `ownlive export`.")],
) -> None:
    """Rebuild a vault from an export archive into --vault (which must not exist yet)."""
    cli = state(ctx)
    report = restore_vault(archive, cli.resolved_vault_path(), passphrase=cli.passphrase())
    if cli.json_output:
        cli.emit_json(dataclasses.asdict(report))
        return
    table = Table("table", "rows")
    for name, rows in report.rows.items():
        table.add_row(name, str(rows))
    cli.console.print(table)
    migrated = (
        f", migrated from schema {report.archive_schema_version} to {report.schema_version}"
        if report.archive_schema_version != report.schema_version
        else ""
    )
    cli.console.print(
        f"Restored {sum(report.rows.values())} rows from {report.archive} "
        f"into {report.path}{migrated}.",
        markup=False,
        soft_wrap=True,
    )
    cli.console.print(f"Log verified; head {report.log_head}", markup=False, soft_wrap=True)
