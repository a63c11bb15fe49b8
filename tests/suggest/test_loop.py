"""The suggestion loop: reads through the gate, one plan is one card, each message read once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from ownlive.errors import ConsentRequired
from ownlive.suggest import loop
from ownlive.understand import Entity
from ownlive.vault import Vault
from ownlive.vault import cards as stored
from tests.conftest import Clock, IngestHelper, assert_access_logged, message
from tests.suggest.conftest import SkillsOver, entity, fixed, restaurant_card, when

CST = timezone(timedelta(hours=8))
CET = timezone(timedelta(hours=1))
PST = timezone(timedelta(hours=-8))

# One plan in three messages each, as people write them; the entities as `ownlive extract` gives.
ZH = [
    "明天晚上7点在南京西路1266号见，吃火锅？",
    "好啊！明晚7点，我订位",
    "好的，明天晚上七点不见不散",
]
EN = [
    "are we still on for dinner friday at 8pm?",
    "yes! 8pm friday works, see you then",
    "Booked a table for Friday 8pm 🎉",
]
DE = [
    "Lust auf Thai am Samstag um halb acht?",
    "Samstag um halb acht passt, bin dabei!",
    "Tisch im Lemongrass ist reserviert: Samstag, 19:30 Uhr.",
]
PLANS: dict[str, tuple[list[str], list[datetime], dict[str, list[Entity]], str]] = {
    "zh": (
        ZH,
        [datetime(2026, 11, 20, 16, m, tzinfo=CST) for m in (0, 5, 10)],
        {
            ZH[0]: [
                when(ZH[0], "明天晚上7点", "2026-11-21T19:00:00+08:00"),
                entity(
                    ZH[0],
                    "address",
                    "南京西路1266号",
                    formatted="南京西路1266号",
                    street="南京西路",
                    house_number="1266",
                ),
                entity(ZH[0], "cuisine", "火锅", cuisine="hot_pot"),
            ],
            ZH[1]: [when(ZH[1], "明晚7点", "2026-11-21T19:00:00+08:00")],
            ZH[2]: [when(ZH[2], "明天晚上七点", "2026-11-21T19:00:00+08:00")],
        },
        "2026-11-21T19:00:00+08:00",
    ),
    "en": (
        EN,
        [datetime(2026, 11, 18, 19, m, tzinfo=PST) for m in (41, 43, 50)],
        {
            EN[0]: [when(EN[0], "friday at 8pm", "2026-11-20T20:00:00-08:00")],
            EN[1]: [when(EN[1], "8pm friday", "2026-11-20T20:00:00-08:00")],
            EN[2]: [when(EN[2], "Friday 8pm", "2026-11-20T20:00:00-08:00")],
        },
        "2026-11-20T20:00:00-08:00",
    ),
    "de": (
        DE,
        [datetime(2026, 11, 19, 18, m, tzinfo=CET) for m in (6, 7, 9)],
        {
            DE[0]: [
                when(DE[0], "Samstag um halb acht", "2026-11-21T19:30:00+01:00", "minute"),
                entity(DE[0], "cuisine", "Thai", cuisine="thai"),
            ],
            DE[1]: [when(DE[1], "Samstag um halb acht", "2026-11-21T19:30:00+01:00", "minute")],
            DE[2]: [when(DE[2], "Samstag, 19:30 Uhr", "2026-11-21T19:30:00+01:00", "minute")],
        },
        "2026-11-21T19:30:00+01:00",
    ),
}


def ingest_plan(vault: Vault, ingest_records: IngestHelper, lang: str) -> SkillsOver:
    texts, times, entities, _ = PLANS[lang]
    records = [
        message(t, at=at, conversation=f"chat-{lang}") for t, at in zip(texts, times, strict=True)
    ]
    ingest_records(vault, records, platform="whatsapp", file_name=f"{lang}.txt")
    return SkillsOver(entities)


def test_refresh_without_a_grant_is_refused_and_logged(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    suggester = ingest_plan(vault, ingest_records, "zh")
    with pytest.raises(ConsentRequired) as refused:
        loop.refresh(vault, suggester=suggester)
    assert refused.value.fix == (
        "grant it with: ownlive grant messages.read --to assistant --for suggest"
    )
    assert_access_logged(vault, [("denied", "assistant", "messages.read")])
    assert suggester.calls == []
    assert stored.list_cards(vault) == []


@pytest.mark.parametrize("lang", sorted(PLANS))
def test_one_plan_in_three_messages_is_one_card_with_three_pieces_of_evidence(
    suggest_grant: Vault, ingest_records: IngestHelper, lang: str
) -> None:
    vault = suggest_grant
    suggester = ingest_plan(vault, ingest_records, lang)
    report = loop.refresh(vault, suggester=suggester)
    calendar = [c for c in stored.list_cards(vault) if c.kind == "calendar"]
    assert len(calendar) == 1
    card = calendar[0]
    assert card.messages == [1, 2, 3]
    assert card.status == "new"
    assert card.event_at == datetime.fromisoformat(PLANS[lang][3])
    assert card.expires_at == datetime.fromisoformat(PLANS[lang][3]) + timedelta(hours=1)
    spans = vault._conn.execute(
        "SELECT message_id, start, end FROM card_evidence WHERE card_id = ? ORDER BY message_id",
        (card.id,),
    ).fetchall()
    texts, _, entities, _ = PLANS[lang]
    assert spans == [(i + 1, entities[t][0].start, entities[t][0].end) for i, t in enumerate(texts)]
    assert report.messages == 3
    assert report.merged == 2
    assert report.new == len(stored.list_cards(vault))
    assert_access_logged(vault, [("read", "assistant", "messages.read")])


def test_a_large_backlog_is_read_in_batches_that_still_merge(
    suggest_grant: Vault, ingest_records: IngestHelper
) -> None:
    suggester = ingest_plan(suggest_grant, ingest_records, "zh")
    report = loop.refresh(suggest_grant, suggester=suggester, batch=2)
    assert (report.messages, report.merged) == (3, 2)
    (card,) = [c for c in stored.list_cards(suggest_grant) if c.kind == "calendar"]
    assert card.messages == [1, 2, 3]
    reads = [e.detail["rows"] for e in suggest_grant.log_entries() if e.event == "read"]
    assert reads == [2, 1]  # one gated read per batch, each logged


def test_each_message_is_read_against_its_own_sent_time_and_zone(
    suggest_grant: Vault, ingest_records: IngestHelper
) -> None:
    suggester = ingest_plan(suggest_grant, ingest_records, "zh")
    ingest_plan(suggest_grant, ingest_records, "en")
    loop.refresh(suggest_grant, suggester=suggester)
    expected = PLANS["zh"][1] + PLANS["en"][1]  # read in the order they were imported
    assert [at for _, at in suggester.calls] == expected
    assert [at.utcoffset() for _, at in suggester.calls] == [at.utcoffset() for at in expected]


def test_a_rerun_reads_only_new_messages_and_changes_nothing(
    suggest_grant: Vault, ingest_records: IngestHelper, clock: Clock
) -> None:
    vault = suggest_grant
    suggester = ingest_plan(vault, ingest_records, "en")
    loop.refresh(vault, suggester=suggester)
    before = stored.list_cards(vault)
    again = loop.refresh(vault, suggester=suggester)
    assert (again.messages, again.new, again.merged) == (0, 0, 0)
    assert stored.list_cards(vault) == before
    assert len(suggester.calls) == 3

    later = "Dinner Friday 8pm, I'll bring wine"
    suggester.entities = {later: [when(later, "Friday 8pm", "2026-11-20T20:00:00-08:00")]}
    clock.advance(minutes=5)
    at = datetime(2026, 11, 19, 9, 0, tzinfo=PST)
    ingest_records(vault, [message(later, at=at, conversation="chat-en")], file_name="more.txt")
    third = loop.refresh(vault, suggester=suggester)
    assert (third.messages, third.new, third.merged) == (1, 0, 1)
    assert [text for text, _ in suggester.calls[3:]] == [later]
    (card,) = [c for c in stored.list_cards(vault) if c.kind == "calendar"]
    assert card.messages == [1, 2, 3, 4]


def test_messages_a_wider_grant_reveals_later_are_still_read(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    chat = "Lust auf Sushi heute Abend?"
    sms = "Ich hätte Lust auf Pizza"
    at = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    ingest_records(vault, [message(chat, at=at)], platform="whatsapp", file_name="w.txt")
    ingest_records(vault, [message(sms, at=at, conversation="+49151")], platform="sms")
    suggester = fixed(
        {chat: [restaurant_card("sushi", "Sushi")], sms: [restaurant_card("pizza", "Pizza")]}
    )
    vault.grant("messages.read", subject="assistant", purpose="suggest", platform="sms")
    assert loop.refresh(vault, suggester=suggester).messages == 1
    assert [c.data["cuisine"] for c in stored.list_cards(vault)] == ["pizza"]
    vault.grant("messages.read", subject="assistant", purpose="suggest")
    assert loop.refresh(vault, suggester=suggester).messages == 1
    assert [c.data["cuisine"] for c in stored.list_cards(vault)] == ["pizza", "sushi"]


def test_system_messages_and_call_logs_are_marked_read_without_running_skills(
    suggest_grant: Vault, ingest_records: IngestHelper
) -> None:
    records = [
        message("Anna hat Ben hinzugefügt", kind="system", sender=None),
        message("Missed voice call", kind="call"),
        message("   ", external_id="blank"),
    ]
    ingest_records(suggest_grant, records)
    suggester = SkillsOver({})
    assert loop.refresh(suggest_grant, suggester=suggester).messages == 3
    assert suggester.calls == []
    assert loop.refresh(suggest_grant, suggester=suggester).messages == 0


def test_old_history_gives_expired_cards_not_open_ones(
    suggest_grant: Vault, ingest_records: IngestHelper
) -> None:
    text = "Abendessen am Freitag um 19 Uhr?"
    sent = datetime(2024, 3, 6, 12, 0, tzinfo=CET)
    suggester = SkillsOver({text: [when(text, "Freitag um 19 Uhr", "2024-03-08T19:00:00+01:00")]})
    ingest_records(suggest_grant, [message(text, at=sent)])
    report = loop.refresh(suggest_grant, suggester=suggester)
    assert (report.new, report.expired) == (1, 0)
    assert loop.ranked(suggest_grant) == []
    assert [r.card.status for r in loop.ranked(suggest_grant, everything=True)] == ["expired"]


def test_cards_expire_when_their_time_is_over(
    suggest_grant: Vault, ingest_records: IngestHelper, clock: Clock
) -> None:
    suggester = ingest_plan(suggest_grant, ingest_records, "de")
    loop.refresh(suggest_grant, suggester=suggester)
    kinds = sorted(r.card.kind for r in loop.ranked(suggest_grant))
    assert kinds == ["calendar", "restaurants"]
    # Restaurants for "Thai on Saturday?" live a day after the message; the plan until its end.
    clock.current = datetime(2026, 11, 21, 19, 0, tzinfo=CET)
    assert [r.card.kind for r in loop.ranked(suggest_grant)] == ["calendar"]
    clock.current = datetime(2026, 11, 21, 20, 31, tzinfo=CET)
    assert loop.ranked(suggest_grant) == []
    statuses = {c.kind: c.status for c in stored.list_cards(suggest_grant)}
    assert statuses == {"calendar": "expired", "restaurants": "expired"}
    assert loop.refresh(suggest_grant, suggester=suggester).expired == 0


# --- End to end: the real extractors and skills (no entities given by the test). ---------

DHL = "00340434161094042557"
SENT_DE = datetime(2026, 11, 20, 9, 15, tzinfo=CET)


def test_real_extraction_merges_a_dinner_and_a_parcel_across_messages(
    suggest_grant: Vault, ingest_records: IngestHelper
) -> None:
    sam = [message(t, at=at, conversation="sam") for t, at in zip(EN, PLANS["en"][1], strict=True)]
    jonas = [
        message(f"Dein Paket ist übrigens unterwegs, DHL Sendungsnummer {DHL}", at=SENT_DE),
        message(f"DHL: Sendung {DHL} wird heute zugestellt", at=SENT_DE + timedelta(hours=20)),
    ]
    ingest_records(suggest_grant, sam + jonas, platform="whatsapp")
    report = loop.refresh(suggest_grant)  # the built-in extractors and skills, offline
    assert (report.messages, report.merged) == (5, 3)
    by_kind = {c.kind: c for c in stored.list_cards(suggest_grant)}
    assert by_kind["calendar"].messages == [1, 2, 3]
    assert by_kind["calendar"].event_at == datetime(2026, 11, 20, 20, 0, tzinfo=PST)
    assert by_kind["track_parcel"].messages == [4, 5]
    assert by_kind["track_parcel"].data == {"carrier": "dhl", "number": DHL}
    assert by_kind["track_parcel"].expires_at == SENT_DE + timedelta(hours=20, days=14)


def test_a_one_time_grant_reads_one_batch_keeps_its_cards_and_says_why_it_stops(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    ingest_records(
        vault, [message(f"Nachricht {i}", at=start + timedelta(minutes=i)) for i in range(5)]
    )
    vault.grant("messages.read", subject="assistant", purpose="suggest", once=True)
    report = loop.refresh(vault, now=start, suggester=fixed({}), batch=2)
    assert report.messages == 2
    assert "the grant ran out after 2 messages" in report.stopped
    with pytest.raises(ConsentRequired):  # nothing read: the refusal is the answer
        loop.refresh(vault, now=start, suggester=fixed({}), batch=2)
