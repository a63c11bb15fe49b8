"""The extraction benchmark's scoring: spans, values, the inclusive-end conversion, a loader."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from benchmarks.extraction import datasets_dialogue as dialogue
from benchmarks.extraction import peers, run
from benchmarks.extraction.cases import (
    Case,
    GoldSpan,
    LoadedSet,
    Pred,
    cap,
    datetime_value_ok,
    e164,
    exclusive_span,
)
from benchmarks.extraction.datasets import (
    SETS,
    ctparse_value,
    load_ctparse,
    load_rt_specs,
    rt_datetime_value,
)
from benchmarks.extraction.metrics import Counts, match_relaxed, score_case

REF = datetime(2016, 11, 7, tzinfo=UTC)


def case(text: str, gold: list[GoldSpan], types: set[str], ignore: tuple = ()) -> Case:
    return Case("t", "en", text, REF, tuple(gold), frozenset(types), ignore)


def gold_at(text: str, part: str, kind: str = "datetime", value: dict | None = None) -> GoldSpan:
    start = text.index(part)
    return GoldSpan(kind, start, start + len(part), part, value)


def pred_at(text: str, part: str, kind: str = "datetime", value: dict | None = None) -> Pred:
    start = text.index(part)
    return Pred(kind, start, start + len(part), value or {})


# --- inclusive -> exclusive ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end_inclusive", "expected"),
    [
        ("I'll go back today", 13, 17, "today"),
        ("我明天下午三点去", 1, 6, "明天下午三点"),
        ("Ich komme am Freitag um 8 Uhr", 13, 28, "Freitag um 8 Uhr"),
        ("Tel: 000 111 82-2100.", 5, 19, "000 111 82-2100"),
        ("I'll go back Friday 7/6", 13, 22, "friday 7/6"),  # spec Text is lower-cased
    ],
)
def test_inclusive_end_becomes_exclusive(
    text: str, start: int, end_inclusive: int, expected: str
) -> None:
    got = exclusive_span(text, start, end_inclusive, expected)
    assert got == (start, end_inclusive + 1)
    assert text[got[0] : got[1]].lower() == expected.lower()


def test_wrong_offsets_fall_back_to_the_text() -> None:
    text = "电话：010-62345678，谢谢"
    assert exclusive_span(text, 0, 3, "010-62345678") == (3, 15)
    assert exclusive_span(text, 0, 3, "not there") is None


# --- span metrics -------------------------------------------------------------------


def test_exact_and_relaxed_differ_on_a_preposition() -> None:
    text = "Let's meet at 7pm tomorrow"
    gold = [gold_at(text, "7pm tomorrow")]
    counts = score_case(
        case(text, gold, {"datetime"}), [pred_at(text, "at 7pm tomorrow")], ["datetime"]
    )["datetime"]
    assert (counts.gold, counts.pred, counts.exact, counts.relaxed) == (1, 1, 0, 1)
    assert counts.f1(relaxed=True) == 1.0
    assert counts.f1(relaxed=False) == 0.0


def test_relaxed_matching_is_one_to_one_largest_overlap_first() -> None:
    text = "vom 3. bis 7. Mai"
    gold = [gold_at(text, "3. bis 7. Mai")]
    preds = [pred_at(text, "3."), pred_at(text, "7. Mai")]
    counts = score_case(case(text, gold, {"datetime"}), preds, ["datetime"])["datetime"]
    assert (counts.relaxed, counts.pred) == (1, 2)
    assert counts.prf(relaxed=True) == (0.5, 1.0, pytest.approx(2 / 3))
    assert match_relaxed(gold, preds) == {0: 1}  # "7. Mai" overlaps more than "3."


def test_types_the_case_is_not_annotated_for_are_not_scored() -> None:
    text = "电话010-62345678，明天见"
    gold = [gold_at(text, "010-62345678", "phone")]
    preds = [pred_at(text, "010-62345678", "phone"), pred_at(text, "明天")]
    result = score_case(case(text, gold, {"phone"}), preds, ["phone"])
    assert set(result) == {"phone"}
    assert (result["phone"].pred, result["phone"].exact) == (1, 1)


def test_a_prediction_inside_an_ignore_region_counts_neither_way() -> None:
    text = "book a pizzeria that serves sushi"
    ignore = (gold_at(text, "pizzeria", "cuisine"),)
    preds = [pred_at(text, "pizzeria", "cuisine"), pred_at(text, "sushi", "cuisine")]
    counts = score_case(case(text, [], {"cuisine"}, ignore), preds, ["cuisine"])["cuisine"]
    assert (counts.gold, counts.pred) == (0, 1)  # sushi is a false positive, pizza is ignored


def test_no_gold_and_no_prediction_has_no_f1() -> None:
    counts = score_case(case("ok", [], {"datetime"}), [], ["datetime"])["datetime"]
    assert counts.prf(relaxed=True) == (None, None, None)
    assert counts.value_accuracy() is None


def test_counts_add_up_across_cases() -> None:
    total = Counts()
    total.add(Counts(gold=2, pred=1, exact=1, relaxed=1, valued=2, value_ok=1))
    total.add(Counts(gold=1, pred=3, exact=0, relaxed=1, valued=1, value_ok=1))
    assert (total.gold, total.pred, total.exact, total.relaxed) == (3, 4, 1, 2)
    assert total.value_accuracy() == pytest.approx(2 / 3)
    assert total.prf(relaxed=True) == (0.5, pytest.approx(2 / 3), pytest.approx(4 / 7))


# --- values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "predicted", "ok"),
    [
        (("2016-11-08",), "2016-11-08T00:00:00+00:00", True),
        (("2016-11-08",), "2016-11-08T19:00:00+08:00", True),  # a date: only the date counts
        (("2016-11-08T19:00",), "2016-11-08T19:00:00+00:00", True),
        (("2016-11-08T19:00",), "2016-11-08T07:00:00+00:00", False),
        (("T19:00",), "2016-11-09T19:00:00+01:00", True),  # a clock time alone
        (("2016-04-22", "2017-04-22"), "2017-04-22T00:00:00+00:00", True),  # past or future
        (("2016-11-08",), None, False),
        (("2016-11-08",), "", False),
    ],
)
def test_datetime_value_at_the_precision_the_gold_gives(
    accepted: tuple[str, ...], predicted: str | None, ok: bool
) -> None:
    assert datetime_value_ok(accepted, predicted) is ok


def test_value_accuracy_is_end_to_end() -> None:
    text = "明天晚上7点 or 后天"
    gold = [
        gold_at(text, "明天晚上7点", value={"start": ("2016-11-08T19:00",)}),
        gold_at(text, "后天", value={"start": ("2016-11-09",)}),
    ]
    preds = [pred_at(text, "明天晚上7点", value={"start": "2016-11-08T19:00:00+00:00"})]
    counts = score_case(case(text, gold, {"datetime"}), preds, ["datetime"])["datetime"]
    assert (counts.valued, counts.value_ok) == (2, 1)  # the missed one counts as wrong


def test_phone_value_compares_e164() -> None:
    text = "Ruf an: 030 1234567 oder 0171 2345678"
    gold = [
        gold_at(text, "030 1234567", "phone", {"e164": "+49301234567"}),
        gold_at(text, "0171 2345678", "phone", {"e164": "+491712345678"}),
    ]
    preds = [
        pred_at(text, "030 1234567", "phone", {"e164": "+49301234567"}),
        pred_at(text, "0171 2345678", "phone", {"e164": "+11712345678"}),
    ]
    counts = score_case(case(text, gold, {"phone"}), preds, ["phone"])["phone"]
    assert (counts.exact, counts.valued, counts.value_ok) == (2, 2, 1)


@pytest.mark.parametrize(
    ("raw", "lang", "national", "expected"),
    [
        ("+49 30 1234567", "de", False, "+49301234567"),
        ("(+45) 1234 5678", "zh", False, "+4512345678"),
        ("+31(0)14-5008352", "en", False, "+31145008352"),
        ("004917612345678", "en", False, "+4917612345678"),
        ("0044 07456934723", "en", False, "+447456934723"),  # the trunk 0 is not dialled
        ("0086-020-82803159", "zh", False, "+862082803159"),
        ("+39 06 1234 5678", "de", False, "+390612345678"),  # ... except in Italy
        ("+1 (123)456-7890", "zh", False, "+11234567890"),
        ("650-555-1234", "en", False, None),
        ("650-555-1234", "en", True, "+16505551234"),
        ("1-444-555-1234", "en", True, "+14445551234"),
        ("010-62345678", "zh", True, "+861062345678"),
        ("13812345678", "zh", True, "+8613812345678"),
        ("4007328080", "zh", True, "+864007328080"),
        ("82077741", "zh", True, None),  # a Beijing number without its area code
        ("030 1234567", "de", True, "+49301234567"),
    ],
)
def test_e164_rules(raw: str, lang: str, national: bool, expected: str | None) -> None:
    assert e164(raw, lang, national=national) == expected


def test_rt_resolution_gives_every_accepted_start() -> None:
    resolution = {
        "values": [
            {"timex": "XXXX-07-06", "type": "date", "value": "2018-07-06"},
            {"timex": "XXXX-07-06", "type": "date", "value": "2019-07-06"},
            {"timex": "T19", "type": "time", "value": "19:00:00"},
            {
                "timex": "(2015-01-01T03:30,...)",
                "type": "datetimerange",
                "start": "2015-01-01 03:30:00",
            },
            {"timex": "P2M", "type": "set", "value": "not resolved"},
        ]
    }
    assert rt_datetime_value(resolution) == {
        "start": ("2018-07-06", "2019-07-06", "T19:00", "2015-01-01T03:30")
    }
    assert rt_datetime_value({"values": [{"type": "daterange", "end": "2010-01-01"}]}) is None


@pytest.mark.parametrize(
    ("timex", "start", "expected"),
    [
        ("2016-11-07TEV", "2016-11-07 16:00:00", ("2016-11-07",)),
        ("XXXX-03-04TNI", "2020-03-04 20:00:00", ("2020-03-04",)),
        ("2016-11-14TAF", "2016-11-14 12:00:00", ("2016-11-14",)),
        ("2016-11-08T19", "2016-11-08 19:00:00", ("2016-11-08T19:00",)),
    ],
)
def test_a_day_part_without_clock_time_is_checked_as_a_date(
    timex: str, start: str, expected: tuple[str, ...]
) -> None:
    resolution = {"values": [{"timex": timex, "type": "datetimerange", "start": start}]}
    assert rt_datetime_value(resolution) == {"start": expected}


@pytest.mark.parametrize(
    ("gold_parse", "expected"),
    [
        ("Time[]{2017-10-05 06:55 (X/X)}", {"start": ("2017-10-05T06:55",)}),
        ("Time[]{2017-08-28 X:X (X/X)}", {"start": ("2017-08-28",)}),
        ("Time[]{X-X-X 19:00 (X/X)}", {"start": ("T19:00",)}),
        (
            "Interval[]{2017-08-15 X:X (X/afternoon) - 2017-08-17 X:X (X/morning)}",
            {"start": ("2017-08-15",)},
        ),
        ("Interval[]{None - 2017-09-01 18:00 (X/X)}", None),
    ],
)
def test_ctparse_gold_start(gold_parse: str, expected: dict | None) -> None:
    assert ctparse_value(gold_parse) == expected


def test_cap_spreads_evenly() -> None:
    items = [case(str(i), [], {"datetime"}) for i in range(10)]
    assert [c.text for c in cap(items, 3)] == ["0", "3", "6"]
    assert cap(items, None) == items


# --- loaders on fixtures this test writes -------------------------------------------


def write_spec(root: Path, folder: str, lang: str, file: str, cases: list[dict]) -> None:
    path = root / "recognizers-text-specs" / "Specs" / folder / lang / file
    path.parent.mkdir(parents=True, exist_ok=True)
    # The specs may start with a UTF-8 byte-order mark.
    path.write_text("\ufeff" + json.dumps(cases, ensure_ascii=False), encoding="utf-8")


def test_rt_spec_loader(tmp_path: Path) -> None:
    write_spec(tmp_path, "DateTime", "English", "DateTimeModel.json", [
        {
            "Input": "I'll go back tomorrow at 7pm for 2 hours",
            "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
            "Results": [
                {"Text": "tomorrow at 7pm", "Start": 13, "End": 27,
                 "TypeName": "datetimeV2.datetime",
                 "Resolution": {"values": [{"type": "datetime", "value": "2016-11-08 19:00:00"}]}},
                {"Text": "2 hours", "Start": 33, "End": 39, "TypeName": "datetimeV2.duration",
                 "Resolution": {"values": [{"type": "duration", "value": "7200"}]}},
            ],
        },
        {"Input": "Unterstützt nicht", "NotSupported": "javascript, Python", "Results": []},
        {"Input": "nothing here", "NotSupportedByDesign": "java", "Results": []},
    ])  # fmt: skip
    write_spec(tmp_path, "Sequence", "Chinese", "PhoneNumberModel.json", [
        {"Input": "我的电话号是(+45) 1234 5678.",
         "Results": [{"Text": "(+45) 1234 5678", "TypeName": "phonenumber",
                      "Resolution": {"value": "(+45) 1234 5678", "score": "1"}}]},
    ])  # fmt: skip
    loaded = load_rt_specs(tmp_path, None)
    assert loaded.available
    assert any("skipped 1 cases" in note for note in loaded.notes)
    first, second, phone = loaded.cases
    assert first.reference_time == datetime(2016, 11, 7, tzinfo=UTC)
    assert first.types == frozenset({"datetime"})
    assert first.gold == (
        GoldSpan("datetime", 13, 28, "tomorrow at 7pm", {"start": ("2016-11-08T19:00",)}),
    )  # the duration is not a datetime
    assert second.gold == ()
    assert (phone.lang, phone.types) == ("zh", frozenset({"phone"}))
    assert phone.gold == (GoldSpan("phone", 6, 21, "(+45) 1234 5678", {"e164": "+4512345678"}),)


def test_ctparse_loader(tmp_path: Path) -> None:
    path = tmp_path / "ctparse-timeparse-corpus" / "datasets" / "timeparse_corpus.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps([
        {"text": " morgen ", "ref_time": "2017-08-27T08:24:47",
         "gold_parse": "Time[]{2017-08-28 X:X (X/X)}", "language": "de"},
        {"text": "3 nights", "ref_time": "2017-08-27T08:24:47",
         "gold_parse": "Duration[]{3 nights}", "language": "en"},
        {"text": "mañana", "ref_time": "2017-08-27T08:24:47",
         "gold_parse": "Time[]{2017-08-28 X:X (X/X)}", "language": "other"},
    ]), encoding="utf-8")  # fmt: skip
    loaded = load_ctparse(tmp_path, None)
    german, english = loaded.cases
    assert german.gold == (GoldSpan("datetime", 1, 7, "morgen", {"start": ("2017-08-28",)}),)
    assert (english.lang, english.gold) == ("en", ())


@pytest.mark.parametrize(("name", "loader"), SETS)
def test_every_loader_reports_a_missing_set(name: str, loader, tmp_path: Path) -> None:
    loaded = loader(tmp_path, None)
    assert not loaded.available
    assert loaded.name == name
    assert loaded.notes[0].startswith("not available")


def test_the_run_works_without_data_and_without_peers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OWNLIVE_BENCH_DATA", str(tmp_path / "missing"))
    monkeypatch.setenv("OWNLIVE_BENCH_PEERS", "none")
    monkeypatch.setenv("OWNLIVE_BENCH_CASES", "5")
    run.main()
    out = capsys.readouterr().out
    for name, _ in SETS:
        assert f"== {name} — " in out
    assert out.count("not available") == len(SETS)
    assert "no set available" in out


def test_a_bad_case_cap_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OWNLIVE_BENCH_CASES", "lots")
    with pytest.raises(SystemExit, match="OWNLIVE_BENCH_CASES: 'lots' is not a number or 'all'"):
        run.case_limit()


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("see you on Jul. 6, 2040 in Berlin", 11, 24, (11, 23)),  # a peer's trailing blank
        ("明天 见", 0, 3, (0, 2)),
        ("  morgen um 8", 0, 13, (2, 13)),
        ("ok", 0, 0, (0, 0)),
    ],
)
def test_predictions_lose_surrounding_white_space(
    text: str, start: int, end: int, expected: tuple[int, int]
) -> None:
    got = run.trimmed(Pred("datetime", start, end, {}), text)
    assert (got.start, got.end) == expected


def test_a_peer_that_is_not_installed_is_reported_and_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "duckling", None)  # makes `import duckling` fail
    monkeypatch.setattr(peers, "PEERS", (peers.Duckling,))
    (missing,) = peers.load_peers()
    assert (missing.name, missing.available) == ("duckling", False)
    assert missing.status == "not installed (duckling)"
    assert not missing.supports("datetime", "en")


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        ("Book it for March 8th at 6 pm please", ["March 8th", "6 pm"], ["March 8th at 6 pm"]),
        ("on Friday, 11:30 am works", ["Friday", "11:30 am"], ["Friday, 11:30 am"]),
        ("March 8th or maybe 6 pm", ["March 8th", "6 pm"], ["March 8th", "6 pm"]),
    ],
)
def test_sgd_date_and_time_slots_next_to_each_other_are_one_datetime(
    text: str, parts: list[str], expected: list[str]
) -> None:
    joined = dialogue._join_datetimes(text, [gold_at(text, p) for p in parts])
    assert [g.text for g in joined] == expected


class Crashing(peers.System):
    name, available = "crashing", True

    def supports(self, kind: str, lang: str) -> bool:
        return kind == "datetime"

    def extract(self, case: Case, kinds: frozenset[str]) -> list[Pred]:
        if "boom" in case.text:
            raise ValueError("never shown")
        return [pred_at(case.text, "morgen")]


def test_a_system_that_crashes_on_a_message_is_counted_and_the_run_goes_on() -> None:
    cases = [
        case("bis morgen", [gold_at("bis morgen", "morgen")], {"datetime"}),
        case("boom morgen", [gold_at("boom morgen", "morgen")], {"datetime"}),
        case("电话010-62345678", [], {"phone"}),  # no supported type: not run
    ]
    result = run.SetResult(LoadedSet("t", "test", cases, []))
    run.run_system(Crashing(), cases, result)
    assert result.errors == {"crashing": {"ValueError": 1}}
    counts = result.counts["crashing", "datetime", "en"]
    assert (counts.gold, counts.pred, counts.exact) == (2, 1, 1)
    assert sorted(result.by_case["crashing"]) == [0, 1]
