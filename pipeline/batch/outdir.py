"""The output folder: checked before any parsing, and locked so that one run writes it at a time.

A problem with the folder (a file in its place, read-only, not permitted, a full disk) is a
configuration error reported in one line before any article is read (`RunError`, code 2).
The lock is `fcntl.flock` on `OUT/.lock`: released by the kernel when the process ends, however
it ends, so a killed run never leaves a stale lock.
"""
from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from ..output.files import remove_stale, tmp_name
from .cache import CACHE

LOCK = ".lock"
PROBE_BYTES = 64 * 1024         # a disk that cannot take this is full for our purposes

# exit statuses of `run` (documented in README "Daily use" and in `run --help`)
OK, INPUTS_FAILED, USAGE, RUN_FAILED = 0, 1, 2, 3


class RunError(Exception):
    """The run cannot go on. `code` is the exit status: USAGE when nothing was touched,
    RUN_FAILED when the run stopped with the output files unchanged."""

    def __init__(self, message: str, code: int = RUN_FAILED):
        super().__init__(" ".join(message.splitlines()))
        self.code = code


def check(out_dir: Path) -> None:
    """Create the folder and prove a file can be written in it, before any parsing."""
    try:
        if out_dir.exists() and not out_dir.is_dir():
            raise RunError(f"--out {out_dir}: exists and is not a folder", USAGE)
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / CACHE).mkdir(exist_ok=True)
        _probe(out_dir)
    except OSError as exc:
        raise RunError(f"--out {out_dir}: cannot write there ({exc.strerror or exc})", USAGE) from None


def _probe(out_dir: Path) -> None:
    probe = tmp_name(out_dir / "probe")
    try:
        with open(probe, "wb") as fh:
            fh.write(b"\0" * PROBE_BYTES)
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        probe.unlink(missing_ok=True)


@contextmanager
def locked(out_dir: Path, wait: bool = True):
    """Hold OUT/.lock for the block; a second run waits (or, with wait=False, stops)."""
    path = out_dir / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise RunError(f"{path}: cannot open the lock file ({exc.strerror or exc})", USAGE) from None
    try:
        _acquire(fd, out_dir, wait)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        remove_stale(out_dir)           # leftovers of a killed run: nobody else is writing now
        yield
    finally:
        os.close(fd)                    # releases the lock


def _acquire(fd: int, out_dir: Path, wait: bool) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    who = f"another run (pid {holder})" if holder else "another run"
    if not wait:
        raise RunError(f"--out {out_dir} is in use by {who}; not waiting (--no-wait)", USAGE)
    print(f"waiting: --out {out_dir} is in use by {who}", file=sys.stderr, flush=True)
    fcntl.flock(fd, fcntl.LOCK_EX)
