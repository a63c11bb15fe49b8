"""The right-hand side of a Chinese address: what follows the house number inside the span.

DESIGN.md 4.1: "a building or complex name right after the house number belongs
to it", and the span runs to the last unit written (building, tower, floor,
room). So after 号 the grammar takes a building name (恒隆广场, 环球金融中心,
SOHO复兴广场) and then units (A座, 8楼, 1#704室, 20F, 2号楼3-3室), and a bare
room number after them (大厦903). Notes in brackets and the rest of the
sentence (见, 门口, 附近) stay out.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
DIGIT = "0-9０-９"
CN_NUM = "零〇一二三四五六七八九十百千"
DASH = "-－—–"

UNIT = re.compile(
    rf"[ \u3000]?(?:首层|底商|[东南西北中](?:区|座|塔|楼|翼)(?![{HAN}])|"
    rf"(?:[A-Za-z]{{0,2}}[{DIGIT}]+[A-Za-z]?(?:[{DASH}][A-Za-z]?[{DIGIT}]+[A-Za-z]?)?|[{CN_NUM}]+|[A-Za-z]{{1,2}})"
    rf"(?:号楼|号院|号门|号厂房|号厅|栋|幢|座|单元|层|楼|室|期|区|厂房|厅|[号號]|F(?![A-Za-z])|#))"
)
# A unit suffix right after a bare number: the number was a building's (创业街3栋702室).
UNIT_AFTER_NUMBER = re.compile("栋|幢|座|单元|层|楼|室")
ROOM = re.compile(rf"[A-Za-z]{{0,2}}[{DIGIT}]+(?:[{DASH}][A-Za-z{DIGIT}]+)*[A-Za-z]?(?![{DIGIT}])")
ROOM_NOT_BEFORE = re.compile(rf"[点时分元块米个人岁年月日号號天次%％.:：{DIGIT}]")
BUILDING_SUFFIX = re.compile(
    "(?:大厦|广场|购物中心|中心|大楼|花园|公寓|小区|家园|公馆|园区|产业园|科技园|商场|商城|百货|"
    "大酒店|酒店|宾馆|饭店|天地|天街|大学|学院|医院|剧场|剧院|体育馆|体育场|博物馆|美术馆|图书馆|"
    "写字楼|办公楼|综合楼|商务楼|名苑|新城|社区|基地|SOHO|[Ss]oho|苑|园|城|府|郡|庭|阁|馆|楼|座|塔|院|"
    "汇|坊|港|湾|谷|厦|墅|邸)$"
)
BUILDING_RUN = re.compile(rf"(?:[{HAN}]|[A-Z]{{2,}}|[A-Z][a-z]+)[{HAN}A-Za-z]{{0,15}}")
STREET_NUMBER = re.compile(rf"[东南西北中]?段?[{DIGIT}]")
# Where the sentence goes on after the address (见, 门口, 附近…): a building name stops there.
STOP_CHARS = frozenset(
    "在到去是于住往从的了吧呢啊嘛哦呀吗我你他她它您们请就也还再见等址即把给被让叫约搬寄送来"
)
STOP_WORDS = re.compile(
    "附近|旁边|对面|门口|那边|这边|一下|楼下|楼上|里面|外面|碰头|集合|见面|吃饭|开会|上班|等你|"
    "明天|今天|后天|晚上|上午|下午|中午|早上"
)


# Right after 号: a building-room code (愚园路753号2-302, 田林路140号26-A, 宜山路1618号A105).
CODE = re.compile(
    rf"[A-Za-z]?[{DIGIT}]+(?:[{DASH}][A-Za-z{DIGIT}]+)+|[A-Za-z][{DIGIT}]+|[{DIGIT}]+[A-Za-z]"
)
CODE_END = re.compile(r"$|[\s，。,.!！?？;；、:：(（)）]")


def tail_end(text: str, pos: int) -> int:
    """End of the span: a building name right after the number, then floor/room units."""
    end = pos
    building = building_at(text, pos)
    if building is None and text[pos : pos + 1] in (" ", "\u3000"):
        # A space before a building name (花园石桥路33号 花旗集团大厦) when it is plainly one.
        spaced = building_at(text, pos + 1)
        if spaced is not None and BUILDING_SUFFIX.search(text, pos + 1, spaced):
            building = spaced
    if building is None:
        code = CODE.match(text, pos)
        if code is not None and CODE_END.match(text, code.end()):
            return code.end()
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
    """End of a building name starting at `pos`: the longest run ending in a building
    suffix (大厦, 广场, 中心…) or followed by a unit (恒隆42楼), cut where the sentence goes on."""
    run = BUILDING_RUN.match(text, pos)
    if run is None:
        return None
    stop = run.end()
    for i in range(pos, run.end()):
        if text[i] in STOP_CHARS:
            stop = i
            break
        if text[i] in "路街道巷" and STREET_NUMBER.match(text, i + 1):
            return None  # 1266号和淮海中路999号: the next address, not a building
    word = STOP_WORDS.search(text, pos, stop)
    if word is not None:
        stop = word.start()
    # A name with a building suffix first (南山智园|C3栋), else one followed by a unit (恒隆|42楼).
    for end in range(stop, pos + 1, -1):
        if BUILDING_SUFFIX.search(text, pos, end) and not UNIT.fullmatch(text, pos, end):
            return end
    for end in range(stop, pos + 1, -1):
        if UNIT.match(text, end) and not UNIT.fullmatch(text, pos, end):
            return end
    return None


def starts_building(text: str, pos: int) -> bool:
    """Whether a bare number (no 号) is followed by a building name (龙华中路596绿地中心)."""
    end = building_at(text, pos)
    return end is not None and BUILDING_SUFFIX.search(text, pos, end) is not None
