"""English clock times and durations from now: '7:30pm', 'half past 7', 'at 8ish', 'in 2 hours'."""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import lexicon_en as lex
from ownlive.understand.extractors.datetime.grammar import (
    DIGITS,
    Builder,
    Rule,
    alternation,
    duration,
    rule,
    token,
)
from ownlive.understand.extractors.datetime.grammar_common import NUM_START
from ownlive.understand.extractors.datetime.numerals import (
    EN_HOUR_WORD,
    EN_MINUTE_WORD,
    EN_NUM,
    en_int,
    en_minute,
)
from ownlive.understand.extractors.datetime.parts import Parts, Token

UNIT = alternation(lex.UNITS)
HOUR = rf"(?:\d{{1,2}}|{EN_HOUR_WORD})"
# Minutes after an hour: ":30", ".30" (not for a bare "at 8.5"), or words ("seven thirty").
MINUTES = rf"(?:[:.](?P<m>[0-5]\d)(?::[0-5]\d)?|[-\s](?P<mw>{EN_MINUTE_WORD})(?:\s+minutes)?)"
AMPM = r"(?P<ap>[ap](?:\s?\.)?\s?m\b(?:\s?\.)?)(?![a-z0-9])"  # "pm", "p.m.", "p . m ."
# With German in the message, "am" before a capitalized word that is no English day or
# month is the German "am": "um 8 am Bahnhof", "um 8 am Freitag".
# (Whole words: "am Markt" is no "am March".)
_EN_DAY_OR_MONTH = (
    r"(?i:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thu|friday|fri|saturday|sat|"
    r"sunday|sun|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|"
    r"september|sept|sep|october|oct|november|nov|december|dec)\b"
)
AMPM_BESIDE_GERMAN = (
    r"(?P<ap>p\.?\s?m\b\.?|a\.\s?m\b\.?|(?-i:AM|Am|A\s?M|a\s+m)\b|(?-i:am)\b(?!\s+"
    rf"(?!{_EN_DAY_OR_MONTH})"
    r"(?-i:[A-ZÄÖÜ][a-zäöüß])))"
    r"(?![a-z0-9])"
)


def beside_german(head: str, build: Builder, cues: tuple[str, ...]) -> Rule:
    """The German-message twin of a `head` + am/pm rule (whose own copy has skip_with="de")."""
    return rule("(?i)" + head + AMPM_BESIDE_GERMAN, build, cues, cased=True, only_with="de")


# What may not follow a bare hour: it is then a count, an amount or an address.
NOT_TIME = (
    r"(?!\s*(?:[-–/.,:]?\d|%|(?:percent|people|persons|guests|pax|euros?|dollars?|bucks|"
    r"usd|eur|km|miles?|kg|lbs?|degrees|°|times|x\b|years?|yrs?|months?|weeks?|days?|hours?|"
    r"hrs?|min(?:ute)?s?|seconds?|secs?|st\b|nd\b|rd\b|th\b|of\b|out\b|[ap]\.?m\b|o'?clock|"
    # "from 16 to 17 November": days of a month, not hours
    r"(?:to|till|until)\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)|"
    r"(?:[a-z]+\s+){0,2}(?:street|st\b|avenue|ave\b|road|rd\b|boulevard|blvd|lane|drive|way|"
    r"place|plaza|square|hotel|restaurant))))"
)
# Nouns whose number is no hour: "building 4 this afternoon", "gate 7 tonight".
_COUNTED = re.compile(
    r"(?:building|room|gate|floor|level|platform|bus|line|table|seat|number|no\.|#|apartment|"
    r"apt|suite|unit|house|page|chapter|step|part|version|size|team|group|track|terminal)\s*\Z"
)
_AHEAD = (
    r"(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight|tonite|"
    r"this\s+(?:morning|afternoon|evening)|tomorrow|today|tmrw|yesterday|"
    r"(?:next|this)\s+(?:mon|tue|wed|thu|fri|sat|sun)))"
)


def _hour(raw: str) -> int | None:
    value = 0 if raw.lower() == "zero" else en_int(raw)
    return value if value is not None and 0 <= value <= 24 else None


def _minute(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("m"):
        return int(groups["m"])
    if groups.get("mw"):
        return en_minute(groups["mw"])
    return None


def _ampm(m: re.Match[str]) -> Token | None:
    hour = _hour(m["h"])
    if hour is None or hour > 12:
        return None
    meridiem = "am" if m["ap"].lower().startswith("a") else "pm"
    return token(m, Parts(hour=hour, minute=_minute(m), meridiem=meridiem))


# "live at 12a", "seat 4c": a flat or a seat, not a time
_UNIT_BEFORE = re.compile(
    r"(?:\b(?:live[sd]?|living|stay(?:ing)?|flat|apartment|apt|unit|suite|seat|row)\s+(?:at\s+)?|#)\Z"
)


def _letter_ampm(m: re.Match[str]) -> Token | None:
    if _UNIT_BEFORE.search(m.string, max(0, m.start() - 16), m.start()):
        return None
    return _ampm(m)


def _oclock(m: re.Match[str]) -> Token | None:
    hour = _hour(m["h"])
    return None if hour is None else token(m, Parts(hour=hour))


def _past_to(m: re.Match[str]) -> Token | None:
    hour = _hour(m["h"])
    q = " ".join(m["q"].lower().split())
    if q == "half":
        minutes: int | None = 30
    elif q.endswith("quarter"):
        minutes = 15
    else:
        minutes = en_int(q.split()[0])
    if hour is None or minutes is None or not 0 < minutes < 60:
        return None
    if m["dir"].lower() in ("to", "till", "before"):
        hour, minutes = (hour - 1) % 24, 60 - minutes
    return token(m, Parts(hour=hour or 12, minute=minutes))


def _bare_hour(m: re.Match[str]) -> Token | None:
    hour = _hour(m["h"])
    if hour is None or (hour == 0 and not m["h"].isdigit()):
        return None
    minute = _minute(m)
    if m.groupdict().get("m") and m["sep"] == ":":
        return None  # HH:MM is the common rule's
    weak = m.groupdict().get("weak") is not None
    if weak and _COUNTED.search(m.string, max(0, m.start() - 16), m.start()):
        return None
    return token(m, Parts(hour=hour, minute=minute), weak=weak)


def _between_hours(m: re.Match[str]) -> Token | None:
    first, last = _hour(m["a"]), _hour(m["b"])
    if first is None or last is None or not first or not last:
        return None
    return Token(m.start(), m.end(), Parts(hour=first), last=Parts(hour=last))


def _noon(m: re.Match[str]) -> Token | None:
    return token(m, Parts(daypart="noon"))


_LATER_PERIOD = re.compile(r"\s+(?:this|next|today|tomorrow|tonight|in\s+the)\b")


def _in_duration(m: re.Match[str]) -> Token | None:
    raw = " ".join(m["n"].lower().split())
    if raw.startswith("half"):
        amount = 0.5
    elif re.fullmatch(r"\d+\.\d+", raw):
        amount = float(raw)
    else:
        count = en_int(raw)
        if count is None or raw == "a few":
            return None  # "in a few days": no value a person would agree on
        amount = float(count)
    if m["half"] or m["half2"]:
        amount += 0.5
    unit = lex.UNITS[m["u"].lower()]
    if 0 < unit[0] <= 1 and raw in ("a", "an"):
        return None  # "in a minute" means soon, not a time
    if m.groupdict().get("later") and (unit[0] == 0 or _LATER_PERIOD.match(m.string, m.end())):
        # "two days later" tells a story; minutes/hours later are from now, but not in
        # "find 30 minutes later this week" (a slot's length, then "later this week").
        return None
    parts = duration(amount, unit, -1 if m.groupdict().get("ago") else 1)
    base = m.groupdict().get("base")
    if parts is not None and base and parts.offset_days is not None:
        # "a week from tomorrow": counted from the day named, not from today
        parts.offset_days += {"tomorrow": 1, "yesterday": -1}.get(base, 0)
    elif base and base not in ("now", "today"):
        return None  # "2 hours from tomorrow": no instant a person would agree on
    return None if parts is None else token(m, parts)


_N = rf"(?P<n>half\s+an?|\d+\.\d+|{EN_NUM})(?P<half2>\s+and\s+a\s+half)?"
_AMPM = ("am", "pm", "a.m", "p.m", "a m", "p m", "a .", "p .")
# Hours past twelve in words, said with o'clock ("fourteen o'clock").
_HOUR_24 = (
    r"(?:zero|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty(?:[-\s](?:one|two|three|four))?)"
)
_UNITS = ("sec", "min", "hour", "hr", "h", "day", "week", "wk", "month", "year")
_HOURS = (*DIGITS, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve")  # fmt: skip
_AHEAD_WORDS = ("tonight", "tonite", "morning", "afternoon", "evening", "night", "tomorrow",
                "today", "tmrw", "yesterday", "next", "this")  # fmt: skip
TIME_RULES: tuple[Rule, ...] = (
    rule(
        NUM_START + rf"(?P<h>{HOUR}|zero)(?:{MINUTES})?(?:\s*|\.)" + AMPM,
        _ampm,
        _AMPM,
        skip_with="de",
    ),
    # "at 9a", "today at 8:45a", "until 7p": the meridiem's letter alone, after a preposition
    rule(
        r"(?:\b(?:at|by|until|till|from|around|about|before|after)\s+|@\s*)"
        r"(?P<v>(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?(?P<ap>[ap]))(?![\w'’-])"
        r"(?!\.?\s+(?:[a-z]+\s+){0,2}(?:street|st\b|avenue|ave\b|road|rd\b|lane|drive|blvd))",
        _letter_ampm,
        ("at", "by", "til", "from", "around", "about", "before", "after", "@"),
        DIGITS,
    ),
    beside_german(NUM_START + rf"(?P<h>{HOUR})(?:{MINUTES})?\s*", _ampm, _AMPM),
    rule(rf"\b(?P<h>{HOUR}|{_HOUR_24})\s*o['’\"]?\s?clock\b", _oclock, ("clock",)),
    rule(
        rf"\b(?:morning|afternoon|evening|night)\s+(?P<v>(?P<h>{HOUR})(?::(?P<m>[0-5]\d))?)\b"
        r"(?P<weak>)(?P<sep>)" + NOT_TIME,
        _bare_hour,
        ("morning", "afternoon", "evening", "night"),
        _HOURS,
    ),
    rule(
        rf"\b(?P<q>half|a\s+quarter|quarter|(?P<mn>\d{{1,2}}(?:\s+min(?:ute)?s?)?(?=\s+past)|"
        rf"(?:{EN_NUM}|\d{{1,2}})\s+min(?:ute)?s?|ten|five|twenty|twenty-five))\s+"
        rf"(?P<dir>past|after|to|till|before)\s+(?P<h>{HOUR})\b(?:\s*o['’]?\s?clock\b)?",
        _past_to,
        ("half", "quarter", "past", "min", "ten ", "five ", "twenty"),
    ),
    rule(
        r"(?:\b(?:at|around|about|by|till|until|from|after|before|'til|til|approximately|"
        r"approx\.?|ca\.?)\s+|@\s*)"
        rf"(?P<v>(?P<h>{HOUR})(?:(?P<sep>[:.])(?P<m>[0-5]\d)|[-\s](?P<mw>{EN_MINUTE_WORD})"
        r"(?:\s+minutes)?)?(?:-?ish)?)\b" + NOT_TIME,
        _bare_hour,
        ("at", "around", "about", "by", "til", "from", "after", "before", "approx", "ca", "@"),
        _HOURS,
    ),
    rule(r"\b(?P<v>(?P<h>\d{1,2})-?ish)\b", _bare_hour, ("ish",)),
    rule(
        rf"\bbetween\s+(?P<a>{HOUR})\s+and\s+(?P<b>{HOUR})\b" + NOT_TIME,
        _between_hours,
        ("between",),
    ),
    rule(
        rf"(?<![-–/.\d])\b(?P<v>(?P<h>{HOUR})(?:[-\s](?P<mw>{EN_MINUTE_WORD}))?)(?P<weak>)(?P<sep>)"
        + _AHEAD,
        _bare_hour,
        _AHEAD_WORDS,
        _HOURS,
    ),
    rule(r"\b(?P<v>noon-?ish|midday-?ish)\b", _noon, ("ish",)),
    rule(
        r"\bin\s+(?:about\s+|around\s+|approx\.?\s+|roughly\s+|another\s+|just\s+)?"
        rf"{_N}\s*(?P<u>{UNIT})\b(?P<half>\s+and\s+a\s+half)?",
        _in_duration,
        ("in",),
        _UNITS,
    ),
    rule(
        rf"\b{_N}\s*(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?"
        r"\s+(?:(?P<ago>ago)|from\s+(?P<base>now|today|tomorrow|yesterday)|(?P<later>later))\b",
        _in_duration,
        ("ago", "from now", "from today", "from tomorrow", "from yesterday", "later"),
    ),
)
