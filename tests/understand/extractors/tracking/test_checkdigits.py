"""Check digits accept the carriers' published numbers and reject every one-digit corruption."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ownlive.understand.extractors.tracking.checkdigits import (
    fedex12_valid,
    fedex15_valid,
    gs1_valid,
    mod7_valid,
    s10_valid,
    ups_valid,
)

Check = Callable[[str], bool]
# Valid numbers as the carriers publish them (test numbers of the carriers' specs,
# collected in jkeen/tracking_number_data, and the UPU S10 example).
VALID: list[tuple[Check, str]] = [
    (ups_valid, "1Z5R89390357567127"),
    (ups_valid, "1Z879E930346834440"),
    (ups_valid, "1Z410E7W0392751591"),
    (ups_valid, "1Z8V92A70367203024"),
    (ups_valid, "1Z999AA10123456784"),
    (s10_valid, "EA123456785CN"),
    (s10_valid, "RR123456785DE"),
    (s10_valid, "RR123456785GB"),
    (gs1_valid, "00340434161094042557"),
    (gs1_valid, "03071790000523483741"),
    (gs1_valid, "9400111201080805483016"),
    (gs1_valid, "9361289878700317633795"),
    (gs1_valid, "9505511069605048600624"),
    (mod7_valid, "3318810025"),
    (mod7_valid, "8487135506"),
    (mod7_valid, "1099255990"),
    (fedex12_valid, "986578788855"),
    (fedex12_valid, "477179081230"),
    (fedex12_valid, "799531274483"),
    (fedex15_valid, "041441760228964"),
    (fedex15_valid, "568283610012734"),
]


@pytest.mark.parametrize(("check", "number"), VALID, ids=[n for _, n in VALID])
def test_published_numbers_pass(check: Check, number: str) -> None:
    assert check(number)


def corruptions(number: str) -> list[str]:
    """The number with its check digit changed to each other digit."""
    check = number[-3] if number[-2:].isalpha() else number[-1]
    position = len(number) - 3 if number[-2:].isalpha() else len(number) - 1
    return [
        number[:position] + digit + number[position + 1 :]
        for digit in "0123456789"
        if digit != check
    ]


@pytest.mark.parametrize(("check", "number"), VALID, ids=[n for _, n in VALID])
def test_a_changed_check_digit_fails(check: Check, number: str) -> None:
    accepted = [wrong for wrong in corruptions(number) if check(wrong)]
    # mod 7 and mod 11 leave digits that no serial can produce; those never pass either.
    assert accepted == []


@pytest.mark.parametrize(
    ("check", "number"),
    [
        (ups_valid, "2Z5R89390357567127"),
        (ups_valid, "1Z1111111111111111"),
        (ups_valid, "1Z5R8939035756712"),
        (s10_valid, "EA12345678CN"),
        (gs1_valid, "0034043416109404255"),
        (mod7_valid, "3318810010"),
        (fedex12_valid, "996578788855"),
        (fedex15_valid, "568283610012732"),
    ],
)
def test_known_invalid_numbers_fail(check: Check, number: str) -> None:
    assert not check(number)


def test_a_swapped_pair_of_digits_fails_the_weighted_checks() -> None:
    assert not ups_valid("1Z999AA10123465784")
    assert not s10_valid("EA213456785CN")
    assert not gs1_valid("00340434161094045257")
