"""Gated reads of calendar events (calendar.read) and location history (location.precise)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.errors import ConsentRequired
from ownlive.importers.base import ImportOptions
from ownlive.importers.registry import get_importer
from ownlive.vault import Vault
from ownlive.vault.ingest import ingest
from tests.conftest import IngestHelper, assert_access_logged, message

IMPORTERS = Path(__file__).parents[1] / "importers"
SHANGHAI = timezone(timedelta(hours=8))


def load(vault: Vault, fmt: str, path: Path) -> None:
    importer = get_importer(fmt)
    options = ImportOptions(tz=ZoneInfo("Asia/Shanghai"), tz_name="Asia/Shanghai", now=vault.now())
    ingest(vault, importer, path, importer.parse(path, options), tz_name="Asia/Shanghai")


@pytest.fixture
def filled(vault: Vault) -> Vault:
    load(vault, "ics", IMPORTERS / "calendar" / "fixtures" / "shanghai.ics")
    load(vault, "google_location", IMPORTERS / "location" / "fixtures" / "2026_NOVEMBER.json")
    load(vault, "google_location", IMPORTERS / "location" / "fixtures" / "Records.timestamp.json")
    return vault


@pytest.mark.parametrize(
    ("scope", "read"),
    [
        ("calendar.read", lambda s: s.events()),
        ("location.precise", lambda s: s.visits()),
        ("location.precise", lambda s: s.points()),
    ],
)
def test_reads_without_a_grant_are_refused_and_logged(
    filled: Vault, scope: str, read: object
) -> None:
    session = filled.session(subject="assistant", purpose="suggest")
    with pytest.raises(ConsentRequired) as raised:
        read(session)  # type: ignore[operator]
    assert (raised.value.scope, raised.value.subject) == (scope, "assistant")
    assert_access_logged(filled, [("denied", "assistant", scope)])


def test_a_grant_for_another_scope_does_not_serve(filled: Vault) -> None:
    filled.grant("location.coarse", subject="weather", purpose="forecast")
    filled.grant("calendar.read", subject="weather", purpose="forecast")
    session = filled.session(subject="weather", purpose="forecast")
    assert session.events()
    with pytest.raises(ConsentRequired) as raised:
        session.points()
    assert raised.value.scope == "location.precise"


def test_events_overlapping_a_span_in_time_order(filled: Vault) -> None:
    filled.grant("calendar.read", subject="assistant", purpose="suggest")
    session = filled.session(subject="assistant", purpose="suggest")
    found = session.events(
        since=datetime(2026, 11, 26, 15, tzinfo=SHANGHAI),  # inside the review
        until=datetime(2026, 12, 1, 9, 30, tzinfo=SHANGHAI),  # the call starts then: excluded
    )
    assert [(e.summary, e.start, e.tzid) for e in found] == [
        ("项目评审会", "2026-11-26T14:00:00+08:00", "Asia/Shanghai"),
        ("周六吃火锅", "2026-11-28T19:00:00+08:00", "Asia/Shanghai"),
    ]
    assert found[0].location == "上海市浦东新区世纪大道100号"
    every = session.events()
    assert [e.start for e in every][:3] == [
        "2026-11-02T07:30:00+08:00",
        "2026-11-03T07:30:00+08:00",
        "2026-11-04T07:30:00+08:00",
    ]
    assert {e.recurrence_id is None for e in every} == {True, False}
    [holiday] = [e for e in every if e.all_day]
    assert (holiday.start, holiday.end, holiday.summary) == (
        "2027-10-01",
        "2027-10-08",
        "国庆节放假",
    )
    assert len(session.events(limit=2)) == 2
    entry = filled.log_entries()[-1]
    assert (entry.event, entry.scope, entry.detail["rows"]) == ("read", "calendar.read", 2)
    assert "项目" not in repr([e.detail for e in filled.log_entries()])


def test_visits_and_points_through_location_precise(filled: Vault) -> None:
    filled.grant("location.precise", subject="assistant", purpose="places")
    session = filled.session(subject="assistant", purpose="places")
    day = datetime(2026, 11, 18, tzinfo=SHANGHAI)
    visits = session.visits(since=day, until=day + timedelta(days=1))
    assert [(v.name, v.start, v.lat, v.lon) for v in visits] == [
        ("恒隆广场", "2026-11-18T01:10:00+00:00", 31.2243, 121.4575),
        ("上海环球金融中心", "2026-11-18T04:20:00+00:00", 31.2397, 121.4998),
    ]
    points = session.points(since=day, until=day + timedelta(days=1))
    assert [p.at for p in points] == [
        "2026-11-18T01:05:12.345000+00:00",
        "2026-11-18T01:06:03+00:00",
        "2026-11-18T03:45:30.120000+00:00",
        "2026-11-18T04:00:00+00:00",
        "2026-11-18T04:20:00+00:00",
    ]
    assert [p.activity for p in points][1:] == ["WALKING", "IN_SUBWAY", "IN_SUBWAY", "IN_SUBWAY"]
    assert_access_logged(
        filled,
        [("read", "assistant", "location.precise"), ("read", "assistant", "location.precise")],
    )


def test_a_platform_grant_covers_only_its_platform(filled: Vault) -> None:
    filled.grant("calendar.read", subject="widget", purpose="agenda", platform="calendar")
    filled.grant("location.precise", subject="widget", purpose="agenda", platform="sms")
    session = filled.session(subject="widget", purpose="agenda")
    assert len(session.events()) == 7
    assert session.points() == []


def test_a_grant_narrowed_to_a_conversation_covers_no_context_rows(
    filled: Vault, ingest_records: IngestHelper
) -> None:
    ingest_records(filled, [message("周六吃火锅？")], platform="wechat", file_name="wx.csv")
    [conversation_id] = [
        int(row[0]) for row in filled._conn.execute("SELECT id FROM conversations").fetchall()
    ]
    filled.grant(
        "calendar.read", subject="plugin", purpose="agenda", conversation_id=conversation_id
    )
    assert filled.session(subject="plugin", purpose="agenda").events() == []


def test_a_one_time_grant_serves_one_read(filled: Vault) -> None:
    filled.grant("location.precise", subject="taxi", purpose="pickup", once=True)
    session = filled.session(subject="taxi", purpose="pickup")
    assert len(session.visits()) == 4
    with pytest.raises(ConsentRequired):
        session.visits()
