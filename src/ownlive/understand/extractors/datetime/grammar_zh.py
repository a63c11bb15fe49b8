"""Chinese datetime grammar: token rules and connectors (see `grammar.Grammar`).

Chinese has no spaces, so the rules guard their edges with the characters
around them: 号 after a street (南京西路12号) or before 楼/线 (5号楼, 3号线) is
no date, 一点 after 早/有 (早一点, 有一点) is "a bit", and 分钟内 is a
duration ("5分钟内有效"), never a time from now.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime import grammar_periods as periods
from ownlive.understand.extractors.datetime import lexicon_zh as lex
from ownlive.understand.extractors.datetime.grammar import (
    Grammar,
    Rule,
    alternation,
    duration,
    rule,
    token,
)
from ownlive.understand.extractors.datetime.grammar_common import COMMON_RULES, NUM_START
from ownlive.understand.extractors.datetime.grammar_zh_history import ZH_HISTORY_RULES
from ownlive.understand.extractors.datetime.grammar_zh_lunar import ZH_LUNAR_RULES
from ownlive.understand.extractors.datetime.grammar_zh_window import ZH_WINDOW_RULES
from ownlive.understand.extractors.datetime.numerals import ZH_NUM, ZH_YEAR, zh_int, zh_year
from ownlive.understand.extractors.datetime.parts import Parts, Token

_NUM = ZH_NUM
# Characters before 一点/两点 that make it "a bit" / "two points", not a clock time.
# Characters after which 一点/两点 is a clock time: a day, day-part, date or connector.
_CLOCK_BEFORE = frozenset("午上晨夜天号日一二三四五六七末在于到至从等约 \t,，、。:：-~～（(")
# Characters after "N点" that make it a count of points ("三点建议", "一点儿", "两点都").
_POINTS_AFTER = frozenset("儿建意要原问看内注事理想区不好需个都也就还点水线")
# A house number, metro line or building before or near 号: "胡同1号", "甲14号", "地铁十号".
_ADDRESS_NEAR = re.compile(
    r"[路街道巷同弄里村区栋楼幢室层座门牌院园苑址铁线甲乙丙丁临近沿条湾桥寺坊场]"
)


def _year(m: re.Match[str]) -> int | None:
    return zh_year(m["y"]) if m["y"] else None


def _month_day(m: re.Match[str]) -> Token | None:
    if "两" in m["mo"]:
        return None  # 两月 is two months
    month = zh_int(m["mo"])
    if month is None or not 1 <= month <= 12:
        return None
    day = None
    if m["d"]:
        day = zh_int(m["d"])
        if day is None or not 1 <= day <= 31:
            return None
    return token(m, Parts(year=_year(m), month=month, day=day))


def _year_only(m: re.Match[str]) -> Token | None:
    return token(m, Parts(year=_year(m)))


def _bare_day(m: re.Match[str]) -> Token | None:
    day = zh_int(m["d"])
    if day is None or not 1 <= day <= 31:
        return None
    if _ADDRESS_NEAR.search(m.string, max(0, m.start() - 6), m.start()):
        return None
    return token(m, Parts(day=day))


def _weekday(m: re.Match[str]) -> Token | None:
    after = m.string[m.end() : m.end() + 1]
    if (
        m["d"] == "一"
        and after
        and after in "起下样直共些定般"
        and m.string[m.end() : m.end() + 2] != "下午"
    ):
        return None  # 下周一起 is "together next week"
    shift = lex.WEEK_PREFIX.get(m["mod"] or "", None) if m["mod"] else None
    return token(m, Parts(weekday=lex.WEEKDAY_DIGITS[m["d"]], week_shift=shift))


def _rel(m: re.Match[str]) -> Token | None:
    rel, part = lex.REL_DAYS[m["v"]]
    return token(m, Parts(rel_day=rel, daypart=part))


def _daypart(m: re.Match[str]) -> Token | None:
    part = lex.DAYPARTS[m["v"]]
    # "下午开会", "晚上见": a day-part alone is this day's in Chinese chat; the night
    # words (夜里, 半夜) stay a part of something else.
    alone = m["v"] in lex.TODAY_DAYPARTS
    parts = Parts(daypart=part, today_implied=alone or None)
    return token(m, parts, weak=part not in ("noon", "midnight") and not alone)


def _period(m: re.Match[str]) -> Token | None:
    period, shift = lex.PERIODS[m["v"]]
    return token(m, Parts(period=period, period_shift=shift))


def _clock(m: re.Match[str]) -> Token | None:
    raw_hour = m["h"]
    hour = zh_int(raw_hour)
    if hour is None or hour > 24:
        return None
    text = m.string
    before = text[m.start() - 1] if m.start() > 0 else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if before == "第" or (raw_hour in ("一", "两") and before and before not in _CLOCK_BEFORE):
        return None  # 贵一点, 好一点, 其它两点: "a bit", "two points"
    minute = None
    if m["half"]:
        minute = 30
    elif m["q"]:
        minute = 15 if m["q"] == "一刻" else 45
    elif m["m"]:
        minute = zh_int(m["m"])
        # "三点五" is 3.5; a minute needs 分 or two characters ("三点十五", "7点30").
        if minute is None or minute > 59 or (not m["fen"] and len(m["m"]) < 2):
            return None
    elif after in _POINTS_AFTER:
        return None
    return token(m, Parts(hour=hour, minute=minute, clock24=m["unit"] in ("时", "時") or None))


def _duration(m: re.Match[str]) -> Token | None:
    raw = m["n"]
    amount = 0.5 if raw == "半" else None
    if amount is None:
        value = float(raw) if re.fullmatch(r"\d+(?:\.\d+)?", raw) else zh_int(raw)
        if value is None:
            return None
        amount = float(value)
    if m["half"]:
        amount += 0.5
    unit = m["u"]
    sign = -1 if m["dir"] in ("前", "以前", "之前") else 1
    if (unit == "月" and not m["ge"]) or (unit == "日" and sign < 0):
        return None  # 3月前 and 15日前 are "before March", "before the 15th"
    minutes, days, months = lex.UNITS[unit]
    parts = duration(amount, (minutes, days, months), sign)
    return None if parts is None else token(m, parts)


def _short_ymd(m: re.Match[str]) -> Token | None:
    """'12-11-10': year first, as Chinese dates are written (2012-11-10)."""
    month, day = int(m["mo"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return token(m, Parts(year=2000 + int(m["y"]), month=month, day=day))


def _holiday(m: re.Match[str]) -> Token | None:
    word = m["v"]
    holiday = lex.HOLIDAYS.get(word) or lex.NUMBER_HOLIDAYS[word]
    return token(m, Parts(holiday=holiday))


RULES: tuple[Rule, ...] = (
    *COMMON_RULES,
    *periods.ZH_RULES,
    *ZH_HISTORY_RULES,
    *ZH_LUNAR_RULES,
    *ZH_WINDOW_RULES,
    rule(
        NUM_START + r"(?P<y>\d{2})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-]|[.:]\d)",
        _short_ymd,
        ("-",),
    ),
    rule(
        rf"(?<![\d.])(?:(?P<y>{ZH_YEAR})年)?(?P<mo>{_NUM})月份?"
        rf"(?:(?P<d>{_NUM})(?:日|号|號|(?![\d个天次号])))?(?![个底初中])",
        _month_day,
        ("月",),
    ),
    rule(
        r"(?<![\d.])(?P<y>\d{4}|0\d|[零〇一二三四五六七八九]{4})\s?年(?![代级前后内间度月])",
        _year_only,
        ("年",),
    ),
    rule(
        rf"(?<![\dA-Za-z路街道巷弄里村区栋楼幢室层座门牌元第号])(?P<d>{_NUM})(?:号|號|日)"
        r"(?![楼线门床房院位桌厅店馆窗机柜台口车道铺舱包厢元块游内间前\d一二三四五六七八九十两])",
        _bare_day,
        ("号", "號", "日"),
    ),
    rule(
        r"(?P<mod>下下|上上|下|这|這|本|上)?(?:个|個)?(?:周|星期|礼拜|週|禮拜)"
        r"(?P<d>[一二三四五六日天七1-7])(?![一二三四五六七八九十\d次年])",
        _weekday,
        ("周", "星期", "礼拜", "週", "禮拜"),
    ),
    rule(rf"(?P<v>{alternation(lex.REL_DAYS)})(?!头条|美术馆|说法)", _rel, tuple("今明后後昨前")),
    rule(
        rf"(?P<v>{alternation(lex.DAYPARTS)})(?!好)",
        _daypart,
        tuple("早上晨凌中正下午傍黄晚夜深半"),
    ),
    rule(rf"(?P<v>{alternation(lex.PERIODS)})(?![边围])", _period, tuple("周星礼週月年")),
    rule(
        rf"(?<![\d.])(?P<h>{_NUM})(?P<unit>点钟|点|點|时|時)"
        r"(?:(?P<half>半)|(?P<q>一刻|三刻)|(?P<m>\d{1,2}|[零〇一二三四五六七八九十]{1,3})"
        r"(?:(?P<fen>分)(?:\d{1,2}秒)?)?)?(?![\d.%])",
        _clock,
        ("点", "點", "时", "時"),
    ),
    rule(
        r"(?P<n>半|\d+(?:\.\d+)?|[零一二两三四五六七八九十]{1,3})(?P<ge>个|個)?(?P<half>半)?"
        r"(?P<u>秒钟|秒|分钟|分鐘|小时|小時|钟头|天|日|周|星期|礼拜|月|年)"
        r"(?P<dir>以后|之后|以後|之後|后|後|以前|之前|前)",
        _duration,
        tuple("后後前"),
    ),
    rule(
        rf"(?P<v>{alternation(lex.HOLIDAYS)}|"
        r"(?:五一|十一|六一)(?=假|长假|小长假|黄金周|期间|放假|节|那天|当天|回|出|去))"
        r"(?!快乐|老人|树|礼物|节快乐|蒜|粥)",
        _holiday,
        tuple("元春过過大除年清劳端七中国重腊圣平情儿妇三教万感母父复跨五十六"),
    ),
)

_TIME = r"\d{1,2}(?:[:：]\d{2}|点(?:半)?)?"
_CLOCK_RANGE = r"\d{1,2}[:：]\d{2}\s*(?:-|–|~|～|至|到)\s*\d{1,2}[:：]\d{2}"

GRAMMAR = Grammar(
    lang="zh",
    rules=RULES,
    join=r"[\s,，、的（）()]*",
    range_conn=r"\s*(?:到|至|-|–|—|~|～|－)\s*",
    between=re.compile(r"(?!)"),
    between_and=r"(?!)",
    num_before=re.compile(rf"(?<![\d.])(?P<n>\d{{1,2}}|{_NUM})\s*(?:到|至|-|–|~|～)\s*\Z"),
    num_after=re.compile(
        rf"\s*(?:到|至|-|–|~|～)\s*(?P<n>\d{{1,2}}|{_NUM})(?![\d点點号號日时時:：月分个個天年小周])"
    ),
    recurrence=re.compile(r"(?:每|逢|每逢)(?:个|個|一)?(?:天|日|晚|早|周|星期|礼拜|月|年)?的?\Z"),
    blocks=(
        # Opening hours: the rest of the clause after 营业/开放 (营业时间是周一至周日 11:00-14:00),
        # and a weekday range with a time range (周一至周五 9:00-18:00).
        re.compile(r"(?:营业|營業|开放|開放|开门|营运|办公时间|工作时间)[^。！？!?\n；;]{0,80}"),
        re.compile(
            r"(?:周|星期|礼拜)[一二三四五六日天](?:\s*(?:至|到|-|–|~|～|、|,|，)\s*(?:周|星期|礼拜)?"
            rf"[一二三四五六日天])+[:：\s]*{_TIME}\s*(?:-|–|~|～|至|到)\s*{_TIME}"
            r"[^。！？!?\n；;]{0,60}"
        ),
        re.compile(rf"(?:工作日|每天|每日)[:：\s]*{_TIME}\s*(?:-|–|~|～|至|到)\s*{_TIME}"),
        # Two clock ranges in a row are a timetable: "11:30-14:30 17:30-22:00".
        re.compile(
            rf"{_CLOCK_RANGE}(?:[\s,，、;；]*(?:午餐|晚餐|正餐|早点)?[:：]?\s*{_CLOCK_RANGE})+"
        ),
    ),
)
