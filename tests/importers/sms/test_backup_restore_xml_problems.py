"""SMS backups that are broken, cut off or huge: problems say where; memory stays flat."""

from __future__ import annotations

import os
import stat
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownlive.importers.base import ImportedMessage, ImportProblem
from ownlive.importers.sms import backup_restore_xml
from tests.importers.sms.test_backup_restore_xml import (
    BERLIN,
    BROKEN,
    FIRST,
    FIXTURES,
    line_of,
    messages,
    parse,
)

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
