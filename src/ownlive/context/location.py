"""Where the user is: `--location`, the configured home, or the last known place in the vault.

Reading location history goes through the consent gate (`location.precise`);
what may be sent for a location is decided in `geo.py`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from ownlive.context.geo import COARSE_DECIMALS
from ownlive.errors import ConsentRequired
from ownlive.suggest.engine import Location
from ownlive.vault import Vault

log = logging.getLogger(__name__)

# A fix older than this says where the user was, not where they are.
LAST_KNOWN_MAX_AGE = timedelta(hours=12)
SUBJECT = "assistant"
PURPOSE = "suggest"


def coarse(location: Location) -> Location:
    """The location rounded to 0.01 degree (about 1 km): what leaves the machine by default."""
    return Location(round(location.lat, COARSE_DECIMALS), round(location.lon, COARSE_DECIMALS))


def precise_granted(vault: Vault | None, *, subject: str = SUBJECT, purpose: str = PURPOSE) -> bool:
    """Whether the user granted `location.precise` to this subject for this purpose, now.

    Only a standing grant for all data counts: a one-time grant would never be
    used up by a check that reads nothing, and a grant narrowed to one platform
    or conversation says nothing about sending where the user is.
    """
    if vault is None:
        return False
    now = vault.now()
    return any(
        g.scope == "location.precise"
        and g.purpose == purpose
        and g.state(now) == "active"
        and not g.once
        and not g.narrowed
        for g in vault.grants(subject)
    )


class LocationProvider(Protocol):
    def current(self) -> Location | None:
        """Where the user is now, or None when nothing says so."""
        ...


@dataclass(frozen=True)
class FixedLocation:
    """A location the user stated: `--location LAT,LON` or the configured home."""

    location: Location

    def current(self) -> Location | None:
        return self.location


@dataclass
class LastKnownPlace:
    """The newest fix or visit imported into the vault, if recent, read through the gate.

    Reading location history needs `location.precise` for (assistant, suggest);
    without that grant nothing is read, so no refusal is logged on every run.
    """

    vault: Vault
    max_age: timedelta = LAST_KNOWN_MAX_AGE
    subject: str = SUBJECT
    purpose: str = PURPOSE

    def current(self) -> Location | None:
        if not precise_granted(self.vault, subject=self.subject, purpose=self.purpose):
            return None
        now = self.vault.now()
        since = now - self.max_age
        session = self.vault.session(subject=self.subject, purpose=self.purpose)
        try:
            points = session.points(since=since)
            visits = session.visits(since=since)
        except ConsentRequired:
            log.info("location history: no grant; no last known place")
            return None
        candidates: list[tuple[datetime, Location]] = [
            (datetime.fromisoformat(p.at), Location(p.lat, p.lon)) for p in points
        ]
        candidates += [
            (min(datetime.fromisoformat(v.end), now), Location(v.lat, v.lon)) for v in visits
        ]
        candidates = [c for c in candidates if c[0] <= now]
        if not candidates:
            return None
        return max(candidates, key=lambda c: c[0])[1]


@dataclass
class FirstKnown:
    """The first of several providers that knows a location: flag, then home, then history."""

    providers: list[LocationProvider]

    def current(self) -> Location | None:
        for provider in self.providers:
            found = provider.current()
            if found is not None:
                return found
        return None
