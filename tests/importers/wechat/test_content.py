"""Readable text from WeChat's raw message content (XML snippets, system markup)."""

from __future__ import annotations

import pytest

from ownlive.importers.wechat.content import attribute, describe, system_text, tag_text

QUOTE = (
    '<msg><appmsg appid="" sdkver="0"><title>就去第三家吧</title><type>57</type>'
    "<refermsg><type>49</type><displayname>李华</displayname><content>&lt;msg&gt;&lt;appmsg&gt;"
    "&lt;title&gt;上海周末去哪儿&lt;/title&gt;&lt;/appmsg&gt;&lt;/msg&gt;</content></refermsg>"
    "</appmsg></msg>"
)


@pytest.mark.parametrize(
    ("type_code", "sub_type", "raw", "kind", "text"),
    [
        (1, 0, "明天晚上7点在南京西路1266号见", "text", "明天晚上7点在南京西路1266号见"),
        (1, 0, "<b>kein XML</b>, nur Text", "text", "<b>kein XML</b>, nur Text"),
        (
            3,
            0,
            '<?xml version="1.0"?>\n<msg>\n\t<img aeskey="ab" length="1" />\n</msg>\n',
            "image",
            "[图片]",
        ),
        (
            34,
            0,
            '<msg><voicemsg voiceformat="4" voicelength="2980" /></msg>',
            "voice",
            "[语音] 3秒",
        ),
        (34, 0, '<msg><voicemsg voicelength="300" /></msg>', "voice", "[语音] 1秒"),
        (34, 0, "", "voice", "[语音]"),
        (43, 0, '<msg><videomsg playlength="12" /></msg>', "video", "[视频]"),
        (47, 0, '<msg><emoji md5="aa" /></msg>', "sticker", "[表情]"),
        (
            48,
            0,
            '<msg><location x="31.2" y="121.4" label="上海市静安区南京西路1266号" '
            'poiname="恒隆广场" /></msg>',
            "location",
            "[位置] 恒隆广场 上海市静安区南京西路1266号",
        ),
        (42, 0, '<msg username="wxid_x" nickname="Jonas Müller" />', "link", "[名片] Jonas Müller"),
        (
            49,
            5,
            "<msg><appmsg><title>Berlin &amp; Umgebung</title><des>Tipps</des>"
            "<url>https://example.de/berlin</url></appmsg></msg>",
            "link",
            "[链接] Berlin & Umgebung\nhttps://example.de/berlin",
        ),
        (49, 5, "", "link", "[链接]"),
        (
            49,
            6,
            "<msg><appmsg><title>Reiseplan.pdf</title></appmsg></msg>",
            "file",
            "[文件] Reiseplan.pdf",
        ),
        (49, 57, QUOTE, "quote", "就去第三家吧\n[引用] 李华: 上海周末去哪儿"),
        (49, 57, "", "quote", "[引用]"),
        (
            49,
            2000,
            "<msg><appmsg><title>微信转账</title><wcpayinfo><feedesc><![CDATA[￥200.00]]></feedesc>"
            "<pay_memo><![CDATA[火锅AA]]></pay_memo></wcpayinfo></appmsg></msg>",
            "transfer",
            "[转账] ￥200.00 火锅AA",
        ),
        (
            49,
            2001,
            "<msg><appmsg><title>恭喜发财，大吉大利</title></appmsg></msg>",
            "transfer",
            "[红包] 恭喜发财，大吉大利",
        ),
        (49, 1, "<msg><appmsg><title>pasted text</title></appmsg></msg>", "text", "pasted text"),
        (
            50,
            0,
            '<voipmsg type="VoIPBubbleMsg"><VoIPBubbleMsg><msg><![CDATA[通话时长 02:15]]></msg>'
            "</VoIPBubbleMsg></voipmsg>",
            "call",
            "[通话] 通话时长 02:15",
        ),
        (
            10000,
            0,
            "你已添加了李华，现在可以开始聊天了。",
            "system",
            "你已添加了李华，现在可以开始聊天了。",
        ),
        (
            10000,
            0,
            '<![CDATA[你撤回了一条消息 <a href="weixin://revoke_edit_click">重新编辑</a>]]>',
            "recall",
            "你撤回了一条消息",
        ),
        (
            10002,
            0,
            '<sysmsg type="revokemsg"><revokemsg><session>wxid_lihua1990</session><msgid>1</msgid>'
            '<replacemsg><![CDATA["李华" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>',
            "recall",
            '"李华" 撤回了一条消息',
        ),
        (
            77777,
            0,
            "<msg><appmsg><title>Neues Format</title></appmsg></msg>",
            "text",
            "Neues Format",
        ),
        (77777, 3, "<msg><weird/></msg>", "text", "[消息 77777/3]"),
    ],
)
def test_describe(type_code: int, sub_type: int, raw: str, kind: str, text: str) -> None:
    assert describe(type_code, sub_type, raw) == (kind, text)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<revokemsg>你撤回了一条消息</revokemsg>", "你撤回了一条消息"),
        ('"李华"邀请"Jonas"加入了群聊', '"李华"邀请"Jonas"加入了群聊'),
        (
            '<sysmsg type="pat"><pat><fromusername>wxid_a</fromusername>'
            '<template><![CDATA["${wxid_a}" 拍了拍我]]></template></pat></sysmsg>',
            '"${wxid_a}" 拍了拍我',
        ),
        (
            "<sysmsg><foo>Gruppe\n umbenannt</foo> <bar>in &quot;Wandern&quot;</bar></sysmsg>",
            'Gruppe umbenannt in "Wandern"',
        ),
        ("  You recalled a message  ", "You recalled a message"),
    ],
)
def test_system_text(raw: str, text: str) -> None:
    assert system_text(raw) == text


def test_tag_text_and_attribute_miss_quietly() -> None:
    assert tag_text("<msg><title>x</title></msg>", "url") == ""
    assert attribute('<msg><img length="1"/></msg>', "img", "md5") == ""
    assert attribute('<msg><img md5="a&amp;b" /></msg>', "img", "md5") == "a&b"
    # Malformed XML still yields what is there (WeChat's is not always well formed).
    assert tag_text("<msg><title>halb<title>offen</title>", "title") == "halb offen"
