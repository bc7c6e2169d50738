"""The document creation time: from the input, else the first dateline in the text (SPEC §2)."""
from __future__ import annotations

import datetime as dt
import re

from .textnorm import fold

_DATE = (r"(?P<y>\d{4})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
         r"|[/.\-](?P<m2>\d{1,2})[/.\-](?P<d2>\d{1,2}))")
_TAIL = r"\s*(?:[(（][^)）]{1,3}[)）])?\s*(?:\d{1,2}\s*(?:時|:)\s*\d{1,2}\s*分?)?\s*(?:更新|配信|公開)?\s*$"


def compile_dateline(labels: list[str]) -> re.Pattern:
    label = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^\s*(?:(?:{label})\s*[:：]?\s*)?{_DATE}{_TAIL}")


def find_dct(source: str, pattern: re.Pattern, max_line: int = 60) -> str | None:
    """ISO date of the first dateline, or None. Lines longer than `max_line` are prose."""
    for line in source.splitlines():
        if len(line.strip()) > max_line:
            continue
        m = pattern.match(fold(line))
        if m:
            iso = _iso(m)
            if iso:
                return iso
    return None


def _iso(m: re.Match) -> str | None:
    month, day = (m["m1"], m["d1"]) if m["m1"] else (m["m2"], m["d2"])
    try:
        return dt.date(int(m["y"]), int(month), int(day)).isoformat()
    except ValueError:
        return None
