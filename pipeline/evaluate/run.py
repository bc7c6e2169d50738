"""Put gold and predictions side by side and compute every figure of the report (a plain dict,
written as JSON with --json and rendered as tables by `report.py`)."""
from __future__ import annotations

from pathlib import Path

from ..formats.predictions import Predictions, sha256

from . import baselines, entities, events, norms, semeval


def align(gold: list[dict], preds: Predictions) -> tuple[list[tuple[dict, dict]], dict]:
    """Documents present on both sides, and an account of every one that is not scored."""
    pred_docs = preds.docs
    failed = set(preds.failed())
    gold_ids = [d["doc_id"] for d in gold]
    mismatch = [d["doc_id"] for d in gold
                if d["doc_id"] in pred_docs and d["doc_id"] not in failed
                and pred_docs[d["doc_id"]].get("sha256")
                and pred_docs[d["doc_id"]]["sha256"] != sha256(d["text"])]
    excluded = failed | set(mismatch)
    pairs = [(d, pred_docs[d["doc_id"]]) for d in gold
             if d["doc_id"] in pred_docs and d["doc_id"] not in excluded]
    info = {"gold": len(gold), "pred": len(pred_docs), "scored": len(pairs),
            "gold_only": [i for i in gold_ids if i not in pred_docs],
            "pred_only": [i for i in pred_docs if i not in set(gold_ids)],
            "pred_error": [i for i in pred_docs if i in failed and i in set(gold_ids)],
            "text_mismatch": mismatch}
    return pairs, info


def in_boilerplate(span: dict, zones: list[dict]) -> bool:
    return any(z["start"] < span["end"] and span["start"] < z["end"]
               for z in zones if z.get("kind", "boilerplate") == "boilerplate")


def entity_block(docs: list[tuple[list[dict], list[dict]]], labels: list[str]) -> tuple[dict, list]:
    restricted = [(entities.restrict(g, labels), entities.restrict(p, labels)) for g, p in docs]
    result = entities.score(restricted, labels)
    # SemEval overall over the primary labels only, so a derived label counts nobody twice
    main = entities.primary(labels)
    plain = [(entities.restrict(g, main), entities.restrict(p, main)) for g, p in docs]
    return {**result.scores, "semeval": semeval.score(plain, main)}, result.pairs


def evaluate(gold: list[dict], preds: Predictions, labels: list[str],
             baseline: set[str] = frozenset(), nlp=None, triggers: Path | None = None) -> dict:
    pairs, info = align(gold, preds)
    ents, matched = entity_block([(g["entities"], p["entities"]) for g, p in pairs], labels)
    report = {
        "documents": info, "labels": list(labels),
        "entities": ents,
        "norms": norms.score(matched),
        "events": events.score([(g["events"], p["events"]) for g, p in pairs]),
        "zones": {
            "pred_entities_in_boilerplate": sum(in_boilerplate(e, g.get("zones") or [])
                                                for g, p in pairs for e in p["entities"]
                                                if e.get("label") in labels),
            "pred_events_in_boilerplate": sum(in_boilerplate(v["trigger"], g.get("zones") or [])
                                              for g, p in pairs for v in p["events"])},
        "baselines": {},
    }
    if "ginza" in baseline:
        mapping = baselines.ginza_label_map()
        found = baselines.ginza_predict(nlp, [g["text"] for g, _ in pairs], mapping)
        docs = [(g["entities"], ents) for (g, _), ents in zip(pairs, found)]
        report["baselines"]["ginza"], _ = entity_block(docs, labels)
        report["baselines"]["ginza"]["label_table"] = str(baselines.LABEL_TABLE.name)
    if "keywords" in baseline:
        words, source = baselines.load_triggers(triggers)
        scores = events.score([(g["events"], baselines.keyword_events(g["text"], words))
                               for g, _ in pairs])
        report["baselines"]["keywords"] = {"source": source, "words": len(words), **scores}
    return report
