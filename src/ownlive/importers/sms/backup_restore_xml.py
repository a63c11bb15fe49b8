"""SMS Backup & Restore XML backup (Android): text messages, MMS and call logs.

Made by SyncTech's "SMS Backup & Restore" for Android (all versions to 10.x):
Back up → Messages and/or Phone calls, "XML" format, writes `sms-<date>.xml`
(root `<smses>`: `<sms>` and `<mms>` with `<parts>` and `<addrs>`) and
`calls-<date>.xml` (root `<calls>`: `<call>`). Field meanings follow the app's
documentation ("Fields in XML Backup files", synctech.com.au). Old versions omit
`contact_name`, `readable_date` and MMS; every absent value may also be the
string "null".

The file streams through expat (constant memory, real line numbers) after
`references.py` has repaired the emoji references the app writes and XML forbids.
Overlapping backups share messages: each record's `external_id` is built from
its address, date, type and content, so a second backup adds only what is new.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ownlive.importers.base import ImportOptions, ImportProblem, Record
from ownlive.importers.sms import records
from ownlive.importers.sms.references import repaired_blocks

NAME = "sms_backup_restore"
PLATFORM = "sms"

_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<(smses|calls)(?=[\s>/])([^>]*)", re.S
)
# expat reports these when the input stops before the document is complete.
_CUT_OFF = frozenset(
    expat.errors.codes[getattr(expat.errors, name)]
    for name in ("XML_ERROR_NO_ELEMENTS", "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR")
)


class _DoctypeFound(Exception):
    """A DTD could declare entities; the app never writes one, so none is read."""


class _Reader:
    """expat callbacks that turn elements into records as they close."""

    def __init__(self, path: Path, options: ImportOptions) -> None:
        self.path = str(path)
        self.options = options
        self.out: list[Record] = []
        self.mms: records.Mms | None = None
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.StartDoctypeDeclHandler = self.doctype

    def doctype(self, *_: Any) -> None:
        raise _DoctypeFound

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        line = self.parser.CurrentLineNumber
        if tag == "sms":
            self.out.append(records.sms(attrs, line, self.path, self.options))
        elif tag == "call":
            self.out.append(records.call(attrs, line, self.path, self.options))
        elif tag == "mms":
            self.mms = records.Mms(attrs, line)
        elif self.mms is not None and tag == "part":
            self.mms.add_part(attrs)
        elif self.mms is not None and tag == "addr":
            self.mms.add_addr(attrs)

    def end(self, tag: str) -> None:
        if tag == "mms" and self.mms is not None:
            self.out.append(records.mms(self.mms, self.path, self.options))
            self.mms = None

    def feed(self, data: bytes, *, final: bool) -> bool:
        """Parse `data` into `out`; False (after a problem) when the XML breaks."""
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as error:
            code = error.code or 0
            reason = (
                "the file ends early (cut off while copying?)"
                if final and code in _CUT_OFF
                else expat.ErrorString(code)  # e.g. "not well-formed (invalid token)"
            )
            self.out.append(ImportProblem(self.path, error.lineno, "xml", reason))
            return False
        except _DoctypeFound:
            line = self.parser.CurrentLineNumber
            self.out.append(
                ImportProblem(self.path, line, "xml", "has a DOCTYPE; backups have none")
            )
            return False
        return True

    def drain(self) -> Iterator[Record]:
        yield from self.out
        self.out.clear()


def parse(path: Path, options: ImportOptions) -> Iterator[Record]:
    try:
        handle = path.open("rb")  # read-only: the user's backup is never changed
    except OSError as error:
        yield ImportProblem(str(path), None, "file", f"cannot be read ({error.strerror})")
        return
    reader = _Reader(path, options)
    with handle:
        for block in repaired_blocks(handle):
            going = reader.feed(block, final=False)
            yield from reader.drain()
            if not going:
                return
        reader.feed(b"", final=True)
        yield from reader.drain()


def sniff(path: Path, head: bytes) -> bool:
    """An XML document whose root is the app's `<smses>` or `<calls>`."""
    root = _ROOT.match(head)
    if root is None:
        return False
    if root.group(1) == b"smses":
        return True
    # `<calls>` is a plainer name: also want the app's `count` attribute or a `<call>` row.
    return b"count=" in root.group(2) or re.search(rb"<call\s", head) is not None
