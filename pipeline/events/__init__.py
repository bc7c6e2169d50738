"""Event extraction from the dependency parse (filled in by the events issue)."""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc


class EventExtractor:
    def __init__(self, rules_dir: Path):
        self.rules_dir = rules_dir

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc
