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


def text_from(doc: Doc, words: list[str], spaces: list) -> str:
    """text_of(doc) for a caller that already holds every token's text and trailing-space flag
    (Doc.text joins `token.text_with_ws`: the text, then " " where the flag is set), so no
    Token object is built."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = "".join([w + " " if s else w for w, s in zip(words, spaces)])
    return text
