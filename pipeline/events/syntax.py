"""Small readers of GiNZA's bunsetu-style dependency tree, by token index into a Doc's View.

GiNZA attaches function words (case particles, auxiliaries, conjunctive particles) to the
content word of their bunsetu, and links bunsetu heads with UD labels; without the
bunsetu_recognizer the labels keep a `_bunsetu` suffix, which `View.dep` strips. The View
reads each token's dependents, content dependents, function words and raw case marker (the
particles closing its bunsetu as written: `によって`, `への`, `と`; "" for none, "compound"
for a compound or number word) once per Doc (docview.py).
"""
from __future__ import annotations

from .docview import View

FUNCTION_DEPS = {"case", "aux", "mark", "cop", "fixed", "punct", "cc"}
CLAUSE_DEPS = {"advcl", "conj", "parataxis"}     # coordinated or subordinate clauses
PASSIVE = {"れる", "られる"}
CAUSATIVE = {"せる", "させる"}
VERBAL_POS = {"VERB", "ADJ"}
VOLITIONAL = "意志推量形"          # Sudachi's inflection of しよう (殺害しようとしている)


def non_past_at(v: View, i: int, told_as_fact) -> bool:
    """A verb in the non-past (派遣する, 行います, 話し合う), or volitional (殺害しようとして
    いる): what a speech verb reports in it is still to come. `told_as_fact`: the words after
    a verb that tell it as done, going on or possible (rules/event_cues.tsv kind `done`: た,
    〜ている, 〜ことができる)."""
    if not verbal_at(v, i):
        return False
    # the words after the verb that hang on it, directly or through one another, up to its
    # quoting と (奪うことができる」と: こと hangs on the verb as a compound, できる on こと)
    tail = [i]
    for j in range(i + 1, min(i + 9, len(v.lemma))):
        if v.head[j] not in tail or v.lemma[j] == "と" and v.head[j] == i:
            break
        tail.append(j)
    if any(VOLITIONAL in v.token(j).morph.get("Inflection", [""])[0] for j in tail):
        return True
    return not any(v.lemma[j] in told_as_fact for j in tail[1:])


def verbal_at(v: View, i: int) -> bool:
    """A verb or adjective, or a word carrying する."""
    if v.pos[i] in VERBAL_POS:
        return True
    lemma = v.lemma
    for f in v.function_words[i]:
        if lemma[f] == "する":
            return True
    return False


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


def bunsetu_head_at(v: View, i: int) -> int:
    """Climb compound links to the content word that heads token `i`'s noun compound."""
    while v.dep[i] == "compound" and v.head[i] != i and v.head[i] > i:
        i = v.head[i]
    return i


NOUN_POS = {"NOUN", "PROPN"}
ATTRIBUTIVE = "連体形"              # Sudachi's inflection of a word that modifies a noun


def modified_noun(v: View, p: int) -> int | None:
    """The noun a relative clause on `p` modifies (ロシアが派遣した兵士 → 兵士), or None for
    a verb that is no relative clause. GiNZA sometimes hangs a relative clause on the verb
    after the noun (…に投入された北朝鮮軍の戦死者数が…と発表 → advcl of 発表): a verb whose
    last auxiliary is attributive (された, する: 連体形) written right before a noun modifies
    that noun all the same (a bare verb stem carries no inflection to read)."""
    h = v.head[p]
    if v.dep[p] == "acl":
        return h if h > p else None
    if v.dep[p] != "advcl":
        return None
    last = _clause_end(v, p)
    if last == p or not any(ATTRIBUTIVE in x for x in v.token(last).morph.get("Inflection", [])):
        return None
    return noun_after(v, p)


def noun_after(v: View, p: int) -> int | None:
    """The head of the noun compound written right after clause `p`'s last word (…された
    北朝鮮軍の戦死者数 → 軍), None if no noun follows."""
    nxt = _clause_end(v, p) + 1
    if nxt >= v.n or v.pos[nxt] not in NOUN_POS:
        return None
    return bunsetu_head_at(v, nxt)


def _clause_end(v: View, p: int) -> int:
    """The last word of `p`'s bunsetu: its last function word after it, else `p`."""
    return max([f for f in v.function_words[p] if f > p], default=p)
