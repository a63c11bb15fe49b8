"""Phone, email, url, money and cuisine extractors against public gold data: P/R/F1.

    .venv/bin/python -m benchmarks.eval_entities [DATA_ROOT] [-v] [--all]

`evaluate(samples, entity_type)` is the reusable part: each `Sample` holds a text,
its language, gold (start, end) spans of one entity type and spans to ignore (a
prediction overlapping one is neither right nor wrong). A prediction is exact when
start and end match a gold span; relaxed when it overlaps one. The extractors of
these seven types run together with the pipeline's overlap resolution (`--all`:
the whole pipeline, datetime and address too); `-v` prints misses and false
hits. The data is read by path from ../shared/data and never copied.

Sets:
- rt-<type>-<lang>: Recognizers-Text spec cases (PhoneNumber, Email, URL, Currency;
  End is inclusive there), all cases, those marked unsupported on Python included.
- crosswoz-phone: every turn of CrossWOZ test + val; gold = Inform 电话 values.
- sgd-phone: every utterance of the copied SGD test files; gold = phone_number slots.
- snips-cuisine: every Snips utterance (train_full + validate, 7 intents); gold =
  cuisine slots; served_dish, restaurant_type and restaurant_name slots are ignored.
"""

from __future__ import annotations

import glob
import json
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ownlive.understand import extract
from ownlive.understand import lang as language
from ownlive.understand.doc import Doc, Entity
from ownlive.understand.pipeline import pipeline, resolve_overlaps

Span = tuple[int, int]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SENT_AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
RT_FILES = {
    "phone": ("Sequence", "PhoneNumberModel.json", "phonenumber"),
    "email": ("Sequence", "EmailModel.json", "email"),
    "url": ("Sequence", "URLModel.json", "url"),
    "money": ("NumberWithUnit", "CurrencyModel.json", "currency"),
}
RT_LANGS = {"English": "en", "Chinese": "zh", "German": "de"}
# The extractors run by default: these types compete for overlaps among themselves;
# `--all` runs the whole pipeline (datetime and address included).
OWN_TYPES = frozenset({"phone", "email", "url", "flight", "tracking", "money", "cuisine"})
# Snips slots that ownlive may read as a cuisine without being wrong: a dish is one
# ("pizza"), and so is a food-named venue kind ("steakhouse", "pizzeria").
IGNORED_SNIPS = {"served_dish", "restaurant_type", "restaurant_name"}


@dataclass(frozen=True, slots=True)
class Sample:
    text: str
    lang: str | None
    gold: tuple[Span, ...]
    ignore: tuple[Span, ...] = ()


@dataclass(slots=True)
class Score:
    name: str
    samples: int = 0
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    relaxed: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def line(self) -> str:
        p = self.exact / self.predicted if self.predicted else 0.0
        r = self.exact / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rp = self.relaxed / self.predicted if self.predicted else 0.0
        return (
            f"{self.name:22} n={self.samples:5} gold={self.gold:4} pred={self.predicted:4} "
            f"exact P={p:.3f} R={r:.3f} F1={f:.3f}  relaxed P={rp:.3f}"
        )


def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def entities(text: str, lang: str | None, types: frozenset[str] | None) -> list[Entity]:
    """The pipeline's entities; with `types`, only those extractors run (overlaps resolved)."""
    if types is None:
        return extract(text, sent_at=SENT_AT, lang=lang).entities
    detected, present = language.detect(text)
    doc = Doc(text, SENT_AT, lang or detected, present | {lang or detected})
    found: list[Entity] = []
    for ext in pipeline():
        if ext.type in types and (ext.quick is None or ext.quick.search(text)):
            found.extend(ext.fn(doc))
    return resolve_overlaps(found)


def evaluate(
    name: str, samples: Iterable[Sample], entity_type: str, types: frozenset[str] | None = None
) -> Score:
    """Score one type; `types` limits the extractors run (None: the whole pipeline)."""
    score = Score(name)
    for sample in samples:
        score.samples += 1
        result = entities(sample.text, sample.lang, types)
        found = [(e.start, e.end) for e in result if e.type == entity_type]
        found = [span for span in found if not _overlaps(span, sample.ignore)]
        score.gold += len(sample.gold)
        score.predicted += len(found)
        for span in found:
            if span in sample.gold:
                score.exact += 1
            elif _overlaps(span, sample.gold):
                score.relaxed += 1
            if span not in sample.gold:
                score.false.append(f"{sample.text!r} -> {sample.text[span[0] : span[1]]!r}")
        score.relaxed += sum(1 for span in found if span in sample.gold)
        for span in sample.gold:
            if span not in found:
                score.misses.append(f"{sample.text!r} -> {sample.text[span[0] : span[1]]!r}")
    return score


def recognizers_text(root: Path, entity_type: str, language: str) -> Iterator[Sample]:
    folder, filename, type_name = RT_FILES[entity_type]
    path = root / "recognizers-text-specs" / "Specs" / folder / language / filename
    if not path.is_file():
        return
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        text, gold = case["Input"], []
        for result in case.get("Results", []):
            if str(result.get("TypeName", "")).lower() != type_name:
                continue
            start = result.get("Start")
            if start is None:
                start = text.lower().find(result["Text"].lower())
            if start >= 0:
                gold.append((start, start + len(result["Text"])))
        yield Sample(text, RT_LANGS[language], tuple(gold))


def crosswoz_phone(root: Path) -> Iterator[Sample]:
    for name in ("test.json.zip", "val.json.zip"):
        path = root / "crosswoz" / "data" / "crosswoz" / name
        if not path.is_file():
            continue
        with zipfile.ZipFile(path) as archive:
            dialogues = json.loads(archive.read(archive.namelist()[0]))
        for dialogue in dialogues.values():
            for message in dialogue["messages"]:
                text, gold = message["content"], []
                for act in message["dialog_act"]:
                    if act[0] != "Inform" or act[2] != "电话":
                        continue
                    # One Inform may list several numbers: "010-62754070,010-62756110".
                    for number in re.split(r"[,，、;；/]|或|和|\s+(?=(?:0\d{2,3}-)?\d{7})", act[3]):
                        start = text.find(number.strip()) if number.strip() else -1
                        if start >= 0:
                            gold.append((start, start + len(number.strip())))
                yield Sample(text, "zh", tuple(gold))


def sgd_phone(root: Path) -> Iterator[Sample]:
    for path in sorted(glob.glob(str(root / "sgd-schema-guided-dialogue/test/dialogues_*.json"))):
        for dialogue in json.loads(Path(path).read_text(encoding="utf-8")):
            for turn in dialogue["turns"]:
                gold = {
                    (slot["start"], slot["exclusive_end"])
                    for frame in turn["frames"]
                    for slot in frame["slots"]
                    if slot["slot"] == "phone_number"
                }
                yield Sample(turn["utterance"], "en", tuple(sorted(gold)))


def snips_cuisine(root: Path) -> Iterator[Sample]:
    base = root / "snips-nlu-benchmark" / "2017-06-custom-intent-engines"
    for path in sorted(base.glob("*/*.json")):
        if not path.name.startswith(("train_", "validate_")) or "metrics" in path.name:
            continue
        if path.name.startswith("train_") and not path.name.endswith("_full.json"):
            continue
        for utterances in json.loads(path.read_text(encoding="latin-1")).values():
            for utterance in utterances:
                text, gold, ignore = "", [], []
                for chunk in utterance["data"]:
                    span = (len(text), len(text) + len(chunk["text"]))
                    if chunk.get("entity") == "cuisine":
                        gold.append(span)
                    elif chunk.get("entity") in IGNORED_SNIPS:
                        ignore.append(span)
                    text += chunk["text"]
                yield Sample(text, "en", tuple(gold), tuple(ignore))


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("-")]
    root = Path(paths[0]) if paths else DATA
    verbose = "-v" in args
    types = None if "--all" in args else OWN_TYPES
    scores = [
        evaluate(f"rt-{kind}-{RT_LANGS[lang]}", recognizers_text(root, kind, lang), kind, types)
        for kind in RT_FILES
        for lang in RT_LANGS
        if (root / "recognizers-text-specs" / "Specs" / RT_FILES[kind][0] / lang).is_dir()
    ]
    scores.append(evaluate("crosswoz-phone", crosswoz_phone(root), "phone", types))
    scores.append(evaluate("sgd-phone", sgd_phone(root), "phone", types))
    scores.append(evaluate("snips-cuisine", snips_cuisine(root), "cuisine", types))
    for score in scores:
        if score.samples:
            print(score.line())
            if verbose:
                for miss in score.misses[:15]:
                    print("   miss", miss)
                for wrong in score.false[:15]:
                    print("   false", wrong)


if __name__ == "__main__":
    main()
