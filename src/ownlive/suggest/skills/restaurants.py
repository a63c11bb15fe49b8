"""restaurants: a cuisine or a meal proposed or wanted, with no venue fixed (DESIGN.md 5).

With a location and a places provider (the offline OSM index, or Overpass
when online) the card lists the nearest matching restaurants; without one it
offers a map search, never invented places.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

from ownlive.context.places import Place, PlacesProvider
from ownlive.suggest import intents
from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, Understood
from ownlive.suggest.registry import skill

NEARBY = 3
RADIUS_M = 3000.0
TITLES = {
    "zh": ("附近的{}餐厅", "找{}餐厅"),
    "de": ("{} in der Nähe", "{}-Restaurants suchen"),
    "en": ("{} restaurants nearby", "Find {} restaurants"),
}
SEARCH_WORD = {"zh": "餐厅", "de": "Restaurant", "en": "restaurant"}


def _place_action(place: Place) -> Action:
    distance = (
        f"{place.distance_m / 1000:.1f} km"
        if place.distance_m >= 1000
        else (f"{place.distance_m:.0f} m")
    )
    return Action(
        f"{place.name} ({distance})", f"geo:{place.lat:.6f},{place.lon:.6f}?q={quote(place.name)}"
    )


@skill("restaurants")
def restaurants(message: Understood, context: SuggestContext) -> Iterator[Card]:
    if not intents.food_wish(message):
        return
    cuisines = message.of_type("cuisine")
    cuisine = cuisines[0]
    value = str(cuisine.value["cuisine"])
    found: list[Place] = []
    provider = context.providers.get("places")
    if context.location is not None and provider is not None:
        places: PlacesProvider = provider  # type: ignore[assignment]
        found = places.nearby(
            context.location.lat,
            context.location.lon,
            cuisine=value,
            radius_m=RADIUS_M,
            limit=NEARBY,
        )
    nearby_title, search_title = TITLES[message.lang]
    if found:
        actions = [_place_action(p) for p in found]
        title = nearby_title.format(cuisine.text)
    else:
        query = quote(f"{cuisine.text} {SEARCH_WORD[message.lang]}")
        where = (
            f"{context.location.lat:.4f},{context.location.lon:.4f}" if context.location else "0,0"
        )
        actions = [Action(search_title.format(cuisine.text), f"geo:{where}?q={query}")]
        title = search_title.format(cuisine.text)
    yield Card(
        kind="restaurants",
        title=title,
        actions=actions,
        evidence=[(cuisine.start, cuisine.end)],
        data={"cuisine": value, "places": [p.osm_id for p in found]},
    )
