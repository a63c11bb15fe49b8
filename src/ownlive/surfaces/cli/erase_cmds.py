"""`ownlive forget` and `ownlive sources`: erasing what the vault holds, and choosing what.

Forgetting is the owner's own operation, not a read on anyone's behalf, so it
needs no grant; it asks for confirmation (or `--yes`) because it cannot be
undone, and it is logged with its kind of target and a row count only.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from ownlive.errors import UsageError
from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import state
from ownlive.vault import erase
from ownlive.vault.records import as_dict

ONE_TARGET = "pass exactly one of --message ID, --conversation ID, --source ID, --everything"


def at_terminal() -> bool:
    """Whether someone can answer a confirmation (tests replace this)."""
    return sys.stdin.isatty()


def _target(
    message: int | None, conversation: int | None, source: int | None, everything: bool
) -> erase.Target:
    given: list[erase.Target] = []
    if message is not None:
        given.append(erase.Target("message", message))
    if conversation is not None:
        given.append(erase.Target("conversation", conversation))
    if source is not None:
        given.append(erase.Target("source", source))
    if everything:
        given.append(erase.Target("everything"))
    if len(given) != 1:
        what = "say what to forget" if not given else "forget one thing at a time"
        raise UsageError(what, "", ONE_TARGET)
    return given[0]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _rows(count: int, table: str) -> str:
    """`3 messages`, `1 entity`: a table's row count in words."""
    if table == "entities":
        return f"{count} {'entity' if count == 1 else 'entities'}"
    return _plural(count, table.removesuffix("s").replace("_", " "))


@app.command()
def forget(
    ctx: typer.Context,
    message: Annotated[int | None, typer.Option("--message", help="A message id.")] = None,
    conversation: Annotated[
        int | None, typer.Option("--conversation", help="A conversation id, with all its messages.")
    ] = None,
    source: Annotated[
        int | None,
        typer.Option("--source", help="An imported file (see `ownlive sources`), all it brought."),
    ] = None,
    everything: Annotated[
        bool, typer.Option("--everything", help="All personal data; grants and the log stay.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Confirm without asking.")] = False,
) -> None:
    """Erase for good: rows, search index, derived data, and their bytes in the file and WAL."""
    cli = state(ctx)
    target = _target(message, conversation, source, everything)
    vault = cli.vault()
    covered = erase.covered(vault, target)  # an unknown id fails before any question
    if not yes:
        if not at_terminal():
            raise UsageError(
                "forgetting needs your confirmation", "", "pass --yes when not at a terminal"
            )
        rows = ", ".join(_rows(n, table) for table, n in covered.items() if n) or "0 messages"
        typer.confirm(f"Forget {target.describe()} ({rows})? This cannot be undone.", abort=True)
    done = erase.forget(vault, target)
    if cli.json_output:
        cli.emit_json(
            {
                "target": done.target,
                "rows": done.rows,
                "removed": done.removed,
                "grants_revoked": done.grants_revoked,
            }
        )
        return
    removed = ", ".join(_rows(n, table) for table, n in done.removed.items())
    cli.console.print(
        f"Forgot {target.describe()}: {removed or 'nothing left to remove'}.", soft_wrap=True
    )
    if done.grants_revoked:
        cli.console.print(
            f"Revoked {_plural(done.grants_revoked, 'grant')} limited to a conversation now gone.",
            soft_wrap=True,
        )


@app.command()
def sources(ctx: typer.Context) -> None:
    """List imported files (id, platform, format, name, when, message count)."""
    cli = state(ctx)
    found = erase.list_sources(cli.vault())
    if cli.json_output:
        cli.emit_json([as_dict(s) for s in found])
        return
    table = Table("id", "platform", "format", "file", "imported at", "messages")
    for s in found:
        table.add_row(
            str(s.id), s.platform, s.format, s.file_name, s.imported_at[:19], str(s.messages)
        )
    cli.console.print(table)
