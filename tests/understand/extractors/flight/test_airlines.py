"""The shipped airline table: well-formed, complete for the majors, no withdrawn codes."""

from __future__ import annotations

import re

import pytest

from ownlive.understand.extractors.flight.airlines import AIRLINES, AMBIGUOUS

MAJORS = [
    "CA", "MU", "CZ", "HU", "3U", "9C", "FM", "HO", "ZH", "MF", "SC", "LH", "LX", "OS",
    "EW", "DE", "X3", "4U", "BA", "AA", "UA", "DL", "B6", "WN", "AS", "NH", "JL", "KE",
    "OZ", "CX", "SQ", "EK", "QR", "TK", "AF", "KL", "IB", "AY", "SK", "LO", "TP",
]  # fmt: skip


@pytest.mark.parametrize("code", MAJORS)
def test_major_airlines_are_in_the_table(code: str) -> None:
    assert code in AIRLINES


def test_codes_are_iata_shaped() -> None:
    assert len(AIRLINES) >= 150
    for code in AIRLINES:
        assert re.fullmatch(r"[A-Z][A-Z0-9]|[0-9][A-Z]", code), code


@pytest.mark.parametrize("withdrawn", ["AB", "MA", "9W", "UK", "US", "WE"])
def test_withdrawn_codes_are_left_out(withdrawn: str) -> None:
    assert withdrawn not in AIRLINES


def test_ambiguous_codes_are_airlines() -> None:
    assert set(AMBIGUOUS) - set(AIRLINES) == set()
