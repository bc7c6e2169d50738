"""Processing one article, and `run`: inputs → output folder through the batch cache."""
from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from pathlib import Path

from . import document
from .reading import Article, InputError

log = logging.getLogger("pipeline")
PARSE_BATCH = 4


def process_article(article: Article, nlp, ctx: document.Context,
                    fallback_dct: str | None = None) -> document.Result:
    prepared = document.prepare(article, ctx, fallback_dct)
    # small batches: GiNZA's memory grows with the batch, its speed does not
    docs = nlp.pipe((c.text for c in prepared.chunks), batch_size=PARSE_BATCH)
    return document.assemble(prepared, docs, ctx)


def process_entry(article: Article, nlp, ctx, fallback_dct: str | None = None) -> dict:
    """The cache entry of one article: its records, or its error (one bad article must not
    stop the batch)."""
    try:
        res = process_article(article, nlp, ctx, fallback_dct)
    except Exception as exc:
        log.debug("".join(traceback.format_exception(exc)))
        err = InputError(article.path, article.doc_id, article.line, "processing",
                         f"{article.path}: {article.doc_id}: {type(exc).__name__}: {exc}")
        return {"error": err.record()}
    return {"documents": [res.document], "entities": res.entities, "events": res.events}


@dataclass
class RunResult:
    documents: list[dict]
    entities: list[dict]
    events: list[dict]
    errors: list[dict]
    summary: object

    @property
    def failed(self) -> int:
        return len(self.errors)


def run(inputs: list, out_dir: Path, dct: str | None = None, workers: int = 1,
        ctx: document.Context | None = None, progress=None) -> RunResult:
    """Process every input into `out_dir` (incrementally, see pipeline.batch) and return what
    was written. Input errors are printed to stderr as they are met."""
    from .batch import run_batch
    from .rules import RULES_DIR
    rules_dir = ctx.rules_dir if ctx else RULES_DIR
    summary, _ = run_batch(inputs, out_dir, rules_dir, dct, workers=workers, progress=progress)
    read = lambda name: _read(out_dir / f"{name}.jsonl")  # noqa: E731
    return RunResult(read("documents"), read("entities"), read("events"), read("errors"), summary)


def _read(path: Path) -> list[dict]:
    import json
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
