"""Number words the datetime grammars read: Chinese numerals, German and English words.

Each language gives a regex fragment (for building patterns) and a parser that
turns the matched text into an int, or None when it is not a number we read.
Only the ranges time expressions need are covered (0–99, Chinese years digit
by digit), which keeps the alternations short and the scans fast.
"""

from __future__ import annotations

# --- Chinese ---------------------------------------------------------------

_ZH_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_TENS = {"十": 10, "廿": 20, "卅": 30}

ZH_NUM = r"(?:\d{1,2}|[零〇一二两三四五六七八九十廿卅]{1,3})"
ZH_YEAR = r"(?:\d{4}|\d{2}|[零〇一二三四五六七八九]{4}|[零〇一二三四五六七八九]{2})"


def zh_int(text: str) -> int | None:
    """'7' -> 7, '十一' -> 11, '二十三' -> 23, '廿五' -> 25, '两' -> 2, '二〇二六' -> 2026."""
    if text.isdigit():
        return int(text)
    if not text:
        return None
    if all(c in _ZH_DIGIT for c in text):
        if len(text) == 1:
            return _ZH_DIGIT[text]
        if "两" in text:
            return None
        # Digit by digit, as years are read: 二〇二六
        return int("".join(str(_ZH_DIGIT[c]) for c in text))
    for tens_char, tens in _ZH_TENS.items():
        if tens_char in text:
            head, _, tail = text.partition(tens_char)
            if tens_char == "十":
                if head == "":
                    base = 10
                elif head in _ZH_DIGIT and head != "两" and len(head) == 1:
                    base = _ZH_DIGIT[head] * 10
                else:
                    return None
            elif head:
                return None
            else:
                base = tens
            if tail == "":
                return base
            if len(tail) == 1 and tail in _ZH_DIGIT and tail not in "零〇两":
                return base + _ZH_DIGIT[tail]
            return None
    return None


def zh_year(text: str) -> int | None:
    """'2026', '26', '二〇二六', '二六' -> a four-digit year."""
    value = int(text) if text.isdigit() else zh_int(text)
    if value is None:
        return None
    return value + 2000 if len(text) == 2 else value


# --- English ---------------------------------------------------------------

_EN_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_EN_SMALL = "one|two|three|four|five|six|seven|eight|nine"

EN_HOUR_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"  # clock hours
EN_NUM = (
    r"(?:\d{1,3}|a|an|a\s+couple\s+of|couple\s+of|a\s+few|"
    rf"(?:twenty|thirty|forty|fifty)(?:[-\s](?:{_EN_SMALL}))?|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)


def en_int(text: str) -> int | None:
    """'7' -> 7, 'seven' -> 7, 'twenty-five' -> 25, 'a'/'an' -> 1, 'a couple of' -> 2."""
    word = " ".join(text.lower().replace("-", " ").split())
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    if word in ("a couple of", "couple of"):
        return 2
    if word == "a few":
        return 3
    if word in _EN_UNITS:
        return _EN_UNITS[word]
    head, _, tail = word.partition(" ")
    if head in _EN_TENS:
        if not tail:
            return _EN_TENS[head]
        if tail in _EN_UNITS and _EN_UNITS[tail] < 10:
            return _EN_TENS[head] + _EN_UNITS[tail]
    return None


EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
for _unit, _n in list(EN_ORDINALS.items())[:9]:
    EN_ORDINALS[f"twenty-{_unit}"] = 20 + _n
    EN_ORDINALS[f"twenty {_unit}"] = 20 + _n
EN_ORDINALS["thirty-first"] = EN_ORDINALS["thirty first"] = 31
EN_ORDINAL = "(?:" + "|".join(sorted(EN_ORDINALS, key=len, reverse=True)) + ")"

# --- German ----------------------------------------------------------------

_DE_UNITS = {
    "null": 0,
    "ein": 1,
    "eins": 1,
    "eine": 1,
    "einer": 1,
    "einem": 1,
    "einen": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "fünfundvierzig": 45,
    "fünfundzwanzig": 25,
    "fünfunddreißig": 35,
    "einundzwanzig": 21,
    "zweiundzwanzig": 22,
    "dreiundzwanzig": 23,
    "vierundzwanzig": 24,
    "paar": 2,
}
DE_HOUR_WORD = (
    r"(?:eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
    r"dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|"
    r"einundzwanzig|zweiundzwanzig|dreiundzwanzig|null)"
)
DE_NUM = (
    r"(?:\d{1,3}|ein\s+paar|fünfundvierzig|fünfundzwanzig|fünfunddreißig|einundzwanzig|"
    r"zweiundzwanzig|dreiundzwanzig|vierundzwanzig|dreizehn|vierzehn|fünfzehn|sechzehn|"
    r"siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|sechzig|"
    r"einem|einer|einen|eine|eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|"
    r"elf|zwölf)"
)


def de_int(text: str) -> int | None:
    """'8' -> 8, 'acht' -> 8, 'einer' -> 1, 'ein paar' -> 2."""
    word = " ".join(text.lower().split())
    if word.isdigit():
        return int(word)
    if word == "ein paar":
        return 2
    return _DE_UNITS.get(word)


_DE_ORDINAL_STEMS = {
    "erst": 1,
    "zweit": 2,
    "dritt": 3,
    "viert": 4,
    "fünft": 5,
    "sechst": 6,
    "siebt": 7,
    "acht": 8,
    "neunt": 9,
    "zehnt": 10,
    "elft": 11,
    "zwölft": 12,
    "dreizehnt": 13,
    "vierzehnt": 14,
    "fünfzehnt": 15,
    "sechzehnt": 16,
    "siebzehnt": 17,
    "achtzehnt": 18,
    "neunzehnt": 19,
    "zwanzigst": 20,
    "einundzwanzigst": 21,
    "zweiundzwanzigst": 22,
    "dreiundzwanzigst": 23,
    "vierundzwanzigst": 24,
    "fünfundzwanzigst": 25,
    "sechsundzwanzigst": 26,
    "siebenundzwanzigst": 27,
    "achtundzwanzigst": 28,
    "neunundzwanzigst": 29,
    "dreißigst": 30,
    "einunddreißigst": 31,
}
DE_ORDINAL = "(?:" + "|".join(sorted(_DE_ORDINAL_STEMS, key=len, reverse=True)) + r")(?:e[nmr]?|es)"


def de_ordinal(text: str) -> int | None:
    """'dritten' -> 3, 'einunddreißigsten' -> 31."""
    word = text.lower()
    for suffix in ("en", "em", "er", "es", "e"):
        if word.endswith(suffix):
            return _DE_ORDINAL_STEMS.get(word[: -len(suffix)])
    return None


EN_MINUTE_WORD = (
    rf"(?:o[h']?[-\s]?(?:{_EN_SMALL})|(?:twenty|thirty|forty|fifty)(?:[-\s](?:{_EN_SMALL}))?|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)


def en_minute(text: str) -> int | None:
    """'thirty' -> 30, 'twenty-seven' -> 27, 'oh five' -> 5."""
    word = text.lower().replace("-", " ").strip()
    if word[:2] in ("oh", "o ") or word[:2] == "o'":
        word = word[2:].strip()
    value = en_int(word)
    return value if value is not None and 0 <= value < 60 else None
