"""WeChat chat text file written by WeChatMsg's "export TXT" (`{remark}.txt`, UTF-8).

Two generations of LC044/WeChatMsg write it, one chat per file, messages
separated by a blank line:

- the PyQt app up to 2.0.x (`app/util/exporter/exporter_txt.py`):
  `2024-10-04 21:25:04 李华` then the text; media as [图片], [语音], [视频],
  [表情包], [文件], [音乐分享], an indented `[链接]:title:...` card, a reply as
  its text then `引用:name:quoted`; a system line is `2024-10-04 21:26:00
  你撤回了一条消息` on its own. Names are HTML- and JavaScript-escaped.
- the 2025 rewrite (`exporter/exporter_txt.py` over `wxManager`): the same
  header line, media as 【图片】, 【语音】, 【位置分享】, 【音视频通话】,
  【发起转账】:..., a reply as `引用：name: quoted`; a system message is the
  bare time, then its text.

Times are the exporting computer's local time, read in `--tz`. The file holds
display names only, no wxids and no message ids: the chat is keyed by the
file's title (WeChatMsg names it after the chat), senders by name, and
re-imports are matched by content. A first pass collects up to three sender
names: with three or more the chat is a group; in a private chat the name
that is not the file's title is the user's own. In a group the user's own
messages cannot be told apart.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record
from ownlive.importers.wechat.common import parse_local_time, undecodable
from ownlive.importers.wechat.content import system_text

NAME = "wechat_wechatmsg_txt"
PLATFORM = "wechat"

_HEADER = re.compile(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?: (.*))?")
_HEAD_START = re.compile(rb"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[ \r\n]")
_NEXT_RECORD = re.compile(rb"\n\r?\n\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[ \r\n]")
_ESCAPED = re.compile(r"\\(.)")
_UNESCAPE = {"n": "\n", "r": "\r", "t": "\t"}

# The first body line's label, in both generations' spelling.
_PREFIX_KINDS: tuple[tuple[str, str], ...] = (
    ("[图片]", "image"),
    ("【图片】", "image"),
    ("[语音]", "voice"),
    ("【语音】", "voice"),
    ("[视频]", "video"),
    ("【视频】", "video"),
    ("【视频号】", "link"),
    ("[表情包]", "sticker"),
    ("【表情包】", "sticker"),
    ("[文件]", "file"),
    ("【文件】", "file"),
    ("[链接]", "link"),
    ("[音乐分享]", "link"),
    ("【分享链接】", "link"),
    ("【合并转发的聊天记录】", "link"),
    ("【名片】", "link"),
    ("【笔记】", "link"),
    ("【位置分享】", "location"),
    ("【音视频通话】", "call"),
    ("【发起转账】", "transfer"),
    ("【已收款】", "transfer"),
    ("【已退还】", "transfer"),
    ("【非实时转账收款】", "transfer"),
    ("【发起非实时转账】", "transfer"),
    ("【红包】", "transfer"),
)


def sniff(path: Path, head: bytes) -> bool:
    # A time at the very start and another after a blank line: log files that
    # start with times have no blank lines between entries.
    head = head.removeprefix(b"\xef\xbb\xbf")
    return bool(_HEAD_START.match(head) and _NEXT_RECORD.search(head))


MAX_MESSAGE = 1 << 20  # characters; bounds memory when a file is not what it seems


@dataclass
class _Block:
    line: int
    stamp: str
    name: str | None
    body: list[str] = field(default_factory=list)
    size: int = 0
    too_long: bool = False


def _blocks(path: Path) -> Iterator[_Block | ImportProblem]:
    """Records: a header line at the start or after a blank line, then its body."""
    current: _Block | None = None
    after_blank = True
    with path.open("r", encoding="utf-8-sig", errors="surrogateescape") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            match = _HEADER.fullmatch(line) if after_blank else None
            if match:
                if current is not None:
                    yield current
                current = _Block(number, match.group(1), match.group(2))
            elif current is None:
                if line.strip():
                    yield ImportProblem(
                        str(path), number, "header", "expected a line starting with a time"
                    )
                    return
            elif not current.too_long:
                current.size += len(line)
                current.body.append(line)
                if current.size > MAX_MESSAGE:
                    current.too_long = True
                    current.body.clear()
            after_blank = not line.strip()
    if current is not None:
        yield current


def _unescape(name: str) -> str:
    """Undo the PyQt app's escape_js_and_html on display names."""
    return html.unescape(_ESCAPED.sub(lambda m: _UNESCAPE.get(m.group(1), m.group(1)), name))


def _kind(body: list[str]) -> str:
    first = body[0].strip()
    for prefix, kind in _PREFIX_KINDS:
        if first.startswith(prefix):
            return kind
    if any(line.startswith(("引用:", "引用：")) for line in body[1:]):
        return "quote"
    return "text"


@dataclass(frozen=True)
class _Chat:
    key: str
    title: str
    kind: str
    me: str | None


def _survey(path: Path) -> _Chat:
    title = path.stem
    names: set[str] = set()
    for block in _blocks(path):
        if isinstance(block, _Block) and block.name is not None and any(block.body):
            names.add(_unescape(block.name))
            if len(names) > 2:
                return _Chat(f"wechatmsg:{title}", title, "group", None)
    others = names - {title}
    me = next(iter(others)) if title in names and len(others) == 1 else None
    return _Chat(f"wechatmsg:{title}", title, "chat", me)


def _message(path: str, block: _Block, chat: _Chat, options: ImportOptions) -> Record:
    if block.too_long:
        return ImportProblem(path, block.line, "text", "longer than 1 MiB; not a chat message")
    sent_at = parse_local_time(block.stamp, options.tz)
    if sent_at is None:
        return ImportProblem(path, block.line, "time", "not a date and time")
    body = block.body
    while body and not body[-1].strip():
        body.pop()
    sender: str | None = None
    if block.name is not None and body:
        sender = _unescape(block.name)
        if body[0][:1].isspace() and body[0].strip().startswith("[链接]"):
            body = [part.strip() for part in body]  # the indented link card
        text, kind = "\n".join(body), _kind(body)
    else:
        # A system line: the rewrite writes the bare time and then the text,
        # the PyQt app all of it on the header line.
        text = system_text("\n".join(body) if block.name is None else block.name)
        kind = "recall" if "撤回" in text else "system"
    if undecodable(text + (sender or "")):
        return ImportProblem(path, block.line, "text", "not valid UTF-8")
    return ImportedMessage(
        conversation_key=chat.key,
        conversation_title=chat.title,
        sent_at=sent_at,
        text=text,
        sender_handle=sender,
        sender_name=sender,
        is_from_me=sender is not None and sender == chat.me,
        kind=kind,
        external_id=None,
        conversation_kind=chat.kind,
        line=block.line,
        wall_clock=True,  # local time as the exporting computer showed it
    )


def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    name = str(path)
    chat = _survey(path)
    for block in _blocks(path):
        if isinstance(block, ImportProblem):
            yield block
        else:
            yield _message(name, block, chat, options)
