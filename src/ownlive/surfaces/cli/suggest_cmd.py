"""`ownlive suggest`: JSON Lines in, one JSON line of cards out per input line.

The contract is DESIGN.md section 5: stateless, no vault needed. Nothing goes
over the network unless `--online` is given (or `online = true` in the
user's settings); `--offline` forbids it whatever the settings say, so
providers that need the network (weather, Overpass) are not even built, and
skills that need them are skipped, never faked.

Providers: the offline places index when the vault (default or `--vault`)
has one; with `--online` also Overpass (after the index) and Open-Meteo.
They get a location rounded to about 1 km unless `location.precise` is
granted to (assistant, suggest); each request is an `outbound` entry in the
access log when a vault is in use.
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from typing import Annotated

import typer

from ownlive.context import http
from ownlive.context.geo import OutboundLog
from ownlive.context.location import PURPOSE, SUBJECT, precise_granted
from ownlive.context.overpass import OverpassPlaces
from ownlive.context.places import PlacesProvider
from ownlive.context.places_index import PlacesChain, offline_places
from ownlive.context.settings import load_settings
from ownlive.context.weather import OpenMeteo
from ownlive.errors import OwnliveError, UsageError
from ownlive.suggest import SuggestContext, suggest
from ownlive.suggest.engine import Location
from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import CliState, state
from ownlive.understand.jsonl import BadLine, dump, parse_line
from ownlive.vault import Vault, audit

log = logging.getLogger(__name__)


def parse_location(text: str) -> Location:
    try:
        lat_text, lon_text = text.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise UsageError(f"not a location: {text!r}", "--location", "use LAT,LON") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise UsageError(f"location out of range: {text!r}", "--location", "use LAT,LON") from None
    return Location(lat, lon)


def _existing_vault(cli: CliState) -> Vault | None:
    """The vault if its file exists; `suggest` never creates one, and works without it."""
    if not cli.resolved_vault_path().exists():
        return None
    try:
        return cli.vault()
    except OwnliveError as error:  # e.g. encrypted and no passphrase given
        log.warning("places index: the vault cannot be opened (%s)", error.what)
        return None


def _outbound_log(vault: Vault | None, precise: bool) -> OutboundLog | None:
    if vault is None:
        return None
    scope = "location.precise" if precise else "location.coarse"

    def record(destination: str, sent: str) -> None:
        event = audit.Outbound(
            subject=SUBJECT, scope=scope, purpose=PURPOSE, destination=destination, sent=sent
        )
        vault.log(event)

    return record


def providers_for(vault: Vault | None, online: bool) -> dict[str, object]:
    """The context providers `ownlive suggest` passes to skills."""
    providers: dict[str, object] = {}
    # The index holds public OpenStreetMap places, never personal data, and
    # without a vault there is simply no index: so using it keeps `suggest`
    # stateless in the contract's sense (its cards depend on no personal data).
    places: list[PlacesProvider] = []
    index = offline_places(vault)
    if index is not None:
        places.append(index)
    if online:
        precise = precise_granted(vault)
        on_request = _outbound_log(vault, precise)
        client = http.new_client()
        places.append(OverpassPlaces(client, precise=precise, on_request=on_request))
        providers["weather"] = OpenMeteo(client, precise=precise, on_request=on_request)
    if places:
        providers["places"] = places[0] if len(places) == 1 else PlacesChain(places)
    return providers


@app.command("suggest")
def suggest_command(
    ctx: typer.Context,
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
    settings = load_settings()
    go_online = online or (settings.online and not offline)
    where = parse_location(location) if location else settings.home
    context = SuggestContext(
        now=reference,
        location=where,
        offline=not go_online,
        providers=providers_for(_existing_vault(state(ctx)), go_online),
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
