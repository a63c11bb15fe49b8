"""UPU S10 numbers of the posts: EA123456785CN (EMS/China Post), …GB, …DE, …US.

Two letters (service), eight digits, a check digit (weights 8 6 4 2 3 5 9 7,
mod 11) and the ISO country of the post that accepted the item. The country
names the carrier where we have an id for its post; elsewhere an EMS item
(service letter E) is ems, and any other needs the message to name a carrier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.extractors.tracking.base import Candidate, compact
from ownlive.understand.extractors.tracking.checkdigits import s10_valid

S10 = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?[A-Z]{2}"
    r"(?![A-Za-z0-9])"
)
POST_BY_COUNTRY = {"CN": "ems", "GB": "royalmail", "US": "usps", "DE": "dhl"}


def candidates(text: str) -> Iterator[Candidate]:
    for match in S10.finditer(text):
        number = compact(match.group(0))
        carrier = POST_BY_COUNTRY.get(number[-2:])
        if carrier is None and number.startswith("E"):
            carrier = "ems"
        miscounted = not s10_valid(number)
        yield Candidate(match.start(), match.end(), number, carrier, miscounted=miscounted)
