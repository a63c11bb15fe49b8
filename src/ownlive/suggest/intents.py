"""Is this message a plan, a meal wanted, a venue fixed, or something that is no plan?

Cue lexicons per language decide what the entities alone cannot: a datetime
becomes a calendar card only in a message that sets, proposes, confirms or
moves something the user attends; a cuisine becomes restaurant suggestions
only when eating is proposed or wanted and no venue is fixed (DESIGN.md 5).
Cues are matched case-insensitively, Latin ones on word boundaries; a
multi-word cue is written with `_` between its words.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ownlive.suggest.engine import Understood

PLAN_CUES = {
    "zh": "见 见面 碰头 开会 会议 例会 聚 聚会 聚餐 吃饭 晚饭 午饭 早饭 "
    "早餐 午餐 晚餐 宵夜 约 约好 预约 "
    "看房 面试 上门 维修 安装 派对 生日 出发 旅行 旅游 出差 入住 酒店 航班 接你 接机 送机 取 "
    "电话会 通话 打电话 视频 吃 喝 玩 唱歌 看电影 电影 演唱会 课 上课 医院 看病 体检 牙医 挂号 "
    "一起 过来 过去 走吧 改到 改成 推迟 提前 订位 订了 定了 不见不散",
    "en": "meet meeting meetup see_you catch_up dinner lunch breakfast brunch drinks coffee "
    "appointment viewing interview repair technician plumber party birthday trip flight hotel "
    "check-in check_in call pick_up pickup pick_you_up reservation booked table class "
    "doctor dentist movie cinema game concert still_on let's lets shall_we come_over "
    "rescheduled moved_to postponed join_us hang_out",
    "de": "treffen treffen_uns trifft termin besprechung meeting essen abendessen mittagessen "
    "frühstück brunch kaffee besichtigung wohnungsbesichtigung vorstellungsgespräch handwerker "
    "techniker reparatur party feier geburtstag reise flug hotel anruf anrufen telefonieren "
    "abholen hole_dich_ab kino konzert sehen_uns lust_auf kommst_du kommt_ihr tisch reserviert "
    "arzt zahnarzt verschoben verlegt dabei",
}
NOT_PLAN_CUES = {
    "zh": "送达 派送 配送 预计 快递 包裹 还款 缴费 账单 扣款 到期 "
    "停电 停水 维护 检修通知 消费 支付 交易 "
    "入账 转账 余额 验证码 到家 迟到 晚点到 堵车",
    "en": "delivery delivered arrives arriving out_for_delivery parcel package due payment pay_by "
    "bill outage maintenance spent charged transaction balance running_late be_home home_in "
    "stuck_in_traffic",
    "de": "zustellung zugestellt lieferung geliefert paket sendung fällig zahlung rechnung "
    "abbuchung abgebucht störung wartung ausfall kontostand verspäte verspätung später_da "
    "zu_hause bin_gleich",
}
MEAL_WANTED_CUES = {
    "zh": "吃 想吃 去吃 吃点 馋 饿 外卖 点餐 叫外卖 晚饭 午饭 宵夜 吃什么 吃啥",
    "en": "eat eating food hungry craving crave dinner lunch takeaway takeout order_in grab "
    "fancy feel_like want",
    "de": "essen hunger lust_auf bestellen lieferdienst abendessen mittagessen",
}
VENUE_FIXED_CUES = {
    "zh": "我家 你家 他家 她家 家里 订位 订了位 订好了 已订 预订了 在家",
    "en": "my_place your_place at_home booked_a_table table_is_booked reservation_at "
    "reserved_at i'll_cook home_cooked",
    "de": "bei_mir bei_dir zu_hause reserviert reserviere koche_ich",
}


def _pattern(phrases: str, latin: bool) -> re.Pattern[str]:
    # Multi-word cues are written with "_" for the space between their words.
    words = sorted({w.replace("_", " ") for w in phrases.split()}, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    if latin:
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)
    return re.compile(alternation)


@functools.cache
def _cues(table_name: str, lang: str) -> re.Pattern[str]:
    table: dict[str, str] = globals()[table_name]
    return _pattern(table[lang], latin=lang != "zh")


def _matches(table_name: str, text: str, langs: set[str]) -> bool:
    return any(_cues(table_name, lang).search(text) for lang in langs)


def is_plan(text: str, langs: set[str]) -> bool:
    return _matches("PLAN_CUES", text, langs)


def is_not_plan(text: str, langs: set[str]) -> bool:
    return _matches("NOT_PLAN_CUES", text, langs)


def meal_wanted(text: str, langs: set[str]) -> bool:
    return _matches("MEAL_WANTED_CUES", text, langs)


def venue_fixed(text: str, langs: set[str]) -> bool:
    return _matches("VENUE_FIXED_CUES", text, langs)


def food_wish(message: Understood) -> bool:
    """A cuisine wanted or proposed with no venue fixed: what restaurant cards answer."""
    langs = {message.lang}
    if not message.of_type("cuisine") or message.of_type("address"):
        return False
    if not (meal_wanted(message.text, langs) or is_plan(message.text, langs)):
        return False
    return not venue_fixed(message.text, langs)
