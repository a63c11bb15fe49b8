"""`ownlive cards`, `cards refresh`, `accept`, `dismiss` through the CLI, on a real vault file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from caldav.collection import Calendar as DavCalendar

from ownlive.suggest import loop
from ownlive.vault import Vault
from tests.conftest import IngestHelper, message
from tests.suggest.conftest import SkillsOver, entity, when
from tests.suggest.radicale import PASSWORD, USER, caldav_calendar, radicale
from tests.surfaces.cli.conftest import Invoke

__all__ = ["caldav_calendar", "radicale"]  # fixtures used below

CST = timezone(timedelta(hours=8))
# The CLI runs on the real clock: the plan lies 2-3 days ahead of whenever the test runs.
SENT = datetime.now(UTC).replace(microsecond=0).astimezone(CST) - timedelta(hours=1)
EVENT = (SENT + timedelta(days=3)).replace(hour=19, minute=0, second=0)
DAY = f"{EVENT.month}月{EVENT.day}日晚上7点"
TEXT = f"{DAY}在南京西路1266号见，电话 021-62888888"
ENTITIES = [
    when(TEXT, DAY, EVENT.isoformat()),
    entity(TEXT, "address", "南京西路1266号", formatted="南京西路1266号"),
    entity(TEXT, "phone", "021-62888888", e164="+862162888888"),
]
CONSENT_ERROR = (
    "Error: consent required: 'assistant' has no active grant for scope 'messages.read' "
    "with purpose 'suggest' (no grant), "
    "grant it with: ownlive grant messages.read --to assistant --for suggest"
)


@pytest.fixture(autouse=True)
def no_calendar_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    for name in ("URL", "USERNAME", "PASSWORD", "TIMEZONE"):
        monkeypatch.delenv(f"OWNLIVE_CALDAV_{name}", raising=False)
    return config


@pytest.fixture
def one_plan(
    vault_path: Path, ingest_records: IngestHelper, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One SMS with a plan, an address and a number; the skills see the entities given here."""
    with Vault(vault_path) as vault:
        ingest_records(
            vault, [message(TEXT, at=SENT, conversation="+8613912345678")], platform="sms"
        )
    monkeypatch.setattr(loop, "offline_suggester", lambda now=None: SkillsOver({TEXT: ENTITIES}))


def listed(ownlive: Invoke, *args: str) -> list[dict[str, object]]:
    result = ownlive("cards", "--json", *args)
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output))


def test_refresh_without_a_grant_exits_3_with_the_grant_to_give(
    ownlive: Invoke, one_plan: None
) -> None:
    result = ownlive("cards", "refresh")
    assert result.exit_code == 3
    assert result.output.strip() == CONSENT_ERROR


@pytest.fixture
def refreshed(ownlive: Invoke, one_plan: None) -> dict[str, int]:
    granted = ownlive("grant", "messages.read", "--to", "assistant", "--for", "suggest", "--yes")
    assert granted.exit_code == 0, granted.output
    result = ownlive("cards", "refresh")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Read 1 new message: 3 new cards, 0 found again, 0 expired."
    return {str(c["kind"]): int(str(c["id"])) for c in listed(ownlive)}


def test_refresh_twice_reads_nothing_new(ownlive: Invoke, refreshed: dict[str, int]) -> None:
    again = ownlive("--json", "cards", "refresh")
    assert json.loads(again.output) == {
        "messages": 0,
        "new": 0,
        "merged": 0,
        "expired": 0,
        "stopped": "",
    }


def test_cards_are_listed_ranked_with_their_evidence(
    ownlive: Invoke, refreshed: dict[str, int]
) -> None:
    cards = listed(ownlive)
    # Mentioned an hour ago: the address and the number; the dinner is days away.
    assert [c["kind"] for c in cards] == ["navigate", "call", "calendar"]
    calendar = cards[2]
    assert calendar["when"] == EVENT.isoformat()
    assert calendar["messages"] == [1]
    assert calendar["status"] == "new"
    lead = EVENT - datetime.now(UTC)
    assert calendar["score"] == pytest.approx(1 / (1 + lead / timedelta(days=1)), abs=0.01)
    # Scores move with the clock between two listings: compare them approximately.
    again = json.loads(ownlive("--json", "cards").output)
    assert [{**c, "score": None} for c in again] == [{**c, "score": None} for c in cards]
    assert [c["score"] for c in again] == pytest.approx([c["score"] for c in cards], abs=1e-3)
    rows = ownlive("cards").output.splitlines()
    for kind, card_id in refreshed.items():
        assert any(row.startswith(f"│ {card_id} ") and f" {kind} " in row for row in rows), rows


def test_accept_shows_the_actions_and_dismiss_drops_a_card(
    ownlive: Invoke, refreshed: dict[str, int]
) -> None:
    accepted = ownlive("accept", str(refreshed["call"]))
    assert accepted.exit_code == 0, accepted.output
    assert accepted.output == "拨打: tel:+862162888888\n"
    dismissed = ownlive("dismiss", str(refreshed["navigate"]))
    assert dismissed.output == f"Dismissed card {refreshed['navigate']} (navigate).\n"
    assert [c["kind"] for c in listed(ownlive)] == ["calendar"]
    statuses = {c["kind"]: c["status"] for c in listed(ownlive, "--all")}
    assert statuses == {"call": "accepted", "navigate": "dismissed", "calendar": "new"}
    again = ownlive("dismiss", str(refreshed["navigate"]))
    assert again.exit_code == 2
    assert again.output.strip() == (
        f"Error: card {refreshed['navigate']} is already dismissed, "
        "list open cards with: ownlive cards"
    )


def test_accept_an_unknown_card_exits_4(ownlive: Invoke, refreshed: dict[str, int]) -> None:
    result = ownlive("accept", "99")
    assert result.exit_code == 4
    assert (
        result.output.strip() == "Error: no card with id 99, list cards with: ownlive cards --all"
    )


def test_without_caldav_a_calendar_card_becomes_an_ics_file(
    ownlive: Invoke, refreshed: dict[str, int], tmp_path: Path, no_calendar_settings: Path
) -> None:
    result = ownlive("accept", str(refreshed["calendar"]), "--ics-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    path = tmp_path / f"ownlive-card-{refreshed['calendar']}.ics"
    assert f"DTSTART;TZID=UTC+0800:{EVENT:%Y%m%dT190000}" in path.read_text(encoding="utf-8")
    config = no_calendar_settings / "ownlive" / "config.toml"
    assert result.output.splitlines() == [
        f"Wrote {path} (open it with your calendar app)",
        "Hint: to add events to your calendar directly, set url, username and password in the "
        f"[caldav] section of {config} "
        "(or OWNLIVE_CALDAV_URL, OWNLIVE_CALDAV_USERNAME, OWNLIVE_CALDAV_PASSWORD)",
    ]


def test_with_caldav_a_calendar_card_is_written_to_the_server(
    ownlive: Invoke,
    refreshed: dict[str, int],
    caldav_calendar: DavCalendar,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OWNLIVE_CALDAV_URL", str(caldav_calendar.url))
    monkeypatch.setenv("OWNLIVE_CALDAV_USERNAME", USER)
    monkeypatch.setenv("OWNLIVE_CALDAV_PASSWORD", PASSWORD)
    monkeypatch.setenv("OWNLIVE_CALDAV_TIMEZONE", "Asia/Shanghai")
    refused = ownlive("accept", str(refreshed["calendar"]))
    assert refused.exit_code == 3
    assert "grant it with: ownlive grant calendar.write --to assistant --for suggest" in (
        refused.output
    )
    ownlive("grant", "calendar.write", "--to", "assistant", "--for", "suggest", "--yes")
    accepted = ownlive("accept", str(refreshed["calendar"]))
    assert accepted.exit_code == 0, accepted.output
    (event,) = caldav_calendar.events()
    assert accepted.output == f"Added to your calendar: {event.url}\n"
    start = event.icalendar_component["dtstart"]
    assert (start.dt, start.params["TZID"]) == (EVENT, "Asia/Shanghai")
    log = json.loads(ownlive("--json", "log").output)
    assert [(e["event"], e["detail"].get("sent")) for e in log[-2:]] == [
        ("allowed", None),
        ("outbound", "1 event"),
    ]


def test_a_broken_settings_file_is_named(
    ownlive: Invoke, refreshed: dict[str, int], no_calendar_settings: Path
) -> None:
    config = no_calendar_settings / "ownlive" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[caldav]\nurl = "https://dav.example.org/"\ntimezone = "Berlin"\n')
    result = ownlive("accept", str(refreshed["calendar"]))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Error: [caldav] timezone: unknown time zone 'Berlin', {config}, "
        "use an IANA name such as Europe/Berlin"
    )
    assert ownlive("accept", str(refreshed["call"])).exit_code == 0  # other kinds need no settings


def test_no_cards_says_how_to_get_some(ownlive: Invoke, one_plan: None) -> None:
    result = ownlive("cards")
    assert result.exit_code == 0
    assert result.output == "No open cards. Read new messages with: ownlive cards refresh\n"


def test_now_option_ranks_and_expires_as_of_that_time(
    ownlive: Invoke, refreshed: dict[str, int]
) -> None:
    after = (SENT + timedelta(days=8)).isoformat()
    assert listed(ownlive, "--now", after) == []
    assert {c["status"] for c in listed(ownlive, "--all")} == {"expired"}
    bad = ownlive("cards", "--now", "tomorrowish")
    assert bad.exit_code == 2
    assert bad.output.strip().startswith("Error: not a date or time: 'tomorrowish', --now, ")
