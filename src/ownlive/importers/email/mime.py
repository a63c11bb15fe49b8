"""Decoding a mail's headers and body into text, whatever charset its sender declared.

Declared charsets are taken as what mail clients meant rather than what they
wrote: GB2312 and GBK labels are decoded as GB18030, their superset (clients
label GBK text as gb2312, and one character outside GB2312 would otherwise turn
into replacement characters), and ISO-8859-1/US-ASCII as windows-1252, as the
WHATWG encoding standard does for the web (Outlook's euro sign and curly quotes
sit in 0x80-0x9f). Undecodable bytes become U+FFFD; nothing raises.
"""

from __future__ import annotations

import codecs
import re
from email.header import decode_header
from email.message import Message

from ownlive.importers.email.html_text import html_to_text

_SUPERSETS = {  # keyed by Python's canonical codec name
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
}
# Labels Python does not know but mail clients write.
_ALIASES = {
    "x-gbk": "gb18030",
    "csgb2312": "gb18030",
    "gb_2312-80": "gb18030",
    "x-euc-cn": "gb18030",
    "cn-gb": "gb18030",
    "x-mac-chinesesimp": "gb18030",
    "unicode-1-1-utf-7": "utf-7",
    "x-unknown": "",
    "unknown-8bit": "",
}
_FOLD = re.compile(r"\r?\n(?=[ \t])")


def codec_for(label: str | None) -> str | None:
    """The Python codec to decode text labelled `label` with; None when unknown."""
    if not label:
        return None
    label = label.strip().strip('"').lower()
    if label in _ALIASES:
        return _ALIASES[label] or None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def decode_bytes(data: bytes, label: str | None, fallback: str | None = None) -> str:
    """`data` as text: the declared charset, else UTF-8, else `fallback`, else windows-1252."""
    codec = codec_for(label)
    if codec is not None:
        return data.decode(codec, errors="replace")
    for candidate in ("utf-8", codec_for(fallback)):
        if candidate is None:
            continue
        try:
            return data.decode(candidate)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def decode_header_text(raw: str, fallback: str | None = None) -> str:
    """A raw header value (RFC 2047 encoded words, or undeclared 8-bit bytes) as text.

    `fallback` is the charset to try for undeclared 8-bit bytes, normally the
    body's: a client that sends raw GBK headers sends a GBK body too.
    """
    raw = _FOLD.sub("", raw)
    if any("\udc80" <= ch <= "\udcff" for ch in raw):
        # The parser kept undeclared 8-bit bytes as surrogate escapes.
        return decode_bytes(raw.encode("ascii", "surrogateescape"), None, fallback).strip()
    try:
        pieces = decode_header(raw)
    except (ValueError, IndexError):  # malformed encoded words: keep the raw text
        return raw.strip()
    text = []
    for value, charset in pieces:
        if isinstance(value, str):
            text.append(value)
        else:
            text.append(decode_bytes(value, charset or "ascii"))
    return "".join(text).strip()


def raw_header(message: Message, name: str) -> str | None:
    """The header's value as it stands in the file, before the email package decodes it."""
    lowered = name.lower()
    for key, value in message.raw_items():
        if key.lower() == lowered:
            return str(value)
    return None


def body_text(message: Message) -> tuple[str, bool]:
    """The readable body (text/plain preferred, else HTML as text) and whether it has files."""
    plain: Message | None = None
    html: Message | None = None
    has_files = False
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition = str(part.get("Content-Disposition", "")).split(";", 1)[0].strip().lower()
        kind = part.get_content_type()
        if disposition == "attachment" or kind not in ("text/plain", "text/html"):
            has_files = True
        elif kind == "text/plain":
            plain = plain or part
        else:
            html = html or part
    chosen = plain or html
    if chosen is None:
        return "", has_files
    payload = chosen.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    text = decode_bytes(data, chosen.get_content_charset())
    if chosen is html:
        text = html_to_text(text)
    return text.replace("\r\n", "\n").strip(), has_files
