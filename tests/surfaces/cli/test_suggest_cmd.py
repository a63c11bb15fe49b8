"""`ownlive suggest`: which context providers it builds, and that --offline never goes online."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ownlive.context import http
from ownlive.context.overpass import OverpassPlaces
from ownlive.context.places_index import OfflinePlaces, PlacesChain
from ownlive.context.weather import OpenMeteo
from ownlive.suggest.engine import Location, SuggestContext
from ownlive.surfaces.cli import suggest_cmd
from ownlive.vault import Vault
from tests.context.conftest import KAMPPI_OSM, recorded, replaying
from tests.surfaces.cli.conftest import Invoke

LINES = "\n".join(
    json.dumps({"id": f"m{i}", "text": text, "sent_at": "2026-11-20T18:30:00+02:00"})
    for i, text in enumerate(
        [
            "Thai food tonight?",
            "Lust auf Thai heute Abend? Treffen um 19 Uhr",
            "明天晚上7点一起吃泰国菜",
            "Dinner tomorrow at 7pm, picnic in the park after?",
        ]
    )
) + "\n"


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("OWNLIVE_CONFIG", str(path))
    return path


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any attempt to build an HTTP client or send a request fails the test."""
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append("network")
        pytest.fail("the network was used")

    monkeypatch.setattr(http, "new_client", refuse)
    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)
    yield attempts
    assert attempts == []


@pytest.fixture
def contexts(monkeypatch: pytest.MonkeyPatch) -> list[SuggestContext]:
    """The context each message was suggested with (the real engine still runs)."""
    seen: list[SuggestContext] = []
    real = suggest_cmd.suggest

    def spy(text: str, **kwargs: Any) -> Any:
        seen.append(kwargs["context"])
        return real(text, **kwargs)

    monkeypatch.setattr(suggest_cmd, "suggest", spy)
    return seen


def indexed(ownlive: Invoke) -> None:
    assert ownlive("places", "import", str(KAMPPI_OSM)).exit_code == 0


def test_offline_never_uses_the_network_and_gives_no_weather_card(
    ownlive: Invoke,
    config: Path,
    no_network: list[str],
    contexts: list[SuggestContext],
) -> None:
    config.write_text("[context]\nonline = true\n", encoding="utf-8")  # --offline wins
    indexed(ownlive)
    result = ownlive("suggest", "--offline", "--location", "60.1699,24.9384", input=LINES)
    assert result.exit_code == 0, result.output
    outputs = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in outputs] == ["m0", "m1", "m2", "m3"]
    assert all(card["kind"] != "weather" for o in outputs for card in o["cards"])
    assert len(contexts) == 4
    for context in contexts:
        assert context.offline is True
        assert "weather" not in context.providers
        assert isinstance(context.providers["places"], OfflinePlaces)


def test_without_a_vault_suggest_stays_stateless(
    ownlive: Invoke,
    vault_path: Path,
    config: Path,
    no_network: list[str],
    contexts: list[SuggestContext],
) -> None:
    result = ownlive("suggest", "--offline", input=LINES)
    assert result.exit_code == 0
    assert not vault_path.exists()  # suggest never creates a vault
    assert all(c.providers == {} and c.location is None for c in contexts)


def test_online_adds_overpass_after_the_index_and_open_meteo(
    ownlive: Invoke, config: Path, contexts: list[SuggestContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http, "new_client", lambda: replaying(b"{}", []))
    indexed(ownlive)
    result = ownlive("suggest", "--online", "--location", "60.1699,24.9384", input=LINES)
    assert result.exit_code == 0, result.output
    context = contexts[0]
    assert context.offline is False
    assert isinstance(context.providers["weather"], OpenMeteo)
    chain = context.providers["places"]
    assert isinstance(chain, PlacesChain)
    assert [type(p) for p in chain.providers] == [OfflinePlaces, OverpassPlaces]


def test_configured_online_mode_and_home(
    ownlive: Invoke, config: Path, contexts: list[SuggestContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http, "new_client", lambda: replaying(b"{}", []))
    config.write_text('[context]\nonline = true\nhome = "31.2304,121.4737"\n', encoding="utf-8")
    result = ownlive("suggest", input=LINES)
    assert result.exit_code == 0, result.output
    context = contexts[0]
    assert context.offline is False and context.location == Location(31.2304, 121.4737)
    assert isinstance(context.providers["places"], OverpassPlaces)  # no vault, no index
    ownlive("suggest", "--location", "52.52,13.40", input=LINES)
    assert contexts[-1].location == Location(52.52, 13.40)  # the flag wins over home


def test_a_broken_config_is_an_error(ownlive: Invoke, config: Path) -> None:
    config.write_text("[context]\nonline = 1\n", encoding="utf-8")
    result = ownlive("suggest", "--offline", input=LINES)
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Error: context.online: not true or false, {config}, fix the file"
    )


def forecast_through(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    seen: list[httpx.Request] = []
    body = recorded("open-meteo-forecast-enschede.json")
    monkeypatch.setattr(http, "new_client", lambda: replaying(body, seen))
    providers = suggest_cmd.providers_for(vault, online=True)
    weather = providers["weather"]
    assert isinstance(weather, OpenMeteo)
    assert weather.forecast(52.27612, 6.87298) is not None
    return seen


def test_each_request_is_an_outbound_log_entry(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = forecast_through(vault, monkeypatch)
    assert seen[0].url.params["latitude"] == "52.28"
    entry = vault.log_entries()[-1]
    assert (entry.event, entry.subject, entry.scope, entry.purpose) == (
        "outbound",
        "assistant",
        "location.coarse",
        "suggest",
    )
    assert entry.detail["destination"] == "api.open-meteo.com"
    assert entry.detail["sent"].startswith("lat,lon rounded to 0.01 degree (about 1 km)")
    assert vault.verify_log().ok


def test_a_precise_grant_sends_and_logs_the_precise_location(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.grant("location.precise", subject="assistant", purpose="suggest")
    seen = forecast_through(vault, monkeypatch)
    assert seen[0].url.params["latitude"] == "52.276120"
    entry = vault.log_entries()[-1]
    assert (entry.event, entry.scope) == ("outbound", "location.precise")


def test_without_a_vault_nothing_is_logged_and_still_coarse(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[httpx.Request] = []
    monkeypatch.setattr(http, "new_client", lambda: replaying(b"{}", seen))
    providers = suggest_cmd.providers_for(None, online=True)
    places = providers["places"]
    assert isinstance(places, OverpassPlaces)
    places.nearby(60.16995, 24.93842, cuisine="thai", radius_m=1000, limit=3)
    assert "(around:1800,60.17,24.94);" in seen[0].url.params["data"]
