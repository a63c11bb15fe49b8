"""`ownlive grant`, `revoke`, `grants`, and the reads they open up, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ownlive.vault import Vault
from tests.conftest import IngestHelper, message
from tests.surfaces.cli.conftest import Invoke


@pytest.fixture
def with_messages(vault_path: Path, ingest_records: IngestHelper) -> Path:
    with Vault(vault_path) as vault:
        ingest_records(vault, [message("周六到周日去杭州玩", conversation="c1")], platform="wechat")
        ingest_records(
            vault,
            [message("Your table for 2 is booked for 8pm", conversation="+4915112345678")],
            platform="sms",
            file_name="sms.xml",
        )
    return vault_path


def test_read_without_grant_exits_3_with_one_line(ownlive: Invoke, with_messages: Path) -> None:
    result = ownlive("messages", "--as", "assistant", "--for", "suggest")
    assert result.exit_code == 3
    assert result.output.strip() == (
        "Error: consent required: 'assistant' has no active grant for scope 'messages.read' "
        "with purpose 'suggest' (no grant), "
        "grant it with: ownlive grant messages.read --to assistant --for suggest"
    )


def test_grant_then_read_then_revoke(ownlive: Invoke, with_messages: Path) -> None:
    granted = ownlive(
        "--json", "grant", "messages.read", "--to", "assistant", "--for", "suggest", "--yes"
    )
    assert granted.exit_code == 0, granted.output
    grant = json.loads(granted.output)
    assert grant["consent_version"] == "1"
    assert "for the purpose 'suggest' only" in grant["consent_text"]
    read = ownlive("--json", "messages", "--as", "assistant", "--for", "suggest")
    assert [m["text"] for m in json.loads(read.output)] == [
        "周六到周日去杭州玩",
        "Your table for 2 is booked for 8pm",
    ]
    assert ownlive("revoke", str(grant["id"])).exit_code == 0
    assert ownlive("messages", "--as", "assistant", "--for", "suggest").exit_code == 3
    states = json.loads(ownlive("--json", "grants").output)
    assert [g["state"] for g in states] == ["revoked"]


def test_platform_narrowed_grant_via_cli(ownlive: Invoke, with_messages: Path) -> None:
    ownlive(
        "grant",
        "messages.read",
        "--to",
        "assistant",
        "--for",
        "suggest",
        "--platform",
        "sms",
        "--yes",
    )
    read = ownlive("--json", "messages", "--as", "assistant", "--for", "suggest")
    assert [m["platform"] for m in json.loads(read.output)] == ["sms"]
    refused = ownlive("messages", "--as", "assistant", "--for", "suggest", "--platform", "wechat")
    assert refused.exit_code == 3
    assert "granted only for other conversations or platforms" in refused.output


def test_once_grant_is_used_up(ownlive: Invoke, with_messages: Path) -> None:
    ownlive("grant", "messages.read", "--to", "assistant", "--for", "suggest", "--once", "--yes")
    assert ownlive("messages", "--as", "assistant", "--for", "suggest").exit_code == 0
    second = ownlive("messages", "--as", "assistant", "--for", "suggest")
    assert second.exit_code == 3
    assert "grant 1 used" in second.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["grant", "messages.raed", "--to", "a", "--for", "b", "--yes"],
            "Error: unknown scope 'messages.raed', known scopes: calendar.read, calendar.write, "
            "contacts.read, facts.read, identity.present, location.coarse, location.precise, "
            "messages.read, usage.read",
        ),
        (
            ["grant", "messages.read", "--to", "a", "--for", "b", "--until", "soon", "--yes"],
            "Error: not a date or time: 'soon', --until, use ISO 8601 (2026-12-31 or "
            "2026-12-31T18:00+01:00) or a span such as 7d, 12h, 30m",
        ),
        (
            ["grant", "messages.read", "--to", "a", "--for", "b", "--until", "2001-01-01", "--yes"],
            "Error: the expiry lies in the past, --until, give a later time",
        ),
        (
            ["grant", "messages.read", "--to", "a", "--for", "b"],
            "Error: a grant needs your confirmation, pass --yes when not at a terminal",
        ),
        (
            ["grant", "messages.read", "--to", "a", "--for", "b", "--conversation", "99", "--yes"],
            "Error: no conversation with id 99",
        ),
        (["revoke", "42"], "Error: no grant with id 42, list grants with: ownlive grants"),
        (
            ["grant", "messages.read", "--to", "a", "--for", "b", "--until", "99999999d", "--yes"],
            "Error: not a date or time: '99999999d', --until, use ISO 8601 (2026-12-31 or "
            "2026-12-31T18:00+01:00) or a span such as 7d, 12h, 30m",
        ),
    ],
)
def test_bad_grant_input_is_one_clear_line(
    ownlive: Invoke, with_messages: Path, args: list[str], expected: str
) -> None:
    result = ownlive(*args)
    assert result.exit_code != 0
    assert result.output.strip() == expected
    with Vault(with_messages) as vault:
        assert vault.grants() == []  # nothing half-written


def test_grant_until_span_sets_expiry(ownlive: Invoke, with_messages: Path) -> None:
    out = ownlive(
        "--json",
        "grant",
        "usage.read",
        "--to",
        "launcher",
        "--for",
        "rank",
        "--until",
        "12h",
        "--yes",
    )
    grant = json.loads(out.output)
    assert grant["expires_at"] is not None
    assert ownlive("--json", "grants", "--subject", "launcher").output.count('"active"') == 1
