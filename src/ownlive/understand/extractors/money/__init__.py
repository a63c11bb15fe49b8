"""Money (DESIGN.md 4.1 "money"): an amount with its currency sign, code or word.

Every currency mark is an anchor; the amount is read right after it ("$45.99",
"EUR 12,50", "人民币300元") or right before it ("12,50 €", "299元", "两百块",
"45 dollars", "fünf Euro"). Values: `amount` a number (German decimal comma,
Chinese numerals, million/Mio./万/亿), `currency` ISO 4217; ¥ and 元/块 are
CNY unless the message speaks of yen (円, 日元, JPY). Bare numbers, discounts
(8折) and percentages carry no currency mark and so are never money.

块 is also the classifier for pieces (两块蛋糕) and 一块 means "together"
(一块去): a 块 followed by a noun counts only after a price word (花了, 一共).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors.money.currencies import (
    CODES,
    PREFIX_OK,
    SYMBOLS,
    TENTHS,
    WORDS,
    ZH_TOKENS,
)
from ownlive.understand.extractors.money.numbers import (
    MULTIPLIERS,
    ZH_DIGITS,
    as_number,
    parse_arabic,
    parse_chinese,
    parse_words,
)
from ownlive.understand.quick import AnyOf, caseless, led_by
from ownlive.understand.registry import extractor


def _mark_pattern(mark: str) -> str:
    escaped = re.escape(mark)
    if mark.endswith("$") and len(mark) >= 3 and mark[:-1].isalpha():
        escaped = re.escape(mark[:-1]) + r" ?\$"  # "HK $ 10.05", "US $ 150"
    if mark in WORDS and mark.isascii():
        escaped = f"(?i:{escaped})"
    if mark[0].isascii() and mark[0].isalpha():
        escaped = f"(?<![A-Za-z]){escaped}"
    if mark[-1].isascii() and mark[-1].isalpha():
        escaped = f"{escaped}(?![A-Za-z])"
    return escaped


_TOKENS = sorted({*SYMBOLS, *CODES, *WORDS}, key=len, reverse=True)
ANCHOR = re.compile("|".join(_mark_pattern(t) for t in _TOKENS))
# The fast path: the last character of a non-Latin mark (元 币 块 € …: rarer in
# Chinese text than first characters such as 人 or 美), a code, or a word.
_LAST_CHARS = "".join(sorted({t[-1] for t in _TOKENS if not t[-1].isascii() or t[-1] == "$"}))
_QUICK_WORDS = "dollar|euro|buck|yuan|kuai|yen|quid|rupee|rupien|baht|franken|rubel|renminbi"
# One alternative at a time, each with a start the regex engine scans for in C
# (ownlive.understand.quick): the case-insensitive words led by their first letters.
QUICK = AnyOf(
    f"[{re.escape(_LAST_CHARS)}]",
    "[A-Z]{3}",
    led_by(
        caseless("".join(sorted({w[0] for w in _QUICK_WORDS.split("|")}))), f"(?i:{_QUICK_WORDS})"
    ),
)

ARABIC = (
    r"(?:\d{1,3}(?:[,.'\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?"
    r"|\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?"
    r"|\d+(?:[.,．]\d+)?)(?:[.,][-–—])?"
)
MULT = (
    r"(?:k|K|[Mm]io\.?|[Mm]illion(?:en)?|mn|[Bb]illion|bn|[Mm]rd\.?|[Mm]illiarden?"
    r"|[Tt]sd\.?|[Tt]ausend|千|万|亿)"
)
ZH_NUM = r"[零〇一二两三四五六七八九十百千万亿]+"

AMOUNT_BEFORE = re.compile(
    rf"(?<![\d.,A-Za-z])(?P<num>{ARABIC})(?:[ \u00a0]?(?P<mult>{MULT})(?![A-Za-z]))?[ \u00a0]?$"
)
ZH_AMOUNT_BEFORE = re.compile(
    rf"(?<![\d.,第几多上])(?P<num>(?:{ARABIC})[十百千万亿]*|{ZH_NUM})[ \u00a0]?$"
)
WORDS_BEFORE = re.compile(r"(?:[A-Za-zÄÖÜäöüß]+[ -]){0,4}[A-Za-zÄÖÜäöüß]+[ \u00a0-]$")
# "3 dollars 50 cents", "thirteen dollars and forty-five cents", "zwei Euro fünfzig".
CENTS_AFTER = re.compile(
    r"(?:[ ](?:and|und))?[ ](?P<n>\d{1,2}|[A-Za-zäöüß]+(?:-[a-z]+)?)"
    r"(?:(?P<c>[ ](?i:cents?))(?![A-Za-z])|(?=[ ]?(?:[.,!?;)]|$)))"
)
CENT_TOKENS = frozenset({"dollars", "dollar", "euros", "euro", "bucks"})
AMOUNT_AFTER = re.compile(
    rf"[ \u00a0]?(?P<num>{ARABIC})(?![\d%])(?:[ \u00a0]?(?P<mult>{MULT})(?![A-Za-z]))?"
)
# 3块5 / 五块五毛钱 / 5元3角: tenths after 块/元.
TENTHS_AFTER = re.compile(r"(?P<d>[一二两三四五六七八九\d])(?P<unit>毛钱|毛|角)?(?P<qian>钱)?")
CLASSIFIERS = "个只张件斤份瓶杯盒包位次本条块套双支碗串根颗粒"
# What may follow 块 when it is money: 钱, particles and adverbs (两百块就够了),
# a per-item count (30块一个). A noun after it makes it pieces (两块蛋糕).
KUAI_FOLLOWERS = set("钱吧啊呀呢了的哦哈啦嘛么左多一二两三四五六七八九十就都也还才够而以起到包搞")
NOT_MONEY_AFTER = {
    "元": set("旦宵素件器老首帅气朝年月组音里论次方宇宙"),
    "欧": set("洲美式盟"),
    "毛": set("衣巾线毯病发笔"),
}
# Words before 块 that make it a price even when a noun follows (一共30块买的);
# 买/要/给 are left out: 买两块蛋糕 buys two pieces.
PRICE_CUE = re.compile(r"花|付|收|卖|价|贵|便宜|共|才|只要|仅|转|红包|报销|欠|还|赚|省|值|费|钱")
JPY_CONTEXT = re.compile(r"円|日元|日币|JPY|(?<![A-Za-z])[Yy]en(?![A-Za-z])")
SPACE = " \u00a0"


@dataclass(frozen=True, slots=True)
class Reading:
    start: int
    end: int
    amount: Decimal
    currency: str
    spaced: bool  # a space between amount and mark
    conventional: bool  # the mark stands where its writers put it


def _currency(mark: str) -> str:
    if mark == "RMB":
        return "CNY"  # the common name, not an ISO code
    return SYMBOLS.get(mark) or WORDS.get(mark) or WORDS.get(mark.lower()) or mark


def _scale(amount: Decimal, mult: str | None) -> Decimal:
    if not mult:
        return amount
    return amount * MULTIPLIERS[mult.rstrip(".").lower()]


def _after(text: str, doc: Doc, mark: str, start: int, end: int) -> Reading | None:
    """The amount after a prefix mark: $45.99, EUR 12,50, 人民币300元."""
    match = AMOUNT_AFTER.match(text, end)
    if match is None:
        return None
    currency = _currency(mark)
    amount = parse_arabic(match.group("num"), lang=doc.lang, currency=currency)
    if amount is None:
        return None
    stop = match.end()
    if mark in {"人民币", "RMB"} and text.startswith(("元", "块"), stop):
        stop += 1
    spaced = text[end] in SPACE
    conventional = mark not in {"€"} or doc.lang != "de"
    return Reading(start, stop, _scale(amount, match.group("mult")), currency, spaced, conventional)


def _before(text: str, doc: Doc, mark: str, start: int, end: int) -> Reading | None:
    """The amount before a mark: 12,50 €, 299元, 两百块, 45 dollars, fünf Euro."""
    currency = _currency(mark)
    lo = max(0, start - 40)
    amount: Decimal | None = None
    begin = start
    match = AMOUNT_BEFORE.search(text, lo, start)
    if match is not None:
        amount = parse_arabic(match.group("num"), lang=doc.lang, currency=currency)
        amount = None if amount is None else _scale(amount, match.group("mult"))
        begin = match.start()
    if amount is None and mark in ZH_TOKENS:
        match = ZH_AMOUNT_BEFORE.search(text, lo, start)
        if match is not None:
            amount, begin = parse_chinese(match.group("num").replace(",", "")), match.start()
    if amount is None and mark.isascii() and mark.isalpha():
        words = WORDS_BEFORE.search(text, lo, start)
        if words is not None:
            amount, begin = _words_amount(words.group(0), words.start())
    if amount is None:
        return None
    if mark in TENTHS:
        amount = amount / 10
    stop = end
    if mark in {"块", "元"}:
        stop, amount = _tenths(text, stop, amount, mark)
    if mark in {"元", "块"} and text.startswith("人民币", stop):
        stop += 3
    if mark in CENT_TOKENS:
        stop, amount = _cents(text, stop, amount)
    spaced = text[start - 1] in SPACE if start > 0 else False
    return Reading(begin, stop, amount, currency, spaced, True)


def _words_amount(words: str, offset: int) -> tuple[Decimal | None, int]:
    """The longest tail of the words before the mark that is a number (five million)."""
    parts = list(re.finditer(r"[A-Za-zÄÖÜäöüß]+", words))
    scale = 1
    if len(parts) > 1 and parts[-1].group(0).lower() in MULTIPLIERS:
        scale = MULTIPLIERS[parts[-1].group(0).lower()]
        parts = parts[:-1]
    for first in range(len(parts)):
        value = parse_words([p.group(0) for p in parts[first:]])
        if value is not None:
            return value * scale, offset + parts[first].start()
    return None, offset


def _cents(text: str, stop: int, amount: Decimal) -> tuple[int, Decimal]:
    match = CENTS_AFTER.match(text, stop)
    if match is None:
        return stop, amount
    written = match.group("n")
    cents = Decimal(written) if written.isdigit() else parse_words([written])
    if cents is None or not 0 < cents < 100:
        return stop, amount
    end = match.end("c") if match.group("c") else match.end("n")
    return end, amount + cents / 100


def _tenths(text: str, stop: int, amount: Decimal, mark: str) -> tuple[int, Decimal]:
    match = TENTHS_AFTER.match(text, stop)
    if match is None:
        return stop, amount
    has_unit = match.group("unit") is not None
    if not has_unit and (mark != "块" or text[match.end() : match.end() + 1] in set(CLASSIFIERS)):
        return stop, amount
    if not has_unit and match.end() < len(text) and text[match.end()].isdigit():
        return stop, amount
    digit = match.group("d")
    tenth = int(digit) if digit.isdigit() else ZH_DIGITS[digit]
    return match.end(), amount + Decimal(tenth) / 10


def _blocked(text: str, mark: str, start: int, end: int) -> bool:
    """A mark that reads as something else here: 元旦, 两块蛋糕, 一块去, 欧洲."""
    following = text[end : end + 1]
    if following in NOT_MONEY_AFTER.get(mark, ()):
        return True
    han_follows = bool(following) and "\u4e00" <= following <= "\u9fff"
    if mark == "块" and han_follows and following not in KUAI_FOLLOWERS:
        return PRICE_CUE.search(text, max(0, start - 10), start) is None
    return mark == "毛" and han_follows and following != "钱"


def _readings(doc: Doc) -> Iterator[Reading]:
    text = doc.text
    jpy = JPY_CONTEXT.search(text) is not None
    for anchor in ANCHOR.finditer(text):
        mark, start, end = anchor.group(0), anchor.start(), anchor.end()
        key = mark.replace(" ", "") if "$" in mark else mark
        key = key if key in SYMBOLS or key in CODES or key in WORDS else key.lower()
        if _blocked(text, key, start, end):
            continue
        options = [r for r in (_before(text, doc, key, start, end),) if r is not None]
        if key in PREFIX_OK:
            after = _after(text, doc, key, start, end)
            if after is not None:
                options.append(after)
        if not options:
            continue
        best = min(options, key=lambda r: (r.spaced, not r.conventional))
        if key in {"¥", "￥"} and jpy:
            best = Reading(best.start, best.end, best.amount, "JPY", best.spaced, True)
        yield best


@extractor("money", requires=("text", "lang"), quick=QUICK)
def find_money(doc: Doc) -> Iterator[Entity]:
    taken = bytearray(len(doc.text))  # covered characters: overlap checks in O(span)
    readings = sorted(_readings(doc), key=lambda r: (-(r.end - r.start), r.spaced, r.start))
    for reading in readings:
        if any(taken[reading.start : reading.end]):
            continue
        taken[reading.start : reading.end] = b"\x01" * (reading.end - reading.start)
        value = {"amount": as_number(reading.amount), "currency": reading.currency}
        text = doc.text[reading.start : reading.end]
        yield Entity("money", reading.start, reading.end, text, value)
