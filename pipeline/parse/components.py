"""spaCy components of the pipeline, registered with @Language.factory (and as spaCy entry
points, so `nlp.add_pipe("ja_dates")` works on any GiNZA pipeline once the package is installed).

Each component is a thin wrapper around a tagger or extractor built from the one `Rules`
bundle of its `rules_dir` (None: the installation's rules); the logic lives in
pipeline.tagging.* and pipeline.events.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules import load_rules
from ..tagging.entities import GROUPS, choose
from .lines import mark_lines

if not Span.has_extension("hints"):
    Span.set_extension("hints", default=())
if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

CONFIG = {"rules_dir": None}


def hints_of(doc: Doc, start_char: int, end_char: int) -> tuple:
    """`span._.hints` of the span at these offsets, read without the Underscore object a
    `span._` builds (most of what turning a span into a mention costs): spaCy keeps a
    Span's extension values in doc.user_data, keyed by its character offsets
    (tests/test_parse_components.py checks the key)."""
    return doc.user_data.get(_hints_key(start_char, end_char), ())


def _hints_key(start_char: int, end_char: int) -> tuple:
    """The doc.user_data key of `span._.hints` (the extension has no setter)."""
    return ("._.", "hints", start_char, end_char)


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
            if span is not None:        # span._.hints, set without building `span._`
                doc.user_data[_hints_key(m.start, m.end)] = m.hints
                spans.append(span)
        doc.spans[self.key] = spans
        return doc


@Language.component("ja_lines")
def line_sentences(doc: Doc) -> Doc:
    """Before the parser: each line of the working copy starts a sentence (parse/lines.py)."""
    return mark_lines(doc)


@Language.factory("ja_dates", default_config=CONFIG)
def make_dates(nlp: Language, name: str, rules_dir: str | None):
    from ..tagging.dates import DateTagger
    return SpanTagger(DateTagger(load_rules(rules_dir)), "DATE")


@Language.factory("ja_numbers", default_config=CONFIG)
def make_numbers(nlp: Language, name: str, rules_dir: str | None):
    from ..tagging.numbers import NumberTagger
    return SpanTagger(NumberTagger(load_rules(rules_dir)), "NUMBER")


@Language.factory("ja_names", default_config=CONFIG)
def make_names(nlp: Language, name: str, rules_dir: str | None):
    from ..tagging.names import NameTagger
    return SpanTagger(NameTagger(load_rules(rules_dir)), "NAMES")


@Language.component("ja_entities")
def resolve_entities(doc: Doc) -> Doc:
    """doc.spans["entities"]: the tagger groups merged without overlap, longest first."""
    doc.spans["entities"] = choose([s for g in GROUPS if g in doc.spans for s in doc.spans[g]])
    return doc


@Language.factory("ja_events", default_config=CONFIG)
def make_events(nlp: Language, name: str, rules_dir: str | None):
    from ..events import EventExtractor
    return EventExtractor(load_rules(rules_dir))
