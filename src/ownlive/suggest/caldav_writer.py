"""Writing an accepted calendar card to the user's own CalDAV calendar.

Settings come from `$XDG_CONFIG_HOME/ownlive/config.toml` (default
`~/.config/ownlive/config.toml`), section `[caldav]`, and environment
variables, which win:

    [caldav]
    url = "https://dav.example.org/mia/personal/"   # the calendar's own URL
    username = "mia"                                 # OWNLIVE_CALDAV_USERNAME
    password = "..."                                 # OWNLIVE_CALDAV_PASSWORD
    timezone = "Europe/Berlin"                       # optional, IANA; OWNLIVE_CALDAV_TIMEZONE

`url` (or OWNLIVE_CALDAV_URL) is the calendar collection, as the server's
web interface or the calendar app's settings show it.

Zones: the event keeps its instant. With a `timezone` configured, DTSTART
and DTEND carry that TZID (and its VTIMEZONE), so the calendar shows and
moves it as a local time there. Without one they carry the offset the
message was written with, as a fixed-offset VTIMEZONE (`UTC+0800`): a TZID
without a VTIMEZONE, which is what icalendar writes for a bare offset, is
read back as a floating time by clients and servers alike.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ownlive.errors import OwnliveError, UsageError

if TYPE_CHECKING:
    from icalendar import Timezone

# icalendar and caldav are imported where they are used: together they take
# 0.8 s to import, which every `ownlive` command would otherwise pay (measured
# with python -X importtime); only accepting a calendar card needs them.

TIMEOUT_S = 30
ENV = {
    "url": "OWNLIVE_CALDAV_URL",
    "username": "OWNLIVE_CALDAV_USERNAME",
    "password": "OWNLIVE_CALDAV_PASSWORD",
    "timezone": "OWNLIVE_CALDAV_TIMEZONE",
}
HOW_TO_CONFIGURE = (
    "set url, username and password in the [caldav] section of {path} "
    "(or OWNLIVE_CALDAV_URL, OWNLIVE_CALDAV_USERNAME, OWNLIVE_CALDAV_PASSWORD)"
)


class CalDavError(OwnliveError):
    """The CalDAV server could not be reached or refused the event."""

    exit_code = 9
    http_status = 502


@dataclass(frozen=True)
class CalDavSettings:
    url: str  # the calendar collection
    username: str | None = None
    password: str | None = None
    timezone: str | None = None  # IANA name; None keeps the message's offset

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc.rpartition("@")[2]


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    home = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(home) / "ownlive" / "config.toml"


def _file_section(path: Path) -> dict[str, str]:
    try:
        with path.open("rb") as handle:
            parsed = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise UsageError(f"cannot read the settings ({error.strerror})", str(path), "") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"not valid TOML: {error}", str(path), "fix that line") from None
    section = parsed.get("caldav", {})
    if not isinstance(section, dict):
        raise UsageError("[caldav] is not a table", str(path), "write it as a [caldav] section")
    values: dict[str, str] = {}
    for key, value in section.items():
        if key not in ENV:
            raise UsageError(
                f"[caldav] {key}: unknown setting", str(path), "known: " + ", ".join(ENV)
            )
        if not isinstance(value, str):
            raise UsageError(f"[caldav] {key}: must be a string", str(path), "quote the value")
        values[key] = value
    return values


def load_settings(
    env: Mapping[str, str] | None = None, path: Path | None = None
) -> CalDavSettings | None:
    """The user's CalDAV settings, or None when no calendar URL is configured."""
    env = os.environ if env is None else env
    path = path or config_path(env)
    values = _file_section(path)
    # Each value's name and origin, for errors: "[caldav] url" in the file, or the variable.
    origin = {key: (f"[caldav] {key}", str(path)) for key in values}
    for key, name in ENV.items():
        if env.get(name):
            values[key], origin[key] = env[name], (name, "environment")
    if not values.get("url"):
        return None
    url = values["url"]
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        field, where = origin["url"]
        raise UsageError(f"{field}: not an http(s) URL", where, "give the calendar's URL")
    zone = values.get("timezone") or None
    if zone is not None:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            field, where = origin["timezone"]
            raise UsageError(
                f"{field}: unknown time zone {zone!r}",
                where,
                "use an IANA name such as Europe/Berlin",
            ) from None
    return CalDavSettings(url, values.get("username"), values.get("password"), zone)


# --- The event. ---------------------------------------------------------------


def _parse(value: Any, all_day: bool) -> datetime | date:
    parsed = datetime.fromisoformat(str(value))
    return parsed.date() if all_day or len(str(value)) == 10 else parsed


def offset_tzid(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _fixed_zone(tzid: str, offset: timedelta) -> Timezone:
    from icalendar import Timezone, TimezoneStandard  # noqa: PLC0415

    zone = Timezone()
    zone.add("tzid", tzid)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    standard.add("tzname", tzid)
    zone.add_component(standard)
    return zone


def event_document(
    data: Mapping[str, Any], uid: str, *, zone: str | None = None, stamp: datetime
) -> str:
    """The iCalendar text for a calendar card's `data` (summary, start, end, all_day)."""
    from icalendar import Calendar, Event  # noqa: PLC0415

    all_day = bool(data.get("all_day"))
    start, end = _parse(data["start"], all_day), _parse(data["end"], all_day)
    calendar = Calendar()
    calendar.add("prodid", "-//ownlive//suggest//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", uid)
    event.add("summary", str(data.get("summary", "")))
    event.add("dtstamp", stamp.astimezone(UTC))
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        event.add("dtstart", _day(start))  # an all-day plan: dates, no zone
        event.add("dtend", _day(end))
    elif zone is not None:
        local = ZoneInfo(zone)
        event.add("dtstart", start.astimezone(local))
        event.add("dtend", end.astimezone(local))
    elif not start.utcoffset():
        event.add("dtstart", start.astimezone(UTC))
        event.add("dtend", end.astimezone(UTC))
    else:
        offset = start.utcoffset() or timedelta(0)
        tzid = offset_tzid(offset)
        calendar.add_component(_fixed_zone(tzid, offset))
        end = end.astimezone(start.tzinfo)
        event.add("dtstart", start.replace(tzinfo=None), parameters={"TZID": tzid})
        event.add("dtend", end.replace(tzinfo=None), parameters={"TZID": tzid})
    calendar.add_component(event)
    if zone is not None and isinstance(start, datetime):
        # The zone's rules for a year around the event (icalendar's default span ends in 2038).
        year = timedelta(days=366)
        calendar.add_missing_timezones(start.date() - year, start.date() + year)
    return str(calendar.to_ical().decode())


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def write_event(settings: CalDavSettings, document: str) -> str:
    """PUT the event into the calendar; its URL on the server. Same UID again: same event."""
    import niquests  # noqa: PLC0415
    from caldav.calendarobjectresource import CalendarObjectResource  # noqa: PLC0415
    from caldav.collection import Calendar as DavCalendar  # noqa: PLC0415
    from caldav.davclient import DAVClient  # noqa: PLC0415
    from caldav.lib.error import AuthorizationError, DAVError  # noqa: PLC0415

    try:
        with DAVClient(
            url=settings.url,
            username=settings.username,
            password=settings.password,
            timeout=TIMEOUT_S,
            enable_rfc6764=False,  # the URL is the calendar's: no DNS discovery
        ) as client:
            written = DavCalendar(client=client, url=settings.url).add_event(document)
    except AuthorizationError:
        raise CalDavError(
            "the CalDAV server refused the user name or password",
            f"[caldav] url {settings.host}",
            "check username and password",
        ) from None
    except (DAVError, niquests.exceptions.RequestException, OSError) as error:
        # The library's text holds URLs and server replies: name the kind only.
        raise CalDavError(
            f"cannot write the event to the CalDAV server ({type(error).__name__})",
            f"[caldav] url {settings.host}",
            "check that the server is up and the URL is the calendar's",
        ) from None
    # The synchronous client returns the event itself (a coroutine only from the async one).
    assert isinstance(written, CalendarObjectResource)
    return str(written.url)
