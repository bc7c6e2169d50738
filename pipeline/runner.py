"""`run`: inputs → records → output folder. Bad inputs become errors; the batch goes on."""
from __future__ import annotations

import logging
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from . import document
from .output import write_outputs
from .reading import Article, InputError, read_inputs

log = logging.getLogger("pipeline")


@dataclass
class RunResult:
    documents: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def tables(self) -> dict[str, list[dict]]:
        return {"documents": self.documents, "entities": self.entities,
                "events": self.events, "errors": self.errors}


def process_article(article: Article, nlp, ctx: document.Context,
                    fallback_dct: str | None = None) -> document.Result:
    prepared = document.prepare(article, ctx, fallback_dct)
    docs = list(nlp.pipe(c.text for c in prepared.chunks))
    return document.assemble(prepared, docs, ctx)


def run(inputs: list[str | Path], out_dir: Path, dct: str | None = None, nlp=None,
        ctx: document.Context | None = None) -> RunResult:
    """Process every input and write the output folder; returns what was written."""
    from . import nlp as nlp_mod
    ctx = ctx or document.Context()
    nlp = nlp or nlp_mod.build(ctx.rules_dir)
    result = RunResult()
    for item in read_inputs(inputs):
        if isinstance(item, InputError):
            _report(result, item)
            continue
        add(result, item, nlp, ctx, fallback_dct=dct)
    write_outputs(out_dir, result.tables())
    return result


def add(result: RunResult, article: Article, nlp, ctx, fallback_dct: str | None = None) -> None:
    try:
        res = process_article(article, nlp, ctx, fallback_dct)
    except Exception as exc:  # one bad article must not stop the batch
        log.debug("".join(traceback.format_exception(exc)))
        _report(result, InputError(article.path, article.doc_id, article.line, "processing",
                                   f"{article.path}: {article.doc_id}: {type(exc).__name__}: {exc}"))
        return
    result.documents.append(res.document)
    result.entities.extend(res.entities)
    result.events.extend(res.events)


def _report(result: RunResult, err: InputError) -> None:
    print(f"error: {err.message}", file=sys.stderr)
    result.errors.append(err.record())
