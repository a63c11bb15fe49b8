"""When a plan happens: the message's datetimes read together.

Chat messages often name the day and the clock time apart ("am Donnerstag mit
LH 720 um 13:05", "Kommst du am Samstag …? 11 Uhr"). The extractor reports
them as two entities, each resolved on its own; a bare clock time resolves to
the sent day or the next. A plan takes the day from the day-grain entity and
the time from the finer one, and cites both as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ownlive.suggest.engine import Understood
from ownlive.understand import Entity

FINE_GRAINS = ("hour", "minute")


@dataclass(frozen=True)
class Moment:
    start: datetime
    end: datetime | None
    grain: str
    evidence: list[tuple[int, int]]

    @property
    def has_clock_time(self) -> bool:
        return self.grain in FINE_GRAINS


def _start(entity: Entity) -> datetime:
    return datetime.fromisoformat(str(entity.value["start"]))


def _end(entity: Entity) -> datetime | None:
    return datetime.fromisoformat(str(entity.value["end"])) if entity.value.get("end") else None


def _clock_for(day: Entity, entity: Entity, sent_at: datetime) -> bool:
    """A clock time that belongs to `day`: already resolved onto it, or dateless
    (resolved to the sent day or the next)."""
    if entity.value.get("grain") not in FINE_GRAINS or entity.value.get("end"):
        return False
    date = _start(entity).date()
    return date == _start(day).date() or 0 <= (date - sent_at.date()).days <= 1


def plan_moment(message: Understood) -> Moment | None:
    found = message.of_type("datetime")
    if not found:
        return None
    first = found[0]
    grain = str(first.value.get("grain"))
    if grain == "day" and not first.value.get("end"):
        clock = next((e for e in found[1:] if _clock_for(first, e, message.sent_at)), None)
        if clock is not None:
            time_of_day = _start(clock)
            day = _start(first)
            start = day.replace(hour=time_of_day.hour, minute=time_of_day.minute)
            end = _end(clock)
            if end is not None:
                end = start + (end - time_of_day)
            spans = sorted([(first.start, first.end), (clock.start, clock.end)])
            return Moment(start, end, str(clock.value["grain"]), spans)
    return Moment(_start(first), _end(first), grain, [(first.start, first.end)])


def event_window(moment: Moment) -> tuple[datetime, datetime]:
    """Start and exclusive end; an hour by default for a clock time, the whole day(s) else."""
    if moment.has_clock_time:
        end = moment.end if moment.end and moment.end > moment.start else None
        return moment.start, end or moment.start + timedelta(hours=1)
    last = moment.end or moment.start
    return moment.start, last + timedelta(days=1)
