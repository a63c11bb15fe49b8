"""Reading places to eat from OpenStreetMap extracts: `.osm` XML, `.osm.pbf`, GeoJSON.

`ownlive places import FILE` feeds `read_pois` into the vault's offline
index (`vault/poi.py`). Only restaurants, fast food and cafes with a name are
kept, with their cuisine (lower case, `;`-separated as in OSM), address and
position (a way's centroid). The format is told from the file's first bytes,
not its name. PBF is read with pyosmium (libosmium); XML streams through
expat in `osm_xml.py`; GeoJSON (e.g. an overpass-turbo export) through ijson.
Bad records are `PoiProblem` values that say where; a file that cannot be
read at all is an `ImportFailed` naming it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import ijson  # type: ignore[import-untyped]

from ownlive.errors import ImportFailed, UsageError

FOOD_AMENITIES = frozenset({"restaurant", "fast_food", "cafe"})
FORMATS = ("osm_xml", "osm_pbf", "geojson")
_NAME_KEYS = ("name", "int_name", "name:en")


@dataclass(frozen=True, slots=True)
class PoiRecord:
    osm_id: str  # node/324163194, way/..., relation/..., or a GeoJSON feature id
    kind: str  # amenity=*: restaurant, fast_food, cafe
    name: str
    cuisine: str  # OSM cuisine=* values, lower case, ";"-separated
    lat: float
    lon: float
    address: str = ""


@dataclass(frozen=True, slots=True)
class PoiProblem:
    file: str
    where: str  # "node 123", "line 12", "feature 4"
    field: str
    reason: str

    def render(self) -> str:
        return f"{self.file}: {self.where}: {self.field}: {self.reason}"


@dataclass
class ReadStats:
    """What the reader saw besides the records it returned."""

    food_places: int = 0
    unnamed: int = 0


PoiItem = PoiRecord | PoiProblem


def normalize_cuisine(raw: str) -> str:
    values = [v.strip().lower().replace(" ", "_") for v in raw.split(";")]
    return ";".join(dict.fromkeys(v for v in values if v))


def has_cuisine(cuisine: str, wanted: str) -> bool:
    """Whether one of the ";"-separated values is exactly `wanted` (thai, not thai_fusion)."""
    return wanted.lower() in cuisine.split(";")


def address_of(tags: Mapping[str, str]) -> str:
    street = " ".join(t for t in (tags.get("addr:street"), tags.get("addr:housenumber")) if t)
    town = " ".join(t for t in (tags.get("addr:postcode"), tags.get("addr:city")) if t)
    return ", ".join(part for part in (street, town) if part)


def centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """(lat, lon) of a closed ring's area centroid, else of the points' mean; None if none."""
    if not points:
        return None
    closed = len(points) >= 4 and points[0] == points[-1]
    if closed:
        # Shoelace formula, relative to the first corner: with absolute degrees
        # the cross products (~1e3) cancel down to a building's area (~1e-9)
        # and the centroid lands hundreds of metres away (a test pins this).
        # At a building's size, plain lat/lon distortion is below the data's precision.
        lat0, lon0 = points[0]
        area = cx = cy = 0.0
        for (a_lat, a_lon), (b_lat, b_lon) in itertools.pairwise(points):
            y0, x0, y1, x1 = a_lat - lat0, a_lon - lon0, b_lat - lat0, b_lon - lon0
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(area) > 1e-18:
            return lat0 + cy / (3 * area), lon0 + cx / (3 * area)
        points = points[:-1]
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return lat, lon


def valid_position(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def poi_from_tags(
    osm_id: str, tags: Mapping[str, str], lat: float, lon: float, stats: ReadStats
) -> PoiRecord | None:
    """A record for a named place to eat; None for anything else (counted in `stats`)."""
    kind = tags.get("amenity", "")
    if kind not in FOOD_AMENITIES:
        return None
    stats.food_places += 1
    name = next((tags[k].strip() for k in _NAME_KEYS if tags.get(k, "").strip()), "")
    if not name:
        stats.unnamed += 1
        return None
    cuisine = normalize_cuisine(tags.get("cuisine", ""))
    return PoiRecord(osm_id, kind, name, cuisine, lat, lon, address_of(tags))


# --- Which format. ---------------------------------------------------------------


def detect_format(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise UsageError(f"cannot read the file ({error.strerror})", str(path), "") from None
    if len(head) > 8 and b"OSMHeader" in head[4:40]:
        return "osm_pbf"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<") and b"<osm" in head:
        return "osm_xml"
    if text.startswith(b"{") and b'"type"' in head and b"Feature" in head:
        return "geojson"
    raise UsageError(
        "not an OpenStreetMap extract",
        str(path),
        "use an .osm (XML), .osm.pbf or GeoJSON file, e.g. from download.geofabrik.de or "
        "an overpass-turbo export",
    )


def read_pois(path: Path, stats: ReadStats | None = None) -> Iterator[PoiItem]:
    """The named places to eat in the file at `path`, whatever its format."""
    stats = stats if stats is not None else ReadStats()
    fmt = detect_format(path)
    if fmt == "osm_pbf":
        return _read_pbf(path, stats)
    if fmt == "geojson":
        return _read_geojson(path, stats)
    from ownlive.context.osm_xml import read_xml  # noqa: PLC0415 - it imports this module

    return read_xml(path, stats)


# --- PBF, through pyosmium. -------------------------------------------------------


def _read_pbf(path: Path, stats: ReadStats) -> Iterator[PoiItem]:
    # libosmium takes ~60 ms to load (python -X importtime); only PBF imports need it.
    import osmium  # noqa: PLC0415

    # with_locations keeps every node's position (in memory) so that ways
    # come with coordinates; the filter then drops all but amenity=* objects.
    processor = (
        osmium.FileProcessor(str(path))
        .with_locations()
        .with_filter(osmium.filter.KeyFilter("amenity"))
    )
    try:
        for obj in processor:
            tags = {tag.k: tag.v for tag in obj.tags}
            if tags.get("amenity") not in FOOD_AMENITIES:
                continue
            if isinstance(obj, osmium.osm.Node):
                found = (obj.location.lat, obj.location.lon) if obj.location.valid() else None
                osm_id = f"node/{obj.id}"
            elif isinstance(obj, osmium.osm.Way):
                ring = [(n.location.lat, n.location.lon) for n in obj.nodes if n.location.valid()]
                found = centroid(ring)
                osm_id = f"way/{obj.id}"
            else:
                continue  # relations (multipolygon restaurants) are rare; not placed
            if found is None:
                yield PoiProblem(path.name, osm_id, "location", "no node with a position")
                continue
            record = poi_from_tags(osm_id, tags, found[0], found[1], stats)
            if record is not None:
                yield record
    except RuntimeError as error:  # libosmium reports a damaged file this way
        raise ImportFailed(
            f"cannot read the PBF file ({error})", path.name, "check that the file is complete"
        ) from None


# --- GeoJSON, streamed. -------------------------------------------------------------


def _number(value: Any) -> float | None:
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _positions(geometry: Mapping[str, Any]) -> list[tuple[float, float]]:
    """(lat, lon) pairs of a Point, LineString or a Polygon's outer ring."""
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Point":
        coords = [coords]
    elif kind == "Polygon" and isinstance(coords, list) and coords:
        coords = coords[0]
    elif kind == "MultiPolygon" and isinstance(coords, list) and coords and coords[0]:
        coords = coords[0][0]
    elif kind != "LineString":
        return []
    found = []
    for pair in coords if isinstance(coords, list) else []:
        if isinstance(pair, list) and len(pair) >= 2:
            lon, lat = _number(pair[0]), _number(pair[1])
            if lat is not None and lon is not None:
                found.append((lat, lon))
    return found


def _read_geojson(path: Path, stats: ReadStats) -> Iterator[PoiItem]:
    with path.open("rb") as handle:
        try:
            for number, feature in enumerate(ijson.items(handle, "features.item"), 1):
                yield from _feature(path, number, feature, stats)
        except ijson.JSONError as error:
            raise ImportFailed(
                f"not valid JSON ({error})", path.name, "check that the file is complete"
            ) from None


def _feature(path: Path, number: int, feature: Any, stats: ReadStats) -> Iterator[PoiItem]:
    where = f"feature {number}"
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        yield PoiProblem(path.name, where, "properties", "missing or not an object")
        return
    props = feature["properties"]
    tags = {str(k): str(v) for k, v in props.items() if isinstance(v, str | int | float)}
    if tags.get("amenity") not in FOOD_AMENITIES:
        return
    geometry = feature.get("geometry")
    found = centroid(_positions(geometry)) if isinstance(geometry, dict) else None
    if found is None or not valid_position(*found):
        yield PoiProblem(path.name, where, "geometry", "no valid coordinates")
        return
    osm_id = str(feature.get("id") or props.get("@id") or props.get("osm_id") or "")
    if not osm_id:
        osm_id = f"geojson/{found[0]:.7f},{found[1]:.7f}"
    record = poi_from_tags(osm_id, tags, found[0], found[1], stats)
    if record is not None:
        yield record


__all__ = [
    "FOOD_AMENITIES",
    "FORMATS",
    "PoiItem",
    "PoiProblem",
    "PoiRecord",
    "ReadStats",
    "detect_format",
    "has_cuisine",
    "read_pois",
]
