"""Importers: one module per export format, registered through the plugin hooks.

Each module exposes `NAME`, `PLATFORM`, `sniff(path, head) -> bool` and
`parse(path, options) -> Iterator[ImportedMessage | ImportProblem]`, opens the
user's file read-only and streams it. `registry.py` collects them;
`ownlive.vault.ingest` writes what they yield in one transaction.
"""

from ownlive.importers.base import (
    ImportedMessage,
    Importer,
    ImportOptions,
    ImportProblem,
)
from ownlive.importers.registry import detect_importer, get_importer, registered_importers

__all__ = [
    "ImportOptions",
    "ImportProblem",
    "ImportedMessage",
    "Importer",
    "detect_importer",
    "get_importer",
    "registered_importers",
]
