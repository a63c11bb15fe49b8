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

from ownlive.understand.doc import Entity
from ownlive.understand.extractors.address import gazetteer as gz
from ownlive.understand.extractors.address import zh_tail
from ownlive.understand.extractors.address.value import address, words
from ownlive.understand.extractors.address.zh_prefix import segment

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
# A street name may begin with digits (长江1路, 8号大街) right before its suffix.
NUMBERED_STREET = re.compile(rf"(?:[{DIGIT}]+|[{CN_NUM}]+号)号?$")


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
