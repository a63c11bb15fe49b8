"""Currency signs, codes and words of zh/en/de text -> ISO 4217 (data only).

`PREFIX_OK` tokens may stand before the amount ("$45.99", "EUR 12,50",
"人民币300"); every token may stand after it ("12,50 €", "299元", "45 dollars").
Left out on purpose: "won" (the past of win), "kr" (three currencies), bare
"pesos"/"刀", "DM" (a direct message) and bare "Mark" (a name). "pound(s)"/"Pfund"
are a weight as often as money: they count only with a scale ("361 million pounds").
Bare "francs" are Swiss francs, the franc still most written about in zh/en/de text.
Letter-led dollar signs ("HK$", "usd$", "c $") match in any case with an optional
space, except a lone "a"/"A" (the article: "a $5 bill").
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
    "₦": "NGN",
    "₱": "PHP",
    "₴": "UAH",
    "₪": "ILS",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "U.S$": "USD",
    "MEX$": "MXN",
    "USD$": "USD",
    "MXN$": "MXN",
    "AUD$": "AUD",
    "CAD$": "CAD",
    "NZD$": "NZD",
    "HKD$": "HKD",
    "SGD$": "SGD",
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
    "奈拉": "NGN",
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
    "chinese yuan": "CNY",
    "francs": "CHF",
    "french francs": "FRF",
    "pesetas": "ESP",
    "guilders": "NLG",
    "dutch guilders": "NLG",
    "markka": "FIM",
    "finnish markka": "FIM",
    "lira": "TRY",
    "turkish lira": "TRY",
    "indian rupees": "INR",
    "mexican pesos": "MXN",
    "naira": "NGN",
    "riel": "KHR",
    "pounds sterling": "GBP",
    "british pounds": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    # Codes as chat writes them ("20 usd"); not "try" (a verb) nor "cad" (a word).
    "usd": "USD",
    "eur": "EUR",
    "rmb": "CNY",
    "cny": "CNY",
    "gbp": "GBP",
    "jpy": "JPY",
    "chf": "CHF",
    "hkd": "HKD",
    "aud": "AUD",
    "sgd": "SGD",
    "nzd": "NZD",
    "inr": "INR",
    # de (Euro, Dollar, Yen and Yuan are shared with en)
    "franken": "CHF",
    "rubel": "RUB",
    "rupien": "INR",
    "kanadische dollar": "CAD",
    "kanadischen dollar": "CAD",
    "australische dollar": "AUD",
    "australischen dollar": "AUD",
    "pfund": "GBP",
    "britische pfund": "GBP",
    "britischen pfund": "GBP",
    "indische rupien": "INR",
    "indischen rupien": "INR",
    "kambodschanische riel": "KHR",
    "kambodschanischen riel": "KHR",
    "finnische mark": "FIM",
    "finnischen mark": "FIM",
    "deutsche mark": "DEM",
    "d-mark": "DEM",
}
# Units of a hundredth, read before the amount only: "50 cents", "470 pence", 三美分.
# cent(s) is the euro cent in German text, the dollar's elsewhere.
SUBUNITS: dict[str, str] = {
    "cents": "",
    "cent": "",
    "pence": "GBP",
    "penny": "GBP",
    "pennies": "GBP",
    "¢": "USD",
    "美分": "USD",
    "欧分": "EUR",
}
# Words that are money only after a scale: "361 million pounds" (not "lost 5 pounds").
SCALED_ONLY = frozenset({"pounds", "pound", "pfund"})
# A million of a code, as finance writes it: "120 MEUR", "MUSD 30".
MILLION_CODES: dict[str, str] = {"MUSD": "USD", "MEUR": "EUR", "MGBP": "GBP", "MAUD": "AUD"}
# Tokens that may stand before the amount.
PREFIX_OK = frozenset(
    {*SYMBOLS, *CODES, *MILLION_CODES, "人民币", "美金", "usd", "eur", "rmb", "cny", "gbp", "chf"}
) - {"円"}
# Words that stand for a unit below the main one (0.1 CNY).
TENTHS = frozenset({"毛钱", "毛", "角"})
# Chinese tokens: the only ones Chinese numerals (两百, 三千) may precede.
ZH_TOKENS = frozenset(t for t in (*WORDS, *SUBUNITS) if "\u4e00" <= t[0] <= "\u9fff")
