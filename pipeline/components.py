"""spaCy components of the pipeline, registered with @Language.factory.

Each component is a thin wrapper: it calls a tagger (a plain callable Doc → [Mention]) and
stores the result as a SpanGroup, so the pipeline is usable as `nlp.add_pipe("ja_dates")`
on any GiNZA pipeline. The logic lives in pipeline.tagging.* and pipeline.events.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .mention import LABELS
from .overlap import longest_first
from .rules import RULES_DIR

if not Span.has_extension("hints"):
    Span.set_extension("hints", default=())
if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

# On equal length a DATE beats a NUMBER (30日間), a NUMBER beats a name.
PRIORITY = {"DATE": 0, "NUMBER": 1, "ACTOR": 2, "PLACE": 3}


@lru_cache(maxsize=4)
def gazetteer(rules_dir: str):
    from .gazetteer import load_gazetteer
    return load_gazetteer(Path(rules_dir))


class SpanTagger:
    """Runs `tagger` and writes its mentions to doc.spans[key] (label = entity label,
    span id = the rule that fired, span._.hints = hints for the normaliser)."""

    def __init__(self, tagger, key: str):
        self.tagger = tagger
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in self.tagger(doc):
            span = doc.char_span(m.start, m.end, label=m.label, span_id=m.rule)
            if span is not None:
                span._.hints = m.hints
                spans.append(span)
        doc.spans[self.key] = spans
        return doc


def _dir(rules_dir: str | None) -> Path:
    return Path(rules_dir) if rules_dir else RULES_DIR


@Language.factory("ja_dates", default_config={"rules_dir": None})
def make_dates(nlp: Language, name: str, rules_dir: str | None):
    from .tagging.dates import DateTagger
    return SpanTagger(DateTagger(_dir(rules_dir)), "DATE")


@Language.factory("ja_numbers", default_config={"rules_dir": None})
def make_numbers(nlp: Language, name: str, rules_dir: str | None):
    from .tagging.numbers import NumberTagger
    return SpanTagger(NumberTagger(_dir(rules_dir)), "NUMBER")


@Language.factory("ja_names", default_config={"rules_dir": None})
def make_names(nlp: Language, name: str, rules_dir: str | None):
    from .tagging.names import NameTagger
    d = _dir(rules_dir)
    return SpanTagger(NameTagger(gazetteer(str(d)), d), "NAMES")


@Language.component("ja_entities")
def resolve_entities(doc: Doc) -> Doc:
    """doc.spans["entities"]: the tagger groups merged without overlap, longest first."""
    groups = [g for g in ("DATE", "NUMBER", "NAMES") if g in doc.spans]
    cands = [s for g in groups for s in doc.spans[g] if s.label_ in LABELS]
    doc.spans["entities"] = choose(cands)
    return doc


def choose(spans: list[Span]) -> list[Span]:
    return longest_first(spans, lambda s: (s.start_char, s.end_char), lambda s: PRIORITY[s.label_])


@Language.factory("ja_events", default_config={"rules_dir": None})
def make_events(nlp: Language, name: str, rules_dir: str | None):
    from .events import EventExtractor
    d = _dir(rules_dir)
    return EventExtractor(d)
