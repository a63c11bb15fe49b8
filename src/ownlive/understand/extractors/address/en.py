"""US and UK addresses: number street-name suffix [unit] [, city] [, state ZIP | postcode].

"1600 Amphitheatre Pkwy, Mountain View, CA 94043", "350 5th Ave, New York, NY
10118", "221B Baker Street, London NW1 6XE". The street is one to five name
words (capitalised, or ordinals like 5th) ending in a suffix (Street, Ave,
Pkwy…), with optional directions (West 44th Street, Petaluma Boulevard North);
a few names need no suffix (Broadway, El Camino Real). A city after a comma is
kept when a state, ZIP or postcode follows it, or when it is a city we know.

Without a house number there is no address ("I live on Baker Street", "5th
Avenue"); a number that is a price, a time, a date or a room is not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.doc import Entity
from ownlive.understand.extractors.address.value import address, without_overlaps, words

SUFFIXES = (
    "Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|"
    "Parkway|Pkwy|Terrace|Ter|Terr|Circle|Cir|Square|Sq|Highway|Hwy|Expressway|Expy|Freeway|Fwy|"
    "Trail|Trl|Loop|Alley|Aly|Row|Crescent|Cres|Close|Mews|Gardens|Gate|Grove|Hill|Walk|Plaza|"
    "Plz|Mall|Pike|Turnpike|Path|Crossing|Commons|Causeway|Esplanade|Quay|Wharf|Parade|Embankment"
)
# Suffixes a lowercase name may end in ("131 mirada road"): words too plain to mislead.
PLAIN_SUFFIXES = "street|avenue|road|boulevard|lane|ave|blvd|rd|way|drive|court"
# …and with a one-digit number only the plainest ("3 bayview avenue", not "2 more drive").
PLAINEST = frozenset(["street", "avenue", "road", "boulevard"])
DIRECTION = "North|South|East|West|Northeast|Northwest|Southeast|Southwest|N|S|E|W|NE|NW|SE|SW"
NAME_WORD = r"(?:[A-Z][A-Za-z'’.-]*|\d{1,3}(?:st|nd|rd|th)|of|the|de|la|las|los|del|van|von|du|da)"
SPECIAL = r"Broadway|El Camino Real|Avenue of the Americas|The Embarcadero|Embarcadero|The Strand"
FOREIGN_LEAD = r"Rue|Calle|Avenida|Alameda|Camino"

# Not inside a word, a decimal, a price, a time or a code; "confirmed.472 North…" is fine.
NUMBER = (
    r"(?<![A-Za-z0-9_$€£¥,:/#+-])(?<!\d[.])"
    r"(?P<number>\d{1,6}(?:[A-Za-z](?![A-Za-z]))?(?:\s?-\s?\d{1,6}[A-Za-z]?)?)"
)
STREET = (
    rf"(?P<street>(?:(?i:{DIRECTION})\.?\s+)?"
    rf"(?:(?:{NAME_WORD}\s+){{0,4}}(?:[A-Z][A-Za-z'’.-]*|\d{{1,3}}(?:st|nd|rd|th))\s+(?i:{SUFFIXES})"
    rf"|{SPECIAL}|(?:{FOREIGN_LEAD})\s+(?:(?:de|del|de la|de las|du|des)\s+)?"
    rf"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})"
    rf"(?![A-Za-z])(?:\s+(?:{DIRECTION})(?![A-Za-z]))?)"
)
LOWER_STREET = (
    rf"(?P<street>[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?\s+(?i:{PLAIN_SUFFIXES}))(?![A-Za-z])"
)
UNIT_ID = r"(?=[A-Za-z0-9])[A-Za-z]?\d*[A-Za-z]?(?:-\d+)?(?![A-Za-z0-9])"
UNIT = (
    r"(?:,?\s*(?:(?i:apt|apartment|suite|ste|unit|room|rm|floor|fl|flat|bldg|building)\.?\s*#?\s*"
    rf"{UNIT_ID}|#\s?{UNIT_ID}|\d{{1,2}}(?:st|nd|rd|th)\s+(?i:floor)))"
)
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico",
}  # fmt: skip
STATE_CODE = {name: code for code, name in US_STATES.items()}
STATE = "|".join([*US_STATES, *sorted(STATE_CODE, key=len, reverse=True)])
CITY = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
COUNTRY = r"USA|U\.S\.A\.|United States|US|UK|United Kingdom"
COUNTRY_TAIL = r"(?:,?\s+(?P<{}>" + COUNTRY + r")(?![A-Za-z]))"
TAIL = (
    rf"(?:(?:,?\s+(?P<pcity>{CITY})?,?\s*(?P<postcode>{UK_POSTCODE})(?![A-Za-z\d])"
    rf"|,\s*(?P<city>{CITY})(?:,?\s+(?P<state>{STATE})(?![A-Za-z]))?(?:,?\s+(?P<zip>\d{{5}}(?:-\d{{4}})?))?"
    rf"|,?\s+(?P<state2>{'|'.join(US_STATES)})\s+(?P<zip2>\d{{5}}(?:-\d{{4}})?))"
    rf"{COUNTRY_TAIL.format('country')}?|{COUNTRY_TAIL.format('country2')})"
)
ADDRESS = re.compile(rf"{NUMBER}\s+{STREET}(?:\.?(?P<unit>{UNIT}))?(?:\.?{TAIL})?")
LOWER_ADDRESS = re.compile(rf"{NUMBER}\s+{LOWER_STREET}(?P<unit>{UNIT})?")
QUICK = (
    rf"\d[A-Za-z]?\s+(?:\S+\s+){{0,5}}?(?i:{SUFFIXES}|broadway|real|americas|embarcadero|strand)\b"
    rf"|\d[A-Za-z]?\s+(?:{FOREIGN_LEAD})\s"
)

# Words before a number that make it something else (Room 101, Chapter 12, May 5).
NOT_BEFORE = words(
    "room rm chapter ch page p gate flight platform no nr number level floor apt apartment suite "
    "unit exit bus line track seat table row vol part season episode step version route top "
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
    "august september october november december mon tue wed thu fri sat sun monday tuesday "
    "wednesday thursday friday saturday sunday"
)
# First name words that make the number a quantity or a time (7 PM Park Street, 3 more street).
NOT_NAMES = words(
    "am pm a.m. p.m. o'clock percent dollars minutes hours days weeks months years people times "
    "the a an my your his her our their its this that more less other another some any many few "
    "big small long short old new same wrong right left one two next last best test dead hard way "
    "minute min mile miles hour km block blocks"
)
TIME_WORDS = frozenset(["am", "pm", "a.m.", "p.m.", "o'clock"])
CITY_COUNTRY = {
    **dict.fromkeys(
        words(
            "London Manchester Edinburgh Glasgow Liverpool Leeds Oxford Cambridge Brighton Bristol "
            "Belfast Cardiff Bath York Nottingham Sheffield Newcastle"
        ),
        "GB",
    ),
    **dict.fromkeys(
        [
            *words("Chicago Seattle Boston Brooklyn Manhattan Queens Bronx Washington Houston"),
            *words("Philadelphia Miami Atlanta Denver Austin Portland Oakland Berkeley Dallas"),
            *words("Sunnyvale Cupertino Phoenix Detroit Minneapolis Pittsburgh Nashville Honolulu"),
            "New York", "San Francisco", "Los Angeles", "San Diego", "San Jose", "Palo Alto",
            "Mountain View", "Las Vegas", "New Orleans", "Salt Lake City", "Santa Monica",
        ],
        "US",
    ),
    **dict.fromkeys(words("Sydney Melbourne Brisbane Perth Adelaide Canberra"), "AU"),
    **dict.fromkeys(words("Toronto Vancouver Montreal Ottawa Calgary"), "CA"),
    **dict.fromkeys(words("Dublin Cork Galway"), "IE"),
    **dict.fromkeys(words("Auckland Wellington"), "NZ"),
    **dict.fromkeys(words("Singapore"), "SG"),
}  # fmt: skip
COUNTRY_CODE = {"USA": "US", "U.S.A.": "US", "United States": "US", "US": "US"}
COUNTRY_CODE |= {"UK": "GB", "United Kingdom": "GB"}


def find(text: str) -> Iterator[Entity]:
    found = []
    for pattern in (ADDRESS, LOWER_ADDRESS):
        for match in pattern.finditer(text):
            entity = read(text, match)
            if entity is not None:
                found.append(entity)
    yield from without_overlaps(found)


def read(text: str, match: re.Match[str]) -> Entity | None:
    before = re.search(r"([A-Za-z.']+)\s*$", text[max(0, match.start() - 12) : match.start()])
    if before is not None and before.group(1).lower().rstrip(".") in NOT_BEFORE:
        return None
    street = match.group("street")
    first = street.split()[0]
    if first in NOT_NAMES or first.lower() in TIME_WORDS:
        return None
    plain = street.split()[-1].lower()
    if match.re is LOWER_ADDRESS and len(match.group("number")) < 2 and plain not in PLAINEST:
        return None
    groups = match.groupdict()
    city = groups.get("city") or groups.get("pcity")
    state = groups.get("state") or groups.get("state2")
    zip_code = groups.get("zip") or groups.get("zip2")
    postcode = groups.get("postcode")
    country = COUNTRY_CODE.get(groups.get("country") or groups.get("country2") or "")
    end = match.end()
    if city and not (state or zip_code or postcode or country) and city not in CITY_COUNTRY:
        # ", Tom will be there", "see you at 5 Oak Lane, Sarah!": a capitalised word after a
        # comma is a city only when something else says so, or when it is one we know.
        end, city = street_end(match), None
    if state:
        state = STATE_CODE.get(state, state)
        country = country or "US"
    elif postcode:
        country = country or "GB"
    elif city:
        country = country or CITY_COUNTRY.get(city)
    fields = {
        "country": country,
        "region": state,
        "city": city,
        "street": street,
        "house_number": match.group("number"),
        "postcode": postcode or zip_code,
    }
    return address(text, match.start(), end, fields)


def street_end(match: re.Match[str]) -> int:
    return match.end("unit") if match.group("unit") else match.end("street")
