"""`ownlive forget` and `ownlive sources` through the CLI, against a real vault file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ownlive.surfaces.cli import erase_cmds
from ownlive.vault import Vault
from tests.conftest import IngestHelper, message
from tests.surfaces.cli.conftest import Invoke

ONE_TARGET = "pass exactly one of --message ID, --conversation ID, --source ID, --everything"


@pytest.fixture
def filled(vault_path: Path, ingest_records: IngestHelper) -> Path:
    with Vault(vault_path) as vault:
        ingest_records(
            vault,
            [
                message("周六去饕餮鲲鹏楼吃火锅", conversation="wx-1", sender="li"),
                message("Lust auf Thai im Grüßäöfrümpel?", conversation="wx-2", sender="jonas"),
            ],
            platform="wechat",
            file_name="wechat.csv",
        )
        ingest_records(
            vault,
            [message("Your table at Zwqvorbilux is booked for 8pm", conversation="+15550100")],
            platform="sms",
            file_name="sms.xml",
        )
    return vault_path


def texts(vault_path: Path) -> list[str]:
    with Vault(vault_path) as vault:
        vault.grant("messages.read", subject="test", purpose="check")
        with vault.session(subject="test", purpose="check") as s:
            return [m.text for m in s.messages()]


def test_forget_a_message(ownlive: Invoke, filled: Path) -> None:
    result = ownlive("forget", "--message", "1", "--yes")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Forgot message 1: 1 message."
    assert not any("饕餮" in t for t in texts(filled))
    assert "饕餮".encode() not in filled.read_bytes()


def test_forget_everything_says_what_went(ownlive: Invoke, filled: Path) -> None:
    with Vault(filled) as vault:
        vault._conn.execute(
            "INSERT INTO entities (message_id, type, start, end, text, value) "
            "VALUES (1, 'cuisine', 8, 10, '火锅', '{\"cuisine\": \"hot_pot\"}')"
        )
    result = ownlive("forget", "--everything", "--yes")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "Forgot everything: 1 entity, 3 messages, 3 participants, 3 conversations, 2 sources."
    )


@pytest.mark.parametrize(
    ("args", "target", "messages", "left"),
    [
        (["--conversation", "2"], "conversation", 1, 2),
        (["--source", "1"], "source", 2, 1),
        (["--everything"], "everything", 3, 0),
    ],
)
def test_forget_reports_counts_as_json(
    ownlive: Invoke, filled: Path, args: list[str], target: str, messages: int, left: int
) -> None:
    result = ownlive("--json", "forget", *args, "--yes")
    assert result.exit_code == 0, result.output
    done = json.loads(result.output)
    assert (done["target"], done["removed"]["messages"]) == (target, messages)
    assert done["rows"] == sum(done["removed"].values())
    assert len(texts(filled)) == left


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--message", "99"],
            "Error: no message with id 99, find ids with: ownlive messages --as cli --for browse",
        ),
        (
            ["--conversation", "99"],
            "Error: no conversation with id 99, list them with: ownlive conversations",
        ),
        (["--source", "99"], "Error: no source with id 99, list them with: ownlive sources"),
    ],
)
def test_unknown_id_is_one_line_and_exit_4(
    ownlive: Invoke, filled: Path, args: list[str], line: str
) -> None:
    result = ownlive("forget", *args, "--yes")
    assert result.exit_code == 4
    assert result.output.strip() == line
    assert len(texts(filled)) == 3


@pytest.mark.parametrize(
    ("args", "what"),
    [
        ([], "say what to forget"),
        (["--message", "1", "--everything"], "forget one thing at a time"),
        (["--conversation", "1", "--source", "1"], "forget one thing at a time"),
    ],
)
def test_exactly_one_target(ownlive: Invoke, filled: Path, args: list[str], what: str) -> None:
    result = ownlive("forget", *args, "--yes")
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {what}, {ONE_TARGET}"


def test_without_yes_off_a_terminal_nothing_is_forgotten(ownlive: Invoke, filled: Path) -> None:
    result = ownlive("forget", "--everything")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "Error: forgetting needs your confirmation, pass --yes when not at a terminal"
    )
    assert len(texts(filled)) == 3


@pytest.mark.parametrize(("answer", "left"), [("n\n", 3), ("y\n", 1)])
def test_at_a_terminal_it_asks(
    ownlive: Invoke, filled: Path, monkeypatch: pytest.MonkeyPatch, answer: str, left: int
) -> None:
    monkeypatch.setattr(erase_cmds, "at_terminal", lambda: True)
    result = ownlive("forget", "--source", "1", input=answer)
    assert "Forget source 1 (2 messages)? This cannot be undone." in result.output
    assert result.exit_code == (1 if answer == "n\n" else 0)
    assert len(texts(filled)) == left


def test_sources_lists_counts_only(ownlive: Invoke, filled: Path) -> None:
    listed = json.loads(ownlive("--json", "sources").output)
    assert [
        (s["id"], s["platform"], s["format"], s["file_name"], s["messages"]) for s in listed
    ] == [(1, "wechat", "wechat_test", "wechat.csv", 2), (2, "sms", "sms_test", "sms.xml", 1)]
    table = ownlive("sources").output
    assert "wechat.csv" in table and "饕餮" not in table
    ownlive("forget", "--source", "1", "--yes")
    assert [s["file_name"] for s in json.loads(ownlive("--json", "sources").output)] == ["sms.xml"]


def test_the_erase_shows_in_the_log_without_ids(ownlive: Invoke, filled: Path) -> None:
    ownlive("forget", "--conversation", "1", "--yes")
    entry = json.loads(ownlive("--json", "log").output)[-1]
    assert (entry["event"], entry["detail"]) == ("erase", {"target": "conversation", "rows": 3})
    assert ownlive("log", "verify").exit_code == 0


def test_grants_narrowed_to_a_forgotten_conversation_are_revoked(
    ownlive: Invoke, filled: Path
) -> None:
    ownlive(
        "grant", "messages.read", "--to", "bot", "--for", "reply", "--conversation", "3", "--yes"
    )
    result = ownlive("forget", "--conversation", "3", "--yes")
    assert result.output.splitlines() == [
        "Forgot conversation 3: 1 message, 1 participant, 1 conversation.",
        "Revoked 1 grant limited to a conversation now gone.",
    ]
    assert [g["state"] for g in json.loads(ownlive("--json", "grants").output)] == ["revoked"]
