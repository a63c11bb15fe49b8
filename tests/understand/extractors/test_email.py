"""E-mail addresses: the address as written, in zh/en/de text, and what is none."""

from __future__ import annotations

import pytest

from ownlive.understand.extractors.email import find_emails
from tests.understand.extractors.entities import run


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("mail me at Dave@abc.com.", "Dave@abc.com"),
        ("my work address is v-abc@microsoft.com", "v-abc@microsoft.com"),
        ("a_b.c@163.com", "a_b.c@163.com"),
        ("123456789@qq.com 是我的QQ邮箱", "123456789@qq.com"),
        ("邮箱abc@163.com谢谢", "abc@163.com"),
        ("请发到 zhang.wei@example.com.cn，谢谢", "zhang.wei@example.com.cn"),
        ("简历发送至hr@company.cn。", "hr@company.cn"),
        ("联系人：李雷（lilei_88@sina.com）", "lilei_88@sina.com"),
        ("user.name+tag@lero.com is valid", "user.name+tag@lero.com"),
        ("d.j@server1.proseware.com is a valid address", "d.j@server1.proseware.com"),
        ("j_9@[129.126.118.1] works too", "j_9@[129.126.118.1]"),
        ("Is mytestUser1234@CRM99.on.misfit.com right?", "mytestUser1234@CRM99.on.misfit.com"),
        ("Schreib mir an anna.mueller@web.de!", "anna.mueller@web.de"),
        ("Rechnung bitte an buchhaltung@firma-gmbh.de senden.", "buchhaltung@firma-gmbh.de"),
        ("E-Mail: info@ownlive.app", "info@ownlive.app"),
        ("(max@posteo.de)", "max@posteo.de"),
        ("Kontakt: kontakt@stadt-muenchen.de; Tel. folgt", "kontakt@stadt-muenchen.de"),
        ("<jane@doe.org>", "jane@doe.org"),
        ("CC: support@github.com, thanks", "support@github.com"),
        ("john.de@cooso.com.au wrote", "john.de@cooso.com.au"),
    ],
)
def test_email_addresses(text: str, address: str) -> None:
    assert run(find_emails, text) == [(address, {"address": address})]


@pytest.mark.parametrize(
    "text",
    [
        "Alice@abc is invalid",
        "Bob@abc.c is invalid",
        "Carol@new_type.com has an underscore in the host",
        "Both a..bc@outlook.com and .abc@hotmail.com are broken",
        "Hello @Carol, see you",
        "价格@299元",
        "Treffen @ 19 Uhr im Café",
        "ping me on slack @dave.smith",
        "https://frank.website.com/CV/#cite_2",
    ],
)
def test_not_email_addresses(text: str) -> None:
    assert run(find_emails, text) == []


def test_two_addresses() -> None:
    text = "an tom@gmx.de oder lisa@gmx.de"
    assert [span for span, _ in run(find_emails, text)] == ["tom@gmx.de", "lisa@gmx.de"]
