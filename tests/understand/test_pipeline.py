"""Overlap resolution and the pipeline's assembly."""

from __future__ import annotations

import itertools
import random

import pytest

from ownlive.understand.doc import Entity
from ownlive.understand.extractors.address.gazetteer import gazetteer
from ownlive.understand.extractors.datetime.extractor import GRAMMARS, composer_for
from ownlive.understand.pipeline import pipeline, resolve_overlaps


def span(start: int, end: int, priority: int = 0, kind: str = "x") -> Entity:
    return Entity(kind, start, end, "", {}, priority)


def brute_force(candidates: list[Entity]) -> list[tuple[int, int]]:
    kept: list[Entity] = []
    for e in sorted(candidates, key=lambda e: (-(e.end - e.start), -e.priority, e.start)):
        if e.end > e.start and all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return sorted((e.start, e.end) for e in kept)


@pytest.mark.parametrize("seed", range(40))
def test_matches_the_obvious_quadratic_rule(seed: int) -> None:
    rng = random.Random(seed)
    candidates = []
    for _ in range(rng.randint(0, 40)):
        start = rng.randint(0, 60)
        candidates.append(span(start, start + rng.randint(0, 12), rng.randint(0, 3)))
    assert [(e.start, e.end) for e in resolve_overlaps(candidates)] == brute_force(candidates)


def test_longest_wins_then_priority() -> None:
    url = span(0, 20, kind="url")
    phone = span(5, 15, priority=5, kind="phone")
    assert resolve_overlaps([phone, url]) == [url]
    flight, tracking = span(0, 6, 0, "flight"), span(0, 6, 2, "tracking")
    assert resolve_overlaps([flight, tracking]) == [tracking]


def test_disjoint_spans_all_stay_in_order() -> None:
    spans = [span(i * 3, i * 3 + 2) for i in range(100)]
    shuffled = list(itertools.chain(spans[50:], spans[:50]))
    assert resolve_overlaps(shuffled) == spans


def test_every_contract_type_has_an_extractor() -> None:
    types = {ext.type for ext in pipeline()}
    assert types >= {
        "datetime",
        "address",
        "phone",
        "email",
        "url",
        "flight",
        "tracking",
        "money",
        "cuisine",
    }


def test_assembly_loads_what_the_first_messages_would_otherwise_load() -> None:
    pipeline()
    # One composer per non-empty set of languages, and the division names, built already.
    assert composer_for.cache_info().currsize == 2 ** len(GRAMMARS) - 1
    assert gazetteer.cache_info().currsize == 1
