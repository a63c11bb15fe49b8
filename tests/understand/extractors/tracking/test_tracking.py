"""Tracking numbers: carrier by name or format, number without spaces, and what is none."""

from __future__ import annotations

import pytest

from ownlive.understand.extractors.tracking import find_tracking_numbers
from tests.understand.extractors.entities import run


@pytest.mark.parametrize(
    ("text", "span", "carrier", "number"),
    [
        # formats that prove themselves
        ("UPS 1Z999AA10123456784", "1Z999AA10123456784", "ups", "1Z999AA10123456784"),
        (
            "Your parcel: 1Z 5R8 939 03 5756 7127",
            "1Z 5R8 939 03 5756 7127",
            "ups",
            "1Z5R89390357567127",
        ),
        (
            "tracking 1Z879E930346834440 arrives Friday",
            "1Z879E930346834440",
            "ups",
            "1Z879E930346834440",
        ),
        ("你的EMS单号EA123456785CN", "EA123456785CN", "ems", "EA123456785CN"),
        ("国际小包 RR123456785CN 已出境", "RR123456785CN", "ems", "RR123456785CN"),
        ("Einschreiben RR123456785DE kommt morgen", "RR123456785DE", "dhl", "RR123456785DE"),
        (
            "Royal Mail says RR123456785GB is out for delivery",
            "RR123456785GB",
            "royalmail",
            "RR123456785GB",
        ),
        ("Sendung RR 123 456 785 GB", "RR 123 456 785 GB", "royalmail", "RR123456785GB"),
        ("DHL: 00340434161094042557", "00340434161094042557", "dhl", "00340434161094042557"),
        (
            "Paket 0034 0434 1610 9404 2557 ist unterwegs",
            "0034 0434 1610 9404 2557",
            "dhl",
            "00340434161094042557",
        ),
        ("Dein Paket JJD0099999999 kommt", "JJD0099999999", "dhl", "JJD0099999999"),
        ("顺丰 SF1234567890123", "SF1234567890123", "sf", "SF1234567890123"),
        ("快递单号SF 1234567890123，今天到", "SF 1234567890123", "sf", "SF1234567890123"),
        ("京东快递JDVA12345678901到了", "JDVA12345678901", "jd", "JDVA12345678901"),
        (
            "USPS 9400 1112 0108 0805 4830 16",
            "9400 1112 0108 0805 4830 16",
            "usps",
            "9400111201080805483016",
        ),
        (
            "label 9361289878700317633795 was printed",
            "9361289878700317633795",
            "usps",
            "9361289878700317633795",
        ),
        # plain digit runs, the carrier named
        ("中通 75312345678901", "75312345678901", "zto", "75312345678901"),
        ("中通快递单号：7531 2345 6789 01", "7531 2345 6789 01", "zto", "75312345678901"),
        ("顺丰单号 123456789012", "123456789012", "sf", "123456789012"),
        ("邮政EMS 1012345678901", "1012345678901", "ems", "1012345678901"),
        ("DHL Express waybill 3318810025", "3318810025", "dhl", "3318810025"),
        ("DHL Sendungsnummer 340434188193", "340434188193", "dhl", "340434188193"),
        ("FedEx tracking 986578788855", "986578788855", "fedex", "986578788855"),
        ("fedex ground 041441760228964", "041441760228964", "fedex", "041441760228964"),
        (
            "USPS certified 0307 1790 0005 2348 3741",
            "0307 1790 0005 2348 3741",
            "usps",
            "03071790000523483741",
        ),
        ("Dein DPD Paket 01234567890123 kommt heute", "01234567890123", "dpd", "01234567890123"),
        (
            "Hermes Sendung H100199000000001 ist da",
            "H100199000000001",
            "hermes",
            "H100199000000001",
        ),
        ("Hermes: 12345678901234", "12345678901234", "hermes", "12345678901234"),
        # a distinctive shape failing its check digit, in a message about a parcel
        (
            "Your package 1Z12345E0205271688 is out for delivery",
            "1Z12345E0205271688",
            "ups",
            "1Z12345E0205271688",
        ),
        ("EMS EA123456784CN 到哪了", "EA123456784CN", "ems", "EA123456784CN"),
        # the carrier named wins over the one the format implies
        ("DHL hat RR123456785CN zugestellt", "RR123456785CN", "dhl", "RR123456785CN"),
    ],
)
def test_tracking_numbers(text: str, span: str, carrier: str, number: str) -> None:
    assert run(find_tracking_numbers, text) == [(span, {"carrier": carrier, "number": number})]


@pytest.mark.parametrize(
    "text",
    [
        "订单号 202311151234567",
        "订单号SF1234567890123",
        "Your order number is 112-1234567-1234567",
        "Bestellnummer 00340434161094042557",
        "iPhone 1Z999AA10123456785",  # the check digit is wrong
        "EA123456784CN",  # the check digit is wrong
        "00340434161094042558",  # the check digit is wrong
        "3318810025 ohne Paketdienst",  # a DHL Express number needs DHL named
        "FedEx 986578788856",  # the check digit is wrong
        "DHL Express 3318810034",  # mod 7 fails
        "Ruf an unter 0301234567",
        "Kundennummer 12345678901234 bei DPD",
        "booking reference ABC123, ticket 1234567890123",
        "取件码 12345678",
        "我的卡号 6222021234567890123",
        "the ups and downs of 123456789012",
        "Call 415-555-0132 about the UPS job",
    ],
)
def test_not_tracking_numbers(text: str) -> None:
    assert run(find_tracking_numbers, text) == []


def test_two_parcels_two_carriers() -> None:
    text = "UPS: 1Z999AA10123456784, EMS: EA123456785CN"
    assert run(find_tracking_numbers, text) == [
        ("1Z999AA10123456784", {"carrier": "ups", "number": "1Z999AA10123456784"}),
        ("EA123456785CN", {"carrier": "ems", "number": "EA123456785CN"}),
    ]
