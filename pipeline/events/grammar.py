"""Case markers, subjects, coordination and support verbs: the grammar every stage reads."""
from __future__ import annotations

from spacy.tokens import Token

from ..rules.event_lexicon import Lexicon
from .phrases import Arg, Phrases
from .syntax import content_children, is_verbal, raw_marker, voice

# Particles are grammar, not vocabulary a rule author extends: they stay in code.
SUBJECT = ("が", "も")
CONJ_MARKERS = {"と", "や", "および", "及び", "または", "も", "とか"}


class Grammar:
    def __init__(self, lex: Lexicon, phrases: Phrases, speech_lemmas: set[str],
                 event_lemmas: set[str]):
        self.lex = lex
        self.phrases = phrases
        self.speech_lemmas = speech_lemmas
        self.event_lemmas = event_lemmas
        self.keep = frozenset(lex.cues["voice_keep"])
        self._markers: dict[int, str] = {}       # `marker` per token of the phrases' Doc

    def marker(self, tok: Token) -> str:
        """`tok`'s case marker, normalised by rules/event_cues.tsv (への → に, は → が)."""
        if tok.doc is not getattr(self.phrases, "doc", None):
            return self._marker(tok)
        m = self._markers.get(tok.i)
        if m is None:
            m = self._markers[tok.i] = self._marker(tok)
        return m

    def _marker(self, tok: Token) -> str:
        raw = raw_marker(tok)
        if raw == "" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "、":
            span = self.phrases.entity(tok)
            if span is not None and span.label_ == "ACTOR" and span.end == tok.i + 1:
                return "が"           # headline topic: 北朝鮮軍、ウクライナ参戦
        if raw.startswith("など") and len(raw) > 2:
            raw = raw[2:]                      # 技術などを → を
        norm = self.lex.cue("marker", raw)
        if norm is None and len(raw) > 1 and raw[-1] in "はも":
            raw = raw[:-1]
            norm = self.lex.cue("marker", raw)
        return norm or raw

    def role(self, type_: str, frame: str, voice_: str, marker: str, arg: Arg) -> str | None:
        """The first matching row of rules/event_roles.tsv."""
        for r in self.lex.roles:
            if r.matches(type_, frame, voice_, marker, arg.classes):
                return r.role
        return None

    def is_subject(self, c: Token) -> bool:
        """が/は, or も on a named actor (ロシアも北朝鮮も否定)."""
        m = self.marker(c)
        a = self.phrases.of(c) if m in SUBJECT else None
        return a is not None and (m == "が" or a.label in ("ACTOR", "PLACE"))

    def conjuncts(self, tok: Token) -> list[Arg]:
        """ロシアと北朝鮮は / ロシアも北朝鮮も / 兵士と武器を: the nouns joined to `tok`."""
        out = []
        for c in tok.children:
            m = raw_marker(c)
            if c.i > tok.i or m not in CONJ_MARKERS or m == "も" and raw_marker(tok) != "も":
                continue
            a = self.phrases.of(c)
            if a is not None and a.label not in ("NUMBER", "DATE"):
                out.append(a)
                out += self.conjuncts(c)
        return out

    def is_statement_verb(self, tok: Token) -> bool:
        """A STATEMENT predicate: 発表した, and the する of 明らかにした."""
        if tok.lemma_ in self.speech_lemmas:
            return True
        return tok.lemma_ == "する" and any(
            c.lemma_ in self.speech_lemmas and c.i < tok.i and raw_marker(c) in ("に", "")
            for c in tok.children)

    def is_speech(self, tok: Token) -> bool:
        return self.is_statement_verb(tok) or self.lex.is_cue("speech", tok.lemma_)

    def is_light(self, tok: Token) -> bool:
        """A word that carries a noun trigger's arguments: support verbs (行う, 受ける),
        plans and stops (検討, 停止), announcements of one's own act (支援を発表)."""
        if self.lex.is_cue("announce", tok.lemma_):
            return True
        if tok.lemma_ in self.speech_lemmas:
            return False
        return self.lex.is_negator(tok.lemma_) or \
            any(self.lex.is_cue(k, tok.lemma_) for k in ("light", "modal"))

    def has_object(self, tok: Token, exclude=()) -> bool:
        return any(self.marker(c) == "を" for c in content_children(tok) if c not in exclude)

    def own_voice(self, tok: Token) -> str:
        """active / passive / dpassive (passive with a を-object) / causative, or `noun` for
        a noun trigger standing alone."""
        if is_verbal(tok):
            v = voice(tok, self.keep)
            return "dpassive" if v == "passive" and self.has_object(tok) else v
        # a bare noun with が/を dependents is a predicate (headline style: ロシア軍、X州を奪還)
        markers = {self.marker(c) for c in content_children(tok)}
        quoted = any(raw_marker(c).startswith("と") for c in content_children(tok)
                     if c.i < tok.i and is_verbal(c))          # 〜していると発表。
        return "active" if markers & {"が", "を"} or quoted else "noun"
