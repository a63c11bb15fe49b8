"""What the WeChat importer tests share: the fixture files, which layout each is, helpers.

The fixtures are small exports written for these tests in each tool's layout
(see the module docstrings under src/ownlive/importers/wechat/); none is
copied from a public sample.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from ownlive.importers.base import ImportedMessage, ImportOptions, ImportProblem, Record
from ownlive.importers.registry import read_head, registered_importers
from ownlive.surfaces.cli.app import app
from ownlive.vault import Vault

FIXTURES = Path(__file__).parent / "fixtures"
SHANGHAI = ImportOptions(tz=ZoneInfo("Asia/Shanghai"), tz_name="Asia/Shanghai")

# Every fixture file and the importer that must claim it (None: no WeChat importer may).
FIXTURE_FORMATS: dict[str, str | None] = {
    "wxid_lihua1990_0_5001.csv": "wechat_pywxdump_csv",
    "20958733221@chatroom_0_5001.csv": "wechat_pywxdump_csv",
    "wxid_broken_createtime.csv": "wechat_pywxdump_csv",
    "wxid_lihua1990_0_5001.json": "wechat_pywxdump_json",
    "20958733221@chatroom_0_5001.json": "wechat_pywxdump_json",
    "truncated_0_5001.json": "wechat_pywxdump_json",
    "李华_utf8.csv": "wechat_wechatmsg_csv",
    "周末徒步群_utf8.csv": "wechat_wechatmsg_csv",
    "王芳_utf8.csv": "wechat_wechatmsg_csv",
    "坏时间_utf8.csv": "wechat_wechatmsg_csv",
    "李华.txt": "wechat_wechatmsg_txt",
    "周末徒步群.txt": "wechat_wechatmsg_txt",
    "坏日期.txt": "wechat_wechatmsg_txt",
    "wrong_header.csv": None,
    "unrelated.csv": None,
    "contacts.csv": None,
    "notes.json": None,
    "server.log": None,
}


def parse(module: ModuleType, name: str, options: ImportOptions = SHANGHAI) -> list[Record]:
    return list(module.parse(FIXTURES / name, options))


def messages(module: ModuleType, name: str) -> list[ImportedMessage]:
    found = parse(module, name)
    problems = [r.render() for r in found if isinstance(r, ImportProblem)]
    assert not problems, problems
    return [r for r in found if isinstance(r, ImportedMessage)]


def problems(module: ModuleType, name: str) -> list[ImportProblem]:
    return [r for r in parse(module, name) if isinstance(r, ImportProblem)]


def check_sniff(module: ModuleType, name: str) -> None:
    path = FIXTURES / name
    assert module.sniff(path, read_head(path)) is (FIXTURE_FORMATS[name] == module.NAME)


def check_detected(module: ModuleType, name: str) -> None:
    """Of all registered importers (WeChat and others), only `module`'s claims the file."""
    path = FIXTURES / name
    head = read_head(path)
    claiming = [imp.name for imp in registered_importers().values() if imp.sniff(path, head)]
    assert claiming == [module.NAME]


@dataclass(frozen=True)
class Cli:
    runner: CliRunner
    vault_path: Path

    def run(self, *args: str) -> tuple[int, str, str]:
        result = self.runner.invoke(app, ["--vault", str(self.vault_path), *args])
        return result.exit_code, result.stdout, result.stderr

    def import_file(self, name: str, *extra: str) -> tuple[int, str, str]:
        return self.run("import", str(FIXTURES / name), "--tz", "Asia/Shanghai", *extra)

    def counts(self) -> tuple[int, int, int, int, int]:
        with Vault(self.vault_path) as vault:
            s = vault.summary()
        return s.sources, s.conversations, s.participants, s.messages, s.log_entries


@pytest.fixture
def cli(tmp_path: Path, cli_runner: CliRunner) -> Cli:
    return Cli(cli_runner, tmp_path / "vault.db")


def check_corrupt_import_changes_nothing(
    cli: Cli, good: str, broken: str, problem_line: str
) -> None:
    """A broken file fails the whole import: non-zero exit, the line named, nothing written."""
    assert cli.import_file(good)[0] == 0
    before = cli.counts()
    code, out, err = cli.import_file(broken)
    assert code == 8
    lines = err.splitlines()
    assert lines[0] == (
        "Error: 1 problem(s) in the file; nothing was imported, "
        f"{problem_line}, fix the file, or pass --skip-invalid to keep the good records"
    )
    assert lines[1] == f"  {problem_line}"
    assert "Traceback" not in out + err
    assert cli.counts() == before


def check_import_twice(cli: Cli, name: str, expected: int) -> None:
    code, out, _ = cli.import_file(name)
    assert code == 0, out
    assert f"{expected} new, 0 already present, 0 problem(s)" in " ".join(out.split())
    first = cli.counts()
    code, out, _ = cli.import_file(name)
    assert code == 0, out
    assert f"0 new, {expected} already present, 0 problem(s)" in " ".join(out.split())
    sources, conversations, participants, message_count, _ = cli.counts()
    assert (sources, conversations, participants, message_count) == first[:4]


Writer = Callable[[Path, int], None]


def peak_memory_while_parsing(module: ModuleType, path: Path) -> tuple[int, int]:
    """(records, peak bytes allocated) while streaming `path` without keeping records."""
    count = 0
    tracemalloc.start()
    try:
        records: Iterator[Record] = module.parse(path, SHANGHAI)
        for record in records:
            assert isinstance(record, ImportedMessage), record
            count += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return count, peak


def check_opens_read_only(module: ModuleType, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's file is only ever opened for reading."""
    modes: list[str] = []
    real_open = Path.open

    def recording_open(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        modes.append(mode)
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", recording_open)
    assert parse(module, name)
    assert modes
    assert all(set(mode) <= {"r", "b", "t"} for mode in modes), modes
