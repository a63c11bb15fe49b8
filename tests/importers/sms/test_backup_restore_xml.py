"""SMS Backup & Restore XML: sms, mms and call backups, emoji references, broken files, overlaps."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ownlive.importers.base import ImportedMessage, ImportOptions, Record
from ownlive.importers.registry import SNIFF_BYTES, detect_importer
from ownlive.importers.sms import backup_restore_xml
from ownlive.importers.sms.records import normalise_address

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


LI, LENA, BEN, US = "+8613800138000", "+4915123456789", "+4917612345678", "+14155550132"
GROUP = f"{LENA}~{BEN}"
# (file, line): conversation key, sender handle ("me": the owner), kind, sent at, text
EXPECTED = {
    (FIRST, 5): (LI, LI, "text", "11-02T12:03:11", "明天晚上7点在南京西路1266号见😀"),
    (FIRST, 6): (LI, "me", "text", "11-02T12:04:02", "好的👍 不见不散"),
    (FIRST, 7): (
        LENA, LENA, "text", "11-03T17:45:10", "Bin um 18 Uhr am Hauptbahnhof, Gleis 7.\nBis gleich!"
    ),
    (FIRST, 8): (LENA, "me", "text", "11-03T17:46:00", "Kommst du Samstag zum Grillen? 🔥"),
    (FIRST, 9): (
        "72975", "72975", "text", "11-04T15:12:00",
        "UPS: Your package 1Z999AA10123456784 will arrive Tue by 8pm. Reply STOP to opt out",
    ),
    (FIRST, 10): (US, "me", "text", "11-05T00:20:00", "Running 10 min late, order me a pad thai?"),
    (FIRST, 11): (US, "me", "text", "11-05T00:21:00", "Tom & Jerry tonight at 9?"),
    (FIRST, 12): (
        "DHL", "DHL", "text", "11-05T08:00:00",
        "Ihre Sendung 00340434161234567890 kommt heute zwischen 10:30 und 13:30 Uhr.",
    ),
    (FIRST, 13): (LENA, LENA, "image", "11-07T15:30:00", "Unser neuer Balkon 🌻"),
    (FIRST, 24): (
        GROUP, "me", "text", "11-07T19:00:00", "Samstag 18 Uhr bei mir? Bringt Salat mit 🥗"
    ),
    (FIRST, 36): (GROUP, BEN, "audio", "11-07T19:05:00", "Grillen\nBin dabei!"),
    (FIRST, 49): (LENA, LENA, "text", "11-05T20:00:00", "Gute Nacht \ufffd bis morgen\ufffd"),
    (FIRST, 50): (LI, "me", "text", "11-06T05:00:00", "周末一起去吃川菜吧🌶️"),
    (CALLS, 5): (LI, LI, "call", "11-02T12:20:00", "incoming call, 125 s"),
    (CALLS, 6): (LENA, "me", "call", "11-03T17:50:00", "outgoing call, 42 s"),
    (CALLS, 7): ("+493012345678", "+493012345678", "call", "11-03T18:05:00", "missed call"),
    (CALLS, 8): (US, US, "call", "11-05T00:30:00", "voicemail call, 18 s"),
    (CALLS, 9): ("+491805123456", "+491805123456", "call", "11-05T12:00:00", "rejected call"),
    (CALLS, 10): ("+491805123456", "+491805123456", "call", "11-05T12:10:00", "blocked call"),
    (CALLS, 11): ("withheld", "withheld", "call", "11-05T23:11:00", "incoming call, 31 s"),
    (CALLS, 12): ("withheld", "withheld", "call", "11-06T07:00:00", "missed call"),
    (SECOND, 47): (LI, LI, "text", "11-15T13:10:00", "到家了吗？🏠"),
    (SECOND, 49): (US, US, "text", "11-17T02:00:00", "Thai place on Valencia St was great 🍜"),
}  # fmt: skip


@pytest.mark.parametrize(("name", "line"), list(EXPECTED), ids=str)
def test_record_fields(name: str, line: int) -> None:
    key, handle, kind, at, text = EXPECTED[name, line]
    found = at_line(name, line)
    assert (found.conversation_key, found.sender_handle, found.kind) == (key, handle, kind)
    assert found.is_from_me is (handle == "me")
    assert (found.text, found.sent_at.isoformat()) == (text, f"2026-{at}+01:00")


@pytest.mark.parametrize(
    ("line", "handle", "text", "sent_at"),
    [
        (
            3,
            "+4369912345678",
            "Treffen wir uns um 12 beim Naschmarkt?",
            "2013-05-01T10:00:00+02:00",
        ),
        (4, "me", "Passt, bis dann", "2013-05-01T10:02:30+02:00"),
        (5, "+4369912345679", "Did you get home ok?", "2013-05-02T21:15:00+02:00"),
    ],
)
def test_old_app_version_without_contact_names(
    line: int, handle: str, text: str, sent_at: str
) -> None:
    found = at_line(OLD, line)
    assert (found.sender_handle, found.text, found.sent_at.isoformat()) == (handle, text, sent_at)
    assert found.conversation_title == found.conversation_key


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
