"""Records that leave the vault through a session: plain, typed, read-only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    conversation_id: int
    platform: str
    sender: str | None
    is_from_me: bool
    kind: str
    sent_at: str  # ISO 8601 with the sender's UTC offset
    text: str


@dataclass(frozen=True, slots=True)
class Conversation:
    id: int
    platform: str
    key: str
    title: str
    kind: str
    messages: int


@dataclass(frozen=True, slots=True)
class Participant:
    id: int
    conversation_id: int
    handle: str
    name: str
    is_me: bool


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    platform: str
    format: str
    file_name: str
    sha256: str
    imported_at: str
    messages: int
