"""Typed hook specifications: what a plugin can contribute."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from ownlive.importers.base import Importer
    from ownlive.vault.scopes import Scope

hookspec = pluggy.HookspecMarker("ownlive")


@hookspec
def register_scopes() -> list[Scope]:  # type: ignore[empty-body]
    """Data scopes that grants can name (e.g. `messages.read`)."""


@hookspec
def register_importers() -> list[Importer]:  # type: ignore[empty-body]
    """Importers for export formats, each with a name, a sniffer and a parser."""


@hookspec
def register_extractors() -> list[Any]:  # type: ignore[empty-body]
    """Entity extractors for the understanding pipeline."""


@hookspec
def register_skills() -> list[Any]:  # type: ignore[empty-body]
    """Suggestion skills, one per card kind."""
