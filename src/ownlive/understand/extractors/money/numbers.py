"""Amounts as people write them: 1,299.00 / 1.299,00 / 12,- / 两百五 / 1.5万 / fünfzig.

Separators follow the writer: with both "." and "," the later one is the
decimal mark; a lone "," before exactly three digits groups thousands except
in German text; a lone "." before exactly three digits groups thousands in
German text and for euros ("3.000 Euro"), else it is the decimal point.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

ZH_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
MULTIPLIERS = {
    "k": 10**3, "tsd": 10**3, "tausend": 10**3, "thousand": 10**3, "千": 10**3,
    "m": 10**6, "mio": 10**6, "million": 10**6, "millionen": 10**6, "mn": 10**6,
    "billion": 10**9, "bn": 10**9, "mrd": 10**9, "milliarde": 10**9, "milliarden": 10**9,
    "万": 10**4, "亿": 10**8, "萬": 10**4, "億": 10**8, "兆": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
}  # fmt: skip

EN_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
DE_SMALL = {
    "ein": 1, "eins": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
    "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
    "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90,
}  # fmt: skip


def parse_arabic(written: str, *, lang: str, currency: str) -> Decimal | None:
    """1,299.00 -> 1299.00; 1.299,00 -> 1299.00; 12,50 -> 12.50; 12,- -> 12."""
    text = re.sub(r"[\s\u00a0\u202f']", "", written).replace("．", ".")
    text = re.sub(r"[.,][-–—]+$", "", text)
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        text = text.replace(group_mark, "").replace(decimal_mark, ".")
    elif commas:
        head, _, tail = text.rpartition(",")
        grouping = commas > 1 or (len(tail) == 3 and lang != "de")
        text = text.replace(",", "") if grouping else head.replace(",", "") + "." + tail
    elif dots:
        tail = text.rpartition(".")[2]
        grouping = dots > 1 or (len(tail) == 3 and (lang == "de" or currency == "EUR"))
        if grouping:
            text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_chinese(written: str) -> Decimal | None:
    """两百五 -> 250, 一万二 -> 12000, 十五 -> 15, 1.5万 -> 15000, 3千 -> 3000."""
    total = Decimal(0)
    bigs: list[tuple[int, Decimal]] = []  # (big unit, amount counted at it)
    section = Decimal(0)
    number: Decimal | None = None
    last_unit = 0
    zero_seen = False
    for part in re.findall(r"\d+(?:\.\d+)?|.", written):
        if part in "零〇":
            zero_seen = True  # 三千零五: the 五 is ones, not hundreds
            continue
        if (part[0].isdigit() or part in ZH_DIGITS) and number is not None:
            return None  # 三四十 is a range, 一二 no amount
        if part[0].isdigit():
            number = Decimal(part)
        elif part in ZH_DIGITS:
            number = Decimal(ZH_DIGITS[part])
        elif part in ZH_UNITS:
            section += (number if number is not None else 1) * ZH_UNITS[part]
            number, last_unit, zero_seen = None, ZH_UNITS[part], False
        elif part in ZH_BIG:
            # A big unit scales what was counted in smaller ones before it (一万亿 is
            # 10^12) and adds to larger ones (四十九兆九千億: 49*10^12 + 9000*10^8).
            unit = ZH_BIG[part]
            lower = sum((v for u, v in bigs if u < unit), Decimal(0))
            bigs = [(u, v) for u, v in bigs if u > unit]
            bigs.append((unit, (lower + section + (number or 0)) * unit))
            total = sum((v for _, v in bigs), Decimal(0))
            section, number, last_unit, zero_seen = Decimal(0), None, ZH_BIG[part], False
        else:
            return None
    if number is not None:
        # 两百五 / 一万二: a digit after a unit counts in the next unit down.
        implied = last_unit >= 10 and not zero_seen and number < 10
        section += number * (last_unit // 10) if implied else number
    return total + section


def parse_words(words: list[str]) -> Decimal | None:
    """English/German number words: "twenty-five", "a hundred", "fünfundzwanzig", "zwei"."""
    joined = " ".join(w.lower() for w in words)
    tokens = [t for t in re.split(r"[\s-]+", joined) if t and t != "and"]
    if not tokens:
        return None
    if all(t in EN_SMALL or t in {"a", "an", "hundred", "thousand"} for t in tokens):
        return _english(tokens)
    if len(tokens) == 1:
        return _german(tokens[0])
    return None


def _english(tokens: list[str]) -> Decimal | None:
    total, current = 0, 0
    for part in tokens:
        if part in {"a", "an"}:
            current += 1
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            current += EN_SMALL[part]
    if tokens[-1] in {"a", "an"}:
        return None  # "a dollar" is one, but "a" alone before the word is too vague
    return Decimal(total + current)


def _german(word: str) -> Decimal | None:
    """fünfundzwanzig, zweihundertfünfzig, dreitausend, hundert, einen."""
    if word in DE_SMALL:
        return Decimal(DE_SMALL[word])
    for unit, factor in (("tausend", 1000), ("hundert", 100)):
        if unit in word:
            head, _, tail = word.partition(unit)
            head_value = _german(head) if head else Decimal(1)
            tail_value = _german(tail) if tail else Decimal(0)
            if head_value is None or tail_value is None:
                return None
            return head_value * factor + tail_value
    if "und" in word:
        ones, _, tens = word.partition("und")
        if ones in DE_SMALL and tens in DE_SMALL and DE_SMALL[ones] < 10 <= DE_SMALL[tens]:
            return Decimal(DE_SMALL[ones] + DE_SMALL[tens])
    return None


def as_number(amount: Decimal) -> int | float:
    """A JSON number: an int when whole (1299), else a float (12.5)."""
    if amount == amount.to_integral_value():
        return int(amount)
    return float(amount)
