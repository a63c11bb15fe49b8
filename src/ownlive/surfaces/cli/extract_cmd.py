"""`ownlive extract`: JSON Lines in, one JSON line of entities out per input line.

The contract is DESIGN.md section 4. It needs no vault and no network.
"""

from __future__ import annotations

import sys

import typer

from ownlive.surfaces.cli.app import app
from ownlive.understand import extract
from ownlive.understand.jsonl import BadLine, dump, parse_line


@app.command("extract")
def extract_command() -> None:
    """Read messages as JSON Lines on stdin; write their entities as JSON Lines."""
    out = sys.stdout
    for number, raw in enumerate(sys.stdin.buffer, 1):
        parsed = parse_line(raw, number)
        if isinstance(parsed, BadLine):
            out.write(dump({"id": parsed.id, "error": parsed.error}) + "\n")
            continue
        result = extract(parsed.text, sent_at=parsed.sent_at, lang=parsed.lang)
        out.write(dump(result.to_json(parsed.id)) + "\n")
    out.flush()
    raise typer.Exit(0)
