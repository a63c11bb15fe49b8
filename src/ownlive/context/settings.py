"""The user's settings for context: their home, and whether lookups may go online.

Read from `$OWNLIVE_CONFIG`, else `$XDG_CONFIG_HOME/ownlive/config.toml`
(default ~/.config), section `[context]`:

    [context]
    home = "52.52,13.405"   # used when `ownlive suggest` gets no --location
    online = false          # true: weather and Overpass lookups without --online

A missing file means the defaults: no home, offline. A broken one is an
error naming the file and key, not a silent default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ownlive.errors import UsageError
from ownlive.suggest.engine import Location


@dataclass(frozen=True)
class ContextSettings:
    home: Location | None = None
    online: bool = False


def config_path() -> Path:
    if os.environ.get("OWNLIVE_CONFIG"):
        return Path(os.environ["OWNLIVE_CONFIG"])
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "ownlive" / "config.toml"


def parse_lat_lon(text: str, where: str) -> Location:
    try:
        lat_text, lon_text = text.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise UsageError(f"not a location: {text!r}", where, "use LAT,LON") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise UsageError(f"location out of range: {text!r}", where, "use LAT,LON")
    return Location(lat, lon)


def load_settings(path: Path | None = None) -> ContextSettings:
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ContextSettings()
    except OSError as error:
        raise UsageError(f"cannot read the settings ({error.strerror})", str(path), "") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"not valid TOML ({error})", str(path), "fix the file") from None
    section = data.get("context", {})
    if not isinstance(section, dict):
        raise UsageError("[context] is not a table", str(path), "fix the file")
    home = section.get("home")
    online = section.get("online", False)
    if home is not None and not isinstance(home, str):
        raise UsageError("context.home: not a string", str(path), 'write home = "LAT,LON"')
    if not isinstance(online, bool):
        raise UsageError("context.online: not true or false", str(path), "fix the file")
    location = parse_lat_lon(home, f"{path}: context.home") if home else None
    return ContextSettings(home=location, online=online)
