"""Head counts: the NUMBER that counts an argument (1万1000人の兵士) and the noun a bare
number belongs to (北朝鮮軍の1個大隊, 兵士のうち約4千人)."""
from __future__ import annotations

from spacy.tokens import Token

from ..parse.doctext import text_of
from .docview import view
from .grammar import Grammar
from .phrases import Arg, Found, compound_chain
from .syntax import bunsetu_head, children

# case markers (grammar, not vocabulary: kept in code) after which a number counts its noun
COUNTED = ("が", "も", "を", "の", "compound", "")


def numbers_of(tok: Token, g: Grammar) -> list[Arg]:
    """NUMBER mentions that count `tok`: 1万1000人の兵士, 2000人を超える兵士,
    最大1個大隊規模の兵士, ロシア兵は95万人を超えた. (Asked again for each trigger that
    takes `tok`.)"""
    return g.remembered("numbers_of", tok, _numbers_of)


def _numbers_of(tok: Token, g: Grammar) -> list[Arg]:
    out = []
    v = view(tok.doc)
    for c in v.children[tok.i]:
        if c > tok.i:
            continue
        if v.dep[c] == "acl" and g.lex.is_cue("measure", v.lemma[c]):
            out += _numbers(v.tokens(v.children[c]), g)
        elif g.marker_of(c) in COUNTED:
            out += _first_number(compound_chain(v.token(c)), g)
    h = v.head[tok.i]
    if not out and g.marker(tok) == "が" and g.lex.is_cue("measure", v.lemma[h]):
        out += _numbers(v.tokens([c for c in v.children[h] if c > tok.i]), g)
    return out


def number_owners(num: Token, head: Token, g: Grammar) -> list[Arg]:
    """The noun a counted subject/object belongs to: 北朝鮮軍の1個大隊, 民間人5人 (fused
    before the number), 兵士のうち約4千人 (on the predicate's うち)."""
    ent = g.phrases.entity(num)
    first = ent.start if ent is not None else num.i
    owners = [c for c in children(num) if c.i < first and
              (g.marker(c) in ("の", "compound") or c.i + 1 == first)]
    if not owners:
        owners = [o for c in children(head) if g.lex.is_cue("part", c.lemma_)
                  for o in children(c) if g.marker(o) == "の"]
    args = [g.phrases.of(o) for o in _merge_compounds(owners, g)]
    args = [_widen(a, o, g) for a, o in zip(args, _merge_compounds(owners, g))]
    return [as_people(a) for a in args if a is not None and a.label not in ("NUMBER", "DATE")]


def _merge_compounds(owners: list[Token], g: Grammar) -> list[Token]:
    """弾道 ミサイル 2発: GiNZA hangs every part of a compound on the counter; the last part
    stands for the whole noun (widened by `_widen`)."""
    out = []
    for o in sorted(owners, key=lambda t: t.i):
        if out and o.i == out[-1].i + 1 and g.phrases.entity(o) is None \
                and g.phrases.entity(out[-1]) is None:
            out[-1] = o
        else:
            out.append(o)
    return out


def _widen(arg: Arg | None, last: Token, g: Grammar) -> Arg | None:
    if arg is None or arg.entity is not None:
        return arg
    v = view(last.doc)
    first = last.i
    while first > 0 and v.head[first - 1] == v.head[last.i] \
            and g.marker_of(first - 1) == "compound" \
            and g.phrases.entity_at.get(first - 1) is None \
            and v.pos[first - 1] in ("NOUN", "PROPN"):
        first -= 1
    if v.idx[first] >= arg.start:
        return arg
    text = text_of(last.doc)[v.idx[first]:arg.end]
    return Arg(v.idx[first], arg.end, arg.head, g.phrases.noun_classes(text, arg.head), None)


def predicate_count(anchor: Token, g: Grammar) -> list[Found]:
    """死傷者は3000人を超えた / 死傷者125,800人だった / 死傷者が数百人規模: the number a
    casualty noun is said to reach."""
    top = bunsetu_head(anchor)
    v = view(top.doc)
    h0 = v.head[top.i]
    if h0 == top.i:
        return []
    for h in [h0] + [t for t in range(top.i + 1, h0) if g.lex.is_cue("measure", v.lemma[t])]:
        found = [Found("quantity", a, "quantity.predicate")
                 for a in _numbers(v.tokens([h] + v.children[h]), g) if a.head.i > anchor.i]
        if found:
            return found
    return []


def as_people(arg: Arg) -> Arg:
    """An owner of a head count is people even if its noun is not listed (これらの兵士)."""
    if "TROOP" in arg.classes or "PERSON" in arg.classes or arg.entity is not None:
        return arg
    return Arg(arg.start, arg.end, arg.head, ("PERSON", "noun"), None)


def _first_number(tokens, g: Grammar) -> list[Arg]:
    """`_numbers(tokens, g)[:1]`, without reading the phrases after the first number."""
    for t in tokens:
        a = g.phrases.of(t)
        if a is not None and a.label == "NUMBER":
            return [a]
    return []


def _numbers(tokens, g: Grammar) -> list[Arg]:
    return [a for t in tokens if (a := g.phrases.of(t)) is not None and a.label == "NUMBER"]
