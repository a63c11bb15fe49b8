"""Surrogate-pair and control-character references: repaired, streaming, any block size."""

from __future__ import annotations

import io
from xml.parsers import expat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ownlive.importers.sms.references import repair, repaired_blocks


def app_escape(text: str) -> str:
    """What SMS Backup & Restore writes: each UTF-16 unit of a non-BMP character as a reference."""
    out = []
    for char in text:
        code = ord(char)
        if char in "&<>\"'":
            out.append(f"&#{code};")
        elif code > 0xFFFF:
            offset = code - 0x10000
            out.append(f"&#{0xD800 + (offset >> 10)};&#{0xDC00 + (offset & 0x3FF)};")
        elif code < 0x20 or code in (0xFFFE, 0xFFFF):
            out.append(f"&#{code};")
        else:
            out.append(char)
    return "".join(out)


def attribute_after_parsing(data: bytes) -> str:
    found: list[str] = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda _tag, attrs: found.append(attrs["body"])
    parser.Parse(data, True)
    return found[0]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("&#55357;&#56832;", "&#128512;"),  # 😀
        ("好的&#55357;&#56397;", "好的&#128077;"),  # 👍
        ("Prost &#55356;&#57211;!", "Prost &#127867;!"),  # 🍻
        ("&#xD83D;&#xDE00;", "&#128512;"),
        ("&#XD83D;&#xde00;", "&#128512;"),
        ("&#55357;&#56832;&#55357;&#56832;", "&#128512;&#128512;"),
        ("&#55357; allein", "&#xFFFD; allein"),  # a lone high half
        ("&#56832;", "&#xFFFD;"),  # a lone low half
        ("&#55357;&#55357;&#56832;", "&#xFFFD;&#128512;"),
        ("ESC&#27;", "ESC&#xFFFD;"),
        ("&#0;", "&#xFFFD;"),
        ("&#1114112;", "&#xFFFD;"),  # beyond Unicode
        ("Zeile&#10;Zeile&#9;Tab&#13;", "Zeile&#10;Zeile&#9;Tab&#13;"),
        ("Tom &amp; Jerry &#38; &lt;3", "Tom &amp; Jerry &#38; &lt;3"),
        ("&#128512; schon richtig", "&#128512; schon richtig"),
        ("no references", "no references"),
    ],
)
def test_repair(written: str, expected: str) -> None:
    assert repair(written.encode()) == expected.encode()


@given(text=st.text(), block=st.integers(min_value=1, max_value=40))
def test_blocks_of_any_size_give_what_the_text_said(text: str, block: int) -> None:
    document = f'<sms body="{app_escape(text)}" />'.encode()
    repaired = b"".join(repaired_blocks(io.BytesIO(document), block))
    assert repaired == repair(document)
    expected = "".join(
        c if c in "\t\n\r" or 0x20 <= ord(c) <= 0xFFFD or ord(c) > 0xFFFF else "\ufffd"
        for c in text
    )
    # Surrogates inside `text` cannot be written as UTF-8 by the app either.
    expected = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in expected)
    assert attribute_after_parsing(repaired) == expected


def test_carry_stays_small_however_the_blocks_fall() -> None:
    data = ("x" * 7 + "&#55357;&#56832;").encode() * 1000
    blocks = list(repaired_blocks(io.BytesIO(data), 64))
    assert b"".join(blocks) == repair(data)
    assert max(len(b) for b in blocks) <= 64 + 24
