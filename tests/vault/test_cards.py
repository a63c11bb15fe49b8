"""Stored cards: merge by key, expire, decide with feedback, forget and export with the rest."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ownlive.errors import NotFound, UsageError
from ownlive.vault import Vault, audit
from ownlive.vault import cards as stored
from ownlive.vault.erase import forget_everything, forget_message
from ownlive.vault.export import export_vault
from ownlive.vault.restore import restore_vault
from tests.conftest import Clock, IngestHelper, assert_access_logged, message

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
PARCELS = [
    "【顺丰速运】您的快件SF1234567890123已到达南京西路营业点",
    "Dein Paket SF 1234 5678 90123 kommt morgen",
    "SF1234567890123 was handed to the courier",
]


def candidate(
    message_id: int,
    *,
    key: str = "track_parcel:sf:sf1234567890123",
    kind: str = "track_parcel",
    mentioned: datetime = NOW,
    life: timedelta = timedelta(days=14),
    span: tuple[int, int] = (6, 21),
    confidence: float = 1.0,
) -> stored.CardCandidate:
    return stored.CardCandidate(
        kind=kind,
        dedup_key=key,
        payload={"kind": kind, "title": "顺丰快递 SF1234567890123", "actions": [], "evidence": []},
        data={"carrier": "sf", "number": "SF1234567890123"},
        message_id=message_id,
        mentioned_at=mentioned,
        expires_at=mentioned + life,
        evidence=[span],
        confidence=confidence,
    )


@pytest.fixture
def three(vault: Vault, ingest_records: IngestHelper) -> Vault:
    ingest_records(vault, [message(t, external_id=str(i)) for i, t in enumerate(PARCELS)])
    return vault


def test_one_parcel_in_three_messages_is_one_card_with_three_evidence_rows(three: Vault) -> None:
    first = candidate(1, mentioned=NOW - timedelta(days=10), confidence=0.6)
    report = stored.store(three, [first, candidate(2), candidate(3, span=(0, 15))], [1, 2, 3], NOW)
    assert (report.messages, report.new, report.merged, report.evidence) == (3, 1, 2, 3)
    (card,) = stored.list_cards(three)
    assert card.messages == [1, 2, 3]
    assert card.status == "new"
    assert card.mentioned_at == NOW  # the latest mention
    assert card.expires_at == NOW + timedelta(days=14)  # the later expiry wins
    assert card.confidence == 1.0
    assert card.payload["title"] == "顺丰快递 SF1234567890123"
    assert card.data == {"carrier": "sf", "number": "SF1234567890123"}
    seen = three._conn.execute("SELECT message_id FROM suggest_seen ORDER BY 1").fetchall()
    assert seen == [(1,), (2,), (3,)]


def test_storing_the_same_evidence_again_adds_nothing(three: Vault) -> None:
    stored.store(three, [candidate(1)], [1], NOW)
    again = stored.store(three, [candidate(1)], [1], NOW)
    assert (again.new, again.merged, again.evidence) == (0, 1, 0)
    assert stored.list_cards(three)[0].messages == [1]


def test_an_expired_card_comes_back_when_mentioned_again(three: Vault) -> None:
    old = NOW - timedelta(days=30)
    stored.store(three, [candidate(1, mentioned=old)], [1], NOW)
    assert [c.status for c in stored.list_cards(three)] == ["expired"]
    stored.store(three, [candidate(2)], [2], NOW)
    assert [c.status for c in stored.list_cards(three)] == ["new"]


def test_expire_touches_only_open_cards_past_their_time(three: Vault) -> None:
    soon = timedelta(hours=1)
    stored.store(
        three,
        [
            candidate(1, key="call:+8613912345678", kind="call", life=soon),
            candidate(2, key="call:+4917612345678", kind="call", life=soon),
            candidate(3, key="call:+14155550132", kind="call", life=timedelta(days=7)),
        ],
        [1, 2, 3],
        NOW,
    )
    stored.decide(three, 2, "accepted", NOW)
    assert stored.expire(three, NOW + timedelta(minutes=59)) == 0
    assert stored.expire(three, NOW + timedelta(hours=1)) == 1
    assert [c.status for c in stored.list_cards(three)] == ["expired", "accepted", "new"]
    assert [c.id for c in stored.list_cards(three, ("new",))] == [3]


def test_decide_records_the_status_and_the_feedback(three: Vault) -> None:
    stored.store(
        three,
        [candidate(i, key=f"k{i}", kind=k) for i, k in [(1, "call"), (2, "call"), (3, "flight")]],
        [1, 2, 3],
        NOW,
    )
    accepted = stored.decide(three, 1, "accepted", NOW, result="tel:+8613912345678")
    assert (accepted.status, accepted.decided_at, accepted.result) == (
        "accepted",
        "2026-11-20T10:00:00+00:00",
        "tel:+8613912345678",
    )
    stored.decide(three, 2, "dismissed", NOW)
    stored.decide(three, 3, "dismissed", NOW)
    assert stored.feedback(three) == {"call": (1, 1), "flight": (0, 1)}


def test_a_card_is_decided_once(three: Vault) -> None:
    stored.store(three, [candidate(1)], [1], NOW)
    stored.decide(three, 1, "dismissed", NOW)
    with pytest.raises(UsageError) as twice:
        stored.decide(three, 1, "accepted", NOW)
    assert twice.value.render() == (
        "card 1 is already dismissed, list open cards with: ownlive cards"
    )
    assert stored.feedback(three) == {"track_parcel": (0, 1)}


def test_unknown_cards_and_decisions_are_errors(three: Vault) -> None:
    with pytest.raises(NotFound) as missing:
        stored.get(three, 42)
    assert missing.value.render() == "no card with id 42, list cards with: ownlive cards --all"
    stored.store(three, [candidate(1)], [1], NOW)
    with pytest.raises(UsageError, match="unknown decision 'maybe'"):
        stored.decide(three, 1, "maybe", NOW)


def test_what_was_sent_is_logged_with_the_decision_or_not_at_all(three: Vault) -> None:
    stored.store(three, [candidate(1)], [1], NOW)
    sent = audit.Outbound(
        subject="assistant",
        scope="calendar.write",
        purpose="suggest",
        destination="dav.example.org",
        sent="1 event",
    )
    stored.decide(three, 1, "accepted", NOW, outbound=sent)
    assert_access_logged(three, [("outbound", "assistant", "calendar.write")])
    entries = len(three.log_entries())
    with pytest.raises(UsageError):
        stored.decide(three, 1, "accepted", NOW, outbound=sent)
    assert len(three.log_entries()) == entries
    assert three.verify_log().ok


def test_forgetting_a_message_forgets_its_cards_but_not_what_was_learned(
    three: Vault, clock: Clock
) -> None:
    stored.store(three, [candidate(1), candidate(2, key="call:+1", kind="call")], [1, 2, 3], NOW)
    stored.decide(three, 2, "dismissed", NOW)
    forget_message(three, 1)
    assert [c.kind for c in stored.list_cards(three)] == ["call"]
    seen = three._conn.execute("SELECT message_id FROM suggest_seen ORDER BY 1").fetchall()
    assert seen == [(2,), (3,)]
    assert stored.feedback(three) == {"call": (0, 1)}
    forget_everything(three)
    assert stored.list_cards(three) == []
    assert stored.feedback(three) == {}
    assert three._conn.execute("SELECT count(*) FROM suggest_seen").fetchone() == (0,)


def test_cards_feedback_and_the_ledger_export_and_restore(three: Vault, tmp_path: Path) -> None:
    stored.store(three, [candidate(1), candidate(2, key="call:+1", kind="call")], [1, 2], NOW)
    stored.decide(three, 2, "accepted", NOW)
    archive = tmp_path / "vault.zip"
    export_vault(three, archive)
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
        feedback = [json.loads(line) for line in opened.read("tables/card_feedback.jsonl").split()]
    assert {"tables/suggest_seen.jsonl", "tables/card_feedback.jsonl"} <= names
    assert [(row["kind"], row["decision"]) for row in feedback] == [("call", "accepted")]
    restore_vault(archive, tmp_path / "restored.db")
    with Vault(tmp_path / "restored.db") as restored:
        assert stored.list_cards(restored) == stored.list_cards(three)
        assert stored.feedback(restored) == {"call": (1, 0)}
