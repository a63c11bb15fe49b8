"""More English datetime rules: the year before the month, days next to the sent one, and
a weekday in brackets after a date.

- "in 2017 april", "2019 March 3": the year first (month or day grain).
- "the next day", "the following day" and, where the clause ends, "the day after" /
  "the day before": the day after (before) the sent one; before a noun they count from
  that noun ("the day after the party"), which the message does not date.
- "for the day" at a clause's end ("I'm blocked for the day"): the sent day.
- "May/22(Tue)-11:30 AM": the bracketed weekday belongs to the date, so the clock
  time after it joins the same expression.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import lexicon_en as lex
from ownlive.understand.extractors.datetime.grammar import DIGITS, Rule, alternation, rule, token
from ownlive.understand.extractors.datetime.numerals import EN_ORDINAL, EN_ORDINALS
from ownlive.understand.extractors.datetime.parts import Parts, Token

_MONTH = alternation(lex.MONTHS)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<dw>{EN_ORDINAL}))"
# "in 2019 may be": the modal verb, not the month
_MAY_VERB = re.compile(r"\s+(?:be|not|have|take|seem|also|well|need|get|come|go|help)\b")
_CLAUSE_END = r"(?=\s*(?:[.?!,;)]|\Z))"


def _year_first(m: re.Match[str]) -> Token | None:
    month = lex.MONTHS[m["mon"].rstrip(".")]
    parts = Parts(year=int(m["y"]), month=month)
    if m["d"] is not None or m["dw"] is not None:
        parts.day = _day_of(m["d"], m["dw"])
        if parts.day is None:
            return None
    elif m["mon"] == "may" and _MAY_VERB.match(m.string, m.end()):
        return None
    return token(m, parts)


def _next_day(m: re.Match[str]) -> Token | None:
    return token(m, Parts(rel_day=-1 if m["w"] == "before" else 1))


def _the_day(m: re.Match[str]) -> Token | None:
    return token(m, Parts(rel_day=0))


def _week_of(m: re.Match[str]) -> Token | None:
    day = _day_of(m["d"] or m["d2"], m["dw"] or m["dw2"])
    if day is None:
        return None
    year = int(m["y"]) if m["y"] else None
    month = lex.MONTHS[(m["mon"] or m["mon2"]).rstrip(".")]
    return token(m, Parts(period="week", year=year, month=month, day=day))


def _day_of(digits: str | None, words: str | None) -> int | None:
    if digits is not None:
        day: int | None = int(digits)
    else:
        day = EN_ORDINALS.get(" ".join((words or "").replace("-", " ").split()))
    return day if day is not None and 1 <= day <= 31 else None


def _bracket_weekday(m: re.Match[str]) -> Token | None:
    return token(m, Parts(weekday=lex.WEEKDAYS[m["wd"]]))


RULES: tuple[Rule, ...] = (
    rule(
        rf"\b(?P<y>(?:19|20)\d{{2}})\s+(?P<mon>{_MONTH})\b\.?"
        rf"(?:\s+{_DAY}\b(?!:\d|\s*(?:[ap]\.?m\b|%|(?:[a-z]+\s+)?(?:people|times)\b)))?",
        _year_first,
        _MONTHS,
        DIGITS,
    ),
    rule(
        r"\bthe\s+(?:(?:next|following)\s+day\b(?!\s+(?:after|before)\b)|"
        rf"day\s+(?P<w>before|after){_CLAUSE_END})",
        _next_day,
        ("day",),
    ),
    rule(
        r"\b(?:the\s+)?(?:week\s+(?:of|beginning|starting|commencing)(?:\s+on)?|w/c)\s+"
        rf"(?:the\s+)?(?:(?P<mon>{_MONTH})\.?\s+(?:the\s+)?{_DAY}|"
        rf"{_DAY.replace('<d>', '<d2>').replace('<dw>', '<dw2>')}(?:\s+of)?\s+(?P<mon2>{_MONTH}))\b"
        r"(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?",
        _week_of,
        ("week", "w/c"),
    ),
    rule(rf"\bfor\s+(?P<v>the\s+day){_CLAUSE_END}", _the_day, ("day",)),
    rule(
        rf"(?<=\d)\s*(?P<v>\((?P<wd>{alternation(lex.WEEKDAYS)})\.?\))",
        _bracket_weekday,
        tuple(w for w in lex.WEEKDAYS if len(w) == 3),
    ),
)
