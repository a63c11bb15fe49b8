"""Restaurants near a point from OpenStreetMap, through the Overpass API (online).

The query asks for named restaurants and fast food places whose `cuisine`
list holds the wanted value, around the coarse location:

    [out:json][timeout:10];
    nwr["amenity"~"^(restaurant|fast_food)$"]["cuisine"~"(^|;)thai($|;)"](around:3800,52.52,13.4);
    out center tags;

The radius is widened by the rounding of the location (up to ~790 m), so
that nothing within reach of the true position is missed; distances and the
final cut are computed here from the true position, which never leaves the
machine. Errors (timeout, HTTP 429/504 when the server is busy, a "runtime
error" remark) give no places and a warning, never a crash.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from ownlive.context import http
from ownlive.context.geo import OutboundLog, Outgoing, haversine_m, outgoing
from ownlive.context.osm import address_of, has_cuisine, normalize_cuisine
from ownlive.context.places import Place

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

OVERPASS_URL = "https://overpass-api.de/api/interpreter"
DESTINATION = "overpass-api.de"
TIMEOUT_S = 8.0  # the server's own limit is set to 10 s in the query
KINDS = ("restaurant", "fast_food")
# Half the diagonal of a 0.01 x 0.01 degree cell, rounded up: the farthest a
# coarse location can be from the true one.
ROUNDING_SLACK_M = 800.0
# OSM cuisine values are lower-case words with underscores; anything else
# would be spliced into the query's regular expression.
_CUISINE = re.compile(r"^[a-z0-9_]{1,40}$")


def build_query(lat_text: str, lon_text: str, cuisine: str | None, radius_m: float) -> str:
    kinds = "|".join(KINDS)
    cuisine_filter = f'["cuisine"~"(^|;){cuisine}($|;)"]' if cuisine else ""
    return (
        "[out:json][timeout:10];"
        f'nwr["amenity"~"^({kinds})$"]["name"]{cuisine_filter}'
        f"(around:{radius_m:.0f},{lat_text},{lon_text});"
        "out center tags;"
    )


def parse_places(data: Any, lat: float, lon: float, cuisine: str | None) -> list[Place]:
    """Places in an Overpass JSON body, nearest to (lat, lon) first.

    The cuisine is checked again here: a mirror or a proxy that dropped part
    of the query must not put pizza places on a Thai card.
    """
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise ValueError("no elements list")
    found = []
    for element in data["elements"]:
        if not isinstance(element, dict) or not isinstance(element.get("tags"), dict):
            continue
        tags = {str(k): str(v) for k, v in element["tags"].items()}
        name = tags.get("name", "").strip()
        place_cuisine = normalize_cuisine(tags.get("cuisine", ""))
        if tags.get("amenity") not in KINDS or not name:
            continue
        if cuisine and not has_cuisine(place_cuisine, cuisine):
            continue
        where = element.get("center") if element.get("type") != "node" else element
        if not isinstance(where, dict):
            continue  # a way sent without `out center`: nowhere to put it
        plat, plon = where.get("lat"), where.get("lon")
        if not isinstance(plat, int | float) or not isinstance(plon, int | float):
            continue
        distance = haversine_m(lat, lon, plat, plon)
        osm_id = f"{element.get('type')}/{element.get('id')}"
        found.append(Place(name, plat, plon, place_cuisine, distance, address_of(tags), osm_id))
    found.sort(key=lambda p: (p.distance_m, p.name))
    return found


class OverpassPlaces:
    """A `PlacesProvider` over the Overpass API; tests pass a client on a mock transport."""

    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        precise: bool = False,
        on_request: OutboundLog | None = None,
        timeout: float = TIMEOUT_S,
        url: str = OVERPASS_URL,
    ) -> None:
        self._client = client
        self._precise = precise
        self._on_request = on_request
        self._timeout = timeout
        self._url = url
        self._cache: dict[tuple[str, str, str, float], list[Place] | None] = {}

    def nearby(
        self, lat: float, lon: float, *, cuisine: str | None, radius_m: float, limit: int
    ) -> list[Place]:
        if cuisine is not None and not _CUISINE.match(cuisine):
            return []
        sent = outgoing(lat, lon, precise=self._precise)
        lat_text, lon_text = sent.text
        reach = radius_m if sent.precise else radius_m + ROUNDING_SLACK_M
        key = (lat_text, lon_text, cuisine or "", reach)
        if key not in self._cache:
            query = build_query(lat_text, lon_text, cuisine, reach)
            self._cache[key] = self._fetch(query, sent, cuisine)
        data = self._cache[key]
        if data is None:
            return []
        # Distances from the true position, which was never sent.
        within = [
            Place(p.name, p.lat, p.lon, p.cuisine, d, p.address, p.osm_id)
            for p in data
            if (d := haversine_m(lat, lon, p.lat, p.lon)) <= radius_m
        ]
        within.sort(key=lambda p: (p.distance_m, p.name))
        return within[:limit]

    def _fetch(self, query: str, sent: Outgoing, cuisine: str | None) -> list[Place] | None:
        if self._on_request is not None:
            self._on_request(DESTINATION, f"{sent.description}; amenity and cuisine query")
        if self._client is None:
            self._client = http.new_client()
        data = http.get_json(
            self._client,
            self._url,
            {"data": query},
            timeout=self._timeout,
            service="places: Overpass",
        )
        if data is None:
            return None
        remark = data.get("remark", "") if isinstance(data, dict) else ""
        if isinstance(remark, str) and "error" in remark:
            # Overpass reports a timeout or memory exhaustion as a 200 with a remark.
            log.warning("places: Overpass reported an error (%s)", remark.split(":")[0])
            return None
        try:
            return parse_places(data, sent.lat, sent.lon, cuisine)
        except ValueError as error:
            log.warning("places: cannot read the Overpass response (%s)", error)
            return None
