"""Message -> cards latency, offline: p50 and p99 per message (target p99 <= 5 ms).

Measured on realistic chat messages in zh/en/de (the demo's and the
issues' examples, with and without entities), each through `ownlive.suggest.suggest` with
`--offline` semantics (no network provider). Beside it, in the same run, the
extraction step alone, so the cost of the skills shows; and Duckling's parse
of the same messages as an outside reference for what one extraction library
costs per message (skipped when the bench extra is not installed).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from ownlive.suggest import SuggestContext, suggest
from ownlive.understand import extract

ROUNDS = 5
MESSAGES = [
    "明天晚上7点在南京西路1266号见",
    "Lust auf Thai übermorgen um halb acht?",
    "Your parcel 1Z999AA10123456784 arrives Tue",
    "LH 720 boards 13:05 at gate B44",
    "Thai food tonight?",
    "下周三下午3点开会，地点：上海市浦东新区世纪大道100号环球金融中心42楼",
    "Kommst du am Samstag zur Wohnungsbesichtigung? 11 Uhr, Torstraße 109, 10119 Berlin",
    "are we still on for dinner friday at 8pm?",
    "【顺丰速运】您的快件SF1234567890123已到达南京西路营业点，请凭取件码 6621 领取。",
    "call me at +1 415 555 0132 when you're free",
    "Dein Paket ist übrigens unterwegs, DHL Sendungsnummer 00340434161094042557",
    "会后一起去吃川菜吧，人均¥150左右",
    "ok",
    "哈哈好的",
    "See you at the station, I'll be a bit late",
    "Danke dir 🙏",
    "收到，我坐MU5101过去",
    "Boarding BA 982 tomorrow at 7:40am",
    "Bin in 10 Minuten da",
    "好的 👍 不见不散",
]
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def latencies(run: Callable[[str], object]) -> list[float]:
    found = []
    for _ in range(ROUNDS):
        for text in MESSAGES:
            started = time.perf_counter()
            run(text)
            found.append(time.perf_counter() - started)
    return found


def duckling_parser() -> Callable[[str], object] | None:
    """Duckling through the extraction benchmark's adapter (all its dimensions we use)."""
    try:
        from benchmarks.extraction.cases import Case  # noqa: PLC0415 - optional peer
        from benchmarks.extraction.peers import DUCKLING_DIMS, Duckling  # noqa: PLC0415
        from ownlive.understand.lang import detect  # noqa: PLC0415

        peer = Duckling()
    except ImportError:
        return None
    kinds = frozenset(DUCKLING_DIMS)

    def parse(text: str) -> object:
        case = Case("suggest", detect(text)[0], text, SENT, (), kinds)
        return peer.extract(case, kinds)

    return parse


def report(label: str, found: list[float]) -> None:
    ordered = sorted(found)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * len(ordered)))]
    print(
        f"{label:34} p50 {statistics.median(found) * 1000:7.3f} ms   p99 {p99 * 1000:7.3f} ms"
        f"   ({len(found)} messages)"
    )


def main() -> None:
    context = SuggestContext(offline=True)
    for text in MESSAGES:  # load lazy tables outside the measurement
        suggest(text, sent_at=SENT, context=context)
    cards = latencies(lambda text: suggest(text, sent_at=SENT, context=context))
    entities = latencies(lambda text: extract(text, sent_at=SENT))
    report("ownlive suggest --offline", cards)
    report("ownlive extract (its first step)", entities)
    duckling = duckling_parser()
    if duckling is None:
        print("duckling (reference): not installed (pip install -e '.[bench]')")
    else:
        report("duckling parse (reference)", latencies(duckling))
    ordered = sorted(cards)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * len(ordered)))]
    verdict = "PASS" if p99 <= 0.005 else "FAIL"
    print(f"target p99 <= 5 ms for message -> cards: {p99 * 1000:.3f} ms {verdict}")


if __name__ == "__main__":
    main()
