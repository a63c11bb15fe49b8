"""DHL: Paket SSCC (20 digits, 00340434…), JJD piece ids, Express waybills, Paket numbers.

The 20-digit SSCC carries a GS1 mod-10 check digit and Deutsche Post DHL's
company prefix 340434, so it proves itself (another 20-digit SSCC needs DHL
named); so do JJD/JVGL piece ids. A
10-digit Express waybill (serial mod 7) and a 12-digit Paket number (no
public check digit) are everyday digit runs and count only when the message
names DHL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.extractors.tracking.base import Candidate, compact, digit_runs
from ownlive.understand.extractors.tracking.checkdigits import gs1_valid, mod7_valid

PIECE_ID = re.compile(r"(?<![A-Za-z0-9])(?:JJD|JVGL)\d{9,20}(?![A-Za-z0-9])")


def candidates(text: str) -> Iterator[Candidate]:
    for match in PIECE_ID.finditer(text):
        yield Candidate(match.start(), match.end(), compact(match.group(0)), "dhl", marked=True)
    for start, end, digits in digit_runs(text):
        if len(digits) == 20 and digits.startswith("00340434"):
            miscounted = not gs1_valid(digits)
            yield Candidate(start, end, digits, "dhl", marked=True, miscounted=miscounted)
        elif (
            (len(digits) == 20 and gs1_valid(digits))
            or (len(digits) == 10 and mod7_valid(digits))
            or len(digits) == 12
        ):
            yield Candidate(start, end, digits, "dhl", needs_name=True)
