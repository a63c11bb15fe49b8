"""Shared by the datetime tests: run the extractor alone and compare (span, value) pairs.

Expected values are written short: ("明天晚上7点", "2026-11-21T19:00", "hour") or, for a
range, ("周六到周日", "2026-11-21T00:00", "2026-11-22T00:00", "day"); the seconds and
the offset of the message's sent time are added here, as the contract writes them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ownlive.understand import lang as language
from ownlive.understand.doc import Doc
from ownlive.understand.extractors.datetime.extractor import find_datetimes
from ownlive.understand.pipeline import resolve_overlaps

Expected = tuple[str, ...]


def found(text: str, sent_at: datetime, lang: str | None = None) -> list[tuple[str, Any]]:
    """(span text, value) of each datetime, overlaps resolved, spans checked against the text."""
    detected, present = language.detect(text)
    primary = lang or detected
    doc = Doc(text, sent_at, primary, present | {primary})
    entities = resolve_overlaps(find_datetimes(doc))
    for entity in entities:
        assert entity.type == "datetime"
        assert text[entity.start : entity.end] == entity.text
    return [(e.text, e.value) for e in entities]


def value(sent_at: datetime, start: str, *rest: str) -> dict[str, str]:
    """The contract's value for a short expectation: start, optional end, grain."""
    offset = sent_at.isoformat()[19:]
    out = {"start": f"{start}:00{offset}"}
    if len(rest) == 2:
        out["end"] = f"{rest[0]}:00{offset}"
    out["grain"] = rest[-1]
    return out


def expected(sent_at: datetime, items: list[Expected]) -> list[tuple[str, Any]]:
    return [(span, value(sent_at, *rest)) for span, *rest in items]
