"""Where an event sits in the tree: its trigger's head word and the word that carries it.

A noun trigger's arguments hang on a support verb (攻撃を仕掛けた, 死傷者を出した, 攻撃を
受けた), on the predicate it is coordinated with (死亡または負傷した), or on the verb that
gives it a number (死傷者は3000人を超えた).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .docview import view
from .grammar import CONJ_MARKERS, Grammar
from .syntax import children, dep, head, is_verbal, raw_marker, voice, verbal_at
from .triggers import Candidate


@dataclass
class Predicate:
    cand: Candidate
    anchor: Token                        # syntactic head of the trigger words
    chain: list[Token]                   # anchor and the compound heads above it (攻撃開始後)
    light: Token | None = None           # the word carrying a noun trigger
    light_voice: str = "active"
    self_subject: bool = False           # the trigger noun is the light word's subject

    @property
    def clause(self) -> Token:
        """The token whose position in the tree decides sharing, gaps and modality."""
        return self.light or self.chain[-1]

    @property
    def heads(self) -> list[Token]:
        return [self.anchor] + ([self.light] if self.light is not None else [])


def locate(cand: Candidate, g: Grammar) -> Predicate:
    v = view(cand.anchor.doc)
    ids = [cand.anchor.i]
    while v.dep[ids[-1]] == "compound" and v.head[ids[-1]] > ids[-1]:
        ids.append(v.head[ids[-1]])
    chain = v.tokens(ids)
    pred = Predicate(cand, cand.anchor, chain)
    last, a, h = cand.end - 1, cand.anchor.i, v.head[cand.anchor.i]
    if cand.rule.frame == "speech" and last > a and h == last and verbal_at(v, last):
        pred.light = v.token(last)        # 声明を出した: the pattern's own verb carries it
        return pred
    if cand.rule.frame == "speech" and not verbal_at(v, a) and h > a \
            and g.marker(cand.anchor) == "を" and g.lex.cue("light", v.lemma[h]) == "dpassive":
        pred.light, pred.light_voice = v.token(h), "dpassive"   # 報告を受けた: the subject receives
        return pred
    if cand.rule.frame == "speech" or is_verbal(cand.anchor):
        return pred
    pred.light = _light(chain, g) or _partner(chain[-1], g)
    if pred.light is None:
        pred.light = _measure(chain[-1], g)
        pred.self_subject = pred.light is not None
    if pred.light is not None:
        pred.light_voice = _light_voice(pred.light, chain, g)
    return pred


def _light(chain: list[Token], g: Grammar) -> Token | None:
    for t in chain[1:]:
        if g.is_light(t):
            return t
    top = chain[-1]
    # 支援の準備を進める / 派遣の計画を発表: a plan or stop noun in between passes through
    while g.marker(top) == "の" and head(top).i > top.i and g.is_light(head(top)) \
            and not is_verbal(head(top)):
        if _light_of(head(top), g) is None:
            return head(top)
        top = head(top)
    return _light_of(top, g)


def _light_of(top: Token, g: Grammar) -> Token | None:
    h = head(top)
    if h.i == top.i or g.marker(top) not in ("を", "が", "も", "に", "compound", ""):
        return None
    return h if g.is_light(h) else None


def _partner(top: Token, g: Grammar) -> Token | None:
    """死亡または負傷した: a bare event noun coordinated with the next predicate shares it."""
    h = head(top)
    if h.i <= top.i or raw_marker(top) not in CONJ_MARKERS | {""} \
            or h.lemma_ not in g.event_lemmas or dep(top) == "compound":
        return None
    # 「テロ攻撃」と呼んだ / 卑劣な攻撃だと非難した: と before a speech verb marks what is said,
    # not a partner (the speaker is not the doer of the act it names)
    if raw_marker(top) == "と" and g.is_speech(h):
        return None
    # 5人が死亡、10人が負傷した: a noun with its own subject is a clause of its own
    if any(c.i < top.i and g.marker(c) == "が" for c in children(top)):
        return None
    return h


def _measure(top: Token, g: Grammar) -> Token | None:
    """死傷者は3000人を超えた: the verb that gives a subject noun its number (GiNZA often
    hangs the noun on the main verb instead, so siblings in between count too)."""
    if g.marker(top) != "が":
        return None
    v = view(top.doc)
    h = v.head[top.i]
    if g.lex.is_cue("measure", v.lemma[h]):
        return v.token(h)
    for t in range(top.i + 1, h):
        if v.head[t] == h and verbal_at(v, t) and g.lex.is_cue("measure", v.lemma[t]):
            return v.token(t)
    return None


def _light_voice(light: Token, chain: list[Token], g: Grammar) -> str:
    value = g.lex.cue("light", light.lemma_)
    if value in ("passive", "dpassive"):
        return value                      # 攻撃を受けた, 死傷者を出した
    if not is_verbal(light):
        return "active"
    v = voice(light, g.keep)
    if v == "passive" and g.marker(chain[-1]) == "を" and head(chain[-1]).i == light.i:
        return "active"      # 砲撃を続けられる: with the trigger as its object, られる is potential
    return "dpassive" if v == "passive" and g.has_object(light, exclude=chain) else v
