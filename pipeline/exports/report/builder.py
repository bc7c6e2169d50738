"""Build the report: data from the run, HTML from template.html.j2 (Jinja2)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import jinja2


from ..groups import group_events
from ..mappings import EVENT_TYPES, casualty_table
from ..runs import Run, document_text
from ..table import flat_row
from . import charts
from .article import ENTITY_COLORS, TRIGGER_COLOR, render_article

TEMPLATE = "template.html.j2"


def counts(run: Run, rows: list[dict]) -> dict:
    return {
        "documents": len(run.documents),
        "documents_failed": sum(1 for d in run.documents if d.get("status", "ok") != "ok"),
        "entities": dict(sorted(Counter(e["label"] for e in run.entities).items())),
        "mentions": dict(sorted(Counter(e["type"] for e in run.events).items())),
        "groups_by_type": dict(sorted(Counter(r["type"] for r in rows).items())),
        "groups": len(rows),
        "located": sum(1 for r in rows if r["place_lat"] is not None),
        "dated": sum(1 for r in rows if charts.timeline_x(r["date"], r["date_precision"])),
    }


def articles(run: Run, roots: list[Path]) -> list[dict]:
    """Each document with its rendered zones, or without them when its text cannot be found."""
    ents: dict[str, list] = {}
    evs: dict[str, list] = {}
    for e in run.entities:
        ents.setdefault(e["doc_id"], []).append(e)
    for v in run.events:
        evs.setdefault(v["doc_id"], []).append(v)
    out = []
    for doc in run.documents:
        text = document_text(doc, roots)
        zones = render_article(doc, text, ents.get(doc["doc_id"], []), evs.get(doc["doc_id"], []),
                               EVENT_TYPES) if text is not None else None
        out.append({"doc": doc, "zones": zones, "entities": len(ents.get(doc["doc_id"], [])),
                    "events": len(evs.get(doc["doc_id"], []))})
    return out


def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


def build_report(run: Run, roots: list[Path], rules_dir: Path) -> tuple[str, dict]:
    """(html, counts) for the run; the same run gives the same bytes."""
    rows = [flat_row(g) for g in group_events(run.ok_documents(), run.events, casualty_table(rules_dir))]
    types = [t for t in EVENT_TYPES if any(r["type"] == t for r in rows)]
    stats = counts(run, rows)
    html = environment().get_template(TEMPLATE).render(
        title=f"Event report: {run.folder.name}", counts=stats, rows=rows, types=types,
        countries=sorted({r["country"] for r in rows if r["country"]}),
        articles=articles(run, roots),
        legend={**ENTITY_COLORS, "trigger": TRIGGER_COLOR},
        timeline=charts.figure_html(charts.timeline(rows, types), "timeline"),
        map=charts.figure_html(charts.event_map(rows, types), "map"),
        plotly_js=charts.plotly_js(), outline_source=charts.outlines()["source"])
    return html, stats
