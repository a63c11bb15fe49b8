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


@pytest.mark.parametrize(
    ("text", "lang", "span", "amount", "currency"),
    [
        # zh: scales, traditional numerals, hundredths, foreign names
        ("这套房子首付3万元", "zh", "3万元", 30000, "CNY"),
        ("公司去年亏了两亿三千万元", "zh", "两亿三千万元", 230000000, "CNY"),
        (
            "總額為四十九兆九千五百九十二億元",
            "zh",
            "四十九兆九千五百九十二億元",
            49959200000000,
            "CNY",
        ),
        ("这台电脑两美元又三美分", "zh", "两美元又三美分", 2.03, "USD"),
        ("找零50元6角三分", "zh", "50元6角三分", 50.63, "CNY"),
        ("一个鸡蛋才三美分", "zh", "三美分", 0.03, "USD"),
        ("请转账人民币  50元", "zh", "人民币  50元", 50, "CNY"),
        ("我在拉各斯花了445奈拉", "zh", "445奈拉", 445, "NGN"),
        ("给我带五百块", "zh", "五百块", 500, "CNY"),
        ("车费 20 rmb", "zh", "20 rmb", 20, "CNY"),
        # en: cents, pence, scales after codes, lowercase codes, slang, other currencies
        ("egg prices averaged 64.2 cents a dozen", "en", "64.2 cents", 0.642, "USD"),
        ("a stamp is 85 pence now", "en", "85 pence", 0.85, "GBP"),
        ("the shares closed one penny higher", "en", "one penny", 0.01, "GBP"),
        ("a 12-cent dividend per share", "en", "12-cent", 0.12, "USD"),
        ("they lost 75 USD million last year", "en", "75 USD million", 75000000, "USD"),
        (
            "it only cost thirteen dollars forty five",
            "en",
            "thirteen dollars forty five",
            13.45,
            "USD",
        ),
        ("can you lend me $5 bucks?", "en", "$5 bucks", 5, "USD"),
        ("the deal is worth 1.5 million dollars", "en", "1.5 million dollars", 1500000, "USD"),
        ("profit rose to 361 million pounds", "en", "361 million pounds", 361000000, "GBP"),
        ("she was fined 10,000 swiss francs", "en", "10,000 swiss francs", 10000, "CHF"),
        ("the room was 900 francs a week", "en", "900 francs", 900, "CHF"),
        ("paid 40 usd for the taxi", "en", "40 usd", 40, "USD"),
        ("a loan of 35 lakh rupees", "en", "35 lakh rupees", 3500000, "INR"),
        ("a loan of 12,34,567.89 rupees", "en", "12,34,567.89 rupees", 1234567.89, "INR"),
        ("the grant totals 120 MEUR", "en", "120 MEUR", 120000000, "EUR"),
        ("a HK $ 10.05 billion export market", "en", "HK $ 10.05 billion", 10050000000, "HKD"),
        ("fees were usd$ 15 per person", "en", "usd$ 15", 15, "USD"),
        ("a Mex$ 10 million contract", "en", "Mex$ 10 million", 10000000, "MXN"),
        ("I spent 100₾ in Tbilisi", "en", "100₾", 100, "GEL"),
        ("it's 100 chinese yuan each", "en", "100 chinese yuan", 100, "CNY"),
        (
            "it was twenty dollars and fifty cents",
            "en",
            "twenty dollars and fifty cents",
            20.5,
            "USD",
        ),
        # de
        ("Der Kaffee kostet 80 Cent", "de", "80 Cent", 0.8, "EUR"),
        ("zwei Euro und fünfzig Cent", "de", "zwei Euro und fünfzig Cent", 2.5, "EUR"),
        ("Das Projekt kostet 2 Mio. Euro", "de", "2 Mio. Euro", 2000000, "EUR"),
        ("Wir haben 30 kambodschanische Riel bezahlt", "de", "30 kambodschanische Riel", 30, "KHR"),
        ("Das sind 100 indische Rupien", "de", "100 indische Rupien", 100, "INR"),
        ("Opa hatte noch 500 Deutsche Mark", "de", "500 Deutsche Mark", 500, "DEM"),
        ("Er verdient 3 Millionen Pfund im Jahr", "de", "3 Millionen Pfund", 3000000, "GBP"),
        ("Die Uhr kostet 250 Franken", "de", "250 Franken", 250, "CHF"),
        ("Bitte 15 eur überweisen", "de", "15 eur", 15, "EUR"),
    ],
)
def test_money_more(text: str, lang: str, span: str, amount: float, currency: str) -> None:
    assert run(find_money, text, lang) == [(span, {"amount": amount, "currency": currency})]


@pytest.mark.parametrize(
    ("text", "lang", "spans"),
    [
        ("10 rmb 20 usd", "en", ["10 rmb", "20 usd"]),
        ("rmb 10 usd 20", "en", ["rmb 10", "usd 20"]),
        ("$ 20,000.00 $ 37,305.97 february expenses", "en", ["$ 20,000.00", "$ 37,305.97"]),
        ("50 dollar 40 rmb", "en", ["50 dollar", "40 rmb"]),
        ("房租3000元，押金1500元", "zh", ["3000元", "1500元"]),
        ("5 Euro für dich, 10 CHF für mich", "de", ["5 Euro", "10 CHF"]),
    ],
)
def test_neighbouring_amounts(text: str, lang: str, spans: list[str]) -> None:
    assert [span for span, _ in run(find_money, text, lang)] == spans


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("五角大楼宣布了作战计划", "zh"),
        ("会议10分钟后开始", "zh"),
        ("考了95分", "zh"),
        ("下午3点到", "zh"),
        ("电话13812345678", "zh"),
        ("I lost 5 pounds this month", "en"),
        ("the baby weighs 7 pounds", "en"),
        ("I love 50 Cent's music", "en"),
        ("it's 50 percent off", "en"),
        ("a $ sign alone", "en"),
        ("meet at 5:30, version 2.1.3", "en"),
        ("call 555-123-4567", "en"),
        ("music ' s 500 fans", "en"),
        ("try 10 times", "en"),
        ("Mark hat 5 Äpfel", "de"),
        ("Frag Mark, er hat 20 Minuten", "de"),
        ("Treffen am 12.03. um 14 Uhr", "de"),
        ("Das Paket wiegt 3 Pfund", "de"),
        ("Version 3.2 kommt am Montag", "de"),
        ("Es sind 30 % mehr", "de"),
    ],
)
def test_not_money_traps(text: str, lang: str) -> None:
    assert run(find_money, text, lang) == []
