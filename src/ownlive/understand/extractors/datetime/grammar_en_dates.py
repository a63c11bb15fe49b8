"""English dates beyond the core grammar: compact, spelled and "last <month>" forms.

- "20161016": an ISO date without separators, standing alone (not an order number);
  "10-1-2018" a US date with dashes.
- Years in words after a preposition: "in nineteen ninety six", "by two thousand and
  twenty", "since twenty fifteen".
- "last March": the most recent March before the current month.
- "May twenty nine": a month and its day as a cardinal in words (13 and up; "March
  ten" may be ten people).
- Years in comparisons and lists: "later than 2018", "2007 and 2009".
- Durations in hundreds of days, in words: "in two hundred thirty seven days".
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import lexicon_en as lex
from ownlive.understand.extractors.datetime.grammar import DIGITS, Rule, alternation, rule, token
from ownlive.understand.extractors.datetime.grammar_common import NUM_START
from ownlive.understand.extractors.datetime.parts import Parts, Token

_MONTH = alternation(lex.MONTHS)
_WORDS = {
    "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TWO_DIGITS = rf"(?:(?:{_TENS})(?:[-\s](?:{_UNIT}))?|{_TEEN}|oh[-\s](?:{_UNIT}))"
_YEAR_WORDS = (
    rf"(?:(?:nineteen|twenty)[-\s]{_TWO_DIGITS}|two\s+thousand(?:\s+and)?"
    rf"(?:[-\s](?:{_TWO_DIGITS}|{_UNIT}))?)"
)
# What may follow a year in words: the end, punctuation or a word a sentence goes on with
# ("in two thousand people" is a count).
_YEAR_FOLLOW = (
    r"(?=\s*(?:\Z|[.,;:!?)]|(?:and|or|to|till|until|but|when|because|in|on|at|for|we|i|"
    r"they|he|she|you|it|was|were)\b))"
)


def _number(words: str) -> int:
    return sum(_WORDS[w] for w in words.replace("-", " ").split() if w in _WORDS)


def _spelled_year(m: re.Match[str]) -> Token | None:
    words = " ".join(m["v"].replace("-", " ").split())
    if words.startswith("two thousand"):
        year = 2000 + _number(words.removeprefix("two thousand"))
    else:
        head, _, tail = words.partition(" ")
        year = _WORDS[head] * 100 + _number(tail)
    return token(m, Parts(year=year)) if 1900 <= year <= 2099 else None


# Words after which eight digits are a number, not a date.
_CODE_BEFORE = re.compile(
    r"(?:order|no|nr|number|id|ref|reference|code|otp|pin|tan|tracking|invoice|account|acct|"
    r"booking|confirmation|ticket|phone|tel|call|fax|iban|serial|sku|#)(?:\s+is)?\W{0,3}\Z"
)


def _compact(m: re.Match[str]) -> Token | None:
    if _CODE_BEFORE.search(m.string, max(0, m.start() - 16), m.start()):
        return None
    year, month, day = int(m["y"]), int(m["mo"]), int(m["d"])
    return token(m, Parts(year=year, month=month, day=day))


def _dashed(m: re.Match[str]) -> Token | None:
    """'10-1-2018', '02-02-2020': US order unless the first cannot be a month."""
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return token(m, Parts(year=int(m["y"]), month=month, day=day))


def _hundreds_of_days(m: re.Match[str]) -> Token | None:
    """'in two hundred thirty seven days': counted from the sent date."""
    count = _WORDS[m["h"]] * 100 + _number(m["rest"] or "")
    days = count * (7 if m["u"].startswith("week") else 1)
    return token(m, Parts(offset_days=days))


def _last_month(m: re.Match[str]) -> Token | None:
    word = m["mon"].rstrip(".")
    if word == "may" and _MAY_VERB.match(m.string, m.end()):
        return None  # "at last may be": the modal verb
    return token(m, Parts(month=lex.MONTHS[word], period="latest"))


_MAY_VERB = re.compile(r"\s+(?:be|not|have|take|seem|also|well|need|get|come|go|help)\b")


def _month_cardinal(m: re.Match[str]) -> Token | None:
    day = _number(m["dw"])
    if not 13 <= day <= 31:
        return None
    return token(m, Parts(month=lex.MONTHS[m["mon"].rstrip(".")], day=day))


def _year(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=int(m["v"])))


def _compared_year(m: re.Match[str]) -> Token | None:
    # "greater than 2015" compares years only where the message speaks of years.
    if m["cmp"] in ("greater", "less", "more", "bigger", "smaller") and not re.search(
        r"\byears?\b", m.string[max(0, m.start() - 24) : m.start()]
    ):
        return None
    return _year(m)


# What may not follow the second year of a list: it is then a count ("2000 or 2500 people").
NOT_COUNT = (
    r"(?!\s*(?:[a-z]+\s+)?(?:people|persons|units|items|dollars|euros|pounds|km|miles|copies|"
    r"pieces|times|users|votes)\b)"
)
RULES: tuple[Rule, ...] = (
    rule(
        r"(?<![\w.,/+#$€£¥:])(?P<y>(?:19|20)\d{2})(?P<mo>0[1-9]|1[0-2])"
        r"(?P<d>0[1-9]|[12]\d|3[01])(?![\w]|[.,]\d)",
        _compact,
        ("19", "20"),
    ),
    rule(
        NUM_START + r"(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>(?:19|20)\d{2})(?!\d|[.,]\d)",
        _dashed,
        ("-",),
        DIGITS,
    ),
    rule(
        r"\b(?:in|since|until|till|by|before|after|from|during|of)\s+"
        rf"(?P<v>{_YEAR_WORDS})\b" + _YEAR_FOLLOW,
        _spelled_year,
        ("nineteen", "twenty", "two thousand"),
    ),
    rule(
        rf"\bin\s+(?P<h>{_UNIT})\s+hundred(?:\s+and)?(?P<rest>\s+{_TWO_DIGITS}|\s+(?:{_UNIT}))?"
        r"\s+(?P<u>days|weeks)\b",
        _hundreds_of_days,
        ("hundred",),
    ),
    rule(
        rf"\b(?:last|past|previous)\s+(?P<mon>{_MONTH})\b\.?",
        _last_month,
        ("last", "past", "previous"),
    ),
    rule(
        rf"\b(?P<mon>{_MONTH})\.?\s+(?P<dw>(?:twenty|thirty)(?:[-\s](?:{_UNIT}))?|"
        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b(?![-\s]+\w+teen)"
        r"(?!\s*(?:[a-z]+\s+)?(?:people|persons|guests|minutes|hours|days|weeks|years|dollars|"
        r"euros|percent|times)\b)",
        _month_cardinal,
        ("teen", "twenty", "thirty"),
    ),
    rule(
        r"\b(?P<cmp>later|earlier|sooner|newer|older|greater|less|more|bigger|smaller)\s+than\s+"
        r"(?P<v>(?:19|20)\d{2})\b(?=\s*(?:\Z|[.,;!?)]))",
        _compared_year,
        ("than",),
        DIGITS,
    ),
    rule(
        r"\b(?:back\s+to|as\s+of|prior\s+to|circa|ca\.|c\.)\s+(?P<v>(?:1[5-9]|20)\d{2})\b"
        r"(?![-/.:]\d)" + NOT_COUNT,
        _year,
        ("back to", "as of", "prior to", "circa", "ca.", "c."),
        DIGITS,
    ),
    # "2007 and 2009": the first of two years in a list (the second is the core grammar's)
    rule(
        r"(?<![\w.,/$€£¥-])(?P<v>(?:19|20)\d{2})(?=\s+(?:and|or)\s+(?:19|20)\d{2}\b"
        + NOT_COUNT
        + ")",
        _year,
        ("and", "or"),
        ("19", "20"),
    ),
)
