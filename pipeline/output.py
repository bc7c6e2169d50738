"""Write the four output files of SPEC §3 so that none is ever half-written.

Each file is written to a temporary name in the output folder and renamed over the old one
(rename is atomic on one filesystem); a crash leaves the previous file or the new one, never
a truncated mix.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

FILES = ("documents", "entities", "events", "errors")


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(dumps(row) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_outputs(out_dir: Path, tables: dict[str, list[dict]]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        write_jsonl(out_dir / f"{name}.jsonl", tables.get(name, []))
