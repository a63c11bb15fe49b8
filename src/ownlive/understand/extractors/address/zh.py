"""Chinese addresses: [province][city][district][town…] street house-number [building][floor/room].

The anchor is a street suffix followed by a house number (南京西路1266号,
万家丽路中段539号, 黄埔大道西33号, 沪松公路1136弄). From there the grammar reads
leftwards for the street name and the administrative prefix (checked against
the cpca gazetteer, so 广东省深圳市南山区 splits into its units and fills
region/city), and `zh_tail` reads rightwards for the building and units.

Where a street name starts is the hard part in running text: the scan stops at
function characters and words (在, 到, 是, 地址, 附近…), at a digit or Latin
letter, at punctuation; inside what is left, administrative units mark the
street's start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ownlive.understand.doc import Entity
from ownlive.understand.extractors.address import gazetteer as gz
from ownlive.understand.extractors.address import zh_tail
from ownlive.understand.extractors.address.value import address, words

DIGIT = "0-9０-９"
CN_NUM = "零〇一二三四五六七八九十百千"
DASH = "-－—–~～"

# 里 needs 号 (永安里8号), 弄 marks a Shanghai lane, # and 院 stand in for 号 (白鹤泉东路193#).
ANCHOR = re.compile(
    rf"(?P<suffix>大街|大道|公路|国道|省道|胡同|路|街|道|巷|里(?=[{DIGIT}{CN_NUM}甲乙丙丁]+[号號]))"
    rf"(?P<seg>[东南西北中]段|[东南西北中](?=[甲乙丙丁]?[{DIGIT}]))?"
    rf"[ \u3000]?"
    rf"(?P<num>[甲乙丙丁]?(?:[{DIGIT}]+(?:[{DASH}][{DIGIT}]+)*[甲乙丙丁A-Za-z]?(?=[号號])|[{DIGIT}]+(?:[{DASH}][{DIGIT}]+)*|[{CN_NUM}]+(?=[号號])))"
    rf"(?P<hao>[号號](?:楼(?![下上前后里外顶梯道])|院)?(?:之[{DIGIT}]+)?|弄|院|#)?"
)
QUICK = (
    rf"(?:大街|大道|公路|胡同|[路街道巷里])(?:[东南西北中]段?)?"
    rf"[ \u3000]?[甲乙丙丁]?[{DIGIT}{CN_NUM}]"
)

# A number without 号 must end here: not 7点, 100米, 5个.
BARE_NUMBER_END = re.compile(r"$|[\s，。,.!！?？;；、:：(（)）]|底商|首层")
# Streets that are words: ending in one (新闻报道, 你知道) or being one (跑道, 电路: but 水电路,
# 浦电路 are streets), and words ending in 里 (公司里, 这里).
NOT_STREET_ENDINGS = re.compile(
    "(?:知道|报道|频道|味道|难道|渠道|思路|套路|迷路|带路|逛街|上街|条街|条路|条道|"
    "[司家店屋这那哪城心手夜群会楼院村市镇山水梦眼嘴锅车房公千万百头]里)$"
)
NOT_STREETS = words(
    "通道 车道 跑道 隧道 管道 赛道 轨道 走道 航道 人行道 线路 道路 出路 走路 电路 网路 上路 半路 "
    "回路 马路 公路 高速公路 小巷 大道 大街 一路 一街 一道 大路 小路 这路 那路 哪路"
)
# Characters that end a street name or prefix when reading leftwards.
STOP_CHARS = frozenset(
    "在到去是于住往从的了吧呢啊嘛哦呀吗我你他她它您们请就也还再见等址号即把给被让叫约搬寄送来有"
)
STOP_WORDS = re.compile(
    "地址|位置|位于|定位|坐落|附近|旁边|对面|门口|那边|这边|那个|这个|那家|这家|一下|明天|今天|后天|昨天|"
    "晚上|上午|下午|中午|早上|傍晚|周末|然后|就是|我们|地点|搬家|现在|已经|可以|一起|集合|见面|回家|"
    "出发|导航|打车|快递|收货|楼下|楼上|里面|外面|碰头"
)
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
DIRECTION = "东南西北中"
MAX_STREET_NAME = 7  # characters before the suffix when nothing marks where the name starts
MAX_UNIT_NAME = 8
# A street name may begin with digits (长江1路, 8号大街) right before its suffix.
NUMBERED_STREET = re.compile(rf"(?:[{DIGIT}]+|[{CN_NUM}]+号)号?$")


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
    hao = anchor.group("hao")
    num_end = anchor.end("num")
    bare_unit = hao is None and zh_tail.UNIT_AFTER_NUMBER.match(text, num_end) is not None
    if hao is None and not (
        bare_unit or BARE_NUMBER_END.match(text, num_end) or zh_tail.starts_building(text, num_end)
    ):
        return None
    suffix_at = anchor.start("suffix")
    numbered = NUMBERED_STREET.search(text, max(0, suffix_at - 4), suffix_at)
    name_end = numbered.start() if numbered else suffix_at
    run = left_run(text, name_end)
    compact = "".join(text[i] for i in run)
    units, street_at = segment(compact, len(compact), anchor.group("suffix"), numbered is not None)
    if street_at is None:
        return None
    street_start = run[street_at] if street_at < len(run) else name_end
    street = text[street_start : anchor.end("seg") if anchor.group("seg") else anchor.end("suffix")]
    if street in NOT_STREETS or NOT_STREET_ENDINGS.search(street):
        return None
    start = run[units[0].start] if units else street_start
    end = zh_tail.tail_end(text, anchor.start("num") if bare_unit else anchor.end())
    fields: dict[str, str | None] = dict(gz.resolve([u.match for u in units if u.match]))
    if units and text.endswith("中国", 0, start):
        # The country written before the divisions (中国北京海淀区…) is the largest unit; only
        # then is `country` set, as the contract's zh examples carry none.
        start -= 2
        fields["country"] = "CN"
    fields["street"] = street
    fields["house_number"] = anchor.group("num") + ("弄" if hao == "弄" else "")
    return address(text, start, end, fields)


def left_run(text: str, at: int) -> list[int]:
    """Indices of the Han run before `at` that may hold the street name and prefix.

    Single spaces between Han characters are skipped (浙江省 杭州市 上城区 解放路26号).
    """
    start = at
    while start > 0 and at - start < 40:
        char = text[start - 1]
        if char == " " and start >= 2 and is_han(text[start - 2]) and is_han(text[start]):
            start -= 1
            continue
        if not is_han(char) or (char in STOP_CHARS and start < at):
            break  # a stop character right before the suffix is the name's (求是路, 福从路)
        start -= 1
    cut = start
    for word in STOP_WORDS.finditer(text, start, at):
        cut = word.end()
    if cut < at and cut > 0:
        before = text[cut - 1]
        # "1266号和淮海中路": a joining word after a previous number is not the street's;
        # "C区金山路": a unit letter's suffix is not a district.
        joined = text[cut] in "和与及或跟" and before in "号號楼室层"
        lettered = text[cut] in "区栋座楼层号" and before.isascii() and before.isalnum()
        if joined or lettered:
            cut += 1
    return [i for i in range(cut, at) if text[i] != " "]


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


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
    best: tuple[int, list[Unit], int] | None = None
    for street_start in range(end - shortest, 0, -1):
        chain = chain_ending(run, street_start, end)
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


def chain_ending(run: str, end: int, street_at: int) -> list[Unit] | None:
    """Units covering run[x:end] without gaps, leftmost first; None if no unit ends at `end`."""
    units: list[Unit] = []
    pos = end
    while pos > 0:
        unit = unit_ending(run, pos, street_at if not units else None)
        if unit is None:
            break
        units.insert(0, unit)
        pos = unit.start
    return units or None


def unit_ending(run: str, end: int, street_at: int | None) -> Unit | None:
    found = gz.gazetteer().match_ending(run, 0, end)
    if found is not None:
        at, match = found
        if safe_short(run, at, end, match, street_at):
            return Unit(at, end, True, match)
    if end < len(run) and any(run.endswith(g, 0, end + 1) for g, _, _ in GENERIC_UNITS[:11]):
        return None  # 科技园|区超前路: the zone's name goes on
    for name, admin, min_name in GENERIC_UNITS:
        if run.endswith(name, 0, end):
            head = generic_start(run, end - len(name), min_name)
            if head is not None:
                return Unit(head, end, admin, None)
    return None


def generic_start(run: str, name_start: int, min_name: int) -> int | None:
    """Where a generic unit (徐行镇, 高新区) begins: after a known unit, else at the run start."""
    for head in range(name_start - min_name, max(0, name_start - MAX_UNIT_NAME) - 1, -1):
        if head == 0 and name_start - head >= 2:
            return head
        if head > 0 and ends_unit(run, head):
            return head
    return None


def ends_unit(run: str, end: int) -> bool:
    if gz.gazetteer().match_ending(run, 0, end) is not None:
        return True
    return any(run.endswith(name, 0, end) for name, _, _ in GENERIC_UNITS)


def safe_short(run: str, at: int, end: int, match: gz.Match, street_at: int | None) -> bool:
    """A full name is always a unit; a short one (上海, 浦东) only where it cannot be a street's."""
    if not match.short:
        return True
    if match.levels == {3} and gz.gazetteer().match_ending(run, 0, at) is None:
        return False  # 浦东 alone may begin a street name; after 上海 it is the district
    if street_at is not None:
        name = run[end:street_at]
        # 中山南二路 is a street, not 中山 + 南二路.
        if len(name) <= 2 and name[:1] in DIRECTION:
            return False
    return True
