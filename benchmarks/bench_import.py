"""Import rate and peak memory: `ownlive import` of a 1,000,000-message WhatsApp export
beside `sqlite-utils insert` of the same rows as JSON Lines into a plain table.

ownlive does more per row (format parsing, content hashes for idempotence,
conversation and participant rows, the trigram FTS index, the import's log
entry); the peer only inserts. Targets: rate >= 1.0x the peer's, peak RSS <= 300 MB.
Both run as child processes; peak RSS comes from each child's own rusage.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

MESSAGES = int(os.environ.get("OWNLIVE_BENCH_MESSAGES", "1000000"))
SENDERS = ["Mia", "Jonas Weber", "王磊", "Sam Carter"]
TEXTS = [
    "明天晚上7点在南京西路1266号见",
    "Lust auf Thai übermorgen um halb acht?",
    "Your parcel 1Z999AA10123456784 arrives Tue",
    "ok",
    "哈哈好的",
    "Bin in 10 Minuten da",
    "See you at the station, I'll be a bit late",
    "<Media omitted>",
]


def generate(txt: Path, jsonl: Path) -> None:
    rng = random.Random(7)
    start = datetime(2024, 1, 1, 8, 0)
    with txt.open("w", encoding="utf-8") as chat, jsonl.open("w", encoding="utf-8") as rows:
        for i in range(MESSAGES):
            at = start + timedelta(seconds=20 * i)
            sender = rng.choice(SENDERS)
            text = f"{rng.choice(TEXTS)} {i}"
            chat.write(f"{at:%d/%m/%Y, %H:%M} - {sender}: {text}\n")
            rows.write(
                json.dumps(
                    {"sent_at": at.isoformat(), "sender": sender, "text": text},
                    ensure_ascii=False,
                )
                + "\n"
            )


def run_child(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{args[0]} failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        txt, jsonl = folder / "WhatsApp Chat with Bench.txt", folder / "rows.jsonl"
        generate(txt, jsonl)
        env = os.environ | {"OWNLIVE_VAULT": str(folder / "vault.db"), "COLUMNS": "100"}
        ours_s, ours_mb = run_child(
            [
                sys.executable,
                "-m",
                "ownlive",
                "import",
                str(txt),
                "--format",
                "whatsapp_txt",
                "--tz",
                "Europe/Berlin",
            ],
            env,
        )
        peer = shutil.which("sqlite-utils") or str(Path(sys.executable).parent / "sqlite-utils")
        peer_s, peer_mb = run_child(
            [peer, "insert", str(folder / "peer.db"), "messages", str(jsonl), "--nl"], env
        )
    print(f"messages: {MESSAGES:,} (WhatsApp .txt {txt.name!r}, same rows as JSON Lines)")
    print(f"{'':34} {'msg/s':>10} {'seconds':>8} {'peak RSS MB':>12}")
    for label, seconds, mb in (
        ("ownlive import (FTS included)", ours_s, ours_mb),
        ("sqlite-utils insert --nl (peer)", peer_s, peer_mb),
    ):
        print(f"{label:34} {MESSAGES / seconds:>10,.0f} {seconds:>8.1f} {mb:>12.0f}")
    print(
        f"rate ratio ownlive / sqlite-utils: {peer_s / ours_s:.2f}x (target >= 1.0x); "
        f"ownlive peak RSS {ours_mb:.0f} MB (target <= 300 MB)"
    )


if __name__ == "__main__":
    main()
