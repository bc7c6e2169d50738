"""`Doc.text` rebuilds the string from its tokens on every access; taggers that look at
character windows call it per candidate, so the text is cached on the Doc instead."""
from __future__ import annotations

from spacy.tokens import Doc

_KEY = "pipeline.text"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
