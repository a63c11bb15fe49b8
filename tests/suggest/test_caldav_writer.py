"""CalDAV: the user's settings, the event's zone, and real writes to a Radicale server."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from caldav.collection import Calendar as DavCalendar
from icalendar import Calendar

from ownlive.errors import UsageError
from ownlive.suggest.caldav_writer import (
    CalDavError,
    CalDavSettings,
    config_path,
    event_document,
    load_settings,
    write_event,
)
from tests.suggest.radicale import Radicale, caldav_calendar, free_port, radicale, settings_for

__all__ = ["caldav_calendar", "radicale"]  # fixtures used below

STAMP = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


# --- Settings. -------------------------------------------------------------------


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ownlive" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_come_from_the_config_file(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        '[caldav]\nurl = "https://dav.example.org/mia/personal/"\nusername = "mia"\n'
        'password = "pw"\ntimezone = "Europe/Berlin"\n',
    )
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert config_path(env) == tmp_path / "ownlive" / "config.toml"
    settings = load_settings(env)
    assert settings == CalDavSettings(
        "https://dav.example.org/mia/personal/", "mia", "pw", "Europe/Berlin"
    )
    assert settings.host == "dav.example.org"


def test_environment_variables_win_over_the_file(tmp_path: Path) -> None:
    write_config(tmp_path, '[caldav]\nurl = "https://dav.example.org/a/"\nusername = "mia"\n')
    env = {
        "XDG_CONFIG_HOME": str(tmp_path),
        "OWNLIVE_CALDAV_URL": "http://user@127.0.0.1:5232/mia/cal/",
        "OWNLIVE_CALDAV_PASSWORD": "from-env",
    }
    settings = load_settings(env)
    assert settings == CalDavSettings("http://user@127.0.0.1:5232/mia/cal/", "mia", "from-env")
    assert settings.host == "127.0.0.1:5232"


def test_no_url_means_no_calendar(tmp_path: Path) -> None:
    assert load_settings({"XDG_CONFIG_HOME": str(tmp_path)}) is None
    write_config(tmp_path, '[other]\nx = 1\n[caldav]\nusername = "mia"\n')
    assert load_settings({"XDG_CONFIG_HOME": str(tmp_path)}) is None


@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        (
            '[caldav]\nurl = "https://dav.example.org/"\nusername = \n',
            {},
            "not valid TOML: Invalid value (at line 3, column 12), {path}, fix that line",
        ),
        (
            '[caldav]\nurl = "https://dav.example.org/"\nuser = "mia"\n',
            {},
            "[caldav] user: unknown setting, {path}, known: url, username, password, timezone",
        ),
        (
            '[caldav]\nurl = "https://dav.example.org/"\npassword = 1234\n',
            {},
            "[caldav] password: must be a string, {path}, quote the value",
        ),
        (
            'caldav = "https://dav.example.org/"\n',
            {},
            "[caldav] is not a table, {path}, write it as a [caldav] section",
        ),
        (
            '[caldav]\nurl = "dav.example.org/mia"\n',
            {},
            "[caldav] url: not an http(s) URL, {path}, give the calendar's URL",
        ),
        (
            '[caldav]\nurl = "https://dav.example.org/"\ntimezone = "Berlin"\n',
            {},
            "[caldav] timezone: unknown time zone 'Berlin', {path}, "
            "use an IANA name such as Europe/Berlin",
        ),
        (
            "",
            {"OWNLIVE_CALDAV_URL": "ftp://dav.example.org/"},
            "OWNLIVE_CALDAV_URL: not an http(s) URL, environment, give the calendar's URL",
        ),
        (
            "",
            {"OWNLIVE_CALDAV_URL": "https://dav.example.org/", "OWNLIVE_CALDAV_TIMEZONE": "UTC+8"},
            "OWNLIVE_CALDAV_TIMEZONE: unknown time zone 'UTC+8', environment, "
            "use an IANA name such as Europe/Berlin",
        ),
    ],
)
def test_bad_settings_say_which_setting_and_where(
    tmp_path: Path, text: str, env: dict[str, str], expected: str
) -> None:
    path = write_config(tmp_path, text)
    with pytest.raises(UsageError) as bad:
        load_settings({"XDG_CONFIG_HOME": str(tmp_path), **env})
    assert bad.value.render() == expected.format(path=path)


# --- The event document. -----------------------------------------------------------


def dinner(start: datetime | date, end: datetime | date) -> dict[str, Any]:
    """A calendar card's data, as the calendar skill writes it."""
    return {"summary": "明天晚上7点在南京西路1266号见", "start": str(start), "end": str(end)}


def start_of(document: str) -> tuple[Any, dict[str, str]]:
    (event,) = Calendar.from_ical(document).walk("VEVENT")
    return event["dtstart"].dt, dict(event["dtstart"].params)


CST = timezone(timedelta(hours=8))
IST = timezone(timedelta(hours=5, minutes=30))
PST = timezone(timedelta(hours=-8))


@pytest.mark.parametrize(
    ("start", "zone", "tzid", "offset"),
    [
        (datetime(2026, 11, 21, 19, 0, tzinfo=CST), None, "UTC+0800", timedelta(hours=8)),
        (datetime(2026, 11, 21, 19, 30, tzinfo=IST), None, "UTC+0530", timedelta(hours=5.5)),
        (datetime(2026, 11, 20, 20, 0, tzinfo=PST), None, "UTC-0800", timedelta(hours=-8)),
        (
            datetime(2026, 11, 21, 19, 0, tzinfo=CST),
            "Europe/Berlin",
            "Europe/Berlin",
            timedelta(hours=1),
        ),
        (
            datetime(2026, 7, 4, 18, 0, tzinfo=PST),
            "America/New_York",
            "America/New_York",
            timedelta(hours=-4),
        ),
        (
            datetime(2040, 6, 1, 9, 0, tzinfo=CST),
            "Europe/Berlin",
            "Europe/Berlin",
            timedelta(hours=2),
        ),
    ],
)
def test_the_event_keeps_its_instant_in_the_zone_asked_for(
    start: datetime, zone: str | None, tzid: str, offset: timedelta
) -> None:
    document = event_document(
        dinner(start, start + timedelta(hours=1)), "u1", zone=zone, stamp=STAMP
    )
    parsed, params = start_of(document)
    assert parsed == start  # the same instant
    assert parsed.utcoffset() == offset
    assert params == {"TZID": tzid}
    assert f"TZID:{tzid}" in document.replace('"', "")  # its VTIMEZONE travels with it
    assert "DTSTAMP:20261120T100000Z" in document


def test_an_event_at_utc_is_written_in_utc() -> None:
    start = datetime(2026, 11, 21, 19, 0, tzinfo=UTC)
    document = event_document(dinner(start, start + timedelta(hours=2)), "u1", stamp=STAMP)
    assert "DTSTART:20261121T190000Z" in document
    assert "VTIMEZONE" not in document


@pytest.mark.parametrize(
    "data",
    [
        dinner(date(2026, 11, 21), date(2026, 11, 23)),
        # As the calendar skill writes a plan without a clock time: midnights, flagged.
        dinner(datetime(2026, 11, 21, tzinfo=CST), datetime(2026, 11, 23, tzinfo=CST))
        | {"all_day": True},
    ],
)
def test_an_all_day_plan_is_written_as_dates(data: dict[str, Any]) -> None:
    document = event_document(data, "u1", zone="Asia/Shanghai", stamp=STAMP)
    assert "DTSTART;VALUE=DATE:20261121" in document
    assert "DTEND;VALUE=DATE:20261123" in document
    assert start_of(document)[0] == date(2026, 11, 21)


# --- Writing to a real server. -------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "zone", "offset"),
    [
        (datetime(2026, 11, 21, 19, 0, tzinfo=CST), None, timedelta(hours=8)),
        (
            datetime(2026, 11, 21, 19, 30, tzinfo=timezone(timedelta(hours=1))),
            None,
            timedelta(hours=1),
        ),
        (datetime(2026, 11, 20, 20, 0, tzinfo=PST), "America/Los_Angeles", timedelta(hours=-8)),
        (datetime(2026, 11, 21, 19, 0, tzinfo=CST), "Europe/Berlin", timedelta(hours=1)),
    ],
)
def test_the_event_reads_back_from_radicale_with_its_instant_and_zone(
    caldav_calendar: DavCalendar, start: datetime, zone: str | None, offset: timedelta
) -> None:
    data = dinner(start, start + timedelta(hours=1))
    url = write_event(
        settings_for(caldav_calendar, timezone=zone),
        event_document(data, "ownlive-1@t", zone=zone, stamp=STAMP),
    )
    assert url.startswith(str(caldav_calendar.url))
    (found,) = caldav_calendar.events()
    assert str(found.url) == url
    component = found.icalendar_component
    assert str(component["uid"]) == "ownlive-1@t"
    assert str(component["summary"]) == data["summary"]
    read_start = component["dtstart"].dt
    assert read_start == start
    assert read_start.utcoffset() == offset
    if zone is not None:
        assert read_start.astimezone(ZoneInfo(zone)).utcoffset() == offset
        assert component["dtstart"].params["TZID"] == zone
    assert component["dtend"].dt - read_start == timedelta(hours=1)


def test_writing_the_same_uid_again_updates_one_event(caldav_calendar: DavCalendar) -> None:
    start = datetime(2026, 11, 21, 19, 0, tzinfo=CST)
    settings = settings_for(caldav_calendar)
    first = write_event(settings, event_document(dinner(start, start), "same@t", stamp=STAMP))
    later = start + timedelta(hours=1)
    again = write_event(settings, event_document(dinner(later, later), "same@t", stamp=STAMP))
    assert first == again
    (found,) = caldav_calendar.events()
    assert found.icalendar_component["dtstart"].dt == later


def test_a_wrong_password_is_a_clear_error(caldav_calendar: DavCalendar) -> None:
    settings = settings_for(caldav_calendar, password="wrong")
    start = datetime(2026, 11, 21, 19, 0, tzinfo=CST)
    with pytest.raises(CalDavError) as refused:
        write_event(settings, event_document(dinner(start, start), "u@t", stamp=STAMP))
    assert refused.value.render() == (
        "the CalDAV server refused the user name or password, "
        f"[caldav] url {settings.host}, check username and password"
    )
    assert caldav_calendar.events() == []


def test_a_server_that_is_down_is_a_clear_error(radicale: Radicale) -> None:
    port = free_port()
    settings = CalDavSettings(f"http://127.0.0.1:{port}/mia/personal/", "mia", "pw")
    start = datetime(2026, 11, 21, 19, 0, tzinfo=CST)
    with pytest.raises(CalDavError) as down:
        write_event(settings, event_document(dinner(start, start), "u@t", stamp=STAMP))
    assert down.value.render() == (
        "cannot write the event to the CalDAV server (ConnectionError), "
        f"[caldav] url 127.0.0.1:{port}, check that the server is up and the URL is the calendar's"
    )
    assert down.value.exit_code == 9
