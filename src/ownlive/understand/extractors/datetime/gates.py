"""Which rules are worth running on a message: one scan for trigger words, then a lookup.

Each rule names the substrings one of which must be present ("am"/"pm" for
"7pm", a month stem for "May 5"). Checking forty rules one by one costs more
in Python than scanning; so the triggers of all rules compile into one trie
pattern, tried at every position of the lowered text, and the rules whose
triggers showed up are looked up. A message without time words runs none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ownlive.understand.extractors.datetime.grammar import Rule, alternation

_SPACES = re.compile(r"\s+")
_MEMO = 4096  # trigger sets remembered per index; cleared when full


class RuleIndex:
    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        triggers = sorted({s for r in rules for group in r.gate for s in group})
        # At one position the trie reports its longest trigger only; the shorter
        # ones it starts with ("h" of "hour") are present too.
        known = frozenset(triggers)
        self._prefixes = {
            t: frozenset(t[:k] for k in range(len(t) + 1) if t[:k] in known) for t in triggers
        }
        self._finder = re.compile("(?=(" + alternation(triggers) + "))") if triggers else None
        self._always = tuple(i for i, r in enumerate(rules) if not r.gate)
        self._by_key: dict[str, list[int]] = {}
        self._rest: dict[int, tuple[frozenset[str], ...]] = {}
        for i, r in enumerate(rules):
            if r.gate:
                for trigger in r.gate[0]:
                    self._by_key.setdefault(trigger, []).append(i)
                self._rest[i] = tuple(frozenset(group) for group in r.gate[1:])
        # Messages share their trigger sets ("pm", "tomorrow" + "at"): the rules for a set
        # are worked out once.
        self._chosen: dict[frozenset[str], tuple[Rule, ...]] = {}

    def select(self, low: str) -> list[Rule]:
        """The rules whose triggers all occur in `low`, in their declared order."""
        found = frozenset(self._finder.findall(low)) if self._finder is not None else frozenset()
        rules = self._chosen.get(found)
        if rules is None:
            if len(self._chosen) >= _MEMO:
                self._chosen.clear()
            rules = self._chosen[found] = self._select(found)
        return list(rules)

    def _select(self, found: frozenset[str]) -> tuple[Rule, ...]:
        chosen = set(self._always)
        present: set[str] = set()
        for trigger in found:
            # A trigger's space matches any white space ("on\n"): read it back as one.
            present |= self._prefixes[_SPACES.sub(" ", trigger)]
        for trigger in present:
            for i in self._by_key.get(trigger, ()):
                if i not in chosen and all(not g.isdisjoint(present) for g in self._rest[i]):
                    chosen.add(i)
        return tuple(self.rules[i] for i in sorted(chosen))
