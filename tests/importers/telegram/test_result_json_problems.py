"""Telegram result.json that is broken, cut off or huge: problems say where; memory stays flat."""

from __future__ import annotations

import json
import os
import stat
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownlive.importers.base import ImportedMessage, ImportProblem
from ownlive.importers.telegram import result_json
from tests.importers.telegram.test_result_json import (
    BERLIN,
    BROKEN,
    FIXTURES,
    line_of,
    messages,
    parse,
)

# --- broken files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "good", "problems"),
    [
        (
            "bad_dates.json",
            2,
            [
                (line_of("bad_dates.json", '"id": 2,') - 1, "date_unixtime", "missing"),
                (line_of("bad_dates.json", '"gestern"'), "date_unixtime", "not a Unix time"),
            ],
        ),
        (
            "truncated.json",
            6,
            [(125, "json", "the file ends early (cut off while copying?)")],
        ),
        (
            "invalid_syntax.json",
            2,
            [(line_of("invalid_syntax.json", '"id": 3') + 1, "json", "not valid JSON here")],
        ),
        ("not_telegram_array.json", 0, [(1, "json", "the top level is not an object")]),
    ],
)
def test_broken_files_give_problems_that_say_where(
    name: str, good: int, problems: list[tuple[int, str, str]]
) -> None:
    records = parse(name)
    found = [(p.line, p.field, p.reason) for p in records if isinstance(p, ImportProblem)]
    assert found == problems
    assert all(p.path == str(FIXTURES / name) for p in records if isinstance(p, ImportProblem))
    assert sum(isinstance(r, ImportedMessage) for r in records) == good


def test_invalid_syntax_is_reported_on_the_line_that_breaks() -> None:
    lines = (FIXTURES / "invalid_syntax.json").read_text(encoding="utf-8").splitlines()
    [problem] = [r for r in parse("invalid_syntax.json") if isinstance(r, ImportProblem)]
    assert problem.line is not None
    # The comma is missing at the end of the line before; JSON notices on the next key.
    assert lines[problem.line - 2].endswith('"id": 3')


def test_a_file_with_no_message_list_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{\n "about": "Here is the data you requested.",\n "contacts": {}\n}\n')
    assert [
        r.render() for r in result_json.parse(path, BERLIN) if isinstance(r, ImportProblem)
    ] == ["result.json: messages: no message list found (is this Telegram Desktop's result.json?)"]


def test_problems_never_quote_message_content() -> None:
    for name in BROKEN:
        for record in parse(name):
            if isinstance(record, ImportProblem):
                assert "日期坏了" not in record.render()
                assert "gestern" not in record.render()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=(FIXTURES / "full_account.json").stat().st_size))
def test_a_file_cut_anywhere_never_raises(tmp_path: Path, cut: int) -> None:
    data = (FIXTURES / "full_account.json").read_bytes()
    path = tmp_path / "cut.json"
    path.write_bytes(data[:cut])
    records = list(result_json.parse(path, BERLIN))
    if cut < len(data.rstrip()):
        assert isinstance(records[-1], ImportProblem)
        assert records[-1].field == "json"
    read = [r for r in records if isinstance(r, ImportedMessage)]
    assert read == messages("full_account.json")[: len(read)]


def test_the_users_file_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes((FIXTURES / "single_chat_zh.json").read_bytes())
    path.chmod(stat.S_IRUSR)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    assert len(list(result_json.parse(path, BERLIN))) == 11
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    [problem] = list(result_json.parse(tmp_path / "gone.json", BERLIN))
    assert isinstance(problem, ImportProblem)
    assert (problem.field, problem.line) == ("file", None)


# --- memory stays flat -------------------------------------------------------------


def write_long_export(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "name": "Lena Schmidt",\n "type": "personal_chat",\n "id": 6001002003,\n')
        out.write(' "messages": [\n')
        for number in range(count):
            message = {
                "id": number + 1,
                "type": "message",
                "date_unixtime": str(1793617391 + number * 60),
                "from": "Lena Schmidt",
                "from_id": "user6001002003",
                "text": [
                    "Wir sehen uns um ",
                    {"type": "bold", "text": "19 Uhr"},
                    f" — Nr. {number}",
                ],
            }
            out.write(("," if number else "") + json.dumps(message, ensure_ascii=False, indent=1))
        out.write("\n ]\n}\n")


def peak_while_streaming(path: Path) -> int:
    tracemalloc.start()
    try:
        count = sum(1 for _ in result_json.parse(path, BERLIN))
        return tracemalloc.get_traced_memory()[1] if count else 0
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    write_long_export(small, 500)
    write_long_export(large, 8_000)
    assert large.stat().st_size > 15 * small.stat().st_size
    assert peak_while_streaming(large) < 1.5 * peak_while_streaming(small) + 64 * 1024
