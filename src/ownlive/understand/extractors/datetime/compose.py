"""Tokens to expressions: scan, join adjacent parts, build ranges.

1. Every rule of every language present scans the text; of overlapping
   tokens the longest stays.
2. Adjacent tokens whose gap is a joining word ("at", "um", 的, a comma) and
   whose parts agree become one expression ("明天" "晚上" "7点").
3. Two expressions joined by a range word ("to", "bis", 到, "–"), or a bare
   number beside one ("9–11am", "3. bis 7. Mai"), become one range; a date
   next to a range applies to both bounds ("Monday between 16:00 and 21:00").
4. Recurrences and opening hours are marked dropped, weak tokens that never
   found a partner are left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ownlive.understand.extractors.datetime.gates import RuleIndex
from ownlive.understand.extractors.datetime.grammar import Grammar, lowered
from ownlive.understand.extractors.datetime.numerals import zh_int
from ownlive.understand.extractors.datetime.parts import DATE_FIELDS, Parts, Token

_WINDOW = 28  # characters looked at before a token for "between", "every", "9 -"


def _either(sources: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{s})" for s in sources))  # run on the lowered text


class Composer:
    """The grammars of one set of languages, with their connectors compiled together."""

    def __init__(self, grammars: Sequence[Grammar]) -> None:
        self.grammars = tuple(grammars)
        # Languages share the numeric rules: each rule runs once.
        langs = frozenset(g.lang for g in grammars)
        rules = dict.fromkeys(r for g in grammars for r in g.rules if r.runs_with(langs))
        self.index = RuleIndex(tuple(rules))
        self.join = _either([g.join for g in grammars])
        # A date before a range may stand before its "from": "Freitag von 9 bis 17 Uhr".
        # "am 26.08. zwischen 09.00 - 13.00 Uhr", "18th september 2017 - 06:25-08:05" too.
        self.attach_join = _either(
            [*(g.join for g in grammars), r"\s*,?\s*(?:von|vom|from|从|zwischen|between|[-–—])\s*"]
        )
        self.range_conn = _either([g.range_conn for g in grammars])
        self.between_and = _either([g.between_and for g in grammars])
        # "between the 21st and 23rd", "zwischen dem 3. und 5.": the last bound a number
        self.between_num = re.compile(
            f"(?:{self.between_and.pattern})"
            r"(?P<n>\d{1,2})(?:st|nd|rd|th|\.(?!\d))?(?![\d:]|[.,]\d|\s*(?:[ap]\.?m\b|uhr|%))"
        )
        # The recurrence words of all languages, matched forward once per message.
        self.recurrence = _either([g.recurrence.pattern.removesuffix(r"\Z") for g in grammars])

    def compose(self, text: str) -> list[Token]:
        """Expressions in `text`; connectors and most rules read it lowered."""
        low = lowered(text)
        tokens = self._scan(text, low)
        if not tokens:
            return []
        exprs = self._chain(low, tokens)
        exprs = self._ranges(low, exprs)
        exprs = self._attach(low, exprs)
        kept = [e for e in exprs if not e.weak and not e.drop]
        if not kept:
            return kept  # nothing left for the blocks (opening hours …) to rule out: no scan
        blocked = _Spans(m.span() for g in self.grammars for b in g.blocks for m in b.finditer(low))
        return [e for e in kept if not blocked.overlaps(e)]

    def _scan(self, text: str, low: str) -> list[Token]:
        found: list[Token] = []
        for r in self.index.select(low):
            for m in r.pattern.finditer(text if r.cased else low):
                t = r.build(m)
                if t is not None and t.end > t.start:
                    found.append(t)
        if not found:
            return found
        # "every Friday", 每周五: a token starting inside or right after a recurrence word.
        markers = [m.span() for m in self.recurrence.finditer(low)]
        if markers:
            starts = [s for s, _ in markers]
            for t in found:
                i = bisect.bisect_left(starts, t.start) - 1
                if i >= 0 and t.start <= markers[i][1]:
                    t.drop = True
        # Of overlapping tokens the longest stays (then the strong one, then the earlier).
        found.sort(key=lambda t: (t.start - t.end, t.weak, t.start))
        kept = _Spans()
        chosen: list[Token] = []
        for t in found:
            if not kept.overlaps(t):
                kept.add(t.start, t.end)
                chosen.append(t)
        chosen.sort(key=lambda t: t.start)
        return chosen

    def _chain(self, text: str, tokens: list[Token]) -> list[Token]:
        out: list[Token] = []
        for t in tokens:
            if (
                out
                and not out[-1].is_range
                and not t.is_range
                and (
                    self.join.fullmatch(text, out[-1].end, t.start)
                    or _date_dash_time(text, out[-1], t)
                )
                and _may_join(out[-1], t)
            ):
                prev = out[-1]
                merged = next(
                    (
                        m
                        for a in prev.readings()
                        for b in t.readings()
                        if (m := a.merged(b)) is not None
                    ),
                    None,
                )
                if merged is not None:
                    # Two weak pieces that make a clock time of a day-part are no longer
                    # weak: "3" + "in the afternoon", "evening" + "5"; nor is a day.month
                    # at noon ("1.9. Mittag"), where a grade or a fraction has no noon.
                    dated = merged.day is not None and merged.month is not None
                    noon = dated and merged.daypart in ("noon", "midnight")
                    whole = noon or (merged.has_clock() and merged.daypart is not None)
                    weak = prev.weak and t.weak and not whole
                    out[-1] = Token(prev.start, t.end, merged, weak=weak, drop=prev.drop or t.drop)
                    continue
            out.append(t)
        return out

    def _ranges(self, text: str, exprs: list[Token]) -> list[Token]:
        out: list[Token] = []
        i = 0
        while i < len(exprs):
            e = exprs[i]
            nxt = exprs[i + 1] if i + 1 < len(exprs) else None
            floor = out[-1].end if out else 0
            pair = _range_pair(e, nxt) if nxt is not None else None
            if nxt is not None and pair is not None:
                start, end = self._range_start(text, e, nxt, floor), nxt.end
                if start is None and _ZH_BETWEEN.fullmatch(text, e.end, nxt.start):
                    # "1月15号4点和2月3号9点之间": the bounds, then 之间
                    after = _ZH_AMONG.match(text, nxt.end)
                    start, end = (e.start, after.end()) if after else (None, end)
                if start is not None:
                    first, last = _inherit(*pair)
                    out.append(_range(start, end, first, last, e, nxt))
                    i += 2
                    continue
            ranged = self._number_range(text, e, floor)
            out.append(ranged or e)
            i += 1
        return out

    def _range_start(self, text: str, e: Token, nxt: Token, floor: int) -> int | None:
        if self.range_conn.fullmatch(text, e.end, nxt.start):
            return e.start
        if self.between_and.fullmatch(text, e.end, nxt.start):
            for g in self.grammars:
                m = g.between.search(text, max(floor, e.start - _WINDOW), e.start)
                if m:
                    return m.start()
        return None

    def _number_range(self, text: str, e: Token, floor: int) -> Token | None:
        """'9–11am', '16-17 Uhr', '3. bis 7. Mai', '3到5点' (before); 'Jan 18–22' (after)."""
        if e.is_range or e.parts.is_offset():
            return None
        for g in self.grammars:
            m = g.num_before.search(text, max(floor, e.start - _WINDOW), e.start)
            if m is not None:
                bound = _number_bound(m.group("n"), e.parts)
                if bound is not None:
                    first, last = _inherit(bound, e.parts)
                    return _range(m.start(), e.end, first, last, e, e)
            m = g.num_after.match(text, e.end)
            if m is not None:
                bound = _number_bound(m.group("n"), e.parts)
                if bound is not None:
                    first, last = _inherit(e.parts, bound)
                    return _range(e.start, m.end(), first, last, e, e)
        return self._between_number(text, e, floor)

    def _between_number(self, text: str, e: Token, floor: int) -> Token | None:
        m = self.between_num.match(text, e.end) if e.parts.day is not None else None
        if m is None:
            return None
        bound = _number_bound(m.group("n"), e.parts)
        for g in self.grammars:
            opening = g.between.search(text, max(floor, e.start - _WINDOW), e.start)
            if opening is not None and bound is not None:
                first, last = _inherit(e.parts, bound)
                return _range(opening.start(), m.end(), first, last, e, e)
        return None

    def _attach(self, text: str, exprs: list[Token]) -> list[Token]:
        """A date (or day-part) right before or after a range applies to both bounds."""
        out: list[Token] = []
        for e in exprs:
            prev = out[-1] if out else None
            if prev is not None and self.attach_join.fullmatch(text, prev.end, e.start):
                joined = _apply(prev, e) if e.is_range else _apply(e, prev)
                if joined is not None:
                    out[-1] = Token(
                        prev.start,
                        e.end,
                        joined[0],
                        last=joined[1],
                        weak=prev.weak and e.weak,
                        drop=prev.drop or e.drop,
                    )
                    continue
            out.append(e)
        return out


class _Spans:
    """Non-overlapping [start, end) spans, sorted: overlap checks in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)  # merge overlapping blocks
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, t: Token) -> bool:
        i = bisect.bisect_right(self.starts, t.start)
        if i > 0 and self.ends[i - 1] > t.start:
            return True
        return i < len(self.starts) and self.starts[i] < t.end

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _can_range(a: Parts, b: Parts) -> bool:
    if a.is_offset() or b.is_offset():
        return False
    return a.has_clock() == b.has_clock() or (a.has_date() and b.has_date())


def _range_pair(a: Token, b: Token) -> tuple[Parts, Parts] | None:
    """The readings of two bounds that make a range: alike first ("vom 18.09 bis 19.09")."""
    if a.is_range or b.is_range:
        return None
    pairs = [(x, y) for x in a.readings() for y in b.readings()]
    for x, y in pairs:
        if _can_range(x, y) and x.has_clock() == y.has_clock() and x.has_date() == y.has_date():
            return x, y
    for x, y in pairs:
        if _can_range(x, y):
            return x, y
    return None


def _range(start: int, end: int, first: Parts, last: Parts, a: Token, b: Token) -> Token:
    out = Token(start, end, first, last=last, weak=a.weak and b.weak, drop=a.drop or b.drop)
    out.calendar_only = a.calendar_only and b.calendar_only
    return out


_ZH_BETWEEN = re.compile(r"\s*(?:和|与|跟|與)\s*")
_ZH_AMONG = re.compile(r"\s*之间|\s*之間")
# "24.10.2017 bis: 10 Uhr", "am 12.10., bis 12.00 h", "Freitag, 26.01. - ab 15 Uhr"
_DASH = re.compile(r"\s*,?\s*(?:[-–—]|bis:?(?:\s+spätestens)?)\s*(?:(?:ab|um|gegen|ca\.?)\s*)?")


def _date_dash_time(text: str, date: Token, clock: Token) -> bool:
    """'Fr. 15.09.2017 - 6:00 Uhr', '06.06. bis 15 Uhr': a date, then the time on it.

    Or its day-part: '06.09. - nachmittags ab 16:00'.
    """
    first, second = date.parts, clock.parts
    if first.has_time() or not first.has_date() or second.has_date():
        return False
    if not (second.has_clock() or second.only_daypart()):
        return False
    return _DASH.fullmatch(text, date.end, clock.start) is not None


def _may_join(a: Token, b: Token) -> bool:
    """A token that joins calendar dates only ("1115" of "12 Nov 1115") meets one."""
    if a.calendar_only and b.parts.day is None:
        return False
    return not (b.calendar_only and a.parts.day is None)


def _number_bound(raw: str, other: Parts) -> Parts | None:
    n = int(raw) if raw.isdigit() else zh_int(raw)
    if n is None:
        return None
    if other.hour is not None:
        if not 0 <= n <= 24:
            return None
        return Parts(hour=n, clock24=other.clock24)
    if other.day is not None and 1 <= n <= 31:
        return Parts(day=n)
    return None


def _copy_date(src: Parts, dst: Parts) -> None:
    for f in DATE_FIELDS:
        if getattr(dst, f) is None:
            setattr(dst, f, getattr(src, f))


def _inherit(first: Parts, last: Parts) -> tuple[Parts, Parts]:
    """Each bound takes what it leaves open from the other ('3. bis 7. Mai')."""
    a, b = replace(first), replace(last)
    if not a.has_date() and b.has_date():
        _copy_date(b, a)
    elif a.day is not None and a.month is None and b.month is not None:
        a.month, a.year = b.month, a.year or b.year
    elif a.month is not None and a.year is None and b.year is not None and b.month is not None:
        # "Nov 18 - Dec 19, 2015", "Nov-Feb 2017": the year written once, at the end
        a.year = b.year - 1 if a.month > b.month else b.year
    if not b.has_date() and a.has_date():
        _copy_date(a, b)
    elif b.day is not None and b.month is None and a.month is not None:
        b.month = a.month
    if b.hour is not None and b.meridiem is None and b.daypart is None and not b.clock24:
        b.daypart = a.daypart
        if a.daypart == "morning" and a.hour is not None and b.hour < a.hour:
            b.daypart = "afternoon"  # 上午10点到2点: the day goes on past noon
    if b.clock24 and a.hour is not None and a.meridiem is None and a.daypart is None:
        a.clock24 = True
    if b.has_clock() and not a.has_clock() and a.has_date():
        # "06.09.-07.09. gegen 9 Uhr", "Mon–Wed 9am": the time holds for the first day too
        a.hour, a.minute, a.meridiem, a.clock24 = b.hour, b.minute, b.meridiem, b.clock24
        a.daypart = a.daypart or b.daypart
    return a, b


def _apply(date_token: Token, range_token: Token) -> tuple[Parts, Parts] | None:
    """The date/day-part of `date_token` put into both bounds of `range_token`."""
    if date_token.is_range or range_token.last is None:
        return None
    extra = date_token.parts
    if extra.has_clock() or extra.is_offset():
        return None
    if range_token.calendar_only and extra.day is None:
        return None
    first = range_token.parts.merged(extra)
    last = range_token.last.merged(extra)
    if first is None or last is None:
        return None
    return first, last
