"""One article from text to records: prepare → parse → assemble.

`prepare` does everything before the parser (zones, dct, chunks), `assemble` everything after
it (mentions in source offsets, norms, events, records), so a runner can stream the chunks of
many articles through one `nlp.pipe` call. Every stage reads the one `Rules` bundle.
"""
from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from itertools import islice
from typing import Iterable

from spacy.tokens import Doc

from .normalize.stage import normalise
from .output.event_records import event_records, located
from .output.records import document_record, entity_records
from .parse.components import hints_of
from .parse.doctext import text_of
from .prepare.chunks import Chunk, body_chunks
from .prepare.dct import find_dct
from .prepare.reading import Article, InputError
from .prepare.zoning import zones as find_zones
from .rules import Rules

log = logging.getLogger("pipeline")
PARSE_BATCH = 4       # small batches: GiNZA's memory grows with the batch, its speed does not


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


def prepare(article: Article, rules: Rules, fallback_dct: str | None = None) -> Prepared:
    """Zones, dct (input's, else the text's dateline, else the caller's fallback) and chunks."""
    zones = find_zones(article.text, rules.headers)
    dct = article.dct or find_dct(article.text, rules.dateline) or fallback_dct
    return Prepared(article, dct, zones, body_chunks(article.text, zones))


def assemble(p: Prepared, docs: Iterable[Doc], rules: Rules) -> Result:
    """Records from the parsed chunks. `docs` may be a generator: each Doc is reduced to plain
    mentions and located events as it arrives, so a long article never holds all its Docs."""
    src = p.article.text
    mentions, raw_events = [], []
    for chunk, doc in zip(p.chunks, docs):
        mentions.extend(mentions_of(chunk, doc))
        raw_events.extend(located(src, chunk, doc))
    mentions.sort(key=lambda m: m["start"])
    entities = entity_records(p.article.doc_id, src, mentions, normalise(mentions, p.dct, rules, src))
    events = event_records(p.article.doc_id, raw_events, entities)
    return Result(document_record(p.article, p.dct, p.zones, entities, events), entities, events)


def process(article: Article, nlp, rules: Rules, fallback_dct: str | None = None) -> Result:
    prepared = prepare(article, rules, fallback_dct)
    docs = nlp.pipe((c.text for c in prepared.chunks), batch_size=PARSE_BATCH)
    return assemble(prepared, docs, rules)


def process_entry(article: Article, nlp, rules: Rules, fallback_dct: str | None = None) -> dict:
    """The cache entry of one article: its records, or its error (one bad article must not
    stop the batch)."""
    return process_entries([(article, fallback_dct)], nlp, rules)[0]


def process_entries(items: list[tuple[Article, str | None]], nlp, rules: Rules) -> list[dict]:
    """Cache entries of many articles, their chunks parsed in one `nlp.pipe` stream (a short
    article is not parsed in a batch of one). The stream is split back per article after the
    parse; each Doc is reduced to records as it arrives. Callers bound `items` by size."""
    entries: list = [_guard(a, lambda a=a, f=f: prepare(a, rules, f)) for a, f in items]
    pending = [i for i, e in enumerate(entries) if isinstance(e, Prepared)]
    while pending:
        pending = _parse_in_one_stream(entries, pending, nlp, rules)
    return entries


def _parse_in_one_stream(entries: list, todo: list[int], nlp, rules: Rules) -> list[int]:
    """Replace entries[i] for i in `todo` by records; returns the indices still to parse when
    the parser itself failed (that article gets the error, the rest a fresh stream)."""
    # The chunk lists are taken now: the stream reads ahead lazily, and by the time it reaches
    # an article with no body chunks, that article's entry may already be its records.
    chunks = [entries[i].chunks for i in todo]
    stream = _DocStream(nlp, (c.text for cs in chunks for c in cs))
    for n, i in enumerate(todo):
        p = entries[i]
        # islice hands exactly this article's Docs to assemble, one at a time (a long article
        # never holds all its Docs).
        mine = islice(stream, len(p.chunks))
        entries[i] = _guard(p.article, lambda: _assemble_aligned(p, mine, rules))
        if stream.broken:
            return todo[n + 1:]
    return []


class _DocStream:
    """`nlp.pipe` over `texts`, remembering whether the parser raised (then it is finished)."""

    def __init__(self, nlp, texts):
        self.nlp, self.texts, self.docs, self.broken = nlp, texts, None, False

    def __iter__(self):
        return self

    def __next__(self):
        try:
            if self.docs is None:
                self.docs = iter(self.nlp.pipe(self.texts, batch_size=PARSE_BATCH))
            return next(self.docs)
        except StopIteration:
            raise
        except Exception:
            self.broken = True
            raise


def _assemble_aligned(p: Prepared, mine, rules: Rules) -> dict:
    """The article's entry; whatever a failed assemble left of its Docs is consumed, so the
    stream stays aligned with the next article."""
    try:
        return _entry(assemble(p, mine, rules))
    finally:
        for _ in mine:
            pass


def _entry(res: Result) -> dict:
    return {"documents": [res.document], "entities": res.entities, "events": res.events}


def _guard(article: Article, step):
    """`step()`, or the article's error entry if it raises."""
    try:
        return step()
    except Exception as exc:
        log.debug("".join(traceback.format_exception(exc)))
        err = InputError(article.path, article.doc_id, article.line, "processing",
                         f"{article.path}: {article.doc_id}: {type(exc).__name__}: {exc}")
        return {"error": err.record()}


def mentions_of(chunk: Chunk, doc: Doc) -> list[dict]:
    """The entity spans of a chunk Doc as mention dicts in source offsets."""
    text, out = text_of(doc), []      # a slice of the text, not Span.text (one Token per word)
    for span in doc.spans.get("entities", []):
        a, b = span.start_char, span.end_char
        start, end = chunk.to_source(a, b)
        out.append({"label": span.label_, "start": start, "end": end, "wtext": text[a:b],
                    "rule": span.id_ or "unknown", "hints": hints_of(doc, a, b)})
    return out
