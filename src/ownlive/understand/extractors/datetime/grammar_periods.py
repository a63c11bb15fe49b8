"""Seasons, quarters and "the next 3 days" in the three languages: ranges of months or days.

A season is its three meteorological months (summer: June–August), a quarter its three
calendar months; both resolve to a month-grain range (`resolve._span`). "this"/"in the"
name the one under way or coming, "next" the one after the one under way.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime.grammar import DIGITS, Rule, rule, token
from ownlive.understand.extractors.datetime.numerals import DE_NUM, EN_NUM, de_int, en_int, zh_int
from ownlive.understand.extractors.datetime.parts import Parts, Token

SEASON_START = {
    "spring": 3,
    "summer": 6,
    "fall": 9,
    "autumn": 9,
    "winter": 12,
    "frühling": 3,
    "frühjahr": 3,
    "sommer": 6,
    "herbst": 9,
    "春": 3,
    "夏": 6,
    "秋": 9,
    "冬": 12,
}
_NEXT = ("next", "coming", "nächsten", "nächstes", "kommenden", "kommendes", "明年", "下个", "明")
_YEAR = r"(?P<y>(?:19|20)\d{2})"


def _season(m: re.Match[str]) -> Token | None:
    word = m["s"][:1] if m["s"][:1] in "春夏秋冬" else m["s"]
    parts = Parts(period="season", month=SEASON_START[word])
    mod = m.groupdict().get("mod") or ""
    if m.groupdict().get("y"):
        parts.year = int(m["y"])
    elif mod in ("今年", "今", "这个"):
        parts.period_shift = 0
    elif mod in ("去年", "last", "letzten", "letztes"):
        return None  # a past season: which one a person means depends on the story
    elif mod in _NEXT:
        parts.period_shift = 1
    return token(m, parts)


def _quarter(m: re.Match[str]) -> Token | None:
    groups = m.groupdict()
    parts = Parts(period="quarter")
    if groups.get("q"):
        number = int(m["q"]) if m["q"].isdigit() else zh_int(m["q"])
        if number is None or not 1 <= number <= 4:
            return None
        parts.month = 3 * number - 2
        if groups.get("y"):
            parts.year = int(m["y"])
    else:
        mod = (m["mod"] or "").lower()
        shifts = {"next": 1, "coming": 1, "following": 1, "last": -1, "previous": -1, "past": -1}
        shifts |= {"nächstes": 1, "nächsten": 1, "letztes": -1, "letzten": -1, "下": 1, "上": -1}
        parts.period_shift = shifts.get(mod.removesuffix("个"), 0)
    return token(m, parts)


def _quarter_either(m: re.Match[str]) -> Token | None:
    """'Q3 2019' or '2019 Q3'."""
    if m["q2"]:
        return token(m, Parts(period="quarter", month=3 * int(m["q2"]) - 2, year=int(m["y2"])))
    return _quarter(m)


def _next_days(m: re.Match[str]) -> Token | None:
    raw = m["n"]
    count = en_int(raw) or de_int(raw) if raw.isascii() else zh_int(raw) or de_int(raw)
    if count is None or not 1 < count <= 60:
        return None
    days = count * (7 if m["u"].lower().startswith(("week", "woche", "周", "星期")) else 1)
    return token(m, Parts(period="days", period_shift=days))


_EN_SEASON = r"(?P<s>spring|summer|fall|autumn|winter)"
_DE_SEASON = r"(?P<s>frühling|frühjahr|sommer|herbst|winter)"
_ZH_SEASON = (
    r"(?P<s>春天|夏天|秋天|冬天|春季|夏季|秋季|冬季|[春夏秋冬](?![节联运卷晚风雨日装季天]))"
)

EN_RULES: tuple[Rule, ...] = (
    rule(
        rf"\b(?P<mod>this|next|coming)\s+{_EN_SEASON}\b(?:\s+{_YEAR}\b)?",
        _season,
        ("spring", "summer", "fall", "autumn", "winter"),
    ),
    rule(
        r"\b(?:in|during|over|until|till|by|since|for)\s+(?:the\s+)?"
        rf"(?P<v>{_EN_SEASON}(?:\s+(?:of\s+)?{_YEAR})?)\b(?!\s+(?:break|time|sale))",
        _season,
        ("spring", "summer", "fall", "autumn", "winter"),
    ),
    rule(rf"\b{_EN_SEASON}\s+{_YEAR}\b", _season, ("spring", "summer", "fall", "autumn", "winter")),
    rule(
        r"\b(?P<mod>this|next|last|current|coming|following|previous|past)\s+quarter\b",
        _quarter,
        ("quarter",),
    ),
    rule(
        rf"\b(?:q(?P<q>[1-4])(?:\s*[-/]?\s*{_YEAR})?|(?P<y2>(?:19|20)\d{{2}})\s*[-/]?\s*q(?P<q2>[1-4]))\b",
        _quarter_either,
        ("q",),
        DIGITS,
    ),
    rule(
        rf"\b(?:(?:in|for|over)\s+)?(?:the\s+)?(?P<v>next\s+(?P<n>{EN_NUM})\s+(?P<u>days|weeks))\b",
        _next_days,
        ("next",),
    ),
)


DE_RULES: tuple[Rule, ...] = (
    rule(
        rf"\b(?P<mod>diesen|dieses|nächsten|nächstes|kommenden|kommendes)\s+{_DE_SEASON}\b"
        rf"(?:\s+{_YEAR}\b)?",
        _season,
        ("frühling", "frühjahr", "sommer", "herbst", "winter"),
    ),
    rule(
        rf"\b(?:im|über\s+den|bis\s+zum|seit\s+dem)\s+(?P<v>{_DE_SEASON}(?:\s+{_YEAR})?)\b",
        _season,
        ("frühling", "frühjahr", "sommer", "herbst", "winter"),
    ),
    rule(
        r"\b(?P<mod>dieses|nächstes|nächsten|letztes|letzten)\s+quartal\b",
        _quarter,
        ("quartal",),
    ),
    rule(
        rf"\b(?:(?:in|für)\s+)?(?:den\s+|die\s+)?(?P<v>nächsten\s+(?P<n>{DE_NUM})\s+(?P<u>tage|wochen))\b",
        _next_days,
        ("nächsten",),
    ),
)

ZH_RULES: tuple[Rule, ...] = (
    rule(rf"(?P<mod>今年|明年|去年|这个|今|明){_ZH_SEASON}", _season, tuple("春夏秋冬")),
    rule(r"(?P<mod>本|这个|下个|上个|下|上)季度", _quarter, ("季度",)),
    rule(rf"第(?P<q>[一二三四1-4])季度(?:\s*{_YEAR})?", _quarter, ("季度",)),
    rule(
        r"(?:未来|接下来的?)(?P<n>\d{1,2}|[两二三四五六七八九十]{1,2})(?:个)?(?P<u>天|周|星期)",
        _next_days,
        ("未来", "接下来"),
    ),
)
