"""One-to-one span matching and P/R/F1.

Spans are (start, end) code points, end-exclusive. `strict_pairs` pairs identical spans;
`overlap_pairs` keeps those and then pairs the rest by any overlap, maximising the number of pairs
(augmenting paths), trying larger overlaps first so the pairing is the natural one when there
is a choice.
"""
from __future__ import annotations

from typing import Callable, Sequence

Pair = tuple[int, int]          # (gold index, pred index)
Same = Callable[[dict, dict], bool]


def any_label(g: dict, p: dict) -> bool:
    return True


def same_key(key: str) -> Same:
    return lambda g, p: g.get(key) == p.get(key)


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def strict_pairs(gold: Sequence[dict], pred: Sequence[dict], same: Same = any_label) -> list[Pair]:
    free = {}
    for j, p in enumerate(pred):
        free.setdefault((p["start"], p["end"]), []).append(j)
    pairs = []
    for i, g in enumerate(gold):
        for j in free.get((g["start"], g["end"]), []):
            if same(g, pred[j]):
                pairs.append((i, j))
                free[(g["start"], g["end"])].remove(j)
                break
    return pairs


def overlap_pairs(gold: Sequence[dict], pred: Sequence[dict], same: Same = any_label) -> list[Pair]:
    fixed = strict_pairs(gold, pred, same)
    used_g, used_p = {i for i, _ in fixed}, {j for _, j in fixed}
    options = {i: sorted((j for j, p in enumerate(pred)
                          if j not in used_p and overlap(g, p) > 0 and same(g, p)),
                         key=lambda j: (-overlap(g, pred[j]), pred[j]["start"]))
               for i, g in enumerate(gold) if i not in used_g}
    owner: dict[int, int] = {}          # pred index → gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in options:
        augment(i, set())
    return sorted(fixed + [(i, j) for j, i in owner.items()])


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision and recall are 0.0 when their denominator is 0 (nothing predicted / nothing to find)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def add_counts(a: dict, b: dict) -> dict:
    return prf(a["tp"] + b["tp"], a["pred"] + b["pred"], a["gold"] + b["gold"])
