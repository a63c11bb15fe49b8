"""E-mail addresses (DESIGN.md 4 "email"): the address as written, value `address`.

A local part of the common characters (letters, digits, . _ % + -; no leading,
trailing or doubled dot) and a domain of dotted labels ending in a letter TLD,
or an IP literal in brackets. Chinese text often glues the address to the
words around it (邮箱abc@x.com谢谢): the local part never takes Han characters,
and the domain stops at the first character a host name cannot hold. A
trailing full stop ends the sentence, not the address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.registry import extractor

# Wins ties with url (the domain part) and phone (digits of a QQ-style address).
PRIORITY = 3

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-@])"
    r"(?P<local>[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*)"
    r"@"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
    r"|\[\d{1,3}(?:\.\d{1,3}){3}\])"
    r"(?![A-Za-z0-9_\-@]|\.[A-Za-z0-9])"
)


@extractor("email", requires=("text",), quick=re.compile("@"))
def find_emails(doc: Doc) -> Iterator[Entity]:
    for match in EMAIL.finditer(doc.text):
        address = match.group(0)
        yield Entity("email", match.start(), match.end(), address, {"address": address}, PRIORITY)
