"""Context records that leave the vault through a session: calendar events and location history.

msgspec Structs like those in `records.py`, built from SQL rows in C;
`array_like` means the field order is the SELECT's column order.
"""

from __future__ import annotations

import msgspec


class Event(msgspec.Struct, array_like=True, frozen=True):
    id: int
    calendar_key: str
    calendar_title: str
    uid: str
    recurrence_id: str | None  # original start of this occurrence (UTC), None if not a series
    summary: str
    location: str | None
    start: str  # ISO 8601 with the offset of its zone; YYYY-MM-DD when all_day
    end: str  # exclusive
    all_day: bool
    tzid: str | None  # the TZID the calendar named
    status: str | None


class Visit(msgspec.Struct, array_like=True, frozen=True):
    id: int
    start: str  # ISO 8601 with offset
    end: str
    lat: float
    lon: float
    accuracy: float | None
    name: str | None
    address: str | None
    place_id: str | None


class Point(msgspec.Struct, array_like=True, frozen=True):
    id: int
    at: str  # ISO 8601 with offset
    lat: float
    lon: float
    accuracy: float | None
    activity: str | None
