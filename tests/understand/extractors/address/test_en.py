"""US and UK addresses: number + street + suffix, units, city, state/ZIP or UK postcode."""

from __future__ import annotations

from typing import Any

import pytest

from tests.understand.extractors.address.support import addresses, check_one

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # The contract's examples.
    (
        "1600 Amphitheatre Pkwy, Mountain View, CA 94043",
        "1600 Amphitheatre Pkwy, Mountain View, CA 94043",
        {
            "country": "US",
            "region": "CA",
            "city": "Mountain View",
            "street": "Amphitheatre Pkwy",
            "house_number": "1600",
            "postcode": "94043",
        },
    ),
    (
        "350 5th Ave, New York, NY 10118",
        "350 5th Ave, New York, NY 10118",
        {
            "country": "US",
            "region": "NY",
            "city": "New York",
            "street": "5th Ave",
            "house_number": "350",
            "postcode": "10118",
        },
    ),
    (
        "221B Baker Street, London NW1 6XE",
        "221B Baker Street, London NW1 6XE",
        {
            "country": "GB",
            "city": "London",
            "street": "Baker Street",
            "house_number": "221B",
            "postcode": "NW1 6XE",
        },
    ),
    # More US forms: units, state names, directions, country words.
    (
        "Meet me at 1 Infinite Loop, Cupertino, CA 95014 tomorrow",
        "1 Infinite Loop, Cupertino, CA 95014",
        {
            "country": "US",
            "region": "CA",
            "city": "Cupertino",
            "street": "Infinite Loop",
            "house_number": "1",
            "postcode": "95014",
        },
    ),
    (
        "350 5th Ave, Suite 200, New York, NY 10118",
        "350 5th Ave, Suite 200, New York, NY 10118",
        {
            "country": "US",
            "region": "NY",
            "city": "New York",
            "street": "5th Ave",
            "house_number": "350",
            "postcode": "10118",
        },
    ),
    (
        "HQ: 1 Hacker Way, Menlo Park, CA 94025.",
        "1 Hacker Way, Menlo Park, CA 94025",
        {
            "country": "US",
            "region": "CA",
            "city": "Menlo Park",
            "street": "Hacker Way",
            "house_number": "1",
            "postcode": "94025",
        },
    ),
    (
        "20 W 34th St, New York, NY 10001",
        "20 W 34th St, New York, NY 10001",
        {
            "country": "US",
            "region": "NY",
            "city": "New York",
            "street": "W 34th St",
            "house_number": "20",
            "postcode": "10001",
        },
    ),
    (
        "1211 Avenue of the Americas, New York, NY 10036",
        "1211 Avenue of the Americas, New York, NY 10036",
        {
            "country": "US",
            "region": "NY",
            "city": "New York",
            "street": "Avenue of the Americas",
            "house_number": "1211",
            "postcode": "10036",
        },
    ),
    (
        "824 New Hampshire Avenue Northwest, Washington, DC 20037, USA",
        "824 New Hampshire Avenue Northwest, Washington, DC 20037, USA",
        {
            "country": "US",
            "region": "DC",
            "city": "Washington",
            "street": "New Hampshire Avenue Northwest",
            "house_number": "824",
            "postcode": "20037",
        },
    ),
    (
        "7277 Valjean Avenue, Van Nuys, California 91406, United States",
        "7277 Valjean Avenue, Van Nuys, California 91406, United States",
        {
            "country": "US",
            "region": "CA",
            "city": "Van Nuys",
            "street": "Valjean Avenue",
            "house_number": "7277",
            "postcode": "91406",
        },
    ),
    (
        "The address is 60 Furman Street, Brooklyn and the number is +1 347-696-2500.",
        "60 Furman Street, Brooklyn",
        {"country": "US", "city": "Brooklyn", "street": "Furman Street", "house_number": "60"},
    ),
    (
        "My new place: 42 Wallaby Way, Sydney",
        "42 Wallaby Way, Sydney",
        {"country": "AU", "city": "Sydney", "street": "Wallaby Way", "house_number": "42"},
    ),
    # A name after the comma is no city (a vocative, the next clause).
    (
        "See you at 5 Oak Lane, Sarah!",
        "5 Oak Lane",
        {"street": "Oak Lane", "house_number": "5"},
    ),
    # UK.
    (
        "10 Downing Street, London SW1A 2AA",
        "10 Downing Street, London SW1A 2AA",
        {
            "country": "GB",
            "city": "London",
            "street": "Downing Street",
            "house_number": "10",
            "postcode": "SW1A 2AA",
        },
    ),
    (
        "Fittings at 7 Savile Row, London W1S 3PE on Friday",
        "7 Savile Row, London W1S 3PE",
        {
            "country": "GB",
            "city": "London",
            "street": "Savile Row",
            "house_number": "7",
            "postcode": "W1S 3PE",
        },
    ),
    (
        "Flat 2, 15 Abbey Road, London NW8 9AY",
        "15 Abbey Road, London NW8 9AY",
        {
            "country": "GB",
            "city": "London",
            "street": "Abbey Road",
            "house_number": "15",
            "postcode": "NW8 9AY",
        },
    ),
    (
        "Drinks at 100 Shoreditch High Street, London?",
        "100 Shoreditch High Street, London",
        {
            "country": "GB",
            "city": "London",
            "street": "Shoreditch High Street",
            "house_number": "100",
        },
    ),
    (
        "It's at 191 Queen's Gate.",
        "191 Queen's Gate",
        {"street": "Queen's Gate", "house_number": "191"},
    ),
    # Street and number alone (SGD-style dialogue turns).
    (
        "The address is 2516 Samaritan Drive.",
        "2516 Samaritan Drive",
        {"street": "Samaritan Drive", "house_number": "2516"},
    ),
    (
        "It's at 1300 University Drive # 6.",
        "1300 University Drive # 6",
        {"street": "University Drive", "house_number": "1300"},
    ),
    (
        "You can visit them at 2556 Telegraph Avenue #4 and call 510-540-1261.",
        "2556 Telegraph Avenue #4",
        {"street": "Telegraph Avenue", "house_number": "2556"},
    ),
    (
        "The office is at 1047 Lincoln Highway suite 101",
        "1047 Lincoln Highway suite 101",
        {"street": "Lincoln Highway", "house_number": "1047"},
    ),
    (
        "29 East Allen Street 2nd Floor",
        "29 East Allen Street 2nd Floor",
        {"street": "East Allen Street", "house_number": "29"},
    ),
    (
        "Find them at 8339 Church St # 106.",
        "8339 Church St # 106",
        {"street": "Church St", "house_number": "8339"},
    ),
    (
        "1012 Oak Grove Avenue",
        "1012 Oak Grove Avenue",
        {"street": "Oak Grove Avenue", "house_number": "1012"},
    ),
    ("It's on 3900 Broadway", "3900 Broadway", {"street": "Broadway", "house_number": "3900"}),
    (
        "450 East El Camino Real",
        "450 East El Camino Real",
        {"street": "East El Camino Real", "house_number": "450"},
    ),
    (
        "Their address is 5012 Petaluma Boulevard North.",
        "5012 Petaluma Boulevard North",
        {"street": "Petaluma Boulevard North", "house_number": "5012"},
    ),
    (
        "555 Rohnert Park Expressway West",
        "555 Rohnert Park Expressway West",
        {"street": "Rohnert Park Expressway West", "house_number": "555"},
    ),
    (
        "They are located at 235 west 46th street",
        "235 west 46th street",
        {"street": "west 46th street", "house_number": "235"},
    ),
    ("131 mirada road", "131 mirada road", {"street": "mirada road", "house_number": "131"}),
    ("401 alberto way #1", "401 alberto way #1", {"street": "alberto way", "house_number": "401"}),
    (
        "Appointment is confirmed.472 North Mathilda Avenue is their address.",
        "472 North Mathilda Avenue",
        {"street": "North Mathilda Avenue", "house_number": "472"},
    ),
    (
        "Dinner at 8 at 742 Evergreen Terrace",
        "742 Evergreen Terrace",
        {"street": "Evergreen Terrace", "house_number": "742"},
    ),
    (
        "Meet me at 350 5th Ave. It's the big one.",
        "350 5th Ave",
        {"street": "5th Ave", "house_number": "350"},
    ),
    (
        "12 Main Street, Tom will be there",
        "12 Main Street",
        {"street": "Main Street", "house_number": "12"},
    ),
    # An English address in a Chinese message.
    (
        "明天在350 5th Ave, New York, NY 10118见面",
        "350 5th Ave, New York, NY 10118",
        {
            "country": "US",
            "region": "NY",
            "city": "New York",
            "street": "5th Ave",
            "house_number": "350",
            "postcode": "10118",
        },
    ),
]


@pytest.mark.parametrize(("text", "span", "value"), CASES, ids=[c[0] for c in CASES])
def test_english_address(text: str, span: str, value: dict[str, Any]) -> None:
    check_one(text, span, value)


def test_abbreviation_dot_stays_out_at_the_end_but_in_before_more() -> None:
    assert [e.text for e in addresses("at 520 8th Ave. - Personal Valet")] == ["520 8th Ave"]
    found = addresses("at 520 8th Ave., New York, NY 10019")
    assert [e.text for e in found] == ["520 8th Ave., New York, NY 10019"]
