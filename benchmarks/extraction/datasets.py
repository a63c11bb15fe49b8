"""One loader per public gold set under ../shared/data, each to the common `Case` records.

Every loader reads its set by path (layout per the set's SOURCE.md), returns a `LoadedSet`
with notes on what it skipped and why, and returns `available=False` when the folder is
missing. `limit` caps the cases per stratum (source file, language or intent), evenly spread.
The dialogue sets (SNIPS, CrossWOZ, SGD) and cpca live in `datasets_dialogue`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.extraction import datasets_dialogue as dialogue
from benchmarks.extraction.cases import (
    Case,
    GoldSpan,
    LoadedSet,
    aware,
    cap,
    e164,
    exclusive_span,
    locate,
    not_available,
    partial_iso,
)

DEFAULT_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "data"

Loader = Callable[[Path, "int | None"], LoadedSet]

# Recognizers-Text spec files: (folder, language folder, file) -> (ownlive type, lang).
RT_LANGS = {"English": "en", "Chinese": "zh", "German": "de"}
RT_FILES = {
    ("DateTime", "DateTimeModel.json"): "datetime",
    ("Sequence", "PhoneNumberModel.json"): "phone",
    ("Sequence", "EmailModel.json"): "email",
    ("Sequence", "URLModel.json"): "url",
    ("NumberWithUnit", "CurrencyModel.json"): "money",
}
# Recognizers-Text result types that are an ownlive datetime. Durations, sets
# (recurrences) and time zones are not (DESIGN.md 4.1): a prediction there is wrong.
RT_DATETIME = {"date", "daterange", "datetime", "datetimerange", "time", "timerange"}
RT_TYPES = {"phonenumber": "phone", "email": "email", "url": "url", "currency": "money"}
# Python is the port ownlive and the Recognizers-Text peer run on; cases its authors mark
# as not supported there are skipped for every system alike.
PLATFORM = "python"


# Part-of-day timex codes (morning, afternoon, evening, night, daytime): the spec gives
# them a conventional hour; ownlive resolves a day-part without a clock time to the date.
DAY_PART = re.compile(r"T(?:MO|AF|EV|NI|DT)\b")


def rt_datetime_value(resolution: dict[str, Any]) -> dict[str, Any] | None:
    """Accepted starts of a datetimeV2 resolution ('value', else 'start' of a range)."""
    accepted: list[str] = []
    for item in resolution.get("values", []):
        raw = item.get("value") or item.get("start")
        if not isinstance(raw, str) or not raw[:1].isdigit():
            continue  # "not resolved", or an open range with only an end
        date, clock = None, None
        if re.match(r"\d{4}-\d\d-\d\d", raw):
            date, rest = raw[:10], raw[11:]
            clock = rest[:5] if re.match(r"\d\d:\d\d", rest) else None
        elif re.match(r"\d\d:\d\d", raw):
            clock = raw[:5]
        if DAY_PART.search(str(item.get("timex", ""))):
            clock = None  # "this evening": no written clock time, a date (DESIGN.md 4.1)
        iso = partial_iso(date, clock)
        if iso and iso not in accepted:
            accepted.append(iso)
    return {"start": tuple(accepted)} if accepted else None


def _rt_gold(case: dict[str, Any], lang: str) -> tuple[list[GoldSpan], int]:
    """Gold spans of one spec case, and the number of results that could not be placed."""
    text, gold, lost, cursor = case["Input"], [], 0, 0
    for result in case.get("Results", []):
        type_name = str(result.get("TypeName", ""))
        kind = type_name.removeprefix("datetimeV2.")
        ours = "datetime" if kind in RT_DATETIME else RT_TYPES.get(type_name)
        if ours is None:
            continue
        expected = str(result["Text"])
        if "Start" in result and "End" in result:
            span = exclusive_span(text, int(result["Start"]), int(result["End"]), expected)
        else:
            span = locate(text, expected, cursor)
        if span is None:
            lost += 1
            continue
        cursor = span[1]
        value = None
        if ours == "datetime":
            value = rt_datetime_value(result.get("Resolution") or {})
        elif ours == "phone":
            number = e164(text[span[0] : span[1]], lang, national=False)
            value = {"e164": number} if number else None
        gold.append(GoldSpan(ours, span[0], span[1], text[span[0] : span[1]], value))
    return gold, lost


def _unsupported(case: dict[str, Any]) -> bool:
    marks = f"{case.get('NotSupported', '')},{case.get('NotSupportedByDesign', '')}"
    return PLATFORM in {m.strip().lower() for m in marks.split(",")}


def load_rt_specs(root: Path, limit: int | None) -> LoadedSet:
    """Recognizers-Text specs: DateTimeModel, PhoneNumber, Email, URL, Currency (zh/en/de)."""
    name, title = "rt-specs", "Recognizers-Text specs (DateTime, Phone, Email, URL, Currency)"
    base = root / "recognizers-text-specs" / "Specs"
    if not base.is_dir():
        return not_available(name, title, base)
    cases: list[Case] = []
    skipped, lost, files = 0, 0, 0
    for (folder, file), kind in RT_FILES.items():
        for lang_dir, lang in RT_LANGS.items():
            path = base / folder / lang_dir / file
            if not path.is_file():
                continue
            files += 1
            raw = json.loads(path.read_text(encoding="utf-8-sig") or "[]")
            stratum: list[Case] = []
            for item in raw:
                if _unsupported(item):
                    skipped += 1
                    continue
                gold, missing = _rt_gold(item, lang)
                lost += missing
                ref = aware((item.get("Context") or {}).get("ReferenceDateTime"))
                stratum.append(
                    Case(
                        name,
                        lang,
                        item["Input"],
                        ref,
                        tuple(g for g in gold if g.type == kind),
                        frozenset({kind}),
                        stratum=f"{folder}/{lang_dir}/{file}",
                    )
                )
            cases += cap(stratum, limit)
    notes = [
        f"{files} spec files; End is inclusive in the source and made exclusive here",
        f"skipped {skipped} cases marked NotSupported/NotSupportedByDesign for {PLATFORM}",
        "durations, sets (recurrences) and time zones are not datetimes (DESIGN.md 4.1);"
        " a day-part without a clock time (timex TMO/TAF/EV/NI/DT) is checked as a date",
        "phone values only where the number carries a country code (+, 00)",
    ]
    if lost:
        notes.append(f"{lost} gold results whose Text is not in the Input were dropped")
    return LoadedSet(name, title, cases, notes)


_CT = re.compile(r"(X-X-X|\d{4}-\d\d-\d\d) (X:X|\d\d:\d\d)")


def ctparse_value(gold_parse: str) -> dict[str, Any] | None:
    """Accepted start of a ctparse gold ('Time[]{2017-10-05 06:55 (X/X)}', 'Interval[]{..}')."""
    body = gold_parse.split("{", 1)[-1]
    if body.startswith("None"):
        return None  # an interval open at its start: no start to compare
    found = _CT.match(body)
    if not found:
        return None
    date, clock = found.groups()
    iso = partial_iso(None if "X" in date else date, None if "X" in clock else clock)
    return {"start": (iso,)} if iso else None


def load_ctparse(root: Path, limit: int | None) -> LoadedSet:
    """ctparse's time-expression corpus (de/en): each text is the expression alone."""
    name, title = "ctparse", "ctparse time-parse corpus (expression alone, resolved gold)"
    path = root / "ctparse-timeparse-corpus" / "datasets" / "timeparse_corpus.json"
    if not path.is_file():
        return not_available(name, title, path)
    by_lang: dict[str, list[Case]] = {"de": [], "en": []}
    durations = 0
    for item in json.loads(path.read_text(encoding="utf-8")):
        lang = item.get("language")
        if lang not in by_lang:
            continue
        text = item["text"]
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        gold: tuple[GoldSpan, ...] = ()
        if item["gold_parse"].startswith("Duration"):
            durations += 1  # "3 nights": not a datetime; a prediction there is wrong
        else:
            value = ctparse_value(item["gold_parse"])
            gold = (GoldSpan("datetime", start, end, text[start:end], value),)
        by_lang[lang].append(
            Case(
                name,
                lang,
                text,
                aware(item["ref_time"]),
                gold,
                frozenset({"datetime"}),
                stratum=lang,
            )
        )
    cases = [c for lang_cases in by_lang.values() for c in cap(lang_cases, limit)]
    notes = [
        "gold span = the whole text (which keeps leading 'am'/'on': exact span is strict here)",
        f"{durations} Duration gold items kept as cases without a datetime",
        "ctparse was trained on this corpus (its home field)",
    ]
    return LoadedSet(name, title, cases, notes)


SETS: tuple[tuple[str, Loader], ...] = (
    ("rt-specs", load_rt_specs),
    ("ctparse", load_ctparse),
    ("snips", dialogue.load_snips),
    ("crosswoz", dialogue.load_crosswoz),
    ("crosswoz-db", dialogue.load_crosswoz_db),
    ("sgd", dialogue.load_sgd),
    ("cpca", dialogue.load_cpca),
)
