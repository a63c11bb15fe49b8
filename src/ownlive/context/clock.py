"""The clock and time zone suggestions are made in.

Skills ask "is this plan within the forecast horizon?" and "is this time
already past?"; the answer depends on now and on the zone the user lives in.
`SystemClock` is the machine's; `FixedClock` is `ownlive suggest --now` (and
what tests use), so that output depends on the input alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ownlive.errors import UsageError


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, always with a zone."""
        ...


def zone_named(name: str, where: str = "--tz") -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"unknown time zone {name!r}", where, "use an IANA name such as Asia/Shanghai"
        ) from None


def local_zone() -> tzinfo:
    """This machine's zone: $TZ, else the /etc/localtime link, else the current UTC offset.

    A named zone is preferred to the bare offset that `astimezone()` gives,
    because a plan next week may fall on the other side of a DST change.
    """
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    link = Path("/etc/localtime")
    if link.is_symlink() and "zoneinfo/" in str(link.resolve()):
        candidates.append(str(link.resolve()).split("zoneinfo/", 1)[1])
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


@dataclass
class SystemClock:
    zone: tzinfo = field(default_factory=local_zone)

    def now(self) -> datetime:
        return datetime.now(self.zone)


@dataclass(frozen=True)
class FixedClock:
    """Always the same instant; a time without an offset is read in `zone`."""

    at: datetime
    zone: tzinfo | None = None

    def now(self) -> datetime:
        if self.at.tzinfo is not None:
            return self.at
        return self.at.replace(tzinfo=self.zone) if self.zone else self.at.astimezone()
