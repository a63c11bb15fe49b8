"""Accepting and dismissing stored cards: do what the card offers, then record the decision.

Accepting a calendar card writes its event to the user's CalDAV calendar.
That sends personal data to a server, so it needs the user's grant
`calendar.write` for the assistant and purpose `suggest`; the check is logged
like a read, and what was sent ("1 event") and to which host is logged as an
`outbound` entry in the same transaction as the card's new status. Without a
CalDAV calendar configured the event is written to an .ics file for any
calendar app to import, and nothing leaves the machine. Other kinds have
nothing to send: accepting gives their action URIs (a map, a phone call, a
tracking page) to open.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ownlive.errors import UsageError
from ownlive.suggest.caldav_writer import (
    HOW_TO_CONFIGURE,
    CalDavSettings,
    config_path,
    event_document,
    load_settings,
    write_event,
)
from ownlive.suggest.loop import PURPOSE, SUBJECT
from ownlive.vault import audit
from ownlive.vault import cards as stored
from ownlive.vault.cards import StoredCard
from ownlive.vault.store import Vault

WRITE_SCOPE = "calendar.write"


@dataclass(frozen=True)
class Outcome:
    card: StoredCard
    uris: list[str]  # the card's actions, to open
    event_url: str | None = None  # the event written to the CalDAV calendar
    ics_file: Path | None = None  # the event as a file, when no calendar is configured
    hint: str | None = None  # how to configure CalDAV, when it is not


def event_uid(card: StoredCard) -> str:
    """A UID stable for the card's subject: accepting again updates the same event."""
    digest = hashlib.sha256(card.dedup_key.encode()).hexdigest()[:32]
    return f"ownlive-{digest}@ownlive.local"


def _open_card(vault: Vault, card_id: int, now: datetime) -> StoredCard:
    card = stored.get(vault, card_id)
    if card.status == "new" and card.expires_at is not None and card.expires_at <= now:
        stored.expire(vault, now)
        card = stored.get(vault, card_id)
    if card.status != "new":
        raise UsageError(
            f"card {card_id} is already {card.status}", "", "list open cards with: ownlive cards"
        )
    return card


def _write_file(folder: Path, card: StoredCard, document: str) -> Path:
    if not folder.is_dir():
        raise UsageError("the folder does not exist", str(folder), "create it or pass --ics-dir")
    path = folder / f"ownlive-card-{card.id}.ics"
    # Personal data: readable by the owner only, like the vault and its exports.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
        handle.write(document)
    return path


def accept(
    vault: Vault,
    card_id: int,
    *,
    ics_dir: Path,
    settings: Callable[[], CalDavSettings | None] = load_settings,
    now: datetime | None = None,
) -> Outcome:
    """Do what the card offers and mark it accepted (ranking learns from it).

    `settings` is read only for a calendar card: a broken settings file does
    not stand in the way of opening a map.
    """
    now = now or vault.now()
    card = _open_card(vault, card_id, now)
    if card.kind != "calendar" or not card.data.get("start") or not card.data.get("end"):
        return Outcome(stored.decide(vault, card.id, "accepted", now), card.uris)
    uid = event_uid(card)
    calendar = settings()
    if calendar is None:
        path = _write_file(ics_dir, card, event_document(card.data, uid, stamp=now))
        decided = stored.decide(vault, card.id, "accepted", now, result=str(path))
        hint = "to add events to your calendar directly, " + HOW_TO_CONFIGURE.format(
            path=config_path()
        )
        return Outcome(decided, card.uris, ics_file=path, hint=hint)
    with vault.session(subject=SUBJECT, purpose=PURPOSE) as session:
        grant = session.require(WRITE_SCOPE, action="write 1 event")
    document = event_document(card.data, uid, zone=calendar.timezone, stamp=now)
    url = write_event(calendar, document)
    sent = audit.Outbound(
        subject=SUBJECT,
        scope=WRITE_SCOPE,
        purpose=PURPOSE,
        grant_id=grant.id,
        destination=calendar.host,
        sent="1 event",
    )
    decided = stored.decide(vault, card.id, "accepted", now, result=url, outbound=sent)
    return Outcome(decided, card.uris, event_url=url)


def dismiss(vault: Vault, card_id: int, *, now: datetime | None = None) -> StoredCard:
    """Mark the card dismissed (ranking learns from it)."""
    now = now or vault.now()
    card = _open_card(vault, card_id, now)
    return stored.decide(vault, card.id, "dismissed", now)
