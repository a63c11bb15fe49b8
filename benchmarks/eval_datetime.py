"""Datetime extractor against public gold sets: P/R/F1 per language, value accuracy.

    .venv/bin/python -m benchmarks.eval_datetime [--misses N] [DATA_ROOT]

`evaluate(cases, find)` is the reusable part: cases are `benchmarks.extraction` `Case`
records (text, reference time, gold spans with accepted values), `find(text, reference,
lang)` returns predicted `Pred`s; the result is `Counts` per language (exact and relaxed
span P/R/F1, end-to-end value accuracy) as `benchmarks.extraction.metrics` defines them,
plus the cases that went wrong, for reading. Sets (read by path, never copied):

- rt-specs: Recognizers-Text DateTimeModel specs (zh/en/de). Their span conventions
  differ from DESIGN.md 4.1 (they keep "from", "at", "am"; they extract durations as
  their own type, which are skipped here), so exact span is strict; relaxed is the
  fairer figure. Values: their past and future readings are both accepted.
- ctparse: expressions alone (de/en), with resolved gold; the gold span is the whole
  text, leading "am"/"on" included.
- snips, sgd: English assistant and dialogue utterances with timeRange / date and time
  slot spans (no values); their slots keep "at"/"on" and name vague times ("this
  evening" in SNIPS is a time range), so relaxed span is the figure to read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks.extraction.cases import Case, Pred
from benchmarks.extraction.datasets import DEFAULT_ROOT, load_ctparse, load_rt_specs
from benchmarks.extraction.datasets_dialogue import load_sgd, load_snips
from benchmarks.extraction.metrics import Counts, score_case
from ownlive.understand.doc import Doc
from ownlive.understand.extractors.datetime.extractor import find_datetimes
from ownlive.understand.lang import detect

Find = Callable[[str, datetime, str], list[Pred]]
KIND = "datetime"


def ownlive_find(text: str, reference: datetime, lang: str) -> list[Pred]:
    """The datetime extractor alone, with the case's language as primary."""
    _, present = detect(text)
    doc = Doc(text, reference, lang, present | {lang})
    return [Pred(KIND, e.start, e.end, dict(e.value)) for e in find_datetimes(doc)]


@dataclass
class Result:
    counts: dict[str, Counts] = field(default_factory=dict)  # per language
    wrong: list[tuple[Case, list[Pred], Counts]] = field(default_factory=list)


def evaluate(cases: Iterable[Case], find: Find = ownlive_find) -> Result:
    """Score `find` on the cases, per language; keep the cases with any error."""
    result = Result()
    for case in cases:
        preds = find(case.text, case.reference_time, case.lang)
        counts = score_case(case, preds, (KIND,))[KIND]
        result.counts.setdefault(case.lang, Counts()).add(counts)
        exact_all = counts.exact == counts.gold == counts.pred
        if not exact_all or counts.value_ok < counts.valued:
            result.wrong.append((case, preds, counts))
    return result


def _pct(x: float | None) -> str:
    return "   -" if x is None else f"{100 * x:5.1f}"


def table(name: str, result: Result) -> str:
    lines = [f"{name}", "  lang  gold  pred  | exact P    R    F1 | relaxed P    R    F1 | value"]
    for lang in sorted(result.counts):
        c = result.counts[lang]
        ep, er, ef = c.prf(relaxed=False)
        rp, rr, rf = c.prf(relaxed=True)
        lines.append(
            f"  {lang:4} {c.gold:5} {c.pred:5}  | {_pct(ep)} {_pct(er)} {_pct(ef)} |"
            f"   {_pct(rp)} {_pct(rr)} {_pct(rf)} | {_pct(c.value_accuracy())}"
        )
    return "\n".join(lines)


def _show(case: Case, preds: list[Pred]) -> str:
    gold = [(g.text, (g.value or {}).get("start")) for g in case.gold if g.type == KIND]
    got = [(case.text[p.start : p.end], p.value.get("start"), p.value.get("grain")) for p in preds]
    ref = f"{case.reference_time:%Y-%m-%d %H:%M}"
    return f"[{case.lang}] {case.text!r} ref={ref}\n  gold {gold}\n  got  {got}"


def main(argv: list[str]) -> None:
    misses = 0
    if "--misses" in argv:
        at = argv.index("--misses")
        misses = int(argv[at + 1])
        del argv[at : at + 2]
    root = Path(argv[0]) if argv else DEFAULT_ROOT
    loaders = (load_rt_specs, load_ctparse, load_snips, load_sgd)
    for loaded in (load(root, None) for load in loaders):
        if not loaded.available:
            print(f"{loaded.name}: {'; '.join(loaded.notes)}")
            continue
        cases = [c for c in loaded.cases if KIND in c.types]
        result = evaluate(cases)
        print(table(f"{loaded.name} ({len(cases)} cases)", result))
        for case, preds, _ in result.wrong[:misses]:
            print(_show(case, preds))


if __name__ == "__main__":
    main(sys.argv[1:])
