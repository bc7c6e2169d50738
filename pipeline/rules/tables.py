"""Load and validate the rule tables in `rules/`.

Every table is a UTF-8 TSV with a header line; `#` starts a comment line, blank lines are
skipped. A bad value raises RuleError naming the file and line, so a typo in a rule file
fails at start-up with a message the rule author can act on.
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import Callable, Iterable




class RuleError(ValueError):
    """A rule file is malformed; the message starts with `path:line:`."""


Validator = Callable[[str], object]


def text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


def optional(validator: Validator) -> Validator:
    def check(value: str):
        return None if value.strip() in ("", "-") else validator(value)
    return check


def one_of(*choices: str) -> Validator:
    def check(value: str):
        if value not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return value
    return check


def number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a number") from None


def integer(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an integer") from None


def alternatives(value: str) -> tuple[str, ...]:
    """`a|b|c` → ('a', 'b', 'c'); empty items are an error."""
    items = tuple(v.strip() for v in value.split("|"))
    if not all(items):
        raise ValueError(f"empty alternative in {value!r}")
    return items


@functools.lru_cache(maxsize=None)
def _alpha3() -> frozenset[str]:
    import pycountry
    return frozenset(c.alpha_3 for c in pycountry.countries)


def country(value: str) -> str:
    """ISO 3166-1 alpha-3, checked against pycountry."""
    if value not in _alpha3():
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-3 code")
    return value


def load_table(path: Path | str, columns: dict[str, Validator]) -> list[dict]:
    """Read `path`, check its header names exactly `columns`, validate every cell.

    Returns one dict per data row, with `_line` holding the line number for later messages.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from exc
    rows = _data_lines(raw.splitlines())
    try:
        header_no, header = next(rows)
    except StopIteration:
        raise RuleError(f"{path}:1: no header line") from None
    if header != list(columns):
        raise RuleError(f"{path}:{header_no}: header {header} should be {list(columns)}")
    out = []
    for line_no, cells in rows:
        if len(cells) != len(columns):
            raise RuleError(f"{path}:{line_no}: {len(cells)} columns, expected {len(columns)}")
        row = {"_line": line_no}
        for (name, validate), cell in zip(columns.items(), cells):
            try:
                row[name] = validate(cell)
            except ValueError as exc:
                raise RuleError(f"{path}:{line_no}: column {name}: {exc}") from None
        out.append(row)
    return out


def _data_lines(lines: Iterable[str]):
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield n, next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))


def unique(rows: list[dict], key: str, path: Path | str) -> None:
    """Raise on the first row whose `key` repeats an earlier row's."""
    seen: dict = {}
    for row in rows:
        if row[key] in seen:
            raise RuleError(f"{path}:{row['_line']}: {key} {row[key]!r} already defined "
                            f"on line {seen[row[key]]}")
        seen[row[key]] = row["_line"]
