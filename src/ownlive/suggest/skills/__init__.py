"""Built-in skills: one module per card kind, registered on import."""

from __future__ import annotations

import importlib

from ownlive.plugins.manager import hookimpl
from ownlive.suggest.registry import Skill, builtin_skills

BUILTIN_SKILL_MODULES: tuple[str, ...] = (
    "ownlive.suggest.skills.navigate",
    "ownlive.suggest.skills.call",
    "ownlive.suggest.skills.track_parcel",
    "ownlive.suggest.skills.flight",
    "ownlive.suggest.skills.calendar",
    "ownlive.suggest.skills.restaurants",
    "ownlive.suggest.skills.weather",
)


@hookimpl
def register_skills() -> list[Skill]:
    for name in BUILTIN_SKILL_MODULES:
        importlib.import_module(name)
    return builtin_skills()
