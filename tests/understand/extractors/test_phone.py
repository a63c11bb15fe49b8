"""Phone numbers: the span as written, e164 by the language's region, and what is no phone."""

from __future__ import annotations

import pytest

from ownlive.understand.extractors.phone import find_phones
from tests.understand.extractors.entities import run


@pytest.mark.parametrize(
    ("text", "lang", "span", "e164"),
    [
        # zh: mobile, landline with area code, service numbers, glued to Han text
        ("电话13800138000找我", "zh", "13800138000", "+8613800138000"),
        ("手机号138-0013-8000，随时打", "zh", "138-0013-8000", "+8613800138000"),
        ("我的手机是 139 1234 5678", "zh", "139 1234 5678", "+8613912345678"),
        ("电话：010-85007938；北京市东城区景山前街4号", "zh", "010-85007938", "+861085007938"),
        ("电话:(010)85007938", "zh", "(010)85007938", "+861085007938"),
        ("订座电话021-6880 4868", "zh", "021-6880 4868", "+862168804868"),
        ("客服热线400-820-8820。", "zh", "400-820-8820", "+864008208820"),
        ("有问题拨打4006101101", "zh", "4006101101", "+864006101101"),
        ("他的德国号码是+49 176 12345678", "zh", "+49 176 12345678", "+4917612345678"),
        ("加我微信 +86 186 1234 5678", "zh", "+86 186 1234 5678", "+8618612345678"),
        ("他的美国号码是(415) 555-0132", "zh", "(415) 555-0132", "+14155550132"),
        # en: US formats, country codes, labels outside the span
        ("call (415) 555-0132 now", "en", "(415) 555-0132", "+14155550132"),
        ("My number is 650-965-8898.", "en", "650-965-8898", "+16509658898"),
        ("Tel: +1 323-852-7000", "en", "+1 323-852-7000", "+13238527000"),
        ("text me at 212.555.0187", "en", "212.555.0187", "+12125550187"),
        ("reach them at +44 20 7493 4545 tonight", "en", "+44 20 7493 4545", "+442074934545"),
        ("Hotel: +33 1 44 72 42 00", "en", "+33 1 44 72 42 00", "+33144724200"),
        ("Call me on 0176 12345678 when you land", "en", "0176 12345678", "+4917612345678"),
        ("his number is 138 0013 8000", "en", "138 0013 8000", "+8613800138000"),
        # de: national formats, +49 (0), slashes
        ("Ruf mich an: 030 12345678", "de", "030 12345678", "+493012345678"),
        ("Tel. +49 (0)30 1234-5678", "de", "+49 (0)30 1234-5678", "+493012345678"),
        ("Meine Handynummer ist 0176 12345678.", "de", "0176 12345678", "+4917612345678"),
        ("Tel.: 089/12345678", "de", "089/12345678", "+498912345678"),
        ("Die Praxis erreichst du unter (040) 1234567", "de", "(040) 1234567", "+49401234567"),
        ("Fax 0221 987654", "de", "0221 987654", "+49221987654"),
        ("Ruf die Hotline 0800 3301000 an", "de", "0800 3301000", "+498003301000"),
        ("Ruf Tom in New York an: 212-555-0187", "de", "212-555-0187", "+12125550187"),
    ],
)
def test_phone_numbers(text: str, lang: str, span: str, e164: str) -> None:
    assert run(find_phones, text, lang) == [(span, {"e164": e164})]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("验证码123456，5分钟内有效", "zh"),
        ("您尾号1234的卡消费了299元", "zh"),
        ("订单号202311151234567已发货", "zh"),
        ("取件码 8-2-3011，请尽快取件", "zh"),
        ("门禁密码是4711#", "zh"),
        ("2026-11-20 晚上见", "zh"),
        ("Your code is 482913. It expires in 10 minutes.", "en"),
        ("order #1234567890 has shipped", "en"),
        ("account number 12345678", "en"),
        ("the total was $1,299.00", "en"),
        ("card ending 4242", "en"),
        ("see you on 16-04-2010", "en"),
        ("-2208960000 is a negative number", "en"),
        ("Formula 45+31-339243873 is no phone", "en"),
        ("IBAN DE89 3704 0044 0532 0130 00", "de"),
        ("Kundennummer 0301234567", "de"),
        ("Ihre TAN lautet 834271", "de"),
        ("Bestellnummer 0176 12345678", "de"),
        ("Preis: 1.299,00 EUR", "de"),
        ("Der Türcode ist 4711", "de"),
        ("Wir sehen uns am 24.12.2026", "de"),
    ],
)
def test_not_phone_numbers(text: str, lang: str) -> None:
    assert run(find_phones, text, lang) == []


def test_several_numbers_in_one_message() -> None:
    text = "电话是010-84378966或010-84378963，门票200元"
    assert run(find_phones, text, "zh") == [
        ("010-84378966", {"e164": "+861084378966"}),
        ("010-84378963", {"e164": "+861084378963"}),
    ]


def test_the_tail_of_a_longer_number_is_not_read_as_its_own() -> None:
    """+44 7700 900397 is a fictional UK number (no valid one): behind a cue the whole is
    read by its shape; 7700900397 alone, a US reading of its tail, never."""
    assert run(find_phones, "My phone number is +44 7700900397.", "en") == [
        ("+44 7700900397", {"e164": "+447700900397"})
    ]


def test_a_foreign_national_number_needs_a_phone_cue() -> None:
    assert run(find_phones, "ticket 0176 12345678", "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "span", "e164"),
    [
        # numbers no region validates (fictional, placeholder, local without area code),
        # read behind a phone cue where their length fits
        ("Tel: +420 123 456 789", "en", "+420 123 456 789", "+420123456789"),
        ("My phone number is (+45) 12-34-56-78.", "en", "(+45) 12-34-56-78", "+4512345678"),
        ("My phone number is(+31) 12 3456789.", "en", "(+31) 12 3456789", "+31123456789"),
        ("Phone: 0044 07700 900873", "en", "0044 07700 900873", "+447700900873"),
        ("call me: +44(0)161234567", "en", "+44(0)161234567", "+44161234567"),
        ("Telefon: +49 (0) 1357 528320", "de", "+49 (0) 1357 528320", "+491357528320"),
        ("Tel: (+31)12-3456789.", "de", "(+31)12-3456789", "+31123456789"),
        ("服务电话：7629236", "zh", "7629236", "+867629236"),
        ("我的电话号是+55 11 12345-6789\n谢谢", "zh", "+55 11 12345-6789", "+5511123456789"),
        # the North American shape is a phone by itself, placeholder or not
        ("Intro chat with Sam (123) 456-7890 re roles", "en", "(123) 456-7890", "+11234567890"),
        ("Rückruf an 123-456-7890 bitte", "de", "123-456-7890", "+11234567890"),
        # extensions stay in the span, out of e164
        ("联系电话:010-65980408-8001 传真", "zh", "010-65980408-8001", "+861065980408"),
        ("电话是88681188-6808。", "zh", "88681188-6808", "+8688681188"),
        ("call 415.555.0132 x204", "en", "415.555.0132 x204", "+14155550132"),
        ("Durchwahl: +49 30 1234567 ext. 12", "de", "+49 30 1234567 ext. 12", "+49301234567"),
        ("我的电话是+86 20 6130-2222-8866", "zh", "+86 20 6130-2222-8866", "+862061302222"),
        # 00 for +, and a date after the number is no part of it
        ("Telefon: 0049 30 12345678", "de", "0049 30 12345678", "+493012345678"),
        ("Purchasing Phone (914)349-8600 04/21/2020", "en", "(914)349-8600", "+19143498600"),
    ],
)
def test_numbers_written_as_people_write_them(text: str, lang: str, span: str, e164: str) -> None:
    assert run(find_phones, text, lang) == [(span, {"e164": e164})]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ISBN 978-3-16-148410-0", "de"),
        ("call me re order 1Z999AA10123456784", "en"),
        ("Ruf an wegen Rechnung 2026-11-20", "de"),
        ("Tel. Angebot 1.299.000", "de"),
        ("电话版本 1.2.3.4567", "zh"),
        ("Preis 12 345 678 EUR", "de"),
        ("Kontakt: Hauptstr. 12, 10115 Berlin", "de"),
        ("版本号 2.10.12345678", "zh"),
        ("My number: 112-3333", "en"),
        ("我的电话号是12345678", "zh"),
        ("call me, the total is 1234567%", "en"),
        ("phone: server 192.168.100.200", "en"),
        ("+45 12 34 56 78 written without a cue is no valid number", "en"),
        ("00 10 00 31 46 D9 E9 11 is hexadecimal", "en"),
        ("card number 12345678 and nothing else", "en"),
        ("Ruf an: Kontonummer 1234567890", "de"),
        ("电话联系，快递单号 SF1234567890123", "zh"),
    ],
)
def test_not_numbers_as_written(text: str, lang: str) -> None:
    assert run(find_phones, text, lang) == []


def test_a_number_right_after_another_is_its_own() -> None:
    assert run(find_phones, "宝爵台球会所：13604779660 13604770960", "zh") == [
        ("13604779660", {"e164": "+8613604779660"}),
        ("13604770960", {"e164": "+8613604770960"}),
    ]
