"""`ownlive log`, `ownlive log verify`, `ownlive log head`: the access log."""

from __future__ import annotations

import dataclasses
import json
from typing import Annotated

import typer
from rich.table import Table

from ownlive.errors import LogTampered, UsageError
from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import state
from ownlive.surfaces.cli.timeparse import parse_when

log_app = typer.Typer(help="The tamper-evident access log.", invoke_without_command=True)
app.add_typer(log_app, name="log")


@log_app.callback()
def show(
    ctx: typer.Context,
    subject: Annotated[str | None, typer.Option("--subject", help="Only this subject.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="ISO time or a span back (1d, 2h).")
    ] = None,
) -> None:
    """Show the access log (every read, denial, grant, import, export, erase)."""
    if ctx.invoked_subcommand is not None:
        return
    cli = state(ctx)
    vault = cli.vault()
    start = parse_when(since, "--since", vault.now(), future=False) if since else None
    found = vault.log_entries(subject, start)
    if cli.json_output:
        cli.emit_json([dataclasses.asdict(e) for e in found])
        return
    table = Table("#", "at", "event", "subject", "scope", "purpose", "grant", "detail")
    for e in found:
        table.add_row(
            str(e.seq),
            e.at[:19],
            e.event,
            e.subject,
            e.scope,
            e.purpose,
            "" if e.grant_id is None else str(e.grant_id),
            _brief(e.detail),
        )
    cli.console.print(table)


def _brief(detail: dict[str, object]) -> str:
    """key=value pairs, with digests cut to 12 characters (the full ones are in --json)."""
    parts = []
    for key, value in detail.items():
        if value is None or value is False or value == "":
            continue
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if key.endswith(("digest", "sha256")):
            text = text[:12] + "…"
        parts.append(f"{key}={text}")
    return " ".join(parts)


def _parse_witness(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise UsageError(f"not a witness: {text!r}", "--witness", "use SEQ:HASH from `log head`")
    return int(seq), digest


@log_app.command()
def verify(
    ctx: typer.Context,
    witness: Annotated[
        str | None,
        typer.Option("--witness", help="SEQ:HASH recorded earlier by `ownlive log head`."),
    ] = None,
) -> None:
    """Check the hash chain; name the first entry that does not hold."""
    cli = state(ctx)
    result = cli.vault().verify_log(_parse_witness(witness) if witness else None)
    if cli.json_output:
        cli.emit_json(dataclasses.asdict(result) | {"ok": result.ok})
    if not result.ok:
        assert result.broken_at is not None
        raise LogTampered(result.broken_at, result.reason)
    if not cli.json_output:
        cli.console.print(
            f"Log verified: {result.entries} entries, head {result.head_seq}:{result.head_hash}"
        )


@log_app.command()
def head(ctx: typer.Context) -> None:
    """Print SEQ:HASH of the newest entry, to write down outside the vault."""
    cli = state(ctx)
    seq, digest = cli.vault().log_head()
    if cli.json_output:
        cli.emit_json({"seq": seq, "hash": digest})
    else:
        print(f"{seq}:{digest}")
