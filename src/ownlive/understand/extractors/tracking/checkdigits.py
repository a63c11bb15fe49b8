"""Check digits of parcel numbers: a corrupted or invented number fails them.

The algorithms are the carriers' published ones, as collected (with valid
and invalid test numbers) in the MIT-licensed jkeen/tracking_number_data
specs: UPS 1Z and USPS/GS1 use a weighted mod 10, UPU S10 (EMS, China Post,
Royal Mail, Deutsche Post) weights 8 6 4 2 3 5 9 7 mod 11, DHL Express
waybills are the serial mod 7, FedEx Express weights 3 1 7 mod 11 mod 10.
Each function takes the number without spaces.
"""

from __future__ import annotations

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
FEDEX_WEIGHTS = (3, 1, 7)


def _value(char: str) -> int:
    """Digits are themselves; UPS maps letters onto digits as (code - 3) mod 10."""
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def mod10(body: str, *, even: int, odd: int) -> int:
    """The check digit for `body`: position i (0-based, from the left) weighs `even`/`odd`."""
    total = sum(_value(c) * (even if i % 2 == 0 else odd) for i, c in enumerate(body))
    return (10 - total % 10) % 10


def ups_valid(number: str) -> bool:
    """1Z + 6 shipper + 2 service + 7 package + check digit (18 characters)."""
    if len(number) != 18 or not number.startswith("1Z") or not number[-1].isdigit():
        return False
    return mod10(number[2:17], even=1, odd=2) == int(number[-1])


def s10_valid(number: str) -> bool:
    """UPU S10: 2 letters, 8 digits, check digit, 2-letter country (EA123456785CN)."""
    if len(number) != 13 or not number[2:11].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[2:10], S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    check = {10: 0, 11: 5}.get(check, check)
    return check == int(number[10])


def gs1_valid(digits: str) -> bool:
    """GS1 mod 10 over the whole number, weights 3 and 1 from the right of the body.

    Serves SSCC-18 (DHL Paket's 20-digit 00340434… numbers carry the AI "00"
    in front) and the 20/22-digit USPS numbers.
    """
    if not digits.isdigit() or len(digits) < 2:
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def mod7_valid(digits: str) -> bool:
    """DHL Express waybill: the serial (all but the last digit) mod 7 is the last digit."""
    return digits.isdigit() and len(digits) >= 2 and int(digits[:-1]) % 7 == int(digits[-1])


def fedex12_valid(digits: str) -> bool:
    """FedEx Express 12 digits: weights 3 1 7 over the first 11, mod 11, mod 10."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    total = sum(int(d) * FEDEX_WEIGHTS[i % 3] for i, d in enumerate(digits[:11]))
    return total % 11 % 10 == int(digits[-1])


def fedex15_valid(digits: str) -> bool:
    """FedEx Ground 15 digits: mod 10, odd positions (0-based) weigh 3."""
    if len(digits) != 15 or not digits.isdigit():
        return False
    return mod10(digits[:14], even=1, odd=3) == int(digits[-1])
