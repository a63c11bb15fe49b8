"""English parts of days and periods: day-parts alone, ends and halves of periods.

- A day-part alone ("in the morning", "late at night", "early afternoon") is the day's
  part (grain day, DESIGN.md 4.1): the sent day's, or the next day's once it is over.
  Greetings ("good morning") and habits ("in the mornings", "every night") stay out.
- Sunrise and sunset (dawn, dusk) are the morning and the evening as day-parts alone.
- "later this week", "early next month", "earlier in the year": the period itself;
  "the rest of the week" is today to its Sunday.
- "end of the day"/EOD is today; "end of the week" its Friday; "end of the month"
  (or of March) its last day; "end of the year" December 31; "beginning of" the first.
- "the last day of the month", "the last week of July", "the 15th day of next month".
- Halves ("2019 H2", "the first half of next year") are month ranges; "the first
  quarter of 2013" a quarter.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import lexicon_en as lex
from ownlive.understand.extractors.datetime.grammar import Rule, alternation, rule, token
from ownlive.understand.extractors.datetime.grammar_common import NUM_START
from ownlive.understand.extractors.datetime.numerals import EN_ORDINAL, EN_ORDINALS
from ownlive.understand.extractors.datetime.parts import Parts, Token

_MONTH = alternation(lex.MONTHS)
_YEAR = r"(?:19|20)\d{2}"
_SHIFT = {"this": 0, "the": 0, "coming": 1, "next": 1, "following": 1, "last": -1, "past": -1,
          "previous": -1}  # fmt: skip
_MOD = r"(?P<mod>this|the|next|coming|following|last|past|previous)"
_DP = r"(?P<dp>morning|afternoon|evening|night)"
_DP_WORDS = ("morning", "afternoon", "evening", "night")
_DAY = rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)|(?P<dw>{EN_ORDINAL}))"


def _tok(m: re.Match[str], parts: Parts) -> Token:
    """A token over the `v` group, or over `v2` where the pattern's other branch matched."""
    found = token(m, parts)
    if "v2" in m.re.groupindex and m.start("v2") >= 0:
        found.start, found.end = m.span("v2")
    return found


# A number right before: "9 in the morning", "add 1/2 in the morning" (the core grammar's
# weak day-part joins a time there, and stays out beside a fraction).
_NUMBER_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}(?:/\d{1,2})?\s*\Z")


def _daypart_alone(m: re.Match[str]) -> Token | None:
    # Today's (or the next day's) part: the extractor keeps it, the resolver dates it.
    if _NUMBER_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None
    word = m.groupdict().get("dp") or "night"
    return _tok(m, Parts(daypart=lex.DAYPARTS[word], today_implied=True))


_SUN = {"sunrise": "morning", "dawn": "morning", "sunset": "evening", "dusk": "evening"}
_CAPITAL_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’&.-]*\s+\Z")
_PLACE_AFTER = re.compile(
    r"\s+(?:[A-Z]|(?:boulevard|blvd|strip|drive|hills|beach|park|street|ave|avenue|road)\b)"
)


def _sun(m: re.Match[str]) -> Token | None:
    """'at sunset', 'before sunrise': the day's evening or morning, as a day-part alone."""
    word = m["v"]
    if word[0].isupper() and (
        _CAPITAL_WORD_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
        or _PLACE_AFTER.match(m.string, m.end())
    ):
        return None  # "Sunset Hills", "Citizens Brigade Sunset": a place's name
    return token(m, Parts(daypart=_SUN[word.lower()], today_implied=True))


def _rest_of(m: re.Match[str]) -> Token | None:
    """'the rest of the week': from today to the period's last day."""
    unit = m["u"]
    if unit == "week":
        last = Parts(weekday=6, week_shift=0)
    elif unit == "month":
        last = Parts(period="month", period_shift=0, day=-1)
    else:
        last = Parts(period="year", period_shift=0, month=12, day=31)
    found = token(m, Parts(rel_day=0))
    found.last = last
    return found


def _vague_period(m: re.Match[str]) -> Token | None:
    mod = m.groupdict().get("mod") or "this"
    return token(m, Parts(period=m["u"], period_shift=_SHIFT[mod]))


_ABBR_UNIT = {"eod": "day", "eow": "week", "eom": "month", "eoy": "year"}


def _edge(m: re.Match[str]) -> Token | None:
    """'end of the week', 'beginning of next month', 'end of March', 'EOD'."""
    end = m["edge"] in (None, "end")  # the abbreviations are all ends
    shift = _SHIFT[m["mod"] or "this"]
    unit = m["u"] or _ABBR_UNIT.get(m["abbr"] or "")
    if m["mon"]:
        year = int(m["y"]) if m["y"] else None
        return token(
            m, Parts(year=year, month=lex.MONTHS[m["mon"].rstrip(".")], day=-1 if end else 1)
        )
    if unit == "day":
        if m["mod"] not in (None, "this", "the") or re.match(r"\s*,", m.string[m.end() :]):
            return None  # "at the end of the day, it's your call": the idiom
        return token(m, Parts(rel_day=0))
    if unit == "week":
        return token(m, Parts(weekday=4 if end else 0, week_shift=shift))
    if unit == "month":
        return token(m, Parts(period="month", period_shift=shift, day=-1 if end else 1))
    month, day = (12, 31) if end else (1, 1)
    return token(m, Parts(period="year", period_shift=shift, month=month, day=day))


def _ordinal(m: re.Match[str]) -> int | None:
    if m["d"]:
        n = int(m["d"])
    else:
        n = EN_ORDINALS.get(" ".join(m["dw"].replace("-", " ").split()), 0)
        n = n or EN_ORDINALS.get(m["dw"], 0)
    return n if 1 <= n <= 31 else None


def _day_of(m: re.Match[str]) -> Token | None:
    """'the 15th day of next month', 'the thirty-first day of the month'."""
    day = _ordinal(m)
    if day is None:
        return None
    if m["mon"]:
        return token(m, Parts(month=lex.MONTHS[m["mon"].rstrip(".")], day=day))
    return token(m, Parts(period="month", period_shift=_SHIFT[m["mod"]], day=day))


def _first_last(m: re.Match[str]) -> Token | None:
    """'the last day of the month', 'the last week of July', 'the first day of 2027'."""
    last, week = m["which"] != "first", m["u"] == "week"
    year = m["y"] or m["y2"]
    if m["mon"] or m["mod"]:
        if m["mon"]:
            base = Parts(month=lex.MONTHS[m["mon"].rstrip(".")], year=int(year) if year else None)
        else:
            base = Parts(period="month", period_shift=_SHIFT[m["mod"]])
        first_day, last_day = (-7, -1) if last else (1, 7)
    elif year:
        if week and not last:
            return None  # "first week of 2019": ISO week 1, the extra grammar's
        base = Parts(year=int(year), month=12 if last else 1)
        first_day, last_day = (25, 31) if last else (1, 7)
    else:
        return None
    start = _with_day(base, first_day if (week or not last) else last_day)
    if not week:
        return token(m, start)
    found = token(m, start)
    found.last = _with_day(base, last_day)
    return found


def _with_day(parts: Parts, day: int) -> Parts:
    return Parts(year=parts.year, month=parts.month, period=parts.period,
                 period_shift=parts.period_shift, day=day)  # fmt: skip


def _half(m: re.Match[str]) -> Token | None:
    """'2019 H2', 'H1 2020', 'the second half of next year': six months, month grain."""
    second = (m["h"] or m["h2"] or "") == "2" or m["nth"] in ("second", "2nd", "latter")
    year = m["y"] or m["y2"] or m["y3"]
    first_month = 7 if second else 1
    if year:
        first = Parts(year=int(year), month=first_month)
        last = Parts(year=int(year), month=first_month + 5)
    else:
        shift = _SHIFT[m["mod"]]
        first = Parts(period="year", period_shift=shift, month=first_month)
        last = Parts(period="year", period_shift=shift, month=first_month + 5)
    found = _tok(m, first)
    found.last = last
    return found


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "last": 4}  # fmt: skip


def _quarter_of(m: re.Match[str]) -> Token | None:
    raw = m["y"] or m["y2"]
    year = int(raw) if raw else None
    return token(m, Parts(period="quarter", month=3 * _QUARTERS[m["nth"]] - 2, year=year))


_EDGE_WORDS = ("end", "beginning", "start", "eod", "eow", "eom", "eoy")
RULES: tuple[Rule, ...] = (
    rule(
        r"\b(?P<v>(?:(?:early|late|later|earlier)\s+)?in\s+the\s+"
        rf"(?:(?:early|late|mid)[-\s]?)?{_DP})\b",
        _daypart_alone,
        _DP_WORDS,
        ("in the",),
    ),
    rule(r"\b(?:at\s+(?P<v>night)|(?P<v2>late\s+at\s+night))\b", _daypart_alone, ("night",)),
    rule(rf"\b(?P<v>(?:early|late|mid)[-\s]{_DP})\b", _daypart_alone, _DP_WORDS),
    # Lower case only: "Paris by Night", "for Evening Clothes" are titles.
    rule(
        r"\b(?i:for|around|until|till|by|during|throughout|over|before|after|since)\s+"
        r"(?i:the\s+)?(?P<v>(?P<dp>morning|afternoon|evening|night))\b"
        r"(?!\s*(?:'s|shift|class|owl|person|people|off\b))(?<!for the night)(?<!for night)",
        _daypart_alone,
        _DP_WORDS,
        cased=True,
    ),
    rule(
        r"\A\s*(?P<v>(?:(?:early|late)\s+)?(?P<dp>afternoon|evening))\s*[?.]*\s*\Z",
        _daypart_alone,
        ("afternoon", "evening"),
    ),
    # "for the week", "in the year": the current one ("for the day" is the day talked of)
    rule(
        r"\b(?:for|in|during|throughout)\s+(?P<v>the\s+(?P<u>week|month|year))\b"
        r"(?!\s*(?:of|before|after|when|that|ahead|prior|beginning|starting|commencing|"
        r"(?:19|20)\d\d)\b)",
        _vague_period,
        ("the week", "the month", "the year"),
    ),
    rule(
        r"\b(?P<v>(?i:sunrise|sunset)|dawn|dusk)\b(?!\s+of\b)",  # "the dawn of a new era"
        _sun,
        ("sunrise", "sunset", "dawn", "dusk"),
        cased=True,
    ),
    rule(
        r"\b(?P<v>(?:rest|remainder|remaining|balance)\s+of\s+(?:the|this)\s+"
        r"(?P<u>week|month|year))\b",  # "enjoy the rest of the day" takes leave
        _rest_of,
        ("of the", "of this"),
        ("rest", "remain", "balance"),
    ),
    rule(
        r"\b(?P<v>(?:early|earlier|late|later|mid)[-\s]+(?:in\s+)?"
        r"(?P<mod>this|the|next|coming|last|past)\s+(?P<u>week|month|year))\b",
        _vague_period,
        ("week", "month", "year"),
        ("early", "earlier", "late", "mid"),
    ),
    rule(
        r"\b(?P<v>(?P<edge>end|beginning|start)\s+of\s+(?:(?:the|this)\s+)?(?:"
        rf"(?:(?P<mod>next|coming|following|last|past|previous)\s+)?(?P<u>day|week|month|year)|"
        rf"(?P<mon>{_MONTH})\b\.?(?:,?\s+(?P<y>{_YEAR})\b)?)|(?P<abbr>eod|eow|eom|eoy))\b",
        _edge,
        _EDGE_WORDS,
    ),
    rule(
        rf"\b(?P<v>{_DAY}\s+day\s+of\s+(?:(?P<mod>the|this|next|coming|following|last)\s+month|"
        rf"(?P<mon>{_MONTH})\b))",
        _day_of,
        ("day of",),
    ),
    rule(
        r"\b(?P<v>(?P<which>last|final|first)\s+(?P<u>day|week)\s+of\s+(?:"
        rf"(?:the\s+)?(?P<mod>this|next|coming|last|the)\s+month\b|(?P<mon>{_MONTH})\b\.?"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?|(?P<y2>{_YEAR})\b))",
        _first_last,
        ("day of", "week of"),
    ),
    rule(
        NUM_START + rf"(?P<v>(?P<y>{_YEAR})\s*[-\s]?\s*h(?P<h>[12])|h(?P<h2>[12])\s*[-\s]?\s*"
        rf"(?P<y2>{_YEAR}))(?![\w])|\b(?P<v2>(?P<nth>first|1st|second|2nd|latter)\s+half\s+of\s+"
        rf"(?:(?P<y3>{_YEAR})\b|(?P<mod>the|this|next|last)\s+year\b))",
        _half,
        ("h1", "h2", "half of"),
    ),
    rule(
        rf"\b(?P<v>(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+quarter\s+"
        rf"(?:of\s+(?:(?P<y>{_YEAR})\b|(?:the|this)\s+year\b)|(?P<y2>{_YEAR})\b))",
        _quarter_of,
        ("quarter",),
    ),
)
