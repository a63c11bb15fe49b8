"""The fast path (blocks, one regex scan per block) against the line-by-line reference.

Generated chat files in every layout of `layout`'s docstring, with what real
exports hold and what broken ones do (multi-line messages, system lines,
media, direction marks, CR LF, BOMs, lines that look like another layout's
headers, impossible dates, bytes that are not UTF-8, overlong lines and
messages), are parsed both ways at many block sizes, down to a byte at a
time: every record, problem and line number must be the same.
"""

from __future__ import annotations

import itertools
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownlive.importers.base import ImportedMessage, ImportProblem, Record
from ownlive.importers.whatsapp import chat_txt, fast, reader, source, survey
from ownlive.importers.whatsapp.blocks import BLOCK_BYTES, TextBlock, read_blocks
from ownlive.importers.whatsapp.body import LAST_CHARS
from ownlive.importers.whatsapp.fast import message_maker
from ownlive.importers.whatsapp.reader import Conversation
from tests.importers.whatsapp.conftest import CHATS, options

BLOCK_SIZES = [1, 7, 64, 97, 1000, BLOCK_BYTES]


def _twelve(at: datetime) -> tuple[int, bool]:
    return (at.hour % 12 or 12), at.hour >= 12


@dataclass(frozen=True)
class Layout:
    name: str
    write: Callable[[datetime, random.Random], str]  # the header for a time


def _us(at: datetime, rng: random.Random) -> str:
    hour, pm = _twelve(at)
    space = rng.choice([" ", "\u202f", "\u00a0"])
    return f"{at.month}/{at.day}/{at:%y}, {hour}:{at:%M}{space}{'PM' if pm else 'AM'} - "


def _es(at: datetime, rng: random.Random) -> str:
    hour, pm = _twelve(at)
    return f"{at:%m/%d/%Y}, {hour:02d}:{at:%M} {'p. m.' if pm else 'a. m.'} - "


def _zh(at: datetime, rng: random.Random) -> str:
    hour, pm = _twelve(at)
    marker = "下午" if pm else "上午"
    if rng.random() < 0.1:
        return f"{at.year}/{at.month}/{at.day} {hour}:{at:%M} {marker} - "  # the same shape
    return f"{at.year}/{at.month}/{at.day} {marker}{hour}:{at:%M} - "


def _year_first_latin(at: datetime, rng: random.Random) -> str:
    hour, pm = _twelve(at)
    return f"{at.year}/{at.month}/{at.day} {hour}:{at:%M} {'PM' if pm else 'AM'} - "


LAYOUTS = [
    Layout("android day first", lambda at, rng: f"{at:%d/%m/%y}, {at:%H:%M} - "),
    Layout("android en-US", _us),
    Layout("android es", _es),
    Layout("android de", lambda at, rng: f"{at:%d.%m.%y}, {at:%H:%M} - "),
    Layout("android de, 4-digit year", lambda at, rng: f"{at.day}.{at.month}.{at:%Y, %H:%M} - "),
    Layout("dashes, trailing dot", lambda at, rng: f"{at:%d-%m-%Y}. {at:%H.%M} - "),
    Layout("year first", lambda at, rng: f"{at:%Y/%m/%d}, {at:%H:%M} - "),
    Layout("android zh-CN", _zh),
    # Read by the zh-CN pattern too, but not in its shape.
    Layout("year first, no comma", lambda at, rng: f"{at.year}/{at.month}/{at.day} {at:%H:%M} - "),
    Layout("year first, no comma, AM/PM", _year_first_latin),
    Layout("ios", lambda at, rng: f"[{at:%d.%m.%y}, {at:%H:%M:%S}] "),
    Layout("ios us 12 h", lambda at, rng: f"[{at:%m/%d/%y}, {_twelve(at)[0]}:{at:%M:%S}\u202f"
           f"{'PM' if at.hour >= 12 else 'AM'}] "),
    Layout("bracketed, no comma", lambda at, rng: f"[{at:%m/%d/%y} {at:%H:%M}] "),
]  # fmt: skip

NAMES = ["Anna Schmidt", "李雷", "王芳", "Jonas", "+49 151 23456789", "Sam Carter", "Émile"]
TEXTS = [
    "Treffen wir uns morgen um 10 am Retiro?",
    "明天晚上7点在南京西路1266号见",
    "See you at the station, I'll be a bit late",
    "Gute Nacht 🌙",
    "ok",
    "",
    "   ",
    "Zeit: 12:30 - passt?",
    "Wer ist das? Tel. 030 1234567",
    "我快到了 :)",
    "POLL:",
    "OPTION: Döner (0 votes)",
]
SYSTEM = [
    "\u200eMessages and calls are end-to-end encrypted. No one outside of this chat can read them.",
    "Anna Schmidt added 王芳",
    "Oma Hilde hat die Gruppe „Familie Weber“ erstellt",
    '\u200eEmma changed the subject from "Book club" to "Book club: June"',
    "李雷 left",
    "You were added",
]
MEDIA = [
    "<attached: 00000004-PHOTO-2024-05-03-18-05-40.jpg>",
    "\u200e<Anhang: 00000008-AUDIO-2024-06-05-19-08-02.opus>",
    "IMG-20240605-WA0003.jpg (file attached)",
    "报名表.pdf (文件附件)",
    "<Media omitted>",
    "<Medien ausgeschlossen>",
    "image omitted",
    "Bild weggelassen ",
    "圖片已略去",
    "<省略影音内容>",
    "Not media (really)",
    "Sticker omitted, or not",
]
ENDINGS = ["\n"] * 6 + ["\r\n"] * 3 + ["\r\r\n", "\u200f\r\n", "\r\u200e\n"]


def _noise(rng: random.Random, at: datetime, layout: Layout) -> str:
    """A line that is no message header of the file's own layout, or only looks like one."""
    other = rng.choice(LAYOUTS).write(at, rng)
    # The file's own layout at minute 61: a header with an impossible time.
    late = re.sub(
        r"(?<=[ 午])(\d{1,2})([:.])\d{2}", r"\g<1>\g<2>61", layout.write(at, rng), count=1
    )
    return rng.choice(
        [
            late + "Anna: 25 Uhr?",
            rng.choice(TEXTS),
            other + rng.choice(TEXTS),  # another layout's header: text, unless it is ours
            "1.7.2024 10:00 - 12:00 reading in the park",
            "31/02/19, 08:00 - Anna: impossible",
            "13/13/2024, 25:61 - Ben: impossible",
            "2024/02/30 下午13:05 - 名字: 不可能",
            "[31.04.19, 15:58:47] Ben: unmöglich",
            "\u200e" + rng.choice(TEXTS),
            "\ufeff" + rng.choice(TEXTS),
            "x" * rng.randrange(150, 450),  # overlong under the test's smaller limits
            "长" * rng.randrange(60, 190),  # long: a few make a message too long
        ]
    )


def _line(rng: random.Random, layout: Layout, at: datetime) -> str:
    header = layout.write(at, rng)
    if rng.random() < 0.08:
        header = "\u200e" + header
    roll = rng.random()
    if roll < 0.12:
        return header + rng.choice(SYSTEM)
    name = rng.choice(NAMES)
    if roll < 0.14:
        name = '"Quoted" name'  # not a name: a system line
    elif roll < 0.16:
        name = "N" * 120
    elif roll < 0.18:
        name = " " + name + " "
    body = rng.choice(MEDIA) if roll < 0.35 else rng.choice(TEXTS)
    if rng.random() < 0.05:
        body += "\u200f"
    return f"{header}{name}: {body}"


def generate(seed: int) -> bytes:
    """A chat export in one main layout, with everything a real or a broken one may hold."""
    rng = random.Random(seed)
    layout = rng.choice(LAYOUTS)
    # Around the night the clocks go back in Berlin, or any day (day > 12 or not).
    at = rng.choice(
        [datetime(2023, 10, 29, 2, 20), datetime(2024, rng.randrange(1, 13), rng.randrange(1, 29))]
    )
    steps = [0, 0, 20, 61, 600, 3600, 86_400 * 3, -1200]
    if at.month == 10:
        steps = [0, 20, 61, 300, 300, 600, -1200]  # in and out of the repeated hour
    parts: list[bytes] = []
    if rng.random() < 0.2:
        parts.append(b"\xef\xbb\xbf")  # BOM
    if rng.random() < 0.1:
        parts.append(b"Vorwort ohne Datum\n\n")
    for _ in range(rng.randrange(0, 60)):
        roll = rng.random()
        # Mostly forward in time, sometimes back (the repeated hour, or clock skew).
        at += timedelta(seconds=rng.choice(steps))
        if roll < 0.55:
            line = _line(rng, layout, at)
        elif roll < 0.85:
            line = _noise(rng, at, layout)
        elif roll < 0.95:
            line = _line(rng, rng.choice(LAYOUTS), at)
        else:
            line = ""
        data = line.encode()
        if rng.random() < 0.03:
            cut = rng.randrange(len(data) + 1)
            data = data[:cut] + rng.choice([b"\xff", b"\xe4\xb8", b"\xc3"]) + data[cut:]
        parts.append(data + rng.choice(ENDINGS).encode())
    if parts and rng.random() < 0.3:
        parts[-1] = parts[-1].rstrip(b"\r\n")  # no line end on the last line
    return b"".join(parts)


def write(tmp: Path, data: bytes, seed: int) -> Path:
    style = seed % 4
    if style == 3:
        path = tmp / f"WhatsApp Chat - Team {seed}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("_chat.txt", data)
            archive.writestr("00000004-PHOTO.jpg", b"\xff\xd8\xff\xe0")
        return path
    # With and without the chat's name: without it, the key is the senders.
    path = tmp / ("_chat.txt" if style == 2 else f"WhatsApp Chat with Anna {seed}.txt")
    path.write_bytes(data)
    return path


def exactly(record: Record) -> tuple[object, ...]:
    """Every field, times with their offset and fold: aware times in one zone compare
    equal across the repeated hour (fold is ignored), so `==` on records is not enough."""
    values = [type(record).__name__]
    for field in fields(record):
        value = getattr(record, field.name)
        if isinstance(value, datetime):
            value = (value.isoformat(), value.fold, value.tzinfo)
        values.append(value)
    return tuple(values)


def both_ways(path: Path, zone: str = "Europe/Berlin") -> list[Record]:
    expected: list[Record] = list(chat_txt.parse(path, options(zone), block_bytes=None))
    for size in BLOCK_SIZES:
        found = list(chat_txt.parse(path, options(zone), block_bytes=size))
        assert list(map(exactly, found)) == list(map(exactly, expected)), f"block size {size}"
    return expected


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(min_value=0, max_value=2**32), small=st.booleans())
def test_fast_path_reads_generated_exports_as_the_reference_does(
    tmp_path: Path, seed: int, small: bool
) -> None:
    path = write(tmp_path, generate(seed), seed)
    with pytest.MonkeyPatch.context() as patch:
        if small:
            # Limits small enough that generated lines and messages pass them,
            # and a survey that stops early.
            patch.setattr(source, "MAX_LINE_BYTES", 200)
            patch.setattr(reader, "MAX_MESSAGE_CHARS", 300)
            patch.setattr(survey, "SURVEY_ENOUGH", 3)
        both_ways(path)


def test_the_generator_covers_what_it_claims(tmp_path: Path) -> None:
    """The differential test is only as good as its files: they hold each kind of trouble."""
    records: list[Record] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source, "MAX_LINE_BYTES", 200)
        patch.setattr(reader, "MAX_MESSAGE_CHARS", 300)
        for seed in range(120):
            records += both_ways(write(tmp_path, generate(seed), seed))
    reasons = {
        r.reason.split(" (")[0].split(";")[0] for r in records if isinstance(r, ImportProblem)
    }
    assert {
        "not valid UTF-8",
        "line longer than 200 bytes",
        "message longer than 300 characters",
        "impossible date",
        "impossible time",
        "text before the first message",
    } <= reasons
    found = [r for r in records if isinstance(r, ImportedMessage)]
    assert {m.kind for m in found} == {"text", "system", "attachment"}
    assert any("\n" in m.text for m in found)
    # Forward in the repeated hour's second pass: still its second pass.
    assert any(
        a.sent_at.fold == b.sent_at.fold == 1 and a.sent_at < b.sent_at
        for a, b in itertools.pairwise(found)
    )
    assert {m.conversation_key.split(":")[0] for m in found} == {"name", "members"}


@pytest.mark.parametrize("path", CHATS, ids=lambda p: p.name)
@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin", "America/New_York"])
def test_fast_path_reads_the_fixtures_as_the_reference_does(path: Path, zone: str) -> None:
    assert both_ways(path, zone)


def test_a_message_over_many_blocks_and_the_lines_after_it(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Oma.txt"
    lines = "\r\n".join(f"Zeile {n}: 第{n}行" for n in range(2_000))
    chat.write_text(
        f"29.10.23, 02:50 - Oma: Noch wach?\n{lines}\n29.10.23, 02:10 - Jonas: 晚安\n",
        encoding="utf-8",
    )
    first, second = both_ways(chat)
    assert isinstance(first, ImportedMessage) and isinstance(second, ImportedMessage)
    assert first.text.count("\n") == 2_000 and (first.line, second.line) == (1, 2_002)
    assert second.sent_at.fold == 1


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_a_message_at_the_length_limit(tmp_path: Path, extra: int) -> None:
    chat = tmp_path / "WhatsApp Chat with Lena.txt"
    header = "[02.03.24, 18:31:05] Lena: "
    # With each line's end, the message's characters are 300 + extra.
    body = "Erste Zeile 第一行\n" + "z" * (300 + extra - len("Erste Zeile 第一行") - 2)
    chat.write_text(f"{header}{body}\r\n[02.03.24, 18:32:00] Kai: ok\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "MAX_MESSAGE_CHARS", 300)
        found = both_ways(chat)
    kinds = [type(r).__name__ for r in found]
    too_long = ["ImportProblem", "ImportedMessage"]
    assert kinds == (too_long if extra > 0 else ["ImportedMessage", "ImportedMessage"])


def test_blocks_hold_the_lines_of_read_lines(tmp_path: Path) -> None:
    data = generate(7) + b"\xef\xbb\xbf\r\nletzte Zeile"
    with (tmp_path / "chat.txt").open("wb") as handle:
        handle.write(data)
    with (tmp_path / "chat.txt").open("rb") as handle:
        expected = [(line.number, line.text) for line in source.read_lines(handle)]
    for size in BLOCK_SIZES:
        lines: list[tuple[int, str | None]] = []
        with (tmp_path / "chat.txt").open("rb") as handle:
            for item in read_blocks(handle, size):
                if isinstance(item, TextBlock):
                    pieces = item.text.split("\n")[:-1]
                    lines += [(item.first + n, text) for n, text in enumerate(pieces)]
                else:
                    lines.append((item.number, item.text))
        assert lines == expected, size


@pytest.mark.parametrize("changed", [False, True], ids=["slots set", "constructor"])
def test_made_messages_equal_constructed_ones(changed: bool) -> None:
    with pytest.MonkeyPatch.context() as patch:
        if changed:  # as if ImportedMessage had changed: the constructor, not the slots
            patch.setattr(fast, "_FIELDS", ("conversation_key",))
        make = message_maker(Conversation("name:anna", "Anna", "chat"))
    at = datetime(2024, 3, 5, 15, 15)
    made = make(3, at, "王芳", "<省略影音内容>", ["封面", ""])
    assert made == ImportedMessage(
        conversation_key="name:anna",
        conversation_title="Anna",
        sent_at=at,
        text="<省略影音内容>\n封面",
        sender_handle="王芳",
        sender_name="王芳",
        kind="attachment",
        conversation_kind="chat",
        line=3,
        wall_clock=True,
    )
    assert {f.name: getattr(made, f.name) for f in fields(made)}["is_from_me"] is False


def test_last_chars_are_every_possible_end_of_an_attachment_placeholder() -> None:
    endings = {">", ")", "d", "n", "去"}  # how body._ENDINGS end
    assert {c for c in map(chr, range(0x110000)) if c.lower()[-1:] in endings} == LAST_CHARS
