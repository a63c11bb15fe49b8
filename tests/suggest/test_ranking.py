"""Ranking: sooner and surer first, and the order learns from accepts and dismissals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ownlive.suggest import actions, loop
from ownlive.suggest.cards import Card
from ownlive.suggest.ranking import PAST, preference, rank, urgency
from ownlive.vault import Vault
from ownlive.vault.cards import StoredCard
from tests.conftest import IngestHelper, message
from tests.suggest.conftest import SkillsOver, fixed, restaurant_card, when

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("event", "ends", "mentioned", "expected"),
    [
        (NOW, None, None, 1.0),
        (NOW + timedelta(days=1), None, None, 0.5),
        (NOW + timedelta(days=7), None, None, 0.125),
        (NOW - timedelta(minutes=30), None, None, 1.0),  # under way: still the most urgent
        (NOW - timedelta(hours=2), None, None, PAST),
        # An all-day plan that began at midnight is under way until the day ends.
        (NOW - timedelta(hours=10), NOW + timedelta(hours=14), None, 1.0),
        (NOW - timedelta(hours=25), NOW - timedelta(hours=1), None, PAST),
        # Cards without an event: how long ago they were mentioned, at half height.
        (None, None, NOW, 0.5),
        (None, None, NOW - timedelta(days=1), 0.25),
        (None, None, NOW - timedelta(days=3), 0.125),
        (None, None, NOW + timedelta(hours=1), 0.5),  # a clock ahead of ours: not above now
        (None, None, None, PAST),
    ],
)
def test_urgency_halves_a_day_out_and_drops_once_over(
    event: datetime | None, ends: datetime | None, mentioned: datetime | None, expected: float
) -> None:
    assert urgency(event, mentioned, NOW, ends) == pytest.approx(expected)


def test_urgency_compares_instants_across_zones() -> None:
    shanghai = datetime(2026, 11, 21, 18, 0, tzinfo=timezone(timedelta(hours=8)))  # NOW + 1 day
    assert urgency(shanghai, None, NOW) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("accepted", "dismissed", "expected"),
    [(0, 0, 1.0), (0, 3, 0.4), (2, 0, 1.5), (1, 1, 1.0), (9, 0, 1.818182), (0, 18, 0.1)],
)
def test_preference_is_a_smoothed_accept_rate(
    accepted: int, dismissed: int, expected: float
) -> None:
    assert preference(accepted, dismissed) == pytest.approx(expected, abs=1e-6)


def card(card_id: int, kind: str, event: datetime | None, confidence: float = 1.0) -> StoredCard:
    return StoredCard(
        id=card_id,
        kind=kind,
        status="new",
        dedup_key=f"{kind}:{card_id}",
        payload={"title": f"card {card_id}"},
        data={},
        confidence=confidence,
        event_at=event,
        mentioned_at=NOW,
        expires_at=None,
        created_at=NOW.isoformat(),
        decided_at=None,
        result=None,
        score=0.0,
        messages=[],
    )


def test_rank_orders_by_score_then_sooner_event_then_older_card() -> None:
    cards = [
        card(1, "navigate", None),  # mentioned now: 0.5, no event: after those with one
        card(2, "calendar", NOW + timedelta(days=1)),  # 0.5
        card(3, "calendar", NOW + timedelta(days=1), confidence=0.5),  # 0.25
        card(4, "flight", NOW + timedelta(hours=12), confidence=0.75),  # 0.5, the soonest
        card(5, "calendar", NOW + timedelta(days=1)),  # ties with 2: the older card first
        card(6, "calendar", NOW + timedelta(hours=6)),  # 0.8
    ]
    order = rank(cards, {}, NOW)
    assert [r.card.id for r in order] == [6, 4, 2, 5, 1, 3]
    assert [r.score for r in order] == pytest.approx([0.8, 0.5, 0.5, 0.5, 0.5, 0.25])
    assert [r.card.id for r in rank(reversed(cards), {}, NOW)] == [6, 4, 2, 5, 1, 3]


def test_feedback_moves_a_kind_down_and_another_up() -> None:
    cards = [card(1, "restaurants", None), card(2, "calendar", NOW + timedelta(days=2))]
    assert [r.card.id for r in rank(cards, {}, NOW)] == [1, 2]
    learned = {"restaurants": (0, 3), "calendar": (2, 0)}
    assert [r.card.id for r in rank(cards, learned, NOW)] == [2, 1]


MEALS = {
    "Lust auf Sushi heute?": ("sushi", "Sushi"),
    "今晚想吃火锅": ("hot_pot", "火锅"),
    "thai food tonight?": ("thai", "thai"),
    "pizza later, anyone?": ("pizza", "pizza"),
}
PLANS = {
    "Sonntag um 11 Uhr Brunch bei Lena?": ("Sonntag um 11 Uhr", "2026-11-22T11:00:00+01:00"),
    "周日中午12点一起吃饭": ("周日中午12点", "2026-11-22T12:00:00+08:00"),
    "Movie Sunday 7pm?": ("Sunday 7pm", "2026-11-22T19:00:00+00:00"),
}


class Both:
    """Restaurant cards for the meals, the real calendar skill for the plans."""

    def __init__(self) -> None:
        self.meals = fixed({t: [restaurant_card(*MEALS[t])] for t in MEALS})
        self.plans = SkillsOver({t: [when(t, f, start)] for t, (f, start) in PLANS.items()})

    def __call__(self, text: str, sent_at: datetime) -> list[Card]:
        return self.meals(text, sent_at) + self.plans(text, sent_at)


def test_ranking_learns_from_dismissed_restaurants_and_accepted_events(
    suggest_grant: Vault, ingest_records: IngestHelper, tmp_path: Path
) -> None:
    vault = suggest_grant
    sent = NOW - timedelta(hours=1)
    ingest_records(vault, [message(t, at=sent, external_id=t) for t in [*MEALS, *PLANS]])
    loop.refresh(vault, suggester=Both())
    before = [r.card.kind for r in loop.ranked(vault)]
    assert before == ["restaurants"] * 4 + ["calendar"] * 3  # tonight's meals before Sunday

    restaurants = [r.card.id for r in loop.ranked(vault) if r.card.kind == "restaurants"]
    events = [r.card.id for r in loop.ranked(vault) if r.card.kind == "calendar"]
    for card_id in restaurants[:3]:
        actions.dismiss(vault, card_id)
    for card_id in events[:2]:
        actions.accept(vault, card_id, ics_dir=tmp_path, settings=lambda: None)

    after = loop.ranked(vault)
    assert [r.card.id for r in after] == [events[2], restaurants[3]]
    assert [r.preference for r in after] == pytest.approx([1.5, 0.4])
    stored_scores = dict(vault._conn.execute("SELECT id, score FROM cards").fetchall())
    assert [stored_scores[r.card.id] for r in after] == [r.score for r in after]
