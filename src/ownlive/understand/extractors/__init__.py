"""Built-in extractors: one module or package per entity type, registered on import."""

from __future__ import annotations

import importlib

from ownlive.plugins.manager import hookimpl
from ownlive.understand.registry import Extractor, builtin_extractors

BUILTIN_EXTRACTOR_MODULES: tuple[str, ...] = (
    "ownlive.understand.extractors.address.extractor",
    "ownlive.understand.extractors.datetime.extractor",
    "ownlive.understand.extractors.phone",
    "ownlive.understand.extractors.email",
    "ownlive.understand.extractors.url",
    "ownlive.understand.extractors.flight",
    "ownlive.understand.extractors.tracking",
    "ownlive.understand.extractors.money",
    "ownlive.understand.extractors.cuisine",
)


@hookimpl
def register_extractors() -> list[Extractor]:
    for name in BUILTIN_EXTRACTOR_MODULES:
        importlib.import_module(name)
    return builtin_extractors()
