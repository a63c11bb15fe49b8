"""`ownlive messages` and `ownlive conversations`: reads through the consent gate.

Even the CLI reads as a named subject for a stated purpose, so the user sees
in `ownlive log` exactly what was read on their behalf.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import state
from ownlive.vault.records import as_dict

SubjectOption = Annotated[str, typer.Option("--as", help="Subject reading (e.g. assistant).")]
PurposeOption = Annotated[str, typer.Option("--for", help="Purpose of the read.")]


@app.command()
def messages(
    ctx: typer.Context,
    subject: SubjectOption = "cli",
    purpose: PurposeOption = "browse",
    conversation: Annotated[int | None, typer.Option(help="Conversation id.")] = None,
    platform: Annotated[str | None, typer.Option(help="Platform, e.g. sms.")] = None,
    search: Annotated[str | None, typer.Option(help="Text to search for.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
) -> None:
    """Read messages (needs a messages.read grant for the subject and purpose)."""
    cli = state(ctx)
    with cli.vault().session(subject=subject, purpose=purpose) as session:
        found = session.messages(
            conversation_id=conversation, platform=platform, search=search, limit=limit
        )
    if cli.json_output:
        cli.emit_json([as_dict(m) for m in found])
        return
    table = Table("id", "conv", "sent at", "from", "text")
    for m in found:
        sender = "me" if m.is_from_me else (m.sender or "")
        table.add_row(str(m.id), str(m.conversation_id), m.sent_at[:16], sender, m.text)
    cli.console.print(table)


@app.command()
def conversations(
    ctx: typer.Context,
    subject: SubjectOption = "cli",
    purpose: PurposeOption = "browse",
    platform: Annotated[str | None, typer.Option(help="Platform, e.g. sms.")] = None,
) -> None:
    """List conversations (needs a messages.read grant)."""
    cli = state(ctx)
    with cli.vault().session(subject=subject, purpose=purpose) as session:
        found = session.conversations(platform=platform)
    if cli.json_output:
        cli.emit_json([as_dict(c) for c in found])
        return
    table = Table("id", "platform", "title", "kind", "messages")
    for c in found:
        table.add_row(str(c.id), c.platform, c.title, c.kind, str(c.messages))
    cli.console.print(table)
