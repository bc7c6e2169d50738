"""Find trigger candidates: token sequences of rules/triggers.tsv, on lemma, surface or norm.

A pattern token matches a GiNZA token on its lemma, its surface or Sudachi's normalised form
(撃ち落す and 攻めこむ meet the table's 撃ち落とす and 攻め込む): rule authors write
`明らか に する` as they read it, while GiNZA lemmatises that に to だ; spaCy's Matcher tests
one attribute per token, hence this small matcher.
"""
from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..rules.event_lexicon import Lexicon, Trigger
from .docview import View, view

NOUN_POS = {"NOUN", "PROPN"}


class Candidate(NamedTuple):
    rule: Trigger
    start: int               # first token of the whole pattern
    end: int                 # token after it
    tokens: tuple[int, ...]  # the trigger tokens (indices into the Doc)
    anchor: int              # syntactic head of the trigger tokens
    char_span: tuple[int, int]   # the trigger's characters, first to last token


class TriggerFinder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        # patterns by the string id of their first word, each with the string ids of its
        # words' alternatives: tokens are compared by the ids the View holds, no strings
        self.by_first: dict[int, list[tuple[Trigger, tuple[frozenset[int], ...]]]] = defaultdict(list)
        for t in lex.triggers:
            ids = tuple(frozenset(get_string_id(w) for w in alts) for alts in t.tokens)
            for alt in ids[0]:
                self.by_first[alt].append((t, ids))
        self.first_ids = frozenset(self.by_first)

    def candidates(self, doc: Doc, entity_at: dict) -> list[Candidate]:
        """All matches, best first: longer patterns, then earlier rows."""
        v = view(doc)
        orths, lemmas, norms = v.ids
        found = []
        for i in self._starts(v):
            rules = {id(r[0]): r for key in (lemmas[i], orths[i], norms[i])
                     for r in self.by_first.get(key, ())}
            for rule, ids in rules.values():
                cand = _match(rule, ids, v, i)
                if cand is not None and self._plausible(cand, entity_at, v):
                    found.append(cand)
        return sorted(found, key=lambda c: (-(c.end - c.start), c.rule.line, c.start))

    def _starts(self, v: View) -> list[int]:
        """Tokens whose lemma, surface or norm is the first word of some pattern (compared as
        string ids)."""
        first = self.first_ids
        orths, lemmas, norms = v.ids
        return [i for i, o, lemma, norm in zip(range(v.n), orths, lemmas, norms)
                if lemma in first or o in first or norm in first]

    def _plausible(self, cand: Candidate, entity_at: dict, v: View) -> bool:
        """Not part of a name (安全保障会議), not a noun fused as a modifier (奪還作戦)."""
        if any(t in entity_at and entity_at[t].label_ in ("ACTOR", "PLACE")
               for t in cand.tokens):
            return False
        a, h = cand.anchor, v.head[cand.anchor]
        if v.dep[a] == "compound" and h > a and v.pos[a] in NOUN_POS | {"VERB"}:
            return self._keeps_event(v.lemma[h])
        return True

    def _keeps_event(self, head_lemma: str) -> bool:
        """攻撃開始後, 派遣計画, 反攻予告: a suffix, support, stop or plan noun, or another
        event noun (the noun before it is that event's content) keeps the event."""
        return any(head_lemma in self.lex.cues[k]
                   for k in ("suffix", "light", "negator", "modal")) or \
            head_lemma in self.single_words

    @property
    def single_words(self) -> set[str]:
        if not hasattr(self, "_single"):
            self._single = {w for t in self.lex.triggers if len(t.tokens) == 1 for w in t.tokens[0]}
        return self._single


def _match(rule: Trigger, ids: tuple[frozenset[int], ...], v: View, i: int) -> Candidate | None:
    """The pattern of `rule` at token `i` (`ids`: the string ids of its words' alternatives)."""
    n = len(ids)
    if n == 1 and rule.marked == (0,):     # one word, found by itself (by_first)
        return Candidate(rule, i, i + 1, (i,), i, (v.idx[i], v.idx[i] + len(v.text[i])))
    if i + n > v.n:
        return None
    # the first word matches: the rule was found by it (TriggerFinder.by_first)
    orths, lemmas, norms = v.ids
    for k in range(1, n):
        alts, j = ids[k], i + k
        if lemmas[j] not in alts and orths[j] not in alts and norms[j] not in alts:
            return None
    tokens = tuple(i + k for k in rule.marked)
    first, last = tokens[0], tokens[-1]
    return Candidate(rule, i, i + n, tokens, _head_of(tokens, v),
                     (v.idx[first], v.idx[last] + len(v.text[last])))


def _head_of(tokens: tuple[int, ...], v: View) -> int:
    """The token whose head lies outside the group (the last one if the parse disagrees)."""
    for t in tokens:
        h = v.head[t]
        if h not in tokens or h == t:
            return t
    return tokens[-1]
