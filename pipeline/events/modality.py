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
from .syntax import CLAUSE_DEPS, ancestors, content_children, dep, function_words, raw_marker, \
    voice

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
        for t in pred.chain[1:]:                 # 交渉拒否, 派遣計画: fused stop or plan nouns
            if self.lex.is_negator(t.lemma_):
                r.negative = True
                r.notes.append(f"negator:{t.text}")
            if self.lex.is_cue("modal", t.lemma_):
                r.modalities.add(self.lex.cue("modal", t.lemma_))
                r.notes.append(f"modal:{t.text}")
        # climb from the trigger itself, so that a plan or stop noun between it and its
        # support verb (支援の準備を進める, 支援を停止した) is read on the way
        start = pred.chain[-1]
        self._according(start, r)
        restricted = False
        for child, head in ancestors(start):
            if self._contrastive(child):
                break           # 〜が、…と述べた: a contrastive clause asserts on its own
            self._edge(child, head, r, restricted, pred)
            self._according(head, r)
            if dep(child) == "acl" and not self._clause_noun(head) \
                    and not raw_marker(child).endswith("など"):
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
        value = self._speech_value(head)
        # 関与を認めた / 参加を否定 / 派兵の可能性を示唆: an event noun as the object of a
        # STATEMENT verb is its content (a claim noun, 主張を否定, is not)
        nominal = (child.lemma_ in self.event_nouns and child.lemma_ not in self.speech_lemmas
                   or self.lex.is_cue("content", child.lemma_)
                   or self.lex.is_cue("modal", child.lemma_))
        if value and (raw_quote or (m in ("を", "が", "も") and nominal
                                    and hl in self.speech_lemmas)):
            # a presupposed clause (ロシアが派遣した兵士は…とみられる) is attributed, not hedged
            value = "reported" if restricted else value
            r.modalities.add(value)
            r.notes.append(f"speech:{head.text}")
            r.sources += [Found("source", a, "source.speaker")
                          for a in self.speaker(head, quote=child)]
            if self.lex.is_cue("negator", hl) and not restricted:
                r.negative = True
                r.notes.append(f"denied:{head.text}")
            return
        # 〜との見方 / 〜という情報; a plain relative (CSISが発表した推計) names no content
        if self.lex.is_cue("content", hl) and raw_quote:
            value = self.lex.cue("content", hl)
            if value == "-" and raw_quote:
                value = "reported"                            # 〜とのことだ
            if value != "-":
                r.modalities.add(value)
                r.notes.append(f"content:{head.text}")
                r.sources += [Found("source", a, "source.holder") for a in self.holder(head)]
        if restricted:
            return
        # a plan or hedge on the next coordinated clause is that clause's own
        if self.lex.is_cue("modal", hl) and dep(child) not in CLAUSE_DEPS:
            r.modalities.add(self.lex.cue("modal", hl))
            r.notes.append(f"modal:{head.text}")
        for sib in content_children(head):
            if self.lex.is_cue("modal", sib.lemma_) and self.finder.marker(sib) == "と":
                r.modalities.add(self.lex.cue("modal", sib.lemma_))     # 解放を目標とし
        self._function_cues(function_words(head), r, negate=False)
        if self.lex.is_negator(hl) and m in ("を", "compound", "の"):
            r.negative = True
            r.notes.append(f"negator:{head.text}")
        if self.lex.is_cue("fact", hl) and dep(child) == "acl" and \
                self.lex.is_cue("negation", head.head.lemma_):
            r.negative = True
            r.notes.append(f"no_fact:{head.text}")

    def _speech_value(self, head: Token) -> str | None:
        """reported / uncertain if `head` is a speech predicate, else None."""
        value = self.lex.cue("speech", head.lemma_)
        if self.finder.is_statement_verb(head) and value == "reported_passive":
            return "reported"                            # 明らかにした
        if value == "reported_passive":
            return "reported" if voice(head) == "passive" else None
        if value:
            return value
        return "reported" if head.lemma_ in self.speech_lemmas else None

    def _contrastive(self, tok: Token) -> bool:
        words = function_words(tok)
        return bool(words) and words[-1].pos_ == "SCONJ" and \
            self.lex.is_cue("contrast", words[-1].text)

    def _clause_noun(self, tok: Token) -> bool:
        return any(self.lex.is_cue(k, tok.lemma_)
                   for k in ("modal", "content", "fact", "linker"))

    def _according(self, tok: Token, r: Reading) -> None:
        """〜によると / 〜の分析では on `tok`: the source of everything below it."""
        for c in content_children(tok):
            m = self.finder.marker(c)
            content = self.lex.cue("content", c.lemma_)
            if self.lex.is_cue("according", m) or (raw_marker(c) == "では" and
                                                   content not in (None, "-")):
                # 〜によると / 〜の分析では: attributed, whether or not a source is named;
                # 〜の見積もりによると / 〜の推計では: an estimate
                r.sources += [Found("source", a, "source.according") for a in self.origin(c)]
                r.modalities.add("uncertain" if content == "uncertain" else "reported")
                r.notes.append(f"according:{c.text}")

    def _open_question(self, tok: Token) -> bool:
        """A yes/no question (ウクライナで北朝鮮軍が参戦?) hedges; a wh-question does not."""
        sent = tok.sent
        if not sent.text.rstrip().endswith(QUESTION_MARKS):
            return False
        return not any(self.lex.is_cue("wh", t.lemma_) for t in sent)

    # --- who speaks --------------------------------------------------------------------
    def speaker(self, head: Token, quote: Token | None = None) -> list[Arg]:
        """Who says what `head` reports: its subject (passive: its に/による agent), else the
        subject its clause shares, else the sentence topic; never a word of the quote."""
        passive = voice(head) == "passive"
        inside = {t.i for t in quote.subtree} if quote is not None else set()
        for c in content_children(head):
            if c.i in inside:
                continue
            by = self.finder.marker(c) == "による" or passive and self.finder.marker(c) == "に"
            if by or not passive and self.finder.is_subject(c):
                a = self.finder.phrases.of(c)
                if a is not None and _can_speak(a):
                    return [a] + self.finder.conjuncts(c)
        if passive:
            return []
        subj = self.finder.shared_subject(head) or self.finder.sentence_topic(head)
        a = self.finder.phrases.of(subj) if subj is not None and subj.i not in inside else None
        return [a] + self.finder.conjuncts(subj) if a is not None and _can_speak(a) else []

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
        if h.i == content.i or self.finder.marker(content) != "を":
            return []
        return self.speaker(h)


def _can_speak(a: Arg) -> bool:
    """A speaker is an actor or a person-like noun (当局者, 避難民), not 軍事協力関係."""
    return bool(set(a.classes) & {"ACTOR", "PLACE", "PERSON", "TROOP"})
