"""Stored suggestion cards: insert or merge, expire, list, decide; one transaction each.

The suggestion loop (`ownlive.suggest.loop`) finds cards in messages it read
through the gate and hands them here as `CardCandidate`s. A candidate whose
`dedup_key` is already stored merges into that card: the message becomes one
more evidence row, the expiry moves to the later one. Decisions (accept,
dismiss) change the card's status and append a `card_feedback` row, which is
what ranking learns from; an accept that sent something (an event to the
user's CalDAV server) logs that `outbound` entry in the same transaction.

Times: `expires_at` is UTC ISO 8601 text (text order is time order, so SQL
compares it); `event_at` and `mentioned_at` keep the message's offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ownlive.errors import NotFound, UsageError
from ownlive.vault import audit
from ownlive.vault.connection import Connection
from ownlive.vault.store import Vault

STATUSES = ("new", "accepted", "dismissed", "expired")
DECISIONS = ("accepted", "dismissed")


@dataclass(frozen=True)
class CardCandidate:
    """A card the loop found in one message, ready to be stored or merged."""

    kind: str
    dedup_key: str
    payload: dict[str, Any]  # the card as the `ownlive suggest` contract writes it
    data: dict[str, Any]  # what accepting it needs
    message_id: int
    mentioned_at: datetime  # when the message was sent
    expires_at: datetime
    evidence: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 1.0
    event_at: datetime | None = None


@dataclass(frozen=True)
class StoredCard:
    id: int
    kind: str
    status: str
    dedup_key: str
    payload: dict[str, Any]
    data: dict[str, Any]
    confidence: float
    event_at: datetime | None
    mentioned_at: datetime | None
    expires_at: datetime | None
    created_at: str
    decided_at: str | None
    result: str | None
    score: float
    messages: list[int]  # ids of the messages it was found in (its evidence)

    @property
    def title(self) -> str:
        return str(self.payload.get("title", ""))

    @property
    def uris(self) -> list[str]:
        return [str(a["uri"]) for a in self.payload.get("actions", [])]


@dataclass(frozen=True)
class StoreReport:
    messages: int  # messages marked as read by the loop
    new: int  # cards created
    merged: int  # candidates merged into a card already stored
    evidence: int  # evidence rows added


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def store(
    vault: Vault, candidates: Iterable[CardCandidate], seen: Sequence[int], now: datetime
) -> StoreReport:
    """Insert or merge `candidates` and mark the `seen` message ids as read, atomically.

    A card whose expiry has passed by `now` is stored as expired (old history
    gives no new cards); a new mention that extends an expired card's life
    brings it back.
    """
    new = merged = evidence = 0
    with vault.transaction() as conn:
        for candidate in candidates:
            card_id, created = _insert_or_merge(conn, candidate, now)
            new += created
            merged += not created
            evidence += conn.executemany(
                "INSERT OR IGNORE INTO card_evidence (card_id, message_id, start, end) "
                "VALUES (?, ?, ?, ?)",
                [(card_id, candidate.message_id, s, e) for s, e in candidate.evidence],
            ).rowcount
        conn.executemany(
            "INSERT OR IGNORE INTO suggest_seen (message_id) VALUES (?)", [(i,) for i in seen]
        )
    return StoreReport(len(seen), new, merged, evidence)


def _insert_or_merge(conn: Connection, card: CardCandidate, now: datetime) -> tuple[int, bool]:
    row = conn.execute(
        "SELECT id, status, expires_at, mentioned_at FROM cards WHERE dedup_key = ?",
        (card.dedup_key,),
    ).fetchone()
    if row is None:
        cursor = conn.execute(
            "INSERT INTO cards (kind, status, dedup_key, payload, created_at, expires_at, data, "
            "confidence, event_at, mentioned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                card.kind,
                "expired" if card.expires_at <= now else "new",
                card.dedup_key,
                _dumps(card.payload),
                utc_text(now),
                utc_text(card.expires_at),
                _dumps(card.data),
                card.confidence,
                card.event_at.isoformat() if card.event_at else None,
                card.mentioned_at.isoformat(),
            ),
        )
        return int(cursor.lastrowid), True
    card_id, status, expires_text, mentioned_text = row
    expires = max(card.expires_at, _time(expires_text) or card.expires_at)
    mentioned = max(card.mentioned_at, _time(mentioned_text) or card.mentioned_at)
    if status == "expired" and expires > now:
        status = "new"
    conn.execute(
        "UPDATE cards SET status = ?, expires_at = ?, mentioned_at = ?, "
        "confidence = max(confidence, ?) WHERE id = ?",
        (status, utc_text(expires), mentioned.isoformat(), card.confidence, card_id),
    )
    return int(card_id), False


def expire(vault: Vault, now: datetime) -> int:
    """Mark open cards whose expiry has passed as expired; how many were."""
    with vault.transaction() as conn:
        return int(
            conn.execute(
                "UPDATE cards SET status = 'expired' "
                "WHERE status = 'new' AND expires_at IS NOT NULL AND expires_at <= ?",
                (utc_text(now),),
            ).rowcount
        )


_COLUMNS = (
    "c.id, c.kind, c.status, c.dedup_key, c.payload, c.data, c.confidence, c.event_at, "
    "c.mentioned_at, c.expires_at, c.created_at, c.decided_at, c.result, c.score, "
    "(SELECT group_concat(DISTINCT e.message_id) FROM card_evidence e WHERE e.card_id = c.id)"
)


def _card(row: tuple[Any, ...]) -> StoredCard:
    messages = sorted(int(i) for i in str(row[14]).split(",")) if row[14] else []
    return StoredCard(
        id=int(row[0]),
        kind=str(row[1]),
        status=str(row[2]),
        dedup_key=str(row[3]),
        payload=json.loads(row[4]),
        data=json.loads(row[5]),
        confidence=float(row[6]),
        event_at=_time(row[7]),
        mentioned_at=_time(row[8]),
        expires_at=_time(row[9]),
        created_at=str(row[10]),
        decided_at=row[11],
        result=row[12],
        score=float(row[13]),
        messages=messages,
    )


def list_cards(vault: Vault, statuses: Sequence[str] = STATUSES) -> list[StoredCard]:
    """Stored cards with one of `statuses`, in id order (ranking orders them)."""
    marks = ", ".join("?" * len(statuses))
    rows = vault._conn.execute(
        f"SELECT {_COLUMNS} FROM cards c WHERE c.status IN ({marks}) ORDER BY c.id",
        list(statuses),
    ).fetchall()
    return [_card(row) for row in rows]


def get(vault: Vault, card_id: int) -> StoredCard:
    row = vault._conn.execute(
        f"SELECT {_COLUMNS} FROM cards c WHERE c.id = ?", (card_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"no card with id {card_id}", "", "list cards with: ownlive cards --all")
    return _card(row)


def decide(
    vault: Vault,
    card_id: int,
    decision: str,
    now: datetime,
    *,
    result: str | None = None,
    outbound: audit.AccessEvent | None = None,
) -> StoredCard:
    """Accept or dismiss an open card, record the feedback, and log what was sent, atomically."""
    if decision not in DECISIONS:
        raise UsageError(f"unknown decision {decision!r}", "", "use accepted or dismissed")
    with vault.transaction() as conn:
        card = get(vault, card_id)
        if card.status != "new":
            raise UsageError(
                f"card {card_id} is already {card.status}",
                "",
                "list open cards with: ownlive cards",
            )
        conn.execute(
            "UPDATE cards SET status = ?, decided_at = ?, result = ? WHERE id = ?",
            (decision, utc_text(now), result, card_id),
        )
        conn.execute(
            "INSERT INTO card_feedback (kind, decision, at) VALUES (?, ?, ?)",
            (card.kind, decision, utc_text(now)),
        )
        if outbound is not None:
            audit.append(conn, outbound, now.isoformat())
    return get(vault, card_id)


def feedback(vault: Vault) -> dict[str, tuple[int, int]]:
    """Per card kind: (accepted, dismissed) decisions so far."""
    counts: dict[str, tuple[int, int]] = {}
    for kind, accepted, dismissed in vault._conn.execute(
        "SELECT kind, sum(decision = 'accepted'), sum(decision = 'dismissed') "
        "FROM card_feedback GROUP BY kind"
    ):
        counts[str(kind)] = (int(accepted), int(dismissed))
    return counts


def save_scores(vault: Vault, scores: dict[int, float]) -> None:
    """Keep the latest ranking scores with the cards (the web surface reads them)."""
    with vault.transaction() as conn:
        conn.executemany(
            "UPDATE cards SET score = ? WHERE id = ?", [(s, i) for i, s in scores.items()]
        )
