"""weather: a plan whose time and place have a forecast worth a warning (DESIGN.md 5).

Needs the network (an Open-Meteo forecast), so the engine skips it under
`--offline`: no forecast exists there, and none may be faked. The place is
the user's location (`--location`, home, last known place); the time is the
plan's first datetime, within the 7-day forecast. A clock time is checked
for its hour (or its range); a day without a clock time for 08:00-22:00.

Worth a warning, in this order: thunderstorm (WMO 95/96/99); snow or
freezing rain (WMO 56/57/66/67/71-77/85/86); rain (probability >= 60 % or
>= 1 mm in an hour); wind or gusts >= 50 km/h; heat (>= 33 °C); cold
(<= -5 °C). A plain sunny forecast gives no card.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from urllib.parse import urlencode

from ownlive.context.geo import outgoing
from ownlive.context.weather import HOURLY, HourForecast, WeatherProvider
from ownlive.suggest import intents
from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, Understood
from ownlive.suggest.registry import skill
from ownlive.suggest.when import Moment, event_window, plan_moment

HORIZON = timedelta(days=7)
DAYTIME = (time(8), time(22))
RAIN_PROBABILITY = 60.0
RAIN_MM = 1.0
WIND_KMH = 50.0
HEAT_C = 33.0
COLD_C = -5.0
THUNDER = frozenset({95, 96, 99})
SNOW_OR_ICE = frozenset({56, 57, 66, 67, 71, 73, 75, 77, 85, 86})

TITLES = {
    "thunderstorm": {
        "zh": "{when}有雷雨",
        "en": "Thunderstorms expected {when}",
        "de": "Gewitter erwartet {when}",
    },
    "snow": {
        "zh": "{when}有雪或冻雨",
        "en": "Snow or freezing rain expected {when}",
        "de": "Schnee oder Glätte erwartet {when}",
    },
    "rain": {
        "zh": "{when}可能下雨，记得带伞",
        "en": "Rain likely {when}: take an umbrella",
        "de": "Regen wahrscheinlich {when}: Schirm mitnehmen",
    },
    "wind": {"zh": "{when}有大风", "en": "Strong wind {when}", "de": "Starker Wind {when}"},
    "heat": {"zh": "{when}高温", "en": "Heat {when}", "de": "Hitze {when}"},
    "cold": {"zh": "{when}严寒", "en": "Severe cold {when}", "de": "Strenger Frost {when}"},
}
LABELS = {"zh": "查看天气预报", "en": "See the forecast", "de": "Vorhersage ansehen"}


@dataclass(frozen=True)
class Warning:
    kind: str  # a key of TITLES
    hour: HourForecast
    detail: str  # the numbers behind it, e.g. "80 %, 2.1 mm"


def warning_for(hour: HourForecast) -> Warning | None:
    """The most severe reason this hour is worth a warning, if any."""
    code, rain, mm = hour.weather_code, hour.precipitation_probability, hour.precipitation_mm
    wind = max(hour.wind_kmh or 0.0, hour.gusts_kmh or 0.0)
    if code in THUNDER:
        return Warning("thunderstorm", hour, f"WMO {code}")
    if code in SNOW_OR_ICE:
        return Warning("snow", hour, f"WMO {code}")
    if (rain is not None and rain >= RAIN_PROBABILITY) or (mm is not None and mm >= RAIN_MM):
        parts = [f"{rain:.0f} %" if rain is not None else "", f"{mm:.1f} mm" if mm else ""]
        return Warning("rain", hour, ", ".join(p for p in parts if p))
    if wind >= WIND_KMH:
        return Warning("wind", hour, f"{wind:.0f} km/h")
    if hour.temperature_c is not None and hour.temperature_c >= HEAT_C:
        return Warning("heat", hour, f"{hour.temperature_c:.0f} °C")
    if hour.temperature_c is not None and hour.temperature_c <= COLD_C:
        return Warning("cold", hour, f"{hour.temperature_c:.0f} °C")
    return None


def _window(moment: Moment, zone: tzinfo | None) -> tuple[datetime, datetime]:
    """The instants to check: the plan's hours, or the daytime of an all-day plan."""
    start, end = event_window(moment)
    if moment.has_clock_time:
        return start, end
    day = start.date()
    return datetime.combine(day, DAYTIME[0], zone), datetime.combine(day, DAYTIME[1], zone)


def forecast_link(lat: float, lon: float) -> str:
    """Open-Meteo's page for these coordinates, which charts the same hourly forecast."""
    sent = outgoing(lat, lon, precise=False)
    lat_text, lon_text = sent.text
    query = urlencode({"latitude": lat_text, "longitude": lon_text, "hourly": ",".join(HOURLY)})
    return f"https://open-meteo.com/en/docs?{query}"


@skill("weather", needs_network=True)
def weather(message: Understood, context: SuggestContext) -> Iterator[Card]:
    langs = {message.lang}
    provider = context.providers.get("weather")
    if provider is None or context.location is None:
        return
    if not intents.is_plan(message.text, langs) or intents.is_not_plan(message.text, langs):
        return
    moment = plan_moment(message)
    if moment is None:
        return
    sent_at = message.sent_at
    first, last = _window(moment, sent_at.tzinfo)
    now = context.now or sent_at
    if now.tzinfo is None:
        now = now.astimezone()
    if last <= now or first > now + HORIZON:
        return
    forecaster: WeatherProvider = provider  # type: ignore[assignment]
    forecast = forecaster.forecast(context.location.lat, context.location.lon)
    if forecast is None:
        return  # no forecast to be had (logged by the provider): no weather part
    found = [w for h in forecast.during(first, last) if (w := warning_for(h)) is not None]
    if not found:
        return
    order = list(TITLES)
    worst = min(found, key=lambda w: (order.index(w.kind), w.hour.start))
    local = worst.hour.start.astimezone(sent_at.tzinfo)
    shown = local.strftime("%Y-%m-%d %H:%M")
    title = TITLES[worst.kind][message.lang].format(when=shown) + f" ({worst.detail})"
    link = forecast_link(context.location.lat, context.location.lon)
    yield Card(
        kind="weather",
        title=title,
        actions=[Action(LABELS[message.lang], link)],
        evidence=moment.evidence,
        data={"warning": worst.kind, "hour": worst.hour.start.isoformat(), "detail": worst.detail},
    )
