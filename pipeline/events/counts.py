"""Head counts: the NUMBER that counts an argument (1万1000人の兵士) and the noun a bare
number belongs to (北朝鮮軍の1個大隊, 兵士のうち約4千人)."""
from __future__ import annotations

from ..parse.doctext import text_of
from .grammar import Grammar
from .phrases import Arg, Found, compound_ids
from .syntax import bunsetu_head_at

# case markers (grammar, not vocabulary: kept in code) after which a number counts its noun
COUNTED = ("が", "も", "を", "の", "compound", "")


def numbers_of(i: int, g: Grammar) -> list[Arg]:
    """NUMBER mentions that count token `i`: 1万1000人の兵士, 2000人を超える兵士,
    最大1個大隊規模の兵士, ロシア兵は95万人を超えた. (Asked again for each trigger that
    takes it.)"""
    return g.remembered("numbers_of", i, _numbers_of)


def _numbers_of(i: int, g: Grammar) -> list[Arg]:
    out = []
    v = g.v
    for c in v.children[i]:
        if c > i:
            continue
        if v.dep[c] == "acl" and v.lemma[c] in g.lex.cues["measure"]:
            out += _numbers(v.children[c], g)
        elif g.markers[c] in COUNTED:
            out += _first_number(compound_ids(v, c), g)
    h = v.head[i]
    if not out and g.markers[i] == "が" and v.lemma[h] in g.lex.cues["measure"]:
        out += _numbers([c for c in v.children[h] if c > i], g)
    return out


def number_owners(num: int, head: int, g: Grammar) -> list[Arg]:
    """The noun a counted subject/object belongs to: 北朝鮮軍の1個大隊, 民間人5人 (fused
    before the number), 兵士のうち約4千人 (on the predicate's うち)."""
    v = g.v
    ent = g.phrases.entity_at.get(num)
    first = ent.start if ent is not None else num
    # on the counter, or on a word of the number's mention (住民少なくとも20人: GiNZA hangs
    # 住民 on 少なく)
    part = g.lex.cues["part"]
    owners = [c for t in range(first, num + 1) for c in v.children[t] if c < first and
              (g.markers[c] in ("の", "compound") or c + 1 == first) and v.lemma[c] not in part]
    if not owners:
        # 兵士のうち約4千人 (うち on the predicate or on the number)
        parts = [c for c in v.children[head] + v.children[num] if v.lemma[c] in part]
        wholes = [o for c in parts for o in v.children[c] if g.markers[o] == "の"]
        if any(o in g.phrases.entity_at and g.phrases.entity_at[o].label_ == "NUMBER"
               for o in wholes):
            # 無人機45機のうち38機: the whole is itself a count; its owner is the noun counted
            # (read on the whole's own words only: the predicate's うち led here)
            return [a for o in wholes if o != num for a in number_owners(o, o, g)]
        owners = wholes
    merged = _merge_compounds(owners, g)
    args = [_widen(g.phrases.of_at(o), o, g) for o in merged]
    return [as_people(a) for a in args if a is not None and a.label not in ("NUMBER", "DATE")]


def _merge_compounds(owners: list[int], g: Grammar) -> list[int]:
    """弾道 ミサイル 2発: GiNZA hangs every part of a compound on the counter; the last part
    stands for the whole noun (widened by `_widen`)."""
    out: list[int] = []
    entity_at = g.phrases.entity_at
    for o in sorted(owners):
        if out and o == out[-1] + 1 and entity_at.get(o) is None \
                and entity_at.get(out[-1]) is None:
            out[-1] = o
        else:
            out.append(o)
    return out


def _widen(arg: Arg | None, last: int, g: Grammar) -> Arg | None:
    if arg is None or arg.entity is not None:
        return arg
    v = g.v
    first = last
    while first > 0 and v.head[first - 1] == v.head[last] \
            and g.markers[first - 1] == "compound" \
            and g.phrases.entity_at.get(first - 1) is None \
            and v.pos[first - 1] in ("NOUN", "PROPN"):
        first -= 1
    if v.idx[first] >= arg.start:
        return arg
    text = text_of(g.phrases.doc)[v.idx[first]:arg.end]
    return Arg(v.idx[first], arg.end, arg.head, g.phrases.noun_classes(text, arg.head), None)


def predicate_count(anchor: int, g: Grammar) -> list[Found]:
    """死傷者は3000人を超えた / 死傷者125,800人だった / 死傷者が数百人規模: the number a
    casualty noun is said to reach."""
    v = g.v
    top = bunsetu_head_at(v, anchor)
    h0 = v.head[top]
    if h0 == top:
        return []
    for h in [h0] + [t for t in range(top + 1, h0) if v.lemma[t] in g.lex.cues["measure"]]:
        found = [Found("quantity", a, "quantity.predicate")
                 for a in _numbers([h] + v.children[h], g) if a.head > anchor]
        if found:
            return found
    return []


def as_people(arg: Arg) -> Arg:
    """An owner of a head count is people even if its noun is not listed (これらの兵士); a
    counted craft or weapon (船2隻, ミサイル3発) stays what it is."""
    if {"TROOP", "PERSON", "ARMS"} & set(arg.classes) or arg.entity is not None:
        return arg
    return Arg(arg.start, arg.end, arg.head, ("PERSON", "noun"), None)


def _first_number(ids: list[int], g: Grammar) -> list[Arg]:
    """`_numbers(ids, g)[:1]`, without reading the phrases after the first number. (A NUMBER
    argument comes from a NUMBER mention among a word's compound, all of them in `ids`:
    without one, no phrase need be read.)"""
    entity_at = g.phrases.entity_at
    if not any((span := entity_at.get(t)) is not None and span.label_ == "NUMBER" for t in ids):
        return []
    for t in ids:
        a = g.phrases.of_at(t)
        if a is not None and a.label == "NUMBER":
            return [a]
    return []


def _numbers(ids: list[int], g: Grammar) -> list[Arg]:
    return [a for t in ids if (a := g.phrases.of_at(t)) is not None and a.label == "NUMBER"]
