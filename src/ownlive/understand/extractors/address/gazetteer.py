"""Chinese administrative divisions: what the prefix of a zh address names, and its parents.

The data is cpca's division list (MIT, see data/SOURCE.md): 3,219 provinces,
prefectures and counties with their 6-digit codes. It is read once, on the
first Chinese address, into dicts keyed by name, so a lookup is one dict probe
per candidate length and importing this module costs nothing.

Short names ("上海" for 上海市, "浦东" for 浦东新区) are known too, flagged as
short: the zh grammar accepts them only where a full unit or the chain
around them makes them safe (中山 is a city, but 中山路 is a street).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

# Province-level cities: a district's city is the province itself (浦东新区 → 上海市, 上海市).
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
# Long official suffixes stripped to make short names (广西壮族自治区 → 广西).
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 6 digits: PPCCXX
    name: str  # official name, e.g. 浦东新区

    @property
    def level(self) -> int:
        """1 province-level, 2 prefecture-level, 3 county-level."""
        if self.code[2:] == "0000":
            return 1
        return 2 if self.code[4:] == "00" else 3

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"

    @property
    def prefecture(self) -> str:
        return self.code[:4] + "00"


@dataclass(frozen=True, slots=True)
class Match:
    """A division name in the text: its length, whether short, every division it may be."""

    length: int
    short: bool
    divisions: tuple[Division, ...]

    @property
    def levels(self) -> frozenset[int]:
        return frozenset(d.level for d in self.divisions)


class Gazetteer:
    """Name → divisions, full and short; code → division."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.by_code: dict[str, Division] = {}
        full: dict[str, list[Division]] = {}
        short: dict[str, list[Division]] = {}
        for code, name in rows:
            division = Division(code, name)
            self.by_code[code] = division
            full.setdefault(name, []).append(division)
            for alias in short_names(division):
                short.setdefault(alias, []).append(division)
        self.full = {k: tuple(v) for k, v in full.items()}
        # Where a short name is also a full name, the full name is meant.
        self.short = {k: tuple(v) for k, v in short.items() if k not in self.full}
        self.max_len = max(len(name) for name in self.full)

    def match_at(self, text: str, start: int, end: int) -> Match | None:
        """The longest division name starting at `start` and ending at or before `end`."""
        for length in range(min(self.max_len, end - start), 1, -1):
            piece = text[start : start + length]
            found = self.full.get(piece)
            if found is not None:
                return Match(length, False, found)
            found = self.short.get(piece)
            if found is not None:
                return Match(length, True, found)
        return None

    def match_ending(self, text: str, start: int, end: int) -> tuple[int, Match] | None:
        """The longest division name ending exactly at `end`, starting at or after `start`."""
        for length in range(min(self.max_len, end - start), 1, -1):
            piece = text[end - length : end]
            found = self.full.get(piece)
            if found is not None:
                return end - length, Match(length, False, found)
            found = self.short.get(piece)
            if found is not None:
                return end - length, Match(length, True, found)
        return None


def short_names(division: Division) -> list[str]:
    name = division.name
    if division.level == 1:
        suffixes: tuple[str, ...] = PROVINCE_SUFFIXES
    elif division.level == 2:
        suffixes = ("市", "地区", "盟")
    else:
        suffixes = ("新区", "区", "县", "市")
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            alias = name[: -len(suffix)]
            # 市中区 → 市中 would eat the 市 of 上海市中山南二路.
            return [] if alias[0] in "省市区县" else [alias]
    return []


@functools.cache
def gazetteer() -> Gazetteer:
    """Loaded once, on first use (module-level cache)."""
    source = resources.files("ownlive.understand.extractors.address") / "data" / "adcodes.csv"
    lines = source.read_text(encoding="utf-8").splitlines()[1:]
    rows = [(code, name) for code, name in (line.split(",", 1) for line in lines if line)]
    return Gazetteer(rows)


def resolve(matches: list[Match]) -> dict[str, str]:
    """region/city/district from the division names written, filled where unambiguous.

    Each name may be several divisions (朝阳区: Beijing and Changchun); the written
    names narrow each other down, and a parent is filled only when one choice is left.
    """
    chosen: list[Division] = []
    pending = list(matches)
    progress = True
    while pending and progress:
        progress = False
        for match in list(pending):
            options = [d for d in match.divisions if consistent(d, chosen)]
            if len(options) <= 1:
                chosen.extend(options)
                pending.remove(match)
                progress = True
    value = named(chosen)
    for match in pending:
        # Still ambiguous: a district's own name is known, its parents are not.
        options = [d for d in match.divisions if consistent(d, chosen)]
        if not match.short and all(d.level == 3 and not d.name.endswith("市") for d in options):
            value.setdefault("district", options[0].name)
    return value


def consistent(division: Division, chosen: list[Division]) -> bool:
    for other in chosen:
        high, low = (other, division) if other.level <= division.level else (division, other)
        if high.level == 1 and low.province != high.code:
            return False
        if high.level == 2 and low.prefecture != high.code:
            return False
    return True


def named(chosen: list[Division]) -> dict[str, str]:
    table = gazetteer().by_code
    value: dict[str, str] = {}
    for division in chosen:
        province = table.get(division.province)
        if province is not None:
            value["region"] = province.name
        if division.level == 1 and division.code[:2] in MUNICIPALITIES:
            value["city"] = division.name
        elif division.level >= 2:
            fill_city(value, division, table)
        if division.level == 3 and not division.name.endswith("市"):
            value["district"] = division.name
    return value


def fill_city(value: dict[str, str], division: Division, table: dict[str, Division]) -> None:
    if division.code[:2] in MUNICIPALITIES:
        value["city"] = table[division.province].name
    elif division.level == 2 or division.name.endswith("市"):
        # A county-level city written (义乌市) is the city; a prefecture written before it wins.
        value.setdefault("city", division.name)
        if division.level == 2:
            value["city"] = division.name
    else:
        prefecture = table.get(division.prefecture)
        if prefecture is not None:
            value.setdefault("city", prefecture.name)
