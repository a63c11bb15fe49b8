"""Properties over arbitrary text: never an error, spans index the text, values are whole.

Texts are built from pieces that datetime rules react to (numbers, time words of the three
languages, connectors, punctuation), so that the generator reaches the rules' corners.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ownlive.understand.doc import Doc
from ownlive.understand.extractors.datetime.extractor import find_datetimes
from ownlive.understand.extractors.datetime.resolve import GRAINS

PIECES = [
    "7", "12", "31", "2026", "0", "99", ":", ".", "/", "-", "–", " ", ",", "\n", "am", "pm",
    "at", "on", "to", "between", "and", "next", "this", "Friday", "Sat", "May", "Dec", "tomorrow",
    "tonight", "noon", "in", "hours", "days", "ago", "the", "18th", "o'clock", "half past",
    "um", "Uhr", "halb", "acht", "morgen", "Morgen", "heute", "Abend", "bis", "zwischen", "und",
    "vom", "Mai", "Montag", "Mo", "nächsten", "Stunden", "明天", "晚上", "点", "半", "下午", "到",
    "周五", "下周", "号", "月", "日", "两", "小时", "后", "前", "三", "十一", "春节", "每", "营业",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
OFFSETS = st.sampled_from([timedelta(hours=8), timedelta(hours=-5), timedelta(0)])
LANGS = st.sampled_from(["zh", "en", "de"])


@settings(max_examples=300, deadline=None)
@given(TEXTS, OFFSETS, LANGS)
# Found by hypothesis: bounds that run backwards made a range ending before it starts.
@example("春节-下周", timedelta(hours=8), "zh")
def test_spans_and_values_are_well_formed(text: str, offset: timedelta, lang: str) -> None:
    sent_at = datetime(2026, 11, 20, 18, 30, tzinfo=timezone(offset))
    doc = Doc(text, sent_at, lang, frozenset({lang, "en"}))
    last_end = 0
    for entity in sorted(find_datetimes(doc), key=lambda e: e.start):
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text
        assert entity.start >= last_end  # one flat list, no overlaps
        last_end = entity.end
        assert entity.value["grain"] in GRAINS
        for key in ("start", "end"):
            if key in entity.value:
                moment = datetime.fromisoformat(entity.value[key])
                assert moment.utcoffset() == offset
        if "end" in entity.value:
            assert entity.value["end"] >= entity.value["start"]
