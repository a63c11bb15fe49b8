"""HTML mail bodies reduced to plain text with the standard library's HTML parser.

Only what a reader sees is kept: scripts, styles and the head are dropped,
block elements and `<br>` become line breaks, list items get a dash, and runs
of whitespace collapse the way a browser collapses them. Links keep their
text; the address follows in angle brackets when it differs, because an
address or booking link is often the useful part of a mail.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "hr",
        "address", "center", "dl", "dt", "dd", "form", "fieldset",
    }
)  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0
        self.href_stack: list[str | None] = []
        self.link_text_start: list[int] = []

    def _newline(self, count: int = 1) -> None:
        self.parts.append("\n" * count)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden_depth += 1
        elif tag == "br":
            self._newline()
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in _BLOCKS:
            self._newline(2 if tag in ("p", "blockquote", "table") else 1)
        if tag == "a":
            self.href_stack.append(dict(attrs).get("href"))
            self.link_text_start.append(len(self.parts))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and <hr/> must not open a hidden section or a link.
        if tag in ("br", "hr"):
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in _BLOCKS:
            self._newline(2 if tag in ("p", "blockquote", "table") else 1)
        elif tag == "a" and self.href_stack:
            href = self.href_stack.pop()
            start = self.link_text_start.pop()
            text = "".join(self.parts[start:]).strip()
            if href and href.startswith(("http://", "https://")) and href != text:
                self.parts.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    """The text a reader of `html` sees, with paragraph breaks kept."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = [line.strip(" ") for line in "".join(collector.parts).split("\n")]
    text = "\n".join(" ".join(line.split("\t")).strip() for line in lines)
    return _BLANK_RUNS.sub("\n\n", text).strip()
