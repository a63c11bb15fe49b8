"""Cuisines: the food word (whole word in zh), its OSM value, and what is no cuisine."""

from __future__ import annotations

import pytest

from ownlive.understand.extractors.cuisine import find_cuisines
from tests.understand.extractors.entities import run


@pytest.mark.parametrize(
    ("text", "span", "cuisine"),
    [
        # zh: the whole word
        ("今晚想吃泰国菜", "泰国菜", "thai"),
        ("去吃川菜吧", "川菜", "sichuan"),
        ("周末一起吃火锅？", "火锅", "hot_pot"),
        ("中午吃日料怎么样", "日料", "japanese"),
        ("楼下新开了一家韩料", "韩料", "korean"),
        ("晚上去撸串", "撸串", "barbecue"),
        ("想吃麻辣烫", "麻辣烫", "malatang"),
        ("去吃湘菜馆", "湘菜", "hunan"),
        ("点个披萨外卖吧", "披萨", "pizza"),
        ("这家寿司不错", "寿司", "sushi"),
        ("来碗兰州拉面", "兰州拉面", "noodle"),
        ("早上去喝早茶", "早茶", "dim_sum"),
        ("今晚吃小龙虾！", "小龙虾", "seafood"),
        ("饿了，点个汉堡", "汉堡", "burger"),
        ("附近有好吃的越南粉吗", "越南粉", "vietnamese"),
        ("找家中餐厅", "中餐", "chinese"),
        # en: the food word without generic nouns
        ("Let's get thai food tonight", "thai", "thai"),
        ("I'd love some sushi", "sushi", "sushi"),
        ("craving Mexican", "Mexican", "mexican"),
        ("Indian tonight?", "Indian", "indian"),
        ("Maybe Thai tonight?", "Thai", "thai"),
        ("想吃日式料理", "日式料理", "japanese"),
        ("Anyone up for ramen?", "ramen", "ramen"),
        ("We could order pizza", "pizza", "pizza"),
        ("There's a new Korean BBQ place downtown", "Korean BBQ", "korean"),
        ("dim sum on Sunday?", "dim sum", "dim_sum"),
        ("Fancy a kebab after the pub?", "kebab", "kebab"),
        ("a great north indian restaurant", "north indian", "indian"),
        ("hot pot tonight!", "hot pot", "hot_pot"),
        ("the vegan food there is great", "vegan", "vegan"),
        # de: the food word, demonyms as restaurants
        ("Gehen wir zum Italiener?", "Italiener", "italian"),
        ("Heute beim Griechen essen", "Griechen", "greek"),
        ("Lust auf Sushi?", "Sushi", "sushi"),
        ("Ich hol mir nen Döner", "Döner", "kebab"),
        ("Lust auf Thai?", "Thai", "thai"),
        ("Pizza heute Abend?", "Pizza", "pizza"),
        ("Wollen wir indisch essen?", "indisch", "indian"),
        ("Wie wär's mit Italienisch heute?", "Italienisch", "italian"),
        ("Kennst du eine gute Sushibar?", "Sushi", "sushi"),
        ("vietnamesisches Essen ist mein Favorit", "vietnamesisches", "vietnamese"),
        ("Lass uns Burger essen gehen", "Burger", "burger"),
        ("Wir bestellen beim Chinesen", "Chinesen", "chinese"),
        ("In der Dönerbude am Eck", "Döner", "kebab"),
    ],
)
def test_cuisines(text: str, span: str, cuisine: str) -> None:
    assert run(find_cuisines, text) == [(span, {"cuisine": cuisine})]


@pytest.mark.parametrize(
    "text",
    [
        # brands and venue names
        "Pizza Hut or Burger King?",
        "Meet me at McDonald's",
        "去海底捞",
        "必胜客见",
        "Dinner at Thai Orchid on Friday",
        "Dinner at Royal Thai tonight?",
        "Let's meet at Golden Sushi for lunch",
        "Thai Nguyen joins us for dinner",
        "Lunch bei Vapiano?",
        # home cooking
        "我们在家包饺子",
        "我妈做的火锅最好吃",
        "I'll cook pasta tonight",
        "Mama's curry is the best",
        "Ich koche heute Curry",
        "Omas Pizza ist die beste",
        # people, languages and other things
        "Greek yoghurt and French fries",
        "I speak Chinese.",
        "Mein Kollege ist Italiener.",
        "Happy Chinese New Year!",
        "She got a Thai massage",
        "Sprichst du Spanisch?",
        "Auf Deutsch bitte",
        "他去汉堡出差了",
        "中餐吃什么",
        "We visited the Italian Alps",
        "Turkish Airlines flight tomorrow",
    ],
)
def test_not_cuisines(text: str) -> None:
    assert run(find_cuisines, text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("想吃泰国菜还是火锅？", ["泰国菜", "火锅"]),
        ("晚上撸串还是吃烧烤", ["撸串", "烧烤"]),
        ("Indian or Chinese tonight?", ["Indian", "Chinese"]),
        ("Thai oder Inder? Lust auf was Scharfes", ["Thai", "Inder"]),
        ("Gehen wir zum Inder oder zum Vietnamesen?", ["Inder", "Vietnamesen"]),
    ],
)
def test_several_cuisines(text: str, spans: list[str]) -> None:
    assert [span for span, _ in run(find_cuisines, text)] == spans


def test_a_cuisine_in_a_travel_tip_counts() -> None:
    """Every explicit mention counts (DESIGN.md 4.1), whether or not a card follows."""
    assert run(find_cuisines, "In Bangkok you must try the street food, pad thai everywhere") == [
        ("pad thai", {"cuisine": "thai"})
    ]
