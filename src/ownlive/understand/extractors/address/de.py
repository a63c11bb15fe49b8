"""German addresses: street house-number [, postcode city] (Kastanienallee 45, 10435 Berlin).

A street is one capitalised word ending in a street suffix (Torstraße,
Karl-Marx-Allee, Hauptstr.), adjectives before a suffix word (Frankfurter
Allee, Große Hamburger Straße), "Straße des 17. Juni"-style names, or a name
led by Am/An der/Unter den… (Am Kupfergraben, Unter den Linden). Then the
house number (12, 7a, 12-14), and optionally a postcode with its city, or
"in <city>" for a known city. A name without a street suffix counts only with
a postcode after it, so "Am Freitag 15" stays out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.doc import Entity
from ownlive.understand.extractors.address.value import address, without_overlaps, words

UPPER = "A-ZÄÖÜ"
LOWER = "a-zäöüß"
WORD = rf"[{UPPER}][{LOWER}]+"
SUFFIXES = (
    "straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|stieg|pfad|"
    "promenade|graben|kai|markt|brücke"
)
SUFFIX_WORDS = (
    "Straße|Strasse|Str\\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|Steig|Stieg|Pfad|"
    "Promenade|Graben|Kai|Markt|Brücke"
)
# Leading words that are part of street names (Am Kupfergraben); sentence-initial Im/In der/Zum are
# too often plain prepositions, so they lead only a name followed by a postcode (LED_ONLY).
LEAD = "Am|An der|An den|An dem|Auf der|Auf dem|Unter den|Hinter der|Hinter dem|Vor dem"
LEAD_WITH_POSTCODE = rf"{LEAD}|Im|In der|In den|Zum|Zur"
NOT_ADJECTIVES = (
    "Aber|Oder|Weder|Immer|Wieder|Lieber|Später|Vorher|Nachher|Hier|Jeder|Dieser|Unser|Euer|Einer|"
    "Keiner|Meiner|Deiner|Seiner|Ihrer|Welcher|Anderer|Erster|Zweiter|Letzter|Sonder|Hinter|Unter|"
    "Über|Vor|Wer|Oben|Unten|Super|Danach|Daher|Woher|Leider|Sicher|Klar|Sonst"
)
KNOWN_ADJECTIVES = (
    "Alte|Alter|Neue|Neuer|Große|Großer|Kleine|Kleiner|Lange|Langer|Hohe|Hoher|Obere|Untere|"
    "Innere|Äußere|Hintere|Vordere|Mittlere|Breite|Schmale|Krumme|Stille|Grüne|Rote|Weiße|Schwarze|"
    "Heilige|Schöne"
)
# Place adjectives end in -er (Frankfurter Allee, Große Hamburger Straße); before a compound
# only the common ones count (Alte Jakobstraße, but not "beim Bäcker Hauptstraße 5").
ADJECTIVE = rf"(?!(?:{NOT_ADJECTIVES})\s)(?:{KNOWN_ADJECTIVES}|[{UPPER}][{LOWER}]+er)"
# One token ending in a suffix (Torstraße, Karl-Marx-Allee, Hauptstr.).
COMPOUND = rf"[{UPPER}][{UPPER}{LOWER}]*(?:-[{UPPER}{LOWER}][{UPPER}{LOWER}]*)*-?(?i:{SUFFIXES})"
OF_NAME = rf"(?:{SUFFIX_WORDS})\s(?:der|des|am|vom|zum|zur)\s(?:\d{{1,2}}\.\s)?{WORD}(?:\s{WORD})?"
STREET = (
    rf"(?:(?:{LEAD})\s)?(?:{OF_NAME}|(?:{ADJECTIVE}\s){{1,3}}(?:{SUFFIX_WORDS})"
    rf"|(?:(?:{KNOWN_ADJECTIVES})\s){{0,2}}{COMPOUND})"
)
NUMBER = rf"\d{{1,4}}(?:\s?[a-zA-Z](?![{UPPER}{LOWER}]))?(?:\s?[-–/]\s?\d{{1,4}}[a-zA-Z]?)?"
CITY = rf"{WORD}(?:-{WORD})*(?:\s(?:am|an\sder|im|in\sder|ob\sder|bei)\s{WORD})?(?:\s\({WORD}\))?"
# 5 digits: Germany; 4 digits: Austria or Switzerland, taken only before a city we know there.
POSTCODE_CITY = rf"(?:,\s*|\s+in\s+|\s+)(?:[DAC]H?-)?(?P<postcode>\d{{4,5}})\s+(?P<city>{CITY})"
IN_CITY = rf"(?:,\s*|\s+in\s+)(?P<incity>{WORD}(?:\s(?:am|an\sder|im)\s{WORD})?)"

ADDRESS = re.compile(
    rf"(?<![{UPPER}{LOWER}\d-])(?P<street>{STREET})\s?(?P<number>{NUMBER})(?![\d{LOWER}])"
    rf"(?:{POSTCODE_CITY}|{IN_CITY})?"
)
# Without a street suffix (An der Urania 12): only with a postcode and city after it.
LED_ONLY = re.compile(
    rf"(?<![{UPPER}{LOWER}\d-])(?P<street>(?:{LEAD_WITH_POSTCODE})\s{WORD}(?:\s{WORD})?)"
    rf"\s(?P<number>{NUMBER})(?![\d{LOWER}]){POSTCODE_CITY}"
)
LINDEN = re.compile(
    rf"(?<![{UPPER}{LOWER}])(?P<street>Unter den Linden)\s(?P<number>{NUMBER})(?![\d{LOWER}])"
    rf"(?:{POSTCODE_CITY}|{IN_CITY})?"
)
QUICK = (
    rf"(?i:{SUFFIXES}|linden)\s?\d|(?:{SUFFIX_WORDS})\s(?:der|des|am|vom|zum|zur)\s"
    rf"|\b\d{{4,5}}\s+[{UPPER}]"
)
# QUICK in pieces that each start with a digit or a word (ownlive.understand.quick), so the
# gate is a fast scan rather than twenty case-insensitive words tried at every character:
# the suffix before the digit becomes lookbehinds from the digit, \b before a digit a
# lookbehind for a word character.
_DIGIT_AFTER_SUFFIX = "|".join(
    rf"(?<=(?i:{word}){gap}\d)" for word in [*SUFFIXES.split("|"), "linden"] for gap in ("", r"\s")
)
QUICK_PARTS = (
    rf"\d(?:{_DIGIT_AFTER_SUFFIX})",
    rf"(?:{SUFFIX_WORDS})\s(?:der|des|am|vom|zum|zur)\s",
    rf"\d(?<!\w\d)\d{{3,4}}\s+[{UPPER}]",
)

AMBIGUOUS = re.compile(r"(?<!-)(?:ring|kai|markt|brücke)$", re.I)
# English words that end like a German street (Spring 2024, String 3, Offering 2).
ENGLISH_ENDINGS = re.compile(
    r"(?:^(?:spring|string|bring|during|earring|herring)|[eoui]ring)$", re.I
)
# A number that measures something is no house number (Heimweg 5 Minuten, Platz 3 von 10).
NOT_AFTER = re.compile(
    r"\s?(?:Uhr|h\b|Min|min|Minuten|Stunden|Tage|Wochen|Jahre|km|m\b|Meter|€|Euro|EUR|%|Prozent|"
    r"Personen|Leute|Mal|mal|von\s\d|[.:,]\d)"
)
# Compounds that end like a street but name a thing (Parkplatz 3, Bundesstraße 96).
NOT_STREETS = words(
    "parkplatz stellplatz sitzplatz arbeitsplatz spielplatz tabellenplatz listenplatz startplatz "
    "studienplatz kitaplatz ausbildungsplatz campingplatz zeltplatz sportplatz platz heimweg "
    "rückweg hinweg umweg ausweg fußweg radweg schulweg arbeitsweg weg ehering schlüsselring "
    "boxring ring staudamm sackgasse bundesstraße landesstraße kreisstraße autobahn straße "
    "supermarkt flohmarkt wochenmarkt weihnachtsmarkt markt arbeitsmarkt brücke"
)
GERMAN_CITIES = (
    "Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen "
    "Bremen Dresden Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster "
    "Mannheim Karlsruhe Augsburg Wiesbaden Mönchengladbach Gelsenkirchen Aachen Braunschweig "
    "Kiel Chemnitz Halle Magdeburg Freiburg Krefeld Mainz Lübeck Erfurt Oberhausen Rostock "
    "Kassel Hagen Potsdam Saarbrücken Hamm Ludwigshafen Oldenburg Mülheim Osnabrück "
    "Leverkusen Darmstadt Heidelberg Solingen Regensburg Herne Paderborn Neuss Ingolstadt "
    "Offenbach Würzburg Fürth Ulm Heilbronn Pforzheim Wolfsburg Göttingen Bottrop Reutlingen "
    "Koblenz Bremerhaven Erlangen Trier Jena Moers Siegen Hildesheim Cottbus Salzgitter Weimar "
    "Konstanz Bamberg Passau Lüneburg Tübingen Flensburg Greifswald Schwerin"
)
# Cities whose country a bare "in <city>" or a 4-digit postcode may be read by.
CITY_COUNTRY = {
    **dict.fromkeys(words(GERMAN_CITIES), "DE"),
    **dict.fromkeys(words("Wien Graz Linz Salzburg Innsbruck Klagenfurt Villach"), "AT"),
    **dict.fromkeys(words("Zürich Basel Bern Genf Lausanne Luzern Winterthur Lugano"), "CH"),
}


def find(text: str, strict: bool = False) -> Iterator[Entity]:
    """Addresses in `text`. `strict` where German is not among the message's languages:
    then a suffix that ends English words too (Bring 5) needs a hyphen (Hansa-Ring) or a
    postcode after the number."""
    found = []
    for pattern in (LINDEN, ADDRESS, LED_ONLY):
        for match in pattern.finditer(text):
            if strict and AMBIGUOUS.search(match.group("street")) and not match["postcode"]:
                continue
            entity = read(text, match)
            if entity is not None:
                found.append(entity)
    yield from without_overlaps(found)


def read(text: str, match: re.Match[str]) -> Entity | None:
    street = match.group("street")
    groups = match.groupdict()
    postcode = groups.get("postcode")
    if postcode is None and NOT_AFTER.match(text, match.end("number")):
        return None
    if street.lower() in NOT_STREETS or ENGLISH_ENDINGS.search(street):
        return None
    end = match.end()
    city = groups.get("city") or groups.get("incity")
    known = CITY_COUNTRY.get((city or "").split(" ")[0])
    if (groups.get("incity") or (postcode and len(postcode) == 4)) and known is None:
        # "in Mitte", ", Tom kommt", "2024 Eröffnung": not a place we know.
        end, city, postcode = match.end("number"), None, None
    country = "DE" if postcode and len(postcode) == 5 else known
    fields = {
        "country": country,
        "city": city,
        "street": street,
        "house_number": match.group("number"),
        "postcode": postcode,
    }
    return address(text, match.start(), end, fields)
