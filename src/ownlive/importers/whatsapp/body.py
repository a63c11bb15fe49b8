"""What follows a WhatsApp header: who wrote it, and whether it is text, a system line or media.

Authored lines are `Name: text`; system lines ("Loris added Emily",
"Messages and calls are end-to-end encrypted. ...", "You were added") have
no `Name: ` prefix. Media are written in the phone's language, differently on
Android and iOS, with and without "Attach media":

    <attached: 00000001-PHOTO-2019-06-20-16-00-15.jpg>    iOS with media (de: <Anhang: ...>)
    image omitted / Bild weggelassen / 圖片已略去            iOS without media
    IMG-20190620-WA0001.jpg (file attached)                Android with media (de: Datei angehängt,
                                                           zh: 文件附件), a caption may follow
    <Media omitted> / <Medien ausgeschlossen> / <省略影音内容>   Android without media
"""

from __future__ import annotations

import re

# A display name is short (WhatsApp caps profile names at 25 characters; saved
# contact names run longer, so allow room); a system line that happens to hold
# ": " is long or quotes a group subject or description.
_MAX_NAME = 100
_QUOTES = frozenset('"“”„‟«»「」『』')

_ATTACHMENT = re.compile(
    "|".join(
        (
            r"<(?:attached|Anhang|adjunto|anexo|allegato|已附加|附件)\s?[:：]\s?[^<>]+>",
            r".+ \((?:file attached|Datei angehängt|archivo adjunto|arquivo anexado|文件附件)\)",
            r"<(?:Media omitted|Medien ausgeschlossen|Multimedia omitido"
            r"|省略影音内容|已省略多媒體檔案)>",
            r"(?:.+ )?(?:image|video|audio|sticker|GIF|document|Contact card) omitted",
            r"(?:.+ )?(?:Bild|Video|Audio|Sticker|GIF|Dokument|Kontaktkarte) weggelassen",
            r"(?:圖片|影片|音訊|貼圖)已略去",
        )
    ),
    re.IGNORECASE,
)
_ENDINGS = (">", ")", "omitted", "weggelassen", "已略去")
# The characters whose lower case ends like one of _ENDINGS (a test checks
# every code point): a line that does not end in one is no placeholder.
LAST_CHARS = frozenset(">)DdNn去")


def sender_name(prefix: str) -> str:
    """The name in the part of a line before its first ": "; "" when that is no name."""
    name = prefix.strip()
    if not name or len(name) > _MAX_NAME or not _QUOTES.isdisjoint(name):
        return ""
    return name


def split_sender(rest: str) -> tuple[str | None, str]:
    """(name, text) for an authored line; (None, rest) for a system line."""
    prefix, separator, text = rest.partition(": ")
    name = sender_name(prefix) if separator else ""
    return (name, text) if name else (None, rest)


def is_attachment(first_line: str) -> bool:
    """Whether a message's first line is a media placeholder (a caption may follow it)."""
    line = first_line.strip()
    # Every placeholder ends in one of these; most messages are then done
    # without running the big pattern.
    if not line.lower().endswith(_ENDINGS):
        return False
    return _ATTACHMENT.fullmatch(line) is not None
