"""calendar: a datetime that names a plan the user attends (DESIGN.md 5).

The action is the event itself as an iCalendar data: URI (any calendar app
imports it); the vault's suggestion loop also writes it to the user's CalDAV
calendar on accept. Delivery windows, deadlines, outages, transaction times
and past times are not plans.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ownlive.suggest import intents
from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, Understood
from ownlive.suggest.registry import skill
from ownlive.suggest.when import Moment, event_window, plan_moment

TITLES = {"zh": "添加日程：{}", "de": "In den Kalender: {}", "en": "Add to calendar: {}"}
LABELS = {"zh": "添加到日历", "de": "Zum Kalender hinzufügen", "en": "Add to calendar"}
SUMMARY_CHARS = 60


def _portable(moment: datetime | date) -> datetime | date:
    """A fixed UTC offset has no IANA name for a TZID: write such times in UTC."""
    if isinstance(moment, datetime) and not isinstance(moment.tzinfo, ZoneInfo):
        return moment.astimezone(UTC)
    return moment


def ics_document(summary: str, start: datetime | date, end: datetime | date, uid: str) -> str:
    start, end = _portable(start), _portable(end)
    calendar = Calendar()
    calendar.add("prodid", "-//ownlive//suggest//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("dtstamp", datetime(2000, 1, 1))  # stable output; the server stamps on write
    calendar.add_component(event)
    return str(calendar.to_ical().decode())


def _summary(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SUMMARY_CHARS else flat[: SUMMARY_CHARS - 1] + "…"


def _all_day(moment: Moment) -> bool:
    return not moment.has_clock_time


@skill("calendar")
def calendar(message: Understood, context: SuggestContext) -> Iterator[Card]:
    langs = {message.lang}
    has_flight = bool(message.of_type("flight"))
    if not has_flight and (
        not intents.is_plan(message.text, langs) or intents.is_not_plan(message.text, langs)
    ):
        return
    moment = plan_moment(message)
    if moment is None:
        return
    if not has_flight and not moment.has_clock_time and intents.food_wish(message):
        return  # "Thai food tonight?": a meal wanted, no time or venue set yet
    start, end = event_window(moment)
    if moment.has_clock_time and start < message.sent_at - timedelta(minutes=1):
        return  # a time already past when the message was sent is no plan
    summary = _summary(message.text)
    # Stable across runs (str hash() is salted per process), so a re-run finds its event.
    seed = f"{message.text}\x1f{start.isoformat()}".encode("utf-8", "surrogatepass")
    uid = f"ownlive-{hashlib.sha256(seed).hexdigest()[:24]}@localhost"
    if _all_day(moment):
        document = ics_document(summary, start.date(), end.date(), uid)
        shown = start.date().isoformat()
    else:
        document = ics_document(summary, start, end, uid)
        shown = start.isoformat()[:16].replace("T", " ")
    yield Card(
        kind="calendar",
        title=TITLES[message.lang].format(shown),
        actions=[Action(LABELS[message.lang], "data:text/calendar," + quote(document))],
        evidence=moment.evidence,
        data={
            "summary": summary,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "all_day": _all_day(moment),
            "ics": document,
        },
    )
