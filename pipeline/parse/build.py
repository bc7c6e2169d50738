"""Build the spaCy pipeline: GiNZA plus this project's components."""
from __future__ import annotations

import spacy

from ..rules import Rules
from . import components  # noqa: F401  (registers the factories when not installed)
from .lean import make_lean

MODEL = "ja_ginza"
# GiNZA components the pipeline never reads: skipping them is free speed.
UNUSED = ("compound_splitter", "bunsetu_recognizer")


def build(rules: Rules, events: bool = True, fast: bool = True) -> spacy.Language:
    """GiNZA + taggers + events, all reading `rules`. `fast` runs the model on NumPy's BLAS
    (pipeline.parse.fastops)."""
    if fast:
        from . import fastops
        fastops.use()
    nlp = spacy.load(MODEL, exclude=list(UNUSED))
    make_lean(nlp)
    # Sub-tokens (each word split again in Sudachi's modes A and B) only feed the excluded
    # compound_splitter: not computing them saves about a fifth of the tokenizer's time.
    nlp.tokenizer.need_subtokens = False
    nlp.add_pipe("ja_lines", first=True)
    config = {"rules_dir": str(rules.dir)}
    nlp.add_pipe("ja_dates", config=config)
    nlp.add_pipe("ja_numbers", config=config)
    nlp.add_pipe("ja_names", config=config)
    nlp.add_pipe("ja_entities")
    if events:
        nlp.add_pipe("ja_events", config=config)
    return nlp
