"""`ownlive grant`, `ownlive revoke`, `ownlive grants`: the user's consent decisions."""

from __future__ import annotations

import dataclasses
import sys
from typing import Annotated

import typer
from rich.table import Table

from ownlive.errors import UsageError
from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import state
from ownlive.surfaces.cli.timeparse import parse_when
from ownlive.vault.consent import consent_text


@app.command()
def grant(
    ctx: typer.Context,
    scope: Annotated[str, typer.Argument(help="Scope to grant, e.g. messages.read.")],
    to: Annotated[str, typer.Option("--to", help="Subject: the part or mini program.")],
    purpose: Annotated[str, typer.Option("--for", help="Purpose the grant is bound to.")],
    until: Annotated[
        str | None, typer.Option("--until", help="Expiry: ISO time or a span (7d, 12h).")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Valid for a single read.")] = False,
    platform: Annotated[
        str | None, typer.Option("--platform", help="Only this platform (e.g. sms).")
    ] = None,
    conversation: Annotated[
        int | None, typer.Option("--conversation", help="Only this conversation id.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Confirm without asking.")] = False,
) -> None:
    """Let SUBJECT read SCOPE for one PURPOSE; shows the consent text first."""
    cli = state(ctx)
    vault = cli.vault()
    expires = parse_when(until, "--until", vault.now(), future=True) if until else None
    narrowing = (
        f"platform={platform}"
        if platform
        else (f"conversation={conversation}" if conversation is not None else None)
    )
    text = consent_text(scope, to, purpose, narrowing)
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(
                "a grant needs your confirmation", "", "pass --yes when not at a terminal"
            )
        cli.console.print(text)
        typer.confirm("Grant this?", abort=True)
    created = vault.grant(
        scope,
        subject=to,
        purpose=purpose,
        until=expires,
        once=once,
        platform=platform,
        conversation_id=conversation,
    )
    if cli.json_output:
        cli.emit_json(dataclasses.asdict(created))
    else:
        cli.console.print(f"Granted #{created.id}: {created.consent_text}", markup=False)


@app.command()
def revoke(
    ctx: typer.Context,
    grant_id: Annotated[int, typer.Argument(help="Grant id (see `ownlive grants`).")],
) -> None:
    """Revoke a grant; reads under it stop at once."""
    cli = state(ctx)
    revoked = cli.vault().revoke(grant_id)
    if cli.json_output:
        cli.emit_json(dataclasses.asdict(revoked))
    else:
        cli.console.print(f"Revoked #{revoked.id} ({revoked.scope} for {revoked.subject}).")


@app.command()
def grants(
    ctx: typer.Context,
    subject: Annotated[str | None, typer.Option("--subject", help="Only this subject.")] = None,
) -> None:
    """List grants with their state (active, expired, revoked, used)."""
    cli = state(ctx)
    vault = cli.vault()
    now = vault.now()
    found = vault.grants(subject)
    if cli.json_output:
        cli.emit_json([dataclasses.asdict(g) | {"state": g.state(now)} for g in found])
        return
    table = Table("id", "subject", "scope", "purpose", "state", "until", "once", "limited to")
    for g in found:
        table.add_row(
            str(g.id),
            g.subject,
            g.scope,
            g.purpose,
            g.state(now),
            g.expires_at or "",
            "yes" if g.once else "",
            g.narrowing() or "",
        )
    cli.console.print(table)
