"""rules/datelines.tsv: labels that may open a dateline (公開日, 配信, date …)."""
from __future__ import annotations

from pathlib import Path

from .tables import load_table, text


def load_labels(rules_dir: Path) -> list[str]:
    return [r["label"] for r in load_table(rules_dir / "datelines.tsv", {"label": text})]
