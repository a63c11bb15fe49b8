"""The consent gate: reads need an active, purpose-bound grant; everything is logged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownlive.errors import ConsentRequired
from ownlive.vault import Vault
from ownlive.vault.scopes import BUILTIN_SCOPES
from tests.conftest import Clock, IngestHelper, assert_access_logged, message


@pytest.fixture
def filled(vault: Vault, ingest_records: IngestHelper) -> Vault:
    ingest_records(
        vault,
        [
            message("明天晚上7点在南京西路1266号见", conversation="wx-1", sender="li"),
            message("Lust auf Thai übermorgen um halb acht?", conversation="wx-2", sender="jonas"),
        ],
        platform="wechat",
        file_name="wechat.csv",
    )
    ingest_records(
        vault,
        [message("Your parcel 1Z999AA10123456784 arrives Tue", conversation="+15550100")],
        platform="sms",
        file_name="sms.xml",
    )
    return vault


def test_read_without_grant_raises_and_logs_denial(filled: Vault) -> None:
    with (
        pytest.raises(ConsentRequired) as raised,
        filled.session(subject="assistant", purpose="suggest") as s,
    ):
        s.messages()
    assert (raised.value.scope, raised.value.subject, raised.value.purpose) == (
        "messages.read",
        "assistant",
        "suggest",
    )
    assert_access_logged(filled, [("denied", "assistant", "messages.read")])
    assert filled.verify_log().ok


def test_granted_read_returns_rows_and_logs_count_not_content(filled: Vault) -> None:
    filled.grant("messages.read", subject="assistant", purpose="suggest")
    with filled.session(subject="assistant", purpose="suggest") as s:
        found = s.messages()
    assert [m.platform for m in found] == ["wechat", "wechat", "sms"]
    entry = filled.log_entries()[-1]
    assert (entry.event, entry.detail["rows"]) == ("read", 3)
    everything_logged = repr([e.detail for e in filled.log_entries()])
    assert "南京西路" not in everything_logged
    assert "Thai" not in everything_logged


def test_grant_for_one_purpose_does_not_serve_another(filled: Vault) -> None:
    filled.grant("messages.read", subject="assistant", purpose="suggest")
    with pytest.raises(ConsentRequired), filled.session(subject="assistant", purpose="ads") as s:
        s.messages()
    with pytest.raises(ConsentRequired), filled.session(subject="plugin", purpose="suggest") as s:
        s.messages()


def test_grant_for_one_scope_does_not_serve_another(filled: Vault) -> None:
    filled.grant("messages.read", subject="assistant", purpose="suggest")
    with pytest.raises(ConsentRequired) as raised:
        filled.session(subject="assistant", purpose="suggest").participants()
    assert raised.value.scope == "contacts.read"


def test_platform_grant_reads_only_that_platform(filled: Vault) -> None:
    filled.grant("messages.read", subject="assistant", purpose="suggest", platform="sms")
    with filled.session(subject="assistant", purpose="suggest") as s:
        assert {m.platform for m in s.messages()} == {"sms"}
        assert len(s.messages(platform="sms")) == 1
        with pytest.raises(ConsentRequired):
            s.messages(platform="wechat")


def test_conversation_grant_reads_only_that_conversation(filled: Vault) -> None:
    filled.grant("messages.read", subject="owner", purpose="setup")
    conversations = filled.session(subject="owner", purpose="setup").conversations()
    first, second = conversations[0].id, conversations[1].id
    filled.grant("messages.read", subject="assistant", purpose="suggest", conversation_id=first)
    s = filled.session(subject="assistant", purpose="suggest")
    assert {m.conversation_id for m in s.messages()} == {first}
    assert len(s.messages(conversation_id=first)) == 1
    with pytest.raises(ConsentRequired):
        s.messages(conversation_id=second)


def test_expired_grant_is_refused(filled: Vault, clock: Clock) -> None:
    filled.grant(
        "messages.read", subject="assistant", purpose="suggest", until=clock() + timedelta(hours=1)
    )
    s = filled.session(subject="assistant", purpose="suggest")
    assert len(s.messages()) == 3
    clock.advance(hours=1)
    with pytest.raises(ConsentRequired, match="expired"):
        s.messages()
    assert_access_logged(
        filled, [("read", "assistant", "messages.read"), ("denied", "assistant", "messages.read")]
    )


def test_revoked_grant_is_refused(filled: Vault) -> None:
    grant = filled.grant("messages.read", subject="assistant", purpose="suggest")
    s = filled.session(subject="assistant", purpose="suggest")
    s.messages()
    filled.revoke(grant.id)
    with pytest.raises(ConsentRequired, match="revoked"):
        s.messages()
    assert_access_logged(
        filled,
        [
            ("read", "assistant", "messages.read"),
            ("revoke", "assistant", "messages.read"),
            ("denied", "assistant", "messages.read"),
        ],
    )


def test_one_time_grant_serves_exactly_one_read(filled: Vault) -> None:
    filled.grant("messages.read", subject="assistant", purpose="suggest", once=True)
    s = filled.session(subject="assistant", purpose="suggest")
    assert len(s.messages()) == 3
    with pytest.raises(ConsentRequired, match="used"):
        s.messages()


def test_search_finds_chinese_and_german_through_the_gate(filled: Vault) -> None:
    filled.grant("messages.read", subject="assistant", purpose="search")
    s = filled.session(subject="assistant", purpose="search")
    assert [m.text for m in s.messages(search="南京西路")] == ["明天晚上7点在南京西路1266号见"]
    assert [m.text for m in s.messages(search="见")] == ["明天晚上7点在南京西路1266号见"]
    assert len(s.messages(search="übermorgen")) == 1
    assert s.messages(search="nirgendwo") == []


# --- property: scopes × subjects × grant states -------------------------------

GRANT_STATES = ["none", "active", "expired", "revoked", "used_once", "fresh_once", "other_purpose"]
READABLE_SCOPES = {"messages.read": "messages", "contacts.read": "participants"}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    scope=st.sampled_from(sorted(READABLE_SCOPES)),
    granted_scope=st.sampled_from([s.name for s in BUILTIN_SCOPES]),
    subject=st.sampled_from(["assistant", "miniprogram.dianping", "launcher", "同步助手"]),
    state=st.sampled_from(GRANT_STATES),
)
def test_read_allowed_exactly_when_a_matching_grant_is_active(
    tmp_path_factory: pytest.TempPathFactory,
    scope: str,
    granted_scope: str,
    subject: str,
    state: str,
) -> None:
    clock = Clock(datetime(2026, 11, 20, tzinfo=UTC))
    with Vault(tmp_path_factory.mktemp("v") / "vault.db", clock=clock) as vault:
        if state != "none":
            purpose = "other" if state == "other_purpose" else "suggest"
            until = clock() + timedelta(minutes=5) if state == "expired" else None
            grant = vault.grant(
                granted_scope,
                subject=subject,
                purpose=purpose,
                until=until,
                once=state in ("used_once", "fresh_once"),
            )
            if state == "revoked":
                vault.revoke(grant.id)
            if state == "expired":
                clock.advance(minutes=5)
            if state == "used_once" and granted_scope in READABLE_SCOPES:
                getattr(
                    vault.session(subject=subject, purpose=purpose), READABLE_SCOPES[granted_scope]
                )()
        should_pass = granted_scope == scope and state in ("active", "fresh_once")
        read = getattr(vault.session(subject=subject, purpose="suggest"), READABLE_SCOPES[scope])
        before = vault.log_head()[0]
        if should_pass:
            read()
            assert vault.log_entries()[-1].event == "read"
        else:
            with pytest.raises(ConsentRequired) as raised:
                read()
            assert (raised.value.scope, raised.value.subject) == (scope, subject)
            assert vault.log_entries()[-1].event == "denied"
        assert vault.log_head()[0] == before + 1
        assert vault.verify_log().ok


def test_an_unknown_conversation_is_denied_like_a_known_one(filled: Vault) -> None:
    """Whether a conversation id exists is not revealed without a grant, and the ask is logged."""
    with pytest.raises(ConsentRequired):
        filled.session(subject="nosy", purpose="look").messages(conversation_id=999)
    assert_access_logged(filled, [("denied", "nosy", "messages.read")])
    filled.grant("messages.read", subject="owner", purpose="look")
    assert filled.session(subject="owner", purpose="look").messages(conversation_id=999) == []


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("100%", ["100% sicher"]),
        ("e_c", ["snake_case"]),
        ("a%e", []),
        ("100", ["100% sicher", "100 Prozent"]),
    ],
)
def test_search_wildcards_match_only_themselves(
    vault: Vault, ingest_records: IngestHelper, term: str, found: list[str]
) -> None:
    ingest_records(
        vault, [message(t) for t in ["100% sicher", "100 Prozent", "snake_case", "snakeXcase"]]
    )
    vault.grant("messages.read", subject="s", purpose="p")
    assert [m.text for m in vault.session(subject="s", purpose="p").messages(search=term)] == found


def test_a_narrowed_grant_does_not_allow_an_action(vault: Vault) -> None:
    vault.grant("calendar.write", subject="assistant", purpose="suggest", platform="sms")
    with pytest.raises(ConsentRequired, match="not for actions"):
        vault.session(subject="assistant", purpose="suggest").require(
            "calendar.write", action="write 1 event"
        )
    vault.grant("calendar.write", subject="assistant", purpose="suggest")
    grant = vault.session(subject="assistant", purpose="suggest").require(
        "calendar.write", action="write 1 event"
    )
    assert not grant.narrowed


def test_a_claimed_platform_does_not_widen_a_conversation_read(filled: Vault) -> None:
    """A WeChat conversation asked for "as sms" is checked against WeChat."""
    filled.grant("messages.read", subject="owner", purpose="setup")
    wechat = next(
        c.id
        for c in filled.session(subject="owner", purpose="setup").conversations()
        if c.platform == "wechat"
    )
    filled.grant("messages.read", subject="assistant", purpose="suggest", platform="sms")
    s = filled.session(subject="assistant", purpose="suggest")
    with pytest.raises(ConsentRequired):
        s.messages(conversation_id=wechat, platform="sms")


def test_a_one_time_grant_is_spent_only_when_it_carried_rows(filled: Vault) -> None:
    filled.grant("messages.read", subject="assistant", purpose="suggest", platform="sms")
    same = filled.grant(
        "messages.read", subject="assistant", purpose="suggest", platform="sms", once=True
    )
    other = filled.grant(
        "messages.read", subject="assistant", purpose="suggest", platform="wechat", once=True
    )
    s = filled.session(subject="assistant", purpose="suggest")
    assert {m.platform for m in s.messages()} == {"sms", "wechat"}
    used = {g.id: g.used_at for g in filled.grants()}
    assert used[same.id] is None  # the standing sms grant carried those rows
    assert used[other.id] is not None  # the wechat rows came through the one-time grant
    assert {m.platform for m in s.messages()} == {"sms"}
