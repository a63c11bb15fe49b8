"""Numeric forms every language writes alike: ISO dates, HH:MM, day.month.year.

Each language grammar includes these rules; the composer runs a rule once
however many languages share it.
"""

from __future__ import annotations

import re

from ownlive.understand.extractors.datetime.grammar import Rule, token
from ownlive.understand.extractors.datetime.parts import Parts, Token

# Neither a digit, a decimal/thousands separator nor a letter right before a number:
# keeps versions (v2.3), prices (12,50) and codes (LH720) out.
NUM_START = r"(?<![A-Za-z0-9_.,:/+$€£¥])"

ISO = re.compile(
    NUM_START + r"(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    r"(?:(?:T|\s+)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?![\d:]))?"
)
CLOCK = re.compile(
    NUM_START + r"(?P<h>[01]?\d|2[0-4])[:：](?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d:]|[.,]\d)"
)
DOTTED = re.compile(
    NUM_START + r"(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>(?:19|20)?\d{2}(?!\d))?(?![\d]|\.\d)"
)


def _iso(m: re.Match[str]) -> Token | None:
    month, day = int(m["mo"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    parts = Parts(year=int(m["y"]), month=month, day=day)
    if m["h"] is not None:
        hour, minute = int(m["h"]), int(m["mi"])
        if hour > 24 or minute > 59:
            return None
        parts.hour, parts.minute, parts.clock24 = hour, minute, True
    return token(m, parts)


def _clock(m: re.Match[str]) -> Token | None:
    return token(m, Parts(hour=int(m["h"]), minute=int(m["m"]), clock24=True))


def _dotted(m: re.Match[str]) -> Token | None:
    day, month = int(m["d"]), int(m["mo"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = None
    if m["y"]:
        year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    return token(m, Parts(year=year, month=month, day=day))


COMMON_RULES: tuple[Rule, ...] = ((ISO, _iso), (CLOCK, _clock), (DOTTED, _dotted))
