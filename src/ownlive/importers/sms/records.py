"""SMS Backup & Restore elements (their attributes) to imported records.

Kept apart from the streaming reader in `backup_restore_xml.py` so that each
stays small. Attribute meanings are the app's ("Fields in XML Backup files"):
`sms type` 1 inbox, 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued; `mms msg_box`
1 inbox, 2 sent, 3 draft, 4 outbox, 5 failed; `addr type` 137 from, 151 to,
130 cc, 129 bcc; `call type` 1 incoming, 2 outgoing, 3 missed, 4 voicemail,
5 rejected, 6 blocked. Dates are Unix epoch milliseconds.
"""

from __future__ import annotations

import functools
import hashlib
import re
from datetime import UTC, datetime

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record

ME = "me"  # the handle of the phone's owner, whose own number the backup never states
_SMS_TYPES = frozenset({"1", "2", "3", "4", "5", "6"})
_MMS_BOXES = frozenset({"1", "2", "3", "4", "5"})
_INBOX = "1"
_CALL_TYPES = {
    "1": "incoming",
    "2": "outgoing",
    "3": "missed",
    "4": "voicemail",
    "5": "rejected",
    "6": "blocked",
}
_OUTGOING_CALL = "2"
_FROM = "137"
_SELF_PLACEHOLDER = "insert-address-token"  # Android's placeholder for the owner in sent MMS
_WITHHELD_NUMBERS = frozenset({"-1", "-2", "-3"})  # unknown, private, payphone
_WITHHELD = "withheld"
_SEPARATORS = re.compile(r"[\s\-./()]")
_NUMBER = re.compile(r"\+?[0-9]+")
_MEDIA_KINDS = (
    ("image/", "image"),
    ("video/", "video"),
    ("audio/", "audio"),
    ("text/x-vcard", "contact"),
    ("text/vcard", "contact"),
)


def value(attrs: dict[str, str], name: str) -> str | None:
    """An attribute's value; the app writes absent values as "null" (or leaves them out)."""
    found = attrs.get(name)
    return None if found is None or found in ("", "null") else found


def _contact_name(attrs: dict[str, str]) -> str | None:
    name = value(attrs, "contact_name")
    return None if name == "(Unknown)" else name  # the app's label for no contact


def _one_address(address: str) -> str:
    stripped = address.strip()
    compact = _SEPARATORS.sub("", stripped)
    if _NUMBER.fullmatch(compact):
        # 00 is the international prefix in Europe and China: 0049… is +49….
        return "+" + compact[2:] if compact.startswith("00") and len(compact) > 6 else compact
    return stripped.lower() if "@" in stripped else stripped  # e-mail or sender name


@functools.lru_cache(maxsize=4096)  # a backup repeats the same few hundred addresses
def normalise_address(address: str) -> str:
    """The conversation key: formatting removed; group addresses (a~b) sorted."""
    parts = {_one_address(part) for part in address.split("~")}
    parts.discard("")
    return "~".join(sorted(parts))


def _sent_at(attrs: dict[str, str], options: ImportOptions) -> tuple[datetime, int] | str:
    """(time in the user's zone, epoch ms), or why the `date` is unusable."""
    raw = value(attrs, "date")
    if raw is None:
        return "missing"
    if not raw.isascii() or not raw.isdigit():
        return "not a date (epoch milliseconds expected)"
    millis = int(raw)
    try:
        utc = datetime.fromtimestamp(millis // 1000, UTC).replace(microsecond=millis % 1000 * 1000)
        return utc.astimezone(options.tz), millis
    except (OverflowError, OSError, ValueError):
        return "out of range"


def _stable_id(kind: str, millis: int, type_code: str, *content: str) -> str:
    # Overlapping backups hold the same rows: the same address, date, type and
    # content give the same id, whichever backup the row came from.
    digest = hashlib.sha256("\x1f".join(content).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{kind}-{millis}-{type_code}-{digest[:16]}"


def _joined(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)


def sms(attrs: dict[str, str], line: int, path: str, options: ImportOptions) -> Record:
    sent = _sent_at(attrs, options)
    if isinstance(sent, str):
        return ImportProblem(path, line, "date", sent)
    sms_type = value(attrs, "type") or ""
    if sms_type not in _SMS_TYPES:
        return ImportProblem(path, line, "type", "not a message type (1 to 6)")
    address = normalise_address(value(attrs, "address") or "")
    if not address:
        return ImportProblem(path, line, "address", "missing")
    text = _joined(value(attrs, "subject"), value(attrs, "body"))
    name = _contact_name(attrs)
    from_me = sms_type != _INBOX
    return ImportedMessage(
        conversation_key=address,
        conversation_title=name or address,
        sent_at=sent[0],
        text=text,
        sender_handle=ME if from_me else address,
        sender_name=None if from_me else name,
        is_from_me=from_me,
        external_id=_stable_id("sms", sent[1], sms_type, address, text),
        line=line,
    )


def call(attrs: dict[str, str], line: int, path: str, options: ImportOptions) -> Record:
    sent = _sent_at(attrs, options)
    if isinstance(sent, str):
        return ImportProblem(path, line, "date", sent)
    call_type = value(attrs, "type") or ""
    if call_type not in _CALL_TYPES:
        return ImportProblem(path, line, "type", "not a call type (1 to 6)")
    duration = value(attrs, "duration") or "0"
    if not duration.isascii() or not duration.isdigit():
        return ImportProblem(path, line, "duration", "not a number of seconds")
    number = value(attrs, "number") or ""
    address = "" if number in _WITHHELD_NUMBERS else normalise_address(number)
    key = address or _WITHHELD
    text = f"{_CALL_TYPES[call_type]} call" + (f", {int(duration)} s" if int(duration) else "")
    name = _contact_name(attrs)
    from_me = call_type == _OUTGOING_CALL
    return ImportedMessage(
        conversation_key=key,
        conversation_title=name or address or "Withheld number",
        sent_at=sent[0],
        text=text,
        sender_handle=ME if from_me else key,
        sender_name=None if from_me else name,
        is_from_me=from_me,
        kind="call",
        external_id=_stable_id("call", sent[1], call_type, key, text),
        line=line,
    )


class Mms:
    """An `<mms>` being read: its attributes, then its parts and addresses."""

    def __init__(self, attrs: dict[str, str], line: int) -> None:
        self.attrs = attrs
        self.line = line
        self.texts: list[str] = []
        self.media: list[str] = []  # content types; the (base64) data is never kept
        self.addrs: list[tuple[str, str]] = []  # (type, address)

    def add_part(self, attrs: dict[str, str]) -> None:
        content_type = (attrs.get("ct") or "").lower()
        if content_type == "application/smil" or attrs.get("seq") == "-1":
            return  # the slide layout, not content
        if content_type.startswith("text/plain"):
            text = value(attrs, "text")
            if text:
                self.texts.append(text)
        elif content_type:
            self.media.append(content_type)

    def add_addr(self, attrs: dict[str, str]) -> None:
        address = value(attrs, "address")
        if address and address != _SELF_PLACEHOLDER:
            self.addrs.append((attrs.get("type") or "", address))

    @property
    def kind(self) -> str:
        for prefix, kind in _MEDIA_KINDS:
            if any(content_type.startswith(prefix) for content_type in self.media):
                return kind
        return "attachment" if self.media else "text"


def mms(message: Mms, path: str, options: ImportOptions) -> Record:
    attrs, line = message.attrs, message.line
    sent = _sent_at(attrs, options)
    if isinstance(sent, str):
        return ImportProblem(path, line, "date", sent)
    box = value(attrs, "msg_box") or ""
    if box not in _MMS_BOXES:
        return ImportProblem(path, line, "msg_box", "not a message box (1 to 5)")
    # The app's `address` names the thread (a~b~c for a group); older versions
    # leave it out, and then the addresses of the parts list say who took part.
    address = normalise_address(
        value(attrs, "address") or "~".join(address for _, address in message.addrs)
    )
    if not address:
        return ImportProblem(path, line, "address", "missing")
    from_me = box != _INBOX
    group = "~" in address
    senders = [normalise_address(a) for kind, a in message.addrs if kind == _FROM]
    sender = ME if from_me else (senders[0] if senders else address)
    name = _contact_name(attrs)
    text = _joined(value(attrs, "sub"), *message.texts)
    return ImportedMessage(
        conversation_key=address,
        conversation_title=name or address,
        sent_at=sent[0],
        text=text,
        sender_handle=sender,
        # In a group the contact name lists everyone, so it names no sender.
        sender_name=None if from_me or group else name,
        is_from_me=from_me,
        kind=message.kind,
        external_id=_stable_id("mms", sent[1], box, address, text, *message.media),
        conversation_kind="group" if group else "chat",
        line=line,
    )
