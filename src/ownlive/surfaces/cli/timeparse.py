"""Parsing the times users type on the command line (`--until`, `--since`)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ownlive.errors import UsageError

_RELATIVE = re.compile(r"^(\d+)\s*([mhdw])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_when(text: str, option: str, now: datetime, *, future: bool) -> datetime:
    """An ISO date/time (local time when no offset is written) or a span like `7d`, `12h`."""
    try:
        match = _RELATIVE.match(text.strip())
        if match:
            span = timedelta(**{_UNITS[match[2]]: int(match[1])})
            return now + span if future else now - span
        moment = datetime.fromisoformat(text.strip())
        if moment.tzinfo is None:
            moment = moment.astimezone()  # the machine's local zone
        return moment
    # Out of datetime's range (99999999d, year 1 in a zone west of UTC) is no time either.
    except (ValueError, OverflowError):
        raise UsageError(
            f"not a date or time: {text!r}",
            option,
            "use ISO 8601 (2026-12-31 or 2026-12-31T18:00+01:00) or a span such as 7d, 12h, 30m",
        ) from None
