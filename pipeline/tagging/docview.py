"""A Doc's per-token attributes read once into plain lists.

Every `doc[i]`, iteration over a Doc or Span, `tok.head` or `tok.children` builds a new
spaCy object; a rule that reads a few attributes of each token pays mostly for those objects.
A `DocView` reads the attributes the rules use in one `Doc.to_array` call and indexes them as
lists (`view.words[i]` is `doc[i].text`, `view.heads[i]` is `doc[i].head.i`). It is a snapshot:
build a new one after retokenizing the Doc or setting its entities. The taggers that run one
after the other on a Doc (DATE, NUMBER, names) share one: `view(doc)`, `release_view(doc)`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy
from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LIKE_NUM, ORTH, POS,
                          SENT_START, SPACY, TAG)
from spacy.tokens import Doc

from ..parse.doctext import LastDoc, strings_of, text_from

_ATTRS = [ORTH, TAG, POS, IDX, LIKE_NUM, HEAD, LEMMA, DEP, SPACY, ENT_IOB, ENT_TYPE, LENGTH,
          SENT_START]


@dataclass(frozen=True)
class DocView:
    """Token attributes by token index; spans are (start, end) token indices, end-exclusive."""

    text: str                    # doc.text
    words: list[str]             # token.text
    tags: list[str]              # token.tag_ (Sudachi's part of speech)
    pos: list[str]               # token.pos_ (UD)
    heads: list[int]             # token.head.i (a root is its own head)
    starts: list[int]            # token.idx
    ends: list[int]              # token.idx + len(token.text)
    like_num: list[bool]         # token.like_num
    ents: list[tuple[int, int, str]]     # doc.ents as (start, end, label_)
    sent_starts: list[bool]      # token.is_sent_start is True
    # hashes, as the Matchers and the DATE rules compare them (POS: the UD id)
    orth_ids: list[int] = field(repr=False)
    tag_ids: list[int] = field(repr=False)
    pos_ids: list[int] = field(repr=False)
    lemma_ids: list[int] = field(repr=False)
    # read on demand (few rules need them): DEP hashes, the Doc's vocab
    _deps: list[int] = field(repr=False)
    _vocab: object = field(repr=False)
    _by_pos: dict = field(default_factory=dict, repr=False)     # children_of_pos's indices

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        n = len(doc)
        array = doc.to_array(_ATTRS) if n else numpy.zeros((0, len(_ATTRS)), dtype="uint64")
        orths, tags, pos, idx, _, _, lemmas, deps, spaces, _, _, _, _ = array.T.tolist()
        store = doc.vocab.strings
        words = strings_of(orths, store)
        return cls(text=text_from(doc, words, spaces), words=words, tags=strings_of(tags, store),
                   pos=strings_of(pos, store),
                   heads=(array[:, 5].astype("int64") + numpy.arange(n)).tolist(),   # HEAD is relative
                   starts=idx, ends=(array[:, 3] + array[:, 11]).tolist(),
                   like_num=(array[:, 4] == 1).tolist(),
                   ents=_entities(array[:, 9], array[:, 10], store),
                   sent_starts=(array[:, 12] == 1).tolist(),
                   orth_ids=orths, tag_ids=tags, pos_ids=pos, lemma_ids=lemmas,
                   _deps=deps, _vocab=doc.vocab)

    @cached_property
    def lemmas(self) -> list[str]:
        """token.lemma_"""
        return strings_of(self.lemma_ids, self._vocab.strings)

    @cached_property
    def deps(self) -> list[str]:
        """token.dep_"""
        return strings_of(self._deps, self._vocab.strings)

    @cached_property
    def token_keys(self) -> list[tuple[int, int, int]]:
        """(ORTH, TAG, POS) hashes per token: what the prefiltered Matchers (DATE, NUMBER)
        classify and remember tokens by."""
        return list(zip(self.orth_ids, self.tag_ids, self.pos_ids))

    @cached_property
    def _children(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for k, h in enumerate(self.heads):
            if h != k:
                out.setdefault(h, []).append(k)
        return out

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, start: int, end: int) -> str:
        """doc[start:end].text (end clipped to the Doc, as a slice is)."""
        if end > len(self.words):
            end = len(self.words)
        return self.text[self.starts[start]:self.ends[end - 1]] if end > start else ""

    def attached(self, i: int) -> bool:
        """Token i is written right after token i-1, with no space between."""
        return self.starts[i] == self.ends[i - 1]

    def is_oov(self, i: int) -> bool:
        """doc[i].is_oov: the word has no vector."""
        return self.orth_ids[i] not in self._vocab.vectors

    def children(self, i: int) -> list[int]:
        """The indices of doc[i].children, in order."""
        return self._children.get(i, [])

    def children_of_pos(self, i: int, pos_id: int) -> list[int]:
        """The indices of doc[i].children of UD POS `pos_id`, in order: from an index of the
        tokens of that POS alone, cheaper than all children when few tokens have it (AUX)."""
        index = self._by_pos.get(pos_id)
        if index is None:
            index = self._by_pos[pos_id] = {}
            heads, pos, k = self.heads, self.pos_ids, -1
            try:
                while True:
                    k = pos.index(pos_id, k + 1)
                    if heads[k] != k:
                        index.setdefault(heads[k], []).append(k)
            except ValueError:          # no more tokens of that POS
                pass
        return index.get(i, [])

    def sent_end(self, i: int) -> int:
        """The end of token i's sentence (as `doc[i].sent.end`)."""
        j = i + 1
        while j < len(self.sent_starts) and not self.sent_starts[j]:
            j += 1
        return j


_LAST = LastDoc(DocView.of)
# shared by the taggers that read a Doc one after the other (DATE builds it, names lets it go)
view = _LAST.get
fresh_view = _LAST.fresh
release_view = _LAST.release


def _entities(iobs: numpy.ndarray, types: numpy.ndarray, store) -> list[tuple[int, int, str]]:
    """doc.ents as (start, end, label_), read from the tokens' ENT_IOB (1 I, 2 O, 3 B, 0 unset)
    and ENT_TYPE as Doc.ents reads them, without the Span (and two Tokens) it builds per entity:
    an entity starts at a B token with a type and ends at the next token that is no I."""
    starts = numpy.flatnonzero((iobs == 3) & (types != 0))
    stops = numpy.append(numpy.flatnonzero(iobs != 1), len(iobs))
    ends = stops[numpy.searchsorted(stops, starts, side="right")]
    labels = strings_of(types[starts].tolist(), store)
    return list(zip(starts.tolist(), ends.tolist(), labels))
