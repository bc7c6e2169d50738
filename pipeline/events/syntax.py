"""Small readers of GiNZA's bunsetu-style dependency tree.

GiNZA attaches function words (case particles, auxiliaries, conjunctive particles) to the
content word of their bunsetu, and links bunsetu heads with UD labels; without the
bunsetu_recognizer the labels keep a `_bunsetu` suffix, which `dep` strips.
"""
from __future__ import annotations

from spacy.tokens import Token

from .docview import View, view

FUNCTION_DEPS = {"case", "aux", "mark", "cop", "fixed", "punct", "cc"}
CLAUSE_DEPS = {"advcl", "conj", "parataxis"}     # coordinated or subordinate clauses
PASSIVE = {"れる", "られる"}
CAUSATIVE = {"せる", "させる"}
VERBAL_POS = {"VERB", "ADJ"}


def dep(tok: Token) -> str:
    return view(tok.doc).dep[tok.i]


def children(tok: Token) -> list[Token]:
    """`tok.children` as the View's shared Token objects."""
    v = view(tok.doc)
    return v.tokens(v.children[tok.i])


def head(tok: Token) -> Token:
    v = view(tok.doc)
    return v.token(v.head[tok.i])


def head_of(tok: Token) -> int:
    """`tok.head.i` without building the head Token."""
    return view(tok.doc).head[tok.i]


def function_words(tok: Token) -> list[Token]:
    """The function words hanging on `tok` (its particles and auxiliaries), in text order."""
    v = view(tok.doc)
    return v.tokens(v.function_words[tok.i])


def function_word_ids(v: View, i: int) -> list[int]:
    return v.function_words[i]


def content_children(tok: Token) -> list[Token]:
    v = view(tok.doc)
    return v.tokens(content_child_ids(v, tok.i))


def content_child_ids(v: View, i: int) -> list[int]:
    """The dependents of token `i` that are no function words, ascending (View.content)."""
    return v.content[i]


def raw_marker(tok: Token) -> str:
    """The particles closing `tok`'s bunsetu as written: `によって`, `への`, `と`; "" for none.
    Auxiliaries cut the run (派遣していると → と); a verb fixed after に stays (によると).
    (Read for every token with the View: docview._raw_markers.)"""
    return view(tok.doc).raw_marker[tok.i]


def marker_at(v: View, i: int) -> str:
    """`raw_marker` of token `i`."""
    return v.raw_marker[i]


def lemmas(tokens) -> list[str]:
    return [t.lemma_ for t in tokens]


def is_verbal(tok: Token) -> bool:
    return verbal_at(view(tok.doc), tok.i)


def verbal_at(v: View, i: int) -> bool:
    if v.pos[i] in VERBAL_POS:
        return True
    lemma = v.lemma
    for f in v.function_words[i]:
        if lemma[f] == "する":
            return True
    return False


def voice(tok: Token, keep: set[str] | frozenset[str] = frozenset()) -> str:
    return voice_at(view(tok.doc), tok.i, keep)


def voice_at(v: View, i: int, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """active / passive / causative from the auxiliaries on token `i`; `keep` are child
    lemmas (余儀) that make a passive keep its subject as the doer."""
    lemma = v.lemma
    aux = {lemma[f] for f in v.function_words[i]}
    if aux & CAUSATIVE:
        return "causative"
    if aux & PASSIVE and not any(lemma[t] in keep for c in v.children[i] if c < i
                                 for t in v.subtree(c)):
        return "passive"
    return "active"


def ancestors(tok: Token):
    """(child, head) edges from `tok` up to the root of its sentence."""
    v = view(tok.doc)
    i = tok.i
    while v.head[i] != i:
        yield v.token(i), v.token(v.head[i])
        i = v.head[i]


def bunsetu_head(tok: Token) -> Token:
    v = view(tok.doc)
    return v.token(bunsetu_head_at(v, tok.i))


def bunsetu_head_at(v: View, i: int) -> int:
    """Climb compound links to the content word that heads token `i`'s noun compound."""
    while v.dep[i] == "compound" and v.head[i] != i and v.head[i] > i:
        i = v.head[i]
    return i
