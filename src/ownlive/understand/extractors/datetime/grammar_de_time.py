"""German clock times and durations: '18 Uhr', 'um 17.30', 'halb acht', 'in zwei Stunden'.

"… Uhr" is read on the 24-hour clock (DESIGN.md 4.1: "8 Uhr" is 08:00); "um 8"
and "halb acht" take the reading a person would (`resolve.Cues`).
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import lexicon_de as lex
from ownlive.understand.extractors.datetime.grammar import (
    DIGITS,
    Rule,
    alternation,
    duration,
    rule,
    token,
)
from ownlive.understand.extractors.datetime.grammar_common import NUM_START
from ownlive.understand.extractors.datetime.numerals import DE_HOUR_WORD, DE_NUM, de_int
from ownlive.understand.extractors.datetime.parts import Parts, Token

UNIT = alternation(lex.UNITS)
_WEEKDAY = alternation(lex.WEEKDAYS)
HOUR = rf"(?:\d{{1,2}}|{DE_HOUR_WORD})"
NOT_TIME = (
    r"(?!\s*(?:[.,:/]\d|%|-\s*\d|(?:prozent|euro|eur\b|€|leute|personen|gäste|jahre|jahren|"
    r"minuten|min\b|stunden|tage|tagen|wochen|monate|monaten|mal\b|km|kilo|kg|meter|grad|"
    r"stück|seiten|punkte|uhr\b|h\b|\.\s*(?-i:[A-ZÄÖÜ]))))"
)
PREP = r"(?:um|gegen|ab|bis|so\s+gegen|so\s+um|ca\.?|circa|etwa|gg\.?)"


def _hour(raw: str) -> int | None:
    value = de_int(raw)
    return value if value is not None and 0 <= value <= 24 else None


def _uhr(m: re.Match[str]) -> Token | None:
    hour = _hour(m["h"])
    minute_raw = m["m"] or m["m2"]
    minute = int(minute_raw) if minute_raw else None
    if hour is None or (minute is not None and minute > 59):
        return None
    return token(m, Parts(hour=hour, minute=minute, clock24=True))


def _dotted_time(m: re.Match[str]) -> Token | None:
    hour, minute = int(m["h"]), int(m["m"])
    if hour > 24:
        return None
    found = token(m, Parts(hour=hour, minute=minute, clock24=True))
    if 1 <= minute <= 12 and hour >= 1:
        found.alt = Parts(day=hour, month=minute)  # "bis 19.09" may be September 19
    return found


def _day_clock(m: re.Match[str]) -> Token | None:
    """'morgen 1700', 'Freitag 1930': four digits after a day word are its clock time."""
    return token(m, Parts(hour=int(m["h"]), minute=int(m["m"]), clock24=True))


def _bare_hour(m: re.Match[str]) -> Token | None:
    hour = _hour(m["h"])
    return None if hour is None else token(m, Parts(hour=hour))


def _halb(m: re.Match[str]) -> Token | None:
    hour = _hour(m["h"])
    if hour is None:
        return None
    q = " ".join(m["q"].lower().split())
    if q == "halb":
        hour, minute = hour - 1, 30
    elif q == "viertel nach":
        minute = 15
    elif q in ("viertel vor", "dreiviertel", "drei viertel"):
        hour, minute = hour - 1, 45
    elif q == "viertel":
        hour, minute = hour - 1, 15
    else:
        offset = de_int(m["mn"])
        if offset is None or not 0 < offset <= 30:
            return None
        base = -30 if m["half"] else 0
        minute = base + (offset if m["dir"].lower() == "nach" else -offset)
    hour, minute = divmod(hour * 60 + minute, 60)
    return token(m, Parts(hour=hour % 24 or 12, minute=minute))  # "halb eins" is 12:30


def _duration(m: re.Match[str]) -> Token | None:
    raw = " ".join(m["n"].lower().split())
    if raw in ("einer halben", "einem halben", "eine halbe"):
        amount = 0.5
    elif raw in ("anderthalb", "eineinhalb"):
        amount = 1.5
    elif raw == "zweieinhalb":
        amount = 2.5
    elif "," in raw:
        amount = float(raw.replace(",", "."))
    else:
        count = de_int(raw)
        if count is None:
            return None
        amount = float(count)
    unit_word = m["u"].lower().rstrip(".")
    unit: tuple[float, int, int]
    if unit_word in ("viertelstunde", "dreiviertelstunde"):
        unit = (45 if unit_word.startswith("drei") else 15, 0, 0)
    else:
        unit = lex.UNITS[unit_word]
    parts = duration(amount, unit, -1 if m["ago"] else 1)
    return None if parts is None else token(m, parts)


_DURATION_N = (
    r"(?P<n>einer\s+halben|einem\s+halben|eine\s+halbe|anderthalb|eineinhalb|zweieinhalb|"
    rf"\d+,\d+|{DE_NUM})"
)
_DURATION_U = rf"(?P<u>{UNIT}|viertelstunde|dreiviertelstunde)\b\.?"
_UNITS = ("sek", "min", "std", "stunde", "h", "tag", "tg", "woche", "monat", "jahr")
_HOURS = (*DIGITS, "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
          "zehn", "elf", "zwölf", "null")  # fmt: skip

TIME_RULES: tuple[Rule, ...] = (
    rule(
        rf"\b(?:(?P<ago>vor)|in)\s+(?:etwa\s+|ca\.\s*|circa\s+|ungefähr\s+)?{_DURATION_N}\s*"
        + _DURATION_U,
        _duration,
        ("vor", "in"),
        _UNITS,
    ),
    rule(
        NUM_START + r"(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?:uhr\b|h\b)"
        r"(?:\s*(?P<m2>[0-5]?\d)(?![\d.:,]|\s*(?:min|prozent|%|euro)))?",
        _uhr,
        DIGITS,
        ("uhr", "h"),
    ),
    rule(rf"\b(?P<h>{DE_HOUR_WORD})\s+uhr\b(?P<m>)(?P<m2>)", _uhr, ("uhr",)),
    # "09 00 Uhr": hours and minutes of a form, two digits each
    rule(
        NUM_START + r"(?P<h>[01]\d|2[0-3])[ ](?P<m>[0-5]\d)\s*uhr\b(?P<m2>)", _uhr, DIGITS, ("uhr",)
    ),
    rule(
        rf"\b(?:{PREP}|von)\s+(?P<v>(?P<h>\d{{1,2}})\.(?P<m>[0-5]\d))(?!\d|[.,]\d)",
        _dotted_time,
        DIGITS,
        (".",),
    ),
    # Only whole and quarter hours: "heute 2017" is more likely a year than 20:17.
    rule(
        rf"\b(?:heute|morgen|übermorgen|{_WEEKDAY})\s+"
        r"(?P<v>(?P<h>[01]\d|2[0-3])(?P<m>00|15|30|45))\b" + NOT_TIME,
        _day_clock,
        DIGITS,
        ("heut", "morgen", "tag", "mittwoch", "sonnabend"),
    ),
    rule(
        rf"(?i)\b{PREP}\s+(?P<v>(?P<h>{HOUR}))\b" + NOT_TIME,
        _bare_hour,
        ("um", "gegen", "ab", "bis", "ca", "circa", "etwa", "gg"),
        _HOURS,
        cased=True,
    ),
    rule(
        r"(?<![\d.])\b(?P<q>halb|viertel\s+nach|viertel\s+vor|dreiviertel|drei\s+viertel|"
        rf"viertel|(?P<mn>{DE_NUM})\s+(?:minuten\s+)?(?P<dir>nach|vor)(?:\s+(?P<half>halb))?)"
        rf"\s+(?P<h>{HOUR})\b(?!\s*[.,:]\d)(?:\s+uhr\b)?",
        _halb,
        ("halb", "viertel", "nach", "vor"),
    ),
)
