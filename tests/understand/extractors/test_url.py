"""Links: with a scheme, www., or a domain and path; trailing punctuation ends a URL."""

from __future__ import annotations

import pytest

from ownlive.understand.extractors.url import find_urls
from tests.understand.extractors.entities import run


@pytest.mark.parametrize(
    ("text", "span", "url"),
    [
        ("see https://lu.ma/abc123, then reply", "https://lu.ma/abc123", None),
        ("sign up at lu.ma/x!", "lu.ma/x", "https://lu.ma/x"),
        ("Infos unter www.x.de.", "www.x.de", "https://www.x.de"),
        (
            "http://abc.com/search?id=123&name=Alice",
            "http://abc.com/search?id=123&name=Alice",
            None,
        ),
        ("http://localhost:8080/#/123", "http://localhost:8080/#/123", None),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080", None),
        ("ftp://files.example.org/pub/a.tar.gz.", "ftp://files.example.org/pub/a.tar.gz", None),
        ("MORE:https://bit.ly/2jm6eu3", "https://bit.ly/2jm6eu3", None),
        ("May 5th.https://t.co/YCUZfuyyHZ", "https://t.co/YCUZfuyyHZ", None),
        (
            "(see https://en.wikipedia.org/wiki/Bracket_(disambiguation))",
            "https://en.wikipedia.org/wiki/Bracket_(disambiguation)",
            None,
        ),
        ("[docs](https://docs.python.org/3/)", "https://docs.python.org/3/", None),
        ("Check out example.com for details", "example.com", "https://example.com"),
        ("abc.def.ghi.com.sa", "abc.def.ghi.com.sa", "https://abc.def.ghi.com.sa"),
        ("请访问https://luis.ai?action=add以获取更多信息", "https://luis.ai?action=add", None),
        (
            "活动报名：https://www.huodongxing.com/event/123，欢迎参加！",
            "https://www.huodongxing.com/event/123",
            None,
        ),
        ("官网www.example.cn。", "www.example.cn", "https://www.example.cn"),
        ("链接在这 t.cn/A6xyz12！", "t.cn/A6xyz12", "https://t.cn/A6xyz12"),
        ("网址是microsoft.com哦", "microsoft.com", "https://microsoft.com"),
        (
            "你看下https://mp.weixin.qq.com/s/Ab-Cd_Ef？",
            "https://mp.weixin.qq.com/s/Ab-Cd_Ef",
            None,
        ),
        (
            "Ticket gibt's auf eventbrite.de/e/12345 – bis Freitag",
            "eventbrite.de/e/12345",
            "https://eventbrite.de/e/12345",
        ),
        ("Fotos: https://photos.app.goo.gl/AbC123xyz", "https://photos.app.goo.gl/AbC123xyz", None),
        (
            "Die Seite https://de.wikipedia.org/wiki/Döner_Kebab lesen",
            "https://de.wikipedia.org/wiki/Döner_Kebab",
            None,
        ),
        (
            "Zoom: https://us02web.zoom.us/j/81234567890?pwd=abc",
            "https://us02web.zoom.us/j/81234567890?pwd=abc",
            None,
        ),
        ("Mehr auf ownlive.de:", "ownlive.de", "https://ownlive.de"),
        ("WWW.SPIEGEL.DE", "WWW.SPIEGEL.DE", "https://WWW.SPIEGEL.DE"),
    ],
)
def test_urls(text: str, span: str, url: str | None) -> None:
    assert run(find_urls, text) == [(span, {"url": url or span})]


@pytest.mark.parametrize(
    "text",
    [
        "https:// is invalid",
        "http://# is invalid",
        "Alice@abc.com is an email rather than url",
        "The DNS server is 8.8.8.8",
        "working..is isn't a valid domain",
        "7.am is a time, not a site",
        "see notes.md and setup.py",
        "built with Next.js/React",
        "z.B./usw. und u.a.",
        "Preis 3.50/Stück",
        "e.g. this, i.e. that",
        "ok.Wir sehen uns",
        "百度.com 是不合法地址",
        "john.de@cooso.com.au",
    ],
)
def test_not_urls(text: str) -> None:
    assert run(find_urls, text) == []


@pytest.mark.parametrize(
    "punctuation", ["。", "，", "！", "？", "；", "：", ".", ",", "!", "?", ")"]
)
def test_trailing_punctuation_ends_a_url(punctuation: str) -> None:
    text = f"链接 https://lu.ma/abc{punctuation}后面的字"
    assert run(find_urls, text) == [("https://lu.ma/abc", {"url": "https://lu.ma/abc"})]
