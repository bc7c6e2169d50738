"""Turn input paths into articles, or into one-line errors for the ones that cannot be read.

SPEC §2: `.txt` files (UTF-8 with or without BOM, CP932/Shift_JIS, EUC-JP) and `.jsonl` files
(`doc_id`, `text`, optional `dct`/`url`/`title`, other keys ignored); folders recursively,
extensions matched case-insensitively. Nothing here raises on bad input: every file, folder or
JSONL line that cannot be used becomes one InputError, and the other lines and files go on.
`Coverage` records what was actually read, so a run never prunes records of inputs it could
not read (a missing path, an unmounted disk, an unreadable subfolder).
"""
from __future__ import annotations

import hashlib
import datetime as dt
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

ENCODINGS = ("utf-8-sig", "cp932", "euc-jp")
SUFFIXES = (".txt", ".jsonl")
_DCT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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

    def __post_init__(self):
        # lone surrogates (from JSON escapes or non-UTF-8 file names) cannot be written as
        # UTF-8, and a line break would split the one-line message: escape both here
        object.__setattr__(self, "path", printable(self.path))
        object.__setattr__(self, "doc_id", None if self.doc_id is None else printable(self.doc_id))
        object.__setattr__(self, "message", " ".join(printable(self.message).splitlines()))

    def record(self) -> dict:
        return {"path": self.path, "doc_id": self.doc_id, "line": self.line,
                "error": self.error, "message": self.message}



def printable(s: str) -> str:
    """`s` with lone surrogates as `\\udXXX` escapes: always writable as UTF-8."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8")


def _utf8_ok(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _within(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


@dataclass
class Coverage:
    """What a run actually read, filled in by `read_inputs`."""
    named: list[str] = field(default_factory=list)     # absolute paths of the inputs given
    unread: list[str] = field(default_factory=list)    # inputs, subfolders, files not read
    files_read: int = 0

    def covers(self, path: str) -> bool:
        """This run read the place where `path` lives: its old records may be replaced."""
        p = os.path.abspath(path)
        return _within(p, self.named) and not _within(p, self.unread)

    def missed(self, path: str) -> bool:
        """`path` lies under an input named in this run that could not be read."""
        p = os.path.abspath(path)
        return _within(p, self.named) and _within(p, self.unread)


def walk(inputs: list[str | Path], cov: Coverage | None = None) -> Iterator[Path | InputError]:
    """Files in argument order; folders contribute their .txt/.jsonl files recursively, sorted.
    Missing inputs, unreadable subfolders and empty folders come out as errors."""
    cov = Coverage() if cov is None else cov
    for item in inputs:
        p = Path(item)
        cov.named.append(os.path.abspath(p))
        try:
            is_dir = stat.S_ISDIR(os.stat(p).st_mode)
        except FileNotFoundError:
            is_dir = False          # reported by _read_file, with the other file problems
        except OSError as exc:
            cov.unread.append(os.path.abspath(p))
            yield InputError(str(p), None, None, "unreadable", f"{p}: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _folder(p, cov)
        else:
            yield p


def _folder(root: Path, cov: Coverage) -> Iterator[Path | InputError]:
    found: list[Path] = []
    failed: list[OSError] = []
    for folder, _dirs, names in os.walk(root, onerror=failed.append):
        found.extend(Path(folder, n) for n in names if os.path.splitext(n)[1].lower() in SUFFIXES)
    for exc in failed:
        cov.unread.append(os.path.abspath(exc.filename))
        yield InputError(str(exc.filename), None, None, "unreadable",
                         f"{exc.filename}: folder not readable ({exc.strerror or exc}); "
                         "its earlier records are kept")
    if not found and not failed:
        # an unmounted disk looks exactly like an empty folder: keep what it gave before
        cov.unread.append(os.path.abspath(root))
        yield InputError(str(root), None, None, "empty_folder",
                         f"{root}: no .txt or .jsonl file in this folder; its earlier records are kept")
    yield from sorted(found)


def expand(inputs: list[str | Path]) -> list[Path]:
    """The input files of `walk`, without its errors."""
    return [p for p in walk(inputs) if isinstance(p, Path)]


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


def read_inputs(inputs: list[str | Path], cov: Coverage | None = None) -> Iterator[Article | InputError]:
    """Yield every article and every input error; a doc_id seen twice is an error the second time.
    Never raises on bad input; `cov`, if given, records what was read."""
    cov = Coverage() if cov is None else cov
    seen: dict[str, str] = {}
    for path in walk(inputs, cov):
        items = [path] if isinstance(path, InputError) else _read_file(path, cov)
        for item in items:
            if isinstance(item, Article):
                if item.doc_id in seen:
                    yield InputError(item.path, item.doc_id, item.line, "duplicate_doc_id",
                                     f"doc_id {item.doc_id!r} already read from {seen[item.doc_id]}")
                    continue
                seen[item.doc_id] = item.path + (f":{item.line}" if item.line else "")
            yield item


class NotRegular(OSError):
    pass


def open_regular(path: Path):
    """A binary file object on a regular file; a FIFO, device or socket raises NotRegular
    without blocking (opening a FIFO for reading would wait for a writer forever)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "FIFO" if stat.S_ISFIFO(mode) else "folder" if stat.S_ISDIR(mode) else "device or socket"
            raise NotRegular(f"not a regular file ({kind})")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path) -> bytes:
    with open_regular(path) as fh:
        return fh.read()


def _read_file(path: Path, cov: Coverage) -> Iterator[Article | InputError]:
    where = str(path)
    problem = _file_problem(path)
    if problem:
        cov.unread.append(os.path.abspath(path))
        kind, message = problem
        yield InputError(where, None if kind == "bad_name" else path.stem, None, kind, f"{where}: {message}")
        return
    try:
        raw = read_regular(path)
    except NotRegular as exc:
        cov.unread.append(os.path.abspath(path))
        yield InputError(where, path.stem, None, "special", f"{where}: {exc}")
        return
    except OSError as exc:
        cov.unread.append(os.path.abspath(path))
        yield InputError(where, path.stem, None, "unreadable", f"{where}: {exc.strerror or exc}")
        return
    cov.files_read += 1
    if path.suffix.lower() == ".txt":
        yield _read_txt(path, raw)
    else:
        yield from _read_jsonl(path, raw)


def _file_problem(path: Path) -> tuple[str, str] | None:
    if not _utf8_ok(str(path)):
        return "bad_name", "file name is not valid UTF-8"
    if not os.path.lexists(path):
        return "not_found", "no such file or folder"
    if path.suffix.lower() not in SUFFIXES:
        return "unsupported", f"unsupported input type {path.suffix!r} (use .txt or .jsonl)"
    return None


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
    """One item per non-blank line. Lines are decoded one by one, so one undecodable line or
    one NUL byte costs that line only."""
    where = str(path)
    # split on \n only: a CR inside a JSON string is escaped, and CRLF files keep working
    lines = raw.split(b"\n")
    enc = _jsonl_encoding(raw, lines)
    for n, data in enumerate(lines, 1):
        try:
            line = data.decode(enc)
        except UnicodeDecodeError as exc:
            yield InputError(where, None, n, "decode",
                             f"{where}:{n}: not {enc} text (bad byte at column {exc.start + 1})")
            continue
        if n == 1:
            line = line.removeprefix("\ufeff")
        if line.strip():
            yield _parse_jsonl_line(where, n, line)


def _jsonl_encoding(raw: bytes, lines: list[bytes]) -> str:
    """UTF-8, unless the whole file is CP932 or EUC-JP and no line of it is non-ASCII UTF-8."""
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if any(not line.isascii() and _decodes(line, "utf-8") for line in lines):
        return "utf-8"          # a UTF-8 file with some bad lines: those lines are the errors
    for enc in ENCODINGS[1:]:
        if _decodes(raw, enc):
            return enc
    return "utf-8"


def _decodes(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
    except UnicodeDecodeError:
        return False
    return True


def _parse_jsonl_line(where: str, n: int, line: str) -> Article | InputError:
    try:
        obj = json.loads(line)
    except RecursionError:
        return InputError(where, None, n, "json", f"{where}:{n}: malformed JSON (nested too deeply)")
    except ValueError as exc:      # JSONDecodeError, and ints past the 4300-digit limit
        return InputError(where, None, n, "json", f"{where}:{n}: malformed JSON ({getattr(exc, 'msg', exc)})")
    return _article_of(where, n, obj)


def _article_of(where: str, n: int, obj) -> Article | InputError:
    if not isinstance(obj, dict):
        return InputError(where, None, n, "json", f"{where}:{n}: a line must be a JSON object")
    doc_id = obj.get("doc_id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or str(doc_id) == "":
        return InputError(where, None, n, "missing_doc_id", f"{where}:{n}: no doc_id")
    doc_id = str(doc_id)
    if _bad_string(doc_id):
        return InputError(where, None, n, "bad_doc_id",
                          f"{where}:{n}: doc_id {doc_id!r} holds {_bad_string(doc_id)}")
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(where, doc_id, n, "missing_text", f"{where}:{n}: no text for {doc_id!r}")
    if _bad_string(text):
        return InputError(where, doc_id, n, "bad_text", f"{where}:{n}: text of {doc_id!r} holds {_bad_string(text)}")
    if not text.strip():
        return InputError(where, doc_id, n, "empty", f"{where}:{n}: empty text for {doc_id!r}")
    dct = obj.get("dct")
    if dct is not None and not _valid_date(dct):
        return InputError(where, doc_id, n, "bad_dct", f"{where}:{n}: dct {dct!r} is not a YYYY-MM-DD date")
    return Article(doc_id, where, text, dct, n)


def _bad_string(s: str) -> str | None:
    """Why `s` cannot be processed: a lone surrogate (not UTF-8) or a NUL (binary, as for .txt)."""
    if not _utf8_ok(s):
        return "a lone surrogate (\\ud800-\\udfff), which is no UTF-8 text"
    if "\x00" in s:
        return "a NUL character"
    return None


def _valid_date(value) -> bool:
    if not (isinstance(value, str) and _DCT.fullmatch(value)):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
