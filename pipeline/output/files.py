"""Write output files so that none is ever half-written.

Rows go to a temporary file in the output folder, which is renamed over the real name only
when complete (rename is atomic on one filesystem): a crash leaves the old file or the new
one, never a truncated mix.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

FILES = ("documents", "entities", "events", "errors")


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


class AtomicJsonl:
    """A JSONL file that appears under its name only on `commit()`."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        self.fh = open(self.tmp, "w", encoding="utf-8", newline="\n")

    def write(self, row: dict) -> None:
        self.fh.write(dumps(row) + "\n")

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.fh.close()
        self.tmp.unlink(missing_ok=True)


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    out = AtomicJsonl(path)
    try:
        for row in rows:
            out.write(row)
    except BaseException:
        out.abort()
        raise
    out.commit()


def write_json(path: Path, obj: dict) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
