"""Small readers of GiNZA's bunsetu-style dependency tree.

GiNZA attaches function words (case particles, auxiliaries, conjunctive particles) to the
content word of their bunsetu, and links bunsetu heads with UD labels; without the
bunsetu_recognizer the labels keep a `_bunsetu` suffix, which `dep` strips.
"""
from __future__ import annotations

from spacy.tokens import Token

FUNCTION_DEPS = {"case", "aux", "mark", "cop", "fixed", "punct", "cc"}
CLAUSE_DEPS = {"advcl", "conj", "parataxis"}     # coordinated or subordinate clauses
PASSIVE = {"れる", "られる"}
CAUSATIVE = {"せる", "させる"}
VERBAL_POS = {"VERB", "ADJ"}


_DEPS: dict[int, str] = {}          # dep label id → label without `_bunsetu` (a few dozen)
_FUNCTION_WORDS = "pipeline.function_words"    # doc.user_data keys: per-token memos
_MARKERS = "pipeline.raw_marker"


def dep(tok: Token) -> str:
    label = _DEPS.get(tok.dep)
    if label is None:
        label = _DEPS[tok.dep] = tok.dep_.removesuffix("_bunsetu")
    return label


def _memo(tok: Token, key: str) -> dict:
    """A per-Doc memo of a pure function of a token (the tree does not change after the
    parse); it lives and dies with the Doc."""
    memo = tok.doc.user_data.get(key)
    if memo is None:
        memo = tok.doc.user_data[key] = {}
    return memo


def function_words(tok: Token) -> list[Token]:
    """The function words hanging on `tok` (its particles and auxiliaries), in text order."""
    memo = _memo(tok, _FUNCTION_WORDS)
    words = memo.get(tok.i)
    if words is None:
        words = memo[tok.i] = _function_words(tok)
    return list(words)


def _function_words(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.i > tok.i and dep(c) in FUNCTION_DEPS and dep(c) != "punct":
            out.append(c)
            out.extend(f for f in c.subtree if f.i != c.i and dep(f) == "fixed")
    return sorted(out, key=lambda t: t.i)


_CONTENT_CHILDREN = "pipeline.content_children"


def content_children(tok: Token) -> list[Token]:
    memo = _memo(tok, _CONTENT_CHILDREN)
    kids = memo.get(tok.i)
    if kids is None:
        kids = memo[tok.i] = [c for c in tok.children if dep(c) not in FUNCTION_DEPS]
    return list(kids)


def raw_marker(tok: Token) -> str:
    """The particles closing `tok`'s bunsetu as written: `によって`, `への`, `と`; "" for none.
    Auxiliaries cut the run (派遣していると → と); a verb fixed after に stays (によると)."""
    memo = _memo(tok, _MARKERS)
    marker = memo.get(tok.i)
    if marker is None:
        marker = memo[tok.i] = _raw_marker(tok)
    return marker


def _raw_marker(tok: Token) -> str:
    if dep(tok) in ("compound", "nummod"):
        return "compound"
    words = function_words(tok)
    run: list[Token] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        # GiNZA tags the locative で after a noun as a copula now and then (キーウ郊外で)
        particle = w.pos_ in ("ADP", "PART", "SCONJ") or \
            w.text == "で" and dep(w) == "cop" and k == len(words) - 1 and tok.pos_ in ("NOUN", "PROPN")
        fixed_after_ni = w.pos_ == "VERB" and dep(w) == "fixed" and k > 0 \
            and words[k - 1].pos_ == "ADP"
        # によりますと: the polite ます inside a fixed particle phrase
        polite = w.lemma_ == "ます" and k > 0 and words[k - 1].pos_ == "VERB" \
            and dep(words[k - 1]) == "fixed" and bool(run)
        if not (particle or fixed_after_ni or polite):
            break
        run.insert(0, w)
    return "".join(w.text for w in run)


def lemmas(tokens) -> list[str]:
    return [t.lemma_ for t in tokens]


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in VERBAL_POS or any(f.lemma_ == "する" for f in function_words(tok))


def voice(tok: Token, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """active / passive / causative from the auxiliaries on `tok`; `keep` are child lemmas
    (余儀) that make a passive keep its subject as the doer."""
    aux = set(lemmas(function_words(tok)))
    if aux & CAUSATIVE:
        return "causative"
    if aux & PASSIVE and not any(t.lemma_ in keep for c in tok.children if c.i < tok.i
                                 for t in c.subtree):
        return "passive"
    return "active"


def ancestors(tok: Token):
    """(child, head) edges from `tok` up to the root of its sentence."""
    while tok.head.i != tok.i:
        yield tok, tok.head
        tok = tok.head


def bunsetu_head(tok: Token) -> Token:
    """Climb compound links to the content word that heads `tok`'s noun compound."""
    while dep(tok) == "compound" and tok.head.i != tok.i and tok.head.i > tok.i:
        tok = tok.head
    return tok
