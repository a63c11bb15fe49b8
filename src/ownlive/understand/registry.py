"""Extractors register like every other plugin: a decorator for built-ins, a hook for all.

    @extractor("flight", requires=("lang",), quick=re.compile(r"\\d"))
    def find_flights(doc: Doc) -> Iterable[Entity]: ...

`requires` names what the extractor reads from the Doc (checked once when the
pipeline is built); `quick` is a cheap pattern that must match somewhere in
the text before the extractor runs at all: the fast path that keeps a message
without entities nearly free. `prepare`, if given, runs once when the pipeline
is assembled: it loads what the extractor would otherwise load on the first
message that needs it (data files, per-language patterns), so no message pays
for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from ownlive.understand.doc import Doc, Entity

ExtractFn = Callable[[Doc], Iterable[Entity]]
PrepareFn = Callable[[], None]


class Quick(Protocol):
    """A compiled pattern, or anything searched like one (`ownlive.understand.quick.AnyOf`)."""

    def search(self, string: str, /) -> re.Match[str] | None: ...


DOC_FIELDS = frozenset({"text", "sent_at", "lang", "langs"})


@dataclass(frozen=True)
class Extractor:
    type: str  # the entity type it produces (DESIGN.md section 4)
    fn: ExtractFn
    requires: tuple[str, ...] = ("text",)
    quick: Quick | None = None
    prepare: PrepareFn | None = None

    @property
    def name(self) -> str:
        return f"{self.fn.__module__}.{self.fn.__name__}"


_BUILTIN: list[Extractor] = []


def extractor(
    entity_type: str,
    *,
    requires: Iterable[str] = ("text",),
    quick: Quick | str | None = None,
    prepare: PrepareFn | None = None,
) -> Callable[[ExtractFn], ExtractFn]:
    """Register a built-in extractor (the `register_extractors` hook reports them)."""

    def register(fn: ExtractFn) -> ExtractFn:
        pattern = re.compile(quick) if isinstance(quick, str) else quick
        _BUILTIN.append(Extractor(entity_type, fn, tuple(requires), pattern, prepare))
        return fn

    return register


def builtin_extractors() -> list[Extractor]:
    return list(_BUILTIN)
