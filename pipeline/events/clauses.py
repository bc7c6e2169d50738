"""What coordinated and embedding clauses share: the subject Japanese leaves out (北朝鮮は
兵士を派遣し、武器を供与した), the time and the place topic of the sentence."""
from __future__ import annotations

from spacy.tokens import Token

from .docview import view
from .grammar import Grammar
from .phrases import Found
from .syntax import CLAUSE_DEPS, children, content_children, dep, head, marker_at, raw_marker


def clause_up(t: Token, g: Grammar) -> tuple[Token | None, str]:
    """The clause `t` is coordinated with or embedded in, and how: `clause` (a clause link),
    `linker` (〜しているほか、…), `quote` (〜と発表した), `modal` (〜した疑いがある)."""
    return g.remembered("clause_up", t, _clause_up)


def _clause_up(t: Token, g: Grammar) -> tuple[Token | None, str]:
    h = head(t)
    if h.i == t.i:
        return None, ""
    if dep(t) in CLAUSE_DEPS:
        return h, "clause"
    up = head(h)
    if dep(t) == "acl" and raw_marker(t).endswith("など"):
        return up, "clause"                              # 〜を投入するなど巻き返しを図った
    if g.marker(t).startswith("と") and g.is_speech(h):
        return h, "quote"
    if dep(t) == "acl" and g.lex.is_cue("modal", h.lemma_):
        # 〜する予定だ / 〜する可能性がある: the topic is the event's; 〜の可能性を懸念: not
        if up.i == h.i or any(dep(c) == "cop" for c in children(h)):
            return h, "clause"
        return up, "clause" if g.lex.is_cue("hedge_verb", up.lemma_) else "modal"
    if dep(t) == "acl" and up.i != h.i and g.lex.is_cue("linker", h.lemma_):
        return up, "linker"
    return None, ""


def clauses_before(p: Token, g: Grammar) -> list[Token]:
    """Clauses coordinated before `p`, nearest first (their own earlier clauses too)."""
    return list(g.remembered("clauses_before", p, _clauses_before))


def _clauses_before(p: Token, g: Grammar) -> list[Token]:
    out = []
    for c in sorted(content_children(p), key=lambda c: -c.i):
        if c.i > p.i:
            continue
        if dep(c) in CLAUSE_DEPS:
            out += [c] + clauses_before(c, g)
        elif g.lex.is_cue("linker", c.lemma_):
            for a in children(c):
                if dep(a) == "acl":
                    out += [a] + clauses_before(a, g)
    return out


def shared_subject(p: Token, g: Grammar) -> Token | None:
    """The subject clause `p` shares: up the chain of clause links (coordinated clauses, the
    speech verb of a quoted clause, the verb of 〜する可能性がある), then the topic (は) of
    a clause coordinated before it."""
    return g.remembered("shared_subject", p, _shared_subject)


def _shared_subject(p: Token, g: Grammar) -> Token | None:
    h = head(p)
    if dep(p) == "dep" and h.i < p.i and g.is_subject(h):
        return h                      # GiNZA sometimes hangs a clause on its own topic
    t, strict = p, False
    while True:
        t, link = clause_up(t, g)
        if t is None:
            break
        strict = strict or link == "modal"
        for c in sorted(content_children(t), key=lambda c: -c.i):     # nearest first
            # through 可能性/疑い only a が-subject is the clause's own (ロシアが…疑いがある)
            if c.i < p.i and g.is_subject(c) and not (strict and g.marker(c) != "が"):
                return c
    for c in clauses_before(p, g):
        for a in content_children(c):
            if raw_marker(a) == "は" and g.phrases.of(a) is not None:
                return a
    # Aが…会談を行い、条約に署名した: the が-subject of the clause coordinated before
    for c in clauses_before(p, g):
        if dep(c) not in CLAUSE_DEPS:
            continue
        for a in content_children(c):
            if raw_marker(a) == "が" and a.i < c.i and g.phrases.of(a) is not None \
                    and g.phrases.of(a).entity is not None:
                return a
    return None


def sentence_topic(p: Token, g: Grammar) -> Token | None:
    """The first は-topic of the sentence before `p`: it scopes over the sentence's main
    predicate, and over a speech verb whose speaker the parse hung inside the quote."""
    return g.remembered("sentence_topic", p, _sentence_topic)


def _sentence_topic(p: Token, g: Grammar) -> Token | None:
    v = view(p.doc)
    for i in range(v.sent(p.i).start, p.i):
        if marker_at(v, i) == "は" and g.is_subject(v.token(i)):
            return v.token(i)
    return None


def shared_frame(p: Token, g: Grammar) -> list[Found]:
    """When and where of coordinated clauses: a DATE, or a place topic (〜では), on a clause
    that `p` is coordinated into, before `p`."""
    t, out = p, []
    while not out:
        t, link = clause_up(t, g)
        if t is None or link not in ("clause", "linker"):
            break
        for c in content_children(t):
            a = g.phrases.of(c) if c.i < p.i else None
            if a is not None and a.label == "DATE":
                out.append(Found("time", a, "shared.time"))
            elif a is not None and a.label == "PLACE" and raw_marker(c) == "では":
                out.append(Found("place", a, "shared.place"))
    return out
