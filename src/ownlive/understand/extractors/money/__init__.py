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
from ownlive.understand.extractors.money import tails
from ownlive.understand.extractors.money.currencies import (
    CODES,
    MILLION_CODES,
    PREFIX_OK,
    SCALED_ONLY,
    SUBUNITS,
    SYMBOLS,
    TENTHS,
    WORDS,
    ZH_TOKENS,
)
from ownlive.understand.extractors.money.numbers import (
    MULTIPLIERS,
    as_number,
    parse_arabic,
    parse_chinese,
    parse_words,
)
from ownlive.understand.quick import AnyOf, caseless, led_by
from ownlive.understand.registry import extractor


def _mark_pattern(mark: str) -> str:
    """One mark's branch of ANCHOR, started by a literal or a character set.

    Branches that all start so let the regex engine scan for their first characters
    in C; a leading lookbehind or (?i:) group would make it try every branch at every
    position. The letter boundary before a word is checked after its first letter.
    """
    dollar = mark.endswith("$") and len(mark) > 1 and mark[:-1].replace(".", "").isalpha()
    # "HK $ 10.05", "us $ 150", "usd$ 15"; one letter keeps its case: "a $5 bill" is
    # no AUD, the "s $" of "music ' s $ 500" no SGD.
    folded = ((mark in WORDS or mark in SUBUNITS) and mark.isascii()) or (dollar and len(mark) > 2)
    first = mark[0]
    head = f"[{caseless(first.lower())}]" if folded and first.isalpha() else re.escape(first)
    if first.isascii() and first.isalpha():
        head += "(?<![A-Za-z].)"
    rest = re.escape(mark[1:-1]) + r" ?\$" if dollar else re.escape(mark[1:])
    if folded and rest:
        rest = f"(?i:{rest})"
    tail = "(?![A-Za-z])" if mark[-1].isascii() and mark[-1].isalpha() else ""
    return head + rest + tail


_TOKENS = sorted({*SYMBOLS, *CODES, *WORDS, *SUBUNITS, *MILLION_CODES}, key=len, reverse=True)
ANCHOR = re.compile("|".join(_mark_pattern(t) for t in _TOKENS))
MARK_AT_END = re.compile(f"(?:{ANCHOR.pattern})$")
# The fast path: the last character of a non-Latin mark (元 币 块 € …: rarer in
# Chinese text than first characters such as 人 or 美), a code, or a word.
_LAST_CHARS = "".join(
    sorted({t[-1] for t in _TOKENS if (not t[-1].isascii() or t[-1] == "$")} - set("分拉"))
)
_QUICK_WORDS = (
    "dollar|euro|buck|yuan|kuai|yen|quid|rupee|rupien|baht|franken|rubel|renminbi|cent|penn"
)
# Marks that stand only beside digits here ("40 usd", "usd 40", "361 million pounds"),
# tested where a digit stands: a word list led by most letters of the alphabet is slow.
_DIGIT_WORDS = (
    "pence|franc|peseta|guilder|markka|lira|naira|riel|pound|pfund|usd|eur|rmb|cny|gbp"
    "|jpy|chf|hkd|aud|sgd|nzd|inr|[a-z]+ (?:rupien|riel|mark|yuan|dollar|rupees|pesos)|d-mark"
)
_CODES_BEFORE = "(?i:usd|eur|rmb|cny|gbp|chf)"
# One alternative at a time, each with a start the regex engine scans for in C
# (ownlive.understand.quick): the case-insensitive words led by their first letters.
QUICK = AnyOf(
    f"[{re.escape(_LAST_CHARS)}]",
    "[A-Z]{3}",
    "[美欧]分",
    "奈拉",
    led_by(
        caseless("".join(sorted({w[0] for w in _QUICK_WORDS.split("|")}))), f"(?i:{_QUICK_WORDS})"
    ),
    rf"[0-9](?=[\d.,' ]{{0,12}}(?:[ -]?[A-Za-z]+\.?){{0,2}}[ -]?(?i:{_DIGIT_WORDS}))",
    rf"[0-9](?:(?<={_CODES_BEFORE}\d)|(?<={_CODES_BEFORE} \d))",
)

ARABIC = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"  # Indian grouping: 12,34,567.89
    r"|\d{1,3}(?:[,.'\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?"
    r"|\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?"
    r"|\d+(?:[.,．]\d+)?)(?:[.,][-–—])?"
)
MULT = (
    r"(?:k|K|[Mm]io\.?|[Mm]illion(?:en)?|mn|[Bb]illion|bn|[Mm]rd\.?|[Mm]illiarden?"
    r"|[Tt]sd\.?|[Tt]ausend|lakhs?|crores?|千|万|亿|萬|億|兆)"
)
ZH_NUM = r"[零〇一二两三四五六七八九十百千万亿萬億兆]+"

AMOUNT_BEFORE = re.compile(
    rf"(?<![\d.,A-Za-z])(?P<num>{ARABIC})(?:[ \u00a0]?(?P<mult>{MULT})(?![A-Za-z]))?[ \u00a0-]?$"
)
ZH_AMOUNT_BEFORE = re.compile(
    rf"(?<![\d.,第几多上])(?P<num>(?:{ARABIC})[十百千万亿萬億兆]*|{ZH_NUM})[ \u00a0]?$"
)
WORDS_BEFORE = re.compile(r"(?:[A-Za-zÄÖÜäöüß]+[ -]){0,4}[A-Za-zÄÖÜäöüß]+[ \u00a0-]$")
AMOUNT_AFTER = re.compile(
    rf"[ \u00a0]{{0,2}}(?P<num>{ARABIC})(?![\d%])(?:[ \u00a0]?(?P<mult>{MULT})(?![A-Za-z]))?"
)
# What may follow 块 when it is money: 钱, particles and adverbs (两百块就够了),
# a per-item count (30块一个). A noun after it makes it pieces (两块蛋糕).
KUAI_FOLLOWERS = set("钱吧啊呀呢了的哦哈啦嘛么左多一二两三四五六七八九十就都也还才够而以起到包搞")
NOT_MONEY_AFTER = {
    "元": set("旦宵素件器老首帅气朝年月组音里论次方宇宙"),
    "欧": set("洲美式盟"),
    "毛": set("衣巾线毯病发笔"),
    "角": set("大形星度落色尺楼"),  # 五角大楼 is the Pentagon
}
# Words before 块 that make it a price even when a noun follows (一共30块买的);
# 买/要/给 are left out: 买两块蛋糕 buys two pieces.
PRICE_CUE = re.compile(r"花|付|收|卖|价|贵|便宜|共|才|只要|仅|转|红包|报销|欠|还|赚|省|值|费|钱")
SCALE_WORD = re.compile(r"(?i:million|billion|mio|mrd|millionen|milliarden|bn|mn)(?![a-z])")
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
    claimed: bool  # the amount touches another mark, which may be its own


def _currency(mark: str, lang: str) -> str:
    if mark == "RMB":
        return "CNY"  # the common name, not an ISO code
    if mark in SUBUNITS:
        return SUBUNITS[mark] or ("EUR" if lang == "de" else "USD")
    return (
        SYMBOLS.get(mark)
        or MILLION_CODES.get(mark)
        or WORDS.get(mark)
        or WORDS.get(mark.lower())
        or mark
    )


def _unit(mark: str) -> Decimal:
    """What one of the mark is worth in its currency: 0.01 for cents, 10^6 for MEUR."""
    if mark in SUBUNITS:
        return Decimal("0.01")
    if mark in TENTHS:
        return Decimal("0.1")
    return Decimal(10**6) if mark in MILLION_CODES else Decimal(1)


def _scale(amount: Decimal, mult: str | None) -> Decimal:
    if not mult:
        return amount
    return amount * MULTIPLIERS[mult.rstrip(".").lower()]


def _after(text: str, doc: Doc, mark: str, start: int, end: int) -> Reading | None:
    """The amount after a prefix mark: $45.99, EUR 12,50, 人民币300元."""
    match = AMOUNT_AFTER.match(text, end)
    if match is None:
        return None
    currency = _currency(mark, doc.lang)
    amount = parse_arabic(match.group("num"), lang=doc.lang, currency=currency)
    if amount is None:
        return None
    amount = _scale(amount, match.group("mult")) * _unit(mark)
    stop = match.end()
    if mark in {"人民币", "RMB"} and text.startswith(("元", "块"), stop):
        stop += 1
    if mark.endswith("$"):
        stop = tails.slang(text, stop)
    spaced = text[end] in SPACE
    conventional = mark not in {"€"} or doc.lang != "de"
    return Reading(start, stop, amount, currency, spaced, conventional, _claimed_after(text, stop))


def _before(text: str, doc: Doc, mark: str, start: int, end: int) -> Reading | None:
    """The amount before a mark: 12,50 €, 299元, 两百块, 45 dollars, fünf Euro."""
    currency = _currency(mark, doc.lang)
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
    if start > 0 and text[start - 1] == "-" and not mark.isalpha():
        return None  # "12-cent" is money, "12-$" is not written
    if mark in SCALED_ONLY and SCALE_WORD.search(text, begin, start) is None:
        return None  # "lost 5 pounds" is a weight
    amount *= _unit(mark)
    stop = end
    if mark in {"块", "元"}:
        stop, amount = tails.tenths(text, stop, amount, mark)
    if mark in {"元", "块"} and text.startswith("人民币", stop):
        stop += 3
    stop, amount = tails.zh_subunit(text, stop, amount, mark)
    if mark.isascii() and mark.upper() in CODES:  # "75 USD million", "20 rmb"
        stop, amount = tails.scale(text, stop, amount)
    if mark in tails.CENT_TOKENS:
        stop, amount = tails.cents(text, stop, amount)
    spaced = text[start - 1] in SPACE if start > 0 else False
    conventional = not mark.endswith(("$", "£"))  # "$5", rarely "5 $"
    return Reading(
        begin, stop, amount, currency, spaced, conventional, _claimed_before(text, begin)
    )


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


def _claimed_before(text: str, begin: int) -> bool:
    """The amount stands right after another mark, which may read it ("rmb 10 usd 20")."""
    head = text[max(0, begin - 12) : begin].rstrip(SPACE)
    return bool(head) and MARK_AT_END.search(head) is not None


def _claimed_after(text: str, stop: int) -> bool:
    """The amount stands right before another mark, which may read it ("10 rmb 20 usd")."""
    return ANCHOR.match(text, stop + (stop < len(text) and text[stop] in SPACE)) is not None


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
        key = mark.replace(" ", "").upper() if "$" in mark else mark
        if key not in SYMBOLS and key not in CODES and key not in MILLION_CODES:
            key = key if key in WORDS or key in SUBUNITS else key.lower()
        if _blocked(text, key, start, end):
            continue
        if key.startswith("cent") and mark[0] == "C" and doc.lang != "de":
            continue  # "50 Cent" the rapper; the English coin is written in lower case
        options = [r for r in (_before(text, doc, key, start, end),) if r is not None]
        if key in PREFIX_OK:
            after = _after(text, doc, key, start, end)
            if after is not None:
                options.append(after)
        if not options:
            continue
        best = min(options, key=lambda r: (r.claimed, r.spaced, not r.conventional))
        if key in {"¥", "￥"} and jpy:
            best = Reading(best.start, best.end, best.amount, "JPY", best.spaced, True, False)
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
