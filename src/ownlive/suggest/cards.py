"""A suggestion card: what the user sees, with actions that really do something."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Action:
    label: str
    uri: str  # geo:, tel:, https:, data:text/calendar, ...


@dataclass(frozen=True, slots=True)
class Card:
    """One card per the `ownlive suggest` contract (DESIGN.md section 5).

    `evidence` holds (start, end) spans into the message text. `data` carries
    what later steps need (the event to write to CalDAV, the places found)
    and is not part of the contract's output; `confidence` feeds ranking.
    """

    kind: str
    title: str
    actions: list[Action]
    evidence: list[tuple[int, int]]
    data: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "actions": [{"label": a.label, "uri": a.uri} for a in self.actions],
            "evidence": [{"start": s, "end": e} for s, e in self.evidence],
        }
