"""Accept and dismiss: a calendar card reaches a real CalDAV server only with the user's grant."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from caldav.collection import Calendar as DavCalendar

from ownlive.errors import ConsentRequired, UsageError
from ownlive.suggest import actions, loop
from ownlive.suggest.caldav_writer import CalDavError
from ownlive.vault import Vault
from ownlive.vault import cards as stored
from tests.conftest import Clock, IngestHelper, assert_access_logged, message
from tests.suggest.conftest import SkillsOver, entity, when
from tests.suggest.radicale import caldav_calendar, radicale, settings_for

__all__ = ["caldav_calendar", "radicale"]  # fixtures used below

CST = timezone(timedelta(hours=8))
TEXT = "明天晚上7点在南京西路1266号见，电话 021-62888888"
SENT = datetime(2026, 11, 20, 16, 0, tzinfo=CST)
ENTITIES = [
    when(TEXT, "明天晚上7点", "2026-11-21T19:00:00+08:00"),
    entity(TEXT, "address", "南京西路1266号", formatted="南京西路1266号"),
    entity(TEXT, "phone", "021-62888888", e164="+862162888888"),
]


@pytest.fixture
def cards(suggest_grant: Vault, ingest_records: IngestHelper) -> dict[str, int]:
    """The cards of one message: calendar, navigate, call; their ids by kind."""
    ingest_records(suggest_grant, [message(TEXT, at=SENT)], platform="sms")
    loop.refresh(suggest_grant, suggester=SkillsOver({TEXT: ENTITIES}))
    return {c.kind: c.id for c in stored.list_cards(suggest_grant)}


def test_accepting_a_calendar_card_writes_the_event_with_the_grant(
    suggest_grant: Vault, cards: dict[str, int], caldav_calendar: DavCalendar, tmp_path: Path
) -> None:
    vault = suggest_grant
    grant = vault.grant("calendar.write", subject="assistant", purpose="suggest")
    settings = settings_for(caldav_calendar)
    outcome = actions.accept(vault, cards["calendar"], ics_dir=tmp_path, settings=lambda: settings)

    (event,) = caldav_calendar.events()
    assert outcome.event_url == str(event.url)
    start = event.icalendar_component["dtstart"]
    assert start.dt == datetime(2026, 11, 21, 19, 0, tzinfo=CST)
    assert start.dt.utcoffset() == timedelta(hours=8)
    assert start.params["TZID"] == "UTC+0800"
    assert str(event.icalendar_component["uid"]) == actions.event_uid(outcome.card)
    assert (outcome.card.status, outcome.card.result) == ("accepted", outcome.event_url)
    assert_access_logged(
        vault,
        [("allowed", "assistant", "calendar.write"), ("outbound", "assistant", "calendar.write")],
    )
    allowed, sent = vault.log_entries()[-2:]
    assert (allowed.grant_id, allowed.detail) == (grant.id, {"action": "write 1 event"})
    assert (sent.grant_id, sent.detail) == (
        grant.id,
        {"destination": settings.host, "sent": "1 event"},
    )
    assert stored.feedback(vault) == {"calendar": (1, 0)}
    assert list(tmp_path.glob("*.ics")) == []
    assert vault.verify_log().ok


def test_without_the_write_grant_nothing_is_sent(
    suggest_grant: Vault, cards: dict[str, int], caldav_calendar: DavCalendar, tmp_path: Path
) -> None:
    settings = settings_for(caldav_calendar)
    with pytest.raises(ConsentRequired) as refused:
        actions.accept(
            suggest_grant, cards["calendar"], ics_dir=tmp_path, settings=lambda: settings
        )
    assert refused.value.fix == (
        "grant it with: ownlive grant calendar.write --to assistant --for suggest"
    )
    assert caldav_calendar.events() == []
    assert stored.get(suggest_grant, cards["calendar"]).status == "new"
    assert_access_logged(suggest_grant, [("denied", "assistant", "calendar.write")])


def test_a_server_error_leaves_the_card_open_and_logs_nothing_sent(
    suggest_grant: Vault, cards: dict[str, int], caldav_calendar: DavCalendar, tmp_path: Path
) -> None:
    suggest_grant.grant("calendar.write", subject="assistant", purpose="suggest")
    settings = settings_for(caldav_calendar, password="wrong")
    with pytest.raises(CalDavError):
        actions.accept(
            suggest_grant, cards["calendar"], ics_dir=tmp_path, settings=lambda: settings
        )
    assert stored.get(suggest_grant, cards["calendar"]).status == "new"
    assert_access_logged(suggest_grant, [("allowed", "assistant", "calendar.write")])
    assert stored.feedback(suggest_grant) == {}


def test_without_a_calendar_the_event_goes_to_an_ics_file(
    suggest_grant: Vault, cards: dict[str, int], tmp_path: Path
) -> None:
    outcome = actions.accept(
        suggest_grant, cards["calendar"], ics_dir=tmp_path, settings=lambda: None
    )
    assert outcome.ics_file == tmp_path / f"ownlive-card-{cards['calendar']}.ics"
    document = outcome.ics_file.read_text(encoding="utf-8")
    assert "DTSTART;TZID=UTC+0800:20261121T190000" in document
    assert "BEGIN:VTIMEZONE" in document
    assert outcome.ics_file.stat().st_mode & 0o777 == 0o600
    assert outcome.hint is not None and "[caldav]" in outcome.hint
    assert outcome.card.result == str(outcome.ics_file)
    assert suggest_grant.log_entries()[-1].event == "read"  # nothing sent, nothing to log


@pytest.mark.parametrize(
    ("kind", "uris"),
    [
        (
            "navigate",
            [
                "geo:0,0?q=%E5%8D%97%E4%BA%AC%E8%A5%BF%E8%B7%AF1266%E5%8F%B7",
                "https://uri.amap.com/search?keyword=%E5%8D%97%E4%BA%AC%E8%A5%BF%E8%B7%AF1266%E5%8F%B7",
            ],
        ),
        ("call", ["tel:+862162888888"]),
    ],
)
def test_accepting_other_cards_gives_their_actions_and_reads_no_settings(
    suggest_grant: Vault, cards: dict[str, int], tmp_path: Path, kind: str, uris: list[str]
) -> None:
    def broken() -> None:
        raise AssertionError("settings are read only for calendar cards")

    outcome = actions.accept(suggest_grant, cards[kind], ics_dir=tmp_path, settings=broken)
    assert outcome.uris == uris
    assert outcome.card.status == "accepted"
    assert (outcome.event_url, outcome.ics_file) == (None, None)


def test_dismiss_then_accept_is_refused(
    suggest_grant: Vault, cards: dict[str, int], tmp_path: Path
) -> None:
    assert actions.dismiss(suggest_grant, cards["call"]).status == "dismissed"
    with pytest.raises(UsageError) as again:
        actions.accept(suggest_grant, cards["call"], ics_dir=tmp_path, settings=lambda: None)
    assert again.value.render() == (
        f"card {cards['call']} is already dismissed, list open cards with: ownlive cards"
    )


def test_a_card_past_its_time_cannot_be_accepted(
    suggest_grant: Vault, cards: dict[str, int], clock: Clock, tmp_path: Path
) -> None:
    clock.current = datetime(2026, 11, 21, 20, 0, tzinfo=CST)
    with pytest.raises(UsageError, match=f"card {cards['calendar']} is already expired"):
        actions.accept(suggest_grant, cards["calendar"], ics_dir=tmp_path, settings=lambda: None)
    assert stored.get(suggest_grant, cards["calendar"]).status == "expired"
    assert list(tmp_path.glob("*.ics")) == []


def test_a_missing_ics_folder_is_named(
    suggest_grant: Vault, cards: dict[str, int], tmp_path: Path
) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(UsageError) as bad:
        actions.accept(suggest_grant, cards["calendar"], ics_dir=missing, settings=lambda: None)
    assert (
        bad.value.render() == f"the folder does not exist, {missing}, create it or pass --ics-dir"
    )
    assert stored.get(suggest_grant, cards["calendar"]).status == "new"


def test_end_to_end_a_message_becomes_an_event_on_the_server(
    suggest_grant: Vault,
    ingest_records: IngestHelper,
    caldav_calendar: DavCalendar,
    tmp_path: Path,
) -> None:
    """The real extractors and skills, the gate, the vault and a real CalDAV server."""
    text = "明天晚上7点在南京西路1266号恒隆广场见，吃火锅？"
    ingest_records(suggest_grant, [message(text, at=SENT)], platform="sms")
    suggest_grant.grant("calendar.write", subject="assistant", purpose="suggest")
    loop.refresh(suggest_grant)
    (calendar,) = [r.card for r in loop.ranked(suggest_grant) if r.card.kind == "calendar"]
    settings = settings_for(caldav_calendar, timezone="Asia/Shanghai")
    outcome = actions.accept(
        suggest_grant, calendar.id, ics_dir=tmp_path, settings=lambda: settings
    )
    (event,) = caldav_calendar.events()
    assert outcome.event_url == str(event.url)
    start = event.icalendar_component["dtstart"]
    assert (start.dt, start.params["TZID"]) == (
        datetime(2026, 11, 21, 19, 0, tzinfo=CST),
        "Asia/Shanghai",
    )
    assert str(event.icalendar_component["summary"]) == text
