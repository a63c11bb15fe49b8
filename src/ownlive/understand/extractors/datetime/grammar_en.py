"""English datetime grammar: dates, days, day-parts, holidays, connectors.

Clock times and durations are in `grammar_en_time`. Month names that are also
given names ("May said", "April is coming") count only beside a day, a year or
a preposition; "Sat"/"Sun" only capitalized and beside a date or time.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import grammar_periods as periods
from ownlive.understand.extractors.datetime import lexicon_en as lex
from ownlive.understand.extractors.datetime.grammar import (
    DIGITS,
    Grammar,
    Rule,
    alternation,
    rule,
    token,
)
from ownlive.understand.extractors.datetime.grammar_common import COMMON_RULES, NUM_START
from ownlive.understand.extractors.datetime.grammar_en_dates import NOT_COUNT
from ownlive.understand.extractors.datetime.grammar_en_dates import RULES as DATE_RULES
from ownlive.understand.extractors.datetime.grammar_en_extra import RULES as EXTRA_RULES
from ownlive.understand.extractors.datetime.grammar_en_more import RULES as MORE_RULES
from ownlive.understand.extractors.datetime.grammar_en_spans import RULES as SPAN_RULES
from ownlive.understand.extractors.datetime.grammar_en_time import TIME_RULES
from ownlive.understand.extractors.datetime.numerals import EN_ORDINAL, EN_ORDINALS
from ownlive.understand.extractors.datetime.parts import Parts, Token

WEEKDAY = alternation(lex.WEEKDAYS)
WEEKDAY_PLAIN = alternation(w for w in lex.WEEKDAYS if w not in lex.AMBIGUOUS_WEEKDAYS)
WEEKDAY_FULL = alternation(w for w in lex.WEEKDAYS if w.endswith("day"))
MONTH = alternation(lex.MONTHS)
DAY = rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<dw>{EN_ORDINAL}))"
YEAR = r"(?:,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})(?!\d))?"
# "previous"/"following" weekdays and weeks; "this"/"coming" is the first later one.
SHIFTS = {"next": 1, "following": 1, "the following": 1, "last": -1, "previous": -1, "past": -1}
_MOD = r"next|this|last|coming|this\s+coming|the\s+following|following|previous"


def _month(word: str) -> int:
    return lex.MONTHS[word.lower().rstrip(".")]


def _day(m: re.Match[str]) -> int | None:
    if m["d"] is not None:
        day = int(m["d"])
    else:
        day = EN_ORDINALS.get(" ".join(m["dw"].lower().replace("-", " ").split()), 0)
        day = day or EN_ORDINALS.get(m["dw"].lower(), 0)
    return day if 1 <= day <= 31 else None


def _year(m: re.Match[str]) -> int | None:
    raw = m.groupdict().get("y") or m.groupdict().get("y2")
    return int(raw) if raw else None


def _month_day(m: re.Match[str]) -> Token | None:
    day = _day(m)
    if day is None:
        return None
    return token(m, Parts(year=_year(m), month=_month(m["mon"]), day=day))


def _month_year(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=_year(m), month=_month(m["mon"])))


def _month_alone(m: re.Match[str]) -> Token | None:
    if m["mon"] == "may" and _MAY_VERB.match(m.string, m.end()):
        return None  # "This may take longer": the modal verb
    parts = Parts(month=_month(m["mon"]))
    if m.groupdict().get("mod") == "this":
        parts.period, parts.period_shift = "year", 0  # "this September": this year's
    return token(m, parts)


def _slash(m: re.Match[str]) -> Token | None:
    a, b = int(m["a"]), int(m["b"])
    if (a, b) == (24, 7):
        return None  # "24/7": always
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first cannot be a month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0) if m["y"] else None
    # "1/2", "3/4" are fractions more often than dates; "11/20" or "12/1" are dates.
    fraction = a < b and b in (2, 3, 4, 5, 6, 8, 10, 12, 16) and year is None
    return token(m, Parts(year=year, month=month, day=day), weak=fraction and not m["pre"])


_GOES_ON_WORDS = (
    "at", "and", "or", "of", "then", "is", "works", "would", "will", "ok", "okay", "please",
    "pls", "pelase", "instead", "maybe", "in", "from", "to", "till", "until", "through", "for",
    "if", "morning", "afternoon", "evening", "night", "next", "this",
)  # fmt: skip
_GOES_ON = frozenset(_GOES_ON_WORDS)


def _ordinal_day(m: re.Match[str]) -> Token | None:
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    # "the 18th" counts after a preposition, at a clause's end or before a word a plan
    # goes on with; before other words it is an ordinal ("the 2nd floor").
    after = m["next"]
    strong = m["pre"] is not None or after is None or after.strip() in _GOES_ON
    return token(m, Parts(day=day), weak=not strong)


def _weekday_day(m: re.Match[str]) -> Token | None:
    day = _day(m)
    if day is None or (m["d"] and int(m["d"]) <= 12 and not m["suffix"] and not m["the"]):
        return None  # "Friday 8" may be eight o'clock
    return token(m, Parts(weekday=lex.WEEKDAYS[m["wd"].lower()], day=day))


def _rel(m: re.Match[str]) -> Token | None:
    word = " ".join(m["v"].lower().split())
    parts = Parts(rel_day=lex.REL_DAYS[word])
    if word in lex.EVENING_REL:
        parts.daypart = "evening"
    return token(m, parts)


def _this_daypart(m: re.Match[str]) -> Token | None:
    rel = -1 if m["mod"].lower() == "last" else 0
    return token(m, Parts(rel_day=rel, daypart=lex.DAYPARTS[m["dp"].lower()]))


def _daypart(m: re.Match[str]) -> Token | None:
    part = lex.DAYPARTS[m["dp"].lower()]
    return token(m, Parts(daypart=part), weak=part not in ("noon", "midnight"))


def _weekday(m: re.Match[str]) -> Token | None:
    word = m["wd"]
    mod = " ".join((m["mod"] or "").lower().split())
    if word.lower() in lex.AMBIGUOUS_WEEKDAYS and not word[0].isupper() and not mod:
        return None  # "I sat down"; "next sat" is the day
    shift = 2 if m["after"] else SHIFTS.get(mod)
    weak = word.lower() in lex.AMBIGUOUS_WEEKDAYS and not mod
    return token(m, Parts(weekday=lex.WEEKDAYS[word.lower()], week_shift=shift), weak=weak)


def _period(m: re.Match[str]) -> Token | None:
    mod = " ".join((m.groupdict().get("mod") or "").lower().split())
    shift = 2 if m.groupdict().get("after") else SHIFTS.get(mod, 1 if mod == "coming" else 0)
    before = m.string[max(0, m.start() - 6) : m.start()].lower()
    if (
        m["u"].lower() in ("weekend", "week-end")
        and not mod
        and re.search(r"\b(?:a|per|each)\s*\Z", before)
    ):
        return None  # "a weekend away", "per weekend"
    return token(m, Parts(period=m["u"].lower().replace("-", ""), period_shift=shift))


def _holiday(m: re.Match[str]) -> Token | None:
    if m["greet"]:
        return None  # "Merry Christmas" greets, it names no plan
    key = " ".join(m["v"].lower().replace("’", "'").split())
    return token(m, Parts(holiday=lex.HOLIDAYS[key], year=_year(m)))


def _year_only(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=int(m["v"])))


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)  # matched against the lowered text


_SEP = r"(?:\.?\s*|\.?\s*/\s*|-)"
# "This may take longer": the modal verb, not the month.
_MAY_VERB = re.compile(
    r"\s+(?:be|not|take|have|help|seem|cause|also|well|need|want|make|get|come|go|sound|"
    r"look|work|change|mean|apply|vary|happen|lead|require|affect|depend)\b"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAYPARTS = ("morning", "afternoon", "evening", "night", "noon", "midday")
RULES: tuple[Rule, ...] = (
    *COMMON_RULES,
    *periods.EN_RULES,
    *TIME_RULES,
    *EXTRA_RULES,
    *MORE_RULES,
    *SPAN_RULES,
    *DATE_RULES,
    rule(
        rf"\b(?P<mon>{MONTH}){_SEP},?\s*(?:the\s+)?{DAY}\b(?!:\d|\s*(?:[ap]\.?m\b|%)){YEAR}",
        _month_day,
        _MONTHS,
    ),
    rule(
        rf"(?<![$€£¥\d.,])\b{DAY}(?:\s+of\s+|[-/]|\.?\s*)(?P<mon>{MONTH})\b\.?"
        rf"(?:[-/](?P<y>\d{{4}})\b)?" + YEAR.replace("<y>", "<y2>"),
        _month_day,
        _MONTHS,
    ),
    rule(rf"\b(?P<y>(?:19|20)\d{{2}})[-/](?P<mon>{MONTH})[-/]{DAY}\b", _month_day, _MONTHS),
    rule(
        rf"\b(?P<mon>{MONTH})\.?(?:,?\s+(?:of\s+)?|[-/])(?P<y>(?:19|20)\d{{2}})(?!\d)",
        _month_year,
        _MONTHS,
        DIGITS,
    ),
    rule(
        r"\b(?:in|during|since|until|till|by|before|after|from|to|through|early|late|mid-?|"
        rf"end\s+of|beginning\s+of|start\s+of)\s+(?:the\s+)?(?P<v>(?P<mon>{MONTH})\b\.?)",
        _month_alone,
        _MONTHS,
    ),
    rule(rf"\b(?P<mod>this|next)\s+(?P<mon>{MONTH})\b\.?", _month_alone, _MONTHS),
    rule(
        rf"\b(?P<v>(?P<mon>{MONTH}))\b\.?(?=\s*(?:-|–|to|through|until|till)\s*{MONTH}\b)",
        _month_alone,
        _MONTHS,
    ),
    rule(
        r"(?:(?P<pre>\b(?:on|by|until|till|due|from|before|after|since)\s+)|" + NUM_START + ")"
        r"(?P<v>(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?)(?![\d/]|[.,]\d)",
        _slash,
        ("/",),
    ),
    rule(
        r"(?:(?P<pre>\b(?:on|by|until|till|before|after|from|since)\s+)(?:the\s+)?|\bthe\s+)"
        r"(?P<v>(?P<d>\d{1,2})(?:st|nd|rd|th|(?<=the\s\d)|(?<=the\s\d\d)))\b"
        r"(?P<next>\s+[a-z]+)?(?![:.]\d|\s*(?:%|[ap]\.?m\b|percent))",
        _ordinal_day,
        ("st", "nd", "rd", "th"),
        DIGITS,
    ),
    rule(
        rf"\b(?:(?:next|this|coming)\s+)?(?P<wd>{WEEKDAY})\b\.?,?\s+(?P<the>the\s+)?(?:(?P<d>\d{{1,2}})(?P<suffix>st|nd|rd|th)?"
        rf"|(?P<dw>{EN_ORDINAL}))\b"
        rf"(?!\s*(?:[:./-]\d|[ap]\.?m\b|o'?clock|%|-?ish|(?:of\s+)?{MONTH}\b))",
        _weekday_day,
        _DAYS,
    ),
    rule(
        rf"\b(?P<v>{alternation(lex.REL_DAYS)})\b",
        _rel,
        ("tod", "toni", "tom", "tmr", "tmw", "2mo", "2ni", "yest"),
    ),
    rule(
        r"\b(?P<mod>this|last)\s+(?P<dp>morning|afternoon|evening|night)\b",
        _this_daypart,
        ("this", "last"),
    ),
    rule(
        r"(?:\bat\s+)?(?P<v>(?:\bin\s+the\s+)?(?:\b(?:early|late)\s+)?\b(?P<dp>morning|"
        r"afternoon|evening|night|noon|midday|midnight))\b",
        _daypart,
        _DAYPARTS,
    ),
    rule(
        rf"\b(?:(?P<mod>{_MOD})\s+)?(?P<wd>{WEEKDAY_PLAIN})\b\.?(?P<after>\s+after\s+next)?",
        _weekday,
        _DAYS,
    ),
    rule(
        rf"\b(?:(?P<mod>(?i:{_MOD}))\s+)?(?P<wd>Sat|Sun|SAT|SUN|(?<=next\s)(?i:sat|sun))\b\.?"
        r"(?P<after>\s+after\s+next)?",
        _weekday,
        ("sat", "sun"),
        cased=True,
    ),
    rule(
        rf"\b(?P<mod>{_MOD})\s+(?:calendar\s+)?(?P<u>week-?end|week|month|year)\b"
        r"(?P<after>\s+after\s+next)?",
        _period,
        ("week", "month", "year"),
    ),
    rule(r"\b(?P<v>(?P<u>week-?end))\b", _period, ("weekend", "week-end")),
    rule(r"\bthe\s+(?P<v>(?P<u>week)(?P<after>\s+after\s+next))\b", _period, ("after next",)),
    rule(
        r"(?P<greet>\b(?:happy|merry)\s+)?"
        rf"\b(?P<v>{alternation(lex.HOLIDAYS)})(?:'s)?\b{YEAR}",
        _holiday,
        lex.HOLIDAY_STEMS,
    ),
    rule(
        r"(?:(?<=\d{4}\sand\s)|(?<=\d{4}\sor\s)|(?<=\d{4},\s))(?P<v>(?:19|20)\d{2})\b(?![-/.:]\d)"
        + NOT_COUNT,
        _year_only,
        ("19", "20"),
    ),
    rule(
        r"\b(?:in|since|until|by|during|before|after|from)\s+(?P<v>(?:19|20)\d{2})\b(?![-/.:]\d)",
        _year_only,
        ("19", "20"),
    ),
)

_SPAN_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
_CLOCK_RANGE = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|to)\s*\d{1,2}[:.]\d{2}"

GRAMMAR = Grammar(
    lang="en",
    rules=RULES,
    join=(
        r"\s*[,(]?\s*(?:(?:at|on|around|about|by|the|of|from|in|after|before|approximately|"
        r"approx\.?|ca\.?)\s+|@\s*){0,2}"
    ),
    range_conn=r"\s*(?:-|–|—|~|(?:to|till|until|thru|through|'til)(?:\s+the)?)\s*",
    between=_p(r"\bbetween\s+(?:the\s+)?\Z"),
    between_and=r"\s+and\s+(?:the\s+)?",
    num_before=_p(
        r"(?P<pre>\bbetween\s+)?" + NUM_START + r"(?P<n>\d{1,2})(?:st|nd|rd|th)?\s*"
        r"(?:-|–|—|to|till|until|(?(pre)and|(?!)))\s*(?:the\s+)?\Z"
    ),
    num_after=_p(
        r"\s*(?:-|–|—|to|till|until|through)\s*(?P<n>\d{1,2})(?:st|nd|rd|th)?"
        r"(?![\d:]|[.,]\d|\s*(?:[ap]\.?m\b|o'clock|%))"
    ),
    recurrence=_p(r"\b(?:every|each)\s+(?:other\s+|single\s+)?\Z"),
    blocks=(
        # Opening hours and weekly habits: "Mon–Fri 9–5", "open daily 9am-5pm",
        # "Tuesdays at 9am", "Friday mornings", "3pm every day".
        _p(
            rf"\b{WEEKDAY}\.?\s*(?:-|–|—|to|through|thru)\s*{WEEKDAY}\.?\s*:?\s*(?:from\s+)?"
            rf"{_SPAN_TIME}\s*(?:-|–|—|to|till|until)\s*{_SPAN_TIME}"
        ),
        _p(
            r"\b(?:open|opening\s+hours|hours|daily|weekdays|office\s+hours|business\s+hours)"
            rf"\s*:?\s*(?:from\s+)?{_SPAN_TIME}\s*(?:-|–|—|to|till|until)\s*{_SPAN_TIME}"
        ),
        _p(
            r"\b(?:opening\s+(?:hours|times)|office\s+hours|business\s+hours|hours\s*:|"
            r"open\s+(?:daily|from|until|till|mon|tue|wed|thu|fri|sat|sun|weekdays|every))"
            r"[^.!?\n;]{0,80}"
        ),
        _p(rf"{_CLOCK_RANGE}(?:[\s,;/&]*(?:and\s+)?{_CLOCK_RANGE})+"),
        _p(rf"\b{WEEKDAY_FULL}s\b(?:\s+(?:at|from|around)\s+{_SPAN_TIME})?"),
        _p(rf"\b{WEEKDAY_FULL}\s+(?:mornings|afternoons|evenings|nights)\b"),
        _p(
            # \S++ (possessive): a shorter piece of the word would only fail at \s+, and
            # trying each at every character made this the costliest block
            r"\S++\s+(?:each|every)\s+(?:day|morning|afternoon|evening|night|week|weekday|"
            r"weekend)\b"
        ),
    ),
)
