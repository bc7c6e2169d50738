"""One article's body zones rendered by displaCy with entities and triggers highlighted.

displaCy's `ent` style takes non-overlapping spans (entities never overlap each other, and
triggers are not inside entities); the norm of each span goes into a `title` so it shows on
hover, added to displaCy's `<mark>` elements in the order they were rendered.
"""
from __future__ import annotations

import html
import json

from spacy import displacy

ENTITY_COLORS = {"ACTOR": "#aee3f5", "PLACE": "#c6f0b0", "NUMBER": "#f9e79f", "DATE": "#e8d5f5"}
TRIGGER_COLOR = "#ffb3a7"
MARK = '<mark class="entity"'


def entity_span(ent: dict) -> dict:
    norm = json.dumps(ent.get("norm"), ensure_ascii=False, sort_keys=True)
    return {"start": ent["start"], "end": ent["end"], "label": ent["label"],
            "title": f"{ent['id']} {ent['label']} {norm} (rule {ent.get('rule')})", "anchor": None}


def trigger_span(ev: dict) -> dict:
    args = "; ".join(f"{a['role']}: {a['text']}" for a in ev.get("arguments", []))
    group = ev.get("group") or ev["id"]
    title = (f"{ev['id']} {ev['type']} · group {group} · {args or 'no arguments'} · date {ev.get('date')} "
             f"· {ev.get('polarity')}, {ev.get('modality')} (rule {ev.get('rule')})")
    return {"start": ev["trigger"]["start"], "end": ev["trigger"]["end"], "label": ev["type"],
            "title": title, "anchor": f"{ev['doc_id']}-{ev['id']}"}


def spans_in(zone: dict, spans: list[dict]) -> list[dict]:
    """Spans inside the zone, sorted, overlapping ones after the first dropped (displaCy needs that)."""
    inside = sorted((s for s in spans if zone["start"] <= s["start"] and s["end"] <= zone["end"]),
                    key=lambda s: (s["start"], -s["end"]))
    kept: list[dict] = []
    for s in inside:
        if not kept or s["start"] >= kept[-1]["end"]:
            kept.append(s)
    return kept


def _with_titles(rendered: str, spans: list[dict]) -> str:
    pieces = rendered.split(MARK)
    out = [pieces[0]]
    for span, piece in zip(spans, pieces[1:]):
        anchor = f' id="{html.escape(span["anchor"])}"' if span["anchor"] else ""
        out.append(f'{MARK}{anchor} title="{html.escape(span["title"], quote=True)}"{piece}')
    return "".join(out)


def render_zone(text: str, zone: dict, spans: list[dict], colors: dict[str, str]) -> str:
    kept = spans_in(zone, spans)
    doc = {"text": text[zone["start"]:zone["end"]], "title": None,
           "ents": [{"start": s["start"] - zone["start"], "end": s["end"] - zone["start"], "label": s["label"]}
                    for s in kept]}
    rendered = displacy.render(doc, style="ent", manual=True, page=False, jupyter=False,
                               options={"colors": colors})
    return _with_titles(rendered, kept)


def render_article(doc: dict, text: str, entities: list[dict], events: list[dict],
                   event_types: tuple[str, ...]) -> list[dict]:
    """[{kind, html|chars}] per zone: body zones rendered, boilerplate zones only counted."""
    spans = [entity_span(e) for e in entities] + [trigger_span(v) for v in events]
    colors = {**ENTITY_COLORS, **{t: TRIGGER_COLOR for t in event_types}}
    zones = doc.get("zones") or [{"start": 0, "end": len(text), "kind": "body"}]
    return [{"kind": "body", "html": render_zone(text, z, spans, colors)} if z["kind"] == "body"
            else {"kind": z["kind"], "chars": z["end"] - z["start"]} for z in zones]
