"""Hourly forecasts from Open-Meteo (https://open-meteo.com/en/docs), for the weather skill.

One GET to `/v1/forecast` per coarse location and hour, with a 3 s timeout:
`ownlive suggest` must answer even when the network does not. A timeout, an
error status or a body we cannot read gives no forecast and a warning in the
log (which says what failed, never where the user is), so the card simply
has no weather part. Results are cached in memory for the process, keyed by
the location as sent and the hour; not on disk, since a file naming where
the user was would be personal data outside the vault.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Protocol

from ownlive.context import http
from ownlive.context.geo import OutboundLog, outgoing

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

FORECAST_URL = "https://api.open-meteo.com/v1/forecast"
DESTINATION = "api.open-meteo.com"
TIMEOUT_S = 3.0
FORECAST_DAYS = 7
HOURLY = (
    "temperature_2m",
    "precipitation_probability",
    "precipitation",
    "weather_code",
    "wind_speed_10m",
    "wind_gusts_10m",
)
# Open-Meteo renamed variables in 2023 (weathercode -> weather_code, ...);
# recorded responses and older mirrors still carry the old names.
_NAMES = {
    "weather_code": ("weather_code", "weathercode"),
    "wind_speed_10m": ("wind_speed_10m", "windspeed_10m"),
    "wind_gusts_10m": ("wind_gusts_10m", "windgusts_10m"),
}
# Units are read from `hourly_units`, not assumed: a proxy or a shared URL may ask for others.
_TO_KMH = {"km/h": 1.0, "m/s": 3.6, "mp/h": 1.609344, "mph": 1.609344, "kn": 1.852}
_TO_MM = {"mm": 1.0, "inch": 25.4}


class ForecastUnreadable(ValueError):
    """The body is JSON but not an Open-Meteo forecast we can read."""


@dataclass(frozen=True, slots=True)
class HourForecast:
    start: datetime  # with its zone; the hour [start, start + 1 h)
    temperature_c: float | None
    precipitation_probability: float | None  # percent
    precipitation_mm: float | None
    weather_code: int | None  # WMO 4677 code as Open-Meteo gives it
    wind_kmh: float | None
    gusts_kmh: float | None


@dataclass(frozen=True)
class Forecast:
    latitude: float
    longitude: float
    hours: tuple[HourForecast, ...]

    def during(self, start: datetime, end: datetime) -> list[HourForecast]:
        """The hours that overlap [start, end)."""
        return [h for h in self.hours if h.start < end and h.start + timedelta(hours=1) > start]


class WeatherProvider(Protocol):
    def forecast(self, lat: float, lon: float) -> Forecast | None:
        """The hourly forecast near the point, or None when there is none to be had."""
        ...


def _series(hourly: dict[str, Any], name: str, length: int) -> list[Any]:
    for key in _NAMES.get(name, (name,)):
        values = hourly.get(key)
        if values is None:
            continue
        if not isinstance(values, list) or len(values) != length:
            raise ForecastUnreadable(f"hourly.{key}: not a list as long as hourly.time")
        return values
    return [None] * length


def _unit(units: dict[str, Any], name: str) -> str:
    for key in _NAMES.get(name, (name,)):
        if isinstance(units.get(key), str):
            return str(units[key])
    return ""


def _number(value: Any, factor: float = 1.0) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) * factor
    return None


def _time(value: Any, zone: timezone) -> datetime:
    if isinstance(value, int) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)  # timeformat=unixtime
    if isinstance(value, str):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=zone)
    raise ValueError("not a time")


def parse_forecast(data: Any) -> Forecast:
    """A forecast from an Open-Meteo JSON body; `ForecastUnreadable` says what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("hourly"), dict):
        raise ForecastUnreadable("no hourly block")
    hourly = data["hourly"]
    units = data.get("hourly_units") if isinstance(data.get("hourly_units"), dict) else {}
    assert isinstance(units, dict)
    times = hourly.get("time")
    if not isinstance(times, list):
        raise ForecastUnreadable("hourly.time: missing")
    offset = data.get("utc_offset_seconds", 0)
    if not isinstance(offset, int) or abs(offset) > 18 * 3600:
        raise ForecastUnreadable("utc_offset_seconds: not an offset")
    zone = timezone(timedelta(seconds=offset))
    temperature_unit = _unit(units, "temperature_2m")
    fahrenheit = "F" in temperature_unit or "fahrenheit" in temperature_unit
    wind = _TO_KMH.get(_unit(units, "wind_speed_10m") or "km/h")
    gusts = _TO_KMH.get(_unit(units, "wind_gusts_10m") or "km/h")
    rain = _TO_MM.get(_unit(units, "precipitation") or "mm")
    if wind is None or gusts is None or rain is None:
        raise ForecastUnreadable("hourly_units: a unit we do not know")
    columns = {name: _series(hourly, name, len(times)) for name in HOURLY}
    hours = []
    for i, raw_time in enumerate(times):
        try:
            start = _time(raw_time, zone)
        except ValueError:
            raise ForecastUnreadable(f"hourly.time[{i}]: not a time") from None
        temperature = _number(columns["temperature_2m"][i])
        if temperature is not None and fahrenheit:
            temperature = (temperature - 32) * 5 / 9
        code = _number(columns["weather_code"][i])
        hours.append(
            HourForecast(
                start=start,
                temperature_c=temperature,
                precipitation_probability=_number(columns["precipitation_probability"][i]),
                precipitation_mm=_number(columns["precipitation"][i], rain),
                weather_code=None if code is None else int(code),
                wind_kmh=_number(columns["wind_speed_10m"][i], wind),
                gusts_kmh=_number(columns["wind_gusts_10m"][i], gusts),
            )
        )
    lat, lon = _number(data.get("latitude")), _number(data.get("longitude"))
    return Forecast(lat or 0.0, lon or 0.0, tuple(hours))


def _utc_now() -> datetime:
    return datetime.now(UTC)


class OpenMeteo:
    """The Open-Meteo forecast API over httpx; tests pass a client on a mock transport."""

    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        precise: bool = False,
        on_request: OutboundLog | None = None,
        timeout: float = TIMEOUT_S,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._client = client
        self._precise = precise
        self._on_request = on_request
        self._timeout = timeout
        self._clock = clock
        self._cache: dict[tuple[str, str, str], Forecast | None] = {}

    def forecast(self, lat: float, lon: float) -> Forecast | None:
        sent = outgoing(lat, lon, precise=self._precise)
        lat_text, lon_text = sent.text
        # A failure is cached too: one timeout per hour and place, not one per message.
        key = (lat_text, lon_text, self._clock().strftime("%Y-%m-%dT%H"))
        if key not in self._cache:
            self._cache[key] = self._fetch(lat_text, lon_text, sent.description)
        return self._cache[key]

    def _fetch(self, lat_text: str, lon_text: str, description: str) -> Forecast | None:
        if self._on_request is not None:
            self._on_request(DESTINATION, f"{description}; hourly {','.join(HOURLY)}")
        params = {
            "latitude": lat_text,
            "longitude": lon_text,
            "hourly": ",".join(HOURLY),
            "forecast_days": str(FORECAST_DAYS),
            "timezone": "GMT",
        }
        if self._client is None:
            self._client = http.new_client()
        data = http.get_json(
            self._client, FORECAST_URL, params, timeout=self._timeout, service="weather: Open-Meteo"
        )
        if data is None:
            return None
        try:
            return parse_forecast(data)
        except ForecastUnreadable as error:
            log.warning("weather: cannot read the Open-Meteo response (%s)", error)
            return None
