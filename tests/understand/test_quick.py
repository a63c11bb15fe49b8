"""Quick tests written for speed match exactly where their plain patterns match."""

from __future__ import annotations

import random
import re
import sys

import pytest

from ownlive.understand.extractors import cuisine, money
from ownlive.understand.extractors.address import de, en, zh
from ownlive.understand.pipeline import pipeline
from ownlive.understand.quick import AnyOf, caseless, led_by

# The gates as they were first written: one alternation each.
PLAIN = {
    "address": re.compile(f"{zh.QUICK}|{de.QUICK}|{en.QUICK}"),
    "cuisine": re.compile(rf"{cuisine.LATIN.pattern}|{cuisine.HAN.pattern}", re.IGNORECASE),
    "money": re.compile(rf"[{re.escape(money._LAST_CHARS)}]|[A-Z]{{3}}|(?i:{money._QUICK_WORDS})"),
    "tracking": re.compile(r"\d{8}|1Z|\d{3,4}[ \u00a0]\d{3,4}"),
    "url": re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2}|://"),
    "flight": re.compile(r"(?:[A-Za-z][A-Za-z0-9]|\d[A-Za-z])[ \u00a0]?\d"),
}
GATES = {e.type: e.quick for e in pipeline()}
TEXTS = [
    "明天晚上7点在南京西路1266号见",
    "我住在中山路东段 3号",
    "哈哈好的",
    "Wir treffen uns in der Kastanienallee 45, 10435 Berlin",
    "Straße des 17. Juni",
    "Torstr.12",
    "TORSTRASSE 3",
    "Ich wohne am Kupfergraben",
    "10435 Berlin",
    "meet at 1600 Pennsylvania Avenue NW",
    "5 rue de Rivoli",
    "see you at 7",
    "Lust auf Thai heute?",
    "zum Italiener",
    "Sushibar um die Ecke",
    "想吃火锅",
    "I'd love some Greek food",
    "it was 45 dollars",
    "kostet 12,50 €",
    "300块",
    "USD 12",
    "Rupien",
    "1Z999AA10123456784",
    "tracking 9400 1000 0000 0000 0000 00",
    "www.example.com",
    "https://x.y",
    "v2.0",
    "LH720 lands at 9",
    "flight ab 1234",
    "ok",
    "",
    "\u212a\u017f\u0130\u0131\u1e9e",
    "STRA\u1e9eE 5",
    "\u017fu\u017fhi",
    "\u212aUAI",
]


def fuzzed(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    odd = ["\u212a", "\u017f", "\u0130", "\u0131", "\u1e9e", "ß", "Ä", "1", "12345", " ", "\u00a0"]
    out = []
    for _ in range(count):
        a, b = rng.choice(TEXTS), rng.choice(TEXTS)
        i, j = rng.randint(0, len(a)), rng.randint(0, len(b))
        text = a[:i] + rng.choice(odd) + b[j : j + rng.randint(0, 30)]
        if rng.random() < 0.3:
            text = text.upper()
        out.append(text)
    return out


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("kind", list(PLAIN))
def test_gate_matches_where_its_plain_pattern_does(kind: str, text: str) -> None:
    gate = GATES[kind]
    assert gate is not None
    assert (gate.search(text) is None) == (PLAIN[kind].search(text) is None)


@pytest.mark.parametrize("kind", list(PLAIN))
def test_gate_matches_where_its_plain_pattern_does_on_spliced_text(kind: str) -> None:
    gate = GATES[kind]
    assert gate is not None
    for text in fuzzed(1, 1500):
        assert (gate.search(text) is None) == (PLAIN[kind].search(text) is None), text


def test_the_address_extractor_reads_german_where_its_plain_trigger_does() -> None:
    trigger = AnyOf(*de.QUICK_PARTS)
    for text in TEXTS + fuzzed(2, 300):
        assert (trigger.search(text) is None) == (re.search(de.QUICK, text) is None), text


LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßéèê"


def test_caseless_spells_every_character_case_insensitive_matching_takes() -> None:
    spelled = {letter: set(caseless(letter).replace("\\", "")) for letter in LETTERS}
    any_letter = re.compile(f"(?i:[{LETTERS}])")
    taken = [chr(c) for c in range(sys.maxunicode + 1) if any_letter.fullmatch(chr(c))]
    assert len(taken) < 200  # the pairs and a handful of others
    for letter in LETTERS:
        pattern = re.compile(f"(?i:{re.escape(letter)})")
        for char in taken:
            if pattern.fullmatch(char):
                assert char in spelled[letter], (letter, hex(ord(char)))


def test_led_by_matches_where_the_pattern_does() -> None:
    plain = re.compile(r"(?<![a-z])(?:thai|sushi)")
    led = re.compile(led_by("ts", plain.pattern))
    for text in ["thai", "sushi bar", "mythai", "a thai", "", "t", "xsushi"]:
        assert (led.search(text) is None) == (plain.search(text) is None), text


def test_any_of_returns_the_first_pattern_with_a_match() -> None:
    either = AnyOf("b+", re.compile("a"))
    found = either.search("abb")
    assert found is not None and found.group(0) == "bb"
    assert either.search("xyz") is None
