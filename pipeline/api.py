"""Use from Python: `pipeline.load()` → an `Extractor` whose records equal the JSONL lines.

    import pipeline
    ex = pipeline.load()                       # or pipeline.load(rules="my_rules/")
    rec = ex.extract("ロシア軍は3日、東部ドネツク州を攻撃した。", dct="2025-03-04")
    rec.entities[0]["label"], rec.events[0]["type"]

`ex.nlp` is the spaCy Language (GiNZA + this project's components) for users who want Docs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .article import process
from .prepare.reading import Article
from .rules import Rules, load_rules


@dataclass
class Records:
    """One article's SPEC §3 records, exactly as documents/entities/events.jsonl hold them."""
    document: dict
    entities: list[dict]
    events: list[dict]


class Extractor:
    def __init__(self, rules: Rules, fast: bool = True):
        from .parse.build import build
        self.rules = rules
        self.nlp = build(rules, fast=fast)

    def extract(self, text: str, dct: str | None = None, doc_id: str | None = None) -> Records:
        """Records of one article. `dct` (YYYY-MM-DD) anchors relative dates; without it the
        text's dateline is used, as in a run. `doc_id` defaults to "doc"."""
        return self._run(_article(text, dct, doc_id or "doc"))

    def pipe(self, items: Iterable[str | dict]) -> Iterator[Records]:
        """Records for many articles, in order: strings, or dicts with `text` and optional
        `dct` and `doc_id` (default doc1, doc2, …)."""
        for n, item in enumerate(items, 1):
            if isinstance(item, str):
                item = {"text": item}
            yield self._run(_article(item["text"], item.get("dct"), item.get("doc_id") or f"doc{n}"))

    def _run(self, article: Article) -> Records:
        res = process(article, self.nlp, self.rules)
        return Records(res.document, res.entities, res.events)


def load(rules: str | Path | None = None, fast: bool = True) -> Extractor:
    """An Extractor on the rules directory `rules` (default: the installation's rules).
    Loads the GiNZA model once (a few seconds); raises RuleError on an invalid rule file."""
    return Extractor(load_rules(rules), fast=fast)


def _article(text: str, dct: str | None, doc_id: str) -> Article:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if dct is not None:
        dt.date.fromisoformat(dct)          # ValueError on anything but YYYY-MM-DD
    return Article(doc_id=doc_id, path="<python>", text=text, dct=dct)
