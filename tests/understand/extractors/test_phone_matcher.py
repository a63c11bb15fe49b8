"""The several-region matcher finds exactly what libphonenumber's matcher finds per region."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import phonenumbermatcher

from ownlive.understand.extractors.phone import FALLBACK_REGIONS, REGION_BY_LANG
from ownlive.understand.extractors.phone_matcher import matches

REGIONS = list(dict.fromkeys([*REGION_BY_LANG.values(), *FALLBACK_REGIONS]))

WINDOWS = [
    # national formats of the regions read, with the text around a run
    "电话010-85007938；北京",
    "手机号138-0013-8000，随时打",
    "我的电话号是010 - 123 45 67.",
    "我的电话号是(081) 3333-33333.",
    "我的电话号是00 421 123 456 789.",
    "客服热线400-820-8820。",
    "is 0176 12345678 when you land",
    "My phone number is 86 (40) 08423331.",
    "My phone number is 837.824.1482 x 63888.",
    "My phone number is ( 19 ) 38294427.",
    "r is (0045) 12 34 56 78.",
    "Tel: 000 111 82-2100.",
    "call 1-800-FLOWERS now",
    "Ruf mich an: 030 12345678",
    "Tel.: 089/12345678 oder 0171 2345678",
    "unter 01 42 68 53 00 erreichbar",
    "numero 06 1234 5678, grazie",
    "bel 020 123 4567 morgen",
    "ring 08-123 456 78 ikväll",
    "tlf 32 12 34 56",
    "電話 03-1234-5678 まで",
    "전화 02-312-3456 주세요",
    "call 6123 4567 in Singapore",
    "ph 02 9876 5432 mate",
    "ligue (11) 91234-5678",
    "call 022 2345 6789 ext. 12",
    # international forms and things that are no number
    "Tel. +49 (0)30 1234-5678",
    "＋86 186 1234 5678",
    "dated 12/03/2014 09 and 2015-03-12 10:30",
    "pages 123-456 (2009)",
    "order 1234567890123456789012",
    "phone-context tel:1234;phone-context=+49",
]


def expected(text: str, region: str) -> list[tuple[int, int, phonenumbers.PhoneNumber]]:
    matcher = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)
    return [(m.start, m.end, m.number) for m in matcher]


def found(text: str) -> dict[str, list[tuple[int, int, phonenumbers.PhoneNumber]]]:
    return {r: [(f.start, f.end, f.number) for f in fs] for r, fs in matches(text, REGIONS).items()}


@pytest.mark.parametrize("text", WINDOWS)
def test_same_numbers_as_one_matcher_per_region(text: str) -> None:
    assert found(text) == {region: expected(text, region) for region in REGIONS}


def test_some_windows_hold_numbers_in_several_regions() -> None:
    # The comparison above is worth something only if regions disagree somewhere.
    readings = found("is 0176 12345678 when you land")
    assert readings["DE"] and not readings["US"]


@pytest.mark.parametrize("seed", range(6))
def test_same_numbers_on_random_digit_runs(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [" ", "-", ".", "/", "(", ")", " - ", "x", " ext ", "#", "00", "+", "１", "%", ":30"]
    for _ in range(15):
        parts = []
        for _ in range(rng.randint(1, 7)):
            if rng.random() < 0.6:
                parts.append("".join(rng.choice("0123456789") for _ in range(rng.randint(1, 5))))
            else:
                parts.append(rng.choice(pieces))
        text = "call " + "".join(parts) + rng.choice(["", ".", " ok", " ext. 12"])
        assert found(text) == {region: expected(text, region) for region in REGIONS}, text


def test_candidates_are_found_once_however_many_regions(monkeypatch: pytest.MonkeyPatch) -> None:
    searches = 0
    pattern = phonenumbermatcher._PATTERN

    class Counting:
        def search(self, text: str, pos: int = 0) -> object:
            nonlocal searches
            searches += 1
            return pattern.search(text, pos)

    monkeypatch.setattr(phonenumbermatcher, "_PATTERN", Counting())
    text = "My phone number is 010 - 123 45 67, or 0176 12345678."
    matches(text, REGIONS[:1])
    one_region = searches
    searches = 0
    matches(text, REGIONS)
    # Regions resume from the same positions: more regions add few searches, never one
    # walk each.
    assert searches <= one_region + 3
