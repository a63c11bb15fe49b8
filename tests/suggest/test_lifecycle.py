"""A card's life: which cards are one (dedup keys), when the event is, when the card expires."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from ownlive.suggest.cards import Card
from ownlive.suggest.lifecycle import dedup_key, event_at, expires_at, normalise

CST = timezone(timedelta(hours=8))
CET = timezone(timedelta(hours=1))
EST = timezone(timedelta(hours=-5))
SENT = datetime(2026, 11, 20, 16, 0, tzinfo=CST)


def card(kind: str, title: str = "", **data: Any) -> Card:
    return Card(kind=kind, title=title, actions=[], evidence=[(0, 1)], data=data)


def timed(start: datetime, hours: int = 1) -> Card:
    """A calendar card as the calendar skill writes its data."""
    return card("calendar", "x", start=str(start), end=str(start + timedelta(hours=hours)))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The same instant written in Shanghai, Berlin and New York.
        (
            timed(datetime(2026, 11, 21, 20, 0, tzinfo=CST)),
            timed(datetime(2026, 11, 21, 13, 0, tzinfo=CET)),
        ),
        (
            timed(datetime(2026, 11, 21, 7, 0, tzinfo=EST)),
            timed(datetime(2026, 11, 21, 20, 0, tzinfo=CST)),
        ),
        # A longer stay at the same start is the same plan.
        (
            timed(datetime(2026, 11, 21, 19, 30, tzinfo=CET)),
            timed(datetime(2026, 11, 21, 19, 30, tzinfo=CET), 3),
        ),
        (
            card("calendar", start="2026-11-21", end="2026-11-22"),
            card("calendar", start="2026-11-21", end="2026-11-23"),
        ),
        (
            card("navigate", address={"formatted": "Kastanienallee 45, 10435 Berlin"}),
            card("navigate", address={"formatted": "kastanienallee 45 10435 BERLIN"}),
        ),
        (
            card("navigate", address={"formatted": "南京西路1266号"}),
            card("navigate", address={"formatted": "南京西路１２６６号"}),
        ),  # full-width digits
        (card("call", e164="+8613912345678"), card("call", e164="+8613912345678")),
        (
            card("track_parcel", carrier="dhl", number="00340434161094042557"),
            card("track_parcel", carrier="dhl", number="0034 0434 1610 9404 2557"),
        ),
        (
            card(
                "flight",
                code="LH720",
                when={"start": "2026-11-19T13:05:00+01:00", "grain": "minute"},
            ),
            card(
                "flight", code="LH 720", when={"start": "2026-11-19T00:00:00+01:00", "grain": "day"}
            ),
        ),
        (card("restaurants", cuisine="thai"), card("restaurants", cuisine="thai")),
        (card("weather", "Regen am Samstag"), card("weather", "regen am samstag!")),
    ],
)
def test_the_same_thing_gets_the_same_key(first: Card, second: Card) -> None:
    assert dedup_key(first, SENT) == dedup_key(second, SENT)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            timed(datetime(2026, 11, 21, 19, 0, tzinfo=CST)),
            timed(datetime(2026, 11, 21, 19, 0, tzinfo=CET)),
        ),
        (
            card("calendar", start="2026-11-21", end="2026-11-22"),
            timed(datetime(2026, 11, 21, 0, 0, tzinfo=CST)),
        ),
        (
            card("navigate", address={"formatted": "Torstraße 109"}),
            card("navigate", address={"formatted": "Torstraße 10"}),
        ),
        (card("call", e164="+4930123456"), card("call", e164="+4930123457")),
        (
            card("track_parcel", carrier="ups", number="1Z999AA10123456784"),
            card("track_parcel", carrier="dhl", number="1Z999AA10123456784"),
        ),
        (card("flight", code="MU5101"), card("flight", code="MU5102")),
        (
            card("flight", code="LH720", when={"start": "2026-11-19T13:05:00+01:00"}),
            card("flight", code="LH720", when={"start": "2026-11-26T13:05:00+01:00"}),
        ),
        (card("restaurants", cuisine="thai"), card("restaurants", cuisine="sichuan")),
        (card("call", e164="+4930123456"), card("navigate", address={"formatted": "+4930123456"})),
    ],
)
def test_different_things_get_different_keys(first: Card, second: Card) -> None:
    assert dedup_key(first, SENT) != dedup_key(second, SENT)


def test_restaurants_are_one_card_per_cuisine_and_day() -> None:
    thai = card("restaurants", cuisine="thai")
    tomorrow = SENT + timedelta(days=1)
    assert dedup_key(thai, SENT) == "restaurants:thai:2026-11-20"
    assert dedup_key(thai, tomorrow) == "restaurants:thai:2026-11-21"
    # The message's own date: 01:00 in Shanghai is still the previous day in UTC.
    late = datetime(2026, 11, 21, 1, 0, tzinfo=CST)
    assert dedup_key(thai, late) == "restaurants:thai:2026-11-21"


ALL_DAY = card(
    "calendar",
    start="2026-11-21T00:00:00+08:00",
    end="2026-11-23T00:00:00+08:00",
    all_day=True,  # as the calendar skill marks a plan without a clock time
)


def test_calendar_keys_are_utc_instants_or_days() -> None:
    assert dedup_key(timed(SENT), SENT) == "calendar:2026-11-20T08:00Z"
    assert dedup_key(card("calendar", start="2026-11-21", end="2026-11-22"), SENT) == (
        "calendar:day:2026-11-21"
    )
    # The day as the sender wrote it, though its midnight is the 20th in UTC.
    assert dedup_key(ALL_DAY, SENT) == "calendar:day:2026-11-21"


def test_an_all_day_plan_runs_from_its_first_midnight_to_its_end() -> None:
    assert event_at(ALL_DAY, SENT) == datetime(2026, 11, 21, tzinfo=CST)
    assert expires_at(ALL_DAY, SENT) == datetime(2026, 11, 23, tzinfo=CST)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baker Street 221B, London NW1 6XE", "bakerstreet221blondonnw16xe"),
        ("ＬＨ ７２０", "lh720"),
        ("Straße", "strasse"),
        ("上海市浦东新区 世纪大道100号", "上海市浦东新区世纪大道100号"),
    ],
)
def test_normalise_folds_case_width_spaces_and_punctuation(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("subject", "when", "expires"),
    [
        (
            timed(datetime(2026, 11, 21, 19, 0, tzinfo=CST)),
            datetime(2026, 11, 21, 19, 0, tzinfo=CST),
            datetime(2026, 11, 21, 20, 0, tzinfo=CST),
        ),
        # An all-day plan: from midnight in the sender's zone to the end of its last day.
        (
            card("calendar", start="2026-11-21", end="2026-11-23"),
            datetime(2026, 11, 21, 0, 0, tzinfo=CST),
            datetime(2026, 11, 23, 0, 0, tzinfo=CST),
        ),
        (
            card(
                "flight",
                code="LH720",
                when={"start": "2026-11-26T13:05:00+01:00", "grain": "minute"},
            ),
            datetime(2026, 11, 26, 13, 5, tzinfo=CET),
            datetime(2026, 11, 27, 1, 5, tzinfo=CET),
        ),
        (
            card(
                "flight", code="LH720", when={"start": "2026-11-26T00:00:00+01:00", "grain": "day"}
            ),
            datetime(2026, 11, 26, 0, 0, tzinfo=CET),
            datetime(2026, 11, 27, 12, 0, tzinfo=CET),
        ),
        (card("flight", code="MU5101", when=None), None, SENT + timedelta(days=2)),
        (
            card("track_parcel", carrier="sf", number="SF1234567890123"),
            None,
            SENT + timedelta(days=14),
        ),
        (card("restaurants", cuisine="hot_pot"), None, SENT + timedelta(days=1)),
        (card("navigate", address={"formatted": "南京西路1266号"}), None, SENT + timedelta(days=7)),
        (card("call", e164="+862162888888"), None, SENT + timedelta(days=7)),
        # As the flight skill writes `when` now: the departure as an ISO time.
        (
            card("flight", code="LH720", when="2026-11-26T13:05:00+01:00"),
            datetime(2026, 11, 26, 13, 5, tzinfo=CET),
            datetime(2026, 11, 27, 1, 5, tzinfo=CET),
        ),
        (
            card("flight", code="LH720", when="2026-11-26T00:00:00+01:00"),  # a date only
            datetime(2026, 11, 26, 0, 0, tzinfo=CET),
            datetime(2026, 11, 27, 12, 0, tzinfo=CET),
        ),
        # Data a plugin skill shaped otherwise: no time known, the kind's life from the message.
        (card("flight", code="CA931", when="next week"), None, SENT + timedelta(days=2)),
        (card("flight", code="CA931", when=42), None, SENT + timedelta(days=2)),
        (card("calendar", start="soon", end=None), None, SENT + timedelta(days=7)),
    ],
)
def test_event_time_and_expiry(subject: Card, when: datetime | None, expires: datetime) -> None:
    assert event_at(subject, SENT) == when
    assert expires_at(subject, SENT) == expires


def test_a_flight_is_one_card_whichever_way_its_day_is_written() -> None:
    as_entity = card("flight", code="LH720", when={"start": "2026-11-26T13:05:00+01:00"})
    as_iso = card("flight", code="LH 720", when="2026-11-26T13:05:00+01:00")
    undated = card("flight", code="LH720", when=None)
    assert dedup_key(as_entity, SENT) == dedup_key(as_iso, SENT) == "flight:lh720:2026-11-26"
    assert dedup_key(undated, SENT) == "flight:lh720:2026-11-20"
