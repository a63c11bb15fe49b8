"""Language detection for zh/en/de, code-switching included.

A message's language is what its entities are parsed as. Any Han character
makes Chinese present; German and English are told apart by function words
and German letters. The primary language is Chinese when Han characters make
up a fair share of the letters, else the stronger of German and English.
"""

from __future__ import annotations

import re

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
GERMAN_LETTER = re.compile("[ÄÖÜäöüß]")
GERMAN_WORDS = frozenset(
    [
        "mich",
        "dich",
        "uns",
        "mir",
        "dir",
        "ruf",
        "an",
        "komme",
        "gleich",
        "sehr",
        "klar",
        "unbedingt",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ich",
        "du",
        "wir",
        "ihr",
        "sie",
        "es",
        "ein",
        "eine",
        "einen",
        "dem",
        "den",
        "des",
        "mit",
        "von",
        "zu",
        "auf",
        "für",
        "bei",
        "bis",
        "heute",
        "morgen",
        "übermorgen",
        "uhr",
        "um",
        "am",
        "im",
        "ins",
        "nach",
        "noch",
        "schon",
        "auch",
        "aber",
        "oder",
        "wenn",
        "dann",
        "bin",
        "bist",
        "sind",
        "hast",
        "habe",
        "hat",
        "gibt",
        "kommst",
        "kommt",
        "wo",
        "wann",
        "wie",
        "was",
        "lust",
        "gerne",
        "gern",
        "danke",
        "bitte",
        "tschüss",
        "treffen",
        "mittag",
        "abend",
        "nächste",
        "nächsten",
        "woche",
    ]
)
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "is",
        "are",
        "not",
        "i",
        "you",
        "we",
        "they",
        "it",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "this",
        "that",
        "today",
        "tomorrow",
        "tonight",
        "pm",
        "am",
        "be",
        "will",
        "can",
        "do",
        "does",
        "did",
        "have",
        "has",
        "my",
        "your",
        "our",
        "see",
        "meet",
        "dinner",
        "lunch",
        "next",
        "week",
        "what",
        "when",
        "where",
        "how",
        "let's",
        "lets",
        "please",
        "thanks",
    ]
)


def detect(text: str) -> tuple[str, frozenset[str]]:
    """(primary language, every language present)."""
    # Runs on every message: plain-ASCII text skips the scans that cannot find anything.
    ascii_only = text.isascii()
    han = 0 if ascii_only else len(HAN.findall(text))
    words = [w.lower() for w in LATIN_WORD.findall(text)]
    german = sum(map(GERMAN_WORDS.__contains__, words))
    if not ascii_only and GERMAN_LETTER.search(text):
        german += 2 * sum(GERMAN_LETTER.search(w) is not None for w in words)
    english = sum(map(ENGLISH_WORDS.__contains__, words))
    present = set()
    if han:
        present.add("zh")
    if german > english:
        present.add("de")
    elif words:
        present.add("en")
    latin_letters = sum(map(len, words))
    if han and han * 2 >= latin_letters / 3:
        primary = "zh"
    elif german > english:
        primary = "de"
    elif words or not han:
        primary = "en"
    else:
        primary = "zh"
    return primary, frozenset(present or {"en"})
