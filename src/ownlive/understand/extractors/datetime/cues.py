"""Cues in a message for the reading of a bare hour a person would take (DESIGN.md 4.1).

"dinner at 8" is 20:00, "brunch um 11" is 11:00, "The parcel was delivered at 9" tells
of the past. The resolver asks only when a bare hour needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words that say which half of the day a bare "at 8" means. Evening plans win over
# the morning reading of 7–11; breakfast-like plans keep it.
_EVENING = re.compile(
    r"dinner|supper|drinks?\b|beers?\b|\bbar\b|\bpub\b|party|movie|cinema|concert|club|"
    r"date night|game night|karaoke|\bthai\b|pizza|sushi|burger|ramen|hot ?pot|bbq|"
    r"abendessen|essen gehen|lust auf|\bkino|\bbier|kneipe|feiern|konzert|grillen|döner|"
    r"italiener|\bfilm\b|spieleabend|"
    r"晚饭|晚餐|聚餐|吃饭|喝酒|喝一杯|酒吧|电影|聚会|火锅|烧烤|撸串|唱歌|ktv|宵夜|夜宵",
    re.IGNORECASE,
)
_LATE_NIGHT = re.compile(
    r"\bbar\b|\bpub\b|club|party|drinks?\b|kneipe|feiern|酒吧|宵夜|夜宵|蹦迪", re.IGNORECASE
)
_MORNING = re.compile(
    r"breakfast|brunch|\bgym\b|standup|stand-up|frühstück|brunch|joggen|"
    r"早饭|早餐|早茶|早点|上班|晨跑|早会",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|paid|received|arrived|happened|charged|delivered|landed|ago|"
    r"war|waren|wurde|hatte|bezahlt|erhalten|angekommen|geliefert|gelandet)\b|已|刚",
    re.IGNORECASE,
)

# Chinese marks the past with 了 rather than a tense: "开完了", "去过了", and a
# sentence-final 了 ("上午开会了"), unless the sentence looks ahead ("要下雨了",
# "快到了", "马上就好了"), where the same 了 marks a change about to happen.
_PAST_ZH = re.compile(r"[过過完]了|了[吗嗎嘛吧呀啊呢]?\s*[。！!？?～~…]*\s*$")
_AHEAD_ZH = re.compile(r"要|将|將|快(?![递遞])|马上|馬上|就会|就會")


def _tells_of_past(text: str) -> bool:
    return _PAST.search(text) is not None or (
        _PAST_ZH.search(text) is not None and _AHEAD_ZH.search(text) is None
    )


class Cues:
    """What the whole message says about which reading of a bare hour a person means.

    Read lazily: most messages never need it (their times carry am/pm, a day-part or
    "Uhr"), and each cue is a scan of the text.
    """

    __slots__ = ("_found", "_text")

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._found: dict[str, bool] = {}

    @classmethod
    def of(cls, text: str) -> Cues:
        return cls(text)

    def _has(self, name: str, test: Callable[[str], object]) -> bool:
        if name not in self._found:
            self._found[name] = bool(test(self._text))
        return self._found[name]

    @property
    def evening(self) -> bool:
        return self._has("evening", _EVENING.search)

    @property
    def late_night(self) -> bool:
        return self._has("late_night", _LATE_NIGHT.search)

    @property
    def morning(self) -> bool:
        return self._has("morning", _MORNING.search)

    @property
    def past(self) -> bool:
        return self._has("past", _tells_of_past)
