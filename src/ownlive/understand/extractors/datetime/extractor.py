"""The datetime extractor: registration, per-message run, values per DESIGN.md 4.1.

It runs the grammar of every language present in the message (code-switched
"明天 meeting at 3pm" reads 明天 with the Chinese grammar and "3pm" with the
English one), resolves each expression against `sent_at`, and lets a clock
time without a date take the date a previous expression in the message named
("Tomorrow? Dinner at 8" is tomorrow at 20:00).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors.datetime import grammar_de, grammar_en, grammar_zh
from ownlive.understand.extractors.datetime.compose import Composer
from ownlive.understand.extractors.datetime.grammar import Grammar
from ownlive.understand.extractors.datetime.resolve import Cues, resolve, resolve_range
from ownlive.understand.registry import extractor

GRAMMARS: dict[str, Grammar] = {
    "en": grammar_en.GRAMMAR,
    "de": grammar_de.GRAMMAR,
    "zh": grammar_zh.GRAMMAR,
}

# A message holds a datetime only if it holds a digit or one of these words
# (stems: "day" covers today and the English weekdays, "mon" month and Monat).
QUICK = re.compile(
    r"\d|[今明后昨前周星礼月日号点时午晚早凌夜元春节秋宵旦诞除清端七五十]|(?i:day|night|noon|"
    r"morning|evening|afternoon|tmr|tmw|tom|week|mon|year|jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec|tue|wed|thu|fri|sat|sun|xmas|christmas|easter|eve|clock|half|quarter|"
    r"heute|morgen|abend|mittag|nacht|uhr|woche|viertel|tag|mittwoch|jahr|silvester|neujahr|"
    r"weihnacht|ostern|pfingst|valentin|halloween|thanksgiving|gestern|nye|früh)"
)


@functools.cache
def composer_for(langs: frozenset[str]) -> Composer:
    """One composer per set of languages, built once: its patterns are compiled together."""
    order = [lang for lang in ("zh", "en", "de") if lang in langs] or ["en"]
    return Composer([GRAMMARS[lang] for lang in order])


@extractor("datetime", requires=("text", "sent_at", "lang", "langs"), quick=QUICK)
def find_datetimes(doc: Doc) -> Iterable[Entity]:
    """Every date, time, day-part, duration from now and range in the message."""
    exprs = composer_for(doc.langs | {doc.lang}).compose(doc.text)
    if not exprs:
        return []
    cues = Cues.of(doc.text)
    found: list[Entity] = []
    anchor: date | None = None
    for e in exprs:
        parts = e.parts
        if e.last is not None:
            value = resolve_range(parts, e.last, doc.sent_at, cues, anchor)
        elif parts.only_daypart() and parts.daypart not in ("noon", "midnight"):
            continue  # "in the evening" alone names no day
        else:
            value = resolve(parts, doc.sent_at, cues, None if parts.has_date() else anchor)
        if value is None:
            continue
        text = doc.text[e.start : e.end]
        found.append(Entity("datetime", e.start, e.end, text, value.to_value()))
        if parts.has_date() and e.last is None and value.grain == "day" and value.end is None:
            anchor = value.start.date()
    return found
