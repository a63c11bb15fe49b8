"""Flight numbers (DESIGN.md 4.1 "flight"): IATA designator + 1-4 digits.

The designator comes from the shipped airline table (`airlines.py`); the span
is the code as written, with or without its space ("LH 720", "MU5101"); the
value is `airline`, `number` (digits as written) and `code` (no space).

Codes collide with much else in chat, so a candidate must earn it:
- two-letter designators of no other common meaning (LH, MU, CA) count with
  two or more digits; designators with a digit (9C, B6, 3U) with three or
  more; anything else (one digit, AMBIGUOUS codes such as DE, IT, OK, AM)
  only where the message speaks of flying (flight, Flug, 航班, an airline).
- never when the words before say what it is instead: gates (Gate B44),
  seats, trains and lines (ICE 597, EN 420 the EuroNight), car, phone and
  vitamin models (BMW X3 30, Vitamin B6 100mg), aircraft types (A320,
  B737, Airbus A3 50); nor before a unit (km, kg, Uhr, 元) or a decimal.
- a 4-digit number that reads as a year (BA 2019) needs a flight cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors.flight.airlines import AIRLINES, AMBIGUOUS
from ownlive.understand.registry import extractor

CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9\-/.#@_])"
    r"(?P<airline>[A-Za-z][A-Za-z0-9]|[0-9][A-Za-z])"
    r"[ \u00a0]?"
    r"(?P<number>\d{1,4})"
    r"(?![A-Za-z0-9]|[.,:]\d|-\d|/\d)"
)
# (?:[A-Za-z][A-Za-z0-9]|\d[A-Za-z])[ \u00a0]?\d, found from its last digit: a pattern
# starting with a digit class is scanned for in C, the code before it then checked.
_CODE = r"(?:[A-Za-z][A-Za-z0-9]|\d[A-Za-z])"
QUICK = re.compile(rf"\d(?:(?<={_CODE}\d)|(?<={_CODE}[ \u00a0]\d))")

FLIGHT_CUE = re.compile(
    r"(?i)(?:\b(?:flights?|fly|flying|flew|flown|plane|airport|airlines?|airways|boarding|"
    r"departs?|departure|departing|arrival|arrives?|arriving|landing|lands|landed|"
    r"take-?off|check-?in|layover|connecting|terminal|gate|"
    r"flug|flüge|fliege|fliegst|fliegt|fliegen|flieger|flugzeug|flughafen|abflug|ankunft|"
    r"landet|landung|gelandet|umsteigen|anschlussflug|abgeflogen|"
    r"lufthansa|condor|eurowings|ryanair|easyjet|austrian|klm|air\s?france|emirates|"
    r"etihad|jetblue|cathay|asiana|tuifly|vueling|iberia|wizz\s?air|finnair|aegean|"
    r"aeroflot|aer\s?lingus|air\s?china|air\s?canada|westjet|qantas|ethiopian|egyptair|"
    r"saudia|flydubai|sunexpress)\b"
    r"|航班|飞机|机场|起飞|落地|降落|登机|值机|航站楼|转机|机票|经停|飞往|飞到|航空|"
    r"国航|东航|南航|海航|川航|春秋|吉祥|深航|厦航|山航|上航|国泰|汉莎|阿联酋|新航|全日空|大韩)"
)
# What the words right before a candidate may say it is instead.
NOT_A_FLIGHT_BEFORE = re.compile(
    r"(?i)(?:\b(?:gate|gates|terminal|seat|seats|row|sitz|sitzplatz|platz|reihe|"
    r"flugsteig|ausgang|zug|train|bus|linie|line|tram|gleis|track|platform|bahnsteig|"
    r"bmw|audi|mercedes|vw|tesla|model|modell|typ|type|version|iphone|galaxy|pixel|"
    r"vitamin|room|zimmer|raum|halle|hall|tisch|table|airbus|boeing|seite|page|"
    r"kapitel|chapter|abschnitt|section|paragraph|aktenzeichen)"
    r"|登机口|座位|车次|高铁|动车|火车|列车|地铁|号线|公交)[\s.:#-]*$"
)
UNIT_AFTER = re.compile(
    r"(?i)[ \u00a0]?(?:%|‰|°|€|\$|元|块|岁|号线|号楼|楼|层|室|人|"
    r"(?:km|kg|mg|ml|mm|cm|m|g|l|h|min|s|uhr|hz|gb|mb|tb|v|w|ps|kw|x|p|fps|mp|"
    r"minuten|stunden|euro|dollar|jahre|years|tage|days)\b)"
)
AIRCRAFT_TYPES = {
    "A3": frozenset({"18", "19", "20", "21", "30", "40", "50", "80"}),
    "B7": frozenset({"07", "17", "27", "37", "47", "57", "67", "77", "87"}),
}
# Lower case ("lh720") counts only right after a flight word: "flight lh720".
LOWER_CASE_CUE = re.compile(
    r"(?i)(?:flight|flug|flugnummer|flight\s?number|航班号?)"
    r"(?:\s*(?:no\.?|nr\.?|number|nummer|#))?[\s:：#]*$"
)
BEFORE_WINDOW = 24


def _plausible(code: str, number: str, has_cue: bool, text: str, start: int, end: int) -> bool:
    if number in AIRCRAFT_TYPES.get(code, ()):
        return False
    if NOT_A_FLIGHT_BEFORE.search(text[max(0, start - BEFORE_WINDOW) : start]):
        return False
    if UNIT_AFTER.match(text, end):
        return False
    if has_cue:
        return True
    if code in AMBIGUOUS:
        return False
    if len(number) == 4 and 1950 <= int(number) <= 2039:
        return False  # BA 2019: the year of a degree, not a flight
    needed = 3 if any(c.isdigit() for c in code) else 2
    return len(number) >= needed


@extractor("flight", requires=("text",), quick=QUICK)
def find_flights(doc: Doc) -> Iterator[Entity]:
    text = doc.text
    has_cue = FLIGHT_CUE.search(text) is not None
    for match in CANDIDATE.finditer(text):
        written = match.group("airline")
        code = written.upper()
        if code not in AIRLINES:
            continue
        if written != code and (
            code in AMBIGUOUS or not LOWER_CASE_CUE.search(text, 0, match.start())
        ):
            continue
        number = match.group("number")
        if not _plausible(code, number, has_cue, text, match.start(), match.end()):
            continue
        value = {"airline": code, "number": number, "code": code + number}
        yield Entity("flight", match.start(), match.end(), match.group(0), value)
