"""ACE-style event scores (Li, Ji & Huang 2013 conventions, with overlapping rather than exact
trigger and argument spans).

- trigger identification: a predicted trigger overlaps a gold trigger (one-to-one);
- trigger classification: … and the event type is the same;
- argument identification: the argument's event is matched with classification (same type),
  and the argument span overlaps a gold argument of that gold event (one-to-one);
- argument classification: … and the role is the same.
Precision counts every predicted trigger or argument, recall every gold one. Polarity and
modality accuracy are given on classification-matched pairs where gold has a value.

Per type: trigger classification P/R/F1 of each event type (a predicted trigger counts
under its own type, a gold one under its type).

Groups (SPEC §3 `group`): a link is an unordered pair of mentions of one document that share
a group. Links are scored over the trigger-identification pairs only (a mention missed or
spurious is already counted by the trigger scores): a gold link between two matched gold
mentions is found when their two predicted mentions share a group too; precision counts the
predicted links between matched predicted mentions. A mention without `group` is a group
of its own. `lemma_baseline` is the same score for predictions grouped by trigger text and
type (the trivial grouping the issue compares against).
"""
from __future__ import annotations

from itertools import combinations

from .matching import add_counts, any_label, overlap_pairs, prf, same_key

MEASURES = ("trigger_identification", "trigger_classification",
            "argument_identification", "argument_classification")


def _triggers(events: list[dict]) -> list[dict]:
    return [{"start": e["trigger"]["start"], "end": e["trigger"]["end"], "type": e["type"], "event": e}
            for e in events]


def _arguments(event: dict) -> list[dict]:
    return [a for a in event.get("arguments") or [] if a.get("start") is not None]


def _group(event: dict, index: int):
    return event.get("group") or ("_single", index)


def group_links(gold: list[dict], pred: list[dict], pairs) -> dict:
    """Link counts over the matched mention pairs of one document."""
    tp = n_gold = n_pred = 0
    for (gi, pj), (gk, pl) in combinations(pairs, 2):
        g_link = _group(gold[gi], gi) == _group(gold[gk], gk)
        p_link = _group(pred[pj], pj) == _group(pred[pl], pl)
        n_gold += g_link
        n_pred += p_link
        tp += g_link and p_link
    return prf(tp, n_pred, n_gold)


def lemma_groups(events: list[dict]) -> list[dict]:
    """Predictions regrouped by (type, trigger text): the baseline grouping."""
    keys: dict = {}
    return [{**e, "group": keys.setdefault((e["type"], e["trigger"].get("text")
                                            or (e["trigger"]["start"], e["trigger"]["end"])),
                                           f"g{len(keys) + 1}")}
            for e in events]


def score(docs: list[tuple[list[dict], list[dict]]]) -> dict:
    """`docs`: (gold events, predicted events) for every scored document."""
    tp = dict.fromkeys(MEASURES, 0)
    per_type: dict[str, dict] = {}
    links = prf(0, 0, 0)
    base_links = prf(0, 0, 0)
    n_gold = n_pred = n_gold_args = n_pred_args = 0
    attrs = {"polarity": [], "modality": []}
    for gold, pred in docs:
        g, p = _triggers(gold), _triggers(pred)
        n_gold, n_pred = n_gold + len(g), n_pred + len(p)
        n_gold_args += sum(len(_arguments(e)) for e in gold)
        n_pred_args += sum(len(_arguments(e)) for e in pred)
        found = overlap_pairs(g, p, any_label)
        tp["trigger_identification"] += len(found)
        links = add_counts(links, group_links(gold, pred, found))
        base_links = add_counts(base_links, group_links(gold, lemma_groups(pred), found))
        typed = overlap_pairs(g, p, same_key("type"))
        tp["trigger_classification"] += len(typed)
        for t in {x["type"] for x in g + p}:
            c = per_type.setdefault(t, {"tp": 0, "pred": 0, "gold": 0})
            c["gold"] += sum(x["type"] == t for x in g)
            c["pred"] += sum(x["type"] == t for x in p)
            c["tp"] += sum(g[i]["type"] == t for i, _ in typed)
        for i, j in typed:
            ga, pa = _arguments(g[i]["event"]), _arguments(p[j]["event"])
            tp["argument_identification"] += len(overlap_pairs(ga, pa, any_label))
            tp["argument_classification"] += len(overlap_pairs(ga, pa, same_key("role")))
            for name, outcomes in attrs.items():
                if g[i]["event"].get(name):
                    outcomes.append(g[i]["event"][name] == p[j]["event"].get(name))
    out = {m: prf(tp[m], n_pred, n_gold) for m in MEASURES[:2]}
    out.update({m: prf(tp[m], n_pred_args, n_gold_args) for m in MEASURES[2:]})
    out["per_type"] = {t: prf(c["tp"], c["pred"], c["gold"]) for t, c in sorted(per_type.items())}
    out["groups"] = {**links, "lemma_baseline": base_links}
    out["attributes"] = {name: {"n": len(o), "correct": sum(o),
                                "accuracy": sum(o) / len(o) if o else None}
                         for name, o in attrs.items()}
    return out
