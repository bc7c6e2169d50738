"""rules/boilerplate.tsv: section headers that open navigation and related-article blocks."""
from __future__ import annotations

from pathlib import Path

from .tables import load_table, one_of, text


def load_headers(rules_dir: Path) -> list[tuple[str, str]]:
    rows = load_table(rules_dir / "boilerplate.tsv", {"header": text, "match": one_of("line", "prefix")})
    return [(r["header"], r["match"]) for r in rows]
