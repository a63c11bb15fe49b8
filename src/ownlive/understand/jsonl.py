"""The JSON Lines input of `ownlive extract` and `ownlive suggest` (DESIGN.md 4 and 5).

Input line: {"id": ..., "text": "...", "sent_at": "ISO 8601", "lang": "zh|en|de"},
the last two optional.
A line that cannot be read becomes an error value naming the field; the caller
writes `{"id": ..., "error": "..."}` for it and goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ownlive.understand.doc import LANGS


@dataclass(frozen=True, slots=True)
class InputLine:
    id: Any
    text: str
    sent_at: datetime | None
    lang: str | None


@dataclass(frozen=True, slots=True)
class BadLine:
    id: Any
    error: str


def parse_line(raw: bytes, number: int) -> InputLine | BadLine:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return BadLine(None, f"line {number}: not UTF-8 (byte {error.start})")
    if not line.strip():
        return BadLine(None, f"line {number}: empty line")
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply"
        return BadLine(None, f"line {number}: not JSON ({reason})")
    if not isinstance(obj, dict):
        return BadLine(None, f"line {number}: not a JSON object")
    message_id = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        return BadLine(message_id, f"line {number}: text: missing or not a string")
    sent_at = None
    if obj.get("sent_at") is not None:
        raw_time = obj["sent_at"]
        try:
            sent_at = datetime.fromisoformat(raw_time) if isinstance(raw_time, str) else None
        except ValueError:
            sent_at = None
        if sent_at is None:
            return BadLine(message_id, f"line {number}: sent_at: not an ISO 8601 date-time")
    lang = obj.get("lang")
    if lang is not None and lang not in LANGS:
        return BadLine(message_id, f"line {number}: lang: must be one of zh, en, de")
    return InputLine(message_id, text, sent_at, lang)


def dump(obj: dict[str, Any]) -> str:
    """One output line; lone surrogates from the input are escaped, never crash the stream."""
    line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj, separators=(",", ":"))
    return line
