"""iCalendar: recurrences over a window, time zones, all-day events, broken files, re-imports."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ownlive.importers.base import ImportedEvent, ImportOptions, ImportProblem, Record
from ownlive.importers.calendar import ics
from ownlive.importers.registry import SNIFF_BYTES, detect_importer
from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault

FIXTURES = Path(__file__).parent / "fixtures"
ALL_FIXTURES = Path(__file__).parents[1]
GOOD = ["berlin_weekly.ics", "shanghai.ics", "thunderbird_en.ics"]
NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)
BERLIN = ImportOptions(tz=ZoneInfo("Europe/Berlin"), tz_name="Europe/Berlin", now=NOW)


def parse(path: Path, options: ImportOptions = BERLIN) -> list[Record]:
    return list(ics.parse(path, options))


def events(name: str, options: ImportOptions = BERLIN) -> list[ImportedEvent]:
    records = parse(FIXTURES / name, options)
    assert all(isinstance(r, ImportedEvent) for r in records), records
    return [r for r in records if isinstance(r, ImportedEvent)]


def of_uid(name: str, uid: str) -> list[ImportedEvent]:
    return [e for e in events(name) if e.uid == uid]


def line_of(name: str, needle: str) -> int:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def vevent_line(name: str, uid: str) -> int:
    """The BEGIN:VEVENT line of the first VEVENT with `uid`."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    begin = 0
    for number, line in enumerate(lines, 1):
        if line == "BEGIN:VEVENT":
            begin = number
        if line == f"UID:{uid}":
            return begin
    raise AssertionError(uid)


def write_ics(path: Path, *events: str, header: str = "") -> Path:
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    path.write_text(f"BEGIN:VCALENDAR\nVERSION:2.0\n{header}{body}END:VCALENDAR\n", "utf-8")
    return path


# --- sniffing -------------------------------------------------------------------


def every_fixture() -> list[Path]:
    return sorted(p for p in ALL_FIXTURES.glob("*/fixtures/*") if p.is_file())


@pytest.mark.parametrize("path", every_fixture(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_sniff_claims_exactly_the_calendars(path: Path) -> None:
    expected = path.parent.parent.name == "calendar"
    assert ics.sniff(path, path.read_bytes()[:SNIFF_BYTES]) is expected


@pytest.mark.parametrize("name", [*GOOD, "broken_dtstart.ics", "truncated.ics"])
def test_detection_picks_ics_among_all_importers(name: str) -> None:
    assert detect_importer(FIXTURES / name).name == "ics"


@pytest.mark.parametrize(
    "head",
    [b"", b"BEGIN:VCARD\nVERSION:3.0\n", b"From a@b Mon Nov 16 10:00:00 2026\n", b"SUMMARY:x\n"],
)
def test_sniff_rejects_other_content(head: bytes) -> None:
    assert ics.sniff(Path("x"), head) is False


def test_sniff_accepts_a_byte_order_mark_and_lower_case() -> None:
    assert ics.sniff(Path("x"), b"\xef\xbb\xbfbegin:vcalendar\r\n")


# --- recurrences ---------------------------------------------------------------------


def test_weekly_series_is_expanded_over_the_window_without_its_exdate() -> None:
    jour_fixe = of_uid("berlin_weekly.ics", "3F9E2C1A-jourfixe@example.de")
    starts = [e.start for e in jour_fixe]
    assert isinstance(starts[0], datetime)
    # 30 days back from 2026-11-20 is 2026-10-21; the Monday before ended earlier.
    assert starts[0].date() == date(2026, 10, 26)
    assert starts[-1].date() == date(2027, 11, 15)  # the last Monday before now + 365 days
    assert date(2026, 11, 16) not in {s.date() for s in starts if isinstance(s, datetime)}
    assert len(jour_fixe) == 55
    assert len({e.recurrence_id for e in jour_fixe}) == 55
    assert {e.window for e in jour_fixe} == {(NOW - timedelta(days=30), NOW + timedelta(days=365))}


def test_a_modified_occurrence_replaces_the_one_it_names() -> None:
    jour_fixe = of_uid("berlin_weekly.ics", "3F9E2C1A-jourfixe@example.de")
    [moved] = [e for e in jour_fixe if e.recurrence_id == "2026-11-23T08:00:00+00:00"]
    assert moved.start.isoformat() == "2026-11-23T11:00:00+01:00"
    assert moved.end.isoformat() == "2026-11-23T11:30:00+01:00"
    assert (moved.summary, moved.location) == ("Jour fixe Team Backend (verschoben)", "Raum 4.12")
    assert moved.line == line_of("berlin_weekly.ics", "RECURRENCE-ID") - 3  # its BEGIN:VEVENT
    others = [e for e in jour_fixe if e is not moved]
    assert {e.line for e in others} == {
        vevent_line("berlin_weekly.ics", "3F9E2C1A-jourfixe@example.de")
    }
    assert {e.location for e in others} == {"Friedrichstraße 68, 10117 Berlin"}


@pytest.mark.parametrize(
    ("before", "after", "count"),
    [(30, 365, 55), (0, 7, 1), (60, 30, 10), (0, 0, 0), (400, 0, 6)],
)
def test_the_window_is_the_options_choice(before: int, after: int, count: int) -> None:
    options = ImportOptions(
        now=NOW, window_before=timedelta(days=before), window_after=timedelta(days=after)
    )
    found = [
        e for e in events("berlin_weekly.ics", options) if e.uid.endswith("jourfixe@example.de")
    ]
    assert len(found) == count


def test_single_events_are_kept_whenever_they_are() -> None:
    # In 2030 the book club series (UNTIL 2027-06) has nothing left in the window.
    options = ImportOptions(now=datetime(2030, 1, 1, tzinfo=UTC))
    found = events("thunderbird_en.ics", options)
    assert [e.summary for e in found] == ["Thanksgiving dinner at Mom's", "Dentist"]


def test_a_finite_series_in_the_past_window_is_read() -> None:
    runs = of_uid("shanghai.ics", "pastdaily@google.com")
    assert [e.start.isoformat() for e in runs] == [
        "2026-11-02T07:30:00+08:00",
        "2026-11-03T07:30:00+08:00",
        "2026-11-04T07:30:00+08:00",
    ]


def test_monthly_series_crosses_daylight_saving_in_its_own_zone() -> None:
    book_club = of_uid("thunderbird_en.ics", "book-club-2026@example.com")
    assert [e.start.isoformat() for e in book_club] == [
        "2026-12-03T18:30:00-05:00",
        "2027-01-07T18:30:00-05:00",
        "2027-02-04T18:30:00-05:00",
        "2027-03-04T18:30:00-05:00",
        "2027-04-01T18:30:00-04:00",
        "2027-05-06T18:30:00-04:00",
    ]


# --- time zones and all-day events ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "uid", "start", "end", "tzid"),
    [
        ("berlin_weekly.ics", "5D2E-zahnarzt@example.de",
         "2027-03-15T14:30:00+01:00", "2027-03-15T15:15:00+01:00", "Europe/Berlin"),
        ("shanghai.ics", "5k2j9v0q8r7s6t5u4v3w2x1y0z@google.com",
         "2026-11-26T14:00:00+08:00", "2026-11-26T15:30:00+08:00", "Asia/Shanghai"),
        # UTC times beside X-WR-TIMEZONE are shown in that zone, as Google Calendar does.
        ("shanghai.ics", "1a2b3c4d5e6f7g8h9i0j@google.com",
         "2026-12-01T09:30:00+08:00", "2026-12-01T10:30:00+08:00", "Asia/Shanghai"),
        # Floating times are read in X-WR-TIMEZONE, not in the importer's --tz.
        ("shanghai.ics", "floating-hotpot@google.com",
         "2026-11-28T19:00:00+08:00", "2026-11-28T21:00:00+08:00", "Asia/Shanghai"),
        ("thunderbird_en.ics", "cancelled-dentist@example.com",
         "2026-12-09T09:00:00-05:00", "2026-12-09T09:45:00-05:00", "America/New_York"),
        ("broken_dtstart.ics", "ok-1@example.de",
         "2026-12-01T18:00:00+00:00", "2026-12-01T18:00:00+00:00", "UTC"),
    ],
)  # fmt: skip
def test_times_keep_their_zone_and_tzid(
    name: str, uid: str, start: str, end: str, tzid: str
) -> None:
    [found] = [e for e in parse(FIXTURES / name) if isinstance(e, ImportedEvent) and e.uid == uid]
    assert (found.start.isoformat(), found.end.isoformat(), found.tzid) == (start, end, tzid)
    assert not found.all_day


def test_floating_times_without_a_calendar_zone_use_the_importers_zone(tmp_path: Path) -> None:
    path = write_ics(tmp_path / "f.ics", "UID:f1\nDTSTART:20261201T190000\nSUMMARY:Essen")
    [found] = parse(path, ImportOptions(tz=ZoneInfo("Asia/Shanghai"), now=NOW))
    assert isinstance(found, ImportedEvent)
    assert (found.start.isoformat(), found.tzid) == ("2026-12-01T19:00:00+08:00", None)


@pytest.mark.parametrize(
    ("name", "uid", "start", "end"),
    [
        ("berlin_weekly.ics", "8A1B-heiligabend@example.de",
         date(2026, 12, 24), date(2026, 12, 25)),
        ("shanghai.ics", "guoqing2027@google.com", date(2027, 10, 1), date(2027, 10, 8)),
        # No DTEND: one day (RFC 5545 3.6.1).
        ("thunderbird_en.ics", "thanksgiving-2026@example.com",
         date(2026, 11, 26), date(2026, 11, 27)),
    ],
)  # fmt: skip
def test_all_day_events_are_dates(name: str, uid: str, start: date, end: date) -> None:
    [found] = of_uid(name, uid)
    assert (found.start, found.end, found.all_day, found.tzid) == (start, end, True, None)
    assert not isinstance(found.start, datetime)
    assert (found.recurrence_id, found.window) == (None, None)  # not a series


def test_status_and_folded_lines() -> None:
    found = {e.uid: e for e in events("shanghai.ics")}
    assert found["5k2j9v0q8r7s6t5u4v3w2x1y0z@google.com"].status == "CONFIRMED"
    assert found["1a2b3c4d5e6f7g8h9i0j@google.com"].status == "TENTATIVE"
    assert of_uid("thunderbird_en.ics", "cancelled-dentist@example.com")[0].status == "CANCELLED"
    # The folded DESCRIPTION of the first event does not shift the lines of the next.
    assert found["1a2b3c4d5e6f7g8h9i0j@google.com"].line == vevent_line(
        "shanghai.ics", "1a2b3c4d5e6f7g8h9i0j@google.com"
    )


def test_calendar_key_and_title() -> None:
    berlin = events("berlin_weekly.ics")[0]
    shanghai = events("shanghai.ics")[0]
    thunderbird = events("thunderbird_en.ics")[0]
    assert (berlin.calendar_key, berlin.calendar_title) == (
        "7C2A4E1B-9D3F-4A57-B1C2-0F3E5D6A7B8C",
        "Arbeit",
    )
    assert (shanghai.calendar_key, shanghai.calendar_title) == ("工作", "工作")
    assert (thunderbird.calendar_key, thunderbird.calendar_title) == (
        "thunderbird_en",
        "thunderbird_en",
    )


def test_changes_to_a_series_whose_master_is_missing_are_single_events(tmp_path: Path) -> None:
    path = write_ics(
        tmp_path / "orphan.ics",
        "UID:s1\nRECURRENCE-ID:20261207T090000Z\nDTSTART:20261207T100000Z\nSUMMARY:Verschoben",
    )
    [found] = parse(path)
    assert isinstance(found, ImportedEvent)
    assert (found.recurrence_id, found.start.isoformat()) == (
        "2026-12-07T09:00:00+00:00",
        "2026-12-07T10:00:00+00:00",
    )


def test_an_event_without_uid_gets_a_stable_one(tmp_path: Path) -> None:
    path = write_ics(tmp_path / "nouid.ics", "DTSTART:20261201T100000Z\nSUMMARY:Friseur")
    first, second = parse(path), parse(path)
    assert first == second
    assert isinstance(first[0], ImportedEvent)
    assert first[0].uid.startswith("no-uid:")


# --- broken input --------------------------------------------------------------------


def test_a_broken_dtstart_is_a_problem_on_its_line_and_the_rest_is_read() -> None:
    records = parse(FIXTURES / "broken_dtstart.ics")
    problems = [r for r in records if isinstance(r, ImportProblem)]
    assert [p.render() for p in problems] == [
        f"broken_dtstart.ics:{line_of('broken_dtstart.ics', 'DTSTART;TZID')}: "
        "DTSTART: not a valid iCalendar value"
    ]
    assert [r.summary for r in records if isinstance(r, ImportedEvent)] == ["Weihnachtsfeier"]
    assert "2026XX23" not in problems[0].render()


@pytest.mark.parametrize(
    ("text", "line", "field", "reason"),
    [
        ("", 1, "iCalendar", "no BEGIN:VCALENDAR: the file is empty or not iCalendar"),
        ("hello\n", 1, "iCalendar", "not an iCalendar content line (NAME:value)"),
        ("VERSION:2.0\n", 1, "iCalendar", "an iCalendar file starts with BEGIN:VCALENDAR"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", 3, "iCalendar",
         "END without a matching BEGIN"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20261201T100000Z\nEND:VEVENT\n", 1,
         "iCalendar", "BEGIN without a matching END (file cut short?)"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:Kein Start\nEND:VEVENT\nEND:VCALENDAR\n", 2,
         "DTSTART", "missing"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20261201T100000Z\n"
         "DTEND:20261201T090000Z\nEND:VEVENT\nEND:VCALENDAR\n", 2, "DTEND", "before DTSTART"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20261201T100000Z\n"
         "RRULE:FREQ=MINUTELY\nEND:VEVENT\nEND:VCALENDAR\n", 5, "RRULE",
         f"more than {ics.MAX_OCCURRENCES} occurrences in the import window"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20261201T100000Z\n"
         "RRULE:FREQ=SOMETIMES\nEND:VEVENT\nEND:VCALENDAR\n", 5, "RRULE",
         "not a valid iCalendar value"),
    ],
)  # fmt: skip
def test_broken_files_give_problems_that_say_where(
    tmp_path: Path, text: str, line: int, field: str, reason: str
) -> None:
    path = tmp_path / "broken.ics"
    path.write_text(text, encoding="utf-8")
    assert parse(path) == [ImportProblem(str(path), line, field, reason)]


def test_a_truncated_export_names_the_event_left_open() -> None:
    assert [p.render() for p in parse(FIXTURES / "truncated.ics")] == [
        "truncated.ics:4: iCalendar: BEGIN without a matching END (file cut short?)"
    ]


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    [problem] = parse(tmp_path / "gone.ics")
    assert isinstance(problem, ImportProblem)
    assert problem.field == "file"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=(FIXTURES / "berlin_weekly.ics").stat().st_size))
def test_a_file_cut_anywhere_never_raises(tmp_path: Path, cut: int) -> None:
    data = (FIXTURES / "berlin_weekly.ics").read_bytes()
    path = tmp_path / "cut.ics"
    path.write_bytes(data[:cut])
    records = parse(path)
    if cut < len(data.rstrip()) - len(b"END:VCALENDAR"):
        assert isinstance(records[-1], ImportProblem)


def test_the_users_file_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    path.write_bytes((FIXTURES / "shanghai.ics").read_bytes())
    path.chmod(stat.S_IRUSR)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    assert len(parse(path)) == 7
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


# --- through `ownlive import` --------------------------------------------------------


def run_import(runner: CliRunner, vault_path: Path, path: Path) -> dict[str, object]:
    result = runner.invoke(
        app, ["--vault", str(vault_path), "--json", "import", str(path), "--tz", "Europe/Berlin"]
    )
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout)
    return report


def event_count(vault_path: Path) -> int:
    with Vault(vault_path) as vault:
        vault.grant("calendar.read", subject="test", purpose="count")
        return len(vault.session(subject="test", purpose="count").events())


def test_corrupt_file_via_cli_names_file_line_and_field_and_changes_nothing(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, FIXTURES / "shanghai.ics")
    before = event_count(vault_path)
    result = cli_runner.invoke(
        app, ["--vault", str(vault_path), "import", str(FIXTURES / "broken_dtstart.ics")]
    )
    line = line_of("broken_dtstart.ics", "DTSTART;TZID")
    assert result.exit_code == 8
    assert result.stderr.splitlines() == [
        "Error: 1 problem(s) in the file; nothing was imported, "
        f"broken_dtstart.ics:{line}: DTSTART: not a valid iCalendar value, "
        "fix the file, or pass --skip-invalid to keep the good records",
        f"  broken_dtstart.ics:{line}: DTSTART: not a valid iCalendar value",
    ]
    assert "Traceback" not in result.output
    assert event_count(vault_path) == before


@pytest.mark.parametrize("name", GOOD)
def test_importing_twice_adds_nothing_the_second_time(
    cli_runner: CliRunner, tmp_path: Path, name: str
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, FIXTURES / name)
    count = event_count(vault_path)
    second = run_import(cli_runner, vault_path, FIXTURES / name)
    assert first["present"] == 0
    assert (second["new"], second["present"]) == (0, first["new"])
    assert event_count(vault_path) == count == first["new"]
