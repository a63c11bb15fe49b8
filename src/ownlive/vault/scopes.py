"""Data scopes: the units of consent, registered like every other plugin type.

A scope names a kind of personal data and what reading it lets a subject do.
Its description is what the user reads before granting it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ownlive.errors import UnknownScope
from ownlive.plugins.manager import get_plugin_manager, hookimpl


@dataclass(frozen=True)
class Scope:
    name: str
    description: str


BUILTIN_SCOPES = [
    Scope("messages.read", "read the text, time and sender of your messages"),
    Scope("contacts.read", "read the names and handles of the people you talk to"),
    Scope("location.coarse", "know your location to about 1 km"),
    Scope("location.precise", "know your exact location and the places you visited"),
    Scope("calendar.read", "read the events in your calendar"),
    Scope("calendar.write", "add events to your calendar"),
    Scope("usage.read", "read which apps you open and when"),
    Scope("facts.read", "read facts derived from your data (e.g. cuisine=thai, coarse location)"),
    Scope("identity.present", "present claims from your identity credentials"),
]


@hookimpl
def register_scopes() -> list[Scope]:
    return BUILTIN_SCOPES


@functools.cache
def registered_scopes() -> dict[str, Scope]:
    scopes: dict[str, Scope] = {}
    for batch in get_plugin_manager().hook.register_scopes():
        for scope in batch:
            scopes[scope.name] = scope
    return scopes


def get_scope(name: str) -> Scope:
    scopes = registered_scopes()
    if name not in scopes:
        raise UnknownScope(name, list(scopes))
    return scopes[name]
