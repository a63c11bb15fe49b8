"""The address entity every grammar builds: the span, and its value keys in contract order."""

from __future__ import annotations

from ownlive.understand.doc import Entity

# DESIGN.md 4: formatted, and where known country, region, city, district, street,
# house_number, postcode. Unknown keys are left out, never empty.
KEYS = ("country", "region", "city", "district", "street", "house_number", "postcode")


def address(text: str, start: int, end: int, fields: dict[str, str | None]) -> Entity:
    """An address entity over text[start:end]; `formatted` is the span, as the contract says."""
    span = text[start:end]
    value = {"formatted": span}
    for key in KEYS:
        found = fields.get(key)
        if found:
            value[key] = found
    # priority 1: an address beats an equally long datetime/number reading of its house number.
    return Entity("address", start, end, span, value, priority=1)


def words(text: str) -> frozenset[str]:
    """A word list written as one string, as the grammars keep their lexicons."""
    return frozenset(text.split())


def without_overlaps(found: list[Entity]) -> list[Entity]:
    """One reading per stretch of text: of two overlapping candidates the longer (then the
    earlier) wins. One pass over the candidates sorted by start."""
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (e.start, e.start - e.end)):
        if kept and entity.start < kept[-1].end:
            if entity.end - entity.start > kept[-1].end - kept[-1].start:
                kept[-1] = entity
            continue
        kept.append(entity)
    return kept
