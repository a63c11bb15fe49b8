"""The gate's parts for the suggestion loop: unseen messages, and checks before a write."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ownlive.errors import ConsentRequired
from ownlive.vault import Vault
from ownlive.vault import cards as stored
from ownlive.vault.audit import ids_digest
from tests.conftest import Clock, IngestHelper, assert_access_logged, message

TEXTS = ["周六到周日去杭州玩", "Your table for 2 is booked for 8pm", "Treffen um 14 Uhr?"]


@pytest.fixture
def filled(vault: Vault, ingest_records: IngestHelper) -> Vault:
    ingest_records(vault, [message(TEXTS[0], conversation="c1")], platform="wechat")
    ingest_records(
        vault,
        [message(t, conversation="+49151", external_id=t) for t in TEXTS[1:]],
        platform="sms",
        file_name="sms.xml",
    )
    return vault


def unseen(vault: Vault, limit: int | None = None) -> list[str]:
    with vault.session(subject="assistant", purpose="suggest") as session:
        return [m.text for m in session.messages_unseen("suggest", limit=limit)]


def test_unseen_messages_leave_out_what_the_loop_has_read(filled: Vault) -> None:
    filled.grant("messages.read", subject="assistant", purpose="suggest")
    assert unseen(filled) == TEXTS
    assert unseen(filled, limit=2) == TEXTS[:2]
    stored.store(filled, [], [1, 3], filled.now())
    assert unseen(filled) == [TEXTS[1]]
    last = filled.log_entries()[-1]
    assert (last.event, last.detail["query"], last.detail["rows"]) == (
        "read",
        "messages unseen by suggest",
        1,
    )
    assert last.detail["rows_digest"] == ids_digest([2])


def test_unseen_messages_are_narrowed_by_the_grant_like_any_read(filled: Vault) -> None:
    with pytest.raises(ConsentRequired):
        unseen(filled)
    assert_access_logged(filled, [("denied", "assistant", "messages.read")])
    filled.grant("messages.read", subject="assistant", purpose="suggest", platform="sms")
    assert unseen(filled) == TEXTS[1:]


def test_require_logs_the_check_and_returns_the_grant(vault: Vault) -> None:
    grant = vault.grant("calendar.write", subject="assistant", purpose="suggest")
    with vault.session(subject="assistant", purpose="suggest") as session:
        assert session.require("calendar.write", action="write 1 event") == grant
    entry = vault.log_entries()[-1]
    assert (entry.event, entry.scope, entry.grant_id, entry.detail) == (
        "allowed",
        "calendar.write",
        grant.id,
        {"action": "write 1 event"},
    )
    assert vault.verify_log().ok


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("none", "no grant"),
        ("other purpose", "no grant"),
        ("revoked", "grant 1 revoked"),
        ("expired", "grant 1 expired"),
    ],
)
def test_require_without_an_active_grant_is_refused_and_logged(
    vault: Vault, clock: Clock, setup: str, reason: str
) -> None:
    if setup == "other purpose":
        vault.grant("calendar.write", subject="assistant", purpose="backup")
    elif setup == "revoked":
        vault.revoke(vault.grant("calendar.write", subject="assistant", purpose="suggest").id)
    elif setup == "expired":
        until = clock.current + timedelta(hours=1)
        vault.grant("calendar.write", subject="assistant", purpose="suggest", until=until)
        clock.advance(hours=2)
    with (
        vault.session(subject="assistant", purpose="suggest") as session,
        pytest.raises(ConsentRequired) as refused,
    ):
        session.require("calendar.write", action="write 1 event")
    assert refused.value.render() == (
        "consent required: 'assistant' has no active grant for scope 'calendar.write' with "
        f"purpose 'suggest' ({reason}), "
        "grant it with: ownlive grant calendar.write --to assistant --for suggest"
    )
    entry = vault.log_entries()[-1]
    assert (entry.event, entry.detail) == (
        "denied",
        {"query": "write 1 event", "reason": reason},
    )


def test_a_one_time_grant_lets_one_write_through(vault: Vault) -> None:
    vault.grant("calendar.write", subject="assistant", purpose="suggest", once=True)
    with vault.session(subject="assistant", purpose="suggest") as session:
        session.require("calendar.write", action="write 1 event")
        with pytest.raises(ConsentRequired, match=r"\(grant 1 used\)"):
            session.require("calendar.write", action="write 1 event")
    assert [e.event for e in vault.log_entries()[-2:]] == ["allowed", "denied"]
