"""The clock suggestions are made at: the machine's, or a fixed one (`--now`, tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from ownlive.context.clock import FixedClock, SystemClock, local_zone, zone_named
from ownlive.errors import UsageError


def test_system_clock_is_aware_and_in_its_zone() -> None:
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    now = clock.now()
    assert now.utcoffset() == timedelta(hours=8)
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


@pytest.mark.parametrize(
    ("at", "zone", "expected_offset"),
    [
        (datetime(2026, 11, 20, 18, 30, tzinfo=timezone(timedelta(hours=8))), None, 8),
        (datetime(2026, 7, 1, 9, 0), ZoneInfo("Europe/Berlin"), 2),  # summer time
        (datetime(2026, 12, 1, 9, 0), ZoneInfo("Europe/Berlin"), 1),
        (datetime(2026, 3, 8, 12, 0), ZoneInfo("America/New_York"), -4),
    ],
)
def test_fixed_clock(at: datetime, zone: ZoneInfo | None, expected_offset: int) -> None:
    now = FixedClock(at, zone).now()
    assert now.utcoffset() == timedelta(hours=expected_offset)
    assert now.replace(tzinfo=None) == at.replace(tzinfo=None)


def test_local_zone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    assert local_zone() == ZoneInfo("Asia/Shanghai")
    monkeypatch.setenv("TZ", "Not/AZone")
    assert local_zone() is not None  # falls back to the link or the current offset


def test_unknown_zone_names_the_option() -> None:
    with pytest.raises(UsageError) as raised:
        zone_named("Mars/Olympus_Mons")
    assert raised.value.render() == (
        "unknown time zone 'Mars/Olympus_Mons', --tz, use an IANA name such as Asia/Shanghai"
    )
