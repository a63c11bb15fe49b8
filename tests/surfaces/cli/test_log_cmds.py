"""`ownlive log`, `log verify`, `log head` through the CLI."""

from __future__ import annotations

import json

from tests.surfaces.cli.conftest import Invoke


def test_log_lists_grants_reads_and_denials(ownlive: Invoke) -> None:
    ownlive("grant", "messages.read", "--to", "assistant", "--for", "suggest", "--yes")
    ownlive("messages", "--as", "assistant", "--for", "suggest")
    ownlive("messages", "--as", "miniprogram.x", "--for", "ads")
    entries = json.loads(ownlive("--json", "log").output)
    assert [(e["event"], e["subject"]) for e in entries] == [
        ("grant", "assistant"),
        ("read", "assistant"),
        ("denied", "miniprogram.x"),
    ]
    only = json.loads(ownlive("--json", "log", "--subject", "miniprogram.x").output)
    assert [e["seq"] for e in only] == [3]
    assert json.loads(ownlive("--json", "log", "--since", "1h").output) == entries
    table = ownlive("log")
    assert table.exit_code == 0 and "denied" in table.output


def test_head_and_witness(ownlive: Invoke) -> None:
    ownlive("grant", "facts.read", "--to", "miniprogram.food", "--for", "recommend", "--yes")
    head = ownlive("log", "head").output.strip()
    assert head.startswith("1:") and len(head) == 66
    verified = ownlive("log", "verify", "--witness", head)
    assert verified.exit_code == 0
    assert "Log verified: 1 entries" in verified.output
    bad = ownlive("log", "verify", "--witness", "1:abc")
    assert bad.exit_code == 2
    assert (
        bad.output.strip()
        == "Error: not a witness: '1:abc', --witness, use SEQ:HASH from `log head`"
    )
    missing = ownlive("log", "verify", "--witness", "5:" + "0" * 64)
    assert missing.exit_code == 6
    assert "access log broken at entry 2: entries after it are missing" in missing.output
