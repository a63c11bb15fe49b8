"""Writing calendar events and location history: idempotence, updates, zones, the log, forget."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.importers.base import ImportOptions
from ownlive.importers.registry import get_importer
from ownlive.vault import Vault
from ownlive.vault.erase import forget_everything, forget_source
from ownlive.vault.ingest import ImportReport, ingest

IMPORTERS = Path(__file__).parents[1] / "importers"
CALENDARS = IMPORTERS / "calendar" / "fixtures"
LOCATIONS = IMPORTERS / "location" / "fixtures"


def load(vault: Vault, fmt: str, path: Path, tz: str = "Europe/Berlin") -> ImportReport:
    importer = get_importer(fmt)
    options = ImportOptions(tz=ZoneInfo(tz), tz_name=tz, now=vault.now())
    return ingest(vault, importer, path, importer.parse(path, options), tz_name=tz)


def rows(vault: Vault, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in vault._conn.execute(sql).fetchall()]


def count(vault: Vault, table: str) -> int:
    return int(vault._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_events_are_stored_with_zone_offset_tzid_and_epoch(vault: Vault) -> None:
    report = load(vault, "ics", CALENDARS / "shanghai.ics")
    assert (report.new, report.present, report.problems) == (7, 0, [])
    [review] = rows(
        vault,
        "SELECT calendar_key, uid, recurrence_id, summary, location, start, end, start_utc, "
        "end_utc, all_day, tzid, status FROM events WHERE summary = '项目评审会'",
    )
    start = datetime(2026, 11, 26, 6, tzinfo=UTC)
    assert review == (
        "工作",
        "5k2j9v0q8r7s6t5u4v3w2x1y0z@google.com",
        None,
        "项目评审会",
        "上海市浦东新区世纪大道100号",
        "2026-11-26T14:00:00+08:00",
        "2026-11-26T15:30:00+08:00",
        int(start.timestamp()),
        int(start.timestamp()) + 90 * 60,
        0,
        "Asia/Shanghai",
        "CONFIRMED",
    )


@pytest.mark.parametrize(
    ("tz", "midnight"),
    [
        ("Europe/Berlin", datetime(2026, 12, 23, 23, tzinfo=UTC)),
        ("Asia/Shanghai", datetime(2026, 12, 23, 16, tzinfo=UTC)),
        ("America/New_York", datetime(2026, 12, 24, 5, tzinfo=UTC)),
    ],
)
def test_all_day_events_begin_at_midnight_of_the_imports_zone(
    vault: Vault, tz: str, midnight: datetime
) -> None:
    load(vault, "ics", CALENDARS / "berlin_weekly.ics", tz)
    [(start, end, start_utc, end_utc, all_day)] = rows(
        vault,
        "SELECT start, end, start_utc, end_utc, all_day FROM events "
        "WHERE uid = '8A1B-heiligabend@example.de'",
    )
    assert (start, end, all_day) == ("2026-12-24", "2026-12-25", 1)
    assert (start_utc, end_utc) == (int(midnight.timestamp()), int(midnight.timestamp()) + 86400)


def test_a_calendar_exported_again_updates_changed_events_and_adds_none_twice(
    vault: Vault, tmp_path: Path
) -> None:
    load(vault, "ics", CALENDARS / "thunderbird_en.ics")
    before = count(vault, "events")
    changed = tmp_path / "thunderbird_en.ics"
    text = (CALENDARS / "thunderbird_en.ics").read_text(encoding="utf-8")
    changed.write_text(
        text.replace("SUMMARY:Thanksgiving dinner at Mom's", "SUMMARY:Thanksgiving at Aunt Jo's")
        .replace("DTSTART;TZID=America/New_York:20261209T090000",
                 "DTSTART;TZID=America/New_York:20261210T140000"),
        encoding="utf-8",
    )  # fmt: skip
    report = load(vault, "ics", changed)
    assert (report.new, report.present) == (0, before)
    assert count(vault, "events") == before
    assert rows(vault, "SELECT summary, source_id FROM events WHERE uid LIKE 'thanksgiving%'") == [
        ("Thanksgiving at Aunt Jo's", 1)
    ]
    assert rows(vault, "SELECT start FROM events WHERE uid LIKE 'cancelled-dentist%'") == [
        ("2026-12-10T14:00:00-05:00",)
    ]


def jour_fixe(vault: Vault) -> list[tuple[object, ...]]:
    return rows(
        vault,
        "SELECT start, summary FROM events WHERE uid = '3F9E2C1A-jourfixe@example.de' "
        "ORDER BY start_utc",
    )


def test_occurrences_the_calendar_no_longer_has_are_removed_on_reimport(
    vault: Vault, tmp_path: Path
) -> None:
    load(vault, "ics", CALENDARS / "berlin_weekly.ics")
    assert len(jour_fixe(vault)) == 55
    text = (CALENDARS / "berlin_weekly.ics").read_text(encoding="utf-8")
    changed = tmp_path / "Arbeit.ics"
    changed.write_text(
        text.replace("EXDATE;TZID=Europe/Berlin:20261116T090000",
                     "EXDATE;TZID=Europe/Berlin:20261116T090000,20261207T090000"),
        encoding="utf-8",
    )  # fmt: skip
    report = load(vault, "ics", changed)
    assert (report.new, report.present) == (0, 56)
    starts = [str(start) for start, _ in jour_fixe(vault)]
    assert len(starts) == 54
    assert not any(s.startswith(("2026-11-16", "2026-12-07")) for s in starts)


def test_a_series_moved_to_another_hour_leaves_no_old_occurrences(
    vault: Vault, tmp_path: Path
) -> None:
    load(vault, "ics", CALENDARS / "berlin_weekly.ics")
    text = (CALENDARS / "berlin_weekly.ics").read_text(encoding="utf-8")
    moved = tmp_path / "Arbeit.ics"
    moved.write_text(
        text.replace("DTSTART;TZID=Europe/Berlin:20261005T090000",
                     "DTSTART;TZID=Europe/Berlin:20261005T100000")
        .replace("DTEND;TZID=Europe/Berlin:20261005T093000",
                 "DTEND;TZID=Europe/Berlin:20261005T103000"),
        encoding="utf-8",
    )  # fmt: skip
    load(vault, "ics", moved)
    starts = [str(start) for start, _ in jour_fixe(vault)]
    assert not any("T09:00:00" in s for s in starts)
    assert sum("T10:00:00" in s for s in starts) >= 54


def test_fixes_and_visits_are_stored_once_across_overlapping_exports(
    vault: Vault, tmp_path: Path
) -> None:
    first = load(vault, "google_location", LOCATIONS / "Records.timestamp.json")
    overlap = tmp_path / "Records.json"
    text = (LOCATIONS / "Records.timestamp.json").read_text(encoding="utf-8")
    overlap.write_text(text.replace('"accuracy": 8,', '"accuracy": 9,'), encoding="utf-8")
    second = load(vault, "google_location", overlap)
    assert (first.new, second.new, second.present) == (3, 0, 3)
    semantic = load(vault, "google_location", LOCATIONS / "2026_NOVEMBER.json")
    again = load(vault, "google_location", LOCATIONS / "2026_NOVEMBER.json")
    assert (semantic.new, again.new, again.present) == (7, 0, 7)
    assert (count(vault, "points"), count(vault, "visits")) == (6, 4)
    assert rows(vault, "SELECT lat, lon, name FROM visits ORDER BY start_utc LIMIT 1") == [
        (31.2243, 121.4575, "恒隆广场")
    ]


@pytest.mark.parametrize(
    ("fmt", "path", "scope", "new"),
    [
        ("ics", CALENDARS / "shanghai.ics", "calendar.write", 7),
        ("google_location", LOCATIONS / "2026_NOVEMBER.json", "location.write", 7),
    ],
)
def test_the_import_is_logged_with_counts_and_no_content(
    vault: Vault, fmt: str, path: Path, scope: str, new: int
) -> None:
    load(vault, fmt, path)
    entry = vault.log_entries()[-1]
    assert (entry.event, entry.scope, entry.detail["format"], entry.detail["new"]) == (
        "import",
        scope,
        fmt,
        new,
    )
    logged = repr([e.detail for e in vault.log_entries()])
    assert "恒隆" not in logged
    assert "项目" not in logged


def test_forgetting_a_source_removes_its_events_and_location_rows(vault: Vault) -> None:
    load(vault, "ics", CALENDARS / "shanghai.ics")
    load(vault, "google_location", LOCATIONS / "2026_NOVEMBER.json")
    calendar_source = int(
        vault._conn.execute("SELECT id FROM sources WHERE format = 'ics'").fetchone()[0]
    )
    forget_source(vault, calendar_source)
    assert (count(vault, "events"), count(vault, "points"), count(vault, "visits")) == (0, 3, 4)
    forget_everything(vault)
    assert (count(vault, "events"), count(vault, "points"), count(vault, "visits")) == (0, 0, 0)
