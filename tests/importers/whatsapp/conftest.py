"""The WhatsApp fixtures and small helpers shared by the importer's tests."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from ownlive.importers.base import ImportedMessage, ImportOptions, Record
from ownlive.importers.whatsapp import chat_txt

FIXTURES = Path(__file__).parent / "fixtures"
LI_LEI = FIXTURES / "WhatsApp Chat with 李雷.txt"
WANG_FANG = FIXTURES / "与王芳的 WhatsApp 聊天.txt"
TEAM_ZIP = FIXTURES / "WhatsApp Chat - Team Berlin.zip"
US_12H = FIXTURES / "android_us_12h.txt"
MULTI = FIXTURES / "multiline_system_attachments.txt"
BROKEN = FIXTURES / "broken_impossible_date.txt"
CHATS = [
    LI_LEI,
    WANG_FANG,
    TEAM_ZIP,
    US_12H,
    FIXTURES / "android_es_pm.txt",
    FIXTURES / "ios_de.txt",
    FIXTURES / "ios_en_crlf.txt",
    MULTI,
    BROKEN,
]
NOT_CHATS = [FIXTURES / "not_a_chat.txt", FIXTURES / "empty.txt", FIXTURES / "binary.bin"]


def options(zone: str = "Europe/Berlin") -> ImportOptions:
    return ImportOptions(tz=ZoneInfo(zone), tz_name=zone)


def parse(path: Path, zone: str = "Europe/Berlin") -> list[Record]:
    return list(chat_txt.parse(path, options(zone)))


def messages(path: Path, zone: str = "Europe/Berlin") -> list[ImportedMessage]:
    """The file's messages; fails when the file has any problem."""
    found = parse(path, zone)
    assert all(isinstance(r, ImportedMessage) for r in found), found
    return [r for r in found if isinstance(r, ImportedMessage)]
