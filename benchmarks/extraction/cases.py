"""The records every loader, peer and metric shares, and the value helpers they agree on.

Spans are Python string indices, end exclusive (as in `ownlive extract`). Gold datetime
values are tuples of acceptable partial ISO strings: "2016-11-07" (a date: only the date is
compared), "2016-11-07T19:00" (date and clock time), "T19:00" (a clock time alone, as
Recognizers-Text resolves "7pm"). Several entries mean the source accepts several readings
(Recognizers-Text lists the past and the future one of "Friday").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# Reference time for sets that carry none (their values are not scored; relative
# expressions still need an anchor, and a fixed one keeps runs comparable).
DEFAULT_REFERENCE = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class GoldSpan:
    type: str  # an `ownlive extract` entity type (DESIGN.md section 4)
    start: int
    end: int  # exclusive
    text: str
    value: dict[str, Any] | None = None  # {"start": (partial ISO, ...)} or {"e164": "+..."}


@dataclass(frozen=True, slots=True)
class Case:
    set: str
    lang: str
    text: str
    reference_time: datetime  # timezone-aware
    gold: tuple[GoldSpan, ...]
    # The types this case is annotated for: predictions of other types are not scored.
    types: frozenset[str]
    # Regions where a prediction of that type counts neither right nor wrong (e.g. a SNIPS
    # served_dish for cuisine: "pizza" is a cuisine to ownlive, a dish to SNIPS).
    ignore: tuple[GoldSpan, ...] = ()
    stratum: str = ""  # the source file or intent, for capping and notes


@dataclass(frozen=True, slots=True)
class Pred:
    """One predicted entity, ours or a peer's, mapped to ownlive's types and value keys."""

    type: str
    start: int
    end: int
    value: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class LoadedSet:
    name: str
    title: str
    cases: list[Case]
    notes: list[str]
    available: bool = True


def not_available(name: str, title: str, path: Path) -> LoadedSet:
    return LoadedSet(name, title, [], [f"not available ({path} missing)"], available=False)


def aware(raw: str | None) -> datetime:
    """A source's reference time, UTC where it gives no offset; the default where none."""
    if not raw:
        return DEFAULT_REFERENCE
    moment = datetime.fromisoformat(raw)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def locate(text: str, needle: str, cursor: int = 0) -> tuple[int, int] | None:
    """The first occurrence of `needle` at or after `cursor` (case-insensitive fallback)."""
    if not needle:
        return None
    at = text.find(needle, cursor)
    if at < 0:
        at = text.find(needle)
    if at < 0:
        at = text.lower().find(needle.lower(), cursor)
    if at < 0:
        return None
    return at, at + len(needle)


def exclusive_span(
    text: str, start: int, end_inclusive: int, expected: str
) -> tuple[int, int] | None:
    """Recognizers-Text's inclusive `End` as an exclusive end, checked against its `Text`."""
    end = end_inclusive + 1
    found = text[start:end]
    if found == expected or found.lower() == expected.lower():
        return start, end
    # Some spec Texts write an ASCII comma where the Input has a full-width one
    # ('10月12号,星期一' for '10月12号，星期一'): the offsets are right.
    if unicodedata.normalize("NFKC", found) == unicodedata.normalize("NFKC", expected):
        return start, end
    return locate(text, expected, max(0, start - 2))


def cap(items: list[Case], limit: int | None) -> list[Case]:
    """At most `limit` items, evenly spread over the list (deterministic)."""
    if limit is None or len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def partial_iso(date: str | None, clock: str | None) -> str | None:
    """'YYYY-MM-DD', 'YYYY-MM-DDTHH:MM' or 'THH:MM' from the parts a source resolved."""
    if date and clock:
        return f"{date}T{clock[:5]}"
    if date:
        return date
    if clock:
        return f"T{clock[:5]}"
    return None


def datetime_value_ok(accepted: tuple[str, ...], predicted_start: str | None) -> bool:
    """Whether an ISO start matches one accepted reading at the precision the gold gives."""
    if not predicted_start or len(predicted_start) < 10:
        return False
    date, clock = predicted_start[:10], predicted_start[11:16]
    for gold in accepted:
        if gold.startswith("T"):
            if clock == gold[1:6]:
                return True
        elif len(gold) == 10:
            if date == gold:
                return True
        elif date == gold[:10] and clock == gold[11:16]:
            return True
    return False


_INTERNATIONAL = re.compile(r"^\(?(?:\+|00(?=[1-9]))")
# Two-digit country codes (ITU-T E.164 zones); 1 and 7 are the one-digit ones, the rest
# have three digits. A national trunk 0 written after the country code ("0044 07456 ...")
# is not dialled from abroad, except in Italy.
_CC2 = frozenset(
    str(code)
    for code in (20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51,
                 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90,
                 91, 92, 93, 94, 95, 98)
)  # fmt: skip


def _international(digits: str) -> str | None:
    size = 1 if digits[:1] in ("1", "7") else 2 if digits[:2] in _CC2 else 3
    country, rest = digits[:size], digits[size:]
    if rest.startswith("0") and country != "39":
        rest = rest[1:]
    number = country + rest
    return f"+{number}" if 8 <= len(number) <= 15 else None


def e164(raw: str, lang: str, *, national: bool = True) -> str | None:
    """E.164 of a phone as written, by plain rules; None where the rules cannot tell.

    International prefix (+, 00) first; else, when `national`, the language's region
    (zh CN, de DE, en US/NANP) with its trunk prefix and lengths. Used for gold values the
    sources do not resolve, and for peers that return no E.164 of their own.
    """
    text = raw.strip().replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if _INTERNATIONAL.match(text):
        return _international(digits if text.lstrip("(").startswith("+") else digits[2:])
    if not national:
        return None
    if lang == "en":
        if len(digits) == 11 and digits[0] == "1":
            digits = digits[1:]
        return f"+1{digits}" if len(digits) == 10 and digits[0] in "23456789" else None
    if lang == "zh":
        if re.fullmatch(r"1[3-9]\d{9}", digits) or re.fullmatch(r"[48]00\d{7}", digits):
            return f"+86{digits}"
        if digits.startswith("0") and 10 <= len(digits) <= 12:
            return f"+86{digits[1:]}"
        return None
    if lang == "de" and digits.startswith("0") and not digits.startswith("00"):
        return f"+49{digits[1:]}" if 7 <= len(digits) <= 14 else None
    return None
