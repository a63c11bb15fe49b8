"""Distances and the coarse location: the geography every context provider shares.

A third party (Open-Meteo, Overpass) gets the location rounded to 0.01
degree, about 1 km, unless `location.precise` is granted for the purpose
at hand; `outgoing` decides what is sent and how the access log says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

# 0.01 degree of latitude is 1.11 km; of longitude at 50° N, 0.71 km.
COARSE_DECIMALS = 2
EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres on a spherical Earth (error < 0.5 %)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Outgoing:
    """What a provider may send for a location, and how the access log describes it."""

    lat: float
    lon: float
    precise: bool

    @property
    def text(self) -> tuple[str, str]:
        """Latitude and longitude as sent: two decimals when coarse, six when precise."""
        digits = 6 if self.precise else COARSE_DECIMALS
        return f"{self.lat:.{digits}f}", f"{self.lon:.{digits}f}"

    @property
    def description(self) -> str:
        if self.precise:
            return "lat,lon to 0.000001 degree (location.precise granted)"
        return "lat,lon rounded to 0.01 degree (about 1 km)"


def outgoing(lat: float, lon: float, *, precise: bool) -> Outgoing:
    if precise:
        return Outgoing(lat, lon, True)
    return Outgoing(round(lat, COARSE_DECIMALS), round(lon, COARSE_DECIMALS), False)


# Told before each request leaves: (destination host, what is sent). The CLI
# turns it into an `outbound` entry in the vault's access log when a vault is in use.
OutboundLog = Callable[[str, str], None]
