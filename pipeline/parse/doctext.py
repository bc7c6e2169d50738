"""Strings of a Doc without building its Token objects.

`Doc.text` rebuilds the string from its tokens on every access, a Token object each; taggers
that look at character windows call it per candidate, so the text is built once from the
tokens' ORTH and SPACY columns and cached on the Doc instead. The token views
(tagging/docview.py, events/docview.py) read attribute hashes with `Doc.to_array` and turn
them into strings through one shared table, and keep the Doc they read in one `LastDoc` slot.
"""
from __future__ import annotations

from spacy.attrs import ORTH, SPACY
from spacy.strings import StringStore
from spacy.tokens import Doc

_KEY = "pipeline.text"
# hash → string, shared by every view: a hash names one string whatever the StringStore, and a
# dict look-up is cheaper than StringStore.__getitem__. Cleared when it grows past the bound.
_STRINGS: dict[int, str] = {}
_STRINGS_MAX = 1 << 16


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist() if len(doc) else ([], [])
        text = text_from(doc, strings_of(orths, doc.vocab.strings), spaces)
    return text


def text_from(doc: Doc, words: list[str], spaces: list) -> str:
    """text_of(doc) for a caller that already holds every token's text and trailing-space flag
    (Doc.text joins `token.text_with_ws`: the text, then " " where the flag is set), so no
    Token object is built."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = "".join([w + " " if s else w for w, s in zip(words, spaces)])
    return text


def strings_of(hashes: list[int], store: StringStore) -> list[str]:
    """[store[h] for h in hashes], through the shared table."""
    try:
        return list(map(_STRINGS.__getitem__, hashes))
    except KeyError:            # a word not seen yet: read those from the store
        if len(_STRINGS) > _STRINGS_MAX:
            _STRINGS.clear()
        _STRINGS.update({h: store[h] for h in set(hashes).difference(_STRINGS)})
        return list(map(_STRINGS.__getitem__, hashes))


class LastDoc:
    """The one Doc being read and what `build` made of it: the stages of a component read one
    Doc after another, so a single slot shares the reading without keeping old Docs alive."""

    def __init__(self, build):
        self.build, self.doc, self.value = build, None, None

    def get(self, doc: Doc):
        """What was built for `doc`, built on first use."""
        return self.value if self.doc is doc else self.fresh(doc)

    def fresh(self, doc: Doc):
        """Build it again (when reading starts, or after the Doc changed)."""
        self.doc, self.value = doc, self.build(doc)
        return self.value

    def release(self, doc: Doc) -> None:
        """Let go of `doc` once its reading is done."""
        if self.doc is doc:
            self.doc = self.value = None
