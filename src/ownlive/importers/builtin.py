"""The built-in importers, registered exactly as a third-party plugin would."""

from __future__ import annotations

import importlib

from ownlive.importers.base import Importer
from ownlive.plugins.manager import hookimpl

# One module per format; each defines NAME, PLATFORM, sniff and parse.
BUILTIN_IMPORTER_MODULES: tuple[str, ...] = (
    "ownlive.importers.whatsapp.chat_txt",
    "ownlive.importers.telegram.result_json",
    "ownlive.importers.sms.backup_restore_xml",
    "ownlive.importers.wechat.pywxdump_csv",
    "ownlive.importers.wechat.pywxdump_json",
    "ownlive.importers.wechat.wechatmsg_csv",
    "ownlive.importers.wechat.wechatmsg_txt",
    "ownlive.importers.email.mbox",
    "ownlive.importers.calendar.ics",
    "ownlive.importers.location.takeout",
)


def _importer_from(module_name: str) -> Importer:
    module = importlib.import_module(module_name)
    return Importer(
        name=module.NAME,
        platform=module.PLATFORM,
        description=(module.__doc__ or "").strip().splitlines()[0],
        sniff=module.sniff,
        parse=module.parse,
    )


@hookimpl
def register_importers() -> list[Importer]:
    return [_importer_from(name) for name in BUILTIN_IMPORTER_MODULES]
