"""Readable text from the raw content WeChat stores for non-text messages.

WeChatMsg's CSV copies `StrContent` from MSG.db as it is: plain text for Type 1,
an XML snippet (`<msg><img .../></msg>`, `<voipmsg>`, `<sysmsg>`, ...) for most
other types, and often nothing for app messages (Type 49), whose XML sits in
the compressed column the tools leave out. System lines may carry markup too,
in every layout (`<revokemsg>你撤回了一条消息</revokemsg>` in PyWxDump's CSV).

The snippets are picked apart with a few patterns rather than an XML parser:
WeChat's XML is often not well formed (PyWxDump parses it with lxml's recover
mode for that reason), the fields wanted are few, and a pattern cannot be made
to expand entities from a message someone else sent.
"""

from __future__ import annotations

import html
import re

from ownlive.importers.wechat.common import APP_MESSAGE, kind_of

_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\n]+")
# WeChatMsg's TXT exporter strips this link from recalls; it is UI, not text.
_REVOKE_EDIT = re.compile(r"\s*<a href=\"weixin://revoke_edit_click\">[^<]*</a>")

LABELS = {
    "image": "[图片]",
    "voice": "[语音]",
    "video": "[视频]",
    "sticker": "[表情]",
    "location": "[位置]",
    "file": "[文件]",
    "link": "[链接]",
    "quote": "[引用]",
    "transfer": "[转账]",
    "call": "[通话]",
}


def _clean(fragment: str) -> str:
    fragment = _CDATA.sub(lambda m: m.group(1), fragment)
    return html.unescape(_TAGS.sub(" ", fragment)).strip()


def tag_text(xml: str, name: str) -> str:
    """The text of the first `<name>` element, CDATA unwrapped; "" when absent."""
    match = re.search(rf"<{name}(?:\s[^>]*)?>(.*?)</{name}>", xml, re.DOTALL)
    return _clean(match.group(1)) if match else ""


def attribute(xml: str, tag: str, name: str) -> str:
    """The value of attribute `name` on the first `<tag>`; "" when absent."""
    match = re.search(rf"<{tag}\b[^>]*?\s{name}\s*=\s*\"([^\"]*)\"", xml)
    return html.unescape(match.group(1)).strip() if match else ""


def system_text(text: str) -> str:
    """A system line without markup: the replacement text of a recall, a pat's template."""
    text = _REVOKE_EDIT.sub("", text)
    if "<" not in text:
        return text.strip()
    for name in ("replacemsg", "template", "content"):
        found = tag_text(text, name)
        if found:
            return found
    return _SPACES.sub(" ", _clean(text))


def _join(*parts: str, sep: str = " ") -> str:
    return sep.join(part for part in parts if part)


def _seconds(milliseconds: str) -> str:
    if not milliseconds.isdigit():
        return ""
    return f"{max(1, round(int(milliseconds) / 1000))}秒"


def _app_text(kind: str, sub_type: int, xml: str) -> str:
    """Type 49: links, files, quotes, transfers, ... from their <appmsg>, when present."""
    title = tag_text(xml, "title")
    if kind == "quote":
        refer = re.search(r"<refermsg>(.*?)</refermsg>", xml, re.DOTALL)
        quoted = ""
        if refer:
            who = tag_text(refer.group(1), "displayname")
            what = tag_text(refer.group(1), "content")
            if what.startswith("<"):
                what = tag_text(html.unescape(what), "title") or "[消息]"
            quoted = "[引用] " + _join(who + ":" if who else "", what)
        return _join(title, quoted, sep="\n") or LABELS["quote"]
    if kind == "transfer":
        if sub_type == 2001:  # a red packet: its title is the sender's wish
            return _join("[红包]", title)
        return _join(LABELS["transfer"], tag_text(xml, "feedesc"), tag_text(xml, "pay_memo"))
    if kind == "file":
        return _join(LABELS["file"], title)
    if kind in ("text", "system"):
        return title or LABELS["link"]
    if kind == "sticker":
        return "[表情]"
    if kind == "location":
        return _join("[位置共享]", title)
    url = tag_text(xml, "url")
    return _join(_join(LABELS["link"], title), url, sep="\n")


def describe(type_code: int, sub_type: int, content: str) -> tuple[str, str]:
    """(kind, text) for a raw MSG.db row, as WeChatMsg's CSV carries it."""
    kind = kind_of(type_code, sub_type, content)
    if type_code == 1:
        return kind, content
    if kind in ("system", "recall"):
        return kind, system_text(content)
    if type_code == APP_MESSAGE:
        return kind, _app_text(kind, sub_type, content)
    if kind == "voice":
        return kind, _join(LABELS["voice"], _seconds(attribute(content, "voicemsg", "voicelength")))
    if kind == "location":
        place = _join(
            attribute(content, "location", "poiname"), attribute(content, "location", "label")
        )
        return kind, _join(LABELS["location"], place)
    if kind == "call":
        return kind, _join(LABELS["call"], tag_text(content, "msg"))
    if kind == "link":  # a contact card (42, 66)
        return kind, _join("[名片]", attribute(content, "msg", "nickname"))
    if kind in LABELS:
        return kind, LABELS[kind]
    # A type this table does not know: keep plain text, reduce markup to its title.
    if "<" in content:
        return kind, tag_text(content, "title") or f"[消息 {type_code}/{sub_type}]"
    return kind, content
