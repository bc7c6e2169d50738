"""ACE-style event scores (Li, Ji & Huang 2013 conventions, with overlapping rather than exact
trigger and argument spans).

- trigger identification: a predicted trigger overlaps a gold trigger (one-to-one);
- trigger classification: … and the event type is the same;
- argument identification: the argument's event is matched with classification (same type),
  and the argument span overlaps a gold argument of that gold event (one-to-one);
- argument classification: … and the role is the same.
Precision counts every predicted trigger or argument, recall every gold one. Polarity and
modality accuracy are given on classification-matched pairs where gold has a value.
"""
from __future__ import annotations

from .matching import any_label, overlap_pairs, prf, same_key

MEASURES = ("trigger_identification", "trigger_classification",
            "argument_identification", "argument_classification")


def _triggers(events: list[dict]) -> list[dict]:
    return [{"start": e["trigger"]["start"], "end": e["trigger"]["end"], "type": e["type"], "event": e}
            for e in events]


def _arguments(event: dict) -> list[dict]:
    return [a for a in event.get("arguments") or [] if a.get("start") is not None]


def score(docs: list[tuple[list[dict], list[dict]]]) -> dict:
    """`docs`: (gold events, predicted events) for every scored document."""
    tp = dict.fromkeys(MEASURES, 0)
    n_gold = n_pred = n_gold_args = n_pred_args = 0
    attrs = {"polarity": [], "modality": []}
    for gold, pred in docs:
        g, p = _triggers(gold), _triggers(pred)
        n_gold, n_pred = n_gold + len(g), n_pred + len(p)
        n_gold_args += sum(len(_arguments(e)) for e in gold)
        n_pred_args += sum(len(_arguments(e)) for e in pred)
        tp["trigger_identification"] += len(overlap_pairs(g, p, any_label))
        typed = overlap_pairs(g, p, same_key("type"))
        tp["trigger_classification"] += len(typed)
        for i, j in typed:
            ga, pa = _arguments(g[i]["event"]), _arguments(p[j]["event"])
            tp["argument_identification"] += len(overlap_pairs(ga, pa, any_label))
            tp["argument_classification"] += len(overlap_pairs(ga, pa, same_key("role")))
            for name, outcomes in attrs.items():
                if g[i]["event"].get(name):
                    outcomes.append(g[i]["event"][name] == p[j]["event"].get(name))
    out = {m: prf(tp[m], n_pred, n_gold) for m in MEASURES[:2]}
    out.update({m: prf(tp[m], n_pred_args, n_gold_args) for m in MEASURES[2:]})
    out["attributes"] = {name: {"n": len(o), "correct": sum(o),
                                "accuracy": sum(o) / len(o) if o else None}
                         for name, o in attrs.items()}
    return out
