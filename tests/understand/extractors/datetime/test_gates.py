"""The rule index: only rules whose trigger words occur run, and none is missed."""

from __future__ import annotations

import random
import re

import pytest

from ownlive.understand.extractors.datetime.gates import RuleIndex
from ownlive.understand.extractors.datetime.grammar import DIGITS, Rule, rule
from ownlive.understand.extractors.datetime.parts import Parts, Token


def build(m: re.Match[str]) -> Token:
    return Token(m.start(), m.end(), Parts())


ALWAYS = rule(r"x", build)
DIGIT_AND_COLON = rule(r"\d:\d", build, DIGITS, (":",))
TOMORROW = rule(r"tomorrow", build, ("tom", "tomorrow"))
ON_A_DAY = rule(r"on\s+\w+", build, ("on ",))
INDEX = RuleIndex([ALWAYS, DIGIT_AND_COLON, TOMORROW, ON_A_DAY])


@pytest.mark.parametrize(
    ("low", "chosen"),
    [
        ("ok", [ALWAYS]),
        ("at 7:30", [ALWAYS, DIGIT_AND_COLON]),
        ("at 730", [ALWAYS]),  # a digit alone does not open the colon rule
        ("tomorrow", [ALWAYS, TOMORROW]),  # "tom", a prefix of "tomorrow", is present too
        ("see you on\nfriday", [ALWAYS, ON_A_DAY]),  # a trigger's space is any white space
    ],
)
def test_select(low: str, chosen: list[Rule]) -> None:
    assert INDEX.select(low) == chosen


def test_select_remembers_trigger_sets_without_sharing_its_answer() -> None:
    index = RuleIndex([ALWAYS, DIGIT_AND_COLON, TOMORROW, ON_A_DAY])
    first = index.select("tomorrow at 7:30")
    first.clear()  # a caller's change to its list does not reach the next caller
    assert index.select("see you tomorrow, 7:30?") == [ALWAYS, DIGIT_AND_COLON, TOMORROW]


def test_select_memory_is_bounded() -> None:
    many = [rule(rf"w{i}", build, (f"w{i}x",)) for i in range(40)]
    index = RuleIndex(many)
    rng = random.Random(5)
    for _ in range(5000):  # more trigger sets than it remembers
        chosen = sorted(rng.sample(range(40), 6))
        low = " ".join(f"w{i}x" for i in chosen)
        assert index.select(low) == [many[i] for i in chosen]
    assert len(index._chosen) <= 4096
