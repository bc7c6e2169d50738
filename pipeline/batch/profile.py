"""`bench --profile`: where the pipeline's time goes, stage by stage, on the same articles.

The spaCy part is run the way `Language.pipe` runs it (tokenizer, then each component's `pipe`
over the stream) with a clock on every stage's output stream. A clock on a lazy stream counts
everything upstream as well, so a stage's own time is its clock minus the one before it.
The other stages (reading and zoning, normalisers, records, JSON) are timed around their calls.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from itertools import islice
from typing import Iterable, Iterator

from ..article import PARSE_BATCH, Prepared, mentions_of, prepare
from ..normalize.stage import normalise
from ..output.event_records import event_records, located
from ..output.records import entity_records


class Clock:
    """Wraps a stream; `seconds` is the time spent inside its `next()` calls."""

    def __init__(self, stream: Iterable):
        self.stream, self.seconds = iter(stream), 0.0

    def __iter__(self) -> Iterator:
        return self

    def __next__(self):
        start = time.perf_counter()
        try:
            return next(self.stream)
        finally:
            self.seconds += time.perf_counter() - start


def staged_pipe(nlp, texts: Iterable[str], batch_size: int = PARSE_BATCH) -> tuple[Iterator, list]:
    """`nlp.pipe(texts)` with a Clock after the tokenizer and after every component."""
    clocks = [("tokenizer", Clock(nlp.make_doc(t) for t in texts))]
    stream = clocks[0][1]
    for name, proc in nlp.pipeline:
        stream = (proc.pipe(stream, batch_size=batch_size) if hasattr(proc, "pipe")
                  else _each(proc, stream))
        clocks.append((name, Clock(stream)))
        stream = clocks[-1][1]
    return stream, clocks


def _each(proc, stream: Iterable) -> Iterator:
    # A function, not a generator expression in the loop: that would look `proc` up late and
    # run the last component at every stage.
    for doc in stream:
        yield proc(doc)


def own_times(clocks: list) -> dict[str, float]:
    """Each stage's own seconds: its clock minus the clock of the stage before it."""
    out, before = {}, 0.0
    for name, clock in clocks:
        out[name] = clock.seconds - before
        before = clock.seconds
    return out


def profile(articles: list, nlp, rules) -> dict[str, float]:
    """Seconds per stage for the whole pipeline over `articles` (one stream, as a run does)."""
    times: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    prepared = [prepare(a, rules) for a in articles]
    times["prepare (zoning, dct, working copy, chunks)"] = time.perf_counter() - start
    docs, clocks = staged_pipe(nlp, (c.text for p in prepared for c in p.chunks))
    for p in prepared:
        _assemble_timed(p, islice(docs, len(p.chunks)), rules, times)
    for name, seconds in own_times(clocks).items():
        times[f"spaCy: {name}"] = seconds
    return dict(times)


def _assemble_timed(p: Prepared, docs, rules, times: dict) -> None:
    """article.assemble, step by step, each step on the clock (parse time is not counted)."""
    src, mentions, raw = p.article.text, [], []
    for chunk, doc in zip(p.chunks, docs):
        t = time.perf_counter()
        mentions.extend(mentions_of(chunk, doc))
        raw.extend(located(src, chunk, doc))
        times["mentions to source offsets"] += time.perf_counter() - t
    t = time.perf_counter()
    mentions.sort(key=lambda m: m["start"])
    norms = normalise(mentions, p.dct, rules, src)
    times["normalisers"] += time.perf_counter() - t
    t = time.perf_counter()
    entities = entity_records(p.article.doc_id, src, mentions, norms)
    events = event_records(p.article.doc_id, raw, entities)
    for rec in entities + events:
        json.dumps(rec, ensure_ascii=False)
    times["records and JSON"] += time.perf_counter() - t


def profile_lines(times: dict[str, float], chars: int) -> list[str]:
    total = sum(times.values())
    lines = [f"{'stage':50} {'seconds':>8} {'share':>7}"]
    for name, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
        lines.append(f"{name:50} {seconds:8.2f} {seconds / total:7.1%}")
    lines.append(f"{'total':50} {total:8.2f} {chars / total:,.0f} chars/s")
    return lines
