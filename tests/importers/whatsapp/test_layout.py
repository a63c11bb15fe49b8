"""WhatsApp message headers: every locale layout, and day/month order decided per file."""

from __future__ import annotations

from datetime import datetime

import pytest

from ownlive.importers.whatsapp.layout import (
    DateOrder,
    DateOrderVotes,
    Header,
    match_header,
    naive_datetime,
)

NNBSP = "\u202f"


def header(line: str) -> Header:
    found = match_header(line)
    assert found is not None, line
    return found


@pytest.mark.parametrize(
    ("line", "order", "expected", "rest"),
    [
        (
            "20/01/19, 11:23 - Anna: Hallo",
            DateOrder.DAY_FIRST,
            "2019-01-20 11:23:00",
            "Anna: Hallo",
        ),
        (
            f"1/20/24, 9:05{NNBSP}PM - Sam: hi",
            DateOrder.MONTH_FIRST,
            "2024-01-20 21:05:00",
            "Sam: hi",
        ),
        (
            f"1/21/24, 12:04{NNBSP}AM - Sam: 🙌",
            DateOrder.MONTH_FIRST,
            "2024-01-21 00:04:00",
            "Sam: 🙌",
        ),
        (
            "1/21/24, 12:30 pm - Sam: lunch",
            DateOrder.MONTH_FIRST,
            "2024-01-21 12:30:00",
            "Sam: lunch",
        ),
        (
            "01/30/2019, 08:49 p. m. - Lucía: hola",
            DateOrder.MONTH_FIRST,
            "2019-01-30 20:49:00",
            "Lucía: hola",
        ),
        ("06/20/2020, 00:08 a. m. - x", DateOrder.MONTH_FIRST, "2020-06-20 00:08:00", "x"),
        (
            "15/02/2024, 9:58 a.\u00a0m. - L: 我快到了",
            DateOrder.DAY_FIRST,
            "2024-02-15 09:58:00",
            "L: 我快到了",
        ),
        (
            "20.01.19, 11:23 - Jonas: Moin",
            DateOrder.DAY_FIRST,
            "2019-01-20 11:23:00",
            "Jonas: Moin",
        ),
        ("2019/01/30, 20:49 - A: x", DateOrder.MONTH_FIRST, "2019-01-30 20:49:00", "A: x"),
        ("2024-03-05, 20:49 - A: x", DateOrder.DAY_FIRST, "2024-03-05 20:49:00", "A: x"),
        (
            "2024/3/5 下午3:15 - 张伟: 好的",
            DateOrder.DAY_FIRST,
            "2024-03-05 15:15:00",
            "张伟: 好的",
        ),
        (
            "2024/3/6 上午12:10 - 王芳: 晚安",
            DateOrder.DAY_FIRST,
            "2024-03-06 00:10:00",
            "王芳: 晚安",
        ),
        (
            "[20.06.19, 15:58:47] Loris added Emily",
            DateOrder.DAY_FIRST,
            "2019-06-20 15:58:47",
            "Loris added Emily",
        ),
        ("[01/20/19 11:23] John Doe:.", DateOrder.MONTH_FIRST, "2019-01-20 11:23:00", "John Doe:."),
        (
            f"[1/18/24, 8:30:05{NNBSP}AM] Mia: POLL:",
            DateOrder.MONTH_FIRST,
            "2024-01-18 08:30:05",
            "Mia: POLL:",
        ),
    ],
)
def test_header_layouts(line: str, order: DateOrder, expected: str, rest: str) -> None:
    found = header(line)
    assert naive_datetime(found, order) == datetime.fromisoformat(expected)
    assert found.rest == rest


@pytest.mark.parametrize(
    "line",
    [
        "consectetur adipiscing elit. Duis libero.",
        "- meet on 20/06/2024 at the library",
        "20/06/2024: Treffen",
        "2024/03/05 Termin um 11:23 beim Zahnarzt",
        "[20.06.19] Loris: no time",
        "123/01/19, 11:23 - A: three-digit day",
        "2019/01/2019, 11:23 - A: two years",
        "[20.06.19, 15:58:47 Loris: unclosed bracket",
        "明天晚上7点在南京西路1266号见",
        "",
    ],
)
def test_lines_that_are_not_headers(line: str) -> None:
    assert match_header(line) is None


def test_layout_shape_tells_apart_lookalikes_of_another_layout() -> None:
    android = header("05/06/2024, 19:02 - Emma: Plan")
    lookalike = header("1.7.2024 10:00 - 12:00 reading in the park")
    same_layout_other_numbers = header("20/06/2024, 18:30 - Wei: ok")
    assert lookalike.shape != android.shape
    assert same_layout_other_numbers.shape == android.shape


@pytest.mark.parametrize(
    ("line", "order"),
    [
        ("31/02/19, 08:00 - Ben: x", DateOrder.DAY_FIRST),
        ("02/31/19, 08:00 - Ben: x", DateOrder.MONTH_FIRST),
        ("13/13/19, 08:00 - Ben: x", DateOrder.DAY_FIRST),
        ("29.02.23, 08:00 - Ben: x", DateOrder.DAY_FIRST),
        ("20/01/19, 24:00 - Ben: x", DateOrder.DAY_FIRST),
        ("20/01/19, 11:60 - Ben: x", DateOrder.DAY_FIRST),
        ("1/20/19, 13:05 PM - Ben: x", DateOrder.MONTH_FIRST),
        ("[20.06.19, 15:58:61] Ben: x", DateOrder.DAY_FIRST),
    ],
)
def test_impossible_dates_and_times_have_no_datetime(line: str, order: DateOrder) -> None:
    assert naive_datetime(header(line), order) is None


def test_29_february_in_a_leap_year_is_fine() -> None:
    assert naive_datetime(header("29.02.24, 08:00 - Ben: x"), DateOrder.DAY_FIRST) == datetime(
        2024, 2, 29, 8, 0
    )


def decide(*lines: str) -> DateOrder:
    votes = DateOrderVotes()
    for line in lines:
        votes.add(header(line))
    return votes.decide()


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A first field over 12 can only be a day.
        (["01/01/19, 11:25 - A: x", "20/01/19, 11:23 - A: y"], DateOrder.DAY_FIRST),
        # A second field over 12 can only be a day.
        (["01/01/19, 11:25 - A: x", "01/20/19, 11:23 - A: y"], DateOrder.MONTH_FIRST),
        # The majority wins; the odd line then fails as an impossible date.
        (
            ["13/01/19, 10:00 - A: x", "14/01/19, 10:00 - A: y", "01/15/19, 10:00 - A: z"],
            DateOrder.DAY_FIRST,
        ),
        # Nothing over 12: the order under which dates run forward. Day first
        # reads 11 Jan, 12 Jan, 1 Feb; month first would jump from 1 Dec to 2 Jan.
        (
            [
                f"11/01/24, 9:00{NNBSP}AM - A: x",
                f"12/01/24, 9:00{NNBSP}AM - A: y",
                f"01/02/24, 9:00{NNBSP}AM - A: z",
            ],
            DateOrder.DAY_FIRST,
        ),
        # Nothing tells at all: "/" with AM/PM is the US habit ...
        ([f"1/2/24, 9:00{NNBSP}AM - A: x"], DateOrder.MONTH_FIRST),
        # ... dots, dashes and 24-hour clocks are day first.
        (["01.02.24, 09:00 - A: x"], DateOrder.DAY_FIRST),
        (["05/06/2024, 19:00 - A: x"], DateOrder.DAY_FIRST),
    ],
)
def test_day_month_order_is_decided_from_the_data(lines: list[str], expected: DateOrder) -> None:
    assert decide(*lines) is expected


def test_year_first_headers_do_not_vote() -> None:
    assert decide("2019/01/30, 20:49 - A: x", "2019/12/01, 20:49 - A: y") is DateOrder.DAY_FIRST
