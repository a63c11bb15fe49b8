"""A real CalDAV server for the tests: Radicale on a free loopback port, one calendar per test.

The server runs as a subprocess (`python -m radicale`) with its storage in a
temporary folder, htpasswd authentication with a plain-text users file, and
no configuration files of the machine (`--config` with no value). Every wait
is bounded; the process is stopped at the end of the session.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from caldav.collection import Calendar as DavCalendar
from caldav.davclient import DAVClient

from ownlive.suggest.caldav_writer import CalDavSettings

USER, PASSWORD = "mia", "correct horse"
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Radicale:
    url: str  # http://127.0.0.1:PORT/
    folder: Path

    def client(self, password: str = PASSWORD) -> DAVClient:
        return DAVClient(
            url=self.url, username=USER, password=password, timeout=10, enable_rfc6764=False
        )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("radicale exited at start:\n" + log.read_text(errors="replace"))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"radicale did not listen within {START_TIMEOUT_S} s")


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    folder = tmp_path_factory.mktemp("radicale")
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    port = free_port()
    log = folder / "radicale.log"
    command = [
        sys.executable,
        "-m",
        "radicale",
        "--config",  # no value: no configuration file of this machine is read
        "--server-hosts",
        f"127.0.0.1:{port}",
        "--storage-filesystem-folder",
        str(folder / "collections"),
        "--auth-type",
        "htpasswd",
        "--auth-htpasswd-filename",
        str(users),
        "--auth-htpasswd-encryption",
        "plain",
        "--auth-delay",
        "0",  # Radicale waits after a failed login; the wrong-password test needs no wait
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_until_listening(process, port, log)
        yield Radicale(f"http://127.0.0.1:{port}/", folder)
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)


@pytest.fixture
def caldav_calendar(radicale: Radicale) -> Iterator[DavCalendar]:
    """A fresh calendar on the server (MKCALENDAR), as a caldav client sees it."""
    with radicale.client() as client:
        calendar = client.principal().make_calendar(name="Personal", cal_id=uuid.uuid4().hex)
        yield calendar


def settings_for(calendar: DavCalendar, **changes: str | None) -> CalDavSettings:
    values: dict[str, str | None] = {"username": USER, "password": PASSWORD, "timezone": None}
    values.update(changes)
    return CalDavSettings(str(calendar.url), **values)
