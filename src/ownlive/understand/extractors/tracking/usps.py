"""USPS: 22-digit IMpb numbers (9400…, 9205…, 9361…), 20-digit and 30-digit forms.

All carry a GS1-style mod-10 check digit. A 22-digit number starting 91–95
proves itself; the "420" + ZIP routing prefix of the 30-digit form is kept
in the number. A bare 20-digit number is shared with SSCCs and needs the
message to name USPS.
"""

from __future__ import annotations

from collections.abc import Iterator

from ownlive.understand.extractors.tracking.base import Candidate, digit_runs
from ownlive.understand.extractors.tracking.checkdigits import gs1_valid


def candidates(text: str) -> Iterator[Candidate]:
    for start, end, digits in digit_runs(text):
        if len(digits) == 22 and digits[:2] in {"91", "92", "93", "94", "95"}:
            yield Candidate(start, end, digits, "usps", miscounted=not gs1_valid(digits))
        elif len(digits) == 30 and digits.startswith("420") and gs1_valid(digits[8:]):
            yield Candidate(start, end, digits, "usps")
        elif len(digits) == 20 and not digits.startswith("00") and gs1_valid(digits):
            yield Candidate(start, end, digits, "usps", needs_name=True)
