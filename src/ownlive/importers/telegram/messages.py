"""One Telegram Desktop export message (a parsed JSON object) to an imported record.

Kept apart from the streaming reader in `result_json.py` so that each stays
small; the field names are tdesktop's (SerializeMessage in
export_output_json.cpp).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record

if TYPE_CHECKING:
    from ownlive.importers.telegram.result_json import Chat

# `media_type` of a document; a document without one is a plain file.
_MEDIA_KINDS = {
    "voice_message": "voice",
    "video_message": "video",
    "video_file": "video",
    "audio_file": "audio",
    "animation": "animation",
    "sticker": "sticker",
}
_CALL_ACTIONS = frozenset({"phone_call", "group_call"})


def convert_message(
    raw: dict[str, Any],
    line: int,
    field_lines: dict[str, int],
    chat: Chat,
    me: str | None,
    path: Path,
    options: ImportOptions,
) -> Record | None:
    """The record for one message; None for what carries nothing to keep."""
    if raw.get("type") == "unsupported":
        # tdesktop writes only `id` and `type` for media it cannot export:
        # no date, sender or text, so there is nothing to import.
        return None
    sent_at = _sent_at(raw, options)
    if isinstance(sent_at, tuple):
        field, reason = sent_at
        return ImportProblem(str(path), field_lines.get(field, line), field, reason)
    is_service = raw.get("type") == "service"
    handle, name = _sender(raw, is_service)
    kind = _kind(raw, is_service)
    message_id = raw.get("id")
    return ImportedMessage(
        conversation_key=chat.key,
        conversation_title=chat.title,
        sent_at=sent_at,
        text=_text(raw, is_service),
        sender_handle=handle,
        sender_name=name,
        is_from_me=me is not None and handle == f"user{me}",
        kind=kind,
        # Message ids are unique within a chat and survive re-exports, so an
        # edited message re-imported later is recognised, not doubled.
        external_id=str(message_id) if _is_int(message_id) else None,
        conversation_kind=chat.kind,
        line=line,
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _sent_at(raw: dict[str, Any], options: ImportOptions) -> datetime | tuple[str, str]:
    """The message time in the user's zone, or (field, reason) when it is unusable."""
    unixtime = raw.get("date_unixtime")
    if unixtime is not None:
        # tdesktop writes it as a string of digits; accept a bare number too.
        text = str(unixtime) if isinstance(unixtime, str) or _is_int(unixtime) else ""
        if not text.isascii() or not text.isdigit():
            return ("date_unixtime", "not a Unix time")
        try:
            return datetime.fromtimestamp(int(text), options.tz)
        except (OverflowError, OSError, ValueError):
            return ("date_unixtime", "out of range")
    local = raw.get("date")
    if local is None:
        return ("date_unixtime", "missing")
    # Exports older than `date_unixtime` have only `date`: the exporting
    # machine's local time without an offset, which --tz names.
    try:
        parsed = datetime.fromisoformat(local) if isinstance(local, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        return ("date", "not a date")
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=options.tz)
    return parsed.astimezone(options.tz)


def _sender(raw: dict[str, Any], is_service: bool) -> tuple[str | None, str | None]:
    # Service messages name who acted as `actor`, others the author as `from`.
    label = "actor" if is_service else "from"
    name = raw.get(label)
    ident = raw.get(label + "_id")
    name = name if isinstance(name, str) and name else None
    handle = str(ident) if isinstance(ident, str | int) and ident != "" else name
    return handle, name


def _kind(raw: dict[str, Any], is_service: bool) -> str:
    if is_service:
        return "call" if raw.get("action") in _CALL_ACTIONS else "system"
    media = raw.get("media_type")
    if isinstance(media, str) and media in _MEDIA_KINDS:
        return _MEDIA_KINDS[media]
    for field, kind in (
        ("photo", "image"),
        ("file", "attachment"),
        ("location_information", "location"),
        ("place_name", "location"),
        ("contact_information", "contact"),
        ("poll", "poll"),
        ("forwarded_from", "forward"),
        ("reply_to_message_id", "reply"),
    ):
        if field in raw:
            return kind
    return "text"


def flatten_text(value: Any) -> str:
    """`text` is a string, or a list of strings and entity objects with a `text`."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    parts = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)


def _text(raw: dict[str, Any], is_service: bool) -> str:
    text = flatten_text(raw.get("text"))
    if text:
        return text
    # No caption: say what the message was, in the export's own words.
    if is_service:
        return _describe_service(raw)
    for describe in (_sticker, _place, _contact, _poll, _file_name):
        described = describe(raw)
        if described:
            return described
    return ""


def _describe_service(raw: dict[str, Any]) -> str:
    parts = [str(raw.get("action") or "service")]
    for field in ("title", "new_title", "information_text", "discard_reason"):
        if isinstance(raw.get(field), str) and raw[field]:
            parts.append(raw[field])
    members = raw.get("members")
    if isinstance(members, list):
        names = [m for m in members if isinstance(m, str)]
        if names:
            parts.append(", ".join(names))
    for field in ("duration_seconds", "duration"):
        if _is_int(raw.get(field)):
            parts.append(f"{raw[field]} s")
    return ": ".join(parts)


def _sticker(raw: dict[str, Any]) -> str:
    emoji = raw.get("sticker_emoji")
    return emoji if isinstance(emoji, str) else ""


def _place(raw: dict[str, Any]) -> str:
    return ", ".join(str(raw[f]) for f in ("place_name", "address") if raw.get(f))


def _contact(raw: dict[str, Any]) -> str:
    info = raw.get("contact_information")
    if not isinstance(info, dict):
        return ""
    fields = ("first_name", "last_name", "phone_number")
    return " ".join(str(info[f]) for f in fields if info.get(f))


def _poll(raw: dict[str, Any]) -> str:
    poll = raw.get("poll")
    question = poll.get("question") if isinstance(poll, dict) else None
    return question if isinstance(question, str) else ""


def _file_name(raw: dict[str, Any]) -> str:
    name = raw.get("file_name")
    if isinstance(name, str):
        return name
    performer, title = raw.get("performer"), raw.get("title")
    return " – ".join(str(part) for part in (performer, title) if isinstance(part, str) and part)
