"""The datetime extractor: registration, per-message run, values per DESIGN.md 4.1.

It runs the grammar of every language present in the message (code-switched
"明天 meeting at 3pm" reads 明天 with the Chinese grammar and "3pm" with the
English one), resolves each expression against `sent_at`, and lets a clock
time without a date take the date a previous expression in the message named
("Tomorrow? Dinner at 8" is tomorrow at 20:00).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from datetime import date

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors.datetime import grammar_de, grammar_en, grammar_zh
from ownlive.understand.extractors.datetime.compose import Composer
from ownlive.understand.extractors.datetime.cues import Cues
from ownlive.understand.extractors.datetime.grammar import Grammar, alternation
from ownlive.understand.extractors.datetime.resolve import resolve, resolve_range
from ownlive.understand.registry import extractor

GRAMMARS: dict[str, Grammar] = {
    "en": grammar_en.GRAMMAR,
    "de": grammar_de.GRAMMAR,
    "zh": grammar_zh.GRAMMAR,
}

# A message holds a datetime only if it holds a digit, a Chinese time character or
# one of these word starts ("day" covers today and the English weekdays, "mon"
# month, Monday and Monat, "stund" Stunde(n)); tried at word starts only.
_QUICK_WORDS = (
    "spring", "summer", "fall", "autumn", "winter", "sommer", "herbst", "frühling", "frühjahr",
    "quartal", "next", "sec", "day", "night", "noon", "midday", "morning", "evening",
    "afternoon", "tonite", "2nite", "tmr", "tmw", "tom", "2mo", "week", "mon", "year", "jan",
    "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "tue", "wed",
    "thu", "fri", "sat", "sun", "xmas", "christ", "easter", "eve", "nye", "new", "year",
    "valentine", "halloween", "thanksgiving", "black", "good", "mother", "father",
    "independence", "fourth", "labor", "memorial", "boxing", "clock", "half", "quarter", "hour",
    "minute", "min", "hr", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "twenty", "thirty", "heute", "heut", "morgen",
    "übermorgen", "gestern", "vorgestern", "abend", "mittag", "nacht", "früh", "uhr", "woche",
    "viertel", "mittwoch", "sonnabend", "jahr", "monat", "stund", "minut", "tag", "silvester",
    "neujahr", "heilig", "weihnacht", "oster", "karfreitag", "pfingst", "himmelfahrt",
    "vatertag", "fronleichnam", "valentin", "nikolaus", "muttertag", "rosenmontag",
    "allerheiligen", "reformation", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben",
    "acht", "neun", "zehn", "elf", "zwölf", "einer", "einem", "anderthalb", "mär", "mai", "jän",
    "okt", "dez", "dienstag", "donnerstag", "freitag", "samstag", "sonntag", "nachmittag",
    "vormittag", "spät", "spaet",
)  # fmt: skip
QUICK = re.compile(
    r"\d|[今明后後昨前周星礼週禮月日号號点點时時午晚早凌夜元春节秋宵旦诞除清端七五十过過圣情夏冬季秒天年]"
    r"|(?i:\b(?=[a-zäöü2])" + alternation(_QUICK_WORDS) + ")"
    # "am Fr", "bis Di.": a German weekday abbreviation after a day's preposition
    r"|\b(?:[Aa]m|bis|ab)\s+(?:Mo|Di|Mi|Do|Fr|Sa|So|MO|DI|MI|DO|FR|SA|SO)\b"
)


# Short messages give language detection little to go on ("Silvester?", "in zwei
# Stunden"); a German or English time word brings that language's grammar in too.
_GERMAN = re.compile(
    r"[äöüß]|\b(?:uhr|heute|morgen|übermorgen|gestern|stunden?|minuten|tagen|wochen|silvester|"
    r"weihnachten|ostern|pfingsten|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"januar|februar|mai|juni|juli|oktober|dezember|nächste[nrs]?|abends?|nachmittags?|halb|"
    r"viertel|um|gegen|zwischen|bis|vom)\b|\bam\s+\d{1,2}\."
)
_ENGLISH = re.compile(
    r"\b(?:today|tonight|tomorrow|tmrw|yesterday|[ap]m|o'clock|noon|midnight|next|this|at|on|"
    r"hours?|minutes|days|weeks|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|june|july|october|december|christmas|weekend)\b"
)


def languages(doc: Doc) -> frozenset[str]:
    langs = set(doc.langs | {doc.lang})
    if langs & {"en", "de"} != {"en", "de"} and not langs <= {"zh"}:
        low = doc.text.lower()
        if "de" not in langs and _GERMAN.search(low):
            langs.add("de")
        elif "en" not in langs and _ENGLISH.search(low):
            langs.add("en")
    return frozenset(langs)


@functools.cache
def composer_for(langs: frozenset[str]) -> Composer:
    """One composer per set of languages, built once: its patterns are compiled together."""
    order = [lang for lang in ("zh", "en", "de") if lang in langs] or ["en"]
    return Composer([GRAMMARS[lang] for lang in order])


def _prepare() -> None:
    """Every set of languages' composer, built at assembly: each compiles its patterns."""
    for size in range(1, len(GRAMMARS) + 1):
        for langs in itertools.combinations(GRAMMARS, size):
            composer_for(frozenset(langs))


@extractor("datetime", requires=("text", "sent_at", "lang", "langs"), quick=QUICK, prepare=_prepare)
def find_datetimes(doc: Doc) -> Iterable[Entity]:
    """Every date, time, day-part, duration from now and range in the message."""
    exprs = composer_for(languages(doc)).compose(doc.text)
    if not exprs:
        return []
    cues = Cues.of(doc.text)
    found: list[Entity] = []
    anchor: date | None = None
    for e in exprs:
        parts = e.parts
        if e.last is not None:
            value = resolve_range(parts, e.last, doc.sent_at, cues, anchor)
        elif (
            parts.only_daypart()
            and parts.daypart not in ("noon", "midnight")
            and not parts.today_implied
        ):
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
