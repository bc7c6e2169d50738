"""What coordinated and embedding clauses share: the subject Japanese leaves out (北朝鮮は
兵士を派遣し、武器を供与した), the time and the place topic of the sentence.

Tokens are indices into the Doc the Grammar reads (its View's lists).
"""
from __future__ import annotations

from .grammar import Grammar
from .phrases import Found
from .syntax import CLAUSE_DEPS


def clause_up(t: int, g: Grammar) -> tuple[int | None, str]:
    """The clause `t` is coordinated with or embedded in, and how: `clause` (a clause link),
    `linker` (〜しているほか、…), `quote` (〜と発表した), `modal` (〜した疑いがある)."""
    return g.remembered("clause_up", t, _clause_up)


def _clause_up(t: int, g: Grammar) -> tuple[int | None, str]:
    v = g.v
    h = v.head[t]
    if h == t:
        return None, ""
    dep = v.dep[t]
    if dep in CLAUSE_DEPS:
        return h, "clause"
    up = v.head[h]
    if dep == "acl" and v.raw_marker[t].endswith("など"):
        return up, "clause"                              # 〜を投入するなど巻き返しを図った
    if g.markers[t].startswith("と") and g.is_speech(h):
        return h, "quote"
    if dep == "acl" and v.lemma[h] in g.lex.cues["modal"]:
        # 〜する予定だ / 〜する可能性がある: the topic is the event's; 〜の可能性を懸念: not
        if up == h or any(v.dep[c] == "cop" for c in v.children[h]):
            return h, "clause"
        return up, "clause" if v.lemma[up] in g.lex.cues["hedge_verb"] else "modal"
    if dep == "acl" and up != h and v.lemma[h] in g.lex.cues["linker"]:
        return up, "linker"
    return None, ""


def clauses_before(p: int, g: Grammar) -> list[int]:
    """Clauses coordinated before `p`, nearest first (their own earlier clauses too)."""
    return list(g.remembered("clauses_before", p, _clauses_before))


def _clauses_before(p: int, g: Grammar) -> list[int]:
    out = []
    v = g.v
    for c in reversed(v.content[p]):       # nearest first
        if c > p:
            continue
        if v.dep[c] in CLAUSE_DEPS:
            out += [c] + clauses_before(c, g)
        elif v.lemma[c] in g.lex.cues["linker"]:
            for a in v.children[c]:
                if v.dep[a] == "acl":
                    out += [a] + clauses_before(a, g)
    return out


def shared_subject(p: int, g: Grammar) -> int | None:
    """The subject clause `p` shares: up the chain of clause links (coordinated clauses, the
    speech verb of a quoted clause, the verb of 〜する可能性がある), then the topic (は) of
    a clause coordinated before it."""
    return g.remembered("shared_subject", p, _shared_subject)


def _shared_subject(p: int, g: Grammar) -> int | None:
    v = g.v
    h = v.head[p]
    if v.dep[p] == "dep" and h < p and g.is_subject(h):
        return h                      # GiNZA sometimes hangs a clause on its own topic
    t, strict = p, False
    while True:
        t, link = clause_up(t, g)
        if t is None:
            break
        strict = strict or link == "modal"
        for c in reversed(v.content[t]):     # nearest first
            # through 可能性/疑い only a が-subject is the clause's own (ロシアが…疑いがある)
            if c < p and g.is_subject(c) and not (strict and g.markers[c] != "が"):
                return c
    raw = v.raw_marker
    for c in clauses_before(p, g):
        for a in v.content[c]:
            if raw[a] == "は" and g.phrases.of_at(a) is not None:
                return a
    # Aが…会談を行い、条約に署名した: the が-subject of the clause coordinated before
    for c in clauses_before(p, g):
        if v.dep[c] not in CLAUSE_DEPS:
            continue
        for a in v.content[c]:
            if raw[a] == "が" and a < c and g.phrases.of_at(a) is not None \
                    and g.phrases.of_at(a).entity is not None:
                return a
    return None


def sentence_topic(p: int, g: Grammar) -> int | None:
    """The first は-topic of the sentence before `p`: it scopes over the sentence's main
    predicate, and over a speech verb whose speaker the parse hung inside the quote."""
    return g.remembered("sentence_topic", p, _sentence_topic)


def _sentence_topic(p: int, g: Grammar) -> int | None:
    v = g.v
    raw = v.raw_marker
    for i in range(v.sent(p).start, p):
        if raw[i] == "は" and g.is_subject(i):
            return i
    return None


def shared_frame(p: int, g: Grammar) -> list[Found]:
    """When and where of coordinated clauses: a DATE, or a place topic (〜では), on a clause
    that `p` is coordinated into, before `p`. (Remembered per token: read, never changed.)"""
    return g.remembered("shared_frame", p, _shared_frame)


def _shared_frame(p: int, g: Grammar) -> list[Found]:
    t, out = p, []
    v = g.v
    while not out:
        t, link = clause_up(t, g)
        if t is None or link not in ("clause", "linker"):
            break
        for c in v.content[t]:
            a = g.phrases.of_at(c) if c < p else None
            if a is not None and a.label == "DATE":
                out.append(Found("time", a, "shared.time"))
            elif a is not None and a.label == "PLACE" and v.raw_marker[c] == "では":
                out.append(Found("place", a, "shared.place"))
    return out
