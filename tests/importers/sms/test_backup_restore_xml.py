"""SMS Backup & Restore XML: sms, mms and call backups, emoji references, broken files, overlaps."""

from __future__ import annotations

import json
import os
import stat
import tracemalloc
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record
from ownlive.importers.registry import SNIFF_BYTES, detect_importer
from ownlive.importers.sms import backup_restore_xml
from ownlive.importers.sms.records import normalise_address
from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault

FIXTURES = Path(__file__).parent / "fixtures"
TELEGRAM_FIXTURES = Path(__file__).parents[1] / "telegram" / "fixtures"
BERLIN = ImportOptions(tz=ZoneInfo("Europe/Berlin"), tz_name="Europe/Berlin")
FIRST = "sms-20261110211407.xml"
SECOND = "sms-20261120080000.xml"
CALLS = "calls-20261110211407.xml"
OLD = "sms-old-app-version.xml"
BACKUPS = [FIRST, SECOND, CALLS, OLD]
BROKEN = ["sms-bad-dates.xml", "sms-truncated.xml", "sms-not-well-formed.xml"]


def parse(name: str, options: ImportOptions = BERLIN) -> list[Record]:
    return list(backup_restore_xml.parse(FIXTURES / name, options))


def messages(name: str, options: ImportOptions = BERLIN) -> list[ImportedMessage]:
    records = parse(name, options)
    assert all(isinstance(r, ImportedMessage) for r in records), records
    return [r for r in records if isinstance(r, ImportedMessage)]


def at_line(name: str, line: int) -> ImportedMessage:
    [found] = [m for m in messages(name) if m.line == line]
    return found


def line_of(name: str, needle: str) -> int:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


# --- sniffing -------------------------------------------------------------------


def all_fixtures() -> list[Path]:
    return sorted([*FIXTURES.iterdir(), *TELEGRAM_FIXTURES.iterdir()])


@pytest.mark.parametrize("path", all_fixtures(), ids=lambda p: p.name)
def test_sniff_claims_exactly_the_backups(path: Path) -> None:
    head = path.read_bytes()[:SNIFF_BYTES]
    # A DOCTYPE is never in a real backup: such a file is not claimed.
    expected = path.suffix == ".xml" and not path.name.startswith(("not_sms", "sms-doctype"))
    assert backup_restore_xml.sniff(path, head) is expected


@pytest.mark.parametrize("name", BACKUPS + BROKEN)
def test_detection_picks_sms_among_all_importers(name: str) -> None:
    assert detect_importer(FIXTURES / name).name == "sms_backup_restore"


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"<?xml version='1.0'?><smsbackup><sms/></smsbackup>",
        b'<?xml version="1.0"?>\n<calls>\n  <entry day="Mon" />\n</calls>',
        b'{"smses": []}',
        b"<html><body>smses</body></html>",
    ],
)
def test_sniff_rejects_other_content(head: bytes) -> None:
    assert not backup_restore_xml.sniff(Path("sms.xml"), head)


@pytest.mark.parametrize(
    "head",
    [
        b"<smses count='0'/>",
        b"\xef\xbb\xbf<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\r\n<smses>",
        b"<?xml version='1.0'?>\n<!--File Created By SMS Backup & Restore v10.20.002-->\n"
        b'<calls count="1">',
        b"<?xml version='1.0'?>\n                          \n<calls>\n<call number=\"1\" />",
    ],
)
def test_sniff_accepts_every_header_layout(head: bytes) -> None:
    assert backup_restore_xml.sniff(Path("backup.bin"), head)


# --- what a record becomes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "line", "key", "handle", "is_from_me", "kind", "text", "sent_at"),
    [
        (
            FIRST,
            5,
            "+8613800138000",
            "+8613800138000",
            False,
            "text",
            "明天晚上7点在南京西路1266号见😀",
            "2026-11-02T12:03:11+01:00",
        ),
        (
            FIRST,
            6,
            "+8613800138000",
            "me",
            True,
            "text",
            "好的👍 不见不散",
            "2026-11-02T12:04:02+01:00",
        ),
        (
            FIRST,
            7,
            "+4915123456789",
            "+4915123456789",
            False,
            "text",
            "Bin um 18 Uhr am Hauptbahnhof, Gleis 7.\nBis gleich!",
            "2026-11-03T17:45:10+01:00",
        ),
        (
            FIRST,
            8,
            "+4915123456789",
            "me",
            True,
            "text",
            "Kommst du Samstag zum Grillen? 🔥",
            "2026-11-03T17:46:00+01:00",
        ),
        (
            FIRST,
            9,
            "72975",
            "72975",
            False,
            "text",
            "UPS: Your package 1Z999AA10123456784 will arrive Tue by 8pm. Reply STOP to opt out",
            "2026-11-04T15:12:00+01:00",
        ),
        (
            FIRST,
            10,
            "+14155550132",
            "me",
            True,
            "text",
            "Running 10 min late, order me a pad thai?",
            "2026-11-05T00:20:00+01:00",
        ),
        (
            FIRST,
            11,
            "+14155550132",
            "me",
            True,
            "text",
            "Tom & Jerry tonight at 9?",
            "2026-11-05T00:21:00+01:00",
        ),
        (
            FIRST,
            12,
            "DHL",
            "DHL",
            False,
            "text",
            "Ihre Sendung 00340434161234567890 kommt heute zwischen 10:30 und 13:30 Uhr.",
            "2026-11-05T08:00:00+01:00",
        ),
        (
            FIRST,
            13,
            "+4915123456789",
            "+4915123456789",
            False,
            "image",
            "Unser neuer Balkon 🌻",
            "2026-11-07T15:30:00+01:00",
        ),
        (
            FIRST,
            24,
            "+4915123456789~+4917612345678",
            "me",
            True,
            "text",
            "Samstag 18 Uhr bei mir? Bringt Salat mit 🥗",
            "2026-11-07T19:00:00+01:00",
        ),
        (
            FIRST,
            36,
            "+4915123456789~+4917612345678",
            "+4917612345678",
            False,
            "audio",
            "Grillen\nBin dabei!",
            "2026-11-07T19:05:00+01:00",
        ),
        (
            FIRST,
            49,
            "+4915123456789",
            "+4915123456789",
            False,
            "text",
            "Gute Nacht \ufffd bis morgen\ufffd",
            "2026-11-05T20:00:00+01:00",
        ),
        (
            FIRST,
            50,
            "+8613800138000",
            "me",
            True,
            "text",
            "周末一起去吃川菜吧🌶️",
            "2026-11-06T05:00:00+01:00",
        ),
        (
            CALLS,
            5,
            "+8613800138000",
            "+8613800138000",
            False,
            "call",
            "incoming call, 125 s",
            "2026-11-02T12:20:00+01:00",
        ),
        (
            CALLS,
            6,
            "+4915123456789",
            "me",
            True,
            "call",
            "outgoing call, 42 s",
            "2026-11-03T17:50:00+01:00",
        ),
        (
            CALLS,
            7,
            "+493012345678",
            "+493012345678",
            False,
            "call",
            "missed call",
            "2026-11-03T18:05:00+01:00",
        ),
        (
            CALLS,
            8,
            "+14155550132",
            "+14155550132",
            False,
            "call",
            "voicemail call, 18 s",
            "2026-11-05T00:30:00+01:00",
        ),
        (
            CALLS,
            9,
            "+491805123456",
            "+491805123456",
            False,
            "call",
            "rejected call",
            "2026-11-05T12:00:00+01:00",
        ),
        (
            CALLS,
            10,
            "+491805123456",
            "+491805123456",
            False,
            "call",
            "blocked call",
            "2026-11-05T12:10:00+01:00",
        ),
        (
            CALLS,
            11,
            "withheld",
            "withheld",
            False,
            "call",
            "incoming call, 31 s",
            "2026-11-05T23:11:00+01:00",
        ),
        (
            CALLS,
            12,
            "withheld",
            "withheld",
            False,
            "call",
            "missed call",
            "2026-11-06T07:00:00+01:00",
        ),
        (
            OLD,
            3,
            "+4369912345678",
            "+4369912345678",
            False,
            "text",
            "Treffen wir uns um 12 beim Naschmarkt?",
            "2013-05-01T10:00:00+02:00",
        ),
        (
            OLD,
            4,
            "+4369912345678",
            "me",
            True,
            "text",
            "Passt, bis dann",
            "2013-05-01T10:02:30+02:00",
        ),
    ],
)
def test_record_fields(
    name: str,
    line: int,
    key: str,
    handle: str,
    is_from_me: bool,
    kind: str,
    text: str,
    sent_at: str,
) -> None:
    found = at_line(name, line)
    assert (found.conversation_key, found.sender_handle, found.is_from_me) == (
        key,
        handle,
        is_from_me,
    )
    assert (found.kind, found.text, found.sent_at.isoformat()) == (kind, text, sent_at)


@pytest.mark.parametrize(
    ("name", "line", "title", "sender_name"),
    [
        (FIRST, 5, "李娜", "李娜"),
        (FIRST, 9, "72975", None),  # contact_name "(Unknown)": the app's label for no contact
        (FIRST, 10, "+14155550132", None),  # contact_name "null"
        (FIRST, 24, "Lena Schmidt, Ben Wagner", None),
        (FIRST, 36, "Ben Wagner, Lena Schmidt", None),  # a group's name lists everyone
        (CALLS, 7, "Praxis Dr. Weiß", "Praxis Dr. Weiß"),
        (CALLS, 11, "Withheld number", None),
        (OLD, 5, "+4369912345679", None),
    ],
)
def test_names_come_from_contact_name_unless_absent(
    name: str, line: int, title: str, sender_name: str | None
) -> None:
    found = at_line(name, line)
    assert (found.conversation_title, found.sender_name) == (title, sender_name)


@pytest.mark.parametrize(
    ("sms_type", "is_from_me"),
    [("1", False), ("2", True), ("3", True), ("4", True), ("5", True), ("6", True)],
)
def test_every_sms_type_but_inbox_is_the_owners(
    tmp_path: Path, sms_type: str, is_from_me: bool
) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(
        f'<smses count="1"><sms address="+49 30 1234" date="1793617391000" type="{sms_type}" '
        'body="Hallo" contact_name="null" /></smses>',
        encoding="utf-8",
    )
    [found] = list(backup_restore_xml.parse(path, BERLIN))
    assert isinstance(found, ImportedMessage)
    assert found.is_from_me is is_from_me


def test_mms_leaves_out_the_smil_layout_and_never_keeps_media_bytes() -> None:
    found = at_line(FIRST, 13)
    assert "smil" not in found.text
    assert "/9j/" not in found.text
    assert found.conversation_kind == "chat"
    assert at_line(FIRST, 24).conversation_kind == "group"


def test_null_strings_are_absent_values() -> None:
    for found in messages(FIRST) + messages(CALLS) + messages(OLD):
        assert "null" not in found.text
        assert found.conversation_title != "null"
        assert found.sender_name != "null"


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("+86 138 0013 8000", "+8613800138000"),
        ("+86-138-0013-8000", "+8613800138000"),
        ("0086 138 0013 8000", "+8613800138000"),
        ("+1 (415) 555-0132", "+14155550132"),
        ("030/1234567", "0301234567"),
        ("DHL", "DHL"),
        ("Anna@Example.COM", "anna@example.com"),
        ("+4917612345678~+49 151 23456789", "+4915123456789~+4917612345678"),
        ("+4915123456789~+4915123456789", "+4915123456789"),
    ],
)
def test_addresses_are_normalised_into_conversation_keys(written: str, key: str) -> None:
    assert normalise_address(written) == key


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin", "America/New_York"])
def test_epoch_milliseconds_are_shown_in_the_users_zone(zone: str) -> None:
    options = ImportOptions(tz=ZoneInfo(zone), tz_name=zone)
    first = messages(FIRST, options)[0]
    assert first.sent_at.utcoffset() == ZoneInfo(zone).utcoffset(first.sent_at.replace(tzinfo=None))
    assert int(first.sent_at.timestamp() * 1000) == 1793617391000


def test_milliseconds_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(
        '<smses><sms address="+4930" date="1312473895759" type="2" body="x" /></smses>',
        encoding="utf-8",
    )
    [found] = list(backup_restore_xml.parse(path, BERLIN))
    assert isinstance(found, ImportedMessage)
    assert found.sent_at.isoformat() == "2011-08-04T18:04:55.759000+02:00"


def test_external_ids_are_stable_across_backups_and_distinct_within_one() -> None:
    first = {m.external_id for m in messages(FIRST)}
    second = {m.external_id for m in messages(SECOND)}
    assert len(first) == len(messages(FIRST))
    assert len(first & second) == 9  # the overlap, although Li's number is written differently


# --- broken files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "good", "problems"),
    [
        (
            "sms-bad-dates.xml",
            2,
            [
                (
                    line_of("sms-bad-dates.xml", 'date="gestern"'),
                    "date",
                    "not a date (epoch milliseconds expected)",
                ),
                (line_of("sms-bad-dates.xml", "南京西路"), "date", "missing"),
            ],
        ),
        ("sms-truncated.xml", 4, [(9, "xml", "the file ends early (cut off while copying?)")]),
        (
            "sms-not-well-formed.xml",
            1,
            [
                (
                    line_of("sms-not-well-formed.xml", "Tom & Jerry"),
                    "xml",
                    "not well-formed (invalid token)",
                )
            ],
        ),
        ("sms-doctype.xml", 0, [(2, "xml", "has a DOCTYPE; backups have none")]),
    ],
)
def test_broken_files_give_problems_that_say_where(
    name: str, good: int, problems: list[tuple[int, str, str]]
) -> None:
    records = parse(name)
    found = [(p.line, p.field, p.reason) for p in records if isinstance(p, ImportProblem)]
    assert found == problems
    assert all(p.path == str(FIXTURES / name) for p in records if isinstance(p, ImportProblem))
    assert sum(isinstance(r, ImportedMessage) for r in records) == good


@pytest.mark.parametrize(
    ("element", "field", "reason"),
    [
        (
            '<sms address="+4930" date="1793617391000" type="9" body="x" />',
            "type",
            "not a message type (1 to 6)",
        ),
        ('<sms address="null" date="1793617391000" type="1" body="x" />', "address", "missing"),
        (
            '<sms address="+4930" date="99999999999999999999" type="1" body="x" />',
            "date",
            "out of range",
        ),
        (
            '<call number="+4930" duration="ten" date="1793617391000" type="1" />',
            "duration",
            "not a number of seconds",
        ),
        (
            '<call number="+4930" duration="10" date="1793617391000" type="0" />',
            "type",
            "not a call type (1 to 6)",
        ),
        (
            '<mms date="1793617391000" msg_box="1" address="null"><parts/><addrs/></mms>',
            "address",
            "missing",
        ),
        (
            '<mms date="1793617391000" msg_box="7" address="+4930"><parts/></mms>',
            "msg_box",
            "not a message box (1 to 5)",
        ),
    ],
)
def test_bad_records_are_problems_on_their_line(
    tmp_path: Path, element: str, field: str, reason: str
) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(f"<?xml version='1.0' ?>\n<smses>\n\n  {element}\n</smses>\n", encoding="utf-8")
    assert list(backup_restore_xml.parse(path, BERLIN)) == [
        ImportProblem(str(path), 4, field, reason)
    ]


def test_problems_never_quote_message_content() -> None:
    for name in BROKEN:
        for record in parse(name):
            if isinstance(record, ImportProblem):
                assert "Jerry" not in record.render()
                assert "gestern" not in record.render()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=(FIXTURES / FIRST).stat().st_size))
def test_a_file_cut_anywhere_never_raises(tmp_path: Path, cut: int) -> None:
    data = (FIXTURES / FIRST).read_bytes()
    path = tmp_path / "cut.xml"
    path.write_bytes(data[:cut])
    records = list(backup_restore_xml.parse(path, BERLIN))
    if cut < len(data.rstrip()):
        assert isinstance(records[-1], ImportProblem)
        assert records[-1].field == "xml"
    read = [r for r in records if isinstance(r, ImportedMessage)]
    assert read == messages(FIRST)[: len(read)]


def test_the_users_file_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_bytes((FIXTURES / FIRST).read_bytes())
    path.chmod(stat.S_IRUSR)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    assert len(list(backup_restore_xml.parse(path, BERLIN))) == 13
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


# --- memory stays flat -------------------------------------------------------------


def write_long_backup(path: Path, count: int) -> None:
    row = (
        '  <sms protocol="0" address="+49 151 23456789" date="{date}" type="{kind}" subject="null" '
        'body="Bin um 18 Uhr da &#55357;&#56832; Nr. {number}&#10;Bis gleich" toa="null" '
        'sc_toa="null" service_center="null" read="1" status="-1" locked="0" '
        'contact_name="Lena Schmidt" />\n'
    )
    with path.open("w", encoding="utf-8") as out:
        out.write(
            f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"{count}\">\n"
        )
        for number in range(count):
            out.write(
                row.format(date=1793617391000 + number * 1000, kind=1 + number % 2, number=number)
            )
        out.write("</smses>\n")


def peak_while_streaming(path: Path) -> int:
    tracemalloc.start()
    try:
        count = sum(1 for _ in backup_restore_xml.parse(path, BERLIN))
        return tracemalloc.get_traced_memory()[1] if count else 0
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    write_long_backup(small, 2_000)
    write_long_backup(large, 32_000)
    assert large.stat().st_size > 15 * small.stat().st_size
    assert peak_while_streaming(large) < 1.5 * peak_while_streaming(small) + 64 * 1024


# --- through `ownlive import` --------------------------------------------------------


def run_import(runner: CliRunner, vault_path: Path, name: str, *extra: str) -> dict[str, object]:
    result = runner.invoke(
        app,
        [
            "--vault",
            str(vault_path),
            "--json",
            "import",
            str(FIXTURES / name),
            "--tz",
            "Europe/Berlin",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout)
    return report


def counts(vault_path: Path) -> tuple[int, int, int]:
    with Vault(vault_path) as vault:
        summary = vault.summary()
    return summary.messages, summary.conversations, summary.sources


def test_corrupt_file_via_cli_names_file_line_and_field_and_changes_nothing(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, OLD)
    before = counts(vault_path)
    result = cli_runner.invoke(
        app, ["--vault", str(vault_path), "import", str(FIXTURES / "sms-bad-dates.xml")]
    )
    assert result.exit_code == 8
    assert result.stderr.splitlines() == [
        "Error: 2 problem(s) in the file; nothing was imported, "
        "sms-bad-dates.xml:6: date: not a date (epoch milliseconds expected), "
        "fix the file, or pass --skip-invalid to keep the good records",
        "  sms-bad-dates.xml:6: date: not a date (epoch milliseconds expected)",
        "  sms-bad-dates.xml:7: date: missing",
    ]
    assert "Traceback" not in result.output
    assert counts(vault_path) == before


@pytest.mark.parametrize("name", ["sms-truncated.xml", "sms-not-well-formed.xml"])
def test_unreadable_xml_via_cli_fails_and_keeps_the_vault(
    cli_runner: CliRunner, tmp_path: Path, name: str
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, OLD)
    before = counts(vault_path)
    result = cli_runner.invoke(app, ["--vault", str(vault_path), "import", str(FIXTURES / name)])
    assert result.exit_code == 8
    assert result.stderr.startswith("Error: 1 problem(s) in the file; nothing was imported, ")
    assert f"{name}:" in result.stderr.splitlines()[0]
    assert counts(vault_path) == before


@pytest.mark.parametrize(("name", "count"), [(FIRST, 13), (SECOND, 12), (CALLS, 8), (OLD, 3)])
def test_importing_twice_adds_nothing_the_second_time(
    cli_runner: CliRunner, tmp_path: Path, name: str, count: int
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, name)
    second = run_import(cli_runner, vault_path, name)
    assert (first["new"], first["present"]) == (count, 0)
    assert (second["new"], second["present"]) == (0, count)
    assert counts(vault_path)[0] == count


def test_overlapping_backups_add_only_the_new_rows(cli_runner: CliRunner, tmp_path: Path) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, FIRST)
    second = run_import(cli_runner, vault_path, SECOND)
    assert (first["new"], second["new"], second["present"]) == (13, 3, 9)
    assert counts(vault_path)[0] == 16


def test_calls_join_the_conversations_of_the_same_numbers(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, FIRST)
    conversations_before = counts(vault_path)[1]
    run_import(cli_runner, vault_path, CALLS)
    # Li, Lena and +1 415 already have threads; the practice, the hotline and
    # the withheld caller are new.
    assert counts(vault_path)[1] == conversations_before + 3
