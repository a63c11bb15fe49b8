"""The address extractor: runs the zh, de and en grammars over a message.

Code-switched messages are common (a German address in an English message, a
Chinese address in a mixed chat), and language detection names only the
languages it is sure of. So the Chinese grammar runs whenever Han characters
are present, and the German and English grammars run whenever their own
triggers match; where German is not among the message's languages, German
suffixes that are also English word endings (Bring 5, Spring 2024) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.extractors.address import de, en, zh
from ownlive.understand.extractors.address.gazetteer import gazetteer
from ownlive.understand.extractors.address.value import without_overlaps
from ownlive.understand.quick import AnyOf
from ownlive.understand.registry import extractor

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
DE_TRIGGER = AnyOf(*de.QUICK_PARTS)  # matches where de.QUICK does, found faster
EN_TRIGGER = re.compile(en.QUICK)


def _prepare() -> None:
    gazetteer()  # the division names, read at assembly rather than on the first address


@extractor(
    "address",
    requires=("text", "langs"),
    quick=AnyOf(zh.QUICK, *de.QUICK_PARTS, en.QUICK),  # zh.QUICK|de.QUICK|en.QUICK, faster
    prepare=_prepare,
)
def find_addresses(doc: Doc) -> Iterable[Entity]:
    text = doc.text
    found: list[Entity] = []
    if HAN.search(text):
        found.extend(zh.find(text))
    if DE_TRIGGER.search(text):
        found.extend(de.find(text, strict="de" not in doc.langs))
    if EN_TRIGGER.search(text):
        found.extend(en.find(text))
    return without_overlaps(found)
