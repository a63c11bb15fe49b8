"""Chinese windows of time reaching back or ahead from now: 过去十年, 最近三天, 前1周, 之后5分钟.

A window is a range with now at one end (DESIGN.md 4.1: one entity, start = the first
bound). Reaching back, it starts that many units before the sent date (or instant, for
hours and minutes) and ends at it; reaching ahead, it starts the next day and ends that
many units later, as "未来3天" does (`grammar_periods`), or for hours and minutes starts
now. The words are the window's: 过去, 最近, 近, 前 look back; 未来, 接下来, 今后, 往后,
后 look ahead; 之前/之后 at the start of a clause too, and 上个小时/下个小时 one hour.

The bare 前/后/之前/之后 are more often "before"/"after" something named just before
them ("考试前1周", "出发前两天", "吃完饭之后5分钟"), which is no window from now: they
count only at the start of a clause or after a pronoun. "过去" after a verb or a
pronoun is "go over" ("我过去5分钟就到"), and "过去三天了" says time has passed, a
duration: both stay out. A single day back or ahead (前一天, 后一天) is "the day
before/after" something, also out.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import lexicon_zh as lex
from ownlive.understand.extractors.datetime.grammar import Rule, rule, token
from ownlive.understand.extractors.datetime.numerals import zh_int
from ownlive.understand.extractors.datetime.parts import Parts, Token

_BACK = frozenset({"过去", "過去", "最近", "近", "前", "之前", "以前"})
_PRONOUNS = frozenset("我你他她它们們咱您")
# What may stand right before each kind of marker besides a clause start.
# None: the marker is a window word wherever it stands (未来, 最近, 接下来).
_LEFT: dict[str, frozenset[str] | None] = {
    "过去": frozenset("在这這从從"),
    "ahead": None,
    "前": _PRONOUNS,
    "之前": frozenset(),
}
_N = r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3}|半)"
_UNIT = (
    r"(?P<ge>个|個)?(?P<half>半)?(?P<u>分钟|分鐘|小时|小時|钟头|鐘頭|天|周|星期|礼拜|禮拜|月|年)"
)
# 前两年级, 过去三天了, 近3年多, 后5年期: a grade, a duration passed, an approximation.
_NOT_AFTER = r"(?![了多级級代龄齡度期薪底初末以左])"
_UNITS = {**lex.UNITS, "鐘頭": (60, 0, 0), "禮拜": (0, 7, 0)}


def _clause_start(m: re.Match[str], allowed: frozenset[str]) -> bool:
    """Nothing before the marker, or a non-Han character, or one of `allowed`."""
    at = m.start()
    if at == 0:
        return True
    before = m.string[at - 1]
    return not ("\u4e00" <= before <= "\u9fff") or before in allowed


def _left_kind(marker: str) -> str:
    if marker in ("过去", "過去"):
        return "过去"
    if marker in ("前", "后", "後"):
        return "前"
    if marker in ("之前", "之后", "之後", "以前", "以后", "以後", "近"):
        return "之前"
    return "ahead"


def _amount(m: re.Match[str]) -> float | None:
    raw = m["n"]
    if raw == "半":
        return None if m["half"] else 0.5
    value = int(raw) if raw.isdigit() else zh_int(raw)
    if value is None or value < 1:
        return None
    return value + (0.5 if m["half"] else 0)


def _window(m: re.Match[str]) -> Token | None:
    marker, unit = m["mk"], m["u"]
    allowed = _LEFT[_left_kind(marker)]
    if allowed is not None and not _clause_start(m, allowed):
        return None
    amount = _amount(m)
    if amount is None or (unit == "月" and not m["ge"]):
        return None  # 前3月 is "the first three months" or "before March"
    minutes, days, months = _UNITS[unit]
    back = marker in _BACK
    if days == 1 and amount < 2 and marker in ("前", "后", "後", "之前", "之后", "之後"):
        return None  # 前一天, 后一天: the day before or after something
    if minutes:
        size = amount * minutes
        first = Parts(offset_minutes=-size if back else 0.0)
        last = Parts(offset_minutes=0.0 if back else size)
    else:
        span = _days_or_months(amount, days, months)
        if span is None:
            return None
        if back:
            first, last = _shifted(span, -1), Parts(offset_days=0)
        else:
            first, last = Parts(offset_days=1), _shifted(span, 1)
    found = token(m, first)
    found.last = last
    return found


def _days_or_months(amount: float, days: int, months: int) -> tuple[str, int] | None:
    if days:
        return ("days", round(amount * days)) if amount * days == int(amount * days) else None
    total = amount * months
    return ("months", int(total)) if total == int(total) else None


def _shifted(span: tuple[str, int], sign: int) -> Parts:
    kind, size = span
    if kind == "days":
        return Parts(offset_days=sign * size)
    return Parts(offset_months=sign * size)


def _last_hour(m: re.Match[str]) -> Token | None:
    """上个小时, 下一个小时: the hour before or after now."""
    if not _clause_start(m, _PRONOUNS | frozenset("在")):
        return None
    back = m["mk"] == "上"
    found = token(m, Parts(offset_minutes=-60.0 if back else 0.0))
    found.last = Parts(offset_minutes=0.0 if back else 60.0)
    return found


_WORDS = (
    "过去",
    "過去",
    "最近",
    "未来",
    "未來",
    "接下来",
    "接下來",
    "今后",
    "今後",
    "往后",
    "往後",
)

ZH_WINDOW_RULES: tuple[Rule, ...] = (
    rule(
        rf"(?P<mk>{'|'.join(_WORDS)})的?{_N}{_UNIT}{_NOT_AFTER}",
        _window,
        _WORDS,
    ),
    rule(
        rf"(?P<mk>之前|之后|之後|以前|以后|以後|前|后|後|近){_N}{_UNIT}{_NOT_AFTER}",
        _window,
        ("前", "后", "後", "近"),
    ),
    rule(
        r"(?P<mk>上|下)(?:一(?:个|個)?|个|個)(?:小时|小時|钟头|鐘頭)",
        _last_hour,
        ("小时", "小時", "钟头", "鐘頭"),
    ),
)
