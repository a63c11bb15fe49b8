"""Entity extraction against the public gold sets, ownlive beside each peer, in one run.

Per set: P/R/F1 per type and language (exact and relaxed span), value accuracy, and
messages/s with p50/p99 latency per message for every system on the same messages. Then a
summary: F1 side by side, speed against each peer on the messages both ran, the cost of a
message without entities, and the targets (datetime F1 above every peer in every language,
throughput >= 2x Duckling, p99 <= 5 ms).

Environment: OWNLIVE_BENCH_CASES caps cases per stratum (file, language or intent;
default 300, "all" for everything); OWNLIVE_BENCH_DATA points at the data folder (default
../shared/data); OWNLIVE_BENCH_PEERS=none skips the peers; OWNLIVE_BENCH_EXTRACTORS
(comma-separated modules) imports extractor modules not yet registered as built-ins.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

from benchmarks.extraction import report
from benchmarks.extraction.cases import DEFAULT_REFERENCE, Case, LoadedSet, Pred
from benchmarks.extraction.datasets import DEFAULT_ROOT, SETS
from benchmarks.extraction.metrics import Counts, score_case
from benchmarks.extraction.peers import Ours, System, load_peers
from ownlive.understand.lang import detect

DEFAULT_CASES = 300


@dataclass
class SetResult:
    loaded: LoadedSet
    # (system, type, lang) -> counts
    counts: dict[tuple[str, str, str], Counts] = field(default_factory=dict)
    # system -> case index -> seconds (for comparisons on the same messages)
    by_case: dict[str, dict[int, float]] = field(default_factory=dict)
    # the same in process CPU time: what the wall clock would show on an idle machine
    cpu_by_case: dict[str, dict[int, float]] = field(default_factory=dict)
    errors: dict[str, dict[str, int]] = field(default_factory=dict)  # system -> error type


def case_limit() -> int | None:
    raw = os.environ.get("OWNLIVE_BENCH_CASES", str(DEFAULT_CASES)).strip().lower()
    if raw in ("all", "0", ""):
        return None
    if not raw.isdigit():
        raise SystemExit(f"OWNLIVE_BENCH_CASES: {raw!r} is not a number or 'all'")
    return int(raw)


def trimmed(pred: Pred, text: str) -> Pred:
    """The prediction without surrounding white space (some peers keep a trailing blank)."""
    part = text[pred.start : pred.end]
    start = pred.start + len(part) - len(part.lstrip())
    end = max(start, pred.end - (len(part) - len(part.rstrip())))
    return pred if (start, end) == (pred.start, pred.end) else replace(pred, start=start, end=end)


def run_system(system: System, cases: list[Case], result: SetResult) -> None:
    clock, cpu = time.perf_counter, time.process_time
    by_case = result.by_case.setdefault(system.name, {})
    cpu_by_case = result.cpu_by_case.setdefault(system.name, {})
    for index, case in enumerate(cases):
        kinds = frozenset(k for k in case.types if system.supports(k, case.lang))
        if not kinds:
            continue
        started, cpu_started = clock(), cpu()
        try:
            preds: list[Pred] = system.extract(case, kinds)
        except Exception as error:  # a system's crash on one message is counted, not fatal
            preds = []
            kinds_seen = result.errors.setdefault(system.name, {})
            kinds_seen[type(error).__name__] = kinds_seen.get(type(error).__name__, 0) + 1
        elapsed, cpu_elapsed = clock() - started, cpu() - cpu_started
        preds = [trimmed(p, case.text) for p in preds]
        by_case[index], cpu_by_case[index] = elapsed, cpu_elapsed
        for kind, counts in score_case(case, preds, kinds).items():
            key = (system.name, kind, case.lang)
            result.counts.setdefault(key, Counts()).add(counts)


def run_set(loaded: LoadedSet, systems: list[System]) -> SetResult:
    result = SetResult(loaded)
    for system in systems:
        run_system(system, loaded.cases, result)
    return result


FAST_PATH = [
    "ok",
    "哈哈好的",
    "收到，谢谢！",
    "我到了，你在哪儿？",
    "今天好累啊",
    "See you soon!",
    "lol that's hilarious",
    "Thanks, sounds good to me",
    "I'll be a bit late, sorry",
    "Can you send me the photos?",
    "Alles klar, danke dir!",
    "Bin gleich da",
    "Hast du die Fotos noch?",
    "Super, freu mich!",
    "<Media omitted>",
]


def fast_path(systems: list[System], budget: float = 1.0) -> dict[str, float]:
    """Mean seconds per entity-free message: passes over FAST_PATH for about `budget` s."""
    cases = [
        Case("fast", detect(t)[0], t, DEFAULT_REFERENCE, (), frozenset(report.TYPES))
        for t in FAST_PATH
    ]
    costs: dict[str, float] = {}
    for system in systems:
        prepared = [(c, frozenset(k for k in c.types if system.supports(k, c.lang))) for c in cases]
        prepared = [(c, k) for c, k in prepared if k]
        if not prepared:
            continue
        started, rounds = time.perf_counter(), 0
        while rounds < 1000 and (rounds == 0 or time.perf_counter() - started < budget):
            for case, kinds in prepared:
                system.extract(case, kinds)
            rounds += 1
        costs[system.name] = (time.perf_counter() - started) / (rounds * len(prepared))
    return costs


def main() -> None:
    warnings.filterwarnings("ignore")  # peers' deprecation chatter would bury the tables
    limit = case_limit()
    root = Path(os.environ.get("OWNLIVE_BENCH_DATA", DEFAULT_ROOT))
    started = time.perf_counter()
    modules = os.environ.get("OWNLIVE_BENCH_EXTRACTORS", "")
    ours = Ours(tuple(m.strip() for m in modules.split(",") if m.strip()))
    systems: list[System] = [ours]
    peers = [] if os.environ.get("OWNLIVE_BENCH_PEERS") == "none" else load_peers()
    report.header(root, limit, [ours, *peers])
    systems += [p for p in peers if p.available]
    for system in systems:
        system.warm()
    results: list[SetResult] = []
    for _name, loader in SETS:
        loaded = loader(root, limit)
        if not loaded.available:
            report.unavailable(loaded)
            continue
        result = run_set(loaded, systems)
        report.print_set(result, systems)
        results.append(result)
        sys.stdout.flush()
    report.summary(results, systems, fast_path(systems))
    print(f"\n(run took {time.perf_counter() - started:.0f} s; {report.load()})")


if __name__ == "__main__":
    main()
