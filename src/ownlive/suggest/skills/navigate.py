"""navigate ⇔ an address: a geo: URI and the map app the user's language suggests."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, Understood
from ownlive.suggest.registry import skill

TITLES = {"zh": "导航到 {}", "de": "Route zu {}", "en": "Directions to {}"}


def map_actions(query: str, lang: str) -> list[Action]:
    """geo: for any map app (RFC 5870 with a query), plus a web map for the language."""
    q = quote(query)
    actions = [
        Action(
            {"zh": "打开地图", "de": "In Karten öffnen", "en": "Open in maps"}[lang],
            f"geo:0,0?q={q}",
        )
    ]
    if lang == "zh":
        actions.append(Action("高德地图", f"https://uri.amap.com/search?keyword={q}"))
    else:
        label = "OpenStreetMap"
        actions.append(Action(label, f"https://www.openstreetmap.org/search?query={q}"))
    return actions


@skill("navigate")
def navigate(message: Understood, context: SuggestContext) -> Iterator[Card]:
    for address in message.of_type("address"):
        formatted = str(address.value.get("formatted") or address.text)
        query = formatted
        if address.value.get("city") and str(address.value["city"]) not in formatted:
            query = f"{formatted}, {address.value['city']}"
        yield Card(
            kind="navigate",
            title=TITLES[message.lang].format(formatted),
            actions=map_actions(query, message.lang),
            evidence=[(address.start, address.end)],
            data={"address": address.value},
        )
