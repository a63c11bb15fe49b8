"""German datetime grammar: dates, days, periods, holidays, connectors.

Clock times and durations are in `grammar_de_time`, relative days and day-parts
in `grammar_de_dayparts`, slashed dates, calendar weeks and parts of a period in
`grammar_de_dates`. Two-letter weekdays ("Mo", "Do", "So" are also words) count
only before a date or a time.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import grammar_de_dates as dates
from ownlive.understand.extractors.datetime import grammar_de_dayparts as dayparts
from ownlive.understand.extractors.datetime import grammar_periods as periods
from ownlive.understand.extractors.datetime import lexicon_de as lex
from ownlive.understand.extractors.datetime.grammar import (
    DIGITS,
    Grammar,
    Rule,
    alternation,
    rule,
    token,
)
from ownlive.understand.extractors.datetime.grammar_common import COMMON_RULES, NUM_START
from ownlive.understand.extractors.datetime.grammar_de_dayparts import before
from ownlive.understand.extractors.datetime.grammar_de_time import TIME_RULES
from ownlive.understand.extractors.datetime.numerals import DE_ORDINAL, de_ordinal
from ownlive.understand.extractors.datetime.parts import Parts, Token

WEEKDAY = alternation(lex.WEEKDAYS)
MONTH = alternation(lex.MONTHS)
MONTH_FULL = alternation(w for w in lex.MONTHS if len(w) > 3 or w == "mai")
YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d{2})(?!\d))?"
_I = re.IGNORECASE
# "am Abend des Mittwochs": a genitive, one day
_GENITIVE_BEFORE = re.compile(r"\b(?:des|dieses|nächsten|kommenden)\s+\Z", _I)
_FESTIVE_BEFORE = re.compile(r"(?:frohe|frohes|schöne|schönes|fröhliche|gesegnete)\s+\Z", _I)


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
    parts = Parts(month=_month(m["mon"]))
    if (m.groupdict().get("mod") or "").lower().startswith("dies"):
        parts.period, parts.period_shift = "year", 0  # "diesen September": this year's
    return token(m, parts)


def _dashed(m: re.Match[str]) -> Token | None:
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return token(m, Parts(year=int(m["y"]), month=month, day=day))


def _numeric_day_month(m: re.Match[str]) -> Token | None:
    """'am 22.04': a date after a date preposition; 22:04 if its neighbours say so."""
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    found = token(m, Parts(day=day, month=month))
    if day <= 24:
        found.alt = Parts(hour=day, minute=month, clock24=True)
    return found


def _bare_day(m: re.Match[str]) -> Token | None:
    day = int(m["d"])
    return token(m, Parts(day=day)) if 1 <= day <= 31 else None


def _weekday(m: re.Match[str]) -> Token | None:
    if m["s"] and not before(m, _GENITIVE_BEFORE):
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
        parts.daypart = lex.COMPOUND_DAYPARTS[m["dp"].lower().removeprefix("spät")]
    return token(m, parts)


def _weekday_abbr(m: re.Match[str]) -> Token | None:
    if m["clock"] is not None and m["ab"].lower() == "so":
        return None  # "So gegen 8 Uhr": "so", about
    return token(m, Parts(weekday=lex.WEEKDAY_ABBR[m["ab"].lower()]), weak=True)


def _weekday_named(m: re.Match[str]) -> Token | None:
    return token(m, Parts(weekday=lex.WEEKDAY_ABBR[m["ab"].lower()]))


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


def _holiday(m: re.Match[str]) -> Token | None:
    if before(m, _FESTIVE_BEFORE, m.start("v")):
        return None  # "Frohe Weihnachten" greets
    key = " ".join(m["v"].lower().split())
    if key == "nikolaus" and not m["pre"]:
        return None  # also a given name
    return token(m, Parts(holiday=lex.HOLIDAYS[key], year=_year(m)))


def _year_only(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=int(m["v"])))


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)  # matched against the lowered text


_MOD = (
    r"nächsten|nächste|nächster|nächstem|kommenden|kommende|diesen|diese|dieser|letzten|letzte|"
    r"vergangenen|übernächsten"
)


_MONTHS = ("jan", "jän", "feb", "mär", "maer", "mrz", "apr", "mai", "jun", "jul", "aug", "sep",
           "okt", "nov", "dez")  # fmt: skip
_DAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
         "sonntag")  # fmt: skip
_HOLIDAY_STEMS = ("silvester", "neujahr", "heilig", "weihnacht", "oster", "karfreitag", "pfingst",
                  "himmelfahrt", "vatertag", "fronleichnam", "einheit", "arbeit", "valentin",
                  "nikolaus", "muttertag", "halloween", "rosenmontag", "aschermittwoch",
                  "allerheiligen", "reformation")  # fmt: skip

RULES: tuple[Rule, ...] = (
    *COMMON_RULES,
    *periods.DE_RULES,
    *TIME_RULES,
    *dates.RULES,
    *dayparts.RULES,
    rule(
        rf"(?:\b(?P<d>\d{{1,2}})(?:\.|te[nmrs]?)?\s*|\b(?P<dw>{DE_ORDINAL})\s+)(?P<mon>{MONTH})\b\.?{YEAR}",
        _day_month,
        _MONTHS,
    ),
    rule(rf"\b(?P<mon>{MONTH})\.?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)", _month_year, _MONTHS),
    rule(
        rf"\b(?:im|in|ab|bis|seit|anfang|mitte|ende|vor|nach)\s+(?P<v>(?P<mon>{MONTH_FULL}))\b",
        _month_alone,
        _MONTHS,
    ),
    rule(rf"\b(?P<mod>nächsten|kommenden|diesen)\s+(?P<mon>{MONTH_FULL})\b", _month_alone, _MONTHS),
    rule(
        r"(?:\b(?:am|vom|bis|zum|ab|den|dem|seit)\s+|"
        r"(?<![\w.,:/+$€£¥-])(?=\d\d\.\d|\d{1,2}\.\d\d))"
        r"(?P<v>(?P<d>\d{1,2})\.(?P<mo>\d{1,2}))(?![\d.:]|,\d|\s*(?:%|€|euro|km|kg|m\b|cm|l\b))",
        _numeric_day_month,
        DIGITS,
        (".",),
    ),
    rule(
        NUM_START + r"(?P<d>\d{1,2})-(?P<mo>\d{1,2})-(?P<y>(?:19|20)\d{2})(?!\d)",
        _dashed,
        ("-",),
    ),
    rule(
        r"(?i)\b(?:am|zum|bis\s+zum|ab\s+dem|ab|vom|seit\s+dem|den|dem|der|bis|vor\s+dem|"
        r"nach\s+dem)\s+(?P<v>(?P<d>\d{1,2})\.)(?!\d|\s*(?-i:[A-ZÄÖÜ]))",
        _bare_day,
        DIGITS,
        (".",),
        cased=True,
    ),
    rule(
        rf"(?:\b(?P<mod>{_MOD})\s+)?"
        rf"\b(?P<wd>{WEEKDAY})(?P<dp>morgen|frühmorgen|früh|vormittag|mittag|nachmittag|"
        r"spätnachmittag|abend|spätabend|nacht)?"
        r"(?P<s>s)?\b",
        _weekday,
        ("tag", "mittwoch", "sonnabend"),
    ),
    rule(
        r"\b(?P<v>(?P<ab>Mo|Di|Mi|Do|Fr|Sa|So|MO|DI|MI|DO|FR|SA|SO)\b\.?)"
        rf"(?=,?\s*(?:den\s+)?\d{{1,2}}(?:\.\d{{1,2}}\.|\.?\s*(?i:{MONTH})\b|/\d)"
        # "Fr um 16:25 Uhr"; "So" (also "so gegen 8") only before a date
        r"|(?P<clock>),?\s*(?:um\s+|gegen\s+|ab\s+)?\d{1,2}(?:[:.]\d\d|\s*(?i:uhr)))",
        _weekday_abbr,
        ("mo", "di", "mi", "do", "fr", "sa", "so"),
        cased=True,
    ),
    rule(
        # "am Fr", "bis Di.": after a day's preposition the abbreviation is the weekday
        r"\b(?:am|Am|bis|ab)\s+(?P<v>(?P<ab>Mo|Di|Mi|Do|Fr|Sa|So|MO|DI|MI|DO|FR|SA|SO)\b\.?)"
        r"(?![-/]\s*\w)",
        _weekday_named,
        ("mo", "di", "mi", "do", "fr", "sa", "so"),
        ("am", "bis", "ab"),
        cased=True,
    ),
    rule(
        r"\b(?P<mod>nächste|nächsten|nächstes|nächstem|kommende|kommenden|kommendes|diese|diesen|"
        r"dieses|letzte|letzten|letztes|übernächste|übernächsten|übernächstes|vergangene|"
        r"vergangenen|vergangenes)\s+(?P<u>woche|wochenende|monat|jahr)\b",
        _period,
        ("woche", "monat", "jahr"),
    ),
    rule(
        r"\b(?:am|übers|zum|dieses|das|dem)\s+(?P<v>(?P<u>wochenende))\b(?P<mod>)",
        _period,
        ("wochenende",),
    ),
    rule(
        r"(?P<pre>\b(?:am|an|zu|bis|nach|vor|ab)\s+)?"
        rf"\b(?P<v>{alternation(lex.HOLIDAYS)})\b(?:\s+(?P<y>(?:19|20)\d{{2}})\b)?",
        _holiday,
        _HOLIDAY_STEMS,
    ),
    rule(
        r"\b(?:im\s+jahre?|in|seit|bis|ab|vor|nach)\s+(?P<v>(?:19|20)\d{2})\b(?![-/.:]\d)",
        _year_only,
        ("19", "20"),
    ),
)

_DAY_ANY = r"(?:mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
_SPAN_TIME = r"\d{1,2}(?:[:.]\d{2})?(?:\s*uhr)?"
_CLOCK_RANGE = r"\d{1,2}[:.]\d{2}\s*(?:uhr)?\s*(?:-|–|—|bis)\s*\d{1,2}[:.]\d{2}"

GRAMMAR = Grammar(
    lang="de",
    rules=RULES,
    join=(
        # ")": "Abend (ca 19 Uhr) des 22.11."; "des": "Montagnachmittag des 12.6."
        r"\s*\)?\s*[,(]?\s*(?:(?:um|gegen|ab|am|den|dem|des|so\s+gegen|so\s+um|ca\.?|circa|"
        r"etwa|gg\.?|"
        r"im|vom|nach|vor|in\s+der|spätestens|frühestens|kurz\s+vor|kurz\s+nach|"
        r"nicht\s+vor|nicht\s+nach|nicht\s+später\s+als|nicht\s+früher\s+als)\s*)*"
    ),
    # "31.05., 15 Uhr, - 03.06.", "(14:00) - 30.11", "vom 18.11. zum 19.11.", "15.00 / 16.00"
    range_conn=r"\s*\)?\s*,?\s*(?:-|–|—|~|/|bis:?|zum|zu|auf)"
    r"(?:\s*(?:zum|zur|um|ca\.?|gegen|den|dem)\b)?\s*",
    between=_p(r"\bzwischen\s+(?:dem\s+)?\Z"),
    between_and=r"\s+und\s+(?:dem\s+|um\s+)?",
    num_before=_p(
        r"(?P<pre>\bzwischen\s+(?:dem\s+)?)?" + NUM_START + r"(?P<n>\d{1,2})\.?\s*"
        r"(?:-|–|—|/|bis|auf(?:\s+den)?|(?(pre)und|(?!)))\s*(?:zum\s+|dem\s+)?\Z"
    ),
    num_after=_p(
        # "11. auf 12.": the night from one day to the next
        r"\s*(?:-|–|—|bis|auf(?=\s+(?:den\s+)?\d{1,2}\.))\s*(?:zum\s+|den\s+)?(?P<n>\d{1,2})\.?"
        r"(?![\d:]|[.,]\d|\s*(?:uhr|h\b|%))"
    ),
    recurrence=_p(r"\b(?:jeden|jede|jedes|jeder|alle|immer)\s+(?:zweiten\s+|zwei\s+)?\Z"),
    blocks=(
        re.compile(
            rf"\b{_DAY_ANY}\.?\s*(?:-|–|—|bis)\s*{_DAY_ANY}\.?\s*:?\s*(?:von\s+)?"
            rf"{_SPAN_TIME}\s*(?:-|–|—|bis)\s*{_SPAN_TIME}"
        ),
        _p(
            r"\b(?:täglich|werktags|wochentags)"
            rf"\s*:?\s*(?:von\s+)?{_SPAN_TIME}\s*(?:-|–|—|bis)\s*{_SPAN_TIME}"
        ),
        # The rest of a clause about opening hours; a timetable of clock ranges.
        _p(r"\b(?:geöffnet|öffnungszeiten|sprechzeiten|sprechstunden?)\b[^.!?\n;]{0,80}"),
        _p(rf"{_CLOCK_RANGE}(?:[\s,;/&]*(?:und\s+)?{_CLOCK_RANGE})+"),
    ),
)
