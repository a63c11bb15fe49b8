"""call ⇔ a phone number: a tel: URI in E.164."""

from __future__ import annotations

from collections.abc import Iterator

from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, Understood
from ownlive.suggest.registry import skill

TITLES = {"zh": "拨打 {}", "de": "{} anrufen", "en": "Call {}"}
LABELS = {"zh": "拨打", "de": "Anrufen", "en": "Call"}


@skill("call")
def call(message: Understood, context: SuggestContext) -> Iterator[Card]:
    for phone in message.of_type("phone"):
        e164 = str(phone.value["e164"])
        yield Card(
            kind="call",
            title=TITLES[message.lang].format(phone.text),
            actions=[Action(LABELS[message.lang], f"tel:{e164}")],
            evidence=[(phone.start, phone.end)],
            data={"e164": e164},
        )
