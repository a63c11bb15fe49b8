"""The weather skill: a plan within the forecast whose hour is worth a warning.

Threshold tests use `Stub`, a weather provider that returns hours the test
builds, with values chosen at each threshold; they are not API responses.
The client itself is tested on recorded Open-Meteo responses in
tests/context/test_weather.py, and one test here runs the skill on one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from ownlive.context.weather import Forecast, HourForecast, OpenMeteo
from ownlive.suggest import engine
from ownlive.suggest.cards import Card
from ownlive.suggest.engine import Location, SuggestContext, Understood, suggest
from ownlive.suggest.skills.weather import warning_for, weather
from tests.context.conftest import raising, recorded, replaying
from tests.suggest.conftest import when

SHANGHAI = timezone(timedelta(hours=8))
BERLIN = timezone(timedelta(hours=1))
SENT = datetime(2026, 11, 20, 18, 30, tzinfo=SHANGHAI)
HERE = Location(31.2304, 121.4737)


def hour(start: datetime, **values: float | int | None) -> HourForecast:
    fields: dict[str, float | int | None] = {
        "temperature_c": 15.0,
        "precipitation_probability": 10.0,
        "precipitation_mm": 0.0,
        "weather_code": 1,
        "wind_kmh": 10.0,
        "gusts_kmh": 20.0,
    }
    fields.update(values)
    return HourForecast(start=start, **fields)  # type: ignore[arg-type]


class Stub:
    """A weather provider answering with hours the test built around one hour."""

    def __init__(self, at: datetime, **values: float | int | None) -> None:
        base = at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
        calm = [hour(base + timedelta(hours=h)) for h in range(-48, 200)]
        self.hours = [hour(base, **values) if h.start == base else h for h in calm]
        self.asked: list[tuple[float, float]] = []

    def forecast(self, lat: float, lon: float) -> Forecast | None:
        self.asked.append((lat, lon))
        return Forecast(lat, lon, tuple(self.hours))


def message(text: str, fragment: str, start: datetime, grain: str = "hour") -> Understood:
    lang = (
        "zh"
        if any("\u4e00" <= c <= "\u9fff" for c in text)
        else ("de" if any(w in text for w in ("Treffen", "Abendessen", "morgen", "Uhr")) else "en")
    )
    return Understood(text, SENT, lang, [when(text, fragment, start.isoformat(), grain)])


def cards(msg: Understood, provider: object, location: Location | None = HERE) -> list[Card]:
    context = SuggestContext(
        now=SENT, location=location, offline=False, providers={"weather": provider}
    )
    return list(weather(msg, context))


PLAN_AT = datetime(2026, 11, 21, 19, 0, tzinfo=SHANGHAI)
PLANS = [
    ("明天晚上7点一起吃晚饭", "明天晚上7点", "zh"),
    ("Dinner tomorrow at 7pm?", "tomorrow at 7pm", "en"),
    ("Abendessen morgen um 19 Uhr?", "morgen um 19 Uhr", "de"),
]


@pytest.mark.parametrize(
    ("values", "kind", "detail"),
    [
        ({"weather_code": 95}, "thunderstorm", "WMO 95"),
        ({"weather_code": 99, "precipitation_probability": 90.0}, "thunderstorm", "WMO 99"),
        ({"weather_code": 75}, "snow", "WMO 75"),
        ({"weather_code": 67}, "snow", "WMO 67"),
        ({"precipitation_probability": 60.0}, "rain", "60 %"),
        ({"precipitation_probability": 85.0, "precipitation_mm": 2.4}, "rain", "85 %, 2.4 mm"),
        ({"precipitation_probability": None, "precipitation_mm": 1.0}, "rain", "1.0 mm"),
        ({"wind_kmh": 50.0}, "wind", "50 km/h"),
        ({"gusts_kmh": 72.0}, "wind", "72 km/h"),
        ({"temperature_c": 33.0}, "heat", "33 °C"),
        ({"temperature_c": -5.0}, "cold", "-5 °C"),
    ],
)
def test_hours_worth_a_warning(values: dict[str, float], kind: str, detail: str) -> None:
    found = warning_for(hour(PLAN_AT, **values))
    assert found is not None and (found.kind, found.detail) == (kind, detail)


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"precipitation_probability": 59.0, "precipitation_mm": 0.9},
        {"wind_kmh": 49.0, "gusts_kmh": 49.9},
        {"temperature_c": 32.9},
        {"temperature_c": -4.9},
        {"weather_code": 61},  # slight rain, below the thresholds
        {"weather_code": 3, "precipitation_probability": None, "precipitation_mm": None},
    ],
)
def test_hours_not_worth_a_warning(values: dict[str, float]) -> None:
    assert warning_for(hour(PLAN_AT, **values)) is None


@pytest.mark.parametrize(("text", "fragment", "lang"), PLANS)
def test_rain_at_the_plan_gives_a_card_in_the_message_language(
    text: str, fragment: str, lang: str
) -> None:
    stub = Stub(PLAN_AT, precipitation_probability=80.0, precipitation_mm=1.6)
    msg = message(text, fragment, PLAN_AT)
    assert msg.lang == lang
    (card,) = cards(msg, stub)
    expected = {
        "zh": "2026-11-21 19:00可能下雨，记得带伞 (80 %, 1.6 mm)",
        "en": "Rain likely 2026-11-21 19:00: take an umbrella (80 %, 1.6 mm)",
        "de": "Regen wahrscheinlich 2026-11-21 19:00: Schirm mitnehmen (80 %, 1.6 mm)",
    }
    assert card.kind == "weather" and card.title == expected[lang]
    start = text.index(fragment)
    assert card.evidence == [(start, start + len(fragment))]
    (action,) = card.actions
    # The link carries the coarse location only, like the request did.
    assert action.uri.startswith("https://open-meteo.com/en/docs?latitude=31.23&longitude=121.47")
    assert stub.asked == [(HERE.lat, HERE.lon)]


def test_the_worst_warning_in_the_plan_wins() -> None:
    start = datetime(2026, 11, 21, 14, 0, tzinfo=SHANGHAI)
    stub = Stub(start + timedelta(hours=1), weather_code=95)
    stub.hours = [
        hour(h.start, precipitation_probability=70.0) if h.start == start.astimezone(UTC) else h
        for h in stub.hours
    ]
    text = "Meeting tomorrow 2pm-4pm at the park"
    msg = Understood(
        text,
        SENT,
        "en",
        [
            when(
                text,
                "tomorrow 2pm-4pm",
                start.isoformat(),
                "hour",
                end=(start + timedelta(hours=2)).isoformat(),
            )
        ],
    )
    (card,) = cards(msg, stub)
    assert card.title == "Thunderstorms expected 2026-11-21 15:00 (WMO 95)"


def test_a_day_without_a_clock_time_checks_its_daytime() -> None:
    day = datetime(2026, 11, 22, 0, 0, tzinfo=SHANGHAI)
    text = "后天一起去公园野餐"
    msg = Understood(text, SENT, "zh", [when(text, "后天", day.isoformat(), "day")])
    assert cards(msg, Stub(day + timedelta(hours=3), wind_kmh=80.0)) == []  # 03:00: asleep
    (card,) = cards(msg, Stub(day + timedelta(hours=15), wind_kmh=80.0))
    assert card.title == "2026-11-22 15:00有大风 (80 km/h)"


@pytest.mark.parametrize(
    ("start", "why"),
    [
        (SENT + timedelta(days=8), "beyond the 7-day forecast"),
        (SENT - timedelta(hours=3), "already past"),
    ],
)
def test_no_card_outside_the_forecast(start: datetime, why: str) -> None:
    text = "Dinner on Friday at 7pm?"
    msg = Understood(text, SENT, "en", [when(text, "Friday at 7pm", start.isoformat())])
    stub = Stub(start, weather_code=95)
    assert cards(msg, stub) == [], why
    assert stub.asked == []  # nothing asked for a time no forecast covers


def test_no_card_without_a_plan_a_location_or_a_provider() -> None:
    text = "Your parcel arrives tomorrow at 7pm"
    not_a_plan = Understood(text, SENT, "en", [when(text, "tomorrow at 7pm", PLAN_AT.isoformat())])
    stub = Stub(PLAN_AT, weather_code=95)
    assert cards(not_a_plan, stub) == []
    plan = message(*PLANS[1][:2], PLAN_AT)
    assert cards(plan, stub, location=None) == []
    context = SuggestContext(now=SENT, location=HERE, offline=False)
    assert list(weather(plan, context)) == []
    no_time = Understood("Dinner soon?", SENT, "en", [])
    assert cards(no_time, stub) == []


def test_a_sunny_recorded_forecast_gives_no_card() -> None:
    # Recorded at Enschede for 2026-10-03 00:00-02:00 CEST: clear, 11 °C, light wind.
    seen: list[httpx.Request] = []
    client = OpenMeteo(replaying(recorded("open-meteo-forecast-enschede.json"), seen))
    at = datetime(2026, 10, 3, 1, 0, tzinfo=timezone(timedelta(hours=2)))
    text = "Treffen heute Nacht um 1 Uhr am Bahnhof"
    msg = Understood(
        text, at - timedelta(hours=3), "de", [when(text, "heute Nacht um 1 Uhr", at.isoformat())]
    )
    context = SuggestContext(
        now=at - timedelta(hours=3),
        location=Location(52.2209, 6.8937),
        offline=False,
        providers={"weather": client},
    )
    assert list(weather(msg, context)) == []
    assert len(seen) == 1 and seen[0].url.params["latitude"] == "52.22"


@pytest.fixture
def understood_as() -> Iterator[list[Understood]]:
    """Make the engine see the message given here, whatever the extractors find today."""
    given: list[Understood] = []
    original = engine.understand
    engine.understand = lambda text, sent_at, lang: given[0]  # type: ignore[assignment]
    yield given
    engine.understand = original


def test_the_engine_never_runs_the_weather_skill_offline(understood_as: list[Understood]) -> None:
    understood_as.append(message(*PLANS[1][:2], PLAN_AT))
    stub = Stub(PLAN_AT, weather_code=95)
    offline = SuggestContext(now=SENT, location=HERE, offline=True, providers={"weather": stub})
    assert [c.kind for c in suggest("x", context=offline)] == ["calendar"]
    assert stub.asked == []
    online = SuggestContext(now=SENT, location=HERE, offline=False, providers={"weather": stub})
    assert sorted(c.kind for c in suggest("x", context=online)) == ["calendar", "weather"]


def test_a_timeout_leaves_the_other_cards_and_logs_a_warning(
    understood_as: list[Understood], caplog: pytest.LogCaptureFixture
) -> None:
    understood_as.append(message(*PLANS[0][:2], PLAN_AT))
    seen: list[httpx.Request] = []
    client = OpenMeteo(raising(httpx.ReadTimeout, seen))
    context = SuggestContext(now=SENT, location=HERE, offline=False, providers={"weather": client})
    with caplog.at_level(logging.WARNING):
        found = suggest("x", context=context)
    assert [c.kind for c in found] == ["calendar"]
    assert caplog.messages == ["weather: Open-Meteo did not answer within 3 s"]
    assert len(seen) == 1
