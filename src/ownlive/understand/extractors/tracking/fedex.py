"""FedEx: 12-digit Express (weights 3 1 7, mod 11) and 15-digit Ground (mod 10).

Both are plain digit runs, so they count only when the message names FedEx.
"""

from __future__ import annotations

from collections.abc import Iterator

from ownlive.understand.extractors.tracking.base import Candidate, digit_runs
from ownlive.understand.extractors.tracking.checkdigits import fedex12_valid, fedex15_valid


def candidates(text: str) -> Iterator[Candidate]:
    for start, end, digits in digit_runs(text):
        if fedex12_valid(digits) or fedex15_valid(digits):
            yield Candidate(start, end, digits, "fedex", needs_name=True)
