"""Skills register like every other plugin: a decorator for built-ins, a hook for all.

@skill("navigate")
def navigate(message: Understood, context: SuggestContext) -> Iterable[Card]: ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ownlive.suggest.cards import Card

if TYPE_CHECKING:
    from ownlive.suggest.engine import SuggestContext, Understood

SkillFn = Callable[["Understood", "SuggestContext"], Iterable[Card]]


@dataclass(frozen=True)
class Skill:
    kind: str  # the card kind it produces (DESIGN.md section 5)
    fn: SkillFn
    needs_network: bool = False  # skipped under --offline, never faked

    @property
    def name(self) -> str:
        return f"{self.fn.__module__}.{self.fn.__name__}"


_BUILTIN: list[Skill] = []


def skill(kind: str, *, needs_network: bool = False) -> Callable[[SkillFn], SkillFn]:
    def register(fn: SkillFn) -> SkillFn:
        _BUILTIN.append(Skill(kind, fn, needs_network))
        return fn

    return register


def builtin_skills() -> list[Skill]:
    return list(_BUILTIN)
