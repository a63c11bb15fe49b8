"""The Overpass client, replaying recorded real responses (fixtures/SOURCE.md)."""

from __future__ import annotations

import itertools
import json
import logging

import httpx
import pytest

from ownlive.context.overpass import OVERPASS_URL, OverpassPlaces, build_query, parse_places
from tests.context.conftest import distance_m, raising, recorded, replaying

SKOPJE = "overpass-skopje-fast-food.json"
REMARK = "overpass-remark-timeout.json"
# Near Skopje's Stone Bridge; the true position, never sent as is.
HERE = (41.99612, 21.43161)


def places_for(seen: list[httpx.Request], name: str = SKOPJE, **kwargs: object) -> OverpassPlaces:
    return OverpassPlaces(replaying(recorded(name), seen), **kwargs)  # type: ignore[arg-type]


def expected(cuisine: str, radius_m: float) -> list[tuple[str, float]]:
    """Named, placeable fast food with that cuisine in the recording, by our own distance."""
    found = []
    for element in json.loads(recorded(SKOPJE))["elements"]:
        tags = element.get("tags", {})
        values = [v.strip().lower() for v in tags.get("cuisine", "").split(";")]
        if cuisine in values and tags.get("name") and "lat" in element:
            d = distance_m(*HERE, element["lat"], element["lon"])
            if d <= radius_m:
                found.append((tags["name"], d))
    return sorted(found, key=lambda pair: pair[1])


@pytest.mark.parametrize(
    ("cuisine", "names"),
    [
        ("pizza", ["Domino's Pizza", "four seasons"]),
        (
            "burger",  # "sandwich;burger;chips" counts; 69, 423, 587, 648, 1084 m
            [
                "Burger King",
                "Brisket Sandwich Bar",
                "Burger King",
                "Burger Friends",
                "MFC - Macedonian Fried Chicken",
            ],
        ),
        ("kebab", ["Гирадико"]),
        ("mexican", ["La Puerta", "Ла Пуерта"]),
        ("thai", []),
    ],
)
def test_recorded_places_come_nearest_first(
    cuisine: str, names: list[str], requests_seen: list[httpx.Request]
) -> None:
    found = places_for(requests_seen).nearby(*HERE, cuisine=cuisine, radius_m=3000, limit=10)
    assert [p.name for p in found] == names
    want = expected(cuisine, 3000)
    assert [p.name for p in found] == [name for name, _ in want]
    for place, (_, distance) in zip(found, want, strict=True):
        assert place.distance_m == pytest.approx(distance, rel=1e-6)
    assert all(a.distance_m <= b.distance_m for a, b in itertools.pairwise(found))


def test_address_and_id_come_from_the_tags(requests_seen: list[httpx.Request]) -> None:
    (dominos, _) = places_for(requests_seen).nearby(*HERE, cuisine="pizza", radius_m=3000, limit=2)
    assert dominos.osm_id == "node/5131817487"
    assert dominos.address == "Димитрие Чуповски 26, 1000 Cкoпje"
    assert dominos.cuisine == "pizza"


def test_ways_without_a_center_are_left_out() -> None:
    # The recording was made with `out;`, so its ways (Пицерија Ди Наполи, ...) have no position.
    data = json.loads(recorded(SKOPJE))
    names = {p.name for p in parse_places(data, *HERE, "pizza")}
    assert "Пицерија Ди Наполи" not in names and "Domino's Pizza" in names


def test_only_a_coarse_location_is_sent(requests_seen: list[httpx.Request]) -> None:
    places_for(requests_seen).nearby(*HERE, cuisine="pizza", radius_m=3000, limit=3)
    (request,) = requests_seen
    assert str(request.url).startswith(OVERPASS_URL + "?")
    query = request.url.params["data"]
    # The radius grows by the rounding (800 m) so that nothing near the true point is missed.
    assert "(around:3800,42.00,21.43);" in query
    assert "41.996" not in str(request.url) and "21.4316" not in str(request.url)
    assert '["cuisine"~"(^|;)pizza($|;)"]' in query
    assert query.startswith("[out:json][timeout:10];") and query.endswith("out center tags;")


def test_precise_location_only_when_granted(requests_seen: list[httpx.Request]) -> None:
    places_for(requests_seen, precise=True).nearby(*HERE, cuisine="pizza", radius_m=3000, limit=3)
    assert "(around:3000,41.996120,21.431610);" in requests_seen[0].url.params["data"]


def test_far_places_are_cut_at_the_radius_from_the_true_point(
    requests_seen: list[httpx.Request],
) -> None:
    found = places_for(requests_seen).nearby(*HERE, cuisine="burger", radius_m=700, limit=10)
    assert [p.name for p in found] == [name for name, _ in expected("burger", 700)]
    assert all(p.distance_m <= 700 for p in found)


def test_one_request_per_coarse_place_and_cuisine(requests_seen: list[httpx.Request]) -> None:
    client = places_for(requests_seen)
    client.nearby(*HERE, cuisine="pizza", radius_m=3000, limit=3)
    client.nearby(41.9999, 21.4349, cuisine="pizza", radius_m=3000, limit=3)
    assert len(requests_seen) == 1
    client.nearby(*HERE, cuisine="burger", radius_m=3000, limit=3)
    assert len(requests_seen) == 2


def test_each_request_is_reported_before_it_leaves(requests_seen: list[httpx.Request]) -> None:
    told: list[tuple[str, str, int]] = []
    client = places_for(
        requests_seen, on_request=lambda d, s: told.append((d, s, len(requests_seen)))
    )
    client.nearby(*HERE, cuisine="kebab", radius_m=1000, limit=3)
    assert told == [
        (
            "overpass-api.de",
            "lat,lon rounded to 0.01 degree (about 1 km); amenity and cuisine query",
            0,
        )
    ]


def test_a_runtime_error_remark_gives_no_places_and_a_warning(
    requests_seen: list[httpx.Request], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        found = places_for(requests_seen, REMARK).nearby(
            *HERE, cuisine="thai", radius_m=3000, limit=3
        )
    assert found == []
    assert caplog.messages == ["places: Overpass reported an error (runtime error)"]


def test_a_timeout_gives_no_places_and_a_warning(
    requests_seen: list[httpx.Request], caplog: pytest.LogCaptureFixture
) -> None:
    client = OverpassPlaces(raising(httpx.ReadTimeout, requests_seen))
    with caplog.at_level(logging.WARNING):
        assert client.nearby(*HERE, cuisine="thai", radius_m=3000, limit=3) == []
    assert caplog.messages == ["places: Overpass did not answer within 8 s"]


@pytest.mark.parametrize("status", [429, 500, 504])
def test_an_error_status_gives_no_places_and_a_warning(
    status: int, requests_seen: list[httpx.Request], caplog: pytest.LogCaptureFixture
) -> None:
    client = OverpassPlaces(replaying(b"", requests_seen, status))
    with caplog.at_level(logging.WARNING):
        assert client.nearby(*HERE, cuisine="thai", radius_m=3000, limit=3) == []
    assert caplog.messages == [f"places: Overpass answered HTTP {status}"]
    assert "41.99" not in " ".join(caplog.messages)


@pytest.mark.parametrize("cuisine", ['thai"];node(1);out;', "Thai Food", "泰国菜", "a" * 41])
def test_a_cuisine_that_is_no_osm_value_is_never_sent(
    cuisine: str, requests_seen: list[httpx.Request]
) -> None:
    assert places_for(requests_seen).nearby(*HERE, cuisine=cuisine, radius_m=3000, limit=3) == []
    assert requests_seen == []


def test_query_without_a_cuisine() -> None:
    query = build_query("52.52", "13.40", None, 1500)
    assert query == (
        '[out:json][timeout:10];nwr["amenity"~"^(restaurant|fast_food)$"]["name"]'
        "(around:1500,52.52,13.40);out center tags;"
    )


@pytest.mark.parametrize("body", [[], {"elements": "none"}, {"version": 0.6}])
def test_a_body_without_elements_is_refused(body: object) -> None:
    with pytest.raises(ValueError, match="no elements list"):
        parse_places(body, *HERE, None)
