"""`forget`: rows, index entries and derived data go, and so do their bytes in the files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ownlive.errors import ConsentRequired, NotFound, UsageError
from ownlive.vault import Vault, erase
from tests.conftest import IngestHelper, message


@dataclass(frozen=True)
class Case:
    lang: str
    forgotten: str  # a realistic message ...
    marker: str  # ... around a made-up name found nowhere else
    kept: str
    kept_marker: str


CASES = [
    Case(
        "zh",
        "今晚七点在饕餮鲲鹏翡翠楼吃火锅，别迟到",
        "饕餮鲲鹏翡翠楼",
        "明天下午三点在南京西路1266号开会",
        "南京西路1266号",
    ),
    Case(
        "en",
        "Dinner at Zwqvorbilux Kitchen, 7:30pm tonight?",
        "Zwqvorbilux",
        "Your parcel 1Z999AA10123456784 arrives Tuesday via Xqyzzwyck",
        "Xqyzzwyck",
    ),
    Case(
        "de",
        "Treffen wir uns morgen um 19 Uhr im Grüßäöfrümpel-Keller?",
        "Grüßäöfrümpel",
        "Lust auf Thai übermorgen um halb acht im Knöpfelsüß?",
        "Knöpfelsüß",
    ),
]


def vault_bytes(vault: Vault) -> bytes:
    """Everything on disk for this vault: the file, its WAL and its shared-memory index."""
    found = b""
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(vault.path) + suffix)
        if path.exists():
            found += path.read_bytes()
    return found


def needles(marker: str, elsewhere: str = "") -> list[bytes]:
    """The marker and its trigrams as the FTS index stores them (case-folded).

    FTS5 prefix-compresses neighbouring terms, so a term may be stored without
    its first character: for non-ASCII trigrams the last two characters are
    looked for too (4 or more bytes, too long to turn up by chance). Pieces
    that also occur in `elsewhere` (what stays in the vault) are left out.
    """
    found = {marker.encode(), marker.lower().encode()}
    for text in (marker, marker.lower()):
        for i in range(len(text) - 2):
            gram = text[i : i + 3]
            found.add(gram.encode())
            if len(gram[1:].encode()) >= 4:
                found.add(gram[1:].encode())
    kept = elsewhere.encode() + elsewhere.lower().encode()
    return sorted(needle for needle in found if needle not in kept)


def leftovers(vault: Vault, marker: str, elsewhere: str = "") -> list[bytes]:
    data = vault_bytes(vault)
    return [needle for needle in needles(marker, elsewhere) if needle in data]


def add_derived(vault: Vault, message_id: int, label: str) -> None:
    """An entity and a card citing `message_id`, written as the pipeline would."""
    conn = vault._conn
    conn.execute(
        "INSERT INTO entities (message_id, type, start, end, text, value) "
        "VALUES (?, 'address', 0, 5, ?, '{}')",
        (message_id, label),
    )
    card = conn.execute(
        "INSERT INTO cards (kind, dedup_key, payload, created_at) VALUES ('navigate', ?, ?, ?)",
        (f"card-{label}", json.dumps({"title": label}), "2026-11-20T10:00:00+00:00"),
    ).lastrowid
    conn.execute(
        "INSERT INTO card_evidence (card_id, message_id, start, end) VALUES (?, ?, 0, 5)",
        (card, message_id),
    )


@dataclass(frozen=True)
class Filled:
    forgotten_id: int
    sibling_id: int  # same conversation and source as the forgotten message
    kept_id: int  # another conversation, another source
    conversation_id: int
    source_id: int


def fill(vault: Vault, ingest_records: IngestHelper, case: Case) -> Filled:
    ingest_records(
        vault,
        [
            message(case.forgotten, conversation="wx-1", sender="li"),
            message(
                "好的",
                conversation="wx-1",
                sender="wang",
                at=datetime(2026, 11, 19, 19, tzinfo=UTC),
            ),
        ],
        platform="wechat",
        file_name="wechat.csv",
    )
    ingest_records(
        vault, [message(case.kept, conversation="+15550100")], platform="sms", file_name="sms.xml"
    )
    rows = vault._conn.execute("SELECT id, conversation_id, source_id FROM messages ORDER BY id")
    (forgotten, conversation, source), (sibling, _, _), (kept, _, _) = rows.fetchall()
    add_derived(vault, forgotten, case.marker)
    add_derived(vault, kept, case.kept_marker)
    return Filled(forgotten, sibling, kept, conversation, source)


def target_for(kind: str, filled: Filled) -> erase.Target:
    ids = {
        "message": filled.forgotten_id,
        "conversation": filled.conversation_id,
        "source": filled.source_id,
    }
    return erase.Target(kind, ids.get(kind))  # type: ignore[arg-type]


def count(vault: Vault, table: str) -> int:
    return int(vault._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.lang)
@pytest.mark.parametrize("kind", erase.TARGET_KINDS)
def test_forget_leaves_no_trace_in_the_files(
    vault: Vault, ingest_records: IngestHelper, case: Case, kind: str
) -> None:
    filled = fill(vault, ingest_records, case)
    vault.grant("messages.read", subject="assistant", purpose="search")
    grants_before = vault.grants()
    assert case.forgotten.encode() in vault_bytes(vault)  # the reader sees text when it is there

    done = erase.forget(vault, target_for(kind, filled))

    assert done.messages == {"message": 1, "everything": 3}.get(kind, 2)
    assert needles(case.marker, case.kept)  # something is left to look for
    assert leftovers(vault, case.marker, case.kept) == []
    assert case.forgotten.encode() not in vault_bytes(vault)
    assert Path(str(vault.path) + "-wal").stat().st_size == 0
    with vault.session(subject="assistant", purpose="search") as s:
        assert s.messages(search=case.marker) == []
        kept = s.messages(search=case.kept_marker)
    if kind == "everything":
        assert kept == []
        assert leftovers(vault, case.kept_marker) == []
    else:
        # The control: what was not forgotten is still readable, and still in the file.
        assert [m.id for m in kept] == [filled.kept_id]
        assert case.kept.encode() in vault_bytes(vault)
    vault._conn.execute("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")
    assert vault.grants() == grants_before
    assert vault.verify_log().ok
    erased = [e for e in vault.log_entries() if e.event == "erase"]
    assert [(e.detail, e.grant_id) for e in erased] == [({"target": kind, "rows": done.rows}, None)]


@pytest.mark.parametrize("kind", erase.TARGET_KINDS)
def test_derived_rows_go_with_their_message(
    vault: Vault, ingest_records: IngestHelper, kind: str
) -> None:
    filled = fill(vault, ingest_records, CASES[0])
    done = erase.forget(vault, target_for(kind, filled))
    left = {"message": 1, "conversation": 1, "source": 1, "everything": 0}[kind]
    assert (count(vault, "entities"), count(vault, "cards"), count(vault, "card_evidence")) == (
        left,
        left,
        left,
    )
    assert done.removed["entities"] == (2 if kind == "everything" else 1)
    forgotten_derived = vault._conn.execute(
        "SELECT count(*) FROM entities WHERE message_id = ?", (filled.forgotten_id,)
    ).fetchone()[0]
    assert forgotten_derived == 0


def test_a_card_citing_a_forgotten_message_goes_even_with_other_evidence(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    filled = fill(vault, ingest_records, CASES[1])
    card = vault._conn.execute(
        "SELECT card_id FROM card_evidence WHERE message_id = ?", (filled.kept_id,)
    ).fetchone()[0]
    vault._conn.execute(
        "INSERT INTO card_evidence (card_id, message_id, start, end) VALUES (?, ?, 0, 3)",
        (card, filled.forgotten_id),
    )
    erase.forget_message(vault, filled.forgotten_id)
    assert count(vault, "cards") == 0


@pytest.mark.parametrize(
    ("kind", "conversations", "participants", "sources", "sibling_left"),
    [
        ("message", 2, 3, 2, True),  # the conversation still has the sibling
        ("conversation", 1, 1, 2, False),  # the source row stays, with its other messages gone
        ("source", 1, 1, 1, False),
        ("everything", 0, 0, 0, False),
    ],
)
def test_what_each_target_removes_around_the_messages(
    vault: Vault,
    ingest_records: IngestHelper,
    kind: str,
    conversations: int,
    participants: int,
    sources: int,
    sibling_left: bool,
) -> None:
    filled = fill(vault, ingest_records, CASES[2])
    erase.forget(vault, target_for(kind, filled))
    assert (count(vault, "conversations"), count(vault, "participants")) == (
        conversations,
        participants,
    )
    assert count(vault, "sources") == sources
    sibling = vault._conn.execute("SELECT 1 FROM messages WHERE id = ?", (filled.sibling_id,))
    assert (sibling.fetchone() is not None) == sibling_left


def test_forgetting_a_source_keeps_conversations_other_sources_fill(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    ingest_records(
        vault,
        [message("Wo ist der Schlüssel?", sender="jonas"), message("Im Flur", sender="mia")],
        file_name="jan.txt",
    )
    ingest_records(
        vault,
        [message("Danke!", sender="jonas", at=datetime(2026, 11, 20, tzinfo=UTC))],
        file_name="feb.txt",
    )
    first = erase.list_sources(vault)[0]
    assert (first.file_name, first.messages) == ("jan.txt", 2)
    done = erase.forget_source(vault, first.id)
    assert done.removed == {"messages": 2, "participants": 1, "sources": 1}
    assert [(s.file_name, s.messages) for s in erase.list_sources(vault)] == [("feb.txt", 1)]
    names = [r[0] for r in vault._conn.execute("SELECT handle FROM participants")]
    assert names == ["jonas"]


def test_the_log_records_the_erase_without_ids_or_content(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    filled = fill(vault, ingest_records, CASES[0])
    erase.forget_conversation(vault, filled.conversation_id)
    assert vault.verify_log().ok
    entry = vault.log_entries()[-1]
    assert (entry.event, entry.subject, entry.scope, entry.purpose) == (
        "erase",
        "user",
        "vault.erase",
        "forget",
    )
    assert entry.grant_id is None
    # 2 messages, 1 entity, 1 card, 2 participants, 1 conversation; no ids.
    assert entry.detail == {"target": "conversation", "rows": 7}
    logged = repr([(e.detail, e.scope, e.purpose) for e in vault.log_entries()])
    assert CASES[0].marker not in logged and "饕" not in logged


@pytest.mark.parametrize(
    ("kind", "fix"),
    [
        ("message", "find ids with: ownlive messages --as cli --for browse"),
        ("conversation", "list them with: ownlive conversations"),
        ("source", "list them with: ownlive sources"),
    ],
)
def test_unknown_ids_are_not_found(vault: Vault, kind: str, fix: str) -> None:
    head = vault.log_head()
    with pytest.raises(NotFound) as raised:
        erase.forget(vault, erase.Target(kind, 404))  # type: ignore[arg-type]
    assert str(raised.value) == f"no {kind} with id 404, {fix}"
    assert vault.log_head() == head  # nothing happened, so nothing is logged


def test_a_grant_narrowed_to_a_forgotten_conversation_is_revoked(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    ingest_records(vault, [message("Hi from the old chat", conversation="old")], file_name="a.txt")
    old = vault._conn.execute("SELECT id FROM conversations").fetchone()[0]
    grant = vault.grant("messages.read", subject="bot", purpose="reply", conversation_id=old)
    done = erase.forget_conversation(vault, old)
    assert done.grants_revoked == 1
    assert [g.state(vault.now()) for g in vault.grants()] == ["revoked"]
    assert [(e.event, e.grant_id) for e in vault.log_entries()[-2:]] == [
        ("erase", None),
        ("revoke", grant.id),
    ]
    # SQLite hands the highest rowid out again: the new chat gets the old id,
    # which the grant would otherwise have covered without the user choosing it.
    ingest_records(vault, [message("A new chat", conversation="new")], file_name="b.txt")
    assert vault._conn.execute("SELECT id FROM conversations").fetchone()[0] == old
    with pytest.raises(ConsentRequired), vault.session(subject="bot", purpose="reply") as s:
        s.messages(conversation_id=old)


def test_everything_empties_every_table_but_grants_and_log(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    fill(vault, ingest_records, CASES[1])
    vault.grant("messages.read", subject="assistant", purpose="suggest")
    erase.forget_everything(vault)
    tables = [r[1] for r in vault._conn.execute("PRAGMA table_list") if r[2] == "table"]
    left = {t: count(vault, t) for t in tables if not t.startswith("sqlite_")}
    assert {t for t, n in left.items() if n} == {"grants", "access_log", "access_log_head"}
    assert vault.verify_log().ok
    # The vault is still a vault: a new import works.
    assert ingest_records(vault, [message("fresh start")], file_name="new.txt").new == 1


@pytest.mark.parametrize(
    ("kind", "id_", "what"),
    [("everything", 1, "everything takes no id"), ("message", None, "a message needs its id")],
)
def test_a_target_names_an_id_exactly_when_it_needs_one(
    kind: erase.TargetKind, id_: int | None, what: str
) -> None:
    with pytest.raises(UsageError, match=f"forgetting {what}"):
        erase.Target(kind, id_)


def test_rows_a_source_brought_besides_messages_go_with_it(
    vault: Vault, ingest_records: IngestHelper
) -> None:
    """Any table with a foreign key to sources (calendar events, location history) counts."""
    vault._conn.execute(
        "CREATE TABLE diary (id INTEGER PRIMARY KEY, "
        "source_id INTEGER NOT NULL REFERENCES sources(id), entry TEXT NOT NULL)"
    )
    for name in ("diary-2025.txt", "diary-2026.txt"):
        ingest_records(vault, [message(f"see {name}")], file_name=name)
    first, second = (s.id for s in erase.list_sources(vault))
    marker = "Tagebuch: Spaziergang am Wörthsee mit Qwixlerbaum"
    for source, entry in ((first, marker), (first, "Regen"), (second, "Sonne")):
        vault._conn.execute("INSERT INTO diary (source_id, entry) VALUES (?, ?)", (source, entry))
    assert erase.covered(vault, erase.Target("source", first)) == {"messages": 1, "diary": 2}

    done = erase.forget_source(vault, first)

    # alice and the chat stay: the other diary file has a message from her there.
    assert done.removed == {"messages": 1, "diary": 2, "sources": 1}
    assert [r[0] for r in vault._conn.execute("SELECT entry FROM diary")] == ["Sonne"]
    assert leftovers(vault, "Qwixlerbaum") == [] and marker.encode() not in vault_bytes(vault)
    assert erase.forget_everything(vault).removed["diary"] == 1
