"""Arguments of a trigger from the dependency tree and case marking (rules/event_roles.tsv).

The predicate of an event is its trigger's head word (`anchor`), plus the support verb that
carries a noun trigger (`light`: 攻撃を仕掛けた, 死傷者を出した, 攻撃を受けた). Arguments are
the dependents of both, read through their case particles; then come the gaps that Japanese
leaves: the noun a relative clause modifies (ロシアが派遣した兵士), the topic shared by
coordinated clauses (北朝鮮は兵士を派遣し、武器を供与した), the owner of a bare number
(兵士のうち約4千人が死亡).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Lexicon
from .phrases import Arg, Phrases, compound_chain
from .syntax import CLAUSE_DEPS, bunsetu_head, content_children, dep, function_words, \
    is_verbal, raw_marker, voice
from .triggers import Candidate

CORE = ("が", "も", "を", "の", "compound", "")
SUBJECT = ("が", "も")
CONJ_MARKERS = {"と", "や", "および", "及び", "または", "も", "とか"}
PART_NOUNS = {"うち", "中"}          # 兵士のうち約4千人: the number's owner hangs on うち


@dataclass(frozen=True)
class Found:
    role: str
    arg: Arg
    rule: str


@dataclass
class Predicate:
    """Where an event sits in the tree."""
    cand: Candidate
    anchor: Token
    chain: list[Token]                   # anchor and the compound heads above it (攻撃開始後)
    light: Token | None = None
    light_voice: str = "active"
    self_subject: bool = False           # the trigger noun is the light verb's subject
    args: list[Found] = field(default_factory=list)

    @property
    def clause(self) -> Token:
        """The token whose position in the tree decides modality and attribution."""
        return self.light or self.chain[-1]


class ArgumentFinder:
    def __init__(self, lex: Lexicon, phrases: Phrases, speech_lemmas: set[str],
                 event_lemmas: set[str]):
        self.lex = lex
        self.phrases = phrases
        self.speech_lemmas = speech_lemmas
        self.event_lemmas = event_lemmas
        self.keep = frozenset(lex.cues["voice_keep"])

    def is_statement_verb(self, tok: Token) -> bool:
        """A STATEMENT predicate: 発表した, and the する of 明らかにした."""
        if tok.lemma_ in self.speech_lemmas:
            return True
        return tok.lemma_ == "する" and any(
            c.lemma_ in self.speech_lemmas and c.i < tok.i and raw_marker(c) in ("に", "")
            for c in tok.children)

    # --- markers and roles -------------------------------------------------------------
    def marker(self, tok: Token) -> str:
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
        for r in self.lex.roles:
            if r.matches(type_, frame, voice_, marker, arg.classes):
                return r.role
        return None

    # --- the predicate -----------------------------------------------------------------
    def predicate(self, cand: Candidate) -> Predicate:
        chain = [cand.anchor]
        while dep(chain[-1]) == "compound" and chain[-1].head.i > chain[-1].i:
            chain.append(chain[-1].head)
        pred = Predicate(cand, cand.anchor, chain)
        if cand.rule.frame != "speech" and not is_verbal(cand.anchor):
            pred.light = self._light(chain) or self._partner(chain[-1])
            if pred.light is None:
                pred.light = self._measure(chain[-1])
                pred.self_subject = pred.light is not None   # 死傷者が…を超えた
            if pred.light is not None:
                pred.light_voice = self._light_voice(pred.light, chain)
        return pred

    def _partner(self, top: Token) -> Token | None:
        """死亡または負傷した: a bare event noun coordinated with the next predicate shares it."""
        head = top.head
        if head.i <= top.i or raw_marker(top) not in CONJ_MARKERS | {""} \
                or head.lemma_ not in self.event_lemmas or dep(top) == "compound":
            return None
        return head

    def _measure(self, top: Token) -> Token | None:
        """死傷者は3000人を超えた: the verb that gives a subject noun its number (GiNZA often
        hangs the noun on the main verb instead, so siblings in between count too)."""
        if self.marker(top) != "が":
            return None
        head = top.head
        if self.lex.is_cue("measure", head.lemma_):
            return head
        for t in top.doc[top.i + 1:head.i]:
            if t.head.i == head.i and is_verbal(t) and self.lex.is_cue("measure", t.lemma_):
                return t
        return None

    def _light(self, chain: list[Token]) -> Token | None:
        for t in chain[1:]:
            if self._is_light(t):
                return t
        top = chain[-1]
        # 支援の準備を進める / 派遣の計画を発表: a plan or stop noun in between passes through
        while self.marker(top) == "の" and top.head.i > top.i and \
                self._is_light(top.head) and not is_verbal(top.head):
            if self._light_of(top.head) is None:
                return top.head
            top = top.head
        return self._light_of(top)

    def _light_of(self, top: Token) -> Token | None:
        head = top.head
        if head.i == top.i or self.marker(top) not in ("を", "が", "も", "に", "compound", ""):
            return None
        return head if self._is_light(head) else None

    def _is_light(self, tok: Token) -> bool:
        if self.lex.is_cue("announce", tok.lemma_):
            return True                       # 軍事支援を発表した: the speaker's own aid
        if tok.lemma_ in self.speech_lemmas:
            return False
        return self.lex.is_negator(tok.lemma_) or \
            any(self.lex.is_cue(k, tok.lemma_) for k in ("light", "modal"))

    def _light_voice(self, light: Token, chain: list[Token]) -> str:
        value = self.lex.cue("light", light.lemma_)
        if value in ("passive", "dpassive"):
            return value
        if not is_verbal(light):
            return "active"
        v = voice(light, self.keep)
        if v == "passive" and self._has_object(light, exclude=chain):
            return "dpassive"
        return v

    def _has_object(self, tok: Token, exclude=()) -> bool:
        return any(self.marker(c) == "を" for c in content_children(tok) if c not in exclude)

    # --- arguments ---------------------------------------------------------------------
    def find(self, pred: Predicate) -> list[Found]:
        cand, rule = pred.cand, pred.cand.rule
        skip = set(pred.chain) | set(cand.rule and cand.anchor.doc[cand.start:cand.end]) | \
            {pred.light}
        found: list[Found] = []
        for t in pred.chain:
            v = self._own_voice(t) if t.i == pred.anchor.i else "noun"
            for c in content_children(t) + self._stray_agents(t):
                if c not in skip:
                    found += self._from_child(c, t, v, rule)
        if pred.light is not None:
            for c in content_children(pred.light):
                if c not in skip:
                    found += self._from_child(c, pred.light, pred.light_voice, rule)
        for c in content_children(pred.anchor):       # ロシアが行った攻撃, 米国が発表した支援
            if dep(c) == "acl" and (self.lex.is_cue("light", c.lemma_)
                                    or self.lex.is_cue("announce", c.lemma_)):
                found += [f for g in content_children(c) if g not in skip
                          for f in self._from_child(g, c, voice(c, self.keep), rule)]
        found += self._gap(pred, found)
        found += self._shared(pred, found)
        if rule.type == "CASUALTY" and not any(f.role == "quantity" for f in found):
            found += self._casualty_count(pred)
        return dedupe(found)

    def _stray_agents(self, noun: Token) -> list[Token]:
        """ウクライナ軍によるクルスク州への攻撃: GiNZA may hang 〜による on the noun in
        between; による always modifies an event, so it belongs to the trigger."""
        if is_verbal(noun):
            return []
        return [g for c in noun.children if c.i < noun.i and dep(c) == "nmod"
                for g in c.children if g.i < c.i and self.marker(g) == "による"]

    def _own_voice(self, tok: Token) -> str:
        if is_verbal(tok):
            v = voice(tok, self.keep)
            return "dpassive" if v == "passive" and self._has_object(tok) else v
        # a bare noun with が/を dependents is a predicate (headline style: ロシア軍、X州を奪還)
        markers = {self.marker(c) for c in content_children(tok)}
        quoted = any(raw_marker(c).startswith("と") for c in content_children(tok)
                     if c.i < tok.i and is_verbal(c))          # 〜していると発表。
        return "active" if markers & {"が", "を"} or quoted else "noun"

    def _from_child(self, c: Token, head: Token, voice_: str, rule) -> list[Found]:
        arg = self.phrases.of(c)
        if arg is None:
            return []
        m = self.marker(c)
        if m == "compound" and arg.entity is None and self.phrases.entity(c.doc[c.i + 1]):
            return []                 # 要衝スジャ奪還: a classifier noun before the name
        role = self.role(rule.type, rule.frame, voice_, m, arg)
        if role is None:
            return []
        tag = f"case:{m or 'none'}"
        out = [Found(role, arg, tag)]
        out += [Found(role, a, tag + "+conj") for a in self.conjuncts(c)]
        if role == "quantity" and m in CORE:
            out += self._number_owner(c, head, rule, voice_, m)
        elif role in ("agent", "patient", "recipient"):
            out += [Found("quantity", q, "quantity.modifier") for q in self.numbers_of(c)]
        if role == "patient" and arg.entity is None:
            out += [Found("place", a, "place.of_patient") for a in self.places_of(c)]
        return out

    def places_of(self, tok: Token) -> list[Arg]:
        """ドネツク州の都市, 同州の広大な地域: the place a plain noun lies in."""
        return [a for c in tok.children if c.i < tok.i and self.marker(c) == "の"
                and (a := self.phrases.of(c)) is not None and a.label == "PLACE"]

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

    def numbers_of(self, tok: Token) -> list[Arg]:
        """NUMBER mentions that count `tok`: 1万1000人の兵士, 2000人を超える兵士,
        最大1個大隊規模の兵士."""
        out = []
        for c in tok.children:
            if c.i > tok.i:
                continue
            if dep(c) == "acl" and self.lex.is_cue("measure", c.lemma_):
                out += [a for g in c.children if (a := self.phrases.of(g)) is not None
                        and a.label == "NUMBER"]
            elif self.marker(c) in CORE:
                nums = [a for t in compound_chain(c) if (a := self.phrases.of(t)) is not None
                        and a.label == "NUMBER"]
                out += nums[:1]
        h = tok.head
        if not out and self.marker(tok) == "が" and self.lex.is_cue("measure", h.lemma_):
            out += [a for g in h.children if g.i > tok.i and (a := self.phrases.of(g))
                    is not None and a.label == "NUMBER"]       # 兵は95万人を超えた
        return out

    def _number_owner(self, num: Token, head: Token, rule, voice_: str, m: str) -> list[Found]:
        """The noun a counted subject/object belongs to: 北朝鮮軍の1個大隊, 兵士のうち約4千人."""
        ent = self.phrases.entity(num)
        first = ent.start if ent is not None else num.i
        # 北朝鮮軍の1個大隊 / 民間人5人 (a noun fused before the number)
        owners = [c for c in num.children if c.i < first and
                  (self.marker(c) in ("の", "compound") or c.i + 1 == first)]
        if not owners:
            owners = [g for c in head.children if c.lemma_ in PART_NOUNS
                      for g in c.children if self.marker(g) == "の"]
        out = []
        for o in owners:
            arg = self.phrases.of(o)
            if arg is None or arg.label in ("NUMBER", "DATE"):
                continue
            m2 = m if m in ("が", "も", "を") else "の"
            role = self.role(rule.type, rule.frame, voice_, m2, _as_people(arg))
            if role in ("agent", "patient", "recipient"):
                out.append(Found(role, arg, "quantity.owner"))
        return out

    def _gap(self, pred: Predicate, found: list[Found]) -> list[Found]:
        """A relative clause's head noun fills the role the clause leaves open."""
        p = pred.light or pred.anchor
        if dep(p) != "acl" or p.head.i < p.i:
            return []
        arg = self.phrases.of(p.head)
        if arg is None or arg.classes == ("noun",) and not self._placeish(p.head):
            return []
        rule = pred.cand.rule
        role = gap_role(rule.type, rule.frame, voice(p, self.keep), {f.role for f in found}, arg)
        if role is None:
            return []
        out = [Found(role, arg, "gap.relative")]
        out += [Found("quantity", q, "quantity.modifier") for q in self.numbers_of(p.head)]
        return out

    def _placeish(self, tok: Token) -> bool:
        return self.lex.is_cue("placeish", tok.lemma_)

    def _shared(self, pred: Predicate, found: list[Found]) -> list[Found]:
        """Zero subject and time taken from coordinated clauses of the same sentence."""
        rule = pred.cand.rule
        p = pred.clause
        have_subject = any(self.is_subject(c) for t in (pred.anchor, p)
                           for c in content_children(t))
        v = pred.light_voice if pred.light is not None else self._own_voice(pred.anchor)
        out = []
        if not have_subject and v != "noun" and not pred.self_subject:
            subj = self.shared_subject(p)
            if subj is None and (rule.frame == "speech" or p.head.i == p.i):
                subj = self.sentence_topic(p)     # the sentence topic scopes over its root
            if subj is not None:
                arg = self.phrases.of(subj)
                role = self.role(rule.type, rule.frame, v, "が", arg) if arg else None
                if role in ("agent", "patient", "recipient"):
                    out.append(Found(role, arg, "shared.subject"))
                    out += [Found(role, a, "shared.subject+conj") for a in self.conjuncts(subj)]
        roles = {f.role for f in found}
        out += [f for f in self.shared_frame(p) if f.role not in roles]
        return out

    def is_subject(self, c: Token) -> bool:
        """が/は, or も on a named actor (ロシアも北朝鮮も否定)."""
        m = self.marker(c)
        a = self.phrases.of(c) if m in SUBJECT else None
        return a is not None and (m == "が" or a.label in ("ACTOR", "PLACE"))

    def shared_subject(self, p: Token) -> Token | None:
        """The subject of the clause `p` shares: up the chain of clause links (coordinated
        clauses, the speech verb of a quoted clause, the verb of 〜する可能性がある), then
        the topic (は) of a clause coordinated before it."""
        if dep(p) == "dep" and p.head.i < p.i and self.is_subject(p.head):
            return p.head             # GiNZA sometimes hangs a clause on its own topic
        t, strict = p, False
        while True:
            t, link = self.clause_up(t)
            if t is None:
                break
            strict = strict or link == "modal"
            for c in content_children(t):
                # through 可能性/疑い only a が-subject is the clause's own (ロシアが…疑いがある)
                if c.i < p.i and self.is_subject(c) and not (strict and self.marker(c) != "が"):
                    return c
        for c in self.clauses_before(p):
            for g in content_children(c):
                if raw_marker(g) == "は" and self.phrases.of(g) is not None:
                    return g
        return None

    def sentence_topic(self, p: Token) -> Token | None:
        """The first は-topic of the sentence before `p`: a speech verb's speaker when the
        parse hung it inside the quoted clause (ウクライナ軍は、…と主張しており)."""
        for t in p.sent:
            if t.i >= p.i:
                return None
            if raw_marker(t) == "は" and self.is_subject(t):
                return t
        return None

    def shared_frame(self, p: Token) -> list[Found]:
        """When and where of coordinated clauses: a DATE, or a place topic (〜では), on a
        clause that `p` is coordinated into, before `p`."""
        t, out = p, []
        while not out:
            t, link = self.clause_up(t)
            if t is None or link not in ("clause", "linker"):
                break
            for c in content_children(t):
                a = self.phrases.of(c) if c.i < p.i else None
                if a is not None and a.label == "DATE":
                    out.append(Found("time", a, "shared.time"))
                elif a is not None and a.label == "PLACE" and raw_marker(c) == "では":
                    out.append(Found("place", a, "shared.place"))
        return out

    def clause_up(self, t: Token) -> tuple[Token | None, str]:
        """The clause `t` is coordinated with or embedded in, and how: `clause` (a clause
        link), `linker` (〜しているほか、…), `quote` (〜と発表した), `modal` (〜した疑いがある)."""
        h = t.head
        if h.i == t.i:
            return None, ""
        if dep(t) in CLAUSE_DEPS or dep(t) == "acl" and raw_marker(t).endswith("など"):
            return (h.head if dep(t) == "acl" else h), "clause"     # 〜を投入するなど…を図った
        if self.marker(t).startswith("と") and (self.is_statement_verb(h)
                                                 or self.lex.is_cue("speech", h.lemma_)):
            return h, "quote"
        if dep(t) == "acl" and self.lex.is_cue("modal", h.lemma_):
            # 〜する予定だ / 〜する可能性がある: the topic is the event's; 〜の可能性を懸念: not
            if h.head.i == h.i or any(dep(c) == "cop" for c in h.children):
                return h, "clause"
            up = "clause" if self.lex.is_cue("hedge_verb", h.head.lemma_) else "modal"
            return h.head, up
        if dep(t) == "acl" and h.head.i != h.i and self.lex.is_cue("linker", h.lemma_):
            return h.head, "linker"
        return None, ""

    def clauses_before(self, p: Token) -> list[Token]:
        """Clauses coordinated before `p`, nearest first (their own earlier clauses too)."""
        out = []
        for c in sorted(content_children(p), key=lambda c: -c.i):
            if c.i > p.i:
                continue
            if dep(c) in CLAUSE_DEPS:
                out += [c] + self.clauses_before(c)
            elif self.lex.is_cue("linker", c.lemma_):
                for g in c.children:
                    if dep(g) == "acl":
                        out += [g] + self.clauses_before(g)
        return out

    def _casualty_count(self, pred: Predicate) -> list[Found]:
        """死傷者は3000人を超えた / 死傷者125,800人だった / 死傷者が数百人規模: the number the
        casualty noun is said to reach."""
        top = bunsetu_head(pred.anchor)
        head = top.head
        if head.i == top.i:
            return []
        places = [head] + [t for t in top.doc[top.i + 1:head.i]
                           if self.lex.is_cue("measure", t.lemma_)]
        out = []
        for h in places:
            for t in [h] + list(h.children):
                a = self.phrases.of(t)
                if a is not None and a.label == "NUMBER" and t.i > pred.anchor.i:
                    out.append(Found("quantity", a, "quantity.predicate"))
            if out:
                break
        return out


def gap_role(type_: str, frame: str, voice_: str, roles: set[str], arg: Arg) -> str | None:
    """Role of the noun a relative clause modifies: the one the clause leaves unfilled."""
    if arg.label in ("DATE", "NUMBER"):
        return None
    if frame == "speech":
        return "agent" if "agent" not in roles else None
    if voice_ == "passive" or frame in ("intrans", "loss"):
        return "patient" if "patient" not in roles else None
    if frame == "self":
        return "agent" if "agent" not in roles else None
    if frame == "receive":
        return "recipient" if "recipient" not in roles else None
    if "patient" in roles and "agent" not in roles:
        return "agent"
    if "agent" in roles and "patient" not in roles:
        return "patient"
    if roles & {"agent", "patient"}:
        return None
    if "ACTOR" in arg.classes and "TROOP" not in arg.classes:
        return "agent"
    return "agent" if type_ == "ATTACK" and "TROOP" in arg.classes else "patient"


def _as_people(arg: Arg) -> Arg:
    """An owner of a head count is people even if its noun is not listed (これらの兵士)."""
    if "TROOP" in arg.classes or "PERSON" in arg.classes or arg.entity is not None:
        return arg
    return Arg(arg.start, arg.end, arg.head, ("PERSON", "noun"), None)


def dedupe(found: list[Found]) -> list[Found]:
    seen, out = set(), []
    for f in found:
        key = (f.role, f.arg.start, f.arg.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
