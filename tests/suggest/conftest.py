"""Helpers for the suggestion loop's tests: the real skills over entities the test gives.

The extractors are written beside this work; these tests give each message's
entities by hand (as the `ownlive extract` contract writes them) and run the
real built-in skills over them, so the loop, the vault and the CalDAV writer
are tested on the cards the skills really make.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import pytest

from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, Understood, skills
from ownlive.suggest.loop import Suggester
from ownlive.understand import Entity
from ownlive.understand.lang import detect
from ownlive.vault import Vault


def entity(text: str, entity_type: str, fragment: str, **value: Any) -> Entity:
    """The entity for `fragment` of `text` (its first occurrence)."""
    start = text.index(fragment)
    return Entity(entity_type, start, start + len(fragment), fragment, value)


def when(text: str, fragment: str, start: str, grain: str = "hour", **extra: Any) -> Entity:
    return entity(text, "datetime", fragment, start=start, grain=grain, **extra)


class SkillsOver:
    """A `Suggester` running the real built-in skills on the entities given per message text."""

    def __init__(self, entities: Mapping[str, Sequence[Entity]]) -> None:
        self.entities = entities
        self.calls: list[tuple[str, datetime]] = []

    def __call__(self, text: str, sent_at: datetime) -> list[Card]:
        self.calls.append((text, sent_at))
        message = Understood(text, sent_at, detect(text)[0], list(self.entities.get(text, [])))
        context = SuggestContext(offline=True)
        return [
            card
            for skill in skills()
            if not skill.needs_network
            for card in skill.fn(message, context)
        ]


def fixed(cards: Mapping[str, Sequence[Card]]) -> Suggester:
    """A `Suggester` that gives the cards listed for a text, and none for the rest."""

    def run(text: str, sent_at: datetime) -> list[Card]:
        return list(cards.get(text, []))

    return run


def restaurant_card(cuisine: str, label: str) -> Card:
    return Card(
        kind="restaurants",
        title=f"Find {label} restaurants",
        actions=[Action(f"Find {label} restaurants", f"geo:0,0?q={cuisine}")],
        evidence=[(0, len(label))],
        data={"cuisine": cuisine, "places": []},
    )


def grant_suggest(vault: Vault) -> None:
    vault.grant("messages.read", subject="assistant", purpose="suggest")


@pytest.fixture
def suggest_grant(vault: Vault) -> Vault:
    """The vault, with the assistant allowed to read messages for suggestions."""
    grant_suggest(vault)
    return vault
