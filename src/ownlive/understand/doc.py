"""The message being understood, and the entities found in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

LANGS = ("zh", "en", "de")


@dataclass(frozen=True, slots=True)
class Doc:
    """One message: its text, the reference time for relative expressions, its languages."""

    text: str
    sent_at: datetime  # timezone-aware; resolved values carry its offset
    lang: str  # the language entities are parsed as: zh, en or de
    langs: frozenset[str] = field(
        default_factory=frozenset
    )  # every language present (code-switching)


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity per the `ownlive extract` contract (DESIGN.md section 4).

    `start`/`end` are Python string indices into the message text, end exclusive.
    `priority` breaks ties between overlapping candidates of equal length
    (higher wins); it is not part of the output.
    """

    type: str
    start: int
    end: int
    text: str
    value: dict[str, Any]
    priority: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    lang: str
    entities: list[Entity]

    def to_json(self, message_id: Any) -> dict[str, Any]:
        return {
            "id": message_id,
            "lang": self.lang,
            "entities": [e.to_json() for e in self.entities],
        }
