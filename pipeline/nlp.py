"""Build the spaCy pipeline: GiNZA plus this project's components."""
from __future__ import annotations

from pathlib import Path

import spacy

from . import components  # noqa: F401  (registers the factories)
from .rules import RULES_DIR

MODEL = "ja_ginza"
# GiNZA components the pipeline never reads: skipping them is free speed.
UNUSED = ("compound_splitter", "bunsetu_recognizer")


def build(rules_dir: Path = RULES_DIR, events: bool = True, fast: bool = True) -> spacy.Language:
    """GiNZA + taggers + events. `fast` runs the model on NumPy's BLAS (pipeline.fastops)."""
    if fast:
        from . import fastops
        fastops.use()
    nlp = spacy.load(MODEL, exclude=list(UNUSED))
    config = {"rules_dir": str(rules_dir)}
    nlp.add_pipe("ja_dates", config=config)
    nlp.add_pipe("ja_numbers", config=config)
    nlp.add_pipe("ja_names", config=config)
    nlp.add_pipe("ja_entities")
    if events:
        nlp.add_pipe("ja_events", config=config)
    return nlp
