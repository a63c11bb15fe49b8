"""Quick tests that stay quick: how an extractor's gate is written so the regex engine skips.

Every message runs every extractor's quick test, so each costs on every message.
Python's regex engine searches fast only when a pattern starts with a literal or a
character set: it then jumps between candidate positions in C. A pattern that
starts with a lookbehind, a word boundary, a case-insensitive word list or an
alternation of such is instead tried in full at every position of the text.
The helpers here keep a test's meaning (it matches a text exactly when the
plain pattern would) and give it such a start:

- `AnyOf` splits an alternation into patterns tried in turn, each with its own start;
- `led_by` puts a character set in front that every match starts with, and checks the
  pattern itself only where one of those characters stands;
- `caseless` spells the letters a case-insensitive word may start with, as Python's
  regex engine matches them (k also matches the Kelvin sign, s the long s).
"""

from __future__ import annotations

import re

# Characters outside a letter's plain upper/lower pair that Python's case-insensitive
# matching takes for it (tests/understand/test_quick.py checks this against the engine).
_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a", "ß": "\u1e9e"}


class AnyOf:
    """Several patterns; `search` finds a match of any of them (the first that has one)."""

    def __init__(self, *patterns: re.Pattern[str] | str) -> None:
        self.patterns = tuple(re.compile(p) for p in patterns)

    def search(self, text: str) -> re.Match[str] | None:
        for pattern in self.patterns:
            found = pattern.search(text)
            if found is not None:
                return found
        return None


def led_by(first: str, pattern: str) -> str:
    """`pattern` matching only where a character of the set `first` stands.

    `first` (the inside of a character class) must hold every character a match of
    `pattern` can start with; the match found is then one character long, which is all
    a quick test needs. The lookbehind steps back over that character and the
    lookahead inside it tries the whole pattern there.
    """
    return f"[{first}](?<=(?=(?:{pattern})).)"


def caseless(letters: str) -> str:
    """The inside of a character class: `letters` in every case the engine would match."""
    chars = dict.fromkeys(
        c for letter in letters for c in (letter, letter.upper(), *_FOLDS.get(letter, ""))
    )
    return "".join(re.escape(c) for c in chars if len(c) == 1)
