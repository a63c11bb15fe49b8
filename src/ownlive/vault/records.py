"""Records that leave the vault through a session: typed and read-only.

They are msgspec Structs built straight from SQL rows by `msgspec.convert`
(in C), which keeps a gated read of 100,000 messages close to the cost of
the bare SELECT (see benchmarks/bench_gate.py). `array_like` means the field
order is the SELECT's column order; `gc=False` because they hold only
strings and numbers, so the garbage collector need not track 100,000 of them.
"""

from __future__ import annotations

import msgspec


class Message(msgspec.Struct, array_like=True, frozen=True, gc=False):
    id: int
    conversation_id: int
    platform: str
    sender: str | None
    is_from_me: bool
    kind: str
    sent_at: str  # ISO 8601 with the sender's UTC offset
    text: str


class Conversation(msgspec.Struct, array_like=True, frozen=True, gc=False):
    id: int
    platform: str
    key: str
    title: str
    kind: str
    messages: int


class Participant(msgspec.Struct, array_like=True, frozen=True, gc=False):
    id: int
    conversation_id: int
    handle: str
    name: str
    is_me: bool


def as_dict(record: msgspec.Struct) -> dict[str, object]:
    """Field names to values (for JSON output; `to_builtins` would give a list)."""
    return msgspec.structs.asdict(record)


class Source(msgspec.Struct, array_like=True, frozen=True):
    id: int
    platform: str
    format: str
    file_name: str
    sha256: str
    imported_at: str
    messages: int
