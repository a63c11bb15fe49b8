"""Shared by the address tests: run the address extractor alone, as the pipeline would."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ownlive.understand import lang as language
from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors.address.extractor import find_addresses

SENT_AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


def addresses(text: str) -> list[Entity]:
    """The address entities of `text`, on a Doc built the way the pipeline builds it."""
    primary, present = language.detect(text)
    entities = list(find_addresses(Doc(text, SENT_AT, primary, present | {primary})))
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text == entity.value["formatted"]
    return entities


def check_one(text: str, span: str, value: dict[str, Any]) -> None:
    """Exactly one address: `span`, with exactly these value keys (formatted added)."""
    found = addresses(text)
    assert [e.text for e in found] == [span]
    assert found[0].value == {"formatted": span, **value}
