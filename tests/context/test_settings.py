"""The user's context settings: home and online mode, from config.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from ownlive.context.settings import ContextSettings, config_path, load_settings
from ownlive.errors import UsageError
from ownlive.suggest.engine import Location


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_offline_and_no_home(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "missing.toml") == ContextSettings(None, False)


def test_home_and_online(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[caldav]\nurl = "http://x"\n\n[context]\nhome = "31.2304,121.4737"\nonline = true\n',
    )
    assert load_settings(path) == ContextSettings(Location(31.2304, 121.4737), True)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ('[context]\nhome = "Berlin"\n', "not a location: 'Berlin'"),
        ('[context]\nhome = "95,13"\n', "location out of range: '95,13'"),
        ("[context]\nhome = 52.5\n", "context.home: not a string"),
        ('[context]\nonline = "yes"\n', "context.online: not true or false"),
        ('context = "on"\n', "[context] is not a table"),
    ],
)
def test_a_broken_setting_is_an_error_naming_the_file(tmp_path: Path, text: str, what: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UsageError) as raised:
        load_settings(path)
    assert raised.value.what == what
    assert str(path) in raised.value.where


def test_not_toml(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        load_settings(write(tmp_path, "[context\nhome = \n"))
    assert raised.value.what.startswith("not valid TOML")


def test_where_the_file_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OWNLIVE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path() == tmp_path / "ownlive" / "config.toml"
    monkeypatch.setenv("OWNLIVE_CONFIG", str(tmp_path / "other.toml"))
    assert config_path() == tmp_path / "other.toml"
