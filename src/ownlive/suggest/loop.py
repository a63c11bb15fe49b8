"""The suggestion loop in the vault: new messages in, stored and ranked cards out.

`refresh` reads the messages the loop has not read yet through the consent
gate (subject `assistant`, purpose `suggest`: without a `messages.read` grant
for them it stops with `ConsentRequired`, which names the grant to give),
runs the skills on each with the message's own `sent_at` as the reference
time, and stores the cards through `ownlive.vault.cards`, which merges the
same plan, address or parcel found in several messages into one card
(`lifecycle.dedup_key`). The messages read are recorded in the same
transaction as their cards, so a re-run reads only newer ones and an
interrupted run loses nothing.

`ranked` expires the cards whose time is over and orders the rest by
`ranking.rank`: time to the event, confidence, and the user's past accepts
and dismissals per kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ownlive.errors import ConsentRequired
from ownlive.suggest import lifecycle, ranking
from ownlive.suggest.cards import Card
from ownlive.suggest.engine import SuggestContext, suggest
from ownlive.vault import cards as stored
from ownlive.vault.records import Message
from ownlive.vault.store import Vault

SUBJECT = "assistant"
PURPOSE = "suggest"
BATCH = 500  # messages per gated read and per transaction
SKIPPED_KINDS = frozenset({"system", "call"})  # "Anna added Ben", call logs: no text to act on

Suggester = Callable[[str, datetime], list[Card]]


def offline_suggester(now: datetime | None = None) -> Suggester:
    """The built-in skills without network access (weather and online places are skipped)."""
    context = SuggestContext(now=now, offline=True)

    def run(text: str, sent_at: datetime) -> list[Card]:
        return suggest(text, sent_at=sent_at, context=context)

    return run


@dataclass(frozen=True)
class RefreshReport:
    messages: int  # messages read through the gate
    new: int  # cards created
    merged: int  # cards found again in another message (one more piece of evidence)
    expired: int  # open cards whose time ran out
    stopped: str = ""  # why the run ended before reading everything (a one-time grant spent)


def candidates(message: Message, found: list[Card]) -> list[stored.CardCandidate]:
    sent_at = datetime.fromisoformat(message.sent_at)
    return [
        stored.CardCandidate(
            kind=card.kind,
            dedup_key=lifecycle.dedup_key(card, sent_at),
            payload=card.to_json(),
            data=card.data,
            message_id=message.id,
            mentioned_at=sent_at,
            expires_at=lifecycle.expires_at(card, sent_at),
            evidence=list(card.evidence),
            confidence=card.confidence,
            event_at=lifecycle.event_at(card, sent_at),
        )
        for card in found
    ]


def refresh(
    vault: Vault,
    *,
    now: datetime | None = None,
    suggester: Suggester | None = None,
    batch: int = BATCH,
) -> RefreshReport:
    """Read new messages through the gate, store their cards; safe to run again at any time."""
    now = now or vault.now()
    suggester = suggester or offline_suggester()
    read = new = merged = last = 0
    stopped = ""
    with vault.session(subject=SUBJECT, purpose=PURPOSE) as session:
        while True:
            try:
                messages = session.messages_unseen("suggest", after=last, limit=batch)
            except ConsentRequired as denied:
                if not read:
                    raise
                # A one-time grant carried the first batch: keep its cards, say why we stop.
                stopped = f"the grant ran out after {read} messages ({denied.what})"
                break
            if not messages:
                break
            last = messages[-1].id
            found: list[stored.CardCandidate] = []
            for message in messages:
                if message.kind not in SKIPPED_KINDS and message.text.strip():
                    sent_at = datetime.fromisoformat(message.sent_at)
                    found += candidates(message, suggester(message.text, sent_at))
            report = stored.store(vault, found, [m.id for m in messages], now)
            read, new, merged = read + report.messages, new + report.new, merged + report.merged
            if len(messages) < batch:
                break
    return RefreshReport(read, new, merged, stored.expire(vault, now), stopped)


def ranked(
    vault: Vault, *, now: datetime | None = None, everything: bool = False
) -> list[ranking.Ranked]:
    """Open cards (all cards with `everything`), best first; expires those whose time is over."""
    now = now or vault.now()
    stored.expire(vault, now)
    statuses = stored.STATUSES if everything else ("new",)
    order = ranking.rank(stored.list_cards(vault, statuses), stored.feedback(vault), now)
    stored.save_scores(vault, {r.card.id: r.score for r in order})
    return order
