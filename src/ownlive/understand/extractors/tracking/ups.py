"""UPS: 1Z + 16 characters, checked (UPS mod 10), as written or in blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.extractors.tracking.base import Candidate, compact
from ownlive.understand.extractors.tracking.checkdigits import ups_valid

UPS_1Z = re.compile(r"(?<![A-Za-z0-9])1Z(?:[ \u00a0]?[A-Z0-9]){16}(?![A-Za-z0-9])")


def candidates(text: str) -> Iterator[Candidate]:
    for match in UPS_1Z.finditer(text):
        number = compact(match.group(0))
        miscounted = not ups_valid(number)
        yield Candidate(
            match.start(), match.end(), number, "ups", marked=True, miscounted=miscounted
        )
