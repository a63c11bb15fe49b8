"""Finds importers registered through the `register_importers` hook."""

from __future__ import annotations

import functools
from pathlib import Path

from ownlive.errors import UsageError
from ownlive.importers.base import Importer
from ownlive.plugins.manager import get_plugin_manager

SNIFF_BYTES = 64 * 1024


@functools.cache
def registered_importers() -> dict[str, Importer]:
    found: dict[str, Importer] = {}
    for batch in get_plugin_manager().hook.register_importers():
        for importer in batch:
            found[importer.name] = importer
    return found


def get_importer(name: str) -> Importer:
    importers = registered_importers()
    if name not in importers:
        raise UsageError(
            f"unknown format {name!r}", "--format", "known formats: " + ", ".join(sorted(importers))
        )
    return importers[name]


def read_head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(SNIFF_BYTES)


def detect_importer(path: Path) -> Importer:
    """The importer whose sniffer recognises the file's content."""
    head = read_head(path)
    matches = [imp for imp in registered_importers().values() if imp.sniff(path, head)]
    if not matches:
        raise UsageError(
            "cannot tell the export format from the content",
            str(path),
            "pass --format (see `ownlive import --help` for the list)",
        )
    return matches[0]
