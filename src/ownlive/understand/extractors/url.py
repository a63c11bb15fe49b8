"""Links (DESIGN.md 4.1 "url"): with a scheme, with www., or a domain with a path.

`url` is the span with https:// prepended when no scheme is written. What
counts without a scheme: "www.x.de", a domain followed by a path ("lu.ma/x",
any letter TLD), and a bare domain whose TLD is one people actually link to
in chat (example.com, ownlive.de) — not file names (notes.md, setup.py) or
abbreviations (z.B., e.g.). Trailing punctuation, ASCII or full-width
(，。！？), ends a URL; a closing bracket stays only when the URL opened it
(Wikipedia links). Han characters end a URL: Chinese text glues links to the
words around them (请访问https://x.cn以获取).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.quick import AnyOf
from ownlive.understand.registry import extractor

# Digits inside a URL belong to the URL (DESIGN.md 4.1 General): it wins ties
# with phone and flight candidates inside it.
PRIORITY = 2

# Characters a URL may hold: printable ASCII except quotes, angle brackets,
# backslash and backtick, plus Latin letters with diacritics (de IRIs).
URL_CHAR = r"[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%'À-ɏ]"
LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
# A domain: two or more labels, the last a letter TLD (IDN punycode allowed).
DOMAIN = rf"(?:{LABEL}\.)+(?:[A-Za-z]{{2,24}}|xn--[A-Za-z0-9\-]{{2,59}})"
HOST = rf"(?:{DOMAIN}|localhost|\d{{1,3}}(?:\.\d{{1,3}}){{3}})"
PORT = r"(?::\d{1,5})?"
REST = rf"(?:[/?#]{URL_CHAR}*)?"

WITH_SCHEME = rf"(?:https?|ftps?)://{HOST}{PORT}{REST}"
END = r"(?![A-Za-z0-9\-])"
WITH_WWW = rf"www\.{DOMAIN}{END}{PORT}{REST}"
WITH_PATH = rf"{DOMAIN}{PORT}/{URL_CHAR}*"
BARE = rf"{DOMAIN}{END}"

# A scheme may follow a full stop ("May 5th.https://t.co/x"); a bare domain may
# not follow what would make it part of a longer name or address.
SCHEME_URL = re.compile(rf"(?<![A-Za-z0-9])(?P<scheme>{WITH_SCHEME})", re.IGNORECASE)
OTHER_URL = re.compile(
    rf"(?<![A-Za-z0-9@.\-_/])(?:(?P<www>{WITH_WWW})|(?P<path>{WITH_PATH})|(?P<bare>{BARE}))",
    re.IGNORECASE,
)

# TLDs a bare domain may end in: generic ones and the ccTLDs of our users'
# countries and of common link shorteners. Left out on purpose: TLDs that are
# also file extensions or abbreviations (md, py, rs, sh, js, pl, am, pm, ...).
BARE_TLDS = frozenset(
    [
        "com", "net", "org", "edu", "gov", "info", "biz", "io", "ai", "app", "dev", "co",
        "me", "tv", "ly", "gl", "gle", "gg", "to", "fm", "de", "at", "ch", "eu", "uk", "cn",
        "hk", "tw", "jp", "kr", "sg", "us", "ca", "au", "nz", "fr", "it", "es", "nl", "be",
        "se", "no", "dk", "fi", "ie", "pt", "xyz", "online", "site", "shop", "store",
        "blog", "tech", "cloud", "news", "wiki", "page", "link", "live", "world", "berlin",
        "hamburg", "koeln", "wien",
    ]
)  # fmt: skip
# Two-letter endings that are file extensions far more often than ccTLDs.
NOT_TLDS = frozenset(["js", "ts", "py", "md", "rs", "sh", "pl", "rb", "cs", "db", "ps", "mk"])
TRAILING = ".,;:!?'\"*"
PAIRS = {")": "(", "]": "[", "}": "{"}


def _trim(span: str) -> str:
    while span:
        last = span[-1]
        unbalanced = last in PAIRS and span.count(last) > span.count(PAIRS[last])
        if last not in TRAILING and not unbalanced:
            break
        span = span[:-1]
    return span


def _bare_ok(domain: str, text: str, end: int) -> bool:
    """A bare domain: a linkable TLD, a letter in the name, not an e-mail's local part."""
    tld = domain.rsplit(".", 1)[-1]
    if not (tld.islower() or tld.isupper()):
        return False  # "Kitaru.At 17:30": a sentence glued to the next, no domain
    labels = domain.lower().split(".")
    # example.com, or a country's second level: example.com.sa, example.co.uk
    second_level = len(labels) > 2 and labels[-2] in {"com", "co", "org", "net", "gov", "edu", "ac"}
    if labels[-1] not in BARE_TLDS and not (second_level and len(labels[-1]) == 2):
        return False
    if not re.search(r"[a-z]", labels[-2]):
        return False
    return not text.startswith("@", end)


def _path_ok(span: str) -> bool:
    """lu.ma/x, t.co/abc — but not Next.js/React or index.html/."""
    host = span.split("/", 1)[0].split(":", 1)[0].lower()
    labels = host.split(".")
    tld = labels[-1]
    if not re.search(r"[a-z]", labels[0]):
        return False
    if len(tld) == 2:
        return tld not in NOT_TLDS
    return tld in BARE_TLDS or tld.startswith("xn--")


# [A-Za-z0-9]\.[A-Za-z]{2}|://, each piece starting with a literal the engine scans for
QUICK = AnyOf("://", r"\.(?<=[A-Za-z0-9]\.)[A-Za-z]{2}")


@extractor("url", requires=("text",), quick=QUICK)
def find_urls(doc: Doc) -> Iterator[Entity]:
    text = doc.text
    with_scheme = list(SCHEME_URL.finditer(text))
    taken = bytearray(len(text))  # characters inside a URL with a scheme
    for match in with_scheme:
        taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    others = [m for m in OTHER_URL.finditer(text) if not any(taken[m.start() : m.end()])]
    for match in [*with_scheme, *others]:
        start = match.start()
        span = _trim(match.group(0))
        end = start + len(span)
        if text.startswith("@", end):
            continue  # the local part of an e-mail address (john.de@x.com)
        if (
            match.re is OTHER_URL
            and match.group("bare") is not None
            and not _bare_ok(span, text, end)
        ):
            continue
        if match.re is OTHER_URL and match.group("path") is not None and not _path_ok(span):
            continue
        if match.re is SCHEME_URL and span.endswith("://"):
            continue
        url = span if match.re is SCHEME_URL else "https://" + span
        yield Entity("url", start, end, span, {"url": url}, PRIORITY)
