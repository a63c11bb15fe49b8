"""Address extractor against public data: precision/recall/F1 per set, exact and relaxed span.

    .venv/bin/python -m benchmarks.eval_address [DATA_ROOT]

`evaluate(name, samples, find)` is the reusable part: samples are (text, gold spans,
ignored spans); `find` returns predicted (start, end) spans. Exact = same start and end;
relaxed = overlapping. A prediction overlapping an ignored span (an address the source
annotates that the contract does not count, e.g. one without a house number) is neither
right nor wrong. The data is read by path from ../shared/data and never copied.

Sets:
- cpca: addr.csv rows (real company addresses, one per text); only recall means much,
  and the gold span is the whole row (notes and all), so exact is strict.
- crosswoz-dialogue: every turn of test + val; gold = Inform 地址 values found verbatim.
- crosswoz-db: the 地址 fields of the restaurant/hotel/attraction databases, one per text.
- sgd: every utterance of the copied test files; gold = address/street_address/venue_address.
The zh sets are scored twice: as given, and with gold cut before a bracketed note.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ownlive.understand import lang as language
from ownlive.understand.doc import Doc
from ownlive.understand.extractors.address.extractor import find_addresses

Span = tuple[int, int]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SENT_AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
# What the contract counts (DESIGN.md 4.1): a street with a house number.
ZH_IN_CONTRACT = re.compile(r"(?:路|街|道|巷|胡同|里)[东南西北中]?段?[甲乙丙丁]?\d+")
EN_IN_CONTRACT = re.compile(r"^\d")


@dataclass(frozen=True, slots=True)
class Sample:
    text: str
    gold: tuple[Span, ...]
    ignore: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    samples: int
    gold: int
    predicted: int
    exact_tp: int
    relaxed_tp: int
    relaxed_found: int  # gold spans overlapped by some prediction
    seconds: float

    @staticmethod
    def prf(tp_pred: int, tp_gold: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = tp_pred / predicted if predicted else 0.0
        r = tp_gold / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self) -> str:
        ep, er, ef = self.prf(self.exact_tp, self.exact_tp, self.predicted, self.gold)
        rp, rr, rf = self.prf(self.relaxed_tp, self.relaxed_found, self.predicted, self.gold)
        rate = self.samples / self.seconds if self.seconds else 0.0
        return (
            f"{self.name:<28} n={self.samples:<6} gold={self.gold:<5} pred={self.predicted:<5} "
            f"exact P/R/F1 {ep:.3f}/{er:.3f}/{ef:.3f}  relaxed P/R/F1 {rp:.3f}/{rr:.3f}/{rf:.3f}"
            f"  {rate:,.0f} texts/s"
        )


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(name: str, samples: Sequence[Sample], find: Callable[[str], Iterable[Span]]) -> Score:
    """Score `find` on `samples`; prints one line and returns the counts."""
    gold = predicted = exact_tp = relaxed_tp = relaxed_found = 0
    started = time.perf_counter()
    predictions = [list(find(s.text)) for s in samples]
    seconds = time.perf_counter() - started
    for sample, found in zip(samples, predictions, strict=True):
        spans = [p for p in found if not any(overlaps(p, i) for i in sample.ignore)]
        gold += len(sample.gold)
        predicted += len(spans)
        exact_tp += sum(p in sample.gold for p in spans)
        relaxed_tp += sum(any(overlaps(p, g) for g in sample.gold) for p in spans)
        relaxed_found += sum(any(overlaps(p, g) for p in spans) for g in sample.gold)
    score = Score(name, len(samples), gold, predicted, exact_tp, relaxed_tp, relaxed_found, seconds)
    print(score.line(), flush=True)
    return score


def ownlive_addresses(text: str) -> list[Span]:
    """The address extractor alone, on a Doc built as the pipeline builds it."""
    primary, present = language.detect(text)
    doc = Doc(text, SENT_AT, primary, present | {primary})
    return [(e.start, e.end) for e in find_addresses(doc)]


NOTE = re.compile(r"[(（,，;；/ ]")


def trimmed(samples: list[Sample]) -> list[Sample]:
    """Gold spans cut before a bracketed note or a second part ("…93号(人民剧场对面)"):
    DESIGN.md 4.1 ends the span at the last unit written, and notes are none."""
    out = []
    for sample in samples:
        gold = []
        for start, end in sample.gold:
            note = NOTE.search(sample.text, start, end)
            gold.append((start, note.start() if note and note.start() > start else end))
        out.append(Sample(sample.text, tuple(gold), sample.ignore))
    return out


def cpca(root: Path) -> list[Sample]:
    path = root / "cpca-chinese-addresses" / "tests" / "addr.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row[0].strip() for row in csv.reader(handle) if row and row[0].strip()][1:]
    return [Sample(r, ((0, len(r)),)) for r in rows if ZH_IN_CONTRACT.search(r)]


def crosswoz_dialogue(root: Path) -> list[Sample]:
    base = root / "crosswoz" / "data" / "crosswoz"
    samples: list[Sample] = []
    for split in ("test", "val"):
        with zipfile.ZipFile(base / f"{split}.json.zip") as archive:
            dialogues = json.loads(archive.read(f"{split}.json"))
        for dialogue in dialogues.values():
            for message in dialogue["messages"]:
                text = message["content"]
                gold: list[Span] = []
                ignore: list[Span] = []
                for act in message["dialog_act"]:
                    if act[0] != "Inform" or act[2] != "地址" or not act[3]:
                        continue
                    value = str(act[3]).replace("\xa0", " ").split(" ")[0]
                    at = text.find(value)
                    if at < 0:
                        continue
                    span = (at, at + len(value))
                    (gold if ZH_IN_CONTRACT.search(value) else ignore).append(span)
                samples.append(Sample(text, tuple(gold), tuple(ignore)))
    return samples


def crosswoz_db(root: Path) -> list[Sample]:
    base = root / "crosswoz" / "data" / "crosswoz" / "database"
    samples: list[Sample] = []
    for name in ("restaurant_db.json", "hotel_db.json", "attraction_db.json"):
        for _, record in json.loads((base / name).read_text(encoding="utf-8")):
            text = str(record.get("地址") or "").strip()
            if text and ZH_IN_CONTRACT.search(text):
                samples.append(Sample(text, ((0, len(text)),)))
    return samples


def sgd(root: Path) -> list[Sample]:
    base = root / "sgd-schema-guided-dialogue" / "test"
    samples: list[Sample] = []
    for path in sorted(base.glob("dialogues_*.json")):
        for dialogue in json.loads(path.read_text(encoding="utf-8")):
            for turn in dialogue["turns"]:
                text = turn["utterance"]
                gold: set[Span] = set()
                ignore: set[Span] = set()
                for frame in turn["frames"]:
                    for slot in frame["slots"]:
                        if slot["slot"] not in ("address", "street_address", "venue_address"):
                            continue
                        span = (slot["start"], slot["exclusive_end"])
                        in_contract = EN_IN_CONTRACT.search(text[span[0] : span[1]])
                        (gold if in_contract else ignore).add(span)
                samples.append(Sample(text, tuple(sorted(gold)), tuple(sorted(ignore))))
    return samples


def main(argv: Sequence[str] = ()) -> None:
    root = Path(argv[0]) if argv else DATA
    print("address extractor (exact = same span; relaxed = overlapping span)")
    for name, load in (
        ("cpca addr.csv (recall)", cpca),
        ("crosswoz dialogues", crosswoz_dialogue),
        ("crosswoz db addresses", crosswoz_db),
        ("sgd utterances", sgd),
    ):
        try:
            samples = load(root)
        except FileNotFoundError as missing:
            print(f"{name:<28} skipped: {missing.filename} not found")
            continue
        evaluate(name, samples, ownlive_addresses)
        if not name.startswith("sgd"):
            evaluate("  notes trimmed", trimmed(samples), ownlive_addresses)


if __name__ == "__main__":
    main(sys.argv[1:])
