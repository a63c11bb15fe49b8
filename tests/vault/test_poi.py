"""The offline places index in a real vault: import, nearby by R*Tree, forget, restore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ownlive.context.osm import PoiProblem, PoiRecord, detect_format, read_pois
from ownlive.errors import ImportFailed
from ownlive.vault import Vault, poi
from ownlive.vault.erase import forget_everything, forget_source, list_sources
from ownlive.vault.export import export_vault
from ownlive.vault.restore import restore_vault
from tests.conftest import Clock, assert_access_logged
from tests.context.conftest import KAMPPI, KAMPPI_GEOJSON, KAMPPI_OSM, distance_m


def load(vault: Vault, path: Path = KAMPPI_OSM, **kwargs: bool) -> poi.PoiImport:
    return poi.import_pois(vault, path, detect_format(path), read_pois(path), **kwargs)


def test_import_writes_every_place_and_is_logged(vault: Vault) -> None:
    report = load(vault)
    assert (report.new, report.updated, report.present) == (140, 0, 0)
    assert report.with_cuisine == 67
    assert poi.count(vault) == 140
    assert_access_logged(vault, [("import", "user", "places.write")])
    entry = vault.log_entries()[-1]
    assert entry.detail == {"format": "osm_xml", "new": 140, "present": 0, "problems": 0}
    (source,) = list_sources(vault)
    assert (source.platform, source.format, source.file_name) == (
        "osm",
        "osm_xml",
        "helsinki-kamppi.osm",
    )


def test_reimport_adds_nothing_twice(vault: Vault) -> None:
    load(vault)
    again = load(vault)
    assert (again.new, again.updated, again.present) == (0, 0, 140)
    # The same places from the GeoJSON export: another source, the same OSM ids.
    other = load(vault, KAMPPI_GEOJSON)
    assert (other.new, other.updated, other.present) == (0, 0, 140)
    assert poi.count(vault) == 140


def test_a_newer_extract_moves_and_renames_a_place(vault: Vault, tmp_path: Path) -> None:
    load(vault, KAMPPI_GEOJSON)
    data = json.loads(KAMPPI_GEOJSON.read_text(encoding="utf-8"))
    for feature in data["features"]:
        if feature["id"] == "node/5906657572":  # Bangkok9, moved ~1 km north for the test
            feature["geometry"]["coordinates"][1] += 0.009
            feature["properties"]["name"] = "Bangkok 9"
    newer = tmp_path / "kamppi-newer.geojson"
    newer.write_text(json.dumps(data), encoding="utf-8")
    report = load(vault, newer)
    assert (report.new, report.updated, report.present) == (0, 1, 139)
    near_old = poi.nearby(vault, 60.1699637, 24.9416849, cuisine="thai", radius_m=100, limit=5)
    assert near_old == []
    (moved,) = poi.nearby(vault, 60.1789637, 24.9416849, cuisine="thai", radius_m=100, limit=5)
    assert moved.name == "Bangkok 9" and moved.distance_m < 1


def test_nearby_thai_restaurants_in_distance_order(vault: Vault) -> None:
    load(vault)
    found = poi.nearby(vault, *KAMPPI, cuisine="thai", radius_m=3000, limit=10)
    assert [p.name for p in found] == ["Bangkok9", "Tamarin", "Ryan Thai"]
    independent = [distance_m(*KAMPPI, p.lat, p.lon) for p in found]
    assert independent == sorted(independent)
    for place, metres in zip(found, independent, strict=True):
        assert place.distance_m == pytest.approx(metres, rel=1e-6)
    assert [round(p.distance_m) for p in found] == [182, 184, 558]
    assert found[0].osm_id == "node/5906657572"
    assert found[0].address == "Kaivokatu 8, 00101 Helsinki"


@pytest.mark.parametrize(
    ("cuisine", "radius", "names"),
    [
        ("thai", 200, ["Bangkok9", "Tamarin"]),
        ("thai", 100, []),
        ("japanese", 3000, ["Momotoko"]),  # cuisine=noodle;japanese
        ("noodle", 3000, ["Momotoko", "Noodle Bar"]),  # "Noodle" in the extract
        ("sichuan", 3000, []),
    ],
)
def test_nearby_matches_one_cuisine_value_within_the_radius(
    vault: Vault, cuisine: str, radius: float, names: list[str]
) -> None:
    load(vault)
    found = poi.nearby(vault, *KAMPPI, cuisine=cuisine, radius_m=radius, limit=10)
    assert sorted(p.name for p in found) == sorted(names)
    assert all(p.distance_m <= radius for p in found)


def test_nearby_without_a_cuisine_leaves_cafes_out(vault: Vault) -> None:
    load(vault)
    found = poi.nearby(vault, *KAMPPI, cuisine=None, radius_m=100, limit=3)
    assert [(p.name, round(p.distance_m)) for p in found] == [
        ("Loiste", 47),
        ("Casa Largo", 60),
        ("Brasserie Le Havre", 64),
    ]


def test_reading_needs_no_grant_and_logs_nothing(vault: Vault) -> None:
    load(vault)
    before = vault.log_head()
    assert poi.nearby(vault, *KAMPPI, cuisine="thai", radius_m=3000, limit=3)
    assert vault.log_head() == before
    assert vault.grants() == []


def test_problems_roll_the_whole_import_back(vault: Vault) -> None:
    good = PoiRecord("node/1", "restaurant", "Zum Löwen", "german", 52.5, 13.4)
    bad = PoiProblem("x.osm", "line 7", "lat/lon", "out of range")
    with pytest.raises(ImportFailed) as raised:
        poi.import_pois(vault, KAMPPI_OSM, "osm_xml", [good, bad])
    assert raised.value.where == "x.osm: line 7: lat/lon: out of range"
    assert poi.count(vault) == 0 and list_sources(vault) == []
    kept = poi.import_pois(vault, KAMPPI_OSM, "osm_xml", [good, bad], skip_invalid=True)
    assert (kept.new, len(kept.problems)) == (1, 1)


def test_forgetting_the_source_removes_its_places(vault: Vault) -> None:
    load(vault)
    (source,) = list_sources(vault)
    forget_source(vault, source.id)
    assert poi.count(vault) == 0
    assert poi.nearby(vault, *KAMPPI, cuisine=None, radius_m=5000, limit=5) == []
    assert poi.ensure_index(vault) is False  # the tree went with the rows


def test_forgetting_everything_removes_the_places(vault: Vault) -> None:
    load(vault)
    forget_everything(vault)
    assert poi.count(vault) == 0
    assert poi.nearby(vault, *KAMPPI, cuisine=None, radius_m=5000, limit=5) == []


def test_after_a_restore_the_index_is_rebuilt(vault: Vault, tmp_path: Path, clock: Clock) -> None:
    load(vault)
    export_vault(vault, tmp_path / "vault.zip")
    restore_vault(tmp_path / "vault.zip", tmp_path / "restored.db", clock=clock)
    with Vault(tmp_path / "restored.db", clock=clock) as restored:
        assert poi.count(restored) == 140
        assert poi.ensure_index(restored) is True  # the restore left the tree empty
        found = poi.nearby(restored, *KAMPPI, cuisine="thai", radius_m=3000, limit=3)
        assert [p.name for p in found] == ["Bangkok9", "Tamarin", "Ryan Thai"]
        assert poi.ensure_index(restored) is False
