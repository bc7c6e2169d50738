"""Entity P/R/F1 per label and overall (micro), strict (same span and label) and overlap
(one-to-one, overlapping spans, same label); and the matched pairs norm accuracy is computed on.

A derived label (DERIVED) is a view of a record label: PERSON = the ACTORs whose norm kind is
`person`, on either side, so person detection can be scored alone (ner-wikipedia's 人名 gold
carries that kind). It counts in the overall row only when its record label is not scored too.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .matching import add_counts, overlap_pairs, prf, same_key, strict_pairs

MODES = ("strict", "overlap")
DERIVED = {"PERSON": ("ACTOR", lambda e: (e.get("norm") or {}).get("kind") == "person")}


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
        for lab in primary(labels):
            total = add_counts(total, counts[m][lab])
        counts[m]["overall"] = total
    return EntityResult(counts, pairs)


def primary(labels: list[str]) -> list[str]:
    """The labels the overall row adds up: a derived label only without its record label."""
    return [lab for lab in labels if lab not in DERIVED or DERIVED[lab][0] not in labels]


def restrict(entities: list[dict], labels: list[str]) -> list[dict]:
    """The entities of `labels`; a derived label adds relabelled copies of its entities."""
    out = [e for e in entities if e.get("label") in labels]
    for lab in labels:
        if lab in DERIVED:
            base, test = DERIVED[lab]
            out += [{**e, "label": lab} for e in entities if e.get("label") == base and test(e)]
    return out
