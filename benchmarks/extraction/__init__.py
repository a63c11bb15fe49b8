"""Entity-extraction evaluation: public gold sets, peers, metrics, one report (`make bench`).

    python -m benchmarks.extraction.run            # every set, every installed peer
    OWNLIVE_BENCH_CASES=50 python -m benchmarks.extraction.run   # quick: 50 cases per stratum

Modules: `cases` (the common Case/GoldSpan records and value helpers), `datasets`
(one loader per public set under ../shared/data), `peers` (ownlive and one adapter per
peer library, mapped to ownlive's entity types), `metrics` (P/R/F1 exact and relaxed,
value accuracy), `run` (the report).
"""
