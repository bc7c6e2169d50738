"""Find trigger candidates: token sequences of rules/triggers.tsv, on lemma, surface or norm.

A pattern token matches a GiNZA token on its lemma, its surface or Sudachi's normalised form
(撃ち落す and 攻めこむ meet the table's 撃ち落とす and 攻め込む): rule authors write
`明らか に する` as they read it, while GiNZA lemmatises that に to だ; spaCy's Matcher tests
one attribute per token, hence this small matcher.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LEMMA, NORM, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..rules.event_lexicon import Lexicon, Trigger
from .syntax import dep

NOUN_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Candidate:
    rule: Trigger
    start: int               # first token of the whole pattern
    end: int                 # token after it
    tokens: tuple[Token, ...]  # the trigger tokens
    anchor: Token            # syntactic head of the trigger tokens

    @property
    def char_span(self) -> tuple[int, int]:
        return self.tokens[0].idx, self.tokens[-1].idx + len(self.tokens[-1])


class TriggerFinder:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.by_first: dict[str, list[Trigger]] = defaultdict(list)
        for t in lex.triggers:
            for alt in t.tokens[0]:
                self.by_first[alt].append(t)
        # the first words as string ids, to find with arrays where a pattern can start
        self.first_ids = np.array(sorted({get_string_id(w) for w in self.by_first}), dtype=np.uint64)

    def candidates(self, doc: Doc, entity_at: dict) -> list[Candidate]:
        """All matches, best first: longer patterns, then earlier rows."""
        found = []
        for i in self._starts(doc):
            tok = doc[i]
            rules = {id(r): r for key in (tok.lemma_, tok.text, tok.norm_)
                     for r in self.by_first.get(key, ())}
            for rule in rules.values():
                cand = _match(rule, doc, tok.i)
                if cand is not None and self._plausible(cand, entity_at):
                    found.append(cand)
        return sorted(found, key=lambda c: (-(c.end - c.start), c.rule.line, c.start))

    def _starts(self, doc: Doc) -> list[int]:
        """Tokens whose lemma, surface or norm is the first word of some pattern (no Python
        loop over the Doc: one array of the three string ids per token)."""
        if len(doc) == 0:
            return []
        ids = doc.to_array([LEMMA, ORTH, NORM]).reshape(len(doc), 3)
        return np.flatnonzero(np.isin(ids, self.first_ids).any(axis=1)).tolist()

    def _plausible(self, cand: Candidate, entity_at: dict) -> bool:
        """Not part of a name (安全保障会議), not a noun fused as a modifier (奪還作戦)."""
        if any(t.i in entity_at and entity_at[t.i].label_ in ("ACTOR", "PLACE")
               for t in cand.tokens):
            return False
        a = cand.anchor
        if dep(a) == "compound" and a.head.i > a.i and a.pos_ in NOUN_POS | {"VERB"}:
            return self._keeps_event(a.head)
        return True

    def _keeps_event(self, head: Token) -> bool:
        """攻撃開始後, 派遣計画, 反攻予告: a suffix, support, stop or plan noun, or another
        event noun (the noun before it is that event's content) keeps the event."""
        return any(self.lex.is_cue(k, head.lemma_)
                   for k in ("suffix", "light", "negator", "modal")) or \
            head.lemma_ in self.single_words

    @property
    def single_words(self) -> set[str]:
        if not hasattr(self, "_single"):
            self._single = {w for t in self.lex.triggers if len(t.tokens) == 1 for w in t.tokens[0]}
        return self._single


def _match(rule: Trigger, doc: Doc, i: int) -> Candidate | None:
    n = len(rule.tokens)
    if i + n > len(doc):
        return None
    for k, alts in enumerate(rule.tokens):
        t = doc[i + k]
        if t.lemma_ not in alts and t.text not in alts and t.norm_ not in alts:
            return None
    tokens = tuple(doc[i + k] for k in rule.marked)
    return Candidate(rule, i, i + n, tokens, _head_of(tokens))


def _head_of(tokens: tuple[Token, ...]) -> Token:
    """The token whose head lies outside the group (the last one if the parse disagrees)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1]
