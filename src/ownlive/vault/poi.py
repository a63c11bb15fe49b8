"""The offline places index: public OpenStreetMap places to eat, with an R*Tree for `nearby`.

Writing follows every other import: one transaction per file, a `sources`
row (so `forget --source` removes an extract again), an `import` entry in
the access log with counts, and re-importing adds nothing twice (a place is
identified by its OSM id; a newer extract updates it). Reading needs no
grant and is not logged: the rows are public OpenStreetMap data, not the
user's, and `nearby` returns only them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ownlive.context.geo import haversine_m
from ownlive.context.osm import PoiProblem, PoiRecord, has_cuisine
from ownlive.context.places import Place
from ownlive.vault import audit
from ownlive.vault.ingest import file_sha256, refuse_problems
from ownlive.vault.store import Vault

PLATFORM = "osm"
METRES_PER_DEGREE_LAT = 111_132.0  # at mid latitudes; the box is widened below to be safe
_FIELDS = ("kind", "name", "cuisine", "lat", "lon", "address")


@dataclass
class PoiImport:
    file_name: str
    format: str
    new: int = 0
    updated: int = 0
    present: int = 0
    with_cuisine: int = 0
    problems: list[PoiProblem] = field(default_factory=list)

    @property
    def places(self) -> int:
        return self.new + self.updated + self.present


def import_pois(
    vault: Vault,
    path: Path,
    fmt: str,
    records: Iterable[PoiRecord | PoiProblem],
    *,
    skip_invalid: bool = False,
) -> PoiImport:
    """Write the places read from `path`; all or nothing unless `skip_invalid`."""
    report = PoiImport(path.name, fmt)
    sha = file_sha256(path)
    now = vault.now().isoformat()
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO sources (platform, format, file_name, sha256, imported_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
            (PLATFORM, fmt, path.name, sha, now),
        )
        source_id = conn.execute("SELECT id FROM sources WHERE sha256 = ?", (sha,)).fetchone()[0]
        for record in records:
            if isinstance(record, PoiProblem):
                report.problems.append(record)
                continue
            row = (record.kind, record.name, record.cuisine, record.lat, record.lon, record.address)
            found = conn.execute(
                f"SELECT id, {', '.join(_FIELDS)} FROM poi WHERE osm_id = ?", (record.osm_id,)
            ).fetchone()
            if found is None:
                conn.execute(
                    f"INSERT INTO poi (source_id, osm_id, {', '.join(_FIELDS)}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (source_id, record.osm_id, *row),
                )
                report.new += 1
            elif tuple(found[1:]) != row:
                assignments = ", ".join(f"{name} = ?" for name in _FIELDS)
                conn.execute(f"UPDATE poi SET {assignments} WHERE id = ?", (*row, found[0]))
                report.updated += 1
            else:
                report.present += 1
            report.with_cuisine += bool(record.cuisine)
        refuse_problems(report.problems, skip_invalid)
        audit.append(
            conn,
            audit.Imported(
                subject="user",
                scope="places.write",
                purpose="import",
                format=fmt,
                new=report.new + report.updated,
                present=report.present,
                problems=len(report.problems),
            ),
            now,
        )
    return report


def count(vault: Vault) -> int:
    return int(vault._conn.execute("SELECT count(*) FROM poi").fetchone()[0])


def ensure_index(vault: Vault) -> bool:
    """Rebuild the R*Tree if it does not hold exactly the places; True when it was rebuilt.

    A restore loads `poi` with its insert trigger suspended, so the tree
    starts empty there; this puts it back instead of answering "nothing near".
    """
    conn = vault._conn
    places, indexed = conn.execute(
        "SELECT (SELECT count(*) FROM poi), (SELECT count(*) FROM poi_rtree)"
    ).fetchone()
    if places == indexed:
        return False
    with vault.transaction() as conn:
        conn.execute("DELETE FROM poi_rtree")
        conn.execute(
            "INSERT INTO poi_rtree (id, min_lat, max_lat, min_lon, max_lon) "
            "SELECT id, lat, lat, lon, lon FROM poi"
        )
    return True


def nearby(
    vault: Vault,
    lat: float,
    lon: float,
    *,
    cuisine: str | None,
    radius_m: float,
    limit: int,
    kinds: tuple[str, ...] = ("restaurant", "fast_food"),
) -> list[Place]:
    """Places within `radius_m` of the point, nearest first (name breaks ties)."""
    # A box around the circle for the R*Tree (10 % wider: the metres per degree
    # vary with latitude and the tree stores 32-bit floats); exact distances after.
    dlat = radius_m / METRES_PER_DEGREE_LAT * 1.1
    dlon = dlat / max(math.cos(math.radians(min(abs(lat), 89.0))), 1e-6)
    marks = ", ".join("?" * len(kinds))
    rows = vault._conn.execute(
        "SELECT p.osm_id, p.kind, p.name, p.cuisine, p.lat, p.lon, p.address "
        "FROM poi_rtree r JOIN poi p ON p.id = r.id "
        "WHERE r.max_lat >= ? AND r.min_lat <= ? AND r.max_lon >= ? AND r.min_lon <= ? "
        f"AND p.kind IN ({marks})",
        (lat - dlat, lat + dlat, lon - dlon, lon + dlon, *kinds),
    ).fetchall()
    found = []
    for osm_id, _kind, name, place_cuisine, plat, plon, address in rows:
        if cuisine and not has_cuisine(place_cuisine, cuisine):
            continue
        distance = haversine_m(lat, lon, plat, plon)
        if distance <= radius_m:
            found.append(Place(name, plat, plon, place_cuisine, distance, address, osm_id))
    found.sort(key=lambda p: (p.distance_m, p.name))
    return found[:limit]
