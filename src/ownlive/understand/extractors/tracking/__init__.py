"""Parcel tracking numbers (DESIGN.md 4.1 "tracking"): value `carrier`, `number`.

One module per carrier family yields candidates (`ups`, `postal` for UPU S10,
`dhl`, `usps`, `fedex`, `china` for SF/JD/ZTO/EMS, `europe` for DPD/Hermes),
checked by `checkdigits` where the carrier publishes a check digit. Formats
that prove themselves (1Z…, EA123456785CN, SF…, JD…, 00340434…) count
anywhere; plain digit runs count only when the message names their carrier.
The carrier the message names wins over the one the format implies (the
nearest mention, preferring one before the number), except where the number
carries its carrier's own mark (1Z, SF, JD). A distinctive shape that fails its
check digit (a typo, a carrier's sample number) counts only where the message
talks of a parcel or names the carrier. Order, booking and customer numbers
are not tracking numbers: their label before a number rejects it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors.tracking import china, dhl, europe, fedex, postal, ups, usps
from ownlive.understand.extractors.tracking.base import Candidate
from ownlive.understand.quick import AnyOf
from ownlive.understand.registry import extractor

# A 1Z number or a DHL Paket number may also parse as a phone number: the
# tracking reading wins a tie.
PRIORITY = 4
FAMILIES = (ups, postal, dhl, usps, fedex, china, europe)

_A = r"(?<![A-Za-z])"  # ASCII word edges: Chinese text glues names to words
_Z = r"(?![A-Za-z])"
NAMED = re.compile(
    rf"(?P<sf>顺丰|{_A}(?i:sf[ ]?express){_Z}|{_A}SF(?=快递|速运))"
    rf"|(?P<jd>京东|{_A}(?i:jd[ ]?logistics){_Z})"
    rf"|(?P<zto>中通|{_A}ZTO{_Z})"
    rf"|(?P<ems>{_A}EMS{_Z}|邮政|E邮宝|{_A}(?i:china[ ]?post){_Z})"
    rf"|(?P<usps>{_A}USPS{_Z}|{_A}(?i:u\.?s\.?[ ]?postal){_Z})"
    rf"|(?P<ups>{_A}UPS{_Z})"
    rf"|(?P<fedex>{_A}(?i:fed[ ]?ex){_Z}|联邦快递)"
    rf"|(?P<dhl>{_A}(?i:dhl){_Z}|{_A}(?i:deutsche[ ]?post){_Z}|敦豪)"
    rf"|(?P<royalmail>{_A}(?i:royal[ ]?mail){_Z}|皇家邮政)"
    rf"|(?P<dpd>{_A}DPD{_Z})"
    rf"|(?P<hermes>{_A}(?i:hermes|evri){_Z})"
)
TRACKING_CUE = re.compile(
    r"(?i)(?:tracking|track|sendung|paket|päckchen|parcel|package|shipment|waybill|awb|"
    r"快递|运单|物流|包裹|件号)"
)
NOT_TRACKING_LABEL = re.compile(
    r"(?i)(?:订单|订购|order|bestell|booking|buchung|reservier|rechnung|invoice|kunden|"
    r"customer|取件码|提货码|验证码|\bpin\b|iban|konto|account|ticket|confirmation|"
    r"bestätigung|vertrag|contract|\bref\b|reference|referenz)"
)
LABEL_WINDOW = 20


def _named(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), str(m.lastgroup)) for m in NAMED.finditer(text)]


def _nearest(
    named: list[tuple[int, int, str]], start: int, end: int, among: set[str]
) -> str | None:
    """The carrier named closest to the span, preferring a mention before it."""
    best: tuple[int, str] | None = None
    for n_start, n_end, carrier in named:
        if carrier not in among:
            continue
        distance = start - n_end if n_end <= start else 100_000 + n_start - end
        if best is None or distance < best[0]:
            best = (distance, carrier)
    return best[1] if best else None


def _labelled_otherwise(text: str, start: int) -> bool:
    window = text[max(0, start - LABEL_WINDOW) : start]
    negatives = [m.end() for m in NOT_TRACKING_LABEL.finditer(window)]
    if not negatives:
        return False
    positives = [m.end() for m in TRACKING_CUE.finditer(window)]
    positives += [m.end() for m in NAMED.finditer(window)]
    return max(negatives) > max(positives, default=-1)


def _choose(
    options: list[Candidate], named: list[tuple[int, int, str]], parcel_talk: bool
) -> str | None:
    named_carriers = {carrier for _, _, carrier in named}
    start, end = options[0].start, options[0].end
    options = [c for c in options if not c.miscounted or parcel_talk or c.carrier in named_carriers]
    if not options:
        return None
    if any(not c.needs_name for c in options):
        proven = next(c for c in options if not c.needs_name)
        if proven.marked:
            return proven.carrier
        return _nearest(named, start, end, named_carriers) or proven.carrier
    allowed = {c.carrier for c in options if c.carrier in named_carriers}
    return _nearest(named, start, end, {c for c in allowed if c is not None})


@extractor(
    "tracking",
    requires=("text",),
    # \d{8}|1Z|\d{3,4}[ \u00a0]\d{3,4}, each piece with a start scanned for in C
    quick=AnyOf(r"\d(?:\d{7}|\d{2,3}[ \u00a0]\d{3,4})", "1Z"),
)
def find_tracking_numbers(doc: Doc) -> Iterator[Entity]:
    text = doc.text
    by_span: dict[tuple[int, int], list[Candidate]] = {}
    for family in FAMILIES:
        for candidate in family.candidates(text):
            by_span.setdefault((candidate.start, candidate.end), []).append(candidate)
    if not by_span:
        return
    named = _named(text)
    parcel_talk = TRACKING_CUE.search(text) is not None
    for (start, end), options in sorted(by_span.items()):
        carrier = _choose(options, named, parcel_talk)
        if carrier is None or _labelled_otherwise(text, start):
            continue
        value = {"carrier": carrier, "number": options[0].number}
        yield Entity("tracking", start, end, text[start:end], value, PRIORITY)
