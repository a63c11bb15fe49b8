"""The gate's reads of context: calendar events and location history.

A mixin of `Session`: each query names its scope (`calendar.read`,
`location.precise`) and goes through the same `_read` (authorize, read, log)
as messages do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ownlive.vault.context_records import Event, Point, Visit


class ContextReads:
    _read: Callable[..., list[Any]]  # Session's authorize-read-log step

    # Context rows belong to a source, not a conversation. This join gives the
    # grant's conditions a `c` with the source's platform and a NULL id, so a
    # grant narrowed to a platform (calendar, location) applies and one
    # narrowed to a conversation covers none of them.
    _BY_SOURCE = "JOIN (SELECT id AS sid, platform, NULL AS id FROM sources) c ON c.sid = "

    def events(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Calendar events that overlap [since, until), in time order."""
        tail, params, query = _span("e.start_utc", "e.end_utc", since, until, limit, "events")

        def sql(where: str) -> str:
            return (
                "SELECT e.id, e.calendar_key, e.calendar_title, e.uid, e.recurrence_id, e.summary, "
                "e.location, e.start, e.end, e.all_day, e.tzid, e.status FROM events e "
                f"{self._BY_SOURCE}e.source_id WHERE {where}{tail}"
            )

        return self._read("calendar.read", query, sql, params, Event)

    def visits(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[Visit]:
        """Stays at places that overlap [since, until), in time order."""
        tail, params, query = _span("v.start_utc", "v.end_utc", since, until, limit, "visits")

        def sql(where: str) -> str:
            return (
                "SELECT v.id, v.start, v.end, v.lat, v.lon, v.accuracy, v.name, v.address, "
                f"v.place_id FROM visits v {self._BY_SOURCE}v.source_id WHERE {where}{tail}"
            )

        return self._read("location.precise", query, sql, params, Visit)

    def points(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
    ) -> list[Point]:
        """Raw location fixes taken in [since, until), in time order."""
        tail, params, query = _span("p.at_utc", "p.at_utc", since, until, limit, "points")

        def sql(where: str) -> str:
            return (
                "SELECT p.id, p.at, p.lat, p.lon, p.accuracy, p.activity FROM points p "
                f"{self._BY_SOURCE}p.source_id WHERE {where}{tail}"
            )

        return self._read("location.precise", query, sql, params, Point)


def _span(
    start: str,
    end: str,
    since: datetime | None,
    until: datetime | None,
    limit: int | None,
    table: str,
) -> tuple[str, list[Any], str]:
    """Conditions, order and limit for rows overlapping [since, until), and the logged query.

    A row without length (a fix, an event with no end) counts at its start.
    """
    filters: list[str] = []
    params: list[Any] = []
    described = [table]
    if since is not None:
        filters.append(f"({end} > ? OR {start} >= ?)")
        params += [int(since.timestamp())] * 2
        described.append("since")
    if until is not None:
        filters.append(f"{start} < ?")
        params.append(int(until.timestamp()))
        described.append("until")
    tail = "".join(f" AND {f}" for f in filters) + f" ORDER BY {start}, {start[0]}.id"
    if limit is not None:
        tail += f" LIMIT {int(limit)}"
    return tail, params, " ".join(described)
