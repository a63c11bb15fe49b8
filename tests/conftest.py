"""Shared fixtures: a fresh real vault on tmp_path, a controllable clock, and helpers."""

from __future__ import annotations

import os

# Third-party entry points must not change what the suite checks.
os.environ["OWNLIVE_NO_ENTRY_POINTS"] = "1"

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from ownlive.importers.base import ImportedMessage, Importer, ImportOptions
from ownlive.vault import Vault
from ownlive.vault.ingest import ImportReport, ingest

# The same code gets the same verdict: property tests draw their examples from
# a fixed seed, so CI cannot fail on a new random draw. Hunting for new cases is
# a separate run: `HYPOTHESIS_PROFILE=explore make test` (what it finds becomes
# an @example next to the property).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 20, 10, 0, tzinfo=UTC))


@pytest.fixture
def vault(tmp_path: Path, clock: Clock) -> Iterator[Vault]:
    with Vault(tmp_path / "vault.db", clock=clock) as opened:
        yield opened


def message(
    text: str,
    *,
    conversation: str = "chat-1",
    title: str = "Chat",
    sender: str | None = "alice",
    at: datetime | None = None,
    external_id: str | None = None,
    kind: str = "text",
    is_from_me: bool = False,
) -> ImportedMessage:
    return ImportedMessage(
        conversation_key=conversation,
        conversation_title=title,
        sent_at=at or datetime(2026, 11, 19, 18, 30, tzinfo=UTC),
        text=text,
        sender_handle=sender,
        sender_name=sender.title() if sender else None,
        is_from_me=is_from_me,
        kind=kind,
        external_id=external_id,
    )


IngestHelper = Callable[..., ImportReport]


@pytest.fixture
def ingest_records(tmp_path: Path) -> IngestHelper:
    """Write records into a vault as an import from a file of `platform`."""

    def run(
        vault: Vault,
        records: Sequence[ImportedMessage],
        *,
        platform: str = "testchat",
        file_name: str = "export.txt",
        skip_invalid: bool = False,
    ) -> ImportReport:
        path = tmp_path / file_name
        if not path.exists():
            path.write_text(repr(records), encoding="utf-8")
        importer = Importer(
            name=f"{platform}_test",
            platform=platform,
            description="test records",
            sniff=lambda _path, _head: False,
            parse=lambda _path, _options: iter(records),
        )
        return ingest(
            vault,
            importer,
            path,
            importer.parse(path, ImportOptions()),
            skip_invalid=skip_invalid,
        )

    return run


def assert_access_logged(vault: Vault, expected: Sequence[tuple[str, str, str]]) -> None:
    """The log's (event, subject, scope) triples end with `expected`, in order."""
    seen = [(e.event, e.subject, e.scope) for e in vault.log_entries()]
    tail = seen[-len(expected) :] if expected else []
    assert tail == list(expected), "access log ends with:\n" + "\n".join(map(str, seen[-10:]))


@pytest.fixture
def cli_runner() -> CliRunner:
    return CliRunner()
