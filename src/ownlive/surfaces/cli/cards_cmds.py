"""`ownlive cards`, `ownlive cards refresh`, `ownlive accept`, `ownlive dismiss`.

The vault's suggestion loop: `cards refresh` reads new messages through the
consent gate as the assistant, for the purpose `suggest`, and stores the
cards they give; `cards` lists them ranked; `accept` does what a card offers
(a calendar card goes to the user's CalDAV calendar) and `dismiss` drops it.
Both decisions teach the ranking. The stateless contract command
`ownlive suggest` is separate and needs no vault.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ownlive.suggest import actions, loop
from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import CliState, state
from ownlive.surfaces.cli.timeparse import parse_when
from ownlive.vault.cards import StoredCard

cards_app = typer.Typer(
    help="Suggestion cards found in your messages.", invoke_without_command=True
)
app.add_typer(cards_app, name="cards")

NowOption = Annotated[
    str | None,
    typer.Option("--now", help="Rank and expire as of this ISO time (default: now)."),
]


def _now(cli: CliState, text: str | None) -> datetime:
    vault = cli.vault()
    return parse_when(text, "--now", vault.now(), future=True) if text else vault.now()


def _card_json(card: StoredCard) -> dict[str, Any]:
    return {
        "id": card.id,
        "kind": card.kind,
        "status": card.status,
        "title": card.title,
        "actions": card.payload.get("actions", []),
        "when": card.event_at.isoformat() if card.event_at else None,
        "expires_at": card.expires_at.isoformat() if card.expires_at else None,
        "messages": card.messages,
        "result": card.result,
    }


def _when(card: StoredCard) -> str:
    """The event's time (its date for an all-day plan), else when it was last mentioned."""
    if card.event_at is not None:
        all_day = bool(card.data.get("all_day")) or len(str(card.data.get("start", ""))) == 10
        return card.event_at.strftime("%Y-%m-%d" if all_day else "%Y-%m-%d %H:%M")
    if card.mentioned_at is not None:
        return card.mentioned_at.strftime("said %m-%d %H:%M")
    return ""


@cards_app.callback()
def show(
    ctx: typer.Context,
    everything: Annotated[
        bool, typer.Option("--all", help="Also accepted, dismissed and expired cards.")
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
    now: NowOption = None,
) -> None:
    """List suggestion cards, best first (refresh them with `ownlive cards refresh`)."""
    if ctx.invoked_subcommand is not None:
        return
    cli = state(ctx)
    order = loop.ranked(cli.vault(), now=_now(cli, now), everything=everything)
    if cli.json_output or json_output:
        cli.emit_json([_card_json(r.card) | {"score": r.score} for r in order])
        return
    if not order:
        cli.console.print("No open cards. Read new messages with: ownlive cards refresh")
        return
    table = Table("id", "kind", "title", "when", "score", "status", "messages")
    for r in order:
        table.add_row(
            str(r.card.id),
            r.card.kind,
            Text(r.card.title),  # message text: never read as Rich markup
            _when(r.card),
            f"{r.score:.3f}",
            r.card.status,
            ", ".join(map(str, r.card.messages)),
        )
    cli.console.print(table)


@cards_app.command()
def refresh(ctx: typer.Context, now: NowOption = None) -> None:
    """Read new messages (as assistant, for suggest: needs that grant) and store their cards."""
    cli = state(ctx)
    report = loop.refresh(cli.vault(), now=_now(cli, now))
    if cli.json_output:
        cli.emit_json(dataclasses.asdict(report))
        return
    cli.console.print(
        f"Read {_count(report.messages, 'new message')}: {_count(report.new, 'new card')}, "
        f"{report.merged} found again, {report.expired} expired."
    )
    if report.stopped:
        cli.console.print(f"Stopped early: {report.stopped}.", markup=False)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


@app.command()
def accept(
    ctx: typer.Context,
    card_id: Annotated[int, typer.Argument(help="Card id (see `ownlive cards`).")],
    ics_dir: Annotated[
        Path | None,
        typer.Option("--ics-dir", help="Where to write the event without CalDAV (default: here)."),
    ] = None,
) -> None:
    """Do what a card offers: a calendar card adds its event to your CalDAV calendar."""
    cli = state(ctx)
    outcome = actions.accept(cli.vault(), card_id, ics_dir=ics_dir or Path.cwd())
    if cli.json_output:
        cli.emit_json(
            _card_json(outcome.card)
            | {"event_url": outcome.event_url, "ics_file": outcome.ics_file}
        )
        return
    # Paths and URIs whole on one line each (soft wrap), so that they can be copied.
    lines = []
    if outcome.event_url:
        lines.append(f"Added to your calendar: {outcome.event_url}")
    elif outcome.ics_file:
        lines.append(f"Wrote {outcome.ics_file} (open it with your calendar app)")
        lines.append(f"Hint: {outcome.hint}")
    else:
        lines += [f"{a['label']}: {a['uri']}" for a in outcome.card.payload.get("actions", [])]
    for line in lines:
        cli.console.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command()
def dismiss(
    ctx: typer.Context,
    card_id: Annotated[int, typer.Argument(help="Card id (see `ownlive cards`).")],
) -> None:
    """Drop a card; kinds you dismiss often rank lower."""
    cli = state(ctx)
    card = actions.dismiss(cli.vault(), card_id)
    if cli.json_output:
        cli.emit_json(_card_json(card))
        return
    cli.console.print(f"Dismissed card {card.id} ({card.kind}).")
