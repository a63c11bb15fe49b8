"""What every carrier family module yields, and the digit runs they look in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Candidate:
    """A number shaped like one of a carrier's tracking numbers.

    `carrier` is the carrier its format implies, or None where the format is
    shared (an S10 number of a post we have no id for). `needs_name` is set
    when the format alone proves nothing (twelve digits could be anything):
    the message must name that carrier for the number to count. `marked` is
    set when the number carries its carrier's own mark (1Z, SF, JD, JJD, the
    DHL company prefix): no other carrier named nearby changes that.
    `miscounted` is set when a distinctive shape fails its check digit (a
    typo, or a carrier's sample number such as UPS's 1Z12345E0205271688):
    it counts only where the message speaks of a parcel or names the carrier.
    """

    start: int
    end: int
    number: str  # without spaces, upper case
    carrier: str | None
    needs_name: bool = False
    marked: bool = False
    miscounted: bool = False


# A run of digits: contiguous, or in space-separated groups as USPS, DHL and
# the Chinese carriers print them ("9400 1000 0000 0000 0000 00", "7531 2345
# 6789 01"). A grouped run must be long (15+ digits), or 12+ digits in blocks
# of four not starting with 0, so that a phone number's blocks ("030 1234 5678",
# "0176 1234 5678") are not read as one.
_CONTIGUOUS = re.compile(r"(?<![A-Za-z0-9])\d{8,34}(?![A-Za-z0-9])")
_GROUPED = re.compile(r"(?<![A-Za-z0-9])\d{2,5}(?:[ \u00a0]\d{2,5}){2,}(?![A-Za-z0-9])")
_BLOCKS_OF_FOUR = re.compile(r"[1-9]\d{3}(?:[ \u00a0]\d{4})+(?:[ \u00a0]\d{1,3})?")


def digit_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits without spaces) of every candidate run."""
    seen: set[tuple[int, int]] = set()
    for match in _CONTIGUOUS.finditer(text):
        seen.add((match.start(), match.end()))
        yield match.start(), match.end(), match.group(0)
    for match in _GROUPED.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        long_enough = len(digits) >= 15 or (
            len(digits) >= 12 and _BLOCKS_OF_FOUR.fullmatch(match.group(0)) is not None
        )
        if long_enough and (match.start(), match.end()) not in seen:
            yield match.start(), match.end(), digits


def compact(written: str) -> str:
    return re.sub(r"[\s\u00a0]", "", written).upper()
