"""The four SemEval-2013 task 9.1 schemes (strict, exact, partial, ent_type) via `nervaluate`.

nervaluate (1.x) treats `end` as inclusive: its overlap test is `pred.start > true.end or
pred.end < true.start`. Our spans are end-exclusive, so `end - 1` goes in; passing `end` unchanged
would make adjacent spans ([0,3) and [3,5)) count as overlapping. Entities are sorted by offset
because nervaluate pairs greedily in list order.
"""
from __future__ import annotations

from nervaluate import Evaluator

SCHEMES = ("strict", "exact", "partial", "ent_type")
FIELDS = ("correct", "incorrect", "partial", "missed", "spurious", "possible", "actual",
          "precision", "recall", "f1")


def to_nervaluate(entities: list[dict]) -> list[dict]:
    return [{"label": e["label"], "start": e["start"], "end": e["end"] - 1}
            for e in sorted(entities, key=lambda e: (e["start"], e["end"]))]


def score(docs: list[tuple[list[dict], list[dict]]], labels: list[str]) -> dict:
    """{"overall": {scheme: figures}, "by_label": {label: {scheme: figures}}}."""
    true = [to_nervaluate(g) for g, _ in docs]
    pred = [to_nervaluate(p) for _, p in docs]
    results = Evaluator(true, pred, tags=list(labels), loader="dict").evaluate() if docs else {}
    overall = results.get("overall", {})
    by_label = results.get("entities", {})
    return {"overall": {s: _figures(overall.get(s)) for s in SCHEMES},
            "by_label": {lab: {s: _figures(by_label.get(lab, {}).get(s)) for s in SCHEMES}
                         for lab in labels}}


def _figures(result) -> dict:
    if result is None:      # nothing of this label on either side
        return {f: 0 if f not in ("precision", "recall", "f1") else 0.0 for f in FIELDS}
    return {f: getattr(result, f) for f in FIELDS}
