"""Export: every table, deterministic bytes, logged, all or nothing; export → restore → export."""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import stat
import tempfile
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ownlive
from ownlive.errors import ArchiveError, ConsentRequired, UsageError
from ownlive.importers.base import ImportedMessage
from ownlive.vault import Vault, audit
from ownlive.vault.archive import exported_tables
from ownlive.vault.export import _write_archive, export_vault
from ownlive.vault.migrations import LATEST_VERSION, all_migrations
from ownlive.vault.restore import restore_vault
from tests.conftest import Clock, IngestHelper, assert_access_logged, message

# What an export leaves out, named one by one: a new table that is not here
# and not exported makes the first test fail.
LEFT_OUT = {
    "access_log_head",
    # The places R*Tree: derived from `poi`, rebuilt on first use after a restore.
    "poi_rtree",
    "poi_rtree_node",
    "poi_rtree_parent",
    "poi_rtree_rowid",
    "messages_fts",
    "messages_fts_config",
    "messages_fts_data",
    "messages_fts_docsize",
    "messages_fts_idx",
}
ANCHORS = [  # always present, so search after restore is checked in each language
    ("明天晚上7点在南京西路1266号见", "南京西路"),
    ("Lust auf Thai übermorgen um halb acht? Grüße", "übermorgen"),
    ("Your parcel 1Z999AA10123456784 arrives Tue", "parcel"),
]


def members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def all_tables(vault: Vault) -> set[str]:
    with vault.transaction() as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def fill(vault: Vault, ingest_records: IngestHelper) -> None:
    ingest_records(
        vault,
        [
            message(ANCHORS[0][0], conversation="wx-1", sender="li"),
            message(ANCHORS[1][0], conversation="wx-2", sender="jonas"),
        ],
        platform="wechat",
        file_name="wechat.csv",
    )
    ingest_records(
        vault,
        [message(ANCHORS[2][0], conversation="+15550100")],
        platform="sms",
        file_name="sms.xml",
    )
    vault.grant("messages.read", subject="assistant", purpose="suggest")


# --- Which tables. -----------------------------------------------------------------


def test_every_table_is_exported_but_the_index_and_the_head(vault: Vault) -> None:
    exported = {spec.name for spec in exported_tables(vault._conn)}
    assert all_tables(vault) - exported == LEFT_OUT
    assert {"sources", "messages", "grants", "access_log", "cards", "card_evidence"} <= exported


def test_a_table_added_by_a_later_migration_is_exported(vault: Vault, tmp_path: Path) -> None:
    with vault.transaction() as conn:
        conn.execute("CREATE TABLE reminders (id INTEGER PRIMARY KEY, due TEXT, note TEXT)")
        conn.execute(
            "INSERT INTO reminders VALUES (2, '2026-12-01', 'Zahnarzt'), (1, NULL, '买菜')"
        )
    manifest = export_vault(vault, tmp_path / "out.zip")
    assert manifest.files["tables/reminders.jsonl"].rows == 2
    assert members(tmp_path / "out.zip")["tables/reminders.jsonl"].decode() == (
        '{"id":1,"due":null,"note":"买菜"}\n{"id":2,"due":"2026-12-01","note":"Zahnarzt"}\n'
    )
    # Our schema has no such table: restoring it is refused, not silently dropped.
    with pytest.raises(ArchiveError) as raised:
        restore_vault(tmp_path / "out.zip", tmp_path / "restored.db")
    assert raised.value.what == f"unknown table 'reminders' for schema version {LATEST_VERSION}"
    assert not (tmp_path / "restored.db").exists()


# --- The archive. ------------------------------------------------------------------


def test_manifest_describes_each_file_and_the_export_is_logged(
    vault: Vault, ingest_records: IngestHelper, tmp_path: Path, clock: Clock
) -> None:
    fill(vault, ingest_records)
    manifest = export_vault(vault, tmp_path / "out.zip")
    files = members(tmp_path / "out.zip")
    data = json.loads(files["manifest.json"])
    assert data["format"] == "ownlive-export" and data["format_version"] == 1
    assert data["schema_version"] == LATEST_VERSION
    assert data["created_at"] == clock().isoformat()
    assert data["ownlive_version"] == ownlive.__version__
    assert data == manifest.to_json()
    assert set(files) == {"manifest.json", *data["files"]}
    for name, entry in data["files"].items():
        assert name == f"tables/{entry['table']}.jsonl"
        assert hashlib.sha256(files[name]).hexdigest() == entry["sha256"]
        assert files[name].count(b"\n") == entry["rows"]
    assert manifest.rows["messages"] == 3 and manifest.rows["grants"] == 1
    # The dump holds its own export entry, last, with the archive's counts.
    last = json.loads(files["tables/access_log.jsonl"].splitlines()[-1])
    assert (last["event"], last["subject"], last["scope"]) == ("export", "user", "vault.export")
    assert json.loads(last["detail"]) == {"rows": manifest.rows}
    assert_access_logged(vault, [("export", "user", "vault.export")])
    assert vault.verify_log().ok


def test_rows_in_key_order_with_columns_in_schema_order(
    vault: Vault, ingest_records: IngestHelper, tmp_path: Path
) -> None:
    at = datetime(2026, 11, 19, 18, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    ingest_records(vault, [message('明天见 "Grüße"\n\u2028ok', at=at)])
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO cards (id, kind, dedup_key, payload, score, created_at) "
            "VALUES (1, 'navigate', 'k1', '{}', 0.5, '2026-11-20T10:00:00+00:00')"
        )
        for start, end in [(5, 9), (0, 3), (2, 4)]:
            conn.execute("INSERT INTO card_evidence VALUES (1, 1, ?, ?)", (start, end))
        content_hash = conn.execute("SELECT content_hash FROM messages").fetchone()[0]
    export_vault(vault, tmp_path / "out.zip")
    files = members(tmp_path / "out.zip")
    expected = (
        '{"id":1,"conversation_id":1,"source_id":1,"sender_id":1,"kind":"text",'
        f'"sent_at":"{at.isoformat()}","sent_at_utc":{int(at.timestamp())},'
        '"text":"明天见 \\"Grüße\\"\\n\u2028ok","external_id":null,'
        f'"content_hash":{{"blob":"{base64.b64encode(content_hash).decode()}"}}}}\n'
    )
    assert files["tables/messages.jsonl"].decode("utf-8") == expected
    assert [
        json.loads(line)["start"] for line in files["tables/card_evidence.jsonl"].splitlines()
    ] == [
        0,
        2,
        5,
    ]


def test_the_same_vault_exports_the_same_table_files(
    vault: Vault, ingest_records: IngestHelper, tmp_path: Path
) -> None:
    fill(vault, ingest_records)
    first = members(export_vault_to(vault, tmp_path / "one.zip"))
    second = members(export_vault_to(vault, tmp_path / "two.zip"))
    for name in first:
        if name not in ("manifest.json", "tables/access_log.jsonl"):
            assert first[name] == second[name], name
    log_one, log_two = first["tables/access_log.jsonl"], second["tables/access_log.jsonl"]
    assert log_two.startswith(log_one) and log_two.count(b"\n") == log_one.count(b"\n") + 1


def export_vault_to(vault: Vault, path: Path) -> Path:
    export_vault(vault, path)
    return path


def test_the_archive_is_readable_by_its_owner_only(vault: Vault, tmp_path: Path) -> None:
    export_vault(vault, tmp_path / "out.zip")
    assert stat.S_IMODE((tmp_path / "out.zip").stat().st_mode) == 0o600


def test_an_existing_archive_is_kept_unless_overwrite(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "out.zip"
    target.write_bytes(b"an older export")
    with pytest.raises(UsageError) as raised:
        export_vault(vault, target)
    assert raised.value.render() == (
        f"the archive already exists, {target}, choose another name or pass --force"
    )
    assert target.read_bytes() == b"an older export"
    export_vault(vault, target, overwrite=True)
    assert "manifest.json" in members(target)


def test_a_missing_folder_is_a_usage_error(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        export_vault(vault, tmp_path / "nowhere" / "out.zip")
    assert (
        raised.value.render()
        == f"the folder does not exist, {tmp_path / 'nowhere'}, create it first"
    )


def test_a_failed_export_leaves_no_archive_and_no_log_entry(
    vault: Vault, ingest_records: IngestHelper, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(vault, ingest_records)
    entries_before = len(vault.log_entries())
    written = []

    def disk_full_after_two_rows(columns: tuple[str, ...], values: tuple[object, ...]) -> bytes:
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        written.append(values)
        return b"{}\n"

    monkeypatch.setattr("ownlive.vault.export.encode_row", disk_full_after_two_rows)
    with pytest.raises(UsageError) as raised:
        export_vault(vault, tmp_path / "out.zip")
    assert raised.value.render() == (
        f"cannot write the archive (No space left on device), {tmp_path / 'out.zip'}, "
        "check the free space and permissions"
    )
    assert not (tmp_path / "out.zip").exists()
    assert list(tmp_path.glob(".out.zip.*")) == []  # nor the temporary file beside it
    assert len(vault.log_entries()) == entries_before
    assert vault.verify_log().ok


# --- Round trips. ---------------------------------------------------------------------


def test_an_encrypted_vault_round_trips_into_an_encrypted_one(
    ingest_records: IngestHelper, tmp_path: Path, clock: Clock
) -> None:
    with Vault(tmp_path / "secret.db", passphrase="correct horse", clock=clock) as original:
        fill(original, ingest_records)
        first = members(export_vault_to(original, tmp_path / "first.zip"))
    restore_vault(tmp_path / "first.zip", tmp_path / "copy.db", passphrase="battery staple")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "copy.db").execute("SELECT * FROM sqlite_master").fetchall()
    with Vault(tmp_path / "copy.db", passphrase="battery staple", clock=clock) as copy:
        second = members(export_vault_to(copy, tmp_path / "second.zip"))
    assert first["tables/messages.jsonl"] == second["tables/messages.jsonl"]


def test_blobs_and_infinite_scores_survive(vault: Vault, tmp_path: Path) -> None:
    with vault.transaction() as conn:
        for i, score in enumerate([float("inf"), float("-inf"), 1e-300, 0.1]):
            conn.execute(
                "INSERT INTO cards (kind, dedup_key, payload, score, created_at) "
                "VALUES ('calendar', ?, ?, ?, '2026-11-20T10:00:00+00:00')",
                (f"k{i}", bytes([0, 255, i]), score),
            )
    first = members(export_vault_to(vault, tmp_path / "first.zip"))
    assert b'"payload":{"blob":"AP8A"},"score":{"real":"inf"}' in first["tables/cards.jsonl"]
    restore_vault(tmp_path / "first.zip", tmp_path / "copy.db")
    with Vault(tmp_path / "copy.db") as copy:
        second = members(export_vault_to(copy, tmp_path / "second.zip"))
        with copy.transaction() as conn:
            payload, score = conn.execute(
                "SELECT payload, score FROM cards WHERE id = 2"
            ).fetchone()
    assert first["tables/cards.jsonl"] == second["tables/cards.jsonl"]
    assert (payload, score) == (bytes([0, 255, 1]), float("-inf"))


def test_an_archive_from_an_older_schema_is_restored_and_migrated(tmp_path: Path) -> None:
    # A vault as schema version 1 left it, exported by the same writer.
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    conn.executescript(all_migrations()[0].sql + "\nPRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO sources VALUES "
        "(1, 'sms', 'sms_xml', 'sms.xml', ?, '2025-01-01T00:00:00+00:00', NULL)",
        ("a" * 64,),
    )
    conn.execute("INSERT INTO conversations VALUES (1, 'sms', 'sms:+4930123', 'Mama', 'chat')")
    conn.execute(
        "INSERT INTO messages VALUES (1, 1, 1, NULL, 'text', '2025-01-01T09:00:00+01:00', "
        "1735718400, 'Kommst du zum Mittagessen?', NULL, ?)",
        ("b" * 64,),
    )
    conn.execute("BEGIN")
    specs = exported_tables(conn)
    rows = {s.name: conn.execute(f"SELECT count(*) FROM {s.name}").fetchone()[0] for s in specs}
    rows["access_log"] += 1
    moment = datetime(2025, 1, 2, tzinfo=UTC)
    audit.append(
        conn,
        audit.Exported(subject="user", scope="vault.export", purpose="export", rows=rows),
        moment.isoformat(),
    )
    _write_archive(conn, specs, tmp_path / "old.zip", moment, "old vault")
    conn.execute("COMMIT")
    conn.close()
    assert "tables/entities.jsonl" not in members(tmp_path / "old.zip")

    report = restore_vault(tmp_path / "old.zip", tmp_path / "new.db")
    assert (report.archive_schema_version, report.schema_version) == (1, LATEST_VERSION)
    with Vault(tmp_path / "new.db") as restored:
        summary = restored.summary()
        assert (summary.schema_version, summary.messages, summary.entities) == (
            LATEST_VERSION,
            1,
            0,
        )
        assert restored.verify_log().ok
        restored.grant("messages.read", subject="assistant", purpose="suggest")
        with restored.session(subject="assistant", purpose="suggest") as s:
            assert [m.text for m in s.messages(search="Mittag")] == ["Kommst du zum Mittagessen?"]


# --- The property: export → restore → export. -------------------------------------------

ZONES = [UTC, ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")]
SAMPLE_TEXTS = [
    "明天晚上7点在南京西路1266号见",
    "Treffen wir uns morgen um 14 Uhr? Grüße aus München",
    "Thai food tonight? 🍜",
    "周六到周日去杭州，住西湖边",
    'quote " backslash \\ tab \t newline \n separator \u2028 end',
    "",
]
texts = st.one_of(
    st.sampled_from(SAMPLE_TEXTS),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=40),  # no lone surrogates
)
records = st.builds(
    message,
    texts,
    conversation=st.sampled_from(["chat-1", "家人群", "Büro", "+15550100"]),
    title=st.sampled_from(["Chat", "家人群", "Familie", "Work"]),
    sender=st.sampled_from([None, "alice", "王芳", "jürgen"]),
    at=st.datetimes(
        min_value=datetime(2015, 1, 1),
        max_value=datetime(2035, 1, 1),
        timezones=st.sampled_from(ZONES),
    ),
    external_id=st.one_of(st.none(), st.text("0123456789abc", min_size=1, max_size=4)),
    kind=st.sampled_from(["text", "system", "image"]),
    is_from_me=st.booleans(),
)
batches = st.lists(
    st.tuples(st.sampled_from(["whatsapp", "telegram", "sms"]), st.lists(records, max_size=8)),
    min_size=1,
    max_size=3,
)
GrantSpec = tuple[str, str, str | None]
grants = st.lists(
    st.tuples(
        st.sampled_from(["active", "revoked", "expired", "used", "until"]),
        st.sampled_from(["messages.read", "contacts.read", "facts.read"]),
        st.sampled_from([None, "platform", "conversation"]),
    ),
    max_size=6,
)
scores = st.lists(st.floats(allow_nan=False), max_size=4)


def populate(
    vault: Vault,
    clock: Clock,
    ingest_records: IngestHelper,
    batch_list: list[tuple[str, list[ImportedMessage]]],
    grant_specs: list[GrantSpec],
    card_scores: list[float],
) -> None:
    fill(vault, ingest_records)
    for number, (platform, batch) in enumerate(batch_list):
        ingest_records(vault, batch, platform=platform, file_name=f"batch-{number}.txt")
    once_subjects = []
    for number, (state, drawn_scope, narrowing) in enumerate(grant_specs):
        subject = f"skill-{number}"
        # A one-time grant is used below by a message read, so it is for messages.
        scope = "messages.read" if state == "used" else drawn_scope
        until = vault.now() + (timedelta(minutes=1) if state == "expired" else timedelta(days=30))
        created = vault.grant(
            scope,
            subject=subject,
            purpose="suggest",
            until=until if state in ("expired", "until") else None,
            once=state == "used",
            platform="sms" if narrowing == "platform" else None,
            conversation_id=1 if narrowing == "conversation" else None,
        )
        if state == "revoked":
            vault.revoke(created.id)
        if state == "used":
            once_subjects.append(subject)
    for subject in once_subjects:
        with vault.session(subject=subject, purpose="suggest") as s:
            s.messages()
    with pytest.raises(ConsentRequired), vault.session(subject="nobody", purpose="ads") as s:
        s.messages()
    clock.advance(minutes=2)  # the "expired" grants now are
    states = {"active": "active", "until": "active", "revoked": "revoked", "expired": "expired"}
    expected = [states.get(state, "used") for state, _, _ in grant_specs]
    skills = [g for g in vault.grants() if g.subject.startswith("skill-")]
    assert [g.state(vault.now()) for g in skills] == expected
    with vault.transaction() as conn:
        conn.execute("INSERT INTO entities VALUES (1, 1, 'address', 7, 15, '南京西路1266号', '{}')")
        for number, score in enumerate(card_scores):
            conn.execute(
                "INSERT INTO cards (kind, dedup_key, payload, score, created_at) "
                "VALUES ('navigate', ?, '{\"kind\":\"navigate\"}', ?, ?)",
                (f"card-{number}", score, vault.now().isoformat()),
            )
            conn.execute("INSERT INTO card_evidence VALUES (?, 1, 7, 15)", (number + 1,))


def search(vault: Vault, term: str) -> list[tuple[int, str]]:
    with vault.session(subject="search-check", purpose="verify") as s:
        return [(m.id, m.text) for m in s.messages(search=term)]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch_list=batches, grant_specs=grants, card_scores=scores)
def test_export_restore_export_reproduces_every_table(
    tmp_path: Path,
    clock: Clock,
    ingest_records: IngestHelper,
    batch_list: list[tuple[str, list[ImportedMessage]]],
    grant_specs: list[GrantSpec],
    card_scores: list[float],
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        root = Path(scratch)
        with Vault(root / "original.db", clock=clock) as original:
            populate(original, clock, ingest_records, batch_list, grant_specs, card_scores)
            first = members(export_vault_to(original, root / "first.zip"))
            clock.advance(minutes=1)
            report = restore_vault(root / "first.zip", root / "restored.db", clock=clock)
            manifest = json.loads(first["manifest.json"])
            assert report.rows == {e["table"]: e["rows"] for e in manifest["files"].values()}
            assert report.log_entries == report.rows["access_log"] + 1
            with Vault(root / "restored.db", clock=clock) as restored:
                assert restored.verify_log().ok
                second = members(export_vault_to(restored, root / "second.zip"))
                for vault in (original, restored):
                    vault.grant("messages.read", subject="search-check", purpose="verify")
                for text, term in ANCHORS:
                    found = search(restored, term)
                    assert found == search(original, term)
                    assert text in [t for _, t in found]
                assert restored.verify_log().ok

    assert set(first) == set(second)
    for name in first:
        if name not in ("manifest.json", "tables/access_log.jsonl"):
            assert first[name] == second[name], name
    log_first, log_second = first["tables/access_log.jsonl"], second["tables/access_log.jsonl"]
    assert log_second.startswith(log_first)
    added = [json.loads(line)["event"] for line in log_second[len(log_first) :].splitlines()]
    assert added == ["restore", "export"]
