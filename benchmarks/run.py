"""`make bench`: runs every benchmark module in turn and prints its figures."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = (
    "benchmarks.bench_gate",
    "benchmarks.bench_import",
    "benchmarks.bench_suggest",
    "benchmarks.extraction.run",
)


def main(selected: list[str]) -> None:
    for name in BENCHMARKS:
        if selected and not any(s in name for s in selected):
            continue
        print(f"\n== {name} ==", flush=True)
        importlib.import_module(name).main()


if __name__ == "__main__":
    main(sys.argv[1:])
