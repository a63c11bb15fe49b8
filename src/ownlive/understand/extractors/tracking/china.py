"""Chinese express carriers: SF Express (顺丰), JD Logistics (京东), ZTO (中通), EMS (邮政).

"SF" + 12–15 digits and "JD" + 10–15 digits (JDVA…, JDX…) prove themselves.
The carriers print plain digit runs too (顺丰 12–15 digits, 中通 12–14 digits,
EMS domestic 13 digits); those publish no check digit and count only when
the message names the carrier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.extractors.tracking.base import Candidate, compact, digit_runs

SF = re.compile(r"(?<![A-Za-z0-9])SF[ \u00a0]?\d{12,15}(?![A-Za-z0-9])")
JD = re.compile(r"(?<![A-Za-z0-9])JD[A-Z]{0,2}\d{10,15}(?![A-Za-z0-9])")
PLAIN_LENGTHS = {"sf": range(12, 16), "zto": range(12, 15), "ems": range(13, 14)}


def candidates(text: str) -> Iterator[Candidate]:
    for pattern, carrier in ((SF, "sf"), (JD, "jd")):
        for match in pattern.finditer(text):
            yield Candidate(
                match.start(), match.end(), compact(match.group(0)), carrier, marked=True
            )
    for start, end, digits in digit_runs(text):
        if digits[0] == "0":
            continue
        for carrier, lengths in PLAIN_LENGTHS.items():
            if len(digits) in lengths:
                yield Candidate(start, end, digits, carrier, needs_name=True)
