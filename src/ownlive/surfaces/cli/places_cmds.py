"""`ownlive places import FILE`, `ownlive places near LAT,LON`: the offline places index.

An OpenStreetMap extract (.osm XML, .osm.pbf or GeoJSON; format told from
the content) goes into the vault, so that restaurant cards list nearby
places without the network. The places are public data: `near` needs no
grant, and the import is logged like every other import.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ownlive.context.osm import ReadStats, detect_format, read_pois
from ownlive.context.places_index import OfflinePlaces
from ownlive.context.settings import parse_lat_lon
from ownlive.errors import UsageError
from ownlive.surfaces.cli.app import app
from ownlive.surfaces.cli.state import state
from ownlive.vault import poi

places_app = typer.Typer(help="The offline index of places to eat (OpenStreetMap).")
app.add_typer(places_app, name="places")


@places_app.command("import")
def import_places(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="OSM extract: .osm, .osm.pbf or GeoJSON.")],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Keep good places; report the rest.")
    ] = False,
) -> None:
    """Import restaurants, fast food and cafes from an OpenStreetMap extract."""
    cli = state(ctx)
    if not path.is_file():
        raise UsageError("no such file", str(path), "check the path")
    fmt = detect_format(path)
    stats = ReadStats()
    report = poi.import_pois(
        cli.vault(), path, fmt, read_pois(path, stats), skip_invalid=skip_invalid
    )
    if cli.json_output:
        cli.emit_json(
            dataclasses.asdict(report)
            | {"problems": [p.render() for p in report.problems], "unnamed": stats.unnamed}
        )
        return
    cli.console.print(
        f"Imported {escape(path.name)} ({fmt}): {report.places} places to eat "
        f"({report.new} new, {report.updated} updated, {report.present} already present), "
        f"{report.with_cuisine} with a cuisine; {stats.unnamed} without a name skipped, "
        f"{len(report.problems)} problem(s)."
    )
    for problem in report.problems[:10]:
        cli.console.print(f"  skipped {problem.render()}", markup=False)


@places_app.command("near")
def near(
    ctx: typer.Context,
    where: Annotated[str, typer.Argument(help="LAT,LON", metavar="LAT,LON")],
    cuisine: Annotated[
        str | None, typer.Option("--cuisine", help="An OSM cuisine value, e.g. thai.")
    ] = None,
    radius: Annotated[float, typer.Option("--radius", help="Metres.", min=1)] = 1000.0,
    limit: Annotated[int, typer.Option("--limit", help="At most this many.", min=1)] = 10,
) -> None:
    """List the imported restaurants nearest to a point (no network)."""
    cli = state(ctx)
    point = parse_lat_lon(where, "LAT,LON")
    found = OfflinePlaces(cli.vault()).nearby(
        point.lat,
        point.lon,
        cuisine=cuisine.lower() if cuisine else None,
        radius_m=radius,
        limit=limit,
    )
    if cli.json_output:
        cli.emit_json([dataclasses.asdict(p) for p in found])
        return
    if not found:
        cli.console.print("No places found; import an extract with: ownlive places import FILE")
        return
    table = Table("m", "name", "cuisine", "address", "osm")
    for place in found:
        table.add_row(
            f"{place.distance_m:.0f}",
            escape(place.name),
            escape(place.cuisine),
            escape(place.address),
            place.osm_id,
        )
    cli.console.print(table)
