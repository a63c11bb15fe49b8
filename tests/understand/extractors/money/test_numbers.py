"""Amount parsing: separators by writer, Chinese numerals, en/de number words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ownlive.understand.extractors.money.numbers import (
    as_number,
    parse_arabic,
    parse_chinese,
    parse_words,
)


@pytest.mark.parametrize(
    ("written", "lang", "currency", "value"),
    [
        ("1,299.00", "zh", "CNY", "1299.00"),
        ("1.299,00", "de", "EUR", "1299.00"),
        ("12,50", "de", "EUR", "12.50"),
        ("3.000", "de", "EUR", "3000"),
        ("3.000", "en", "EUR", "3000"),
        ("3.500", "en", "USD", "3.500"),
        ("1,299", "en", "USD", "1299"),
        ("1,299", "de", "EUR", "1.299"),
        ("12,-", "de", "EUR", "12"),
        ("12 500", "de", "EUR", "12500"),
        ("1'299.50", "de", "CHF", "1299.50"),
        ("１．０７５３", "zh", "USD", "1.0753"),
    ],
)
def test_arabic(written: str, lang: str, currency: str, value: str) -> None:
    assert parse_arabic(written, lang=lang, currency=currency) == Decimal(value)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("两百", 200),
        ("两百五", 250),
        ("一万二", 12000),
        ("十五", 15),
        ("二十", 20),
        ("三千零五", 3005),
        ("一千零五十", 1050),
        ("1.5万", 15000),
        ("3千", 3000),
        ("3亿5000万", 350000000),
    ],
)
def test_chinese(written: str, value: int) -> None:
    assert parse_chinese(written) == value


def test_a_chinese_range_is_no_amount() -> None:
    assert parse_chinese("三四十") is None


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["twenty-five"], 25),
        (["a", "hundred"], 100),
        (["one", "hundred", "and", "fifty"], 150),
        (["fünfundzwanzig"], 25),
        (["zweihundertfünfzig"], 250),
        (["einen"], 1),
        (["dreitausend"], 3000),
    ],
)
def test_words(words: list[str], value: int) -> None:
    assert parse_words(words) == value


@pytest.mark.parametrize("words", [["the"], ["a"], ["und"], ["many", "more"]])
def test_not_number_words(words: list[str]) -> None:
    assert parse_words(words) is None


def test_as_number() -> None:
    assert as_number(Decimal("1299.00")) == 1299 and isinstance(as_number(Decimal("1299.00")), int)
    assert as_number(Decimal("12.50")) == 12.5


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("四十九兆九千五百九十二億", 49959200000000),
        ("一万亿", 10**12),
        ("三万五千亿", 35 * 10**11),
        ("两萬", 20000),
        ("两亿三千万零五", 230000005),
    ],
)
def test_chinese_big_units(written: str, value: int) -> None:
    assert parse_chinese(written) == value
