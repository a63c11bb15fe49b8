"""What may follow a read amount and mark and still belong to it (DESIGN.md 4.1 "money").

Each function takes the end of a reading and its amount and returns them, moved on
when the text goes on with a smaller unit ("3 dollars 50 cents", 三块五, 50元6角三分,
两美元又三美分), a scale written after a code ("75 USD million") or a repeated
currency word ("$5 bucks"); else unchanged.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ownlive.understand.extractors.money.numbers import (
    MULTIPLIERS,
    ZH_DIGITS,
    parse_chinese,
    parse_words,
)

# "3 dollars 50 cents", "thirteen dollars and forty-five cents", "zwei Euro fünfzig",
# "thirteen dollars forty five", "17 USD 25.": without "cents" the words must end the phrase.
CENTS_AFTER = re.compile(
    r"(?:[ ](?:and|und))?[ ](?P<n>\d{1,2}|[A-Za-zäöüß]+(?:[ -](?!cents?\b)[a-z]+)?)"
    r"(?:(?P<c>[ ](?i:cents?))(?![A-Za-z])|(?=[ ]?(?:[.,!?;)]|$)))"
)
CENT_TOKENS = frozenset({"dollars", "dollar", "euros", "euro", "bucks", "USD", "EUR", "usd", "eur"})
# 3块5 / 五块五毛钱 / 5元3角 / 50元6角三分: tenths (and hundredths) after 块/元.
TENTHS_AFTER = re.compile(
    r"(?P<d>[一二两三四五六七八九\d])(?P<unit>毛钱|毛|角)?(?P<qian>钱)?"
    r"(?:(?<=[角毛])(?P<f>[一二两三四五六七八九\d])分)?"
)
CLASSIFIERS = "个只张件斤份瓶杯盒包位次本条块套双支碗串根颗粒"
# 两美元又三美分 / 5欧元20欧分: the hundredths of the same currency.
ZH_SUBUNIT_AFTER = {
    "美元": re.compile(r"又?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})美分"),
    "欧元": re.compile(r"又?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})欧分"),
}
SCALE_AFTER = re.compile(r"[ ](?P<m>million|billion|mn|bn|Mio\.?|Mrd\.?)(?![A-Za-z])")
SLANG_AFTER = re.compile(r"[ ]?(?i:bucks|dollars?)(?![A-Za-z])")


def cents(text: str, stop: int, amount: Decimal) -> tuple[int, Decimal]:
    match = CENTS_AFTER.match(text, stop)
    if match is None:
        return stop, amount
    written = match.group("n")
    value = Decimal(written) if written.isdigit() else parse_words(written.split(" "))
    if value is None or not 0 < value < 100:
        return stop, amount
    end = match.end("c") if match.group("c") else match.end("n")
    return end, amount + value / 100


def tenths(text: str, stop: int, amount: Decimal, mark: str) -> tuple[int, Decimal]:
    match = TENTHS_AFTER.match(text, stop)
    if match is None:
        return stop, amount
    has_unit = match.group("unit") is not None
    if not has_unit and (mark != "块" or text[match.end() : match.end() + 1] in set(CLASSIFIERS)):
        return stop, amount
    if not has_unit and match.end() < len(text) and text[match.end()].isdigit():
        return stop, amount
    amount += _digit(match.group("d")) / 10
    if match.group("f"):
        amount += _digit(match.group("f")) / 100
    return match.end(), amount


def zh_subunit(text: str, stop: int, amount: Decimal, mark: str) -> tuple[int, Decimal]:
    pattern = ZH_SUBUNIT_AFTER.get(mark)
    match = pattern.match(text, stop) if pattern is not None else None
    if match is None:
        return stop, amount
    written = match.group("n")
    value = Decimal(written) if written.isdigit() else parse_chinese(written)
    if value is None or not 0 < value < 100:
        return stop, amount
    return match.end(), amount + value / 100


def scale(text: str, stop: int, amount: Decimal) -> tuple[int, Decimal]:
    """ "75 USD million": the scale after a code."""
    match = SCALE_AFTER.match(text, stop)
    if match is None:
        return stop, amount
    return match.end(), amount * MULTIPLIERS[match.group("m").rstrip(".").lower()]


def slang(text: str, stop: int) -> int:
    """ "$5 bucks": a dollar word after a dollar sign repeats it."""
    match = SLANG_AFTER.match(text, stop)
    return stop if match is None else match.end()


def _digit(written: str) -> Decimal:
    return Decimal(int(written) if written.isdigit() else ZH_DIGITS[written])
