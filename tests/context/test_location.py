"""Where the user is (flag, home, last known place through the gate) and what may be sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.context.geo import haversine_m, outgoing
from ownlive.context.location import (
    PURPOSE,
    SUBJECT,
    FirstKnown,
    FixedLocation,
    LastKnownPlace,
    coarse,
    precise_granted,
)
from ownlive.importers.base import ImportOptions
from ownlive.importers.registry import get_importer
from ownlive.suggest.engine import Location
from ownlive.vault import Vault
from ownlive.vault.ingest import ingest
from tests.conftest import Clock, assert_access_logged

RECORDS = (
    Path(__file__).parents[1] / "importers" / "location" / "fixtures" / "Records.timestamp.json"
)
# The newest fix in that file: 2026-11-19T22:00:00.5Z at -34.6037, -58.3816 (Buenos Aires).
NEWEST = Location(-34.6037, -58.3816)


def load_history(vault: Vault) -> None:
    importer = get_importer("google_location")
    options = ImportOptions(tz=ZoneInfo("UTC"), tz_name="UTC", now=vault.now())
    ingest(vault, importer, RECORDS, importer.parse(RECORDS, options), tz_name="UTC")


@pytest.mark.parametrize(
    ("lat", "lon", "rounded"),
    [
        (60.16995, 24.93842, (60.17, 24.94)),
        (31.2243, 121.4575, (31.22, 121.46)),  # Shanghai
        (52.5163, 13.3777, (52.52, 13.38)),  # Berlin
        (-34.6037, -58.3816, (-34.6, -58.38)),
        (0.004, -0.004, (0.0, -0.0)),
    ],
)
def test_coarse_rounds_to_two_decimals(
    lat: float, lon: float, rounded: tuple[float, float]
) -> None:
    assert (coarse(Location(lat, lon)).lat, coarse(Location(lat, lon)).lon) == rounded
    sent = outgoing(lat, lon, precise=False)
    assert (sent.lat, sent.lon) == rounded
    # Never more than ~790 m from the true point (half a cell's diagonal).
    assert haversine_m(lat, lon, sent.lat, sent.lon) < 790


def test_flag_before_home_before_history() -> None:
    flag, home = Location(52.52, 13.40), Location(31.23, 121.47)
    assert FirstKnown([FixedLocation(flag), FixedLocation(home)]).current() == flag
    nothing = FirstKnown([])
    assert nothing.current() is None


def test_last_known_place_needs_a_grant_and_asks_nothing_without(
    vault: Vault, clock: Clock
) -> None:
    load_history(vault)
    before = vault.log_head()
    assert LastKnownPlace(vault).current() is None
    assert vault.log_head() == before  # no refusal logged on every run


def test_last_known_place_is_the_newest_recent_fix_and_the_read_is_logged(
    vault: Vault, clock: Clock
) -> None:
    load_history(vault)
    clock.current = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
    vault.grant("location.precise", subject="assistant", purpose="suggest")
    assert precise_granted(vault)
    found = LastKnownPlace(vault).current()
    assert found is not None
    assert (found.lat, found.lon) == pytest.approx((NEWEST.lat, NEWEST.lon))
    assert_access_logged(
        vault,
        [("read", "assistant", "location.precise"), ("read", "assistant", "location.precise")],
    )


def test_an_old_fix_is_not_where_the_user_is(vault: Vault, clock: Clock) -> None:
    load_history(vault)
    clock.current = datetime(2026, 11, 19, 22, 0, tzinfo=UTC) + timedelta(hours=13)
    vault.grant("location.precise", subject="assistant", purpose="suggest")
    assert LastKnownPlace(vault).current() is None


@pytest.mark.parametrize(
    ("scope", "purpose", "subject", "granted"),
    [
        ("location.precise", "suggest", "assistant", True),
        ("location.coarse", "suggest", "assistant", False),
        ("location.precise", "ads", "assistant", False),
        ("location.precise", "suggest", "weather-widget", False),
    ],
)
def test_precise_only_for_the_purpose_granted(
    vault: Vault, scope: str, purpose: str, subject: str, granted: bool
) -> None:
    vault.grant(scope, subject=subject, purpose=purpose)
    assert precise_granted(vault) is granted
    assert precise_granted(None) is False


def test_a_revoked_grant_is_not_precise(vault: Vault) -> None:
    grant = vault.grant("location.precise", subject="assistant", purpose="suggest")
    vault.revoke(grant.id)
    assert precise_granted(vault) is False


@pytest.mark.parametrize(
    ("once", "platform", "expected"),
    [(False, None, True), (True, None, False), (False, "sms", False)],
    ids=["standing", "one-time", "narrowed"],
)
def test_only_a_standing_unnarrowed_grant_unlocks_precise_sending(
    vault: Vault, once: bool, platform: str | None, expected: bool
) -> None:
    """A one-time grant is never used up by this check; a narrowed one says nothing of place."""
    vault.grant("location.precise", subject=SUBJECT, purpose=PURPOSE, once=once, platform=platform)
    assert precise_granted(vault) is expected
    assert precise_granted(vault) is expected  # asking twice changes nothing
