"""Entity P/R/F1 per label and overall (micro), strict (same span and label) and overlap
(one-to-one, overlapping spans, same label); and the matched pairs norm accuracy is computed on."""
from __future__ import annotations

from dataclasses import dataclass, field

from .matching import add_counts, overlap_pairs, prf, same_key, strict_pairs

MODES = ("strict", "overlap")


@dataclass
class EntityResult:
    scores: dict                                     # mode → label|"overall" → prf
    pairs: list[tuple[dict, dict, bool]] = field(default_factory=list)   # (gold, pred, exact span)


def score(docs: list[tuple[list[dict], list[dict]]], labels: list[str]) -> EntityResult:
    """`docs`: (gold entities, predicted entities) for every scored document."""
    counts = {m: {lab: prf(0, 0, 0) for lab in labels} for m in MODES}
    pairs = []
    same_label = same_key("label")
    for gold, pred in docs:
        for lab in labels:
            g = [e for e in gold if e["label"] == lab]
            p = [e for e in pred if e["label"] == lab]
            strict = strict_pairs(g, p, same_label)
            loose = overlap_pairs(g, p, same_label)
            counts["strict"][lab] = add_counts(counts["strict"][lab], prf(len(strict), len(p), len(g)))
            counts["overlap"][lab] = add_counts(counts["overlap"][lab], prf(len(loose), len(p), len(g)))
            exact = set(strict)
            pairs += [(g[i], p[j], (i, j) in exact) for i, j in loose]
    for m in MODES:
        total = prf(0, 0, 0)
        for lab in labels:
            total = add_counts(total, counts[m][lab])
        counts[m]["overall"] = total
    return EntityResult(counts, pairs)


def restrict(entities: list[dict], labels: list[str]) -> list[dict]:
    return [e for e in entities if e.get("label") in labels]
