"""Restaurant cards from the offline index, and the offline-before-online chain."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ownlive.context.osm import detect_format, read_pois
from ownlive.context.places import Place
from ownlive.context.places_index import OfflinePlaces, PlacesChain, offline_places
from ownlive.suggest.engine import Location, SuggestContext, Understood
from ownlive.suggest.skills.restaurants import restaurants
from ownlive.understand import Entity
from ownlive.vault import Vault, poi
from tests.context.conftest import KAMPPI, KAMPPI_OSM

HELSINKI = timezone(timedelta(hours=2))
SENT = datetime(2026, 11, 20, 17, 30, tzinfo=HELSINKI)


def understood(text: str, lang: str, cuisine_text: str, cuisine: str) -> Understood:
    start = text.index(cuisine_text)
    entity = Entity("cuisine", start, start + len(cuisine_text), cuisine_text, {"cuisine": cuisine})
    return Understood(text, SENT, lang, [entity])


@pytest.fixture
def indexed(vault: Vault) -> Vault:
    poi.import_pois(vault, KAMPPI_OSM, detect_format(KAMPPI_OSM), read_pois(KAMPPI_OSM))
    return vault


class Recording:
    """A places provider that answers from a list and notes that it was asked."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.asked = 0

    def nearby(
        self, lat: float, lon: float, *, cuisine: str | None, radius_m: float, limit: int
    ) -> list[Place]:
        self.asked += 1
        return self.places[:limit]


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "title"),
    [
        ("Thai food tonight?", "en", "Thai", "Thai restaurants nearby"),
        ("Lust auf Thai heute Abend?", "de", "Thai", "Thai in der Nähe"),
        ("今晚想吃泰国菜吗？", "zh", "泰国菜", "附近的泰国菜餐厅"),
    ],
)
def test_restaurant_card_lists_the_nearest_thai_places_offline(
    indexed: Vault, text: str, lang: str, fragment: str, title: str
) -> None:
    context = SuggestContext(
        now=SENT,
        location=Location(*KAMPPI),
        offline=True,
        providers={"places": OfflinePlaces(indexed)},
    )
    (card,) = restaurants(understood(text, lang, fragment, "thai"), context)
    assert card.title == title
    assert [a.label for a in card.actions] == [
        "Bangkok9 (182 m)",
        "Tamarin (184 m)",
        "Ryan Thai (558 m)",
    ]
    assert card.actions[0].uri == "geo:60.169964,24.941685?q=Bangkok9"
    assert card.data["places"] == ["node/5906657572", "node/4749101648", "node/324163194"]


def test_without_matching_places_the_card_offers_a_map_search(indexed: Vault) -> None:
    context = SuggestContext(
        location=Location(*KAMPPI), providers={"places": OfflinePlaces(indexed)}
    )
    (card,) = restaurants(understood("川菜 tonight? I'm hungry", "en", "川菜", "sichuan"), context)
    assert card.title == "Find 川菜 restaurants"
    assert card.actions[0].uri.startswith("geo:60.1699,24.9384?q=")


def test_no_vault_or_an_empty_one_gives_no_index(vault: Vault) -> None:
    assert offline_places(None) is None
    assert offline_places(vault) is None


def test_the_chain_asks_online_only_where_the_index_knows_nothing(indexed: Vault) -> None:
    online = Recording([Place("Sukhothai", 60.17, 24.94, "thai", 120.0, "", "node/1")])
    chain = PlacesChain([OfflinePlaces(indexed), online])
    found = chain.nearby(*KAMPPI, cuisine="thai", radius_m=3000, limit=3)
    assert [p.name for p in found] == ["Bangkok9", "Tamarin", "Ryan Thai"] and online.asked == 0
    found = chain.nearby(*KAMPPI, cuisine="sichuan", radius_m=3000, limit=3)
    assert [p.name for p in found] == ["Sukhothai"] and online.asked == 1
    assert (
        PlacesChain([Recording([]), Recording([])]).nearby(
            *KAMPPI, cuisine="thai", radius_m=1, limit=1
        )
        == []
    )
