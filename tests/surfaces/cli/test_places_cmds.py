"""`ownlive places import` and `ownlive places near` on the shipped Kamppi extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ownlive.vault import Vault
from tests.context.conftest import KAMPPI_GEOJSON, KAMPPI_OSM, distance_m
from tests.surfaces.cli.conftest import Invoke

SUMMARY = (
    "Imported {name} ({fmt}): 140 places to eat ({new} new, 0 updated, {present} already "
    "present), 67 with a cuisine; 0 without a name skipped, 0 problem(s)."
)


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("path", "fmt"), [(KAMPPI_OSM, "osm_xml"), (KAMPPI_GEOJSON, "geojson")])
def test_import_prints_a_summary(ownlive: Invoke, path: Path, fmt: str) -> None:
    result = ownlive("places", "import", str(path))
    assert result.exit_code == 0, result.output
    assert one_line(result.output) == SUMMARY.format(name=path.name, fmt=fmt, new=140, present=0)
    again = ownlive("places", "import", str(path))
    assert one_line(again.output) == SUMMARY.format(name=path.name, fmt=fmt, new=0, present=140)


def test_import_as_json_and_logged(ownlive: Invoke, vault_path: Path) -> None:
    report = json.loads(ownlive("--json", "places", "import", str(KAMPPI_OSM)).output)
    assert (report["new"], report["with_cuisine"], report["problems"]) == (140, 67, [])
    with Vault(vault_path) as vault:
        entry = vault.log_entries()[-1]
    assert (entry.event, entry.subject, entry.scope) == ("import", "user", "places.write")


def test_near_lists_the_nearest_thai_restaurants(ownlive: Invoke) -> None:
    ownlive("places", "import", str(KAMPPI_OSM))
    result = ownlive("--json", "places", "near", "60.1699,24.9384", "--cuisine", "thai")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [p["name"] for p in found] == ["Bangkok9", "Tamarin", "Ryan Thai"]  # 182, 184, 558 m
    metres = [distance_m(60.1699, 24.9384, p["lat"], p["lon"]) for p in found]
    assert metres == sorted(metres)
    assert [p["distance_m"] for p in found] == pytest.approx(metres, rel=1e-6)
    close = json.loads(
        ownlive(
            "--json", "places", "near", "60.1699,24.9384", "--cuisine", "Thai", "--radius", "500"
        ).output
    )
    assert [p["name"] for p in close] == ["Bangkok9", "Tamarin"]


def test_near_as_a_table(ownlive: Invoke) -> None:
    ownlive("places", "import", str(KAMPPI_OSM))
    result = ownlive("places", "near", "60.1699,24.9384", "--cuisine", "thai", "--limit", "1")
    assert result.exit_code == 0
    assert "Bangkok9" in result.output and "Kaivokatu 8, 00101 Helsinki" in result.output
    assert "Tamarin" not in result.output


def test_near_with_nothing_imported_says_how_to_fix(ownlive: Invoke) -> None:
    result = ownlive("places", "near", "60.1699,24.9384")
    assert result.exit_code == 0
    assert one_line(result.output) == (
        "No places found; import an extract with: ownlive places import FILE"
    )


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ("Kamppi", "Error: not a location: 'Kamppi', LAT,LON, use LAT,LON"),
        ("60.17", "Error: not a location: '60.17', LAT,LON, use LAT,LON"),
        ("160,24.9", "Error: location out of range: '160,24.9', LAT,LON, use LAT,LON"),
    ],
)
def test_near_refuses_a_bad_point(ownlive: Invoke, where: str, line: str) -> None:
    result = ownlive("places", "near", where)
    assert result.exit_code == 2
    assert result.output.strip() == line


def test_import_refuses_a_file_that_is_no_extract(ownlive: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "restaurants.csv"
    path.write_text("name,lat,lon\nRyan Thai,60.17,24.94\n", encoding="utf-8")
    result = ownlive("places", "import", str(path))
    assert result.exit_code == 2
    assert one_line(result.output) == (
        f"Error: not an OpenStreetMap extract, {path}, use an .osm (XML), .osm.pbf or GeoJSON "
        "file, e.g. from download.geofabrik.de or an overpass-turbo export"
    )


def test_import_of_a_missing_file(ownlive: Invoke, tmp_path: Path) -> None:
    result = ownlive("places", "import", str(tmp_path / "nowhere.osm"))
    assert result.exit_code == 2
    assert (
        result.output.strip() == f"Error: no such file, {tmp_path / 'nowhere.osm'}, check the path"
    )


def test_a_truncated_extract_imports_nothing(ownlive: Invoke, tmp_path: Path) -> None:
    cut = tmp_path / "kamppi.osm"
    cut.write_bytes(KAMPPI_OSM.read_bytes()[:100_000])
    result = ownlive("places", "import", str(cut))
    assert result.exit_code == 8
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("Error: not well-formed XML (") and ", kamppi.osm:" in lines[0]
    assert json.loads(ownlive("--json", "places", "near", "60.1699,24.9384").output) == []


def test_problems_roll_back_unless_skipped(ownlive: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "mixed.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"amenity": "restaurant", "name": "A"},
                        "geometry": {"type": "Point", "coordinates": [24.94, 91.0]},
                    },
                    {
                        "type": "Feature",
                        "id": "node/7",
                        "properties": {"amenity": "restaurant", "name": "Zum Löwen"},
                        "geometry": {"type": "Point", "coordinates": [24.9385, 60.1699]},
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    result = ownlive("places", "import", str(path))
    assert result.exit_code == 8
    assert result.output.splitlines()[0] == (
        "Error: 1 problem(s) in the file; nothing was imported, mixed.geojson: feature 1: "
        "geometry: no valid coordinates, fix the file, or pass --skip-invalid to keep the good "
        "records"
    )
    kept = ownlive("places", "import", str(path), "--skip-invalid")
    assert kept.exit_code == 0
    assert "skipped mixed.geojson: feature 1: geometry: no valid coordinates" in kept.output
    found = json.loads(ownlive("--json", "places", "near", "60.1699,24.9384").output)
    assert [p["name"] for p in found] == ["Zum Löwen"]
