"""Phone numbers (DESIGN.md 4.1 "phone"): libphonenumber's matcher, region by language.

The span is the number as written (+, country code, brackets, separators);
labels such as "Tel.", 电话 or "#" stay outside, which is what the matcher
returns. A number without a country code is read in the region of the
message's language (zh → CN, de → DE, en → US). The contract's "plainly
another country's national format" is read two ways: the North American
shape "(415) 555-0132" is a US number wherever it is valid there; and a
number that is no valid number in the language's region is tried in the
other regions our users' contacts live in, behind a phone cue only ("call",
"Tel.", 电话 …), preferring a mobile reading ("0176 12345678" in English text
is a German mobile).

Not phones: one-time codes, TANs, card tails, order/customer/booking numbers,
IBANs, door codes — libphonenumber's VALID leniency already rejects most (too
short, wrong prefixes); the label right before a number rejects the rest.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

import phonenumbers

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors import phone_matcher
from ownlive.understand.registry import extractor

REGION_BY_LANG = {"zh": "CN", "de": "DE", "en": "US"}
# Where a number in a zh/en/de chat plausibly comes from when it is not the
# language's own region; kept short because every region is one more pass.
FALLBACK_REGIONS = (
    "CN", "DE", "US", "GB", "AT", "CH", "FR", "HK", "TW", "IT", "ES", "NL", "BE", "PL",
    "SE", "DK", "JP", "KR", "SG", "AU", "IN", "BR",
)  # fmt: skip

# The fast path: seven or more digits, possibly broken by separators. The
# matcher costs ~0.1 ms per message even when it finds nothing.
QUICK = re.compile(r"\d(?:[\s\-./()]{0,3}\d){6,}")

# A cue that the digits that follow are a phone number.
PHONE_CUE = re.compile(
    r"(?i)(?:\btel\b|\btel\.|telefon|phone|\bcall|\bring\b|\btext\b|\bsms\b|mobile|\bcell|"
    r"\bfax|hotline|whats\s?app|\bmob\.|\bhandy|mobil|anruf|\bruf|erreich|\breach|"
    r"\bnumber|\bnummer|contact|kontakt|"
    r"电话|手机|联系|致电|热线|拨打|打给|座机|微信|号码)"
)
# Labels that say the digits are something else; checked in the few
# characters before the number, so "Kundennummer 0301234567" stays no phone.
NOT_PHONE_LABEL = re.compile(
    r"(?i)(?:验证码|校验码|动态码|确认码|取件码|提货码|密码|尾号|卡号|账号|帐号|订单|单号|运单|快递|"
    r"编号|身份证|门禁|房间号|工号|学号|流水号|交易号|"
    r"\bcode|\bcodes|\btan\b|\bpin\b|\botp\b|passcode|password|\border|\binvoice|"
    r"\baccount|\bacct|\bref\b|reference|booking|confirmation|tracking|\bticket|\bid\b|"
    r"iban|\bbic\b|konto|bestell|kunden|rechnung|auftrag|buchung|vorgang|sendung|"
    r"aktenzeichen|türcode|tuercode|\bzimmer|\broom\b|\bcard\b|\bkarte\b|versicherung|"
    r"steuer|\bserial|\bseriennummer|\bimei)"
)
# A match that continues a longer digit string to its left ("+44 7700900397"
# read as a US number, "(19) 35831647", "-2208960000", "45+31-339243873").
CONTINUES_LEFT = re.compile(r"(?:[\d)+][ \-]*|(?:^|[\s\d])-)$")
DATE_LIKE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})|\d{4}[-./]\d{1,2}[-./]\d{1,2}")
# (415) 555-0132, 415-555-0132, 415.555.0132: a US/Canadian number wherever it is written.
NANP_SHAPE = re.compile(r"\(\d{3}\) ?\d{3}[-. ]\d{4}|\d{3}([-.])\d{3}\1\d{4}")
LABEL_WINDOW = 18  # characters before a number searched for a label
CUE_WINDOW = 40
# Characters around a digit run read with another region: "+", "(", "00" before
# it, an extension ("ext. 123") after it.
BEFORE_RUN, AFTER_RUN = 6, 24
# Read once per region when the pipeline is assembled: national, international,
# trunk-prefixed and extension shapes, so the patterns each of them needs are compiled.
WARM_UP = "Tel. 030 1234567, +49 176 12345678, 0044 20 7946 0958, (415) 555-0132 ext. 12"


# libphonenumber compiles its metadata patterns through the re module's cache, which keeps
# 512 and drops the oldest first. Reading numbers in these 22 regions takes about 470 of
# them: a few more (more number types, other code's patterns) and every compile would miss,
# over and over. Room for all of them, and for everyone else's.
RE_CACHE = 4096


def _prepare() -> None:
    """Load every region's metadata and patterns now, not on the first number read there.

    libphonenumber loads a region's data on first use and compiles its patterns as they
    are tried: tens of milliseconds that would land on the first message in each region.
    Each region reads a few shapes of number and an example of each type of number.
    """
    re._MAXCACHE = max(re._MAXCACHE, RE_CACHE)  # type: ignore[attr-defined]
    regions = list(dict.fromkeys([*REGION_BY_LANG.values(), *FALLBACK_REGIONS]))
    for region in regions:
        for _ in _matches(WARM_UP, region):
            pass
        for kind in phonenumbers.PhoneNumberType.values():
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                phonenumbers.number_type(example)
    phone_matcher.matches(WARM_UP, regions)


def _own_regions(doc: Doc) -> list[str]:
    """The regions of the message's languages, its primary language's first."""
    primary = REGION_BY_LANG.get(doc.lang, "US")
    others = [REGION_BY_LANG[lang] for lang in sorted(doc.langs) if lang in REGION_BY_LANG]
    return list(dict.fromkeys([primary, *others]))


def _region_order(doc: Doc) -> list[str]:
    return list(dict.fromkeys([*_own_regions(doc), *FALLBACK_REGIONS]))


def _matches(text: str, region: str) -> Iterator[tuple[int, int, str]]:
    matcher = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)
    for match in matcher:
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        yield match.start, match.end, e164


def _e164s(found: list[phone_matcher.Found]) -> Iterator[tuple[int, int, str]]:
    for match in found:
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        yield match.start, match.end, e164


def _plainly_nanp(written: str) -> str | None:
    """'(415) 555-0132' in a zh/de message: the North American shape, valid there."""
    if not NANP_SHAPE.fullmatch(written):
        return None
    number = phonenumbers.parse(written, "US")
    if not phonenumbers.is_valid_number(number):
        return None  # 400-820-8820 is a Chinese service number, no US one
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@functools.lru_cache(maxsize=4096)
def _is_mobile(e164: str) -> bool:
    kind = phonenumbers.number_type(phonenumbers.parse(e164))
    return kind in {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }


def _labelled_otherwise(text: str, start: int) -> bool:
    """A non-phone label sits right before the number, closer than any phone cue."""
    window = text[max(0, start - LABEL_WINDOW) : start]
    negatives = [m.start() for m in NOT_PHONE_LABEL.finditer(window)]
    if not negatives:
        return False
    return not any(cue.start() > negatives[-1] for cue in PHONE_CUE.finditer(window))


def _has_cue(text: str, start: int) -> bool:
    return PHONE_CUE.search(text, max(0, start - CUE_WINDOW), start) is not None


class _Taken:
    """Character positions already covered: overlap checks in O(span), never O(spans)."""

    def __init__(self, size: int) -> None:
        self.cells = bytearray(size)

    def add(self, start: int, end: int) -> None:
        self.cells[start:end] = b"\x01" * (end - start)

    def hit(self, start: int, end: int) -> bool:
        return any(self.cells[start:end])


# A number as people write it: an optional "(", "+" or "00" country code, digit
# groups broken by up to three separators, an optional extension.
# Bounded, so a wall of digit groups costs linear work: a match holds at most 40 groups.
WRITTEN = re.compile(
    r"\(?\+?\d(?:[ \-./()]{0,3}\d){0,40}"
    r"(?:\s?(?:x|ext\.?|extension|分机|转)\s?\d{1,6}(?!\d))?",
    re.IGNORECASE,
)
EXTENSION = re.compile(r"\s?(?:x|ext\.?|extension|分机|转)\s?(\d{1,6})$", re.IGNORECASE)
# "010-65980408-8001": a hyphenated extension after a complete number.
HYPHEN_EXTENSION = re.compile(r"-\d{3,5}(?![\d\-./])")
# Shapes of other things made of digit groups: thousands (1.299.000), IPv4 hosts,
# dotted versions (1.2.3.4567).
NOT_WRITTEN = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d{1,3}(?:\.\d{1,3}){3}|\d{1,4}(?:\.\d{1,4}){2,}")
# A country code written with + or 00 (000 is no international prefix).
INTERNATIONAL = re.compile(r"\(?(?:\+|00(?!0))")
MIN_DIGITS, MAX_DIGITS = 7, 15


def _digits(span: str) -> int:
    """Digits of the number itself, without an extension ("+86 20 61302222-8866")."""
    core = EXTENSION.sub("", span)
    count = sum(c.isdigit() for c in core)
    hyphen = HYPHEN_EXTENSION.search(core)
    if count > MAX_DIGITS and hyphen is not None and hyphen.end() == len(core):
        count -= hyphen.end() - hyphen.start() - 1
    return count


def _fits(number: phonenumbers.PhoneNumber, strict: bool) -> bool:
    """Valid, or (behind a phone cue) of a length the country uses. A short number written
    with neither country code nor trunk 0 is a local one, which never starts with 0 or 1:
    those begin trunk, mobile and service numbers ("112-3333", 12345678 in zh)."""
    if strict or phonenumbers.is_valid_number(number):
        return phonenumbers.is_valid_number(number)
    local = number.country_code_source == phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY
    written = phonenumbers.normalize_digits_only(number.raw_input or "")
    national = str(number.national_number)
    if local and not written.startswith("0") and len(national) <= 8 and national[0] in "01":
        return False
    return phonenumbers.is_possible_number(number)


def _written_reading(written: str, regions: list[str], strict: bool = False) -> str | None:
    """The e164 of a number no region validates: the first region where its length fits."""
    number = written
    if INTERNATIONAL.match(number):
        unbracketed = number.lstrip("(")
        number = "+" + unbracketed[2 if unbracketed.startswith("00") else 1 :]
    if "(" in number and number.count("(") != number.count(")"):
        number = number.replace("(", "").replace(")", "")
    # Without a country code, a number no region validates is read in the message's own
    # languages' regions only: elsewhere a bare length says nothing about the country.
    attempts = [None] if number.startswith("+") else [*regions, None]
    for region in attempts:
        candidate = number if region is not None or number.startswith("+") else "+" + number
        try:
            parsed = phonenumbers.parse(candidate, region, keep_raw_input=True)
        except phonenumbers.NumberParseException:
            continue
        # Read with a country code the number was written without, only a valid one.
        if _fits(parsed, strict or candidate is not number):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return None


def _written_phones(
    text: str, own: list[str], found: dict[tuple[int, int], str]
) -> Iterator[tuple[int, int, str]]:
    """Numbers by their shape, read where their length fits; the tail of one may be in `found`."""
    keys = sorted(found)  # found spans never overlap: sorted by start is sorted by end
    ends = [key[1] for key in keys]
    for match in WRITTEN.finditer(text):
        start, span = match.start(), match.group(0).rstrip(" -./(")
        if span.startswith("(") and span.count("(") > span.count(")"):
            span, start = span[1:], start + 1  # "(19 35831647": the bracket never closed
        # Too many digits for one number: the groups after a space belong to what follows
        # ("(914)349-8600 04/21/2020").
        while _digits(span) > MAX_DIGITS and " " in span:
            span = span[: span.rfind(" ")].rstrip(" -./(")
        end = start + len(span)
        core = EXTENSION.sub("", span)
        if not MIN_DIGITS <= _digits(span) <= MAX_DIGITS:
            continue
        # Already read, or read from its tail only ("+44 7700900397" gave a US 7700900397).
        # At most two numbers of 7+ digits fit in 15 digits: a few neighbours to look at.
        first = bisect.bisect_right(ends, start)
        inside = [key for key in keys[first : first + 4] if key[0] < end and key in found]
        if any(key[0] <= start or key[1] > end for key in inside):
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if span[0].isdigit() and ((before.isascii() and before.isalnum()) or before in "+-./,_"):
            continue  # the tail of a longer token: "AB1234567", "v1.2345678"
        if (after.isascii() and after.isalnum()) or after in "%‰€$¥£_@":
            continue  # a percentage, an amount, an e-mail's local part
        if NOT_WRITTEN.fullmatch(core) or DATE_LIKE.fullmatch(core):
            continue
        cue = _has_cue(text, start) and not NOT_PHONE_LABEL.search(
            text, max(0, start - LABEL_WINDOW), start
        )
        # Without a cue: (123) 456-7890 is a phone by its shape alone, a number with a +
        # only where it is a valid one ("+45 12 34 56 78" is not).
        nanp = NANP_SHAPE.fullmatch(core) is not None
        if not (cue or nanp or span.lstrip("(").startswith("+")):
            continue
        # "88681188-6808": the number and a hyphenated extension, before the whole read
        # as one longer number.
        readings = [core]
        hyphen = HYPHEN_EXTENSION.search(core)
        if hyphen is not None and hyphen.end() == len(core):
            readings.insert(0, core[: hyphen.start()])
        strict = not (cue or nanp)
        e164 = next(
            (e for r in readings if (e := _written_reading(r, ["US"] if nanp else own, strict))),
            None,
        )
        if e164 is not None:
            for key in inside:
                del found[key]
            yield start, end, e164


def _extension_end(text: str, end: int) -> int:
    """Where a number ends with its hyphenated extension ("010-65980408-8001")."""
    match = HYPHEN_EXTENSION.match(text, end)
    return match.end() if match else end


@extractor("phone", requires=("text", "lang", "langs"), quick=QUICK, prepare=_prepare)
def find_phones(doc: Doc) -> Iterator[Entity]:
    text = doc.text
    regions = _region_order(doc)
    found: dict[tuple[int, int], str] = {}
    taken = _Taken(len(text))
    for start, end, e164 in _matches(text, regions[0]):
        found[(start, end)] = _plainly_nanp(text[start:end]) or e164
        taken.add(start, end)
    # Digit runs the language's region did not accept: try the other regions,
    # only behind a phone cue, in order: the message's other languages first,
    # then the countries our users call most (DE before GB: "030 1234567" is
    # a valid number in both). Each run is read in a small window around it,
    # so a long message costs one matcher pass, not one per region; the regions
    # share that pass's candidates (phone_matcher).
    for run in QUICK.finditer(text):
        if taken.hit(run.start(), run.end()) or not _has_cue(text, run.start()):
            continue
        low, high = max(0, run.start() - BEFORE_RUN), min(len(text), run.end() + AFTER_RUN)
        readings: dict[tuple[int, int], list[tuple[bool, bool, int, str]]] = {}
        by_region = phone_matcher.matches(text[low:high], regions[1:])
        for rank, region in enumerate(regions[1:]):
            for rel_start, rel_end, e164 in _e164s(by_region[region]):
                start, end = rel_start + low, rel_end + low
                if start >= run.end() or end <= run.start() or taken.hit(start, end):
                    continue
                if end == high < len(text):
                    continue  # cut off by the window
                mobile = _is_mobile(e164)
                # Chinese mobiles are never written with the trunk 0: "0176 12345678"
                # is a German mobile, though CN would read 176 1234 5678 from it.
                odd = region == "CN" and mobile and text[start:end].lstrip("(").startswith("0")
                readings.setdefault((start, end), []).append((odd, not mobile, rank, e164))
        # Where several regions accept the digits, a mobile reading is the plain one.
        for (start, end), options in sorted(readings.items()):
            if not taken.hit(start, end):
                found[(start, end)] = min(options)[3]
                taken.add(start, end)
    # Numbers people write that no region's metadata accepts: by their shape, behind a cue.
    for start, end, e164 in list(_written_phones(text, _own_regions(doc), found)):
        found[(start, end)] = e164
    ends = {end for _, end in found}
    for (start, end), e164 in sorted(found.items()):
        if _labelled_otherwise(text, start) or DATE_LIKE.fullmatch(text[start:end]):
            continue
        # "13604779660 13604770960": a number right after another is no continuation.
        after_phone = any(e in ends for e in range(max(0, start - 3), start))
        if not after_phone and CONTINUES_LEFT.search(text, max(0, start - 4), start):
            continue
        stop = _extension_end(text, end)
        yield Entity("phone", start, stop, text[start:stop], {"e164": e164})
