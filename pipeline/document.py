"""One article from text to records: zones, dct, chunks to parse, then entities and events.

`prepare` does everything before the parser, `assemble` everything after it, so a runner can
stream the chunks of many articles through one `nlp.pipe` call.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc

from . import dct as dct_mod
from . import zoning
from .events.records import event_records, located
from .normalizing import normalise
from .reading import Article
from .rules import RULES_DIR
from .segment import Chunk, body_chunks


@dataclass
class Context:
    """Rule data the non-spaCy stages need, loaded once per process."""
    rules_dir: Path = RULES_DIR
    headers: list = field(init=False)
    dateline: object = field(init=False)
    gaz: object = field(init=False)

    def __post_init__(self):
        from .components import gazetteer
        self.headers = zoning.load_headers(self.rules_dir)
        self.dateline = dct_mod.compile_dateline(dct_mod.load_labels(self.rules_dir))
        self.gaz = gazetteer(str(self.rules_dir))


@dataclass
class Prepared:
    article: Article
    dct: str | None
    zones: list[dict]
    chunks: list[Chunk]


@dataclass
class Result:
    document: dict
    entities: list[dict]
    events: list[dict]


def prepare(article: Article, ctx: Context, fallback_dct: str | None = None) -> Prepared:
    """Zones, dct (input's, else the text's dateline, else the caller's fallback) and chunks."""
    zones = zoning.zones(article.text, ctx.headers)
    dct = article.dct or dct_mod.find_dct(article.text, ctx.dateline) or fallback_dct
    return Prepared(article, dct, zones, body_chunks(article.text, zones))


def assemble(p: Prepared, docs: Iterable[Doc], ctx: Context) -> Result:
    """Records from the parsed chunks. `docs` may be a generator: each Doc is reduced to plain
    mentions and located events as it arrives, so a long article never holds all its Docs."""
    src = p.article.text
    mentions, raw_events = [], []
    for chunk, doc in zip(p.chunks, docs):
        mentions.extend(_mentions(chunk, doc))
        raw_events.extend(located(src, chunk, doc))
    mentions.sort(key=lambda m: m["start"])
    norms = normalise(mentions, p.dct, ctx.gaz, src)
    entities = []
    for m, norm in zip(mentions, norms):
        if norm is None:
            continue
        entities.append({"doc_id": p.article.doc_id, "id": f"e{len(entities) + 1}",
                         "label": m["label"], "start": m["start"], "end": m["end"],
                         "text": src[m["start"]:m["end"]], "norm": norm, "rule": m["rule"]})
    events = event_records(p.article.doc_id, raw_events, entities)
    document = {"doc_id": p.article.doc_id, "path": p.article.path, "sha256": p.article.sha256,
                "chars": len(src), "dct": p.dct, "zones": p.zones, "status": "ok",
                "entities": len(entities), "events": len(events)}
    return Result(document, entities, events)


def _mentions(chunk: Chunk, doc: Doc) -> list[dict]:
    out = []
    for span in doc.spans.get("entities", []):
        start, end = chunk.to_source(span.start_char, span.end_char)
        out.append({"label": span.label_, "start": start, "end": end, "wtext": span.text,
                    "rule": span.id_ or "unknown", "hints": span._.hints})
    return out
