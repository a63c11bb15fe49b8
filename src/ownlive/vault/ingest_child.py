"""Parsing a big export in a child process while this one writes it.

Parsing and preparing a row (times, content hash) cost about as much as
inserting it, and both are Python: on one thread they add up, in two
processes they overlap. (A second thread does not help: SQLite hands the GIL
back for every row, measured in `ingest_writer`.) The child is forked, so it
shares the importer and options as they are, and sends the prepared batches
back pickled through a pipe; the parent alone touches the vault, so the one
transaction per file and its rollback are unchanged. Small files stay on one
process: forking costs more than it saves below a few megabytes.

If the parent dies (kill -9), the kernel kills the child too (PR_SET_PDEATHSIG;
failing that, its next send fails on the broken pipe and it exits); if the
child dies, the parent raises ImportFailed and the transaction rolls back.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection as PipeEnd
from pathlib import Path
from typing import Any, TypeVar

from ownlive.errors import ImportFailed
from ownlive.importers.base import Importer, ImportOptions

# Below this a file parses in well under a second on one process.
CHILD_MIN_BYTES = 8 << 20

_BATCH, _DONE, _FAILED = 0, 1, 2

Batch = TypeVar("Batch")
Producer = Callable[[Importer, Path, ImportOptions], Iterable[Batch]]


def worth_a_child(path: Path) -> bool:
    """Whether `path` is big enough, and the machine able, to parse in a child process."""
    if not sys.platform.startswith("linux") or usable_cores() < 2:
        # fork is the only start method that shares the importer without
        # pickling it; Linux is where forking a Python process is safe.
        return False
    try:
        return path.stat().st_size >= CHILD_MIN_BYTES
    except OSError:
        return False


def usable_cores() -> int:
    """Cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def parsed_in_child(
    importer: Importer, path: Path, options: ImportOptions, produce: Producer[Batch]
) -> Iterator[Batch]:
    """What `produce(importer, path, options)` yields, produced in a forked child."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child_main,
        args=(sender, os.getpid(), produce, importer, path, options),
        name="ownlive-import-parser",
        daemon=True,
    )
    child.start()
    sender.close()  # the parent keeps only its end: EOF when the child is gone
    try:
        while True:
            try:
                # Our own child's bytes, over a pipe only the two processes hold.
                kind, body = pickle.loads(receiver.recv_bytes())  # noqa: S301
            except EOFError:
                raise _failed(path, f"exit status {child.exitcode}") from None
            if kind == _DONE:
                return
            if kind == _FAILED:
                raise _failed(path, body)
            yield body
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()


def _failed(path: Path, why: Any) -> ImportFailed:
    return ImportFailed(
        f"the parser process stopped ({why}); nothing was imported",
        path.name,
        "run the import again; if it stops again, please report it",
    )


def _child_main(
    sender: PipeEnd,
    parent: int,
    produce: Producer[Batch],
    importer: Importer,
    path: Path,
    options: ImportOptions,
) -> None:
    _die_with_parent(parent)
    try:
        for batch in produce(importer, path, options):
            sender.send_bytes(pickle.dumps((_BATCH, batch), pickle.HIGHEST_PROTOCOL))
        sender.send_bytes(pickle.dumps((_DONE, None)))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the parent is gone: nobody is left to tell
    except BaseException as error:
        # Only the exception's type: its message may quote the user's data.
        with contextlib.suppress(OSError):
            sender.send_bytes(pickle.dumps((_FAILED, type(error).__name__)))
    finally:
        sender.close()


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when the parent dies, even mid-parse."""
    pr_set_pdeathsig = 1
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the request took hold
        os._exit(0)
