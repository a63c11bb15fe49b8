"""`ownlive import PATH`: detect the format, parse, write in one transaction."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ownlive.errors import UsageError
from ownlive.importers import ImportOptions, detect_importer, get_importer
from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import state
from ownlive.vault.ingest import ingest_file


def _local_zone_name() -> str:
    # /etc/localtime names the machine's zone on Linux and macOS.
    link = Path("/etc/localtime")
    if link.is_symlink():
        target = str(link.resolve())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    return "UTC"


def _zone(name: str | None) -> tuple[ZoneInfo, str]:
    chosen = name or _local_zone_name()
    try:
        return ZoneInfo(chosen), chosen
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"unknown time zone {chosen!r}", "--tz", "use an IANA name such as Asia/Shanghai"
        ) from None


@app.command("import")
def import_file(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="Export file to import.")],
    format_name: Annotated[
        str | None, typer.Option("--format", help="Format name; detected when absent.")
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option("--tz", help="Time zone for exports without one (default: this machine's)."),
    ] = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Keep good records; report the rest.")
    ] = False,
) -> None:
    """Import an export file (WhatsApp, Telegram, SMS, WeChat, mbox, iCalendar, ...)."""
    cli = state(ctx)
    if not path.is_file():
        raise UsageError("no such file", str(path), "check the path")
    importer = get_importer(format_name) if format_name else detect_importer(path)
    zone, zone_name = _zone(tz)
    vault = cli.vault()
    # The vault's clock, so a calendar's recurrence window is the one the import is logged at.
    options = ImportOptions(tz=zone, tz_name=zone_name, now=vault.now())
    columns = (
        # The file name goes in as a field, escaped: as part of the format string
        # "chat{1}.txt" broke str.format and "test_[mmddyy].txt" lost its brackets.
        TextColumn("{task.fields[label]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} rec/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=cli.console, transient=True, disable=cli.json_output) as bar:
        label = f"[bold]{importer.name}[/] {escape(path.name)}"
        task = bar.add_task("import", total=None, rate="-", label=label)

        def progress(count: int) -> None:
            elapsed = bar.tasks[task].elapsed or 1e-9
            bar.update(task, completed=count, rate=f"{count / elapsed:,.0f}")

        report = ingest_file(
            vault, importer, path, options, skip_invalid=skip_invalid, progress=progress
        )
    if cli.json_output:
        cli.emit_json(
            dataclasses.asdict(report) | {"problems": [p.render() for p in report.problems]}
        )
        return
    cli.console.print(
        f"Imported {escape(path.name)} as {importer.name}: {report.new} new, "
        f"{report.present} already present, {len(report.problems)} problem(s)."
    )
    for problem in report.problems[:10]:
        cli.console.print(f"  skipped {problem.render()}", markup=False)
