"""Ranking stored cards: soonest and surest first, learning which kinds the user wants.

    score = urgency × confidence × preference(kind)

- **urgency** (0..1] comes from time. For a card with an event (a calendar
  plan, a flight) it is the lead time to the event, hyperbolic with a one-day
  half point: starting now 1.0, in a day 0.5, in a week 0.125. While the event
  is under way (a calendar plan until its end, an all-day one all day; a
  flight for an hour) it stays 1.0; once over it scores `PAST` (0.05), below
  anything to come. A card
  without an event (an address, a number, a parcel, a meal wanted) uses how
  long ago it was last mentioned, on the same curve at half height
  (`UNTIMED`): just mentioned, it counts like an event a day away, so that a
  plan for tomorrow evening outranks a phone number from this morning, and an
  address mentioned today outranks last week's.
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
UNTIMED = 0.5  # the height of the curve for cards without an event


@dataclass(frozen=True)
class Ranked:
    card: StoredCard
    score: float
    urgency: float
    preference: float


def urgency(
    event_at: datetime | None,
    mentioned_at: datetime | None,
    now: datetime,
    ends_at: datetime | None = None,
) -> float:
    if event_at is not None:
        lead = event_at - now
        if lead >= timedelta(0):
            return 1.0 / (1.0 + lead / HALF_POINT)
        under_way = now < ends_at if ends_at is not None else -lead <= OVER_AFTER
        return 1.0 if under_way else PAST
    if mentioned_at is None:
        return PAST
    age = max(now - mentioned_at, timedelta(0))
    return UNTIMED / (1.0 + age / HALF_POINT)


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
        # A calendar card expires when its event ends: that is when it stops being under way.
        ends = card.expires_at if card.kind == "calendar" else None
        near = urgency(card.event_at, card.mentioned_at, now, ends)
        liked = preference(accepted, dismissed)
        score = round(near * max(0.0, min(card.confidence, 1.0)) * liked, 6)
        ranked.append(Ranked(card, score, near, liked))
    ranked.sort(key=lambda r: (-r.score, _when(r.card), r.card.id))
    return ranked
