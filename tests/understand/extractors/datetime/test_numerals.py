"""Number words of the three languages, as the datetime grammars read them."""

from __future__ import annotations

import pytest

from ownlive.understand.extractors.datetime.numerals import (
    de_int,
    de_ordinal,
    en_int,
    en_minute,
    zh_int,
    zh_year,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("7", 7), ("七", 7), ("两", 2), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23),
     ("廿五", 25), ("三十一", 31), ("零", 0), ("两十", None), ("十两", None), ("", None)],
)  # fmt: skip
def test_zh_int(text: str, value: int | None) -> None:
    assert zh_int(text) == value


@pytest.mark.parametrize(("text", "year"), [("2026", 2026), ("二〇二六", 2026), ("26", 2026)])
def test_zh_year(text: str, year: int) -> None:
    assert zh_year(text) == year


@pytest.mark.parametrize(
    ("text", "value"),
    [("seven", 7), ("Twelve", 12), ("twenty-five", 25), ("a", 1), ("an", 1),
     ("a couple of", 2), ("forty five", 45), ("zillion", None)],
)  # fmt: skip
def test_en_int(text: str, value: int | None) -> None:
    assert en_int(text) == value


@pytest.mark.parametrize(("text", "value"), [("thirty", 30), ("oh five", 5), ("twenty-seven", 27)])
def test_en_minute(text: str, value: int) -> None:
    assert en_minute(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("acht", 8), ("einer", 1), ("zwölf", 12), ("ein paar", 2), ("x", None)]
)
def test_de_int(text: str, value: int | None) -> None:
    assert de_int(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("dritten", 3), ("ersten", 1), ("einunddreißigsten", 31)]
)
def test_de_ordinal(text: str, value: int) -> None:
    assert de_ordinal(text) == value
