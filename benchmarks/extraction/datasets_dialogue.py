"""Loaders for the dialogue and address sets: SNIPS, CrossWOZ, SGD (slot spans) and cpca.

None of these carries resolved datetimes, so only spans (and phone E.164, derived from
the number with `cases.e164`) are scored; relative expressions resolve against a fixed
reference time.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from benchmarks.extraction.cases import (
    DEFAULT_REFERENCE,
    Case,
    GoldSpan,
    LoadedSet,
    cap,
    e164,
    locate,
    not_available,
)

# SNIPS: intents whose schema has a timeRange (and, for BookRestaurant, cuisine) slot.
SNIPS_INTENTS = {
    "BookRestaurant": frozenset({"datetime", "cuisine"}),
    "GetWeather": frozenset({"datetime"}),
    "SearchScreeningEvent": frozenset({"datetime"}),
}
SNIPS_SLOTS = {"timeRange": "datetime", "cuisine": "cuisine"}
# Dishes and restaurant kinds ("pizza", "steakhouse") are cuisines to ownlive (OSM
# cuisine=pizza, steak_house) but another slot to SNIPS: neither right nor wrong there.
SNIPS_IGNORE = {"served_dish": "cuisine", "restaurant_type": "cuisine"}
# "now" is a timeRange to SNIPS and not a datetime to ownlive (DESIGN.md 4.1): not scored.
SNIPS_NOW = re.compile(r"(right )?now|currently|at the moment", re.IGNORECASE)


def _span(type_: str, text: str, start: int, end: int, value: Any = None) -> GoldSpan:
    return GoldSpan(type_, start, end, text[start:end], value)


def load_snips(root: Path, limit: int | None) -> LoadedSet:
    """SNIPS custom-intent engines (en): timeRange as datetime, cuisine as cuisine."""
    name, title = "snips", "SNIPS NLU benchmark (timeRange, cuisine slots)"
    base = root / "snips-nlu-benchmark" / "2017-06-custom-intent-engines"
    if not base.is_dir():
        return not_available(name, title, base)
    cases: list[Case] = []
    for intent, types in SNIPS_INTENTS.items():
        seen: set[str] = set()
        stratum: list[Case] = []
        for file in (f"train_{intent}_full.json", f"validate_{intent}.json"):
            path = base / intent / file
            if not path.is_file():
                continue
            for utterance in json.loads(path.read_bytes().decode("utf-8", "replace"))[intent]:
                text, gold, ignore = "", [], []
                for chunk in utterance["data"]:
                    start, text = len(text), text + chunk["text"]
                    slot = chunk.get("entity")
                    if slot == "timeRange" and SNIPS_NOW.fullmatch(chunk["text"].strip()):
                        ignore.append(_span("datetime", text, start, len(text)))
                    elif slot in SNIPS_SLOTS and SNIPS_SLOTS[slot] in types:
                        gold.append(_span(SNIPS_SLOTS[slot], text, start, len(text)))
                    elif slot in SNIPS_IGNORE:
                        ignore.append(_span(SNIPS_IGNORE[slot], text, start, len(text)))
                if text in seen:
                    continue
                seen.add(text)
                stratum.append(
                    Case(
                        name,
                        "en",
                        text,
                        DEFAULT_REFERENCE,
                        tuple(gold),
                        types,
                        tuple(ignore),
                        stratum=intent,
                    )
                )
        cases += cap(stratum, limit)
    notes = [
        "intents BookRestaurant, GetWeather, SearchScreeningEvent (train_full + validate)",
        "served_dish and restaurant_type spans neither count for nor against cuisine;"
        " nor does a timeRange 'now' for datetime (now is not a datetime, DESIGN.md 4.1)",
        "no resolved values: spans only",
    ]
    return LoadedSet(name, title, cases, notes)


CROSSWOZ_SLOTS = {"地址": "address", "电话": "phone"}
# What the contract counts as an address (DESIGN.md 4.1): a street with a house number.
# The same rules as benchmarks/eval_address.py, so both report on the same gold.
ZH_IN_CONTRACT = re.compile(r"(?:路|街|道|巷|胡同|里)[东南西北中]?段?[甲乙丙丁]?\d+")
EN_IN_CONTRACT = re.compile(r"^\d")


def load_crosswoz(root: Path, limit: int | None) -> LoadedSet:
    """CrossWOZ (zh): system turns; Inform 地址/电话 values located in the utterance."""
    name, title = "crosswoz", "CrossWOZ (zh addresses and phones in system turns)"
    base = root / "crosswoz" / "data" / "crosswoz"
    if not base.is_dir():
        return not_available(name, title, base)
    cases: list[Case] = []
    unplaced = 0
    types = frozenset(CROSSWOZ_SLOTS.values())
    for split in ("test", "val"):
        stratum: list[Case] = []
        path = base / f"{split}.json.zip"
        if not path.is_file():
            continue
        with zipfile.ZipFile(path) as archive:
            dialogues = json.loads(archive.read(f"{split}.json"))
        for dialogue in dialogues.values():
            for message in dialogue["messages"]:
                if message["role"] != "sys":
                    continue
                found = _crosswoz_gold(message)
                if found is None:
                    unplaced += 1
                    continue
                # Addresses the contract does not count (no street + number) are not scored.
                gold = tuple(g for g in found if g.type != "address" or _zh_address(g.text))
                ignore = tuple(g for g in found if g not in gold)
                stratum.append(
                    Case(
                        name,
                        "zh",
                        message["content"],
                        DEFAULT_REFERENCE,
                        gold,
                        types,
                        ignore,
                        stratum=split,
                    )
                )
        cases += cap(stratum, limit)
    notes = [
        "system turns of test + val; gold = Inform 地址/电话 values found verbatim",
        f"{unplaced} turns skipped: an address/phone value not found verbatim in the text",
        "gold addresses without a street + house number (故宫博物院内) are not scored;"
        " the rest are as the dialogue gives them (notes in brackets too): exact is strict",
        "phone values by zh rules; 8-digit local numbers (no area code) carry none",
    ]
    return LoadedSet(name, title, cases, notes)


def _zh_address(text: str) -> bool:
    return ZH_IN_CONTRACT.search(text) is not None


def _crosswoz_gold(message: dict[str, Any]) -> tuple[GoldSpan, ...] | None:
    text = message["content"]
    gold: list[GoldSpan] = []
    for act in message["dialog_act"]:
        if act[0] != "Inform" or act[2] not in CROSSWOZ_SLOTS:
            continue
        kind, raw = CROSSWOZ_SLOTS[act[2]], str(act[3])
        # Several phones (and address parts) are joined with a no-break space.
        parts = raw.split() if kind == "phone" else [raw.replace("\xa0", " ").strip()]
        for part in parts:
            span = locate(text, part)
            if span is None and kind == "address":
                span = locate(text, part.split(" ")[0])
            if span is None:
                return None
            value = None
            if kind == "phone":
                number = e164(part, "zh")
                value = {"e164": number} if number else None
            gold.append(_span(kind, text, *span, value))
    return tuple(gold)


SGD_ADDRESS = {"address", "street_address", "venue_address"}
SGD_PRICE = re.compile(r"\$|dollar|usd", re.IGNORECASE)
# Date and time slots next to each other ("March 8th" "at" "6 pm") are one datetime
# in ownlive's convention (DESIGN.md 4.1): joined when only these words lie between.
SGD_JOIN = re.compile(r"\s*(?:,|at|on|in the|,\s*at)?\s*", re.IGNORECASE)
SGD_TYPES = frozenset({"datetime", "phone", "address", "money", "cuisine"})


def _sgd_type(slot: str, service: str, text: str) -> str | None:
    if slot in ("date", "time") or slot.endswith(("_date", "_time")):
        return "datetime"
    if slot == "phone_number":
        return "phone"
    if slot in SGD_ADDRESS:
        return "address"
    if slot.startswith("price"):
        return "money" if SGD_PRICE.search(text) else None
    if slot == "category" and service.startswith("Restaurants"):
        return "cuisine"
    return None


def _join_datetimes(text: str, gold: list[GoldSpan]) -> list[GoldSpan]:
    gold.sort(key=lambda g: g.start)
    joined: list[GoldSpan] = []
    for span in gold:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.type == span.type == "datetime"
            and SGD_JOIN.fullmatch(text[last.end : span.start])
        ):
            joined[-1] = _span("datetime", text, last.start, span.end)
        elif last is None or span.start >= last.end:
            joined.append(span)
    return joined


def load_sgd(root: Path, limit: int | None) -> LoadedSet:
    """Schema-Guided Dialogue test subset (en): every turn, slot spans as entities."""
    name, title = "sgd", "SGD (en dates, times, addresses, phones, prices, cuisines)"
    base = root / "sgd-schema-guided-dialogue" / "test"
    if not base.is_dir():
        return not_available(name, title, base)
    cases: list[Case] = []
    for path in sorted(base.glob("dialogues_*.json")):
        stratum: list[Case] = []
        for dialogue in json.loads(path.read_text(encoding="utf-8")):
            for turn in dialogue["turns"]:
                text = turn["utterance"]
                gold: list[GoldSpan] = []
                for frame in turn["frames"]:
                    for slot in frame["slots"]:
                        start, end = slot["start"], slot["exclusive_end"]
                        kind = _sgd_type(slot["slot"], frame["service"], text[start:end])
                        if kind is None or any(g.start == start for g in gold):
                            continue
                        number = e164(text[start:end], "en") if kind == "phone" else None
                        value = {"e164": number} if number else None
                        gold.append(_span(kind, text, start, end, value))
                gold = _join_datetimes(text, gold)
                # "Strand", "Union Station": an address without a house number is not one.
                ignore = tuple(
                    g for g in gold if g.type == "address" and not EN_IN_CONTRACT.match(g.text)
                )
                gold = [g for g in gold if g not in ignore]
                stratum.append(
                    Case(
                        name,
                        "en",
                        text,
                        DEFAULT_REFERENCE,
                        tuple(gold),
                        SGD_TYPES,
                        ignore,
                        stratum=path.name,
                    )
                )
        cases += cap(stratum, limit)
    notes = [
        "every turn of the copied test files; date/time/_date/_time slots = datetime,"
        " address/street_address/venue_address = address, price* with $ = money,"
        " Restaurants category = cuisine",
        "adjacent date and time slots joined into one datetime ('March 8th at 6 pm');"
        " addresses not starting with a house number are not scored",
        "phone values by en (NANP) rules",
    ]
    return LoadedSet(name, title, cases, notes)


def load_cpca(root: Path, limit: int | None) -> LoadedSet:
    """cpca addr.csv (zh): real company addresses, each row alone; recall is the figure."""
    name, title = "cpca", "cpca addr.csv (zh address recall, one address per text)"
    path = root / "cpca-chinese-addresses" / "tests" / "addr.csv"
    if not path.is_file():
        return not_available(name, title, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row[0].strip() for row in csv.reader(handle) if row and row[0].strip()][1:]
    kept = [row for row in rows if _zh_address(row)]
    cases = [
        Case(
            name,
            "zh",
            text,
            DEFAULT_REFERENCE,
            (_span("address", text, 0, len(text)),),
            frozenset({"address"}),
        )
        for text in kept
    ]
    notes = [
        f"{len(kept)} of {len(rows)} non-empty rows name a street with a house number;"
        " an address needs one (DESIGN.md 4.1)",
        "gold span = the whole row (trailing building/room/notes included): exact is strict",
    ]
    return LoadedSet(name, title, cap(cases, limit), notes)


def load_crosswoz_db(root: Path, limit: int | None) -> LoadedSet:
    """CrossWOZ databases (zh): the 地址 of restaurants, hotels, attractions, one per text."""
    name, title = "crosswoz-db", "CrossWOZ database addresses (zh address recall, one per text)"
    base = root / "crosswoz" / "data" / "crosswoz" / "database"
    if not base.is_dir():
        return not_available(name, title, base)
    cases: list[Case] = []
    for file in ("restaurant_db.json", "hotel_db.json", "attraction_db.json"):
        path = base / file
        if not path.is_file():
            continue
        stratum = [
            Case(
                name,
                "zh",
                text,
                DEFAULT_REFERENCE,
                (_span("address", text, 0, len(text)),),
                frozenset({"address"}),
                stratum=file,
            )
            for _, record in json.loads(path.read_text(encoding="utf-8"))
            if _zh_address(text := str(record.get("地址") or "").strip())
        ]
        cases += cap(stratum, limit)
    notes = ["地址 fields with a street + house number; gold span = the whole field"]
    return LoadedSet(name, title, cases, notes)
