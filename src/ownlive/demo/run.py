"""Runs the demo: the real CLI, commands shown as a user would type them.

The sample exports in `data/` were written for ownlive (WhatsApp, Telegram,
SMS Backup & Restore, WeChat via PyWxDump) in English, German and Chinese;
they are imported through the real importers.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.rule import Rule

console = Console(highlight=False)
DEMO_DIR = Path(".ownlive")
VAULT = DEMO_DIR / "vault.db"
# Formats without a time zone are read in the zone of the phone that wrote them.
SAMPLE_ZONES = {"sms-20261120.xml": "Asia/Shanghai", "wechat-陈静.csv": "Asia/Shanghai"}
# The samples were exported on the evening of 20 November 2026: cards are ranked
# and expired as of then, so the demo shows the same cards on whatever day it runs.
DEMO_NOW = "2026-11-20T22:00:00+08:00"


def ownlive(*args: str, expect_failure: bool = False) -> None:
    console.print(f"[bold cyan]$ ownlive {shlex.join(args)}[/]")
    env = os.environ | {"OWNLIVE_VAULT": str(VAULT), "COLUMNS": os.environ.get("COLUMNS", "120")}
    env.pop("OWNLIVE_PASSPHRASE", None)
    # Our own interpreter and our own fixed arguments: nothing untrusted reaches the call.
    done = subprocess.run([sys.executable, "-m", "ownlive", *args], env=env, check=False)  # noqa: S603
    if (done.returncode != 0) != expect_failure:
        console.print(f"[red]demo step failed with exit code {done.returncode}[/]")
        sys.exit(1)
    console.print()


def main() -> None:
    DEMO_DIR.mkdir(exist_ok=True)
    for leftover in DEMO_DIR.glob("vault.db*"):
        leftover.unlink()  # each demo starts from an empty vault
    samples = resources.files("ownlive.demo") / "data"
    console.print(Rule("1. Import your own exports (they never leave this machine)"))
    with resources.as_file(samples) as folder:
        for sample in sorted(folder.iterdir(), key=lambda p: p.name):
            if sample.is_file():
                ownlive(
                    "import", str(sample), "--tz", SAMPLE_ZONES.get(sample.name, "Europe/Berlin")
                )
        console.print(Rule("Re-importing adds nothing twice"))
        ownlive("import", str(folder / "sms-20261120.xml"), "--tz", "Asia/Shanghai")
    ownlive("status")

    console.print(Rule("2. Nothing reads your data without a grant"))
    ownlive("messages", "--as", "assistant", "--for", "suggest", expect_failure=True)

    console.print(Rule("3. Grant the assistant your SMS only, for suggestions only"))
    ownlive(
        "grant",
        "messages.read",
        "--to",
        "assistant",
        "--for",
        "suggest",
        "--platform",
        "sms",
        "--until",
        "30d",
        "--yes",
    )
    ownlive("messages", "--as", "assistant", "--for", "suggest")
    ownlive("grants")

    console.print(Rule("4. Every read, denial and grant is in the tamper-evident log"))
    ownlive("log")
    ownlive("log", "verify")

    console.print(Rule("5. Suggestions: the assistant reads your messages through the same gate"))
    ownlive("cards", "refresh", "--now", DEMO_NOW)  # the grant of step 3: your SMS only
    ownlive("grant", "messages.read", "--to", "assistant", "--for", "suggest", "--yes")
    ownlive("cards", "refresh", "--now", DEMO_NOW)  # now the chats too; no SMS is read twice
    ownlive("cards", "--now", DEMO_NOW)

    console.print(Rule("Next"))
    console.print(
        f"The demo vault is {VAULT}. Try:\n"
        f"  export OWNLIVE_VAULT={VAULT}\n"
        "  .venv/bin/ownlive grant messages.read --to cli --for browse --yes\n"
        "  .venv/bin/ownlive messages --search 火锅\n"
        f"  .venv/bin/ownlive cards --all --now {DEMO_NOW}\n"
        "  .venv/bin/ownlive accept ID   # a calendar card goes to your calendar\n"
        "  .venv/bin/ownlive revoke 1 && .venv/bin/ownlive log\n"
        "  .venv/bin/ownlive export my-vault.zip\n"
        "  .venv/bin/ownlive forget --conversation 1 --yes\n"
        "  .venv/bin/ownlive --help"
    )


if __name__ == "__main__":
    main()
