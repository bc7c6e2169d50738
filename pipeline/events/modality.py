"""Polarity, modality and attribution of an event, read on the way from its predicate to the
root of the sentence (GUIDELINES §6).

Along that path:
- a speech predicate taking the event's clause as its と-complement (or an event noun as its
  object: 関与を認めた) makes the event `reported` (or `uncertain`: とみられる, と推定) and
  its speaker the event's `source`; 否定 also makes the event `negative`;
- 〜によると / 〜の分析では on any predicate of the path name a source;
- hedges and plans (可能性, 〜か, 予定, 方針) set `uncertain` / `planned`;
- a denial or stop (支援を停止, 交渉拒否) or a negated fact (派遣した事実はない) makes it negative.
A restrictive relative clause (ロシアが派遣した兵士は…) is presupposed: from the matrix clause it
inherits only attribution, not hedges, plans or negation.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .arguments import ArgumentFinder, Found, Predicate
from .phrases import Arg
from .syntax import ancestors, content_children, dep, function_words, voice

RANK = {"uncertain": 3, "planned": 2, "reported": 1, "asserted": 0}
QUESTION_MARKS = ("?", "？")


@dataclass
class Reading:
    negative: bool = False
    modalities: set[str] = field(default_factory=set)
    sources: list[Found] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def modality(self) -> str:
        return max(self.modalities | {"asserted"}, key=RANK.__getitem__)

    @property
    def polarity(self) -> str:
        return "negative" if self.negative else "positive"


class ModalityReader:
    def __init__(self, finder: ArgumentFinder, speech_lemmas: set[str], event_nouns: set[str]):
        self.finder = finder
        self.lex = finder.lex
        self.speech_lemmas = speech_lemmas
        self.event_nouns = event_nouns

    def read(self, pred: Predicate) -> Reading:
        r = Reading()
        own = [f for t in pred.chain + ([pred.light] if pred.light is not None else [])
               for f in function_words(t)]
        self._function_cues(own, r, negate=True)
        start = pred.clause
        self._according(start, r)
        restricted = False
        for child, head in ancestors(start):
            self._edge(child, head, r, restricted, pred)
            self._according(head, r)
            if dep(child) == "acl" and not self._clause_noun(head):
                restricted = True
        if not restricted and self._open_question(start):
            r.modalities.add("uncertain")
            r.notes.append("question")
        return r

    # --- cues on the path --------------------------------------------------------------
    def _function_cues(self, words: list[Token], r: Reading, negate: bool) -> None:
        lem = [w.lemma_ for w in words] + [w.text for w in words]
        hedged = any(self.lex.cue("modal", w) == "uncertain" for w in lem)
        for w in words:
            m = self.lex.cue("modal", w.lemma_) or self.lex.cue("modal", w.text)
            if m:
                r.modalities.add(m)
                r.notes.append(f"modal:{w.text}")
        # のではないか / かもしれない: a hedge, not a denial
        if negate and not hedged and any(self.lex.is_cue("negation", w.lemma_) for w in words):
            r.negative = True
            r.notes.append("negation")

    def _edge(self, child: Token, head: Token, r: Reading, restricted: bool,
              pred: Predicate) -> None:
        m = self.finder.marker(child)
        raw_quote = m.startswith("と") or m == "ように"
        hl = head.lemma_
        speech = hl in self.speech_lemmas or self.lex.is_cue("speech", hl)
        nominal = child.lemma_ in self.event_nouns or self.lex.is_cue("content", child.lemma_) \
            or child in pred.chain
        if speech and (raw_quote or (m == "を" and nominal and hl in self.speech_lemmas)):
            value = self.lex.cue("speech", hl) or "reported"
            r.modalities.add(value)
            r.notes.append(f"speech:{head.text}")
            r.sources += [Found("source", a, "source.speaker") for a in self.speaker(head)]
            if self.lex.is_cue("negator", hl) and not restricted:
                r.negative = True
                r.notes.append(f"denied:{head.text}")
            return
        if self.lex.is_cue("content", hl) and (raw_quote or dep(child) == "acl"):
            value = self.lex.cue("content", hl)
            if value != "-":
                r.modalities.add(value)
                r.notes.append(f"content:{head.text}")
                r.sources += [Found("source", a, "source.holder") for a in self.holder(head)]
        if restricted:
            return
        if self.lex.is_cue("modal", hl):
            r.modalities.add(self.lex.cue("modal", hl))
            r.notes.append(f"modal:{head.text}")
        for sib in content_children(head):
            if self.lex.is_cue("modal", sib.lemma_) and self.finder.marker(sib) == "と":
                r.modalities.add(self.lex.cue("modal", sib.lemma_))     # 解放を目標とし
        self._function_cues(function_words(head), r, negate=False)
        if self.lex.is_cue("negator", hl) and m in ("を", "compound", "の", "が", ""):
            r.negative = True
            r.notes.append(f"negator:{head.text}")
        if self.lex.is_cue("fact", hl) and dep(child) == "acl" and \
                self.lex.is_cue("negation", head.head.lemma_):
            r.negative = True
            r.notes.append(f"no_fact:{head.text}")

    def _clause_noun(self, tok: Token) -> bool:
        return any(self.lex.is_cue(k, tok.lemma_) for k in ("modal", "content", "fact"))

    def _according(self, tok: Token, r: Reading) -> None:
        """〜によると / 〜の分析では on `tok`: the source of everything below it."""
        for c in content_children(tok):
            m = self.finder.marker(c)
            if self.lex.is_cue("according", m) or (m == "で" and
                                                   self.lex.is_cue("content", c.lemma_)):
                srcs = self.origin(c)
                r.sources += [Found("source", a, "source.according") for a in srcs]
                if srcs or self.lex.is_cue("according", m):
                    r.modalities.add("reported")
                    r.notes.append(f"according:{c.text}")

    def _open_question(self, tok: Token) -> bool:
        """A yes/no question (ウクライナで北朝鮮軍が参戦?) hedges; a wh-question does not."""
        sent = tok.sent
        if not sent.text.rstrip().endswith(QUESTION_MARKS):
            return False
        return not any(self.lex.is_cue("wh", t.lemma_) for t in sent)

    # --- who speaks --------------------------------------------------------------------
    def speaker(self, head: Token) -> list[Arg]:
        passive = voice(head) == "passive"
        wanted = ("に", "による") if passive else ("が",)
        for c in content_children(head):
            if self.finder.marker(c) in wanted:
                a = self.finder.phrases.of(c)
                if a is not None and a.label in (None, "ACTOR", "PLACE") and \
                        (a.label or not passive):
                    return [a] + self.finder.conjuncts(c)
            if self.finder.marker(c) == "による":
                a = self.finder.phrases.of(c)
                if a is not None and a.label == "ACTOR":
                    return [a] + self.finder.conjuncts(c)
        if passive:
            return []
        subj = self.finder.shared_subject(head)
        a = self.finder.phrases.of(subj) if subj is not None else None
        return [a] + self.finder.conjuncts(subj) if a is not None else []

    def origin(self, tok: Token) -> list[Arg]:
        """CNN(によると) → CNN; CNNの報道(によると) → CNN; CSISが発表した推計(によると) → CSIS."""
        a = self.finder.phrases.of(tok)
        if a is not None and a.label in ("ACTOR", "PLACE"):
            return [a] + self.finder.conjuncts(tok)
        for c in tok.children:
            if c.i < tok.i and self.finder.marker(c) in ("の", "compound"):
                o = self.finder.phrases.of(c)
                if o is not None and o.label in ("ACTOR", "PLACE"):
                    return [o]
            if dep(c) == "acl":
                s = self.speaker(c)
                if s:
                    return s
        return [a] if a is not None else []

    def holder(self, content: Token) -> list[Arg]:
        """との見方を維持している米国: whoever holds the view the content noun names."""
        h = content.head
        if h is content or self.finder.marker(content) != "を":
            return []
        return self.speaker(h)
