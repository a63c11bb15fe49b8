"""Places near a point: the protocol skills use, and the record it returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    cuisine: str  # OSM cuisine=* value(s), ";"-separated as in OSM
    distance_m: float
    address: str = ""
    osm_id: str = ""  # e.g. node/324163194


class PlacesProvider(Protocol):
    def nearby(
        self, lat: float, lon: float, *, cuisine: str | None, radius_m: float, limit: int
    ) -> list[Place]:
        """Restaurants around the point, nearest first; `cuisine` matches one OSM value."""
        ...
