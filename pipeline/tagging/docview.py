"""A Doc's per-token attributes read once into plain lists.

Every `doc[i]`, iteration over a Doc or Span, `tok.head` or `tok.children` builds a new
spaCy object; a rule that reads a few attributes of each token pays mostly for those objects.
A `DocView` reads the attributes the rules use in one `Doc.to_array` call and indexes them as
lists (`view.words[i]` is `doc[i].text`, `view.heads[i]` is `doc[i].head.i`). It is a snapshot:
build a new one after retokenizing the Doc or setting its entities.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LIKE_NUM, ORTH, POS, TAG
from spacy.tokens import Doc

from ..parse.doctext import text_of

_ATTRS = [ORTH, TAG, POS, DEP, LEMMA, IDX, LIKE_NUM, HEAD]


@dataclass(frozen=True)
class DocView:
    text: str                    # doc.text
    words: list[str]             # token.text
    tags: list[str]              # token.tag_ (Sudachi's part of speech)
    pos: list[str]               # token.pos_ (UD)
    deps: list[str]              # token.dep_
    lemmas: list[str]            # token.lemma_
    heads: list[int]             # token.head.i (a root is its own head)
    starts: list[int]            # token.idx
    ends: list[int]              # token.idx + len(token.text)
    like_num: list[bool]         # token.like_num
    ents: list[tuple[int, int, str]]     # doc.ents as (start, end, label_)
    orths: list[int] = field(repr=False)     # ORTH hashes, for the vector table
    vectors: object = field(repr=False, default=None)
    _children: dict = field(repr=False, default_factory=dict, compare=False)

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        strings = doc.vocab.strings
        n = len(doc)
        cols = doc.to_array(_ATTRS).T if n else numpy.zeros((len(_ATTRS), 0), dtype="uint64")
        orths, tags, pos, deps, lemmas, idx, like_num = (c.tolist() for c in cols[:7])
        heads = (cols[7].astype("int64") + numpy.arange(n)).tolist()    # HEAD is relative
        words = [strings[h] for h in orths]
        return cls(text=text_of(doc), words=words, tags=[strings[h] for h in tags],
                   pos=[strings[h] for h in pos], deps=[strings[h] for h in deps],
                   lemmas=[strings[h] for h in lemmas], heads=heads, starts=idx,
                   ends=[i + len(w) for i, w in zip(idx, words)],
                   like_num=[bool(x) for x in like_num],
                   ents=[(e.start, e.end, e.label_) for e in doc.ents],
                   orths=orths, vectors=doc.vocab.vectors)

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, start: int, end: int) -> str:
        """doc[start:end].text (end clipped to the Doc, as a slice is)."""
        end = min(end, len(self.words))
        return self.text[self.starts[start]:self.ends[end - 1]] if end > start else ""

    def attached(self, i: int) -> bool:
        """Token i is written right after token i-1, with no space between."""
        return self.starts[i] == self.ends[i - 1]

    def is_oov(self, i: int) -> bool:
        """doc[i].is_oov: the word has no vector."""
        return self.orths[i] not in self.vectors

    def children(self, i: int) -> list[int]:
        """The indices of doc[i].children, in order."""
        if not self._children:
            for k, h in enumerate(self.heads):
                if h != k:
                    self._children.setdefault(h, []).append(k)
            self._children.setdefault(-1, [])       # built, even for a Doc with no arcs
        return self._children.get(i, [])
