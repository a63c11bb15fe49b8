"""mbox: charsets (GB2312/GBK, ISO-8859-1), HTML mail, threads, broken dates, re-imports."""

from __future__ import annotations

import json
import os
import stat
import tracemalloc
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ownlive.errors import ConsentRequired
from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record
from ownlive.importers.email import mbox
from ownlive.importers.email.html_text import html_to_text
from ownlive.importers.email.mime import codec_for, decode_header_text
from ownlive.importers.registry import SNIFF_BYTES, detect_importer, get_importer
from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault
from ownlive.vault.ingest import ingest

FIXTURES = Path(__file__).parent / "fixtures"
ALL_FIXTURES = Path(__file__).parents[1]
GOOD = ["gb2312_base64.mbox", "latin1_qp.mbox", "html_only.mbox", "alternative.mbox", "thread.mbox"]
OPTIONS = ImportOptions()


def parse(path: Path) -> list[Record]:
    return list(mbox.parse(path, OPTIONS))


def messages(name: str) -> list[ImportedMessage]:
    records = parse(FIXTURES / name)
    assert all(isinstance(r, ImportedMessage) for r in records), records
    return [r for r in records if isinstance(r, ImportedMessage)]


def line_of(name: str, needle: str) -> int:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def write_mbox(path: Path, *mails: str) -> Path:
    path.write_bytes("\n".join(m.strip("\n") + "\n" for m in mails).encode("utf-8"))
    return path


def mail(number: int, *headers: str, body: str = "Hallo!") -> str:
    head = "\n".join(headers)
    return f"From sender@example.de Mon Nov 16 10:00:{number:02d} 2026\n{head}\n\n{body}\n"


# --- sniffing -------------------------------------------------------------------


def every_fixture() -> list[Path]:
    return sorted(p for p in ALL_FIXTURES.glob("*/fixtures/*") if p.is_file())


@pytest.mark.parametrize("path", every_fixture(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_sniff_claims_exactly_the_mailboxes(path: Path) -> None:
    expected = path.parent.parent.name == "email"
    assert mbox.sniff(path, path.read_bytes()[:SNIFF_BYTES]) is expected


@pytest.mark.parametrize("name", [*GOOD, "broken_date.mbox"])
def test_detection_picks_mbox_among_all_importers(name: str) -> None:
    assert detect_importer(FIXTURES / name).name == "mbox"


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"From: Anna <anna@example.de>\nSubject: eml, not mbox\n",
        b"From here to there we walked\nand talked\n",
        b"[18.11.26, 09:12:40] Anna: From Berlin\n",
        b"BEGIN:VCALENDAR\nVERSION:2.0\n",
        b'{"locations": []}',
    ],
)
def test_sniff_rejects_other_content(head: bytes) -> None:
    assert mbox.sniff(Path("x"), head) is False


# --- what a message becomes ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "handle", "sender", "sent_at", "starts"),
    [
        (
            "gb2312_base64.mbox",
            "周五聚餐改到晚上7点",
            "chenzhe@example.cn",
            "陈喆",
            "2026-11-18T09:12:40+08:00",
            "李娜：\n\n周五聚餐改到晚上7点，地点在南京西路1266号",
        ),
        (
            "latin1_qp.mbox",
            "Terminverschiebung für nächste Woche",
            "juergen.mueller@example.de",
            "Jürgen Müller",
            "2026-11-16T17:45:03+01:00",
            "Hallo Anna,\n\nkönnen wir den Termin auf Donnerstag um 14 Uhr verschieben?",
        ),
        (
            "html_only.mbox",
            "Your order has shipped",
            "orders@shop.example.com",
            "Example Shop",
            "2026-11-17T08:02:11+00:00",
            "Hi Sam,\n\nGood news – your order #123456789 is on its way.",
        ),
        (
            "alternative.mbox",
            "Thai food on Saturday?",
            "jonas.weber@example.de",
            "Jonas Weber",
            "2026-11-19T20:15:00+01:00",
            "Hey Sam,\n\nLust auf Thai am Samstag um 19:30? The place on Kastanienallee 12",
        ),
    ],
)
def test_single_mail_fields(
    name: str, title: str, handle: str, sender: str, sent_at: str, starts: str
) -> None:
    [found] = messages(name)
    assert found.conversation_title == title
    assert (found.sender_handle, found.sender_name) == (handle, sender)
    assert found.sent_at.isoformat() == sent_at
    assert found.text.startswith(starts)
    assert found.external_id == found.conversation_key
    assert (found.kind, found.conversation_kind, found.line) == ("text", "thread", 1)


def test_gb2312_label_is_read_as_gb18030() -> None:
    # 喆 is in GBK but not in GB2312; Foxmail labels such mail gb2312 all the same.
    assert "喆".encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        "喆".encode("gbk").decode("gb2312")
    [found] = messages("gb2312_base64.mbox")
    assert found.sender_name == "陈喆"
    assert found.text.endswith("陈喆")
    assert "\ufffd" not in found.text


def test_iso_8859_1_label_is_read_as_windows_1252() -> None:
    # Outlook writes the euro sign as 0x80 and still labels the part ISO-8859-1.
    [found] = messages("latin1_qp.mbox")
    assert "Parken kostet 12,50 € pro Tag." in found.text
    assert "Viele Grüße\nJürgen" in found.text


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("gb2312", "gb18030"),
        ("GB2312", "gb18030"),
        ('"gbk"', "gb18030"),
        ("x-gbk", "gb18030"),
        ("csGB2312", "gb18030"),
        ("gb18030", "gb18030"),
        ("iso-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("ISO-8859-15", "iso8859-15"),
        ("utf-8", "utf-8"),
        ("big5", "big5"),
        ("unknown-8bit", None),
        ("no-such-charset", None),
        (None, None),
    ],
)
def test_charset_labels_map_to_codecs(label: str | None, codec: str | None) -> None:
    assert codec_for(label) == codec


@pytest.mark.parametrize(
    ("raw", "fallback", "expected"),
    [
        ("=?gb2312?B?uafPsreissY=?=", None, "恭喜发财"),
        ("=?GBK?B?s8KGtA==?=", None, "陈喆"),
        ("=?utf-8?q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=", None, "Grüße aus Köln"),
        ("=?ISO-8859-1?Q?Stra=DFe?= =?ISO-8859-1?Q?nbahn?=", None, "Straßenbahn"),
        ("Re: =?UTF-8?B?5Lya6K6u?=\n =?UTF-8?B?57qq6KaB?=", None, "Re: 会议纪要"),
        ("Plain English subject", None, "Plain English subject"),
        # Undeclared 8-bit headers: UTF-8 first, then the body's charset.
        ("K\udcc3\udcb6ln", None, "Köln"),
        ("\udcb2\udce2\udcca\udcd4", "gbk", "测试"),
    ],
)
def test_headers_decode_encoded_words_and_raw_bytes(
    raw: str, fallback: str | None, expected: str
) -> None:
    assert decode_header_text(raw, fallback) == expected


def test_html_only_mail_is_reduced_to_what_a_reader_sees() -> None:
    [found] = messages("html_only.mbox")
    assert found.text == (
        "Hi Sam,\n\nGood news – your order #123456789 is on its way.\n"
        "UPS tracking: 1Z999AA10123456784\n\n- USB-C cable × 2\n- Travel adapter\n\n"
        "Track your parcel <https://shop.example.com/track/1Z999AA10123456784>"
    )


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Hallo&nbsp;Welt</p>", "Hallo Welt"),
        ("<div>一<br>二<br/>三</div>", "一\n二\n三"),
        ("<style>.x{}</style><script>x()</script><p>sichtbar</p>", "sichtbar"),
        ("<a href='https://example.com'>https://example.com</a>", "https://example.com"),
        ("<a href='mailto:a@example.com'>schreib mir</a>", "schreib mir"),
        ("<table><tr><td>Datum</td><td>14.07.</td></tr></table>", "Datum 14.07."),
        ("<p>a</p>\n\n\n<p>b</p>", "a\n\nb"),
        ("Text &amp; &lt;mehr&gt; &#x4E2D;", "Text & <mehr> 中"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_multipart_alternative_prefers_the_plain_part() -> None:
    [found] = messages("alternative.mbox")
    assert "HTML-ONLY" not in found.text
    assert found.text.endswith("so I'd book a table.\n\nJonas")  # soft line break joined


# --- threads -----------------------------------------------------------------------


def test_thread_of_three_shares_the_root_message_id_even_when_a_reply_comes_first() -> None:
    found = messages("thread.mbox")
    assert [m.external_id for m in found] == [
        "reply-1@example.de",
        "root-1@example.com",
        "reply-2@example.de",
        "other-thread@example.cn",
    ]
    assert [m.conversation_key for m in found[:3]] == ["root-1@example.com"] * 3
    assert {m.conversation_title for m in found[:3]} == {"Projekt kickoff in Munich"}
    assert (found[3].conversation_key, found[3].conversation_title) == (
        "other-thread@example.cn",
        "发票",
    )
    assert [m.line for m in found] == [
        line_of("thread.mbox", "From anna.schmidt@example.de Tue"),
        line_of("thread.mbox", "From sam.carter@example.com Mon"),
        line_of("thread.mbox", "From juergen.mueller@example.de Tue"),
        line_of("thread.mbox", "From li.na@example.cn Wed"),
    ]


def test_sent_label_marks_the_owners_mail_and_mboxrd_quoting_is_undone() -> None:
    found = messages("thread.mbox")
    assert [m.is_from_me for m in found] == [False, True, False, False]
    assert "\nFrom our side Lisa and I will join." in found[1].text


def test_sent_at_keeps_each_senders_offset() -> None:
    offsets = [m.sent_at.utcoffset() for m in messages("thread.mbox")]
    assert offsets == [
        timedelta(hours=1),
        timedelta(hours=-8),
        timedelta(hours=1),
        timedelta(hours=8),
    ]


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Re: AW: WG: Fwd: Angebot", "Angebot"),
        ("RE[2]: Angebot", "Angebot"),
        ("Fw: Photos from Sunday", "Photos from Sunday"),
        ("Antw: Termin", "Termin"),
        ("回复：发票", "发票"),
        ("回复: 转发: 会议纪要", "会议纪要"),
        ("答复：报价单", "报价单"),
        ("Reise nach Rom", "Reise nach Rom"),
        ("Regarding: the lease", "Regarding: the lease"),
        ("", ""),
    ],
)
def test_thread_title_drops_reply_and_forward_prefixes(subject: str, title: str) -> None:
    assert mbox.thread_title(subject) == title


def test_references_name_the_root_when_the_middle_of_the_thread_is_missing(
    tmp_path: Path,
) -> None:
    path = write_mbox(
        tmp_path / "partial.mbox",
        mail(1, "Message-ID: <c@x>", "Date: Mon, 16 Nov 2026 10:00:00 +0100",
             "References: <a@x> <b@x>", "In-Reply-To: <b@x>", "Subject: AW: Re: Miete"),
        mail(2, "Message-ID: <d@x>", "Date: Mon, 16 Nov 2026 11:00:00 +0100",
             "In-Reply-To: <c@x>", "Subject: Re: AW: Re: Miete"),
    )  # fmt: skip
    found = [r for r in parse(path) if isinstance(r, ImportedMessage)]
    assert [m.conversation_key for m in found] == ["a@x", "a@x"]
    assert [m.conversation_title for m in found] == ["Miete", "Miete"]


def test_a_reference_cycle_ends(tmp_path: Path) -> None:
    path = write_mbox(
        tmp_path / "cycle.mbox",
        mail(1, "Message-ID: <a@x>", "In-Reply-To: <b@x>", "Date: Mon, 16 Nov 2026 10:00:00 +0000"),
        mail(2, "Message-ID: <b@x>", "In-Reply-To: <a@x>", "Date: Mon, 16 Nov 2026 10:01:00 +0000"),
    )
    found = [r for r in parse(path) if isinstance(r, ImportedMessage)]
    assert len(found) == 2
    assert {m.conversation_key for m in found} <= {"a@x", "b@x"}


def test_a_mail_without_message_id_is_its_own_stable_thread(tmp_path: Path) -> None:
    path = write_mbox(
        tmp_path / "noid.mbox",
        mail(
            1, "From: Li <li@example.cn>", "Date: Mon, 16 Nov 2026 10:00:00 +0800", "Subject: 你好"
        ),
    )
    first, again = parse(path), parse(path)
    assert first == again
    [found] = first
    assert isinstance(found, ImportedMessage)
    assert found.external_id is None
    assert found.conversation_key.startswith("no-message-id:")
    assert found.conversation_title == "你好"


def test_minus_zero_offset_is_utc_and_attachment_only_mail_is_an_attachment(
    tmp_path: Path,
) -> None:
    attachment = (
        "Content-Type: multipart/mixed; boundary=b1\n\n--b1\n"
        "Content-Type: application/pdf\nContent-Disposition: attachment; filename=Rechnung.pdf\n"
        "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b1--"
    )
    path = write_mbox(
        tmp_path / "files.mbox",
        mail(1, "Message-ID: <f@x>", "Date: Mon, 16 Nov 2026 10:00:00 -0000", "MIME-Version: 1.0",
             attachment.split("\n\n", 1)[0], body=attachment.split("\n\n", 1)[1]),
    )  # fmt: skip
    [found] = parse(path)
    assert isinstance(found, ImportedMessage)
    assert found.sent_at == datetime(2026, 11, 16, 10, tzinfo=UTC)
    assert found.sent_at.tzinfo == UTC
    assert (found.kind, found.text) == ("attachment", "")


# --- broken input -------------------------------------------------------------------


def test_broken_date_is_a_problem_on_the_from_line_and_the_rest_is_read() -> None:
    records = parse(FIXTURES / "broken_date.mbox")
    assert [type(r) for r in records] == [ImportedMessage, ImportProblem]
    problem = records[1]
    assert isinstance(problem, ImportProblem)
    line = line_of("broken_date.mbox", "From lisa@example.com")
    assert problem.render() == f"broken_date.mbox:{line}: Date: not an RFC 5322 date"


@pytest.mark.parametrize(
    ("date_header", "reason"),
    [
        (None, "missing"),
        ("Date: ", "missing"),
        ("Date: gestern", "not an RFC 5322 date"),
        ("Date: 32 Nov 2026 10:00:00 +0100", "not an RFC 5322 date"),
        ("Date: 明天", "not an RFC 5322 date"),
    ],
)
def test_missing_or_unreadable_dates_are_problems(
    tmp_path: Path, date_header: str | None, reason: str
) -> None:
    headers = ["Message-ID: <a@x>", "Subject: Hallo"] + ([date_header] if date_header else [])
    path = write_mbox(tmp_path / "dates.mbox", mail(1, "Message-ID: <ok@x>",
                      "Date: Mon, 16 Nov 2026 10:00:00 +0100"), mail(2, *headers))  # fmt: skip
    records = parse(path)
    assert isinstance(records[0], ImportedMessage)
    assert records[1] == ImportProblem(str(path), 7, "Date", reason)


def test_content_before_the_first_separator_is_not_an_mbox(tmp_path: Path) -> None:
    path = tmp_path / "mail.eml"
    path.write_text("From: a@example.com\nSubject: hi\n\nbody\n", encoding="utf-8")
    assert parse(path) == [
        ImportProblem(str(path), 1, "From", "not an mbox: no `From ` separator line")
    ]


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    [problem] = parse(tmp_path / "gone.mbox")
    assert isinstance(problem, ImportProblem)
    assert problem.field == "file"


def test_problems_never_quote_message_content(tmp_path: Path) -> None:
    path = write_mbox(tmp_path / "secret.mbox", mail(1, "Date: Geheimtreffen um Mitternacht"))
    [problem] = parse(path)
    assert isinstance(problem, ImportProblem)
    assert "Geheim" not in problem.render()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=(FIXTURES / "thread.mbox").stat().st_size))
def test_a_file_cut_anywhere_never_raises(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "cut.mbox"
    path.write_bytes((FIXTURES / "thread.mbox").read_bytes()[:cut])
    records = parse(path)
    assert all(isinstance(r, ImportedMessage | ImportProblem) for r in records)


def test_the_users_file_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "thread.mbox"
    path.write_bytes((FIXTURES / "thread.mbox").read_bytes())
    path.chmod(stat.S_IRUSR)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    assert len(parse(path)) == 4
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


# --- memory: one message at a time ------------------------------------------------


def write_long_mbox(path: Path, count: int) -> None:
    body = "Bitte bring die Unterlagen mit. 请带上资料。 Please bring the papers.\n" * 30
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            out.write(
                f"From a@example.de Mon Nov 16 10:00:00 2026\nMessage-ID: <m{number}@example.de>\n"
                f"In-Reply-To: <m{max(number - 1, 0)}@example.de>\n"
                f"Date: Mon, 16 Nov 2026 10:00:00 +0100\nFrom: Anna <a@example.de>\n"
                f"Subject: Re: Unterlagen\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
            )


def peak_while_streaming(path: Path) -> int:
    tracemalloc.start()
    try:
        assert sum(1 for _ in mbox.parse(path, OPTIONS))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_only_by_the_thread_index(tmp_path: Path) -> None:
    small, large = tmp_path / "small.mbox", tmp_path / "large.mbox"
    write_long_mbox(small, 100)
    write_long_mbox(large, 1_600)
    per_mail = large.stat().st_size / 1_600
    growth = (peak_while_streaming(large) - peak_while_streaming(small)) / 1_500
    # Each 2.5 KB mail adds its ids to the thread index, never its text.
    assert per_mail > 2_400
    assert growth < 400


# --- through `ownlive import` and the gate ------------------------------------------


def run_import(runner: CliRunner, vault_path: Path, path: Path) -> dict[str, object]:
    result = runner.invoke(app, ["--vault", str(vault_path), "--json", "import", str(path)])
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout)
    return report


def counts(vault_path: Path) -> tuple[int, int, int, int]:
    with Vault(vault_path) as vault:
        summary = vault.summary()
    return summary.messages, summary.conversations, summary.participants, summary.sources


def test_corrupt_file_via_cli_names_file_line_and_field_and_changes_nothing(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, FIXTURES / "thread.mbox")
    before = counts(vault_path)
    result = cli_runner.invoke(
        app, ["--vault", str(vault_path), "import", str(FIXTURES / "broken_date.mbox")]
    )
    line = line_of("broken_date.mbox", "From lisa@example.com")
    assert result.exit_code == 8
    assert result.stderr.splitlines() == [
        "Error: 1 problem(s) in the file; nothing was imported, "
        f"broken_date.mbox:{line}: Date: not an RFC 5322 date, "
        "fix the file, or pass --skip-invalid to keep the good records",
        f"  broken_date.mbox:{line}: Date: not an RFC 5322 date",
    ]
    assert "Traceback" not in result.output
    assert counts(vault_path) == before


@pytest.mark.parametrize(("name", "count"), [(n, 4 if n == "thread.mbox" else 1) for n in GOOD])
def test_importing_twice_adds_nothing_the_second_time(
    cli_runner: CliRunner, tmp_path: Path, name: str, count: int
) -> None:
    vault_path = tmp_path / "vault.db"
    first = run_import(cli_runner, vault_path, FIXTURES / name)
    after_first = counts(vault_path)
    second = run_import(cli_runner, vault_path, FIXTURES / name)
    assert (first["new"], first["present"], second["new"], second["present"]) == (
        count,
        0,
        0,
        count,
    )
    assert counts(vault_path) == after_first


def test_the_same_mail_in_two_mailboxes_is_stored_once(
    cli_runner: CliRunner, tmp_path: Path
) -> None:
    # Thunderbird keeps a sent mail in "Sent" and, once answered, in the thread's folder.
    copy = tmp_path / "Sent.mbox"
    copy.write_bytes((FIXTURES / "thread.mbox").read_bytes().split(b"\nFrom juergen")[0] + b"\n")
    vault_path = tmp_path / "vault.db"
    run_import(cli_runner, vault_path, FIXTURES / "thread.mbox")
    second = run_import(cli_runner, vault_path, copy)
    assert (second["new"], second["present"]) == (0, 2)
    assert counts(vault_path)[0] == 4


def test_mail_is_read_through_a_granted_session_only(tmp_path: Path) -> None:
    importer = get_importer("mbox")
    with Vault(tmp_path / "vault.db", clock=lambda: datetime(2026, 11, 20, tzinfo=UTC)) as vault:
        for name in GOOD:
            path = FIXTURES / name
            ingest(vault, importer, path, importer.parse(path, OPTIONS))
        with pytest.raises(ConsentRequired) as denied:
            vault.session(subject="assistant", purpose="suggest").messages(platform="email")
        assert denied.value.scope == "messages.read"
        vault.grant("messages.read", subject="assistant", purpose="suggest", platform="email")
        session = vault.session(subject="assistant", purpose="suggest")
        since = datetime(2026, 11, 17, tzinfo=timezone(timedelta(hours=1)))
        found = session.messages(since=since, search="Mittwoch")
        conversations = session.conversations(platform="email")
    assert [m.sent_at for m in found] == ["2026-11-17T09:30:00+01:00", "2026-11-17T11:05:00+01:00"]
    assert {m.platform for m in found} == {"email"}
    assert sorted(c.title for c in conversations) == sorted(
        [
            "周五聚餐改到晚上7点",
            "Terminverschiebung für nächste Woche",
            "Your order has shipped",
            "Thai food on Saturday?",
            "Projekt kickoff in Munich",
            "发票",
        ]
    )
    assert {c.kind for c in conversations} == {"thread"}
