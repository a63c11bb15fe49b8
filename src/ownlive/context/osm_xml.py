"""OSM XML (`.osm`) through expat: constant memory, real line numbers.

Nodes come before ways in an OSM file, and a way lists only node ids. A
first pass yields the places that are nodes and notes which nodes the
food-place ways need; a second pass, only if there are such ways, collects
those nodes' positions and yields the ways at their centroids. Keeping every
node's position instead would cost gigabytes for a country extract.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ownlive.context.osm import (
    FOOD_AMENITIES,
    PoiItem,
    PoiProblem,
    ReadStats,
    centroid,
    poi_from_tags,
    valid_position,
)
from ownlive.errors import ImportFailed

CHUNK = 1 << 16


class _Element:
    __slots__ = ("attrs", "line", "name", "refs", "tags")

    def __init__(self, name: str, attrs: dict[str, str], line: int) -> None:
        self.name = name
        self.attrs = attrs
        self.line = line
        self.tags: dict[str, str] = {}
        self.refs: list[int] = []


def _parse(path: Path, on_element: Callable[[_Element], None]) -> Iterator[None]:
    """Feed the file to expat, calling `on_element` as each node and way closes."""
    parser = expat.ParserCreate()
    current: list[_Element] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name in ("node", "way", "relation"):
            current.append(_Element(name, attrs, parser.CurrentLineNumber))
        elif current and name == "tag" and "k" in attrs:
            current[-1].tags[attrs["k"]] = attrs.get("v", "")
        elif current and name == "nd" and attrs.get("ref", "").lstrip("-").isdigit():
            current[-1].refs.append(int(attrs["ref"]))

    def end(name: str) -> None:
        if name in ("node", "way", "relation") and current:
            on_element(current.pop())

    def no_entities(*_args: Any) -> None:
        # An OSM file declares no entities; refusing them rules out entity expansion bombs.
        raise ImportFailed("the XML declares entities", path.name, "use a plain OSM XML file")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = no_entities
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(CHUNK):
                parser.Parse(chunk, False)
                yield None
            parser.Parse(b"", True)
        except expat.ExpatError as error:
            raise ImportFailed(
                f"not well-formed XML ({expat.errors.messages[error.code]})",
                f"{path.name}:{error.lineno}",
                "check that the file is a complete OSM XML export",
            ) from None
    yield None


def read_xml(path: Path, stats: ReadStats) -> Iterator[PoiItem]:
    pending: list[PoiItem] = []
    ways: list[_Element] = []

    def first_pass(element: _Element) -> None:
        if element.tags.get("amenity") not in FOOD_AMENITIES:
            return
        if element.name == "way":
            ways.append(element)
            return
        if element.name != "node":
            return  # relations are rare for a restaurant; not placed
        where = f"line {element.line}"
        try:
            lat, lon = float(element.attrs["lat"]), float(element.attrs["lon"])
        except (KeyError, ValueError):
            pending.append(PoiProblem(path.name, where, "lat/lon", "missing or not a number"))
            return
        if not valid_position(lat, lon):
            pending.append(PoiProblem(path.name, where, "lat/lon", "out of range"))
            return
        record = poi_from_tags(f"node/{element.attrs.get('id', '')}", element.tags, lat, lon, stats)
        if record is not None:
            pending.append(record)

    for _ in _parse(path, first_pass):
        yield from pending
        pending.clear()
    if not ways:
        return
    wanted = {ref for way in ways for ref in way.refs}
    positions: dict[int, tuple[float, float]] = {}

    def second_pass(element: _Element) -> None:
        node_id = element.attrs.get("id", "")
        if element.name == "node" and node_id.lstrip("-").isdigit() and int(node_id) in wanted:
            # A bad position was reported in the first pass if it mattered.
            with contextlib.suppress(KeyError, ValueError):
                positions[int(node_id)] = (float(element.attrs["lat"]), float(element.attrs["lon"]))

    for _ in _parse(path, second_pass):
        pass
    for way in ways:
        # A bounding-box extract may cut a way: its centroid is taken over the nodes present.
        ring = [positions[ref] for ref in way.refs if ref in positions]
        found = centroid(ring)
        osm_id = f"way/{way.attrs.get('id', '')}"
        if found is None or not valid_position(*found):
            yield PoiProblem(path.name, f"line {way.line}", "nd", "none of its nodes in the file")
            continue
        record = poi_from_tags(osm_id, way.tags, found[0], found[1], stats)
        if record is not None:
            yield record
