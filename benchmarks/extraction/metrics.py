"""Precision, recall and F1 per type (exact and relaxed span), and value accuracy.

Exact: a prediction of the same type with the same start and end. Relaxed: the same type
and overlapping spans, matched one to one, largest overlap first. A prediction of a type
the case is not annotated for is not scored; one that matches nothing but overlaps an
`ignore` region of its type counts neither way. Value accuracy is end to end: of the gold
entities that carry a value (a resolved datetime start, a derivable phone E.164), the share
found (relaxed) with the right value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.extraction.cases import Case, GoldSpan, Pred, datetime_value_ok


@dataclass(slots=True)
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0  # true positives, exact span
    relaxed: int = 0  # true positives, overlapping span
    valued: int = 0  # gold entities with a value to check
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.exact += other.exact
        self.relaxed += other.relaxed
        self.valued += other.valued
        self.value_ok += other.value_ok

    def prf(self, relaxed: bool) -> tuple[float | None, float | None, float | None]:
        hits = self.relaxed if relaxed else self.exact
        precision = hits / self.pred if self.pred else None
        recall = hits / self.gold if self.gold else None
        if precision is None or recall is None:
            return precision, recall, None
        total = precision + recall
        return precision, recall, (2 * precision * recall / total if total else 0.0)

    def f1(self, relaxed: bool) -> float | None:
        return self.prf(relaxed)[2]

    def value_accuracy(self) -> float | None:
        return self.value_ok / self.valued if self.valued else None


def overlap(a: Pred | GoldSpan, b: Pred | GoldSpan) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_relaxed(gold: list[GoldSpan], preds: list[Pred]) -> dict[int, int]:
    """Gold index -> prediction index, one to one, largest overlap first."""
    pairs = sorted(
        ((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)),
        reverse=True,
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for size, gi, pi in pairs:
        if size <= 0:
            break
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def value_ok(kind: str, gold: GoldSpan, pred: Pred) -> bool:
    if gold.value is None:
        return False
    if kind == "datetime":
        start = pred.value.get("start") if pred.value else None
        return datetime_value_ok(tuple(gold.value["start"]), start)
    if kind == "phone":
        return bool(pred.value) and pred.value.get("e164") == gold.value["e164"]
    return False


def score_case(case: Case, preds: Iterable[Pred], kinds: Iterable[str]) -> dict[str, Counts]:
    """Counts per type for one case, over the given types (those the case is annotated for)."""
    by_type: dict[str, Counts] = {}
    all_preds = list(preds)
    for kind in kinds:
        gold = [g for g in case.gold if g.type == kind]
        mine = [p for p in all_preds if p.type == kind]
        matched = match_relaxed(gold, mine)
        used = set(matched.values())
        ignore = [r for r in case.ignore if r.type == kind]
        mine_kept = [
            p
            for i, p in enumerate(mine)
            if i in used or not any(overlap(p, region) for region in ignore)
        ]
        spans = {(p.start, p.end) for p in mine_kept}
        counts = Counts(gold=len(gold), pred=len(mine_kept))
        counts.exact = sum((g.start, g.end) in spans for g in gold)
        counts.relaxed = len(matched)
        for gi, g in enumerate(gold):
            if g.value is not None:
                counts.valued += 1
                if gi in matched and value_ok(kind, g, mine[matched[gi]]):
                    counts.value_ok += 1
        by_type[kind] = counts
    return by_type
