"""Money: amount with its currency sign, code or word; German and Chinese numbers; traps."""

from __future__ import annotations

import pytest

from ownlive.understand.extractors.money import find_money
from tests.understand.extractors.entities import run


@pytest.mark.parametrize(
    ("text", "lang", "span", "amount", "currency"),
    [
        # zh
        ("这件外套¥1,299.00，贵了", "zh", "¥1,299.00", 1299, "CNY"),
        ("只要299元", "zh", "299元", 299, "CNY"),
        ("两百块就够了", "zh", "两百块", 200, "CNY"),
        ("人民币300元", "zh", "人民币300元", 300, "CNY"),
        ("预算3千元左右", "zh", "3千元", 3000, "CNY"),
        ("月薪1.5万元", "zh", "1.5万元", 15000, "CNY"),
        ("花了五十块钱", "zh", "五十块钱", 50, "CNY"),
        ("一杯奶茶三块五", "zh", "三块五", 3.5, "CNY"),
        ("这个30块一个", "zh", "30块", 30, "CNY"),
        ("五毛钱都不给", "zh", "五毛钱", 0.5, "CNY"),
        ("手机一万二千元", "zh", "一万二千元", 12000, "CNY"),
        ("房租两千五百块", "zh", "两千五百块", 2500, "CNY"),
        ("机票2000美元", "zh", "2000美元", 2000, "USD"),
        ("换了100欧元", "zh", "100欧元", 100, "EUR"),
        ("酒店每晚8000日元", "zh", "8000日元", 8000, "JPY"),
        ("才500港币", "zh", "500港币", 500, "HKD"),
        ("给我转 RMB 300", "zh", "RMB 300", 300, "CNY"),
        ("东京的拉面¥980，日元真便宜", "zh", "¥980", 980, "JPY"),
        # en
        ("It was $45.99 in the end", "en", "$45.99", 45.99, "USD"),
        ("I owe you 45 dollars", "en", "45 dollars", 45, "USD"),
        ("Lunch was €5", "en", "€5", 5, "EUR"),
        ("costs USD 1,250.50", "en", "USD 1,250.50", 1250.5, "USD"),
        ("the room is £120 a night", "en", "£120", 120, "GBP"),
        ("twenty bucks for the cab", "en", "twenty bucks", 20, "USD"),
        ("tickets are 35 EUR each", "en", "35 EUR", 35, "EUR"),
        ("raised $2.5 million", "en", "$2.5 million", 2500000, "USD"),
        ("paid HK$380 for dinner", "en", "HK$380", 380, "HKD"),
        ("about 5k€ per month", "en", "5k€", 5000, "EUR"),
        # de
        ("Das macht 12,50 €", "de", "12,50 €", 12.5, "EUR"),
        ("Die Miete ist 3.000 Euro", "de", "3.000 Euro", 3000, "EUR"),
        ("Rechnung über 250,00 EUR", "de", "250,00 EUR", 250, "EUR"),
        ("Kostet nur 5 Euro", "de", "5 Euro", 5, "EUR"),
        ("Preis: 1.299,00 €", "de", "1.299,00 €", 1299, "EUR"),
        ("Eintritt 12,- €", "de", "12,- €", 12, "EUR"),
        ("Hast du zwanzig Euro für mich?", "de", "zwanzig Euro", 20, "EUR"),
        ("Das Ticket kostet 89 CHF", "de", "89 CHF", 89, "CHF"),
        ("Umsatz von 2,5 Mio. Euro", "de", "2,5 Mio. Euro", 2500000, "EUR"),
        ("zwei Euro fünfzig", "de", "zwei Euro fünfzig", 2.5, "EUR"),
        ("ich schulde dir €15", "de", "€15", 15, "EUR"),
        ("Der Flug kostet 450 US-Dollar", "de", "450 US-Dollar", 450, "USD"),
    ],
)
def test_money(text: str, lang: str, span: str, amount: float, currency: str) -> None:
    assert run(find_money, text, lang) == [(span, {"amount": amount, "currency": currency})]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("全场8折", "zh"),
        ("打七五折，满300减50", "zh"),
        ("5万人参加了", "zh"),
        ("我们一块去吃饭", "zh"),
        ("买了两块蛋糕", "zh"),
        ("元旦快乐", "zh"),
        ("三元里站见", "zh"),
        ("去欧洲玩", "zh"),
        ("20% off everything", "en"),
        ("I'll be there at 5", "en"),
        ("we need 3 more chairs", "en"),
        ("Euro 2024 starts today", "en"),
        ("I lost 5 pounds", "en"),
        ("try 5 times", "en"),
        ("Das Spiel endet 2:1", "de"),
        ("Wir sind 12 Leute", "de"),
        ("Rabatt 30 %", "de"),
        ("ab 18 Uhr", "de"),
    ],
)
def test_not_money(text: str, lang: str) -> None:
    assert run(find_money, text, lang) == []


def test_several_amounts() -> None:
    text = "12,50 € oder 3.000 Euro, 250,00 EUR"
    found = run(find_money, text, "de")
    assert [span for span, _ in found] == ["12,50 €", "3.000 Euro", "250,00 EUR"]
    assert [value["amount"] for _, value in found] == [12.5, 3000, 250]


def test_an_amount_is_a_json_number() -> None:
    ((_, value),) = run(find_money, "¥1,299.00", "zh")
    assert isinstance(value["amount"], int) and value["amount"] == 1299
    ((_, value),) = run(find_money, "$45.99", "en")
    assert isinstance(value["amount"], float)
