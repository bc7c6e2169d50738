"""Polarity and modality of an event, read on the way from its trigger to the root of the
sentence (SPEC §5, GUIDELINES §6: uncertain > planned > reported > asserted).

- the trigger's own auxiliaries: negation (〜していない, 〜ず), hedges (〜か, 〜だろう);
- the trigger noun as the subject of a negated existence (攻撃はなかった, 戦闘は起きていない);
- words on the path: plans and hedges (予定, 検討, 可能性), denials and stops (参加を否定,
  支援を停止, 交渉拒否), a negated fact (派遣した事実はない), attribution (attribution.py);
- a yes/no question (北朝鮮軍が参戦?) hedges.
A restrictive relative clause (ロシアが派遣した兵士は…) is presupposed: from the matrix clause
it inherits attribution only, not hedges, plans or negation; a contrastive clause (〜が、)
asserts on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .attribution import Attribution
from .docview import View
from .grammar import Grammar
from .phrases import Found
from .predicate import Predicate, time_noun
from .senses import hypothetical
from .syntax import CLAUSE_DEPS, non_past_at, verbal_at

RANK = {"uncertain": 3, "planned": 2, "reported": 1, "asserted": 0}
QUESTION_MARKS = ("?", "？")
HEADED_FOR = ("へ",)      # a sentence closed by an event noun + へ (米、支援再開へ) is to come


@dataclass
class Reading:
    negative: bool = False
    modalities: set[str] = field(default_factory=set)
    sources: list[Found] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    prospective: bool = False     # told as still to come or only possible (see `read`)

    @property
    def modality(self) -> str:
        return max(self.modalities | {"asserted"}, key=RANK.__getitem__)

    @property
    def polarity(self) -> str:
        return "negative" if self.negative else "positive"

    def add(self, modality: str, note: str) -> None:
        self.modalities.add(modality)
        self.notes.append(note)

    def negate(self, note: str) -> None:
        self.negative = True
        self.notes.append(note)


class ModalityReader:
    """Tokens are indices into the Doc the Grammar reads."""

    def __init__(self, g: Grammar):
        self.g = g
        self.lex = g.lex
        self.v = g.v
        self.attribution = Attribution(g)
        self._questions: dict[int, bool] = {}    # `_open_question` per sentence start
        self._requests = g.lex.trigger_words("REQUEST")      # 停止を求める: a stop not yet made

    def read(self, pred: Predicate) -> Reading:
        r = Reading()
        self._own_cues(pred, r)
        if hypothetical(pred, self.g):
            r.add("uncertain", "conditional")
        # climb from the trigger itself, so that a plan or stop noun between it and its
        # support verb (支援の準備を進める, 支援を停止した) is read on the way
        start = pred.chain[-1]
        self._absent(start, r)
        self._according(start, r)
        restricted = False
        heads = self.v.head
        child = start
        while heads[child] != child:           # (child, head) edges up to the root
            head = heads[child]
            if self._contrastive(child):
                break
            if not self._attributed(child, head, r, restricted, pred):
                self._content(child, head, r)
                if not restricted:
                    self._scope(child, head, r)
            # 攻撃があり、当局によると…死亡した: によると reaches the clauses after it only
            self._according(head, r, before=child if self.v.dep[child] in CLAUSE_DEPS else None)
            restricted = restricted or self._restrictive(child, head)
            child = head
        if not restricted and self._open_question(start):
            r.add("uncertain", "question")
        r.prospective = self._prospective(pred, r)
        return r

    def _prospective(self, pred: Predicate, r: Reading) -> bool:
        """派兵されれば, 派遣すると発表, 派遣の準備, 投入する可能性, 兵力投入の可能性: an act still to
        come or only possible, not one told as done but hedged (投入した疑い, 派兵か, 派兵の
        疑い): a conditional, an announcement of it, a plan word, a hedge over a verb in the
        non-past, or over a noun a word of what is expected (kind `expect`: 可能性, 恐れ)."""
        if any(n == "conditional" or n.startswith(("future:", "headline:")) for n in r.notes):
            return True
        words = [n[len("modal:"):] for n in r.notes if n.startswith("modal:")]
        if not words:
            return False
        modal, expect, v = self.lex.cues["modal"], self.lex.cues["expect"], self.v
        if any(modal.get(w) == "planned" for w in words):
            return True                   # 派遣の準備を進めている, 派兵する予定だった
        if verbal_at(v, pred.clause):     # 投入する可能性 / 派兵するだろう, not 投入した疑い
            return non_past_at(v, pred.clause, self.lex.cues["done"])
        return any(w in expect for w in words)    # 兵力投入の可能性, not 派兵の疑い or 派兵か

    def _own_cues(self, pred: Predicate, r: Reading) -> None:
        v = self.v
        words = [f for t in pred.chain + pred.heads[1:] for f in v.function_words[t]]
        self._function_cues(v, words, r, negate=True)
        last = pred.chain[-1]
        if v.head[last] == last and v.text[(v.function_words[last] or [last])[-1]] in HEADED_FOR:
            r.add("planned", "headline:へ")      # 追加派兵へ: a headline's noun closed by へ
        for t in pred.chain[1:]:                 # 交渉拒否, 派遣計画: fused stop or plan nouns
            lemma = v.lemma[t]
            if self.lex.is_negator(lemma):
                r.negate(f"negator:{v.text[t]}")
            if lemma in self.lex.cues["modal"]:
                r.add(self.lex.cues["modal"].get(lemma), f"modal:{v.text[t]}")

    def _absent(self, start: int, r: Reading) -> None:
        """攻撃はなかった, 領空侵犯はない, 戦闘は起きていない: the event noun is the subject of
        a negated existence or occurrence (cue kinds `negation`, `occur`). Only the trigger's
        own predicate: in 攻撃による被害はなかった the attack happened."""
        v, lex = self.v, self.lex
        head = v.head[start]
        if head == start or self.g.markers[start] not in ("が", "は", "も"):
            return
        hl, words = v.lemma[head], v.function_words[head]
        if any(lex.cues["modal"].get(v.lemma[w]) or lex.cues["modal"].get(v.text[w])
               for w in words):
            return                       # 合意があったのではないか: a hedge, not a denial
        if hl in lex.cues["negation"] or hl in lex.cues["occur"] and \
                any(v.lemma[w] in lex.cues["negation"] for w in words):
            r.negate(f"absent:{v.text[head]}")

    def _function_cues(self, v: View, words: list[int], r: Reading, negate: bool) -> None:
        hedged = False
        for w in words:
            m = self.lex.cues["modal"].get(v.lemma[w]) or self.lex.cues["modal"].get(v.text[w])
            if m:
                r.add(m, f"modal:{v.text[w]}")
                hedged = hedged or m == "uncertain"
        # のではないか / かもしれない: a hedge, not a denial
        if negate and not hedged and any(v.lemma[w] in self.lex.cues["negation"] for w in words):
            r.negate("negation")

    def _attributed(self, child: int, head: int, r: Reading, restricted: bool,
                    pred: Predicate) -> bool:
        value = self.attribution.speech(child, head, pred.chain)
        if value is None:
            return False
        if self._tells_when(pred):
            return True                    # 会談後、…と語った: when it was said, not what
        if pred.cand.rule.type == "STATEMENT" and self.g.markers[pred.chain[-1]] == "で":
            return True                    # 投稿で、…と明らかにした: where it was said, not what
        # a presupposed clause (ロシアが派遣した兵士は…とみられる) is attributed, not hedged
        text = self.v.text[head]
        r.add("reported" if restricted else value, f"speech:{text}")
        if not restricted and self.lex.cues["modal"].get(self.v.lemma[head]) == "planned" \
                and self.g.markers[child] not in ("と", "とも"):
            # ミサイル発射を予告: told ahead, to come (a と-clause has its own tense, below:
            # 攻撃したと警告 is reported)
            r.add("planned", f"modal:{text}")
        # 追加支援を行うと発表した, 「数日内に話し合う」と述べた: the event's own verb in the
        # non-past as what is said is announced, not told as done (but 死者が千人を超えると
        # 発表: a count's measure verb states the present)
        if not restricted and child in pred.heads and self.g.markers[child] in ("と", "とも") \
                and self.v.lemma[child] not in self.lex.cues["measure"] \
                and non_past_at(self.v, child, self.lex.cues["done"]):
            r.add("planned", f"future:{self.v.text[child]}")
        r.sources += self.attribution.sources(head, child)
        if self.v.lemma[head] in self.lex.cues["negator"] and not restricted:
            r.negate(f"denied:{text}")
        return True

    def _content(self, child: int, head: int, r: Reading) -> None:
        value = self.attribution.content(child, head)
        if value is not None:
            r.add(value, f"content:{self.v.text[head]}")
            r.sources += [Found("source", a, "source.holder")
                          for a in self.attribution.holder(head)]

    def _scope(self, child: int, head: int, r: Reading) -> None:
        """Plans, hedges, stops and negated facts that govern `child`."""
        v, lex = self.v, self.lex
        hl = v.lemma[head]
        # a plan or hedge on the next coordinated clause is that clause's own
        if hl in lex.cues["modal"] and v.dep[child] not in CLAUSE_DEPS:
            r.add(lex.cues["modal"].get(hl), f"modal:{v.text[head]}")
        for sib in v.content[head]:                # 解放を目標とし (not …を検討していると述べ)
            if v.lemma[sib] in lex.cues["modal"] and self.g.markers[sib] == "と" \
                    and not verbal_at(v, sib):
                r.add(lex.cues["modal"].get(v.lemma[sib]), f"modal:{v.text[sib]}")
        self._function_cues(v, v.function_words[head], r, negate=False)
        if lex.is_negator(hl) and self.g.markers[child] in ("を", "compound", "の") \
                and v.lemma[child] not in self.g.speech_lemmas \
                and v.lemma[v.head[head]] not in self._requests:
            # 主張を否定: a claim was made; 戦闘の停止を求めた: a stop asked for, the fighting goes on
            r.negate(f"negator:{v.text[head]}")
        if hl in lex.cues["fact"] and v.dep[child] == "acl" and \
                v.lemma[v.head[head]] in lex.cues["negation"]:
            r.negate(f"no_fact:{v.text[head]}")

    def _tells_when(self, pred: Predicate) -> bool:
        """会談後、「…」と語った: an event noun closed by a time noun (cue kind `when`) and a
        comma opens the sentence as its time, even where the parse hangs it in the quote."""
        t = time_noun(pred, self.g)
        return t is not None and t + 1 < self.v.n and self.v.text[t + 1] in ("、", ",")

    def _according(self, i: int, r: Reading, before: int | None = None) -> None:
        """〜によると on `i`; with `before` (the clause the climb came up from), only one
        written before that clause's end."""
        for modality, sources, note, c in self.attribution.according(i):
            if before is not None and c > before:
                continue
            r.sources += [Found("source", a, "source.according") for a in sources]
            r.add(modality, f"according:{note}")

    def _restrictive(self, child: int, head: int) -> bool:
        """ロシアが派遣した兵士: a relative clause on a plain noun (not 〜する可能性,
        〜との情報, 〜しているほか, 〜するなど)."""
        v = self.v
        return v.dep[child] == "acl" and not v.raw_marker[child].endswith("など") and not any(
            v.lemma[head] in self.lex.cues[k] for k in ("modal", "content", "fact", "linker"))

    def _contrastive(self, i: int) -> bool:
        """〜が、…と述べた: a clause closed by a contrastive conjunction."""
        v = self.v
        words = v.function_words[i]
        return bool(words) and v.pos[words[-1]] == "SCONJ" and \
            v.text[words[-1]] in self.lex.cues["contrast"]

    def _open_question(self, i: int) -> bool:
        """A yes/no question (ウクライナで北朝鮮軍が参戦?) hedges; a wh-question does not."""
        v = self.v
        sent = v.sent(i)
        found = self._questions.get(sent.start)
        if found is None:
            found = self._questions[sent.start] = \
                v.sent_text(sent).rstrip().endswith(QUESTION_MARKS) and \
                not any(v.lemma[k] in self.lex.cues["wh"] for k in range(sent.start, sent.end))
        return found
