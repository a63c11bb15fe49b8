"""Location history from Google Takeout: fixes (Records.json) and visits (semantic history).

Produced by: takeout.google.com → "Location History (Timeline)" → JSON, which
holds `Location History/Records.json` (older exports: `Location History.json`)
and `Semantic Location History/YYYY/YYYY_MONTH.json`. Since 2024 Google keeps
Timeline on the phone; its on-device export (`Timeline.json` with
`semanticSegments`) is a different format and not read here.

Records.json can be gigabytes: it is streamed with ijson, one location at a
time. Coordinates are E7 integers (degrees x 10^7); exports before 2015 wrote
southern and western values as unsigned 32-bit numbers, so a value above
1800000000 is taken as its two's complement (4294967296 less). Timestamps are
`timestampMs` (epoch milliseconds, a string) in older exports and ISO 8601
`timestamp` in newer ones; both are UTC.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import ijson  # type: ignore[import-untyped]  # ships no type information

from ownlive.importers.base import (
    ImportedPoint,
    ImportedVisit,
    ImportOptions,
    ImportProblem,
    Record,
)
from ownlive.importers.location.json_lines import item_lines, syntax_error_line

NAME = "google_location"
PLATFORM = "location"

_START = re.compile(rb'^\s*\{\s*"(locations|timelineObjects)"\s*:\s*\[')
_TWOS_COMPLEMENT_ABOVE = 1_800_000_000
_BOM = b"\xef\xbb\xbf"
_T = TypeVar("_T")


def sniff(path: Path, head: bytes) -> bool:
    """Records.json opens with `{"locations": [`, a semantic month with `{"timelineObjects": [`."""
    return _START.match(head.removeprefix(_BOM)) is not None


class BadValue(Exception):
    """A field of one record that cannot be read; becomes an ImportProblem."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(field, reason)
        self.field = field
        self.reason = reason


@dataclass
class _Pending:
    index: int
    field: str
    reason: str


def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Points from Records.json; visits (and the fixes of travel segments) from semantic files."""
    where = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_BOM) + 256)
    except OSError as error:
        yield ImportProblem(where, None, "file", f"cannot be read ({error.strerror})")
        return
    kind = _START.match(head.removeprefix(_BOM))
    if kind is None:
        yield ImportProblem(where, 1, "JSON", 'not a Takeout location file ({"locations": [...]})')
        return
    array = kind.group(1).decode()
    reader = _location if array == "locations" else _timeline_object
    pending: list[_Pending] = []
    try:
        with path.open("rb") as handle:
            if handle.read(len(_BOM)) != _BOM:
                handle.seek(0)
            for index, item in enumerate(ijson.items(handle, f"{array}.item", use_float=True)):
                try:
                    yield from reader(item)
                except BadValue as bad:
                    pending.append(_Pending(index, f"{array}[{index}].{bad.field}", bad.reason))
    except (ijson.JSONError, UnicodeDecodeError):
        yield ImportProblem(where, syntax_error_line(path), "JSON", "not valid JSON (cut short?)")
    # Lines are looked up only now, in one more pass, because the fast parser has none.
    lines = item_lines(path, (p.index for p in pending))
    for problem in pending:
        yield ImportProblem(where, lines.get(problem.index), problem.field, problem.reason)


def _location(item: Any) -> Iterator[Record]:
    if not isinstance(item, dict):
        raise BadValue("", "not a JSON object")
    yield ImportedPoint(
        at=_time(item, "timestamp", "timestampMs"),
        lat=_degrees(item, "latitudeE7", 90),
        lon=_degrees(item, "longitudeE7", 180),
        accuracy=_number(item, "accuracy"),
        activity=_activity(item.get("activity")),
    )


def _timeline_object(item: Any) -> Iterator[Record]:
    if not isinstance(item, dict):
        raise BadValue("", "not a JSON object")
    # Other kinds of timeline objects carry no place or fix: nothing to keep.
    if "placeVisit" in item:
        yield _visit(item["placeVisit"])
    elif "activitySegment" in item:
        yield from _segment(item["activitySegment"])


def _visit(visit: Any) -> ImportedVisit:
    owner = "placeVisit"
    location = _object(visit, "location", owner)
    duration = _object(visit, "duration", owner)
    # Visits Google could not match to a place carry only the cluster centre.
    if "latitudeE7" in location:
        lat = _within(f"{owner}.location.", _degrees, location, "latitudeE7", 90)
        lon = _within(f"{owner}.location.", _degrees, location, "longitudeE7", 180)
    else:
        lat = _within(f"{owner}.", _degrees, visit, "centerLatE7", 90)
        lon = _within(f"{owner}.", _degrees, visit, "centerLngE7", 180)
    start = _within(f"{owner}.duration.", _time, duration, "startTimestamp", "startTimestampMs")
    end = _within(f"{owner}.duration.", _time, duration, "endTimestamp", "endTimestampMs")
    if end < start:
        raise BadValue(f"{owner}.duration.endTimestamp", "before startTimestamp")
    return ImportedVisit(
        start=start,
        end=end,
        lat=lat,
        lon=lon,
        name=_text(location.get("name")),
        address=_text(location.get("address")),
        place_id=_text(location.get("placeId")),
        accuracy=_number(location, "accuracyMetres"),
    )


def _segment(segment: Any) -> list[ImportedPoint]:
    """A travel segment's start, end and raw path as fixes, each at its own time.

    Built whole before anything is yielded, so a bad part drops the whole
    segment rather than leaving half of it in the vault.
    """
    owner = "activitySegment"
    duration = _object(segment, "duration", owner)
    activity = _text(segment.get("activityType"))
    points = []
    for key, time_key in (("startLocation", "startTimestamp"), ("endLocation", "endTimestamp")):
        place = segment.get(key)
        if isinstance(place, dict) and "latitudeE7" in place:
            at = _within(f"{owner}.duration.", _time, duration, time_key, time_key + "Ms")
            lat = _within(f"{owner}.{key}.", _degrees, place, "latitudeE7", 90)
            lon = _within(f"{owner}.{key}.", _degrees, place, "longitudeE7", 180)
            accuracy = _number(place, "accuracyMetres")
            points.append(ImportedPoint(at, lat, lon, accuracy, activity))
    raw_path = segment.get("simplifiedRawPath")
    raw_points = raw_path.get("points", []) if isinstance(raw_path, dict) else []
    for number, point in enumerate(raw_points if isinstance(raw_points, list) else []):
        where = f"{owner}.simplifiedRawPath.points[{number}]."
        if not isinstance(point, dict):
            raise BadValue(where.rstrip("."), "not a JSON object")
        at = _within(where, _time, point, "timestamp", "timestampMs")
        lat = _within(where, _degrees, point, "latE7", 90)
        lon = _within(where, _degrees, point, "lngE7", 180)
        points.append(ImportedPoint(at, lat, lon, _number(point, "accuracyMeters"), activity))
    return points


def _within(prefix: str, read: Callable[..., _T], *args: Any) -> _T:
    """`read(*args)`, with the field of any BadValue given its full path."""
    try:
        return read(*args)
    except BadValue as bad:
        raise BadValue(prefix + bad.field, bad.reason) from None


def _object(parent: Any, key: str, owner: str) -> dict[str, Any]:
    value = parent.get(key) if isinstance(parent, dict) else None
    if not isinstance(value, dict):
        raise BadValue(f"{owner}.{key}", "missing")
    return value


def _degrees(item: dict[str, Any], key: str, limit: int) -> float:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValue(key, "missing" if value is None else "not a number")
    if value > _TWOS_COMPLEMENT_ABOVE:
        value -= 1 << 32
    degrees = value / 1e7
    if not -limit <= degrees <= limit:
        raise BadValue(key, f"outside -{limit}..{limit} degrees")
    return round(degrees, 7)


def _time(item: dict[str, Any], iso_key: str, ms_key: str) -> datetime:
    if iso_key in item:
        value = item[iso_key]
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            raise BadValue(iso_key, "not an ISO 8601 time")
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    if ms_key in item:
        try:
            return datetime.fromtimestamp(int(item[ms_key]) / 1000, UTC)
        except (TypeError, ValueError, OverflowError, OSError):
            raise BadValue(ms_key, "not epoch milliseconds") from None
    raise BadValue(iso_key, "missing (neither it nor " + ms_key + ")")


def _number(item: dict[str, Any], key: str) -> float | None:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _activity(readings: Any) -> str | None:
    """The most confident type of the first activity reading, as Google ranks them."""
    if not isinstance(readings, list) or not readings or not isinstance(readings[0], dict):
        return None
    kinds = readings[0].get("activity")
    if not isinstance(kinds, list):
        return None
    ranked = [k for k in kinds if isinstance(k, dict) and isinstance(k.get("type"), str)]
    if not ranked:
        return None
    best = max(
        ranked, key=lambda k: k.get("confidence", 0) if isinstance(k.get("confidence"), int) else 0
    )
    return str(best["type"])
