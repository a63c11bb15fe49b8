"""A card's life in the vault: what makes two cards one, when its event is, when it expires.

Dedup keys name the thing a card is about, so that the same plan, address or
parcel mentioned in several messages (and chats) is one card with several
pieces of evidence:

| kind | key |
| --- | --- |
| calendar | the start instant in UTC (a date for an all-day plan) |
| flight | the flight code and its date (the message's date when none is given) |
| restaurants | the cuisine and the date the message was sent |
| navigate | the address, normalised (case, width, spaces and punctuation folded) |
| call | the E.164 number |
| track_parcel | the carrier and the number |
| others | the kind and the normalised title |

A calendar key is the instant alone, not the message's words: the three
messages about one dinner share no wording ("dinner Friday at 8?", "8 works",
"see you at 8"), and two plans at one instant are one slot in the user's
day, for which two cards would ask them to book themselves twice.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ownlive.suggest.cards import Card

DEFAULT_LIFE = timedelta(days=7)  # an address or a number stays useful for a week
LIFETIMES = {
    "track_parcel": timedelta(days=14),  # most parcels arrive within two weeks of the notice
    "restaurants": timedelta(days=1),  # "Thai tonight?" is about that evening
    "weather": timedelta(days=1),
}
FLIGHT_OVER = timedelta(hours=12)  # after departure: arrived, even long-haul
FLIGHT_UNDATED = timedelta(days=2)


def normalise(text: str) -> str:
    """Case, width, spaces and punctuation folded: "Kastanienallee 45," == "kastanienallee45"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def _instant(value: Any, sent_at: datetime, all_day: bool = False) -> datetime | date | None:
    """A datetime, or a date for an all-day plan; naive times take the message's offset.

    None for a value that is no ISO time: a plugin skill's data may be shaped
    otherwise, and a card without a known time still gets a key and a life.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if all_day or len(str(value)) == 10:  # flagged, or written as YYYY-MM-DD
        return parsed.date()
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=sent_at.tzinfo)


def _plan(card: Card, field: str, sent_at: datetime) -> datetime | date | None:
    return _instant(card.data.get(field), sent_at, bool(card.data.get("all_day")))


def _at_midnight(day: date, sent_at: datetime) -> datetime:
    return datetime.combine(day, time(0), tzinfo=sent_at.tzinfo)


def _utc_key(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    return "day:" + moment.isoformat()


def _flight_when(card: Card) -> tuple[Any, bool]:
    """The flight's departure as written in its data, and whether only its date is known.

    The flight skill writes `when` as an ISO time; a `{"start", "grain"}` value
    (the datetime entity's) is read too. Without a grain, midnight means a date.
    """
    when = card.data.get("when")
    if isinstance(when, dict):
        return when.get("start"), when.get("grain") in ("day", "month", "year")
    return when, isinstance(when, str) and when[11:19] in ("", "00:00:00")


def _flight_day(card: Card, sent_at: datetime) -> date:
    start = _instant(_flight_when(card)[0], sent_at)
    if start is None:
        return sent_at.date()
    return start.date() if isinstance(start, datetime) else start


def dedup_key(card: Card, sent_at: datetime) -> str:
    data = card.data
    if card.kind == "calendar" and data.get("start"):
        start = _plan(card, "start", sent_at)
        if start is not None:
            return f"calendar:{_utc_key(start)}"
    if card.kind == "flight" and data.get("code"):
        return f"flight:{normalise(str(data['code']))}:{_flight_day(card, sent_at).isoformat()}"
    if card.kind == "restaurants" and data.get("cuisine"):
        return f"restaurants:{data['cuisine']}:{sent_at.date().isoformat()}"
    if card.kind == "navigate" and isinstance(data.get("address"), dict):
        formatted = data["address"].get("formatted")
        if formatted:
            return f"navigate:{normalise(str(formatted))}"
    if card.kind == "call" and data.get("e164"):
        return f"call:{data['e164']}"
    if card.kind == "track_parcel" and data.get("number"):
        return f"track_parcel:{data.get('carrier', '')}:{normalise(str(data['number']))}"
    return f"{card.kind}:{normalise(card.title)}"


def event_at(card: Card, sent_at: datetime) -> datetime | None:
    """When the card's event takes place (an all-day plan: its midnight), if it has one."""
    if card.kind == "calendar":
        start = _plan(card, "start", sent_at)
    elif card.kind == "flight":
        start = _instant(_flight_when(card)[0], sent_at)
    else:
        return None
    if start is None:
        return None
    return start if isinstance(start, datetime) else _at_midnight(start, sent_at)


def expires_at(card: Card, sent_at: datetime) -> datetime:
    """When the card stops being useful: after its event, or a kind's lifetime after the message."""
    if card.kind == "calendar":
        end = _plan(card, "end", sent_at) or _plan(card, "start", sent_at)
        if end is not None:
            return end if isinstance(end, datetime) else _at_midnight(end, sent_at)
    if card.kind == "flight":
        departure = event_at(card, sent_at)
        if departure is None:
            return sent_at + FLIGHT_UNDATED
        if _flight_when(card)[1]:
            departure += timedelta(days=1)  # a date without a time: it may leave at 23:59
        return departure + FLIGHT_OVER
    return sent_at + LIFETIMES.get(card.kind, DEFAULT_LIFE)
