"""Runs understanding, then every registered skill, for one message."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime

from ownlive.plugins.manager import get_plugin_manager
from ownlive.suggest.cards import Card
from ownlive.suggest.registry import Skill
from ownlive.understand import Entity, extract


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float


@dataclass
class SuggestContext:
    """What skills may use besides the message: time, place, providers, network policy."""

    now: datetime | None = None
    location: Location | None = None
    offline: bool = True
    providers: dict[str, object] = field(default_factory=dict)  # weather, places, ...


@dataclass(frozen=True)
class Understood:
    """A message with its entities, as skills see it."""

    text: str
    sent_at: datetime
    lang: str
    entities: list[Entity]

    def of_type(self, entity_type: str) -> list[Entity]:
        return [e for e in self.entities if e.type == entity_type]


@functools.cache
def skills() -> tuple[Skill, ...]:
    found: list[Skill] = []
    for batch in get_plugin_manager().hook.register_skills():
        found.extend(batch)
    return tuple(found)


def understand(text: str, sent_at: datetime | None, lang: str | None) -> Understood:
    if sent_at is None:
        sent_at = datetime.now().astimezone()
    elif sent_at.tzinfo is None:
        sent_at = sent_at.astimezone()
    result = extract(text, sent_at=sent_at, lang=lang)
    return Understood(text, sent_at, result.lang, result.entities)


def suggest(
    text: str,
    *,
    sent_at: datetime | None = None,
    lang: str | None = None,
    context: SuggestContext | None = None,
) -> list[Card]:
    context = context or SuggestContext()
    message = understand(text, sent_at, lang)
    cards: list[Card] = []
    for skill in skills():
        if skill.needs_network and context.offline:
            continue
        cards.extend(skill.fn(message, context))
    return cards
