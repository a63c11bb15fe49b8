"""Shared by the entity tests: run one extractor alone on a Doc built as the pipeline builds it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from ownlive.understand import lang as language
from ownlive.understand.doc import Doc, Entity
from ownlive.understand.pipeline import resolve_overlaps

SENT_AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
Found = list[tuple[str, dict[str, Any]]]


def doc_for(text: str, lang: str | None = None) -> Doc:
    detected, present = language.detect(text)
    primary = lang or detected
    return Doc(text, SENT_AT, primary, present | {primary})


def run(find: Callable[[Doc], Iterable[Entity]], text: str, lang: str | None = None) -> Found:
    """(span text, value) of each entity, overlaps resolved; spans checked against the text."""
    entities = resolve_overlaps(find(doc_for(text, lang)))
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
    return [(e.text, e.value) for e in entities]
