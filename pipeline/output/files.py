"""Write output files so that none is ever half-written.

Rows go to a temporary file in the output folder, which is renamed over the real name only
when complete (rename is atomic on one filesystem): a crash leaves the old file or the new
one, never a truncated mix. A failed write (a full disk) removes its temporary file; one left
by a killed process is removed by the next run (`remove_stale`).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

FILES = ("documents", "entities", "events", "errors")
TMP = ".tmp-"       # temporary names are `.NAME.tmp-PID`


# Characters that str.splitlines() and some JSONL readers take for line ends; JSON escapes the
# C0 ones itself, these three pass through raw with ensure_ascii=False.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(record: dict) -> str:
    """One JSONL line: UTF-8 text as written, but never a character that reads as a line end
    (a doc_id or text holding U+0085 must not split its record)."""
    line = json.dumps(record, ensure_ascii=False)
    # translate() walks every character of a line through a dict (slower than the dumps); the
    # three searches that say there is nothing to translate cost a hundredth of that
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        return line.translate(_LINE_BREAKS)
    return line


def tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}{TMP}{os.getpid()}")


def remove_stale(folder: Path) -> int:
    """Remove temporary files of earlier runs (call while holding the folder's lock)."""
    gone = 0
    for f in folder.glob(f".*{TMP}*"):
        try:
            f.unlink(missing_ok=True)
            gone += 1
        except OSError:
            pass            # a folder of that name is none of ours
    return gone


class AtomicJsonl:
    """A text file that appears under its name only on `commit()` (or `publish()` after `finish()`)."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = tmp_name(path)
        # a lone surrogate in a string becomes its JSON escape instead of crashing the write
        self.fh = open(self.tmp, "w", encoding="utf-8", errors="backslashreplace", newline="\n")

    def write(self, row: dict) -> None:
        self.fh.write(dumps(row) + "\n")

    def write_text(self, text: str) -> None:
        self.fh.write(text)

    def finish(self) -> None:
        """Flush to disk; the file is complete but not yet under its name."""
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()

    def publish(self) -> None:
        os.replace(self.tmp, self.path)

    def commit(self) -> None:
        self.finish()
        self.publish()

    def abort(self) -> None:
        try:
            self.fh.close()
        except OSError:
            pass        # closing flushes, which fails again on a full disk
        self.tmp.unlink(missing_ok=True)


def commit_all(files: list[AtomicJsonl]) -> None:
    """Finish every file before renaming any, so a full disk changes none of them."""
    try:
        for f in files:
            f.finish()
    except BaseException:
        abort_all(files)
        raise
    for f in files:
        f.publish()


def abort_all(files: list[AtomicJsonl]) -> None:
    for f in files:
        f.abort()


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    out = AtomicJsonl(path)
    try:
        for row in rows:
            out.write(row)
        out.commit()
    except BaseException:
        out.abort()
        raise


def write_json(path: Path, obj: dict) -> None:
    write_text(path, json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


def write_text(path: Path, text: str) -> None:
    out = AtomicJsonl(path)
    try:
        out.write_text(text)
        out.commit()
    except BaseException:
        out.abort()
        raise
