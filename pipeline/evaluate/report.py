"""The evaluation report as plain-text tables; the same figures as `run.evaluate` returns."""
from __future__ import annotations

from .events import MEASURES
from .semeval import SCHEMES

SHOW_IDS = 20


def num(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def prf_cells(d: dict) -> str:
    return f"{num(d['precision']):>6} {num(d['recall']):>6} {num(d['f1']):>6}"


def ids(label: str, items: list[str]) -> str:
    shown = ", ".join(items[:SHOW_IDS]) + (f", … (+{len(items) - SHOW_IDS} more)" if len(items) > SHOW_IDS else "")
    return f"  {label}: {shown or '-'}"


def documents(info: dict) -> list[str]:
    return [f"Documents: {info['gold']} gold, {info['pred']} predicted, {info['scored']} scored "
            "(figures cover documents present on both sides)",
            ids("gold only, not predicted", info["gold_only"]),
            ids("predicted only, no gold", info["pred_only"]),
            ids("pipeline error, not scored", info["pred_error"]),
            ids("text differs from gold (sha256), not scored", info["text_mismatch"])]


def entity_table(rep: dict) -> list[str]:
    base = rep["baselines"].get("ginza")
    head = f"{'label':<8} {'gold':>5} {'pred':>5} │ {'strict P':>8} {'R':>6} {'F1':>6} │ {'overlap P':>9} {'R':>6} {'F1':>6}"
    if base:
        head += f" │ {'ginza pred':>10} {'strict F1':>9} {'overlap F1':>10}"
    lines = ["", "Entities (micro-averaged; overlap = one-to-one, overlapping span, same label)", head]
    for lab in [*rep["labels"], "overall"]:
        s, o = rep["entities"]["strict"][lab], rep["entities"]["overlap"][lab]
        row = f"{lab:<8} {s['gold']:>5} {s['pred']:>5} │ {prf_cells(s):>22} │ {prf_cells(o):>23}"
        if base:
            bs, bo = base["strict"][lab], base["overlap"][lab]
            row += f" │ {bs['pred']:>10} {num(bs['f1']):>9} {num(bo['f1']):>10}"
        lines.append(row)
    return lines


def semeval_table(rep: dict) -> list[str]:
    base = rep["baselines"].get("ginza")
    head = f"{'scheme':<9} {'COR':>5} {'INC':>5} {'PAR':>5} {'MIS':>5} {'SPU':>5} │ {'P':>6} {'R':>6} {'F1':>6}"
    head += f" │ {'ginza P':>7} {'R':>6} {'F1':>6}" if base else ""
    lines = ["", "SemEval-2013 schemes (nervaluate), all labels", head]
    for scheme in SCHEMES:
        d = rep["entities"]["semeval"]["overall"][scheme]
        row = (f"{scheme:<9} {d['correct']:>5} {d['incorrect']:>5} {d['partial']:>5} {d['missed']:>5} "
               f"{d['spurious']:>5} │ {prf_cells(d)}")
        if base:
            row += f" │ {prf_cells(base['semeval']['overall'][scheme]):>21}"
        lines.append(row)
    return lines


def acc(d: dict) -> str:
    return f"{num(d['accuracy'])} ({d['correct']}/{d['n']})"


def norm_lines(n: dict) -> list[str]:
    dist = n["PLACE"]["distance"]
    km = lambda x: "-" if x is None else f"{x:.1f} km"          # noqa: E731
    return ["", "Norms on matched pairs (strict, else overlap; pairs whose gold has a norm)",
            f"  ACTOR   country {acc(n['ACTOR']['country'])}   kind {acc(n['ACTOR']['kind'])}",
            f"  PLACE   country {acc(n['PLACE']['country'])}   distance mean {km(dist['mean_km'])}, "
            f"median {km(dist['median_km'])}, within 25 km {num(dist['within_25km'])} "
            f"(gold located {dist['n_gold_coords']}, both {dist['n_both']})",
            f"  NUMBER  value/min/max {acc(n['NUMBER']['value_min_max'])}",
            f"  DATE    value {acc(n['DATE']['value'])}"]


def event_table(rep: dict) -> list[str]:
    ev, base = rep["events"], rep["baselines"].get("keywords")
    head = f"{'measure':<24} {'gold':>5} {'pred':>5} {'tp':>5} │ {'P':>6} {'R':>6} {'F1':>6}"
    head += f" │ {'keywords P':>10} {'R':>6} {'F1':>6}" if base else ""
    lines = ["", "Events (ACE-style; arguments of type-matched events)", head]
    for m in MEASURES:
        d = ev[m]
        row = f"{m.replace('_', ' '):<24} {d['gold']:>5} {d['pred']:>5} {d['tp']:>5} │ {prf_cells(d)}"
        if base:
            row += f" │ {prf_cells(base[m]):>24}"
        lines.append(row)
    a = ev["attributes"]
    lines.append(f"  polarity {acc(a['polarity'])}   modality {acc(a['modality'])}")
    gr = ev["groups"]
    lines += ["", "Event groups (links = pairs of matched mentions in one group)",
              f"{'group links':<24} {gr['gold']:>5} {gr['pred']:>5} {gr['tp']:>5} │ {prf_cells(gr)}",
              f"{'  same-trigger baseline':<24} {gr['lemma_baseline']['gold']:>5} "
              f"{gr['lemma_baseline']['pred']:>5} {gr['lemma_baseline']['tp']:>5} │ "
              f"{prf_cells(gr['lemma_baseline'])}",
              "", "Triggers by type (classification)",
              f"{'type':<24} {'gold':>5} {'pred':>5} {'tp':>5} │ {'P':>6} {'R':>6} {'F1':>6}"]
    for t, d in ev["per_type"].items():
        lines.append(f"{t:<24} {d['gold']:>5} {d['pred']:>5} {d['tp']:>5} │ {prf_cells(d)}")
    if base:
        lines.append(f"  keyword triggers from {base['source']} ({base['words']} words)")
    return lines


def render(rep: dict) -> str:
    z = rep["zones"]
    lines = [*documents(rep["documents"]), *entity_table(rep), *semeval_table(rep),
             *norm_lines(rep["norms"]), *event_table(rep), "",
             f"Gold boilerplate zones hold {z['pred_entities_in_boilerplate']} predicted entities and "
             f"{z['pred_events_in_boilerplate']} predicted events (already counted as false positives)"]
    if "ginza" in rep["baselines"]:
        lines.append(f"GiNZA labels mapped by pipeline/evaluate/{rep['baselines']['ginza']['label_table']}")
    return "\n".join(lines) + "\n"
