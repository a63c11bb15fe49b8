"""The left-hand side of a Chinese address: which units stand before the street.

A run of Han characters before the street suffix (杭州市西湖区文三, 上海南京西) is
split into administrative units and the street name. Units are gazetteer
names (full or short) and generic ones by suffix (徐行镇, 高新区, 南河沿大街);
`segment` tries every split and keeps the one whose chain of units reaches
furthest left.
"""

from __future__ import annotations

from dataclasses import dataclass

from ownlive.understand.extractors.address import gazetteer as gz

# Units that may stand before the street: (suffix, administrative, chars of name it needs).
# Zones (高新区, 工业园区) are names of their own after a city (成都市高新区); a town needs
# a name (徐行镇), so the 镇 of 镇海路 is no town.
GENERIC_UNITS = (
    ("经济技术开发区", False, 0),
    ("经济开发区", False, 0),
    ("高新技术开发区", False, 0),
    ("高新区", False, 0),
    ("开发区", False, 0),
    ("工业园区", False, 0),
    ("工业园", False, 0),
    ("科技园", False, 0),
    ("产业园", False, 0),
    ("工业区", False, 0),
    ("园区", False, 2),
    ("特别行政区", True, 2),
    ("自治区", True, 2),
    ("自治州", True, 2),
    ("自治县", True, 2),
    ("新区", True, 2),
    ("街道", True, 2),
    ("大街", True, 2),
    ("大道", True, 2),
    ("胡同", True, 2),
    ("地区", True, 2),
    ("省", True, 2),
    ("市", True, 2),
    ("区", True, 2),
    ("县", True, 2),
    ("旗", True, 2),
    ("镇", True, 2),
    ("乡", True, 2),
    ("村", True, 2),
    ("路", True, 2),
    ("街", True, 2),
    ("巷", True, 2),
)
ZONES = GENERIC_UNITS[:11]  # the non-administrative ones, whose names may go on (科技园区)


def by_last_char(
    units: tuple[tuple[str, bool, int], ...],
) -> dict[str, list[tuple[str, bool, int]]]:
    """Generic units keyed by their last character: one dict probe instead of 30 endswith."""
    table: dict[str, list[tuple[str, bool, int]]] = {}
    for unit in units:
        table.setdefault(unit[0][-1], []).append(unit)
    return table


GENERIC_BY_LAST = by_last_char(GENERIC_UNITS)
ZONES_BY_LAST = by_last_char(ZONES)
DIRECTION = "东南西北中"
MAX_STREET_NAME = 7  # characters before the suffix when nothing marks where the name starts
MAX_UNIT_NAME = 8


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int
    admin: bool
    match: gz.Match | None  # set when the gazetteer knows the name


def segment(run: str, end: int, suffix: str, numbered: bool) -> tuple[list[Unit], int | None]:
    """Split run[:end] into prefix units and the street name; (units, street start).

    Every place the street name could begin is tried, from the right; a place
    counts when the units before it chain back without gaps and leave the street
    a name of its own (1 character, 牛街; 2 after a generic unit: 中关村|南大街 is no split).
    The chain reaching furthest left wins (上海|南京西路 over 上|海南|京西路),
    then the street nearest the suffix. Zones that are not administrative
    (科技园, 开发区) stay in the span only after an administrative unit.
    """
    shortest = 0 if numbered else 1
    if end < shortest:
        return [], None
    units = Units(run)
    best: tuple[int, list[Unit], int] | None = None
    for street_start in range(end - shortest, 0, -1):
        chain = units.chain_ending(street_start)
        if chain is None:
            continue
        need = shortest if chain[-1].match is not None or numbered else 2
        if end - street_start < need:
            continue
        if best is None or chain[0].start < best[0]:
            best = (chain[0].start, chain, street_start)
    if best is None:
        # No unit before the street: its name is the run, within what a name can be.
        return [], max(0, end - MAX_STREET_NAME)
    _, chain, street_start = best
    while chain and not chain[0].admin:
        chain.pop(0)
    return chain, street_start


class Units:
    """The units of one run, each place looked up once (a run is tried at every split)."""

    def __init__(self, run: str) -> None:
        self.run = run
        self.gazetteer = gz.gazetteer()
        self.by_end: dict[tuple[int, bool], Unit | None] = {}
        self.ends: dict[int, bool] = {}

    def chain_ending(self, end: int) -> list[Unit] | None:
        """Units covering run[x:end] without gaps, leftmost first; None if none ends at `end`."""
        units: list[Unit] = []
        pos = end
        while pos > 0:
            unit = self.unit_ending(pos, before_street=not units)
            if unit is None:
                break
            units.insert(0, unit)
            pos = unit.start
        return units or None

    def unit_ending(self, end: int, before_street: bool) -> Unit | None:
        key = (end, before_street)
        if key not in self.by_end:
            self.by_end[key] = self.find_unit(end, before_street)
        return self.by_end[key]

    def find_unit(self, end: int, before_street: bool) -> Unit | None:
        run = self.run
        found = self.gazetteer.match_ending(run, 0, end)
        if found is not None:
            at, match = found
            if self.safe_short(at, end, match, before_street):
                return Unit(at, end, True, match)
        if end < len(run) and any(
            run.endswith(g, 0, end + 1) for g, _, _ in ZONES_BY_LAST.get(run[end], ())
        ):
            return None  # 科技园|区超前路: the zone's name goes on
        for name, admin, min_name in GENERIC_BY_LAST.get(run[end - 1], ()):
            if run.endswith(name, 0, end):
                head = self.generic_start(end - len(name), min_name)
                if head is not None:
                    return Unit(head, end, admin, None)
        return None

    def generic_start(self, name_start: int, min_name: int) -> int | None:
        """Where a generic unit (徐行镇, 高新区) begins: after a known unit, or run start."""
        for head in range(name_start - min_name, max(0, name_start - MAX_UNIT_NAME) - 1, -1):
            if head == 0 and name_start - head >= 2:
                return head
            if head > 0 and self.ends_unit(head):
                return head
        return None

    def ends_unit(self, end: int) -> bool:
        if end not in self.ends:
            run = self.run
            self.ends[end] = self.gazetteer.match_ending(run, 0, end) is not None or any(
                run.endswith(name, 0, end) for name, _, _ in GENERIC_BY_LAST.get(run[end - 1], ())
            )
        return self.ends[end]

    def safe_short(self, at: int, end: int, match: gz.Match, before_street: bool) -> bool:
        """A full name is always a unit; a short one (上海, 浦东) only where no street's can be."""
        if not match.short:
            return True
        if match.levels == {3} and self.gazetteer.match_ending(self.run, 0, at) is None:
            return False  # 浦东 alone may begin a street name; after 上海 it is the district
        if before_street:
            name = self.run[end:]
            # 中山南二路 and 中山五路 are streets, not 中山 + 南二路 or 五路.
            if len(name) < 2 or (len(name) == 2 and name[0] in DIRECTION):
                return False
        return True
