"""Fixtures for the context providers: the shipped OSM extract and recorded HTTP replies.

Recorded responses are replayed through an httpx MockTransport, the
outermost network layer; see fixtures/SOURCE.md for where each was recorded.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
RECORDED = FIXTURES / "recorded"
KAMPPI_OSM = FIXTURES / "helsinki-kamppi.osm"
KAMPPI_GEOJSON = FIXTURES / "helsinki-kamppi.geojson"
# Kamppi, central Helsinki: the point the places tests search from.
KAMPPI = (60.1699, 24.9384)

Handler = Callable[[httpx.Request], httpx.Response]


def recorded(name: str) -> bytes:
    return (RECORDED / name).read_bytes()


def replaying(body: bytes, seen: list[httpx.Request], status: int = 200) -> httpx.Client:
    """A client whose every request is answered with `body`; requests are kept in `seen`."""

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, content=body, headers={"content-type": "application/json"})

    return httpx.Client(transport=httpx.MockTransport(handle))


def raising(error: type[httpx.HTTPError], seen: list[httpx.Request]) -> httpx.Client:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        raise error("simulated", request=request)

    return httpx.Client(transport=httpx.MockTransport(handle))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Spherical law of cosines: computed independently of the code under test (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    cos = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(
        math.radians(lon2 - lon1)
    )
    return 6_371_008.8 * math.acos(max(-1.0, min(1.0, cos)))


def overpass_elements(name: str) -> list[dict[str, object]]:
    data = json.loads(recorded(name))
    elements: list[dict[str, object]] = data["elements"]
    return elements


@pytest.fixture
def requests_seen() -> list[httpx.Request]:
    return []
