"""Turn input paths into articles, or into one-line errors for the ones that cannot be read.

SPEC §2: `.txt` files (UTF-8 with or without BOM, CP932/Shift_JIS, EUC-JP) and `.jsonl` files
(`doc_id`, `text`, optional `dct`/`url`/`title`, other keys ignored); folders recursively.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ENCODINGS = ("utf-8-sig", "cp932", "euc-jp")
SUFFIXES = (".txt", ".jsonl")
_DCT = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Article:
    doc_id: str
    path: str
    text: str
    dct: str | None = None          # from the input; the text's dateline is read later
    line: int | None = None         # line number inside a .jsonl input

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class InputError:
    path: str
    doc_id: str | None
    line: int | None
    error: str      # a short machine-readable kind
    message: str    # one human-readable line

    def record(self) -> dict:
        return {"path": self.path, "doc_id": self.doc_id, "line": self.line,
                "error": self.error, "message": self.message}


def expand(inputs: list[str | Path]) -> list[Path]:
    """Files in argument order; folders contribute their .txt/.jsonl files recursively, sorted."""
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in SUFFIXES))
        else:
            files.append(p)
    return files


def decode(raw: bytes) -> str:
    """Decode with the first encoding of ENCODINGS that fits; binary input is refused."""
    if b"\x00" in raw:
        raise ValueError("binary file (contains NUL bytes)")
    for enc in ENCODINGS:
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValueError("undecodable bytes: not UTF-8, CP932/Shift_JIS or EUC-JP")


def read_inputs(inputs: list[str | Path]) -> Iterator[Article | InputError]:
    """Yield every article and every input error; a doc_id seen twice is an error the second time."""
    seen: dict[str, str] = {}
    for path in expand(inputs):
        for item in _read_file(path):
            if isinstance(item, Article):
                if item.doc_id in seen:
                    yield InputError(item.path, item.doc_id, item.line, "duplicate_doc_id",
                                     f"doc_id {item.doc_id!r} already read from {seen[item.doc_id]}")
                    continue
                seen[item.doc_id] = item.path + (f":{item.line}" if item.line else "")
            yield item


def _read_file(path: Path) -> Iterator[Article | InputError]:
    where = str(path)
    if not path.exists():
        yield InputError(where, None, None, "not_found", f"{where}: no such file or folder")
        return
    if path.suffix not in SUFFIXES:
        yield InputError(where, path.stem, None, "unsupported",
                         f"{where}: unsupported input type {path.suffix!r} (use .txt or .jsonl)")
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield InputError(where, path.stem, None, "unreadable", f"{where}: {exc.strerror}")
        return
    if path.suffix == ".txt":
        yield _read_txt(path, raw)
    else:
        yield from _read_jsonl(path, raw)


def _read_txt(path: Path, raw: bytes) -> Article | InputError:
    where = str(path)
    try:
        text = decode(raw)
    except ValueError as exc:
        return InputError(where, path.stem, None, "decode", f"{where}: {exc}")
    if not text.strip():
        return InputError(where, path.stem, None, "empty", f"{where}: empty article")
    return Article(path.stem, where, text)


def _read_jsonl(path: Path, raw: bytes) -> Iterator[Article | InputError]:
    where = str(path)
    try:
        content = decode(raw)
    except ValueError as exc:
        yield InputError(where, None, None, "decode", f"{where}: {exc}")
        return
    # split on \n only: a CR inside a JSON string is escaped, and CRLF files keep working
    for n, line in enumerate(content.split("\n"), 1):
        if line.strip():
            yield _parse_jsonl_line(where, n, line)


def _parse_jsonl_line(where: str, n: int, line: str) -> Article | InputError:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return InputError(where, None, n, "json", f"{where}:{n}: malformed JSON ({exc.msg})")
    if not isinstance(obj, dict):
        return InputError(where, None, n, "json", f"{where}:{n}: a line must be a JSON object")
    doc_id = obj.get("doc_id")
    if not isinstance(doc_id, (str, int)) or str(doc_id) == "":
        return InputError(where, None, n, "missing_doc_id", f"{where}:{n}: no doc_id")
    doc_id = str(doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(where, doc_id, n, "missing_text", f"{where}:{n}: no text for {doc_id!r}")
    if not text.strip():
        return InputError(where, doc_id, n, "empty", f"{where}:{n}: empty text for {doc_id!r}")
    dct = obj.get("dct")
    if dct is not None and not (isinstance(dct, str) and _DCT.fullmatch(dct)):
        return InputError(where, doc_id, n, "bad_dct", f"{where}:{n}: dct {dct!r} is not YYYY-MM-DD")
    return Article(doc_id, where, text, dct, n)
