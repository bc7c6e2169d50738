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
from .phrases import Arg, Phrases
from .syntax import CLAUSE_DEPS, bunsetu_head, content_children, dep, function_words, \
    is_verbal, raw_marker, voice
from .triggers import Candidate

CORE = ("が", "を", "の", "compound", "")
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
    args: list[Found] = field(default_factory=list)

    @property
    def clause(self) -> Token:
        """The token whose position in the tree decides modality and attribution."""
        return self.light or self.chain[-1]


class ArgumentFinder:
    def __init__(self, lex: Lexicon, phrases: Phrases, speech_lemmas: set[str]):
        self.lex = lex
        self.phrases = phrases
        self.speech_lemmas = speech_lemmas
        self.keep = frozenset(lex.cues["voice_keep"])

    # --- markers and roles -------------------------------------------------------------
    def marker(self, tok: Token) -> str:
        raw = raw_marker(tok)
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
            pred.light = self._light(chain)
            if pred.light is not None:
                pred.light_voice = self._light_voice(pred.light, chain)
        return pred

    def _light(self, chain: list[Token]) -> Token | None:
        for t in chain[1:]:
            if self._is_light(t):
                return t
        top = chain[-1]
        head = top.head
        if head is top or self.marker(top) not in ("を", "が", "に", "compound", ""):
            return None
        return head if self._is_light(head) else None

    def _is_light(self, tok: Token) -> bool:
        if tok.lemma_ in self.speech_lemmas:
            return False
        return any(self.lex.is_cue(k, tok.lemma_) for k in ("light", "negator", "modal"))

    def _light_voice(self, light: Token, chain: list[Token]) -> str:
        if self.lex.cue("light", light.lemma_) == "passive":
            return "passive"
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
        skip = set(pred.chain) | set(cand.tokens) | {pred.light}
        found: list[Found] = []
        for t in pred.chain:
            v = self._own_voice(t) if t is pred.anchor else "noun"
            for c in content_children(t):
                if c not in skip:
                    found += self._from_child(c, t, v, rule)
        if pred.light is not None:
            for c in content_children(pred.light):
                if c not in skip:
                    found += self._from_child(c, pred.light, pred.light_voice, rule)
        for c in content_children(pred.anchor):
            if dep(c) == "acl" and self._is_light(c) and c.lemma_ in self.lex.cues["light"]:
                found += [f for g in content_children(c) if g not in skip
                          for f in self._from_child(g, c, voice(c, self.keep), rule)]
        found += self._gap(pred, found)
        found += self._shared(pred, found)
        if rule.type == "CASUALTY" and not any(f.role == "quantity" for f in found):
            found += self._casualty_count(pred)
        return dedupe(found)

    def _own_voice(self, tok: Token) -> str:
        if is_verbal(tok):
            return voice(tok, self.keep)
        # a bare noun with が/を dependents is a predicate (headline style: ロシア軍、X州を奪還)
        markers = {self.marker(c) for c in content_children(tok)}
        return "active" if markers & {"が", "を"} else "noun"

    def _from_child(self, c: Token, head: Token, voice_: str, rule) -> list[Found]:
        arg = self.phrases.of(c)
        if arg is None:
            return []
        m = self.marker(c)
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
        return out

    def conjuncts(self, tok: Token) -> list[Arg]:
        """ロシアと北朝鮮は / ロシアも北朝鮮も / 兵士と武器を: the nouns joined to `tok`."""
        out = []
        for c in tok.children:
            if c.i < tok.i and dep(c) in ("nmod", "conj", "appos") \
                    and raw_marker(c) in CONJ_MARKERS:
                a = self.phrases.of(c)
                if a is not None and a.label not in ("NUMBER", "DATE"):
                    out.append(a)
                    out += self.conjuncts(c)
        return out

    def numbers_of(self, tok: Token) -> list[Arg]:
        """NUMBER mentions that count `tok`: 1万1000人の兵士, 2000人を超える兵士."""
        out = []
        for c in tok.children:
            if c.i > tok.i:
                continue
            a = self.phrases.of(c)
            if a is not None and a.label == "NUMBER" and self.marker(c) in CORE:
                out.append(a)
            elif dep(c) == "acl" and self.lex.is_cue("measure", c.lemma_):
                out += [a for g in c.children if (a := self.phrases.of(g)) is not None
                        and a.label == "NUMBER"]
        return out

    def _number_owner(self, num: Token, head: Token, rule, voice_: str, m: str) -> list[Found]:
        """The noun a counted subject/object belongs to: 北朝鮮軍の1個大隊, 兵士のうち約4千人."""
        owners = [c for c in num.children if c.i < num.i and self.marker(c) in ("の", "compound")]
        if not owners:
            owners = [g for c in head.children if c.lemma_ in PART_NOUNS
                      for g in c.children if self.marker(g) == "の"]
        out = []
        for o in owners:
            arg = self.phrases.of(o)
            if arg is None or arg.label in ("NUMBER", "DATE"):
                continue
            m2 = m if m in ("が", "を") else "の"
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
        have_subject = any(self.marker(c) == "が" for t in (pred.anchor, p)
                           for c in content_children(t))
        v = pred.light_voice if pred.light is not None else self._own_voice(pred.anchor)
        out = []
        if not have_subject and v != "noun":
            subj = self.shared_subject(p)
            if subj is not None:
                arg = self.phrases.of(subj)
                role = self.role(rule.type, rule.frame, v, "が", arg) if arg else None
                if role in ("agent", "patient", "recipient"):
                    out.append(Found(role, arg, "shared.subject"))
                    out += [Found(role, a, "shared.subject+conj") for a in self.conjuncts(subj)]
        if not any(f.role == "time" for f in found):
            out += [Found("time", a, "shared.time") for a in self.shared_dates(p)]
        return out

    def shared_subject(self, p: Token) -> Token | None:
        """The subject of the clause `p` is coordinated with: up the chain of clause links,
        then the topic (は) of a clause coordinated before it."""
        t = p
        while dep(t) in CLAUSE_DEPS and t.head is not t:
            t = t.head
            for c in content_children(t):
                if c.i < p.i and self.marker(c) == "が" and self.phrases.of(c) is not None:
                    return c
        for c in content_children(p):
            if dep(c) in CLAUSE_DEPS and c.i < p.i:
                for g in content_children(c):
                    if raw_marker(g).startswith("は") and self.phrases.of(g) is not None:
                        return g
        return None

    def shared_dates(self, p: Token) -> list[Arg]:
        t, out = p, []
        while dep(t) in CLAUSE_DEPS and t.head is not t and not out:
            t = t.head
            out = [a for c in content_children(t) if c.i < p.i
                   and (a := self.phrases.of(c)) is not None and a.label == "DATE"]
        return out

    def _casualty_count(self, pred: Predicate) -> list[Found]:
        """死傷者は3000人を超えた / 死傷者125,800人だった / 死傷者が数百人規模: the number the
        casualty noun is said to reach."""
        top = bunsetu_head(pred.anchor)
        head = top.head
        if head is top:
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
