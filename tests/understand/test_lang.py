"""Language detection: primary language and every language present, code-switching included."""

from __future__ import annotations

import pytest

from ownlive.understand.lang import detect


@pytest.mark.parametrize(
    ("text", "primary", "present"),
    [
        ("明天晚上7点见", "zh", {"zh"}),
        ("哈哈好的", "zh", {"zh"}),
        ("明天 meeting at 3pm", "zh", {"zh", "en"}),
        ("See you tomorrow at 7pm", "en", {"en"}),
        ("ok", "en", {"en"}),
        ("", "en", {"en"}),
        ("12345", "en", {"en"}),
        ("Wir treffen uns morgen um 8", "de", {"de"}),
        ("Bin gleich da", "de", {"de"}),
        # German letters count twice, written in capitals too
        ("Grüße", "de", {"de"}),
        ("GRÜSSE AUS MÜNCHEN", "de", {"de"}),
        ("ÄRGER", "de", {"de"}),
        ("Straße", "de", {"de"}),
        ("Treffen wir uns im Café? 咖啡馆见", "zh", {"zh", "de"}),  # Han: a fair share
        ("我们 tomorrow 在 Starbucks 见面吧 ok", "zh", {"zh", "en"}),
        ("meeting with 张伟 and the team tomorrow afternoon", "en", {"zh", "en"}),
    ],
)
def test_detect(text: str, primary: str, present: set[str]) -> None:
    assert detect(text) == (primary, frozenset(present))
