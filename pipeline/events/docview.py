"""The parse of one Doc as plain lists, read once per Doc.

Every `doc[i]`, `tok.head`, `tok.children` or `tok.sent` builds a new spaCy object, and the
event stages ask the same few things of the same tokens many times per trigger. `View` reads
the token attributes with one `Doc.to_array`, and in one pass over the tokens each one's
dependents, content dependents, function words and raw case marker (most tokens are asked
for them); it keeps one Span per sentence and memoises what several stages derive from the
same tokens. The stages pass token indices into these lists, not Tokens (`token(i)` builds
one where a caller wants it). The tree does not change after the parse, so a View lives as
long as its Doc is the one being read.
"""
from __future__ import annotations

from functools import cached_property

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, NORM, ORTH, POS, TAG
from spacy.tokens import Doc, Span, Token

from ..parse.doctext import LastDoc, strings_of, text_of

_COLUMNS = [ORTH, LEMMA, POS, TAG, DEP, IDX, IS_SPACE, NORM, HEAD]


class View:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.n = len(doc)
        self._read_columns(doc)
        # each token's dependents, its content dependents (not syntax.FUNCTION_DEPS) and its
        # function words (syntax.py reads them), read in one pass
        self.children, self.content, self.function_words, hosts = _tree(self)
        self._tokens: list[Token | None] = [None] * self.n
        self._sents: list[Span] | None = None
        self._sent_of: list[int] = []
        self.memo: dict[str, dict] = {}          # per-token results of pure functions
        self._roots: dict[int, Token] = {}       # per sentence start
        self._sent_texts: dict[int, str] = {}
        # every token's raw case marker (syntax.py reads them): most tokens are asked, and
        # most have none
        self.raw_marker: list[str] = _raw_markers(self, hosts)
        self.compounds: dict[int, list[int]] = {}            # phrases.compound_ids

    def _read_columns(self, doc: Doc) -> None:
        n = self.n
        array = doc.to_array(_COLUMNS).reshape(n, len(_COLUMNS))
        rows = array[:, :-1].T.tolist() if n else [[]] * 8
        strings = doc.vocab.strings
        self.ids = (rows[0], rows[1], rows[7])      # string ids of orth, lemma, norm
        self.text, self.lemma, self.pos, self.tag = (strings_of(rows[k], strings) for k in range(4))
        # each token's head index (the root's is its own): HEAD is relative, read as uint64
        self.head: list[int] = (array[:, -1].astype(np.int64) + np.arange(n, dtype=np.int64)).tolist()
        self._dep_ids = rows[4]
        self.dep = _unsuffixed(rows[4], strings)
        self.idx: list[int] = rows[5]
        self.space: list[int] = rows[6]             # IS_SPACE: 1 or 0

    @cached_property
    def doc_text(self) -> str:
        """The Doc's text, read once (Doc.text builds every Token each time)."""
        return text_of(self.doc)

    @cached_property
    def norm(self) -> list[str]:
        """Sudachi's normalised forms (triggers.py compares their ids; tests read them)."""
        return strings_of(self.ids[2], self.doc.vocab.strings)

    @cached_property
    def raw_dep(self) -> list[str]:
        """The dependency labels as GiNZA writes them (`dep` drops their `_bunsetu`)."""
        return strings_of(self._dep_ids, self.doc.vocab.strings)

    def token(self, i: int) -> Token:
        t = self._tokens[i]
        if t is None:
            t = self._tokens[i] = self.doc[i]
        return t

    def tokens(self, ids) -> list[Token]:
        toks = self._tokens
        return [t if (t := toks[i]) is not None else self.token(i) for i in ids]

    # --- sentences ---------------------------------------------------------------------
    @property
    def sents(self) -> list[Span]:
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_of = [0] * self.n
            for k, s in enumerate(self._sents):
                self._sent_of[s.start:s.end] = [k] * (s.end - s.start)
        return self._sents

    def sent(self, i: int) -> Span:
        """The sentence of token `i` (one Span per sentence, as `Token.sent` finds it)."""
        sents = self._sents
        if sents is None:
            sents = self.sents
        return sents[self._sent_of[i]]

    def sent_root(self, sent: Span) -> Token:
        root = self._roots.get(sent.start)
        if root is None:
            root = self._roots[sent.start] = sent.root
        return root

    def sent_text(self, sent: Span) -> str:
        """`sent.text`, cut from the Doc's text (Span.text joins its tokens anew)."""
        text = self._sent_texts.get(sent.start)
        if text is None:
            text = self._sent_texts[sent.start] = text_of(self.doc)[sent.start_char:sent.end_char]
        return text

    # --- tree ----------------------------------------------------------------------------
    def subtree(self, i: int) -> list[int]:
        """Token `i` and its descendants in text order (as `Token.subtree`): each token's
        left dependents' subtrees, the token, its right dependents' subtrees."""
        children = self.children
        if not children[i]:
            return [i]
        out: list[int] = []
        stack = [i]                   # a token to expand, or ~token to emit
        while stack:
            x = stack.pop()
            if x < 0:
                out.append(~x)
                continue
            kids = children[x]
            if not kids:
                out.append(x)
                continue
            for c in reversed(kids):
                if c > x:
                    stack.append(c)
            stack.append(~x)
            for c in reversed(kids):
                if c < x:
                    stack.append(c)
        return out

    def dominates(self, a: int, i: int) -> bool:
        """Is token `i` in the subtree of token `a` (`i in self.subtree(a)`)?"""
        head = self.head
        for _ in range(self.n):
            if i == a:
                return True
            h = head[i]
            if h == i:
                return False
            i = h
        return i == a

    def ancestors(self, i: int) -> list[int]:
        """Heads of `i` up to the root (as `Token.ancestors`)."""
        out, head = [], self.head
        for _ in range(self.n):
            h = head[i]
            if h == i:
                break
            out.append(h)
            i = h
        return out


# GiNZA's function-word labels (syntax.FUNCTION_DEPS)
_FUNCTION_DEPS = frozenset({"case", "aux", "mark", "cop", "fixed", "punct", "cc"})

_NONE: tuple = ()      # the content dependents or function words of a token with none
#                        (shared: these lists are read, never changed)


def _tree(v: View) -> tuple[list[list[int]], list, list, list[int]]:
    """Each token's dependents, ascending, as `Token.children` yields them; its content
    dependents (not FUNCTION_DEPS), ascending; the function words hanging on it (its particles
    and auxiliaries after it, punctuation apart, with the `fixed` words inside them), in text
    order; and the tokens that have function words."""
    deps, head, n = v.dep, v.head, v.n
    children: list[list[int]] = [[] for _ in range(n)]
    content: list = [_NONE] * n
    words: list = [_NONE] * n
    hosts: list[int] = []
    inner: list[int] = []         # function words that may hold fixed words
    for c in range(n):
        h = head[c]
        if h == c:
            continue
        children[h].append(c)
        d = deps[c]
        if d not in _FUNCTION_DEPS:
            kids = content[h]
            if kids is _NONE:
                kids = content[h] = []
            kids.append(c)
        elif c > h and d != "punct":
            found = words[h]
            if found is _NONE:
                found = words[h] = []
                hosts.append(h)
            found.append(c)
            inner.append(c)
    v.children = children
    for c in inner:
        if children[c]:
            fixed = [f for f in v.subtree(c) if f != c and deps[f] == "fixed"]
            if fixed:
                found = words[head[c]]
                found.extend(fixed)
                found.sort()
    return children, content, words, hosts


_PARTICLE_POS = frozenset({"ADP", "PART", "SCONJ"})


def _raw_markers(v: View, hosts: list[int]) -> list[str]:
    """The particles closing each token's bunsetu as written (syntax.raw_marker): "compound"
    for a compound or number word, else the run of particles that ends its function words
    (read for the `hosts`, the tokens that have any). Auxiliaries cut the run."""
    deps, pos, text, lemma, function_words = v.dep, v.pos, v.text, v.lemma, v.function_words
    out = ["compound" if d == "compound" or d == "nummod" else "" for d in deps]
    for i in hosts:
        if out[i]:
            continue
        words = function_words[i]
        last = k = len(words) - 1
        while k >= 0:
            w = words[k]
            p = pos[w]
            # GiNZA tags the locative で after a noun as a copula now and then (キーウ郊外で)
            if p in _PARTICLE_POS or text[w] == "で" and deps[w] == "cop" and k == last \
                    and pos[i] in ("NOUN", "PROPN"):
                k -= 1
                continue
            if k > 0 and (
                    p == "VERB" and deps[w] == "fixed" and pos[words[k - 1]] == "ADP"
                    # によりますと: the polite ます inside a fixed particle phrase
                    or lemma[w] == "ます" and pos[words[k - 1]] == "VERB"
                    and deps[words[k - 1]] == "fixed" and k < last):
                k -= 1
                continue
            break
        if k < last:
            out[i] = text[words[last]] if k == last - 1 else "".join([text[w] for w in words[k + 1:]])
    return out


_UNSUFFIXED: dict[int, str] = {}     # a DEP hash → its label without `_bunsetu`


def _unsuffixed(hashes: list[int], store) -> list[str]:
    """Dependency labels without GiNZA's `_bunsetu` suffix, from their hashes (through a
    table, as parse.doctext.strings_of)."""
    try:
        return list(map(_UNSUFFIXED.__getitem__, hashes))
    except KeyError:
        _UNSUFFIXED.update((h, store[h].removesuffix("_bunsetu")) for h in set(hashes))
        return list(map(_UNSUFFIXED.__getitem__, hashes))


_LAST = LastDoc(View)
# one View per Doc for the event stages (fresh at each extraction: the Doc may have changed)
view = _LAST.get
fresh_view = _LAST.fresh
release_view = _LAST.release
