"""Currency signs, codes and words of zh/en/de text -> ISO 4217 (data only).

`PREFIX_OK` tokens may stand before the amount ("$45.99", "EUR 12,50",
"人民币300"); every token may stand after it ("12,50 €", "299元", "45 dollars").
Left out on purpose: "pound(s)"/"Pfund" (a weight as often as money), "won"
(the past of win), "kr" (three currencies), bare "francs"/"pesos"/"刀".
"""

from __future__ import annotations

SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "HK$": "HKD",
    "NT$": "TWD",
    "S$": "SGD",
    "NZ$": "NZD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "￥": "CNY",
    "円": "JPY",
    "₩": "KRW",
    "₹": "INR",
    "₽": "RUB",
    "₺": "TRY",
    "฿": "THB",
    "₫": "VND",
    "Fr.": "CHF",
    "SFr.": "CHF",
}
CODES = frozenset(
    [
        "EUR", "USD", "CNY", "RMB", "GBP", "JPY", "CHF", "HKD", "TWD", "KRW", "AUD", "CAD",
        "SGD", "NZD", "INR", "RUB", "THB", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "TRY",
        "MXN", "BRL", "ZAR", "AED", "VND",
    ]
)  # fmt: skip
WORDS: dict[str, str] = {
    # zh
    "人民币": "CNY",
    "元": "CNY",
    "圆": "CNY",
    "块钱": "CNY",
    "块": "CNY",
    "毛钱": "CNY",
    "毛": "CNY",
    "角": "CNY",
    "美元": "USD",
    "美金": "USD",
    "美刀": "USD",
    "美圆": "USD",
    "欧元": "EUR",
    "欧": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "日币": "JPY",
    "港币": "HKD",
    "港元": "HKD",
    "韩元": "KRW",
    "澳元": "AUD",
    "澳币": "AUD",
    "加元": "CAD",
    "加币": "CAD",
    "新台币": "TWD",
    "台币": "TWD",
    "新加坡元": "SGD",
    "新币": "SGD",
    "瑞士法郎": "CHF",
    "法郎": "CHF",
    "卢布": "RUB",
    "泰铢": "THB",
    "卢比": "INR",
    # en
    "dollars": "USD",
    "dollar": "USD",
    "bucks": "USD",
    "buck": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "kuai": "CNY",
    "yen": "JPY",
    "quid": "GBP",
    "rupees": "INR",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "new zealand dollars": "NZD",
    "baht": "THB",
    "swiss francs": "CHF",
    "us dollars": "USD",
    "us-dollar": "USD",
    "us dollar": "USD",
    # de (Euro, Dollar, Yen and Yuan are shared with en)
    "franken": "CHF",
    "rubel": "RUB",
    "rupien": "INR",
    "kanadische dollar": "CAD",
    "kanadischen dollar": "CAD",
    "australische dollar": "AUD",
    "australischen dollar": "AUD",
}
# Tokens that may stand before the amount.
PREFIX_OK = frozenset({*SYMBOLS, *CODES, "人民币", "美金"}) - {"円"}
# Words that stand for a unit below the main one (0.1 CNY).
TENTHS = frozenset({"毛钱", "毛", "角"})
# Chinese tokens: the only ones Chinese numerals (两百, 三千) may precede.
ZH_TOKENS = frozenset(token for token in WORDS if not token.isascii())
