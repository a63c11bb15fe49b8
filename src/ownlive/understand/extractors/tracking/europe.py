"""DPD (14-digit parcel numbers) and Hermes/Evri (H + 15 characters, or 14–16 digits).

Neither format proves itself in running text, so both count only when the
message names the carrier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.extractors.tracking.base import Candidate, compact, digit_runs

HERMES_H = re.compile(r"(?<![A-Za-z0-9])H[0-9A-Z]{15}(?![A-Za-z0-9])")


def candidates(text: str) -> Iterator[Candidate]:
    for match in HERMES_H.finditer(text):
        if sum(c.isdigit() for c in match.group(0)) >= 8:
            yield Candidate(match.start(), match.end(), compact(match.group(0)), "hermes", True)
    for start, end, digits in digit_runs(text):
        if len(digits) == 14:
            yield Candidate(start, end, digits, "dpd", needs_name=True)
        if len(digits) in {14, 16}:
            yield Candidate(start, end, digits, "hermes", needs_name=True)
