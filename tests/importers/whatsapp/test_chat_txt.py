"""The WhatsApp chat-export importer: every layout, the zip, broken and hostile files."""

from __future__ import annotations

import os
import shutil
import tracemalloc
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownlive.importers.base import ImportedMessage, ImportProblem
from ownlive.importers.registry import detect_importer, get_importer
from ownlive.importers.whatsapp import chat_txt, source
from ownlive.importers.whatsapp.source import chat_name_from
from tests.importers.whatsapp.conftest import (
    BROKEN,
    CHATS,
    FIXTURES,
    LI_LEI,
    MULTI,
    NOT_CHATS,
    TEAM_ZIP,
    WANG_FANG,
    messages,
    options,
    parse,
)


def at_line(path: Path, line: int, zone: str) -> ImportedMessage:
    return next(m for m in messages(path, zone) if m.line == line)


@pytest.mark.parametrize(
    ("path", "zone", "line", "sender", "kind", "sent_at", "text"),
    [
        (LI_LEI, "Asia/Shanghai", 1, None, "system", "2024-03-14T09:12:00+08:00",
         "Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
         "WhatsApp, can read or listen to them. Tap to learn more."),
        (LI_LEI, "Asia/Shanghai", 2, "李雷", "text", "2024-03-14T09:12:00+08:00",
         "早！今天下午三点开会吗？"),
        (LI_LEI, "Asia/Shanghai", 3, "Anna Schmidt", "text", "2024-03-14T09:15:00+08:00",
         "Ja, 15 Uhr. 会议室在二楼。"),
        (LI_LEI, "Europe/Berlin", 7, "李雷", "text", "2024-04-02T18:30:00+02:00",
         "周六一起吃火锅？"),
        (FIXTURES / "android_us_12h.txt", "America/New_York", 1, "Sam Carter", "text",
         "2024-01-20T21:05:00-05:00", "Are we still on for Thai food tonight?"),
        (FIXTURES / "android_us_12h.txt", "America/New_York", 4, "Priya", "text",
         "2024-01-21T00:04:00-05:00", "🙌"),
        (FIXTURES / "android_us_12h.txt", "America/New_York", 5, "Sam Carter", "text",
         "2024-01-21T12:30:00-05:00", "My flight is UA 901 on Feb 3, landing 6:40 AM"),
        (FIXTURES / "android_us_12h.txt", "America/New_York", 6, "Sam Carter", "text",
         "2024-02-03T06:52:00-05:00", "Landed, call you at 10?"),
        (FIXTURES / "ios_de.txt", "Europe/Berlin", 2, None, "system", "2024-05-03T18:01:12+02:00",
         "Oma Hilde hat die Gruppe „Familie Weber“ erstellt"),
        (FIXTURES / "ios_de.txt", "Europe/Berlin", 4, "Jonas", "text", "2024-05-03T18:02:40+02:00",
         "Hallo zusammen! Sonntag 12:30 Mittagessen bei Oma?"),
        (FIXTURES / "ios_de.txt", "Europe/Berlin", 6, "Jonas", "attachment",
         "2024-05-03T18:05:40+02:00", "<Anhang: 00000004-PHOTO-2024-05-03-18-05-40.jpg>"),
        (FIXTURES / "ios_de.txt", "Europe/Berlin", 7, "Oma Hilde", "attachment",
         "2024-05-03T18:06:01+02:00", "Bild weggelassen"),
        (FIXTURES / "ios_de.txt", "Europe/Berlin", 9, "+49 151 23456789", "text",
         "2024-05-13T07:46:02+02:00", "Wer ist das? Tel. 030 1234567"),
        (FIXTURES / "android_es_pm.txt", "Europe/Madrid", 1, "Lukas", "text",
         "2024-02-14T20:49:00+01:00", "Treffen wir uns morgen um 10 am Retiro?"),
        (FIXTURES / "android_es_pm.txt", "Europe/Madrid", 3, "Lukas", "text",
         "2024-02-15T00:15:00+01:00", "Gute Nacht 🌙"),
        (FIXTURES / "android_es_pm.txt", "Europe/Madrid", 4, "Lucía", "text",
         "2024-02-15T09:58:00+01:00", "我快到了"),
        (FIXTURES / "android_es_pm.txt", "Europe/Madrid", 5, "Lukas", "text",
         "2024-02-15T12:05:00+01:00", "Running 10 minutes late, sorry!"),
        (FIXTURES / "ios_en_crlf.txt", "America/New_York", 2, "Mia Chen", "text",
         "2024-01-18T08:30:40-05:00",
         "POLL:\nWhere should we eat on Friday?\nOPTION: 川菜 Sichuan (3 votes)\n"
         "OPTION: Ramen (1 vote)\nOPTION: Döner (0 votes)"),
        (FIXTURES / "ios_en_crlf.txt", "America/New_York", 7, "Tom", "text",
         "2024-01-18T12:01:13-05:00", "Sichuan it is, I'll book for 12:30"),
        (WANG_FANG, "Asia/Shanghai", 1, None, "system", "2024-03-05T09:02:00+08:00",
         "消息和通话已进行端到端加密。对话之外的任何人，甚至包括 WhatsApp，都无法读取或收听。"),
        (WANG_FANG, "Asia/Shanghai", 4, "王芳", "text", "2024-03-05T12:30:00+08:00",
         "午饭吃川菜吧"),
        (WANG_FANG, "Asia/Shanghai", 5, "张伟", "attachment", "2024-03-05T15:15:00+08:00",
         "<省略影音内容>"),
        (WANG_FANG, "Asia/Shanghai", 6, "王芳", "text", "2024-03-06T00:10:00+08:00", "晚安"),
        (TEAM_ZIP, "Europe/Berlin", 4, "Lena", "attachment", "2024-03-02T18:31:05+01:00",
         "<Anhang: 00000003-PHOTO-2024-03-02-18-31-05.jpg>"),
        (TEAM_ZIP, "Europe/Berlin", 8, "Kai", "text", "2024-03-16T09:12:00+01:00",
         "搬家顺利！Thanks everyone"),
        (MULTI, "Europe/London", 2, None, "system", "2024-06-05T19:00:00+01:00",
         'Emma created group "Book club 📚"'),
        (MULTI, "Europe/London", 4, "Emma", "text", "2024-06-05T19:02:00+01:00",
         "Welcome! Plan for June:\n- read chapters 1-5\n- meet on 20/06/2024, 18:30 at the "
         "library\n1.7.2024 10:00 - 12:00 reading in the park"),
        (MULTI, "Europe/London", 8, "Wei", "text", "2024-06-05T19:03:00+01:00",
         "太好了！\n我已经买了书。\n\n第一章很有意思。"),
        (MULTI, "Europe/London", 12, "Wei", "attachment", "2024-06-05T19:04:00+01:00",
         "IMG-20240605-WA0003.jpg (file attached)\n封面"),
        (MULTI, "Europe/London", 21, None, "system", "2024-06-05T19:10:00+01:00", "Jonas left"),
        (MULTI, "Europe/London", 23, None, "system", "2024-06-05T19:12:00+01:00",
         'Emma changed the subject from "Book club 📚" to "Book club: June"'),
        (MULTI, "Europe/London", 24, "Emma", "text", "2024-06-05T19:13:00+01:00",
         "Who brings the cake? 🎂"),
    ],
)  # fmt: skip
def test_records(
    path: Path,
    zone: str,
    line: int,
    sender: str | None,
    kind: str,
    sent_at: str,
    text: str,
) -> None:
    record = at_line(path, line, zone)
    assert (record.sender_handle, record.sender_name, record.kind) == (sender, sender, kind)
    assert record.sent_at.isoformat() == sent_at
    assert record.text == text
    assert record.is_from_me is False


@pytest.mark.parametrize(
    "line",
    [
        (14, "IMG-20240605-WA0004.jpg (Datei angehängt)"),
        (15, "<Media omitted>"),
        (16, "<Medien ausgeschlossen>"),
        (17, "<attached: 00000007-PHOTO-2024-06-05-19-07-10.jpg>"),
        (18, "<Anhang: 00000008-AUDIO-2024-06-05-19-08-02.opus>"),
        (19, "<省略影音内容>"),
        (20, "报名表.pdf (文件附件)"),
    ],
    ids=lambda case: case[1],
)
def test_every_attachment_form_is_an_attachment(line: tuple[int, str]) -> None:
    record = at_line(MULTI, line[0], "Europe/Berlin")
    assert (record.kind, record.text) == ("attachment", line[1])
    assert record.sender_handle is not None


@pytest.mark.parametrize("path", CHATS, ids=lambda p: p.name)
@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin", "America/Los_Angeles"])
def test_times_are_aware_in_the_users_zone(path: Path, zone: str) -> None:
    for record in parse(path, zone):
        if isinstance(record, ImportedMessage):
            assert record.sent_at.tzinfo == ZoneInfo(zone)
            assert "\r" not in record.text and "\u200e" not in record.text
            assert record.sender_handle is None or "\u200e" not in record.sender_handle


def test_the_repeated_hour_when_clocks_go_back(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Oma.txt"
    chat.write_text(
        "29.10.23, 02:50 - Oma: Noch wach?\n"
        "29.10.23, 02:10 - Oma: Die Uhr ist zurückgestellt\n"
        "29.10.23, 02:40 - Jonas: Gute Nacht\n"
        "29.10.23, 03:05 - Jonas: 晚安\n",
        encoding="utf-8",
    )
    assert [m.sent_at.isoformat() for m in messages(chat)] == [
        "2023-10-29T02:50:00+02:00",
        "2023-10-29T02:10:00+01:00",
        "2023-10-29T02:40:00+01:00",
        "2023-10-29T03:05:00+01:00",
    ]


@pytest.mark.parametrize("path", CHATS, ids=lambda p: p.name)
def test_sniff_claims_chat_exports(path: Path) -> None:
    assert chat_txt.sniff(path, path.read_bytes()[: 64 * 1024])
    assert detect_importer(path).name == "whatsapp_txt"


def other_formats(tmp_path: Path) -> list[Path]:
    samples = {
        "result.json": b'{"name": "Anna", "type": "personal_chat", "messages": [{"id": 1}]}',
        "sms.xml": b"<?xml version='1.0' encoding='UTF-8'?>\n<smses count=\"1\">",
        "wechat.csv": "localId,CreateTime,StrTalker\n1,2024-03-05 15:15:00,王芳\n".encode(),
        "calendar.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        "mail.mbox": b"From anna@example.org Tue Mar  5 15:15:00 2024\nSubject: Hi\n\nHallo\n",
        "log.txt": b"2024-03-05 15:15:00,123 - INFO - started\n20/01/19, 11:23 - A: x\n",
    }
    paths = []
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    photos = tmp_path / "photos.zip"
    with zipfile.ZipFile(photos, "w") as archive:
        archive.writestr("IMG_0001.jpg", b"\xff\xd8\xff\xe0")
        archive.writestr("notes.txt", "Einkaufsliste: Milch, 鸡蛋".encode())
        # AppleDouble metadata of a chat, without the chat itself
        archive.writestr("__MACOSX/._chat.txt", b"\x00\x05\x16\x07" + b"[20.06.19, 15:58:47] A: x")
    return [*paths, photos]


def test_sniff_leaves_other_files_alone(tmp_path: Path) -> None:
    for path in NOT_CHATS + other_formats(tmp_path):
        assert not chat_txt.sniff(path, path.read_bytes()[: 64 * 1024]), path.name


def test_zip_reads_the_chat_not_the_macosx_entry_nor_a_shared_txt() -> None:
    found = messages(TEAM_ZIP)
    assert [m.line for m in found] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert {m.sender_handle for m in found} == {None, "Lena", "Kai"}
    assert found[0].conversation_key == "name:team berlin"
    assert found[0].conversation_title == "Team Berlin"


@pytest.mark.parametrize(
    ("file_name", "chat"),
    [
        ("WhatsApp Chat with 李雷.txt", "李雷"),
        ("WhatsApp Chat with Anna Schmidt (1).txt", "Anna Schmidt"),
        ("WhatsApp Chat - Team Berlin.zip", "Team Berlin"),
        ("WhatsApp Chat mit Oma Hilde.txt", "Oma Hilde"),
        ("WhatsApp-Chat mit Familie Weber.zip", "Familie Weber"),
        ("Chat de WhatsApp con Lucía.txt", "Lucía"),
        ("与王芳的 WhatsApp 聊天.txt", "王芳"),
        ("與陳大文的WhatsApp對話.txt", "陳大文"),
        ("_chat.txt", None),
        ("android_us_12h.txt", None),
    ],
)
def test_chat_name_from_the_export_file_name(file_name: str, chat: str | None) -> None:
    assert chat_name_from(file_name) == chat


def test_conversation_from_participants_when_the_name_is_gone(tmp_path: Path) -> None:
    us = messages(FIXTURES / "android_us_12h.txt")
    assert {m.conversation_key for m in us} == {us[0].conversation_key}
    assert us[0].conversation_key.startswith("members:")
    assert us[0].conversation_title == "Priya, Sam Carter"
    # The same people in another file name and another order: the same chat.
    swapped = tmp_path / "_chat.txt"
    swapped.write_text("1/20/24, 9:07 PM - Priya: hi\n1/20/24, 9:08 PM - Sam Carter: yo\n")
    assert messages(swapped)[0].conversation_key == us[0].conversation_key
    assert messages(FIXTURES / "ios_de.txt")[0].conversation_kind == "group"


def test_impossible_date_is_a_problem_with_file_and_line() -> None:
    found = parse(BROKEN)
    problems = [r for r in found if isinstance(r, ImportProblem)]
    assert [p.render() for p in problems] == [
        "broken_impossible_date.txt:2: sent_at: impossible date "
        "(this file's dates read as day/month/year)"
    ]
    good = [r for r in found if isinstance(r, ImportedMessage)]
    # The broken message's second line goes with it, not onto its neighbours.
    assert [(m.line, m.text) for m in good] == [
        (1, "Happy birthday tomorrow!"),
        (4, "Danke dir! 🎉"),
    ]


@pytest.mark.parametrize("path", NOT_CHATS, ids=lambda p: p.name)
def test_a_file_without_chat_lines_is_one_problem(path: Path) -> None:
    assert [p.render() for p in parse(path)] == [f"{path.name}: file: not a WhatsApp chat export"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"20/01/19, 11:23 - Anna: Hallo\nzweite Zeile \xff\xfe\n21/01/19, 08:00 - Ben: ok\n",
            "chat.txt:2: text: not valid UTF-8; the message from line 1 is left out",
        ),
        (
            b"Vorwort\n20/01/19, 11:23 - Anna: Hallo\n",
            "chat.txt:1: text: text before the first message",
        ),
    ],
)
def test_unreadable_lines_are_problems(tmp_path: Path, data: bytes, expected: str) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_bytes(data)
    assert [r.render() for r in parse(chat) if isinstance(r, ImportProblem)] == [expected]


def test_damaged_and_chatless_zips_are_problems_not_exceptions(tmp_path: Path) -> None:
    damaged = tmp_path / "WhatsApp Chat - Kaputt.zip"
    damaged.write_bytes(TEAM_ZIP.read_bytes()[:300])
    chatless = other_formats(tmp_path)[-1]
    assert [r.render() for r in parse(damaged)] == [
        "WhatsApp Chat - Kaputt.zip: file: cannot read the file (damaged)"
    ]
    assert [r.render() for r in parse(chatless)] == [
        "photos.zip: file: no WhatsApp chat (.txt) in the zip"
    ]


FRAGMENTS = [
    "20/01/19, 11:23 - ",
    "[20.06.19, 15:58:47] ",
    "1/20/24, 9:05\u202fPM - ",
    "31/02/19, 08:00 - ",
    "Anna: ",
    "李雷: ",
    "\u200e",
    "<attached: x.jpg>",
    "Hallo",
    "\r\n",
    "\n",
    ": ",
]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(lambda p: "".join(p).encode()),
    )
)
def test_parse_never_raises(tmp_path: Path, data: bytes) -> None:
    chat = tmp_path / "fuzz.txt"
    chat.write_bytes(data)
    for record in chat_txt.parse(chat, options()):
        assert isinstance(record, ImportedMessage | ImportProblem)


def test_parse_opens_read_only_and_leaves_the_file_alone(tmp_path: Path) -> None:
    copy = tmp_path / LI_LEI.name
    shutil.copy(LI_LEI, copy)
    copy.chmod(0o444)
    before = (copy.read_bytes(), os.stat(copy).st_mtime_ns)
    assert len(messages(copy)) == 7
    assert (copy.read_bytes(), os.stat(copy).st_mtime_ns) == before


def _peak(path: Path, block_bytes: int) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for _ in chat_txt.parse(path, options(), block_bytes=block_bytes))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def test_memory_stays_flat_on_a_large_export(tmp_path: Path) -> None:
    line = "20/01/19, 11:23 - Anna Schmidt: Treffen um 7 im 川菜馆,\nbring the tickets\n"
    small, big = tmp_path / "WhatsApp Chat with Small.txt", tmp_path / "WhatsApp Chat with Big.txt"
    small.write_text(line * 4_000, encoding="utf-8")
    big.write_text(line * 16_000, encoding="utf-8")
    block = 32 * 1024  # both files span many blocks
    (small_count, small_peak), (big_count, big_peak) = _peak(small, block), _peak(big, block)
    assert (small_count, big_count) == (4_000, 16_000)
    # Memory follows the block, not the file: measured about 0.3 MB for both
    # (a block as bytes and as text, and the caches), for 0.3 and 1.2 MB files.
    assert big_peak < 1.25 * small_peak, (small_peak, big_peak)
    assert big_peak < 12 * block + 200_000, big_peak


def test_an_overlong_line_in_a_zip_is_a_problem_as_in_a_txt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A zip member's readline(limit) can return more than `limit` bytes when
    # the line crosses its read buffer; such a line once passed unreported.
    monkeypatch.setattr(source, "MAX_LINE_BYTES", 200)
    lines = [f"20/01/19, 11:{n % 60:02d} - Anna: {'x' * (150 + 7 * n)}" for n in range(40)]
    data = "\n".join(lines).encode() + b"\n"
    txt, archive = tmp_path / "WhatsApp Chat with Anna.txt", tmp_path / "WhatsApp Chat - Anna.zip"
    txt.write_bytes(data)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
        packed.writestr("_chat.txt", data)
    over = [n + 1 for n, line in enumerate(lines) if len(line.encode()) > 200]
    for path in (txt, archive):
        for block_bytes in (None, 64, 4096):
            found = chat_txt.parse(path, options(), block_bytes=block_bytes)
            problems = [r.line for r in found if isinstance(r, ImportProblem)]
            assert problems == over, (path.name, block_bytes)


def test_registered_with_its_platform() -> None:
    importer = get_importer("whatsapp_txt")
    assert importer.platform == "whatsapp"
    assert importer.description.startswith("WhatsApp chat export")
