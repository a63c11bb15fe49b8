"""The Open-Meteo client, replaying a recorded real response (fixtures/SOURCE.md)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from ownlive.context.weather import (
    FORECAST_URL,
    HOURLY,
    ForecastUnreadable,
    OpenMeteo,
    parse_forecast,
)
from tests.context.conftest import raising, recorded, replaying

ENSCHEDE = "open-meteo-forecast-enschede.json"
CEST = timezone(timedelta(hours=2))
# The user's true position (made up for the test); what is sent is rounded.
HERE = (52.27612, 6.87298)
NOW = datetime(2026, 10, 3, 9, 0, tzinfo=UTC)


def client_for(seen: list[httpx.Request], **kwargs: object) -> OpenMeteo:
    return OpenMeteo(replaying(recorded(ENSCHEDE), seen), clock=lambda: NOW, **kwargs)  # type: ignore[arg-type]


def test_recorded_response_is_read_hour_by_hour() -> None:
    forecast = parse_forecast(json.loads(recorded(ENSCHEDE)))
    assert (forecast.latitude, forecast.longitude) == (52.276, 6.8729997)
    assert [h.start for h in forecast.hours] == [
        datetime(2026, 10, 3, 0, tzinfo=CEST),
        datetime(2026, 10, 3, 1, tzinfo=CEST),
        datetime(2026, 10, 3, 2, tzinfo=CEST),
    ]
    first = forecast.hours[0]
    # This recording uses the names before Open-Meteo's 2023 rename (weathercode, windspeed_10m).
    assert (first.temperature_c, first.weather_code, first.wind_kmh, first.gusts_kmh) == (
        11.8,
        0,
        9.0,
        14.8,
    )
    assert first.precipitation_mm == 0.0
    assert first.precipitation_probability is None  # not requested in that recording


def test_during_picks_the_overlapping_hours() -> None:
    forecast = parse_forecast(json.loads(recorded(ENSCHEDE)))
    start = datetime(2026, 10, 2, 23, 30, tzinfo=UTC)  # 01:30 CEST
    hours = forecast.during(start, start + timedelta(hours=1))
    assert [h.start.hour for h in hours] == [1, 2]


def test_only_a_coarse_location_is_sent(requests_seen: list[httpx.Request]) -> None:
    forecast = client_for(requests_seen).forecast(*HERE)
    assert forecast is not None and len(forecast.hours) == 3
    (request,) = requests_seen
    assert str(request.url).startswith(FORECAST_URL + "?")
    params = request.url.params
    assert (params["latitude"], params["longitude"]) == ("52.28", "6.87")
    assert "52.276" not in str(request.url) and "6.872" not in str(request.url)
    assert params["hourly"] == ",".join(HOURLY)
    assert params["forecast_days"] == "7"


def test_precise_location_only_when_granted(requests_seen: list[httpx.Request]) -> None:
    client_for(requests_seen, precise=True).forecast(*HERE)
    params = requests_seen[0].url.params
    assert (params["latitude"], params["longitude"]) == ("52.276120", "6.872980")


def test_each_request_is_reported_before_it_leaves(requests_seen: list[httpx.Request]) -> None:
    told: list[tuple[str, str, int]] = []
    client = client_for(
        requests_seen, on_request=lambda d, s: told.append((d, s, len(requests_seen)))
    )
    client.forecast(*HERE)
    assert told == [
        (
            "api.open-meteo.com",
            "lat,lon rounded to 0.01 degree (about 1 km); hourly " + ",".join(HOURLY),
            0,
        )
    ]


def test_one_request_per_coarse_place_and_hour(requests_seen: list[httpx.Request]) -> None:
    client = client_for(requests_seen)
    first = client.forecast(*HERE)
    assert client.forecast(52.27991, 6.8703) is first  # same 0.01-degree cell
    assert len(requests_seen) == 1
    client.forecast(52.31, 6.87)
    assert len(requests_seen) == 2


@pytest.mark.parametrize("error", [httpx.ReadTimeout, httpx.ConnectTimeout])
def test_a_timeout_gives_no_forecast_and_a_warning(
    error: type[httpx.HTTPError],
    requests_seen: list[httpx.Request],
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = OpenMeteo(raising(error, requests_seen), clock=lambda: NOW)
    with caplog.at_level(logging.WARNING):
        assert client.forecast(*HERE) is None
    assert caplog.messages == ["weather: Open-Meteo did not answer within 3 s"]
    # The failure is remembered for the hour: 50 messages do not wait 50 timeouts.
    assert client.forecast(*HERE) is None and len(requests_seen) == 1


def test_a_connection_error_gives_no_forecast_and_a_warning(
    requests_seen: list[httpx.Request], caplog: pytest.LogCaptureFixture
) -> None:
    client = OpenMeteo(raising(httpx.ConnectError, requests_seen), clock=lambda: NOW)
    with caplog.at_level(logging.WARNING):
        assert client.forecast(*HERE) is None
    assert caplog.messages == ["weather: Open-Meteo request failed (ConnectError)"]


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (500, b""),  # only the status matters here; the bodies of 500 and 429 are not read
        (429, b""),
        # A 400 body as recorded from api.open-meteo.com on 2023-10-25 (CRAN package
        # openmeteo, tests/testthat/api.open-meteo.com/v1/forecast-5c7be9.R).
        (
            400,
            b'{"error":true,"reason":"Cannot initialize TemperatureUnit from invalid '
            b'String value asdfsfd for key temperature_unit"}',
        ),
    ],
)
def test_an_error_status_gives_no_forecast_and_a_warning(
    status: int, body: bytes, requests_seen: list[httpx.Request], caplog: pytest.LogCaptureFixture
) -> None:
    client = OpenMeteo(replaying(body, requests_seen, status), clock=lambda: NOW)
    with caplog.at_level(logging.WARNING):
        assert client.forecast(*HERE) is None
    assert caplog.messages == [f"weather: Open-Meteo answered HTTP {status}"]


@pytest.mark.parametrize(
    ("body", "warning"),
    [
        (b"<html>gateway</html>", "weather: Open-Meteo sent a body that is not JSON"),
        (b"[]", "weather: cannot read the Open-Meteo response (no hourly block)"),
        (
            b'{"hourly": {"time": ["2026-10-03T00:00"], "temperature_2m": [11.8, 11.2]}}',
            "weather: cannot read the Open-Meteo response "
            "(hourly.temperature_2m: not a list as long as hourly.time)",
        ),
    ],
)
def test_an_unreadable_body_gives_no_forecast_and_a_warning(
    body: bytes, warning: str, requests_seen: list[httpx.Request], caplog: pytest.LogCaptureFixture
) -> None:
    client = OpenMeteo(replaying(body, requests_seen), clock=lambda: NOW)
    with caplog.at_level(logging.WARNING):
        assert client.forecast(*HERE) is None
    assert caplog.messages == [warning]


def test_warnings_never_name_the_location(
    requests_seen: list[httpx.Request], caplog: pytest.LogCaptureFixture
) -> None:
    for make in (
        lambda: raising(httpx.ReadTimeout, requests_seen),
        lambda: replaying(b"oops", requests_seen, 502),
    ):
        OpenMeteo(make(), clock=lambda: NOW).forecast(*HERE)
    text = " ".join(caplog.messages)
    assert "52.2" not in text and "6.87" not in text


def test_units_are_read_from_the_response() -> None:
    # A minimal body in the documented shape (https://open-meteo.com/en/docs), asked for
    # with temperature_unit=fahrenheit, wind_speed_unit=mph, precipitation_unit=inch;
    # the values are chosen for the conversion, not recorded.
    body = {
        "utc_offset_seconds": 0,
        "hourly_units": {
            "temperature_2m": "°F",
            "wind_speed_10m": "mp/h",
            "wind_gusts_10m": "mp/h",
            "precipitation": "inch",
        },
        "hourly": {
            "time": ["2023-05-31T00:00"],
            "temperature_2m": [91.4],
            "wind_speed_10m": [31.0],
            "wind_gusts_10m": [40.0],
            "precipitation": [0.1],
        },
    }
    (hour,) = parse_forecast(body).hours
    assert hour.temperature_c == pytest.approx(33.0)
    assert hour.wind_kmh == pytest.approx(49.89, abs=0.01)
    assert hour.precipitation_mm == pytest.approx(2.54)


@pytest.mark.parametrize(
    "body",
    [
        {"hourly": {}},
        {"hourly": {"time": ["not a time"]}},
        {"hourly": {"time": []}, "utc_offset_seconds": "+02:00"},
        {"hourly": {"time": []}, "hourly_units": {"wind_speed_10m": "furlongs/fortnight"}},
    ],
)
def test_malformed_bodies_are_refused(body: object) -> None:
    with pytest.raises(ForecastUnreadable):
        parse_forecast(body)
