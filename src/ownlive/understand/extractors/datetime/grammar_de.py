"""German datetime grammar: token rules and connectors (see `grammar.Grammar`)."""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import lexicon_de as lex
from ownlive.understand.extractors.datetime.grammar import (
    Grammar,
    Rule,
    alternation,
    duration,
    token,
)
from ownlive.understand.extractors.datetime.grammar_common import COMMON_RULES, NUM_START
from ownlive.understand.extractors.datetime.numerals import (
    DE_HOUR_WORD,
    DE_NUM,
    DE_ORDINAL,
    de_int,
    de_ordinal,
)
from ownlive.understand.extractors.datetime.parts import Parts, Token

_I = re.IGNORECASE
WEEKDAY = alternation(lex.WEEKDAYS)
MONTH = alternation(lex.MONTHS)
MONTH_FULL = alternation(w for w in lex.MONTHS if len(w) > 3 or w == "mai")
UNIT = alternation(lex.UNITS)
HOUR = rf"(?:\d{{1,2}}|{DE_HOUR_WORD})"
YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d{2})(?!\d))?"
NOT_TIME = (
    r"(?!\s*(?:[.,:/]\d|%|-\s*\d|(?:prozent|euro|eur\b|€|leute|personen|gäste|jahre|jahren|"
    r"minuten|min\b|stunden|tage|tagen|wochen|monate|monaten|mal\b|km|kilo|kg|meter|grad|"
    r"stück|seiten|punkte|uhr\b|h\b|\.\s*(?-i:[A-ZÄÖÜ]))))"
)
# Words before a capitalized "Morgen" that make it the morning, not tomorrow.
_MORNING_BEFORE = re.compile(
    r"(?:guten|heute|gestern|am|jeden|diesen|den|schönen|einen|übermorgen|vorgestern|"
    rf"{WEEKDAY})\s+\Z",
    _I,
)
_GREETING_BEFORE = re.compile(r"(?:guten|schönen|einen\s+schönen)\s+\Z", _I)
_FESTIVE_BEFORE = re.compile(r"(?:frohe|frohes|schöne|schönes|fröhliche|gesegnete)\s+\Z", _I)
_CONTEXT = 24


def _before(m: re.Match[str], pattern: re.Pattern[str], start: int | None = None) -> bool:
    at = m.start() if start is None else start
    return pattern.search(m.string, max(0, at - _CONTEXT), at) is not None


def _month(word: str) -> int:
    return lex.MONTHS[word.lower().rstrip(".")]


def _year(m: re.Match[str]) -> int | None:
    return int(m["y"]) if m["y"] else None


def _day_month(m: re.Match[str]) -> Token | None:
    day = int(m["d"]) if m["d"] else de_ordinal(m["dw"])
    if day is None or not 1 <= day <= 31:
        return None
    return token(m, Parts(year=_year(m), month=_month(m["mon"]), day=day))


def _month_year(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=_year(m), month=_month(m["mon"])))


def _month_alone(m: re.Match[str]) -> Token | None:
    return token(m, Parts(month=_month(m["v"])))


def _bare_day(m: re.Match[str]) -> Token | None:
    day = int(m["d"])
    return token(m, Parts(day=day)) if 1 <= day <= 31 else None


def _weekday(m: re.Match[str]) -> Token | None:
    if m["s"]:
        return None  # "freitags", "Freitagabends": every Friday, not a date
    mod = (m["mod"] or "").lower()
    shift = None
    if mod.startswith("nächst"):
        shift = 1
    elif mod.startswith(("letzt", "vergangen")):
        shift = -1
    elif mod.startswith("übernächst"):
        shift = 2
    parts = Parts(weekday=lex.WEEKDAYS[m["wd"].lower()], week_shift=shift)
    if m["dp"]:
        parts.daypart = lex.COMPOUND_DAYPARTS[m["dp"].lower()]
    return token(m, parts)


def _weekday_abbr(m: re.Match[str]) -> Token | None:
    return token(m, Parts(weekday=lex.WEEKDAY_ABBR[m["ab"].lower()]), weak=True)


def _rel(m: re.Match[str]) -> Token | None:
    word = m["v"]
    if word.lower() == "morgen" and _before(m, _MORNING_BEFORE):
        return None  # "heute Morgen", "Guten Morgen": the morning, not tomorrow
    return token(m, Parts(rel_day=lex.REL_DAYS[word.lower()]))


def _daypart(m: re.Match[str]) -> Token | None:
    word = m["v"]
    low = word.lower()
    if low == "morgen" and not _before(m, _MORNING_BEFORE):
        return None  # plain "morgen" is tomorrow
    if _before(m, _GREETING_BEFORE):
        return None  # "Guten Morgen", "schönen Abend": greetings
    part = lex.DAYPARTS[low]
    strong = part == "midnight" or (part == "noon" and m["pre"] is not None)
    return token(m, Parts(daypart=part), weak=not strong)


def _period(m: re.Match[str]) -> Token | None:
    mod = (m["mod"] or "").lower()
    shift = 0
    if mod.startswith(("nächst", "kommend")):
        shift = 1
    elif mod.startswith(("letzt", "vergangen")):
        shift = -1
    elif mod.startswith("übernächst"):
        shift = 2
    unit = {"woche": "week", "wochenende": "weekend", "monat": "month", "jahr": "year"}
    return token(m, Parts(period=unit[m["u"].lower()], period_shift=shift))


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
    unit = m["u"].lower()
    if unit.startswith(("viertelstunde", "dreiviertelstunde")):
        minutes, days, months = (45 if unit.startswith("drei") else 15), 0, 0
    else:
        minutes, days, months = lex.UNITS[unit.rstrip(".")]
    sign = -1 if m["ago"] else 1
    parts = duration(amount, (minutes, days, months), sign)
    return None if parts is None else token(m, parts)


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
    return token(m, Parts(hour=hour, minute=minute, clock24=True))


def _bare_hour(m: re.Match[str]) -> Token | None:
    hour = _hour(m["h"])
    if hour is None:
        return None
    return token(m, Parts(hour=hour))


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


def _holiday(m: re.Match[str]) -> Token | None:
    if _before(m, _FESTIVE_BEFORE, m.start("v")):
        return None  # "Frohe Weihnachten" greets
    key = " ".join(m["v"].lower().split())
    if key == "nikolaus" and not m["pre"]:
        return None  # also a given name
    return token(m, Parts(holiday=lex.HOLIDAYS[key], year=_year(m)))


def _year_only(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=int(m["v"])))


def _p(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_DURATION_N = (
    rf"(?P<n>einer\s+halben|einem\s+halben|eine\s+halbe|anderthalb|eineinhalb|zweieinhalb|"
    rf"\d+,\d+|{DE_NUM})"
)
_DURATION_U = rf"(?P<u>{UNIT}|viertelstunde|dreiviertelstunde)\b\.?"

RULES: tuple[Rule, ...] = (
    *COMMON_RULES,
    (
        _p(
            rf"(?:\b(?P<d>\d{{1,2}})\.?\s*|\b(?P<dw>{DE_ORDINAL})\s+)(?P<mon>{MONTH})\b\.?{YEAR}"
        ),
        _day_month,
    ),
    (_p(rf"\b(?P<mon>{MONTH})\.?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)"), _month_year),
    (
        _p(
            r"\b(?:im|in|ab|bis|seit|anfang|mitte|ende|vor|nach|nächsten|kommenden|diesen)\s+"
            rf"(?P<v>{MONTH_FULL})\b"
        ),
        _month_alone,
    ),
    (
        _p(
            r"\b(?:am|zum|bis\s+zum|ab\s+dem|ab|vom|seit\s+dem|den|dem|bis|vor\s+dem|nach\s+dem)\s+"
            r"(?P<v>(?P<d>\d{1,2})\.)(?!\d|\s*(?-i:[A-ZÄÖÜ]))",
        ),
        _bare_day,
    ),
    (
        _p(
            r"(?:\b(?P<mod>nächsten|nächste|nächster|kommenden|kommende|diesen|diese|dieser|"
            r"letzten|letzte|vergangenen|übernächsten)\s+)?"
            rf"\b(?P<wd>{WEEKDAY})(?P<dp>morgen|früh|vormittag|mittag|nachmittag|abend|nacht)?"
            r"(?P<s>s)?\b"
        ),
        _weekday,
    ),
    (
        re.compile(
            r"\b(?P<v>(?P<ab>Mo|Di|Mi|Do|Fr|Sa|So|MO|DI|MI|DO|FR|SA|SO)\b\.?)"
            rf"(?=,?\s*(?:den\s+)?\d{{1,2}}\.(?:\d{{1,2}}\.|\s*(?i:{MONTH})))"
        ),
        _weekday_abbr,
    ),
    (_p(r"\b(?P<v>übermorgen|vorgestern|gestern|heute|heut|morgen)\b"), _rel),
    (
        _p(
            r"(?P<pre>\b(?:um|gegen|ab|bis|heute|morgen)\s+)?\b(?P<v>frühmorgens|morgens|Morgen|"
            r"vormittags?|mittags?|nachmittags?|abends?|nachts?|mitternacht|früh)\b"
        ),
        _daypart,
    ),
    (
        _p(
            r"\b(?P<mod>nächste|nächsten|nächstes|kommende|kommenden|kommendes|diese|diesen|dieses|"
            r"letzte|letzten|letztes|übernächste|übernächsten|übernächstes|vergangene|vergangenen|"
            r"vergangenes)\s+(?P<u>woche|wochenende|monat|jahr)\b"
        ),
        _period,
    ),
    (_p(r"\b(?:am|übers|zum|dieses|das|übers)\s+(?P<v>(?P<u>wochenende))\b(?P<mod>)"), _period),
    (_p(rf"\b(?:(?P<ago>vor)|in)\s+(?:etwa\s+|ca\.\s*|circa\s+|ungefähr\s+)?{_DURATION_N}\s*"
        + _DURATION_U), _duration),
    (
        _p(
            NUM_START + r"(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?:uhr\b|h\b)"
            r"(?:\s*(?P<m2>[0-5]?\d)(?![\d.:,]|\s*(?:min|prozent|%|euro)))?"
        ),
        _uhr,
    ),
    (_p(rf"\b(?P<h>{DE_HOUR_WORD})\s+uhr\b(?P<m>)(?P<m2>)"), _uhr),
    (
        _p(
            r"\b(?:um|gegen|ab|bis|von|ca\.?|circa)\s+(?P<v>(?P<h>\d{1,2})\.(?P<m>[0-5]\d))"
            r"(?![\d]|[.,]\d)"
        ),
        _dotted_time,
    ),
    (
        _p(
            r"\b(?:um|gegen|ab|bis|so\s+gegen|so\s+um|ca\.?|circa|etwa)\s+"
            rf"(?P<v>(?P<h>{HOUR}))\b" + NOT_TIME
        ),
        _bare_hour,
    ),
    (
        _p(
            r"\b(?P<q>halb|viertel\s+nach|viertel\s+vor|dreiviertel|drei\s+viertel|viertel|"
            rf"(?P<mn>{DE_NUM})\s+(?:minuten\s+)?(?P<dir>nach|vor)(?:\s+(?P<half>halb))?)\s+"
            rf"(?P<h>{HOUR})\b(?!\s*[.,:]\d)(?:\s+uhr\b)?"
        ),
        _halb,
    ),
    (
        _p(
            r"(?P<pre>\b(?:am|an|zu|bis|nach|vor|ab)\s+)?"
            rf"\b(?P<v>{alternation(lex.HOLIDAYS)})\b(?:\s+(?P<y>(?:19|20)\d{{2}})\b)?"
        ),
        _holiday,
    ),
    (
        _p(r"\b(?:im\s+jahre?|in|seit|bis|ab|vor|nach)\s+(?P<v>(?:19|20)\d{2})\b(?![-/.:]\d)"),
        _year_only,
    ),
)

_DAY_ANY = r"(?:Mo|Di|Mi|Do|Fr|Sa|So|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"
_SPAN_TIME = r"\d{1,2}(?:[:.]\d{2})?(?:\s*Uhr)?"

GRAMMAR = Grammar(
    lang="de",
    rules=RULES,
    join=(
        r"\s*,?\s*(?:(?:um|gegen|ab|am|den|dem|so\s+gegen|so\s+um|ca\.?|circa|etwa|von|im|"
        r"in\s+der)\s*)*"
    ),
    range_conn=r"\s*(?:-|–|—|~|bis(?:\s+(?:zum|zur|um|ca\.?))?)\s*",
    between=_p(r"\bzwischen\s+(?:dem\s+)?\Z"),
    between_and=r"\s+und\s+(?:dem\s+|um\s+)?",
    num_before=_p(
        r"(?P<pre>\bzwischen\s+(?:dem\s+)?)?" + NUM_START + r"(?P<n>\d{1,2})\.?\s*"
        r"(?:-|–|—|bis|(?(pre)und|(?!)))\s*(?:zum\s+|dem\s+)?\Z"
    ),
    num_after=_p(
        r"\s*(?:-|–|—|bis)\s*(?:zum\s+)?(?P<n>\d{1,2})\.?(?![\d:]|[.,]\d|\s*(?:uhr|h\b|%))"
    ),
    recurrence=_p(r"\b(?:jeden|jede|jedes|jeder|alle|immer)\s+(?:zweiten\s+|zwei\s+)?\Z"),
    blocks=(
        re.compile(
            rf"\b{_DAY_ANY}\.?\s*(?:-|–|—|bis)\s*{_DAY_ANY}\.?\s*:?\s*(?:von\s+)?"
            rf"{_SPAN_TIME}\s*(?:-|–|—|bis)\s*{_SPAN_TIME}"
        ),
        _p(
            r"\b(?:täglich|werktags|wochentags|geöffnet|öffnungszeiten|sprechzeiten|sprechstunde)"
            rf"\s*:?\s*(?:von\s+)?{_SPAN_TIME}\s*(?:-|–|—|bis)\s*{_SPAN_TIME}"
        ),
    ),
)
