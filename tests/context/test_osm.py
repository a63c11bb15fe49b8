"""Reading places to eat from OSM XML, PBF and GeoJSON extracts (the shipped Kamppi extract)."""

from __future__ import annotations

from pathlib import Path

import osmium
import pytest

from ownlive.context.osm import (
    PoiProblem,
    PoiRecord,
    ReadStats,
    address_of,
    centroid,
    detect_format,
    has_cuisine,
    normalize_cuisine,
    read_pois,
)
from ownlive.errors import ImportFailed, UsageError
from tests.context.conftest import KAMPPI_GEOJSON, KAMPPI_OSM

THAI = {
    "node/324163194": ("Ryan Thai", 60.1723443, 24.9472155),
    "node/4749101648": ("Tamarin", 60.168319, 24.9393817),
    "node/5906657572": ("Bangkok9", 60.1699637, 24.9416849),
}
GRILL = "way/300626401"  # Helsingin Pystygrilli, a kiosk drawn as a closed way


def to_pbf(source: Path, target: Path) -> Path:
    """The same extract as PBF, written by libosmium (not by the code under test)."""
    writer = osmium.SimpleWriter(str(target))

    class Copy(osmium.SimpleHandler):
        def node(self, n: osmium.osm.Node) -> None:
            writer.add_node(n)

        def way(self, w: osmium.osm.Way) -> None:
            writer.add_way(w)

    Copy().apply_file(str(source))
    writer.close()
    return target


def records(path: Path) -> dict[str, PoiRecord]:
    found = list(read_pois(path))
    assert all(isinstance(r, PoiRecord) for r in found)
    return {r.osm_id: r for r in found if isinstance(r, PoiRecord)}


@pytest.fixture
def kamppi_pbf(tmp_path: Path) -> Path:
    return to_pbf(KAMPPI_OSM, tmp_path / "kamppi.osm.pbf")


def test_xml_extract_yields_every_named_place_to_eat() -> None:
    stats = ReadStats()
    found = [r for r in read_pois(KAMPPI_OSM, stats) if isinstance(r, PoiRecord)]
    assert len(found) == 140 and stats.food_places == 140 and stats.unnamed == 0
    assert {r.kind for r in found} == {"restaurant", "fast_food", "cafe"}
    thai = {r.osm_id: (r.name, r.lat, r.lon) for r in found if has_cuisine(r.cuisine, "thai")}
    assert thai == THAI


def test_all_three_formats_give_the_same_places(kamppi_pbf: Path) -> None:
    from_xml = records(KAMPPI_OSM)
    assert records(KAMPPI_GEOJSON) == from_xml
    from_pbf = records(kamppi_pbf)
    assert from_pbf.keys() == from_xml.keys()
    for osm_id, record in from_xml.items():
        other = from_pbf[osm_id]
        # PBF stores coordinates as integers of 1e-7 degree.
        assert (other.name, other.cuisine, other.address) == (
            record.name,
            record.cuisine,
            record.address,
        )
        assert other.lat == pytest.approx(record.lat, abs=1e-7)
        assert other.lon == pytest.approx(record.lon, abs=1e-7)


def test_a_way_is_placed_at_its_centroid_inside_its_outline() -> None:
    grill = records(KAMPPI_OSM)[GRILL]
    assert (grill.name, grill.kind) == ("Helsingin Pystygrilli", "fast_food")
    assert grill.address == "Rautatientori, 00100 Helsinki"
    # Its four corners in the extract span 60.1709923-60.1710493 N, 24.9446807-24.9447686 E.
    assert 60.1709923 < grill.lat < 60.1710493 and 24.9446807 < grill.lon < 24.9447686
    corners = [
        (60.1710468, 24.9446807),
        (60.1710493, 24.9447619),
        (60.1709948, 24.9447686),
        (60.1709923, 24.9446875),
    ]
    mean = (sum(c[0] for c in corners) / 4, sum(c[1] for c in corners) / 4)
    # A near-rectangle's area centroid is its corners' mean (to well under a metre).
    assert grill.lat == pytest.approx(mean[0], abs=2e-6)
    assert grill.lon == pytest.approx(mean[1], abs=4e-6)


@pytest.mark.parametrize(
    ("path", "fmt"),
    [(KAMPPI_OSM, "osm_xml"), (KAMPPI_GEOJSON, "geojson")],
)
def test_format_is_told_from_the_content(path: Path, fmt: str, tmp_path: Path) -> None:
    assert detect_format(path) == fmt
    renamed = tmp_path / "export.dat"  # the name says nothing
    renamed.write_bytes(path.read_bytes())
    assert detect_format(renamed) == fmt


def test_pbf_is_told_from_the_content(kamppi_pbf: Path) -> None:
    assert detect_format(kamppi_pbf) == "osm_pbf"


@pytest.mark.parametrize(
    "content",
    [b"name,lat,lon\nRyan Thai,60.17,24.94\n", b'{"elements": []}', b"", b"<html></html>"],
)
def test_other_files_are_refused_with_a_fix(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "places.csv"
    path.write_bytes(content)
    with pytest.raises(UsageError) as raised:
        detect_format(path)
    assert raised.value.what == "not an OpenStreetMap extract"
    assert raised.value.where == str(path)


def test_truncated_xml_names_the_file_and_line(tmp_path: Path) -> None:
    cut = tmp_path / "kamppi.osm"
    lines = KAMPPI_OSM.read_text(encoding="utf-8").splitlines(keepends=True)
    cut.write_text("".join(lines[:300]) + '  <node id="1" lat="60.1', encoding="utf-8")
    with pytest.raises(ImportFailed) as raised:
        list(read_pois(cut))
    assert raised.value.where == "kamppi.osm:301"
    assert raised.value.what.startswith("not well-formed XML")


def test_xml_declaring_entities_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.osm"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<osm version="0.6"><node id="1" lat="1" lon="1"><tag k="name" v="&b;"/></node></osm>',
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as raised:
        list(read_pois(bomb))
    assert raised.value.what == "the XML declares entities"


def test_bad_coordinates_are_problems_that_say_where(tmp_path: Path) -> None:
    path = tmp_path / "bad.osm"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n'
        ' <node id="1" lat="95.0" lon="24.9">\n'
        '  <tag k="amenity" v="restaurant"/><tag k="name" v="Norden"/>\n </node>\n'
        ' <node id="2" lat="abc" lon="24.9">\n'
        '  <tag k="amenity" v="cafe"/><tag k="name" v="Kahvila"/>\n </node>\n'
        ' <node id="3" lat="60.17" lon="24.94">\n'
        '  <tag k="amenity" v="restaurant"/><tag k="name" v="Zur Post"/>\n </node>\n'
        ' <way id="9"><nd ref="404"/><tag k="amenity" v="restaurant"/>'
        '<tag k="name" v="Geist"/></way>\n</osm>\n',
        encoding="utf-8",
    )
    found = list(read_pois(path))
    assert [p.render() for p in found if isinstance(p, PoiProblem)] == [
        "bad.osm: line 3: lat/lon: out of range",
        "bad.osm: line 6: lat/lon: missing or not a number",
        "bad.osm: line 12: nd: none of its nodes in the file",
    ]
    assert [r.name for r in found if isinstance(r, PoiRecord)] == ["Zur Post"]


def test_geojson_feature_without_coordinates_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "export.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": ['
        '{"type": "Feature", "properties": {"amenity": "restaurant", "name": "川味小馆"},'
        ' "geometry": {"type": "Point", "coordinates": []}},'
        '{"type": "Feature", "properties": {"amenity": "restaurant", "name": "Zum Löwen",'
        ' "cuisine": "German"}, "geometry": {"type": "Point", "coordinates": [13.4, 52.5]}}]}',
        encoding="utf-8",
    )
    found = list(read_pois(path))
    assert found[0] == PoiProblem("export.geojson", "feature 1", "geometry", "no valid coordinates")
    assert found[1] == PoiRecord(
        "geojson/52.5000000,13.4000000", "restaurant", "Zum Löwen", "german", 52.5, 13.4
    )


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("thai", "thai"),
        ("Noodle", "noodle"),
        ("noodle;japanese", "noodle;japanese"),
        (" Thai ; Vietnamese ;", "thai;vietnamese"),
        ("coffee shop", "coffee_shop"),
        ("pizza;пастрмајлија", "pizza;пастрмајлија"),
        ("", ""),
    ],
)
def test_cuisine_is_normalized(raw: str, normalized: str) -> None:
    assert normalize_cuisine(raw) == normalized


@pytest.mark.parametrize(
    ("cuisine", "wanted", "found"),
    [
        ("thai", "thai", True),
        ("asian;thai", "thai", True),
        ("thai_fusion", "thai", False),
        ("sandwich;italian_pizza", "pizza", False),
        ("noodle;japanese", "japanese", True),
        ("", "thai", False),
    ],
)
def test_cuisine_matches_one_whole_value(cuisine: str, wanted: str, found: bool) -> None:
    assert has_cuisine(cuisine, wanted) is found


@pytest.mark.parametrize(
    ("tags", "address"),
    [
        (
            {
                "addr:street": "Kaivokatu",
                "addr:housenumber": "8",
                "addr:postcode": "00101",
                "addr:city": "Helsinki",
            },
            "Kaivokatu 8, 00101 Helsinki",
        ),
        ({"addr:street": "南京西路", "addr:housenumber": "1266号"}, "南京西路 1266号"),
        ({"addr:city": "Berlin"}, "Berlin"),
        ({}, ""),
    ],
)
def test_address_from_addr_tags(tags: dict[str, str], address: str) -> None:
    assert address_of(tags) == address


def test_centroid_of_a_square_and_of_points() -> None:
    square = [(0.0, 0.0), (0.0, 2.0), (2.0, 2.0), (2.0, 0.0), (0.0, 0.0)]
    assert centroid(square) == pytest.approx((1.0, 1.0))
    assert centroid([(1.0, 1.0), (3.0, 5.0)]) == pytest.approx((2.0, 3.0))
    assert centroid([]) is None
    # An L-shaped building far from the origin: the area centroid, not the corners' mean.
    ell = [
        (60.0, 25.0),
        (60.0, 25.002),
        (60.001, 25.002),
        (60.001, 25.001),
        (60.002, 25.001),
        (60.002, 25.0),
        (60.0, 25.0),
    ]
    lat, lon = centroid(ell)  # type: ignore[misc]
    assert (lat, lon) == pytest.approx((60.0 + 0.001 * 5 / 6, 25.0 + 0.001 * 5 / 6), abs=1e-9)
