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

import phonenumbers

from ownlive.understand.doc import Doc, Entity
from ownlive.understand.quick import AnyOf
from ownlive.understand.registry import extractor

# Digits inside a URL belong to the URL (DESIGN.md 4.1 General): it wins ties
# with phone and flight candidates inside it.
PRIORITY = 2

# Characters a URL may hold: printable ASCII except quotes, angle brackets,
# backslash and backtick, plus Latin letters with diacritics (de IRIs).
URL_CHAR = r"[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%'À-ɏ]"
# Labels may hold Latin letters with diacritics (IDN: münchen.de, bäckerei-müller.at).
LABEL = r"[A-Za-z0-9À-ɏ](?:[A-Za-z0-9À-ɏ\-]{0,61}[A-Za-z0-9À-ɏ])?"
# A domain: two or more labels, the last a letter TLD (IDN punycode allowed).
DOMAIN = rf"(?:{LABEL}\.)+(?:[A-Za-z]{{2,24}}|xn--[A-Za-z0-9\-]{{2,59}})"
IPV4 = r"\d{1,3}(?:\.\d{1,3}){3}"
HOST = rf"(?:{DOMAIN}|localhost|{IPV4})"
PORT = r"(?::\d{1,5})?"
REST = rf"(?:[/?#]{URL_CHAR}*)?"

WITH_SCHEME = rf"(?:https?|ftps?)://{HOST}{PORT}{REST}"
END = r"(?![A-Za-z0-9\-])"
WITH_WWW = rf"www\.{DOMAIN}{END}{PORT}{REST}"
WITH_PATH = rf"{DOMAIN}{PORT}/{URL_CHAR}*"
# An IP host without a scheme is a link with a port or a path (192.168.1.1:8080/admin);
# alone it may be a version or a setting.
WITH_IP = rf"{IPV4}(?::\d{{1,5}}{REST}|/{URL_CHAR}*)"
BARE = rf"{DOMAIN}{END}"

# A scheme may follow a full stop ("May 5th.https://t.co/x"); a bare domain may
# not follow what would make it part of a longer name or address.
SCHEME_URL = re.compile(rf"(?<![A-Za-z0-9])(?P<scheme>{WITH_SCHEME})", re.IGNORECASE)
OTHER_URL = re.compile(
    rf"(?<![A-Za-z0-9@.\-_/])"
    rf"(?:(?P<www>{WITH_WWW})|(?P<ip>{WITH_IP})|(?P<path>{WITH_PATH})|(?P<bare>{BARE}))",
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
# Endings of file names that are also TLDs (report.zip, notes.md, clip.mov): no link
# without a scheme, www. or a path, whatever the sentence says.
FILE_EXTENSIONS = frozenset(
    [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "rtf", "odt", "ods",
        "jpg", "jpeg", "png", "gif", "bmp", "svg", "webp", "heic", "tif", "tiff", "zip", "rar",
        "gz", "tgz", "bz2", "xz", "7z", "tar", "exe", "dmg", "apk", "msi", "iso", "deb", "rpm",
        "mp3", "mp4", "mov", "avi", "mkv", "wav", "flac", "ogg", "m4a", "html", "htm", "json",
        "xml", "yaml", "yml", "toml", "ini", "cfg", "conf", "log", "bak", "tmp", "md", "py",
        "js", "ts", "rs", "sh", "pl", "rb", "cs", "db", "ps", "mk", "java", "kt", "go", "php",
        "sql", "key", "pages", "numbers", "eml", "ics", "vcf", "ttf", "woff",
    ]
)  # fmt: skip
# ISO 3166-1 regions, the two-letter ccTLDs (libphonenumber knows them all), and the
# few ccTLDs that are no region.
COUNTRY_CODES = frozenset(phonenumbers.SUPPORTED_REGIONS) | {"UK", "EU", "AC"}
CUE_WINDOW = 80
LINK_CUE = re.compile(
    r"(?i)(?:\bvisit|\bwebsite|\bweb ?site|\bsite\b|\burls?\b|\blinks?\b|\bdomains?\b|"
    r"\bgo to\b|\bcheck out\b|\bhomepage|\bbrowse|\bonline at\b|"
    r"besuch|webseite|internetseite|\bunter\b|\bseite\b|"
    r"访问|网址|网站|链接|地址|主页|官网|域名|网页|打开)"
)
SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？\n]")
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


def _link_cue(text: str, start: int) -> bool:
    """A word naming a link earlier in the same sentence ("visit", "URLs:", 网址, "unter")."""
    before = text[max(0, start - CUE_WINDOW) : start]
    sentence = before[max((m.end() for m in SENTENCE_END.finditer(before)), default=0) :]
    return LINK_CUE.search(sentence) is not None


def _bare_ok(domain: str, text: str, start: int) -> bool:
    """A bare domain: a linkable TLD, a letter in the name, not an e-mail's local part;
    behind a link cue, any country or longer TLD that is no file extension."""
    end = start + len(domain)
    tld = domain.rsplit(".", 1)[-1]
    if not (tld.islower() or tld.isupper()) or text.startswith("@", end):
        return False  # "Kitaru.At 17:30": a sentence glued to the next, no domain
    labels = domain.lower().split(".")
    # example.com, or a country's second level: example.com.sa, example.co.uk
    second_level = len(labels) > 2 and labels[-2] in {"com", "co", "org", "net", "gov", "edu", "ac"}
    if (labels[-1] in BARE_TLDS or (second_level and len(labels[-1]) == 2)) and re.search(
        r"[a-z]", labels[-2]
    ):
        return True
    if labels[-1] in FILE_EXTENSIONS or not _link_cue(text, start):
        return False
    if len(labels[-1]) == 2 and labels[-1].upper() not in COUNTRY_CODES:
        return False
    name = labels[-2]
    if name.isdigit():
        # "27.pm" is a link, "5.pm" a time
        return labels[-1] not in {"am", "pm"} or int(name) > 12
    return len(name) > 1  # z.B., e.g., u.a.


def _path_ok(span: str) -> bool:
    """lu.ma/x, t.co/abc — but not Next.js/React or index.html/."""
    host = span.split("/", 1)[0].split(":", 1)[0].lower()
    if re.fullmatch(IPV4, host):
        return all(int(part) < 256 for part in host.split("."))
    labels = host.split(".")
    tld = labels[-1]
    if not re.search(r"[a-z]", labels[0]):
        return False
    if len(tld) == 2:
        return tld not in NOT_TLDS
    return tld in BARE_TLDS or tld.startswith("xn--")


# [A-Za-z0-9]\.[A-Za-z]{2}|://|an IPv4 host with a port or path, each piece starting
# with a literal the engine scans for
QUICK = AnyOf("://", r"\.(?<=[A-Za-z0-9À-ɏ]\.)[A-Za-z]{2}", r"\.(?<=\d\.)\d{1,3}[:/]")


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
            and not _bare_ok(span, text, start)
        ):
            continue
        path = match.re is OTHER_URL and (match.group("path") or match.group("ip"))
        if path and not _path_ok(span):
            continue
        if match.re is SCHEME_URL and span.endswith("://"):
            continue
        url = span if match.re is SCHEME_URL else "https://" + span
        yield Entity("url", start, end, span, {"url": url}, PRIORITY)
