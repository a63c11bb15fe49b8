"""Chinese addresses: [province][city][district][town…] street house-number [building][floor/room].

The anchor is a street suffix followed by a house number (南京西路1266号,
万家丽路中段539号, 沪松公路1136弄). From there the grammar reads leftwards for
the street name and the administrative prefix (checked against the cpca
gazetteer, so 广东省深圳市南山区 splits into its units and fills region/city),
and rightwards for what DESIGN.md 4.1 keeps in the span: a building or complex
name right after the number, then building/floor/room units.

Where a street name starts is the hard part in running text: the scan stops at
function characters and words (在, 到, 是, 地址, 附近…), at an administrative
unit, or at a digit; it never reaches across punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ownlive.understand.doc import Entity
from ownlive.understand.extractors.address import gazetteer as gz
from ownlive.understand.extractors.address.value import address

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
DIGIT = "0-9０-９"
CN_NUM = "零〇一二三四五六七八九十百千"

# 里 is a street suffix only in the 东里/北里… form; 弄 marks a Shanghai lane number.
ANCHOR = re.compile(
    rf"(?P<suffix>大街|大道|公路|胡同|路|街|道|巷|(?<=[东南西北中])里)"
    rf"(?P<seg>[东南西北中]段)?"
    rf"[ \u3000]?"
    rf"(?P<num>[甲乙丙丁]?(?:[{DIGIT}]+(?:[-－][{DIGIT}]+)?|[{CN_NUM}]+(?=[号號])))"
    rf"(?P<hao>[号號](?:楼(?![下上前后里外顶梯道])|院)?|弄)?"
)
QUICK = rf"(?:大街|大道|公路|胡同|[路街道巷里])(?:[东南西北中]段)?[ \u3000]?[甲乙丙丁]?[{DIGIT}{CN_NUM}]"

# A number without 号 must end here (or at a building/floor unit): not 7点, 100米, 5个.
BARE_NUMBER_END = re.compile(r"$|[\s，。,.!！?？;；、:：(（)）]|栋|幢|座|单元|层|楼|室|底商")
# Words ending in a street suffix that are not streets (知道, 频道, 一路…).
NOT_STREETS = frozenset(
    "知道 报道 频道 通道 渠道 车道 跑道 隧道 管道 赛道 味道 难道 轨道 走道 航道 人行道 "
    "线路 思路 道路 出路 走路 电路 网路 马路 上路 半路 迷路 带路 回路 套路 高速公路 "
    "逛街 上街 一条街 小巷".split()
)
# Characters that end a street name or prefix when reading leftwards.
STOP_CHARS = frozenset("在到去是于住往从的了吧呢啊嘛哦呀吗我你他她它您们请就也还再见等址号即把给被让叫约搬寄送来")
STOP_WORDS = re.compile(
    "地址|位置|位于|定位|坐落|附近|旁边|对面|门口|那边|这边|那个|这个|那家|这家|一下|明天|今天|后天|昨天|"
    "晚上|上午|下午|中午|早上|傍晚|周末|然后|就是|我们|地点|搬家|现在|已经|可以|一起|集合|见面|回家|"
    "出发|导航|打车|快递|收货|楼下|楼上|里面|外面|碰头"
)
# Units that may stand before the street, with whether they are administrative.
GENERIC_UNITS = (
    ("经济开发区", False),
    ("高新区", False),
    ("开发区", False),
    ("工业园区", False),
    ("工业园", False),
    ("科技园", False),
    ("产业园", False),
    ("工业区", False),
    ("园区", False),
    ("特别行政区", True),
    ("自治区", True),
    ("自治州", True),
    ("自治县", True),
    ("新区", True),
    ("街道", True),
    ("大街", True),
    ("地区", True),
    ("省", True),
    ("市", True),
    ("区", True),
    ("县", True),
    ("旗", True),
    ("镇", True),
    ("乡", True),
    ("村", True),
    ("路", True),
    ("街", True),
)
DIRECTION = "东南西北中"
UNIT = re.compile(
    rf"[ \u3000]?(?:(?:[A-Za-z]{{0,2}}[{DIGIT}]+[A-Za-z]?(?:[-－][A-Za-z]?[{DIGIT}]+[A-Za-z]?)?"
    rf"|[{CN_NUM}]+|[A-Za-z]{{1,2}})(?:号楼|号院|号门|栋|幢|座|单元|层|楼|室|[号號]|F(?![A-Za-z])|#))"
)
ROOM = re.compile(rf"[A-Za-z]{{0,2}}[{DIGIT}]+(?:[-－][A-Za-z{DIGIT}]+)?[A-Za-z]?(?![{DIGIT}])")
ROOM_NOT_BEFORE = re.compile(rf"[点时分元块米个人岁年月日号號天次%％.:：{DIGIT}]")
BUILDING_SUFFIX = re.compile(
    "(?:大厦|广场|购物中心|中心|大楼|花园|公寓|小区|家园|公馆|园区|产业园|科技园|商场|商城|百货|"
    "大酒店|酒店|宾馆|饭店|天地|天街|大学|学院|医院|剧场|剧院|体育馆|体育场|博物馆|美术馆|图书馆|"
    "写字楼|办公楼|综合楼|商务楼|名苑|新城|社区|国际|SOHO|[Ss]oho|苑|园|城|府|郡|庭|阁|馆|楼|座|塔|院|"
    "汇|坊|港|湾|谷|厦|墅|邸)$"
)
BUILDING_RUN = re.compile(rf"[{HAN}][{HAN}A-Za-z]{{0,15}}")
MAX_STREET_NAME = 7  # characters before the suffix when nothing marks where the name starts
ADMIN_MIN_NAME = 2  # chars of name a generic unit needs (徐行镇), so 镇海路 is no town


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int
    admin: bool
    match: gz.Match | None  # set when the gazetteer knows the name


def find(text: str) -> Iterator[Entity]:
    last_end = 0
    for anchor in ANCHOR.finditer(text):
        if anchor.start() < last_end:
            continue
        entity = read_address(text, anchor)
        if entity is not None:
            last_end = entity.end
            yield entity


def read_address(text: str, anchor: re.Match[str]) -> Entity | None:
    suffix_at = anchor.start("suffix")
    if anchor.group("hao") is None and not BARE_NUMBER_END.match(text, anchor.end("num")):
        return None
    run_start = left_run(text, suffix_at)
    units, street_start = segment(text, run_start, suffix_at, anchor.group("suffix"))
    if street_start is None:
        return None
    street = text[street_start : anchor.end("seg") if anchor.group("seg") else anchor.end("suffix")]
    if any(street.endswith(word) for word in NOT_STREETS):
        return None
    start = units[0].start if units else street_start
    end = read_tail(text, anchor.end())
    number = anchor.group("num") + ("弄" if anchor.group("hao") == "弄" else "")
    fields: dict[str, str | None] = dict(gz.resolve([u.match for u in units if u.match]))
    fields["street"] = street
    fields["house_number"] = number
    return address(text, start, end, fields)


def left_run(text: str, at: int) -> int:
    """Where the Han run that may hold the street name and prefix starts."""
    start = at
    while start > 0 and at - start < 40:
        char = text[start - 1]
        if char in STOP_CHARS or not ("\u3400" <= char <= "\u9fff"):
            break
        start -= 1
    cut = start
    for word in STOP_WORDS.finditer(text, start, at):
        cut = word.end()
    # "1266号和淮海中路": a joining word right after a previous number is not the street's.
    if cut < at and text[cut] in "和与及或跟" and cut > 0 and text[cut - 1] in "号號楼室层":
        cut += 1
    return cut


def segment(text: str, start: int, suffix_at: int, suffix: str) -> tuple[list[Unit], int | None]:
    """Split [start, suffix_at) into prefix units and the street name.

    Every place the street name could begin is tried, from the right; a place
    counts when the units before it chain back without gaps and leave the street
    a name of its own (2 characters; 1 before 大街/大道 after a known division).
    The chain reaching furthest left wins (上海|南京西路 over 上|海南|京西路),
    then the street nearest the suffix. Zones that are not administrative
    (科技园, 开发区) stay in the span only after an administrative unit.
    """
    short_name = 1 if suffix in ("大街", "大道", "胡同") else 2
    if suffix_at - start < short_name:
        return [], None
    best: tuple[int, list[Unit], int] | None = None
    for street_start in range(suffix_at - short_name, start, -1):
        chain = chain_ending(text, start, street_start, suffix_at)
        if chain is None:
            continue
        need = short_name if chain[-1].match is not None else 2
        if suffix_at - street_start < need:
            continue
        if best is None or chain[0].start < best[0]:
            best = (chain[0].start, chain, street_start)
    if best is None:
        # No unit before the street: its name is the run, within what a name can be.
        return [], max(start, suffix_at - MAX_STREET_NAME)
    _, chain, street_start = best
    while chain and not chain[0].admin:
        chain.pop(0)
    return chain, street_start


def chain_ending(text: str, start: int, end: int, street_at: int) -> list[Unit] | None:
    """Units covering [start', end) contiguously, leftmost first, or None if none ends at `end`."""
    units: list[Unit] = []
    pos = end
    while pos > start:
        unit = unit_ending(text, start, pos, street_at if not units else None)
        if unit is None:
            break
        units.insert(0, unit)
        pos = unit.start
    if not units:
        return None
    return units


def unit_ending(text: str, start: int, end: int, street_at: int | None) -> Unit | None:
    found = gz.gazetteer().match_ending(text, start, end)
    if found is not None:
        at, match = found
        if safe_short(text, at, end, match, street_at):
            return Unit(at, end, True, match)
    for name, admin in GENERIC_UNITS:
        if text.endswith(name, start, end):
            name_start = end - len(name)
            head = generic_start(text, start, name_start)
            if head is not None:
                return Unit(head, end, admin, None)
    return None


def generic_start(text: str, start: int, name_start: int) -> int | None:
    """Where a generic unit (徐行镇) begins: after a known unit, else at the run start."""
    for head in range(name_start - ADMIN_MIN_NAME, max(start, name_start - 8) - 1, -1):
        if head == start or ends_unit(text, start, head):
            return head
    return None


def ends_unit(text: str, start: int, end: int) -> bool:
    if gz.gazetteer().match_ending(text, start, end) is not None:
        return True
    return any(text.endswith(name, start, end) for name, _ in GENERIC_UNITS)


def safe_short(text: str, at: int, end: int, match: gz.Match, street_at: int | None) -> bool:
    """A full name is always a unit; a short one (上海, 浦东) only where it cannot be a street's."""
    if not match.short:
        return True
    if match.levels == {3} and gz.gazetteer().match_ending(text, 0, at) is None:
        return False  # 浦东 alone may be a street name; after 上海 it is the district
    if street_at is not None:
        name = text[end:street_at]
        # 中山南二路 is a street, not 中山 + 南二路.
        if len(name) <= 2 and name[:1] in DIRECTION:
            return False
    return True


def read_tail(text: str, pos: int) -> int:
    """End of the span: a building name right after the number, then floor/room units."""
    end = pos
    building = building_at(text, pos)
    if building is not None:
        end = building
    saw_unit = building is not None
    while True:
        unit = UNIT.match(text, end)
        if unit is None:
            break
        end = unit.end()
        saw_unit = True
        later = building_at(text, end)
        if later is not None:
            end = later
    if saw_unit:
        room = ROOM.match(text, end)
        if room is not None and not ROOM_NOT_BEFORE.match(text, room.end()):
            end = room.end()
    return end


def building_at(text: str, pos: int) -> int | None:
    run = BUILDING_RUN.match(text, pos)
    if run is None:
        return None
    stop = run.end()
    for i in range(pos, run.end()):
        if text[i] in STOP_CHARS:
            stop = i
            break
    word = STOP_WORDS.search(text, pos, stop)
    if word is not None:
        stop = word.start()
    for end in range(stop, pos + 1, -1):
        if BUILDING_SUFFIX.search(text[pos:end]) or UNIT.match(text, end):
            if end - pos >= 2 and not UNIT.fullmatch(text, pos, end):
                return end
    return None
