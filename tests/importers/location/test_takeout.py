"""Google Takeout location history: Records.json (both eras), semantic months, broken files."""

from __future__ import annotations

import json
import os
import stat
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ownlive.importers.base import (
    ImportedPoint,
    ImportedVisit,
    ImportOptions,
    ImportProblem,
    Record,
)
from ownlive.importers.location import json_lines, takeout
from ownlive.importers.registry import SNIFF_BYTES, detect_importer
from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault

FIXTURES = Path(__file__).parent / "fixtures"
ALL_FIXTURES = Path(__file__).parents[1]
RECORDS = ["Records.timestampMs.json", "Records.timestamp.json"]
SEMANTIC = "2026_NOVEMBER.json"
BROKEN = ["Records.bad-values.json", "Records.truncated.json", "2026_DECEMBER.bad.json"]
OPTIONS = ImportOptions()


def parse(path: Path) -> list[Record]:
    return list(takeout.parse(path, OPTIONS))


def good(name: str) -> list[ImportedPoint | ImportedVisit]:
    records = parse(FIXTURES / name)
    assert all(isinstance(r, ImportedPoint | ImportedVisit) for r in records), records
    return [r for r in records if isinstance(r, ImportedPoint | ImportedVisit)]


def line_of(name: str, needle: str, after: int = 0) -> int:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and needle in line)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- sniffing -------------------------------------------------------------------


def every_fixture() -> list[Path]:
    return sorted(p for p in ALL_FIXTURES.glob("*/fixtures/*") if p.is_file())


@pytest.mark.parametrize("path", every_fixture(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_sniff_claims_exactly_the_takeout_location_files(path: Path) -> None:
    # Google's newer on-device Timeline.json is another format, not claimed.
    expected = path.parent.parent.name == "location" and not path.name.startswith("Timeline")
    assert takeout.sniff(path, path.read_bytes()[:SNIFF_BYTES]) is expected


@pytest.mark.parametrize("name", [*RECORDS, SEMANTIC, *BROKEN])
def test_detection_picks_takeout_among_all_importers(name: str) -> None:
    assert detect_importer(FIXTURES / name).name == "google_location"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"locations": []}', True),
        (b'\xef\xbb\xbf{\n  "timelineObjects" : [\n', True),
        (b'{"locations":[{"latitudeE7":1}]}', True),
        (b"", False),
        (b'{"name": "Chat", "messages": [{"location_information": {}}]}', False),
        (b'{"semanticSegments": [], "rawSignals": []}', False),
        (b'[{"locations": []}]', False),
        (b'{"about": "x", "locations": []}', False),
    ],
)
def test_sniff_reads_the_opening_of_the_file(head: bytes, expected: bool) -> None:
    assert takeout.sniff(Path("x"), head) is expected


# --- coordinates and times ---------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "limit", "degrees"),
    [
        (525302000, 90, 52.5302),
        (-1122434441, 180, -112.2434441),
        (1210000240, 180, 121.000024),
        (1800000000, 180, 180.0),  # the boundary itself is not a two's complement value
        (4294967296 - 338568000, 90, -33.8568),  # Sydney as old exports wrote it
        (4294967296 - 432105000, 180, -43.2105),  # Rio de Janeiro
        (4294967296 - 1, 180, -1e-7),
        (0, 90, 0.0),
    ],
)
def test_e7_values_become_degrees(raw: int, limit: int, degrees: float) -> None:
    assert takeout._degrees({"v": raw}, "v", limit) == degrees


@pytest.mark.parametrize(
    ("raw", "limit", "reason"),
    [
        (900000001, 90, "outside -90..90 degrees"),
        (1500000000, 90, "outside -90..90 degrees"),
        (1800000001 - (1 << 32) - 1, 180, "outside -180..180 degrees"),
        ("52.5", 90, "not a number"),
        (True, 90, "not a number"),
        (None, 90, "missing"),
    ],
)
def test_impossible_e7_values_are_refused(raw: object, limit: int, reason: str) -> None:
    with pytest.raises(takeout.BadValue) as bad:
        takeout._degrees({"v": raw} if raw is not None else {}, "v", limit)
    assert bad.value.reason == reason


def test_old_records_with_timestamp_ms_and_unsigned_southern_and_western_values() -> None:
    points = good("Records.timestampMs.json")
    assert [(p.at.isoformat(), p.lat, p.lon, p.accuracy) for p in points] == [
        ("2014-11-20T09:00:00+00:00", 52.5302, 13.4015, 20.0),
        ("2014-11-20T09:01:00+00:00", 52.5307, 13.402, 15.0),
        ("2014-11-21T09:00:00+00:00", -33.8568, 151.2153, 30.0),
        ("2014-11-22T09:00:00+00:00", -22.9519, -43.2105, 25.0),
        ("2014-11-23T09:00:00+00:00", 40.758, -73.9855, 12.0),
    ]
    assert [p.activity for p in points] == ["STILL", None, None, None, None]


def test_newer_records_with_iso_timestamps() -> None:
    points = good("Records.timestamp.json")
    assert [(p.at, p.lat, p.lon, p.accuracy, p.activity) for p in points] == [
        (at("2026-11-18T01:05:12.345+00:00"), 31.2243, 121.4575, 8.0, None),
        (at("2026-11-18T01:06:03+00:00"), 31.2253, 121.4588, 14.0, "WALKING"),
        (at("2026-11-19T22:00:00.500+00:00"), -34.6037, -58.3816, 40.0, None),
    ]
    assert all(p.at.tzinfo is not None for p in points)


def test_semantic_month_gives_visits_and_the_fixes_of_travel() -> None:
    records = good(SEMANTIC)
    visits = [r for r in records if isinstance(r, ImportedVisit)]
    points = [r for r in records if isinstance(r, ImportedPoint)]
    assert [(v.name, v.address, v.place_id) for v in visits] == [
        ("恒隆广场", "中国上海市静安区南京西路1266号", "ChIJ3aGk2W9wsjURkLhY1VbZ8Pg"),
        ("上海环球金融中心", "中国上海市浦东新区世纪大道100号", "ChIJ_yF1Fm9wsjURk6Zq8SLpQb8"),
        (
            "Café Kastanie",
            "Kastanienallee 12, 10435 Berlin, Deutschland",
            "ChIJAVkDPzdOqEcRcDteW0YgIQQ",
        ),
        (None, None, None),
    ]
    assert [(v.start, v.end) for v in visits[:2]] == [
        (at("2026-11-18T01:10:00+00:00"), at("2026-11-18T03:45:30.120+00:00")),
        # startTimestampMs, as older semantic files write it
        (at("2026-11-18T04:20:00+00:00"), at("2026-11-18T07:00:00+00:00")),
    ]
    # A visit without a matched place keeps its cluster centre (here written unsigned).
    assert (visits[3].lat, visits[3].lon) == (-33.8688, 151.2093)
    assert [(p.at, p.lat, p.lon, p.accuracy) for p in points] == [
        (at("2026-11-18T03:45:30.120+00:00"), 31.2243, 121.4575, None),
        (at("2026-11-18T04:20:00+00:00"), 31.2397, 121.4998, None),
        (at("2026-11-18T04:00:00+00:00"), 31.233, 121.475, 12.0),
    ]
    assert {p.activity for p in points} == {"IN_SUBWAY"}


# --- broken input ---------------------------------------------------------------------


def test_bad_records_are_problems_on_their_line_and_the_rest_is_read() -> None:
    name = "Records.bad-values.json"
    records = parse(FIXTURES / name)
    assert sum(isinstance(r, ImportedPoint) for r in records) == 1
    item = [line_of(name, "{", after) for after in (2, 8, 14, 19, 23)]
    assert [p.render() for p in records if isinstance(p, ImportProblem)] == [
        f"{name}:{item[1]}: locations[1].latitudeE7: not a number",
        f"{name}:{item[2]}: locations[2].timestamp: not an ISO 8601 time",
        f"{name}:{item[3]}: locations[3].timestamp: missing (neither it nor timestampMs)",
        f"{name}:{item[4]}: locations[4].latitudeE7: outside -90..90 degrees",
    ]


def test_bad_visits_are_problems_on_their_line() -> None:
    name = "2026_DECEMBER.bad.json"
    problems = [r.render() for r in parse(FIXTURES / name) if isinstance(r, ImportProblem)]
    # Each timeline object opens on the line before its "placeVisit".
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    opens = [n - 1 for n, line in enumerate(lines, 1) if '"placeVisit"' in line]
    assert problems == [
        f"{name}:{opens[1]}: timelineObjects[1].placeVisit.duration: missing",
        f"{name}:{opens[2]}: timelineObjects[2].placeVisit.duration.endTimestamp: "
        "before startTimestamp",
    ]


def test_a_truncated_file_is_a_problem_at_its_end_after_the_records_before_it() -> None:
    name = "Records.truncated.json"
    records = parse(FIXTURES / name)
    assert isinstance(records[0], ImportedPoint)
    last_line = len((FIXTURES / name).read_text(encoding="utf-8").splitlines())
    assert records[-1] == ImportProblem(
        str(FIXTURES / name), last_line, "JSON", "not valid JSON (cut short?)"
    )


def test_a_syntax_error_is_reported_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "Records.json"
    path.write_text(
        '{\n  "locations": [\n    {"timestampMs": "1416474000000", "latitudeE7": 1, '
        '"longitudeE7": 2},\n    {"timestampMs" "1416474060000"}\n  ]\n}\n',
        encoding="utf-8",
    )
    records = parse(path)
    assert isinstance(records[0], ImportedPoint)
    assert records[1] == ImportProblem(str(path), 4, "JSON", "not valid JSON (cut short?)")


def test_another_json_file_is_a_problem(tmp_path: Path) -> None:
    assert [p.render() for p in parse(FIXTURES / "Timeline.on-device.json")] == [
        'Timeline.on-device.json:1: JSON: not a Takeout location file ({"locations": [...]})'
    ]
    [problem] = parse(tmp_path / "gone.json")
    assert isinstance(problem, ImportProblem)
    assert problem.field == "file"


def test_problems_never_quote_the_files_values() -> None:
    rendered = [r.render() for r in parse(FIXTURES / "Records.bad-values.json")
                if isinstance(r, ImportProblem)]  # fmt: skip
    assert not any("fünfzig" in p or "gestern" in p for p in rendered)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=(FIXTURES / SEMANTIC).stat().st_size))
def test_a_file_cut_anywhere_never_raises(tmp_path: Path, cut: int) -> None:
    data = (FIXTURES / SEMANTIC).read_bytes()
    path = tmp_path / "cut.json"
    path.write_bytes(data[:cut])
    records = parse(path)
    if cut < len(data.rstrip()):
        assert isinstance(records[-1], ImportProblem)
    kept = [r for r in records if not isinstance(r, ImportProblem)]
    assert kept == good(SEMANTIC)[: len(kept)]


def test_the_users_file_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "Records.json"
    path.write_bytes((FIXTURES / "Records.timestampMs.json").read_bytes())
    path.chmod(stat.S_IRUSR)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    assert len(parse(path)) == 5
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


# --- finding lines after the fast pass --------------------------------------------------

TRICKY = (
    '{"locations": [\n'
    '  {"a": "}{[\\"\\\\", "b": [1, {"c": 2}]},\n'
    '  {"a": "\\\\"},\n'
    "\n"
    '  {"a": "zh 中文 \\u4e2d", "nested": {"x": [[], {}]}}, {"same": "line"},\n'
    '  {"a": "\\\\\\""}\n'
    "]}\n"
)


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 64, 1 << 20])
def test_item_lines_survive_escapes_and_chunk_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    assert len(json.loads(TRICKY)["locations"]) == 5
    path = tmp_path / "tricky.json"
    path.write_text(TRICKY, encoding="utf-8")
    monkeypatch.setattr(json_lines, "_CHUNK", chunk)
    assert json_lines.item_lines(path, range(6)) == {0: 2, 1: 3, 2: 5, 3: 5, 4: 6}


def test_item_lines_in_a_file_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "min.json"
    path.write_text(json.dumps({"locations": [{"a": 1}] * 4}), encoding="utf-8")
    assert json_lines.item_lines(path, [0, 3]) == {0: 1, 3: 1}
    assert json_lines.item_lines(path, []) == {}


# --- memory stays flat -------------------------------------------------------------------


def write_long_records(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n  "locations": [')
        for number in range(count):
            item = {
                "latitudeE7": 525302000 + number,
                "longitudeE7": 134015000 - number,
                "accuracy": 12,
                "timestamp": datetime.fromtimestamp(1_780_000_000 + number * 60, UTC).isoformat(),
                "source": "WIFI",
                "deviceTag": 1978796627,
            }
            out.write(("," if number else "") + "\n    " + json.dumps(item))
        out.write("\n  ]\n}\n")


def peak_while_streaming(path: Path) -> int:
    tracemalloc.start()
    try:
        assert sum(1 for _ in takeout.parse(path, OPTIONS))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    write_long_records(small, 2_000)
    write_long_records(large, 32_000)
    assert large.stat().st_size > 15 * small.stat().st_size
    assert peak_while_streaming(large) < 1.5 * peak_while_streaming(small) + 64 * 1024


# --- through `ownlive import` --------------------------------------------------------------


def run_import(runner: CliRunner, vault_path: Path, path: Path) -> dict[str, object]:
    result = runner.invoke(app, ["--vault", str(vault_path), "--json", "import", str(path)])
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout)
    return report


def stored(vault_path: Path) -> tuple[int, int]:
    with Vault(vault_path) as vault:
        vault.grant("location.precise", subject="test", purpose="count")
        session = vault.session(subject="test", purpose="count")
        return len(session.points()), len(session.visits())


def test_corrupt_file_via_cli_names_file_line_and_field_and_changes_nothing(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, FIXTURES / SEMANTIC)
    before = stored(vault_path)
    name = "Records.bad-values.json"
    result = cli_runner.invoke(app, ["--vault", str(vault_path), "import", str(FIXTURES / name)])
    first = line_of(name, "{", 8)
    assert result.exit_code == 8
    assert result.stderr.splitlines()[:2] == [
        "Error: 4 problem(s) in the file; nothing was imported, "
        f"{name}:{first}: locations[1].latitudeE7: not a number, "
        "fix the file, or pass --skip-invalid to keep the good records",
        f"  {name}:{first}: locations[1].latitudeE7: not a number",
    ]
    assert len(result.stderr.splitlines()) == 5
    assert "Traceback" not in result.output
    assert stored(vault_path) == before


@pytest.mark.parametrize(
    ("name", "points", "visits"),
    [("Records.timestampMs.json", 5, 0), ("Records.timestamp.json", 3, 0), (SEMANTIC, 3, 4)],
)
def test_importing_twice_adds_nothing_the_second_time(
    cli_runner: CliRunner, tmp_path: Path, name: str, points: int, visits: int
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, FIXTURES / name)
    second = run_import(cli_runner, vault_path, FIXTURES / name)
    total = points + visits
    assert (first["new"], first["present"], second["new"], second["present"]) == (
        total,
        0,
        0,
        total,
    )
    assert stored(vault_path) == (points, visits)


def test_skip_invalid_keeps_the_good_fixes(cli_runner: CliRunner, tmp_path: Path) -> None:
    vault_path = tmp_path / "vault.db"
    result = cli_runner.invoke(
        app,
        ["--vault", str(vault_path), "--json", "import", "--skip-invalid",
         str(FIXTURES / "Records.bad-values.json")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == 1
    assert stored(vault_path) == (1, 0)
