"""Ranking stored cards: soonest and surest first, learning which kinds the user wants.

    score = urgency × confidence × preference(kind)

- **urgency** (0..1] comes from time. For a card with an event (calendar,
  flight, a meal tonight) it is the lead time to the event, hyperbolic with a
  one-day half point: starting now 1.0, in a day 0.5, in a week 0.125. An event
  already over (more than an hour past its start) scores `PAST` (0.05): kept
  visible until it expires, below anything to come. A card without an event
  (an address, a phone number, a parcel) uses how long ago it was last
  mentioned, the same curve: an address mentioned today outranks last week's.
- **confidence** is the skill's own (0..1].
- **preference** is the user's accept rate for the kind, Laplace-smoothed (a
  Beta(1, 1) prior): (accepted + 1) / (accepted + dismissed + 2), doubled so
  that a kind never decided on scores 1.0. Three dismissed restaurant cards
  give 2 × 1/5 = 0.4; two accepted calendar cards give 2 × 3/4 = 1.5. The
  prior keeps one early dismissal from burying a kind for good.

Deterministic: the same cards, decisions and `now` give the same order; ties
go to the sooner event, then to the older card (lower id).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from ownlive.vault.cards import StoredCard

HALF_POINT = timedelta(days=1)  # lead time (or age) at which urgency halves
OVER_AFTER = timedelta(hours=1)  # an event that started this long ago is over
PAST = 0.05


@dataclass(frozen=True)
class Ranked:
    card: StoredCard
    score: float
    urgency: float
    preference: float


def urgency(event_at: datetime | None, mentioned_at: datetime | None, now: datetime) -> float:
    if event_at is not None:
        lead = event_at - now
        if lead < -OVER_AFTER:
            return PAST
        return 1.0 / (1.0 + max(lead, timedelta(0)) / HALF_POINT)
    if mentioned_at is None:
        return PAST
    age = now - mentioned_at
    return 1.0 / (1.0 + max(age, timedelta(0)) / HALF_POINT)


def preference(accepted: int, dismissed: int) -> float:
    return 2.0 * (accepted + 1) / (accepted + dismissed + 2)


def _when(card: StoredCard) -> float:
    return card.event_at.timestamp() if card.event_at else math.inf


def rank(
    cards: Iterable[StoredCard], feedback: Mapping[str, tuple[int, int]], now: datetime
) -> list[Ranked]:
    """Cards with their scores, best first."""
    ranked = []
    for card in cards:
        accepted, dismissed = feedback.get(card.kind, (0, 0))
        near = urgency(card.event_at, card.mentioned_at, now)
        liked = preference(accepted, dismissed)
        score = round(near * max(0.0, min(card.confidence, 1.0)) * liked, 6)
        ranked.append(Ranked(card, score, near, liked))
    ranked.sort(key=lambda r: (-r.score, _when(r.card), r.card.id))
    return ranked
