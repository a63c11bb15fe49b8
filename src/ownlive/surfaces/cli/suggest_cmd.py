"""`ownlive suggest`: JSON Lines in, one JSON line of cards out per input line.

The contract is DESIGN.md section 5: stateless, no vault needed. Nothing goes
over the network unless `--online` is given; `--offline` also forbids it,
so providers that need the network are skipped, never faked.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated

import typer

from ownlive.errors import UsageError
from ownlive.suggest import SuggestContext, suggest
from ownlive.suggest.engine import Location
from ownlive.surfaces.cli.app import app
from ownlive.understand.jsonl import BadLine, dump, parse_line


def parse_location(text: str) -> Location:
    try:
        lat_text, lon_text = text.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise UsageError(f"not a location: {text!r}", "--location", "use LAT,LON") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise UsageError(f"location out of range: {text!r}", "--location", "use LAT,LON") from None
    return Location(lat, lon)


@app.command("suggest")
def suggest_command(
    now: Annotated[
        str | None, typer.Option("--now", help="Reference time for lines without sent_at.")
    ] = None,
    location: Annotated[str | None, typer.Option("--location", help="LAT,LON.")] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Never use the network.")] = False,
    online: Annotated[
        bool, typer.Option("--online", help="Allow weather and places lookups over the network.")
    ] = False,
) -> None:
    """Read messages as JSON Lines on stdin; write suggestion cards as JSON Lines."""
    if offline and online:
        raise UsageError("--offline and --online exclude each other", "", "pass one of them")
    reference = None
    if now is not None:
        try:
            reference = datetime.fromisoformat(now)
        except ValueError:
            raise UsageError(f"not an ISO 8601 time: {now!r}", "--now", "") from None
    context = SuggestContext(
        now=reference,
        location=parse_location(location) if location else None,
        offline=not online,
    )
    out = sys.stdout
    for number, raw in enumerate(sys.stdin.buffer, 1):
        parsed = parse_line(raw, number)
        if isinstance(parsed, BadLine):
            out.write(dump({"id": parsed.id, "error": parsed.error}) + "\n")
            continue
        cards = suggest(
            parsed.text, sent_at=parsed.sent_at or reference, lang=parsed.lang, context=context
        )
        out.write(dump({"id": parsed.id, "cards": [c.to_json() for c in cards]}) + "\n")
    out.flush()
    raise typer.Exit(0)
