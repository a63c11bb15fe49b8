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


@pytest.mark.parametrize(
    ("text", "span", "url"),
    [
        # scheme-less IPv4 hosts with a port or a path
        ("Router-Login: 192.168.1.1:8080/admin", "192.168.1.1:8080/admin", None),
        ("打开 10.0.0.5/status 看看状态", "10.0.0.5/status", None),
        ("the NAS is at 192.168.178.20:5000.", "192.168.178.20:5000", None),
        # German IDN labels, with and without www.
        ("Programm auf münchen.de/events", "münchen.de/events", None),
        ("Besuche www.bäckerei-müller.de!", "www.bäckerei-müller.de", None),
        # any country or longer TLD behind a word that names a link
        ("Please visit nyti.ms for more.", "nyti.ms", None),
        ("All of these links work: sound.academy", "sound.academy", None),
        ("请访问pep.si以获取更多信息。", "pep.si", None),
        ("官网地址：lero.aws，欢迎访问", "lero.aws", None),
        ("Die Website: kiezladen.berlin, schau vorbei", "kiezladen.berlin", None),
        ("Mehr Infos unter ticket.koeln.", "ticket.koeln", None),
        ("Visit 27.pm for tickets", "27.pm", None),
        # full-width punctuation ends the link
        ("网址：shop.example.cn/item/42）", "shop.example.cn/item/42", None),
    ],
)
def test_scheme_less_urls(text: str, span: str, url: str | None) -> None:
    assert run(find_urls, text) == [(span, {"url": url or "https://" + span})]


@pytest.mark.parametrize(
    "text",
    [
        # file names stay file names, even behind a link word
        "Please visit the page and download report.pdf",
        "链接里的文件 report.zip 打不开",
        "Auf der Webseite liegt die Datei clip.mov",
        "visit notes.md and setup.py",
        # a TLD-like ending without a link word, versions, times, IP addresses alone
        "Das war sound.academy vorbei",
        "We meet at 5.pm, visit us",
        "Version 1.2.3.4 ist draußen",
        "Der DNS-Server ist 192.168.1.1",
        "IP 999.1.1.1/x ist ungültig",
        "访问时间 3.15/次",
        "visit e.g.the site",
        "Website: Preis 1.299,00/Monat",
        # a two-letter ending that is no country
        "visit thing.zz now",
    ],
)
def test_not_scheme_less_urls(text: str) -> None:
    assert run(find_urls, text) == []
