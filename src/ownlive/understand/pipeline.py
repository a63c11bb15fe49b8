"""The extraction pipeline: assembled once, run per message.

Extractors come from the `register_extractors` hook (built-ins included). The
pipeline checks each one's declared requirements when it is built, runs only
the extractors whose quick pattern matches (most chat messages hold no entity,
so the common case costs a few regex scans), and resolves overlaps: one flat
list per message, longest span first, then higher priority, then earlier.
Each extractor's `prepare` runs once at assembly, so the first messages cost
what the later ones do.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from datetime import datetime

from ownlive.plugins.manager import get_plugin_manager
from ownlive.understand import lang as language
from ownlive.understand.doc import LANGS, Doc, Entity, Extraction
from ownlive.understand.registry import DOC_FIELDS, ExtractFn, Extractor

MAX_TEXT = 100_000  # characters understood per message; the rest is not scanned


class PipelineError(RuntimeError):
    """An extractor declares an input the pipeline cannot give it."""


@functools.cache
def pipeline() -> tuple[Extractor, ...]:
    found: list[Extractor] = []
    for batch in get_plugin_manager().hook.register_extractors():
        found.extend(batch)
    for ext in found:
        missing = set(ext.requires) - DOC_FIELDS
        if missing:
            raise PipelineError(f"extractor {ext.name} requires unknown inputs {sorted(missing)}")
    for ext in found:
        if ext.prepare is not None:
            ext.prepare()
    return tuple(found)


Gate = Callable[[str], "re.Match[str] | None"]  # a bound `search`


@functools.cache
def _steps() -> tuple[tuple[Gate | None, ExtractFn], ...]:
    """(bound quick search or None, extractor function): what `extract` loops over."""
    return tuple((e.quick.search if e.quick is not None else None, e.fn) for e in pipeline())


def resolve_overlaps(candidates: Iterable[Entity]) -> list[Entity]:
    """Longest first, then higher priority, then earlier; drop what overlaps a kept one."""
    if not isinstance(candidates, list):
        candidates = list(candidates)
    if len(candidates) <= 1:  # most messages: nothing to rank
        return [e for e in candidates if e.end > e.start]
    chosen: list[Entity] = []
    # The kept spans are disjoint, so sorted by start they are sorted by end too:
    # only the last kept span starting before a candidate's end can overlap it.
    starts: list[int] = []
    ends: list[int] = []
    ranked = sorted(candidates, key=lambda e: (-(e.end - e.start), -e.priority, e.start))
    for entity in ranked:
        if entity.end <= entity.start:
            continue
        before = bisect.bisect_left(starts, entity.end) - 1
        if before >= 0 and ends[before] > entity.start:
            continue
        chosen.append(entity)
        starts.insert(before + 1, entity.start)
        ends.insert(before + 1, entity.end)
    chosen.sort(key=lambda e: e.start)
    return chosen


def extract(text: str, sent_at: datetime | None = None, lang: str | None = None) -> Extraction:
    """Entities in `text`; relative expressions resolve against `sent_at` (default: now)."""
    if sent_at is None:
        sent_at = datetime.now().astimezone()
    elif sent_at.tzinfo is None:
        sent_at = sent_at.astimezone()
    scanned = text[:MAX_TEXT]
    detected, present = language.detect(scanned)
    primary = lang if lang in LANGS else detected
    doc = Doc(scanned, sent_at, primary, present | {primary})
    candidates: list[Entity] = []
    for gate, fn in _steps():
        if gate is None or gate(scanned) is not None:
            candidates.extend(fn(doc))
    return Extraction(primary, resolve_overlaps(candidates))
