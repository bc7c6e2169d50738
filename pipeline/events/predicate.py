"""Where an event sits in the tree: its trigger's head word and the word that carries it.

A noun trigger's arguments hang on a support verb (攻撃を仕掛けた, 死傷者を出した, 攻撃を
受けた), on the predicate it is coordinated with (死亡または負傷した), or on the verb that
gives it a number (死傷者は3000人を超えた).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .grammar import CONJ_MARKERS, Grammar
from .syntax import verbal_at, voice_at
from .triggers import Candidate


@dataclass
class Predicate:
    """Tokens are indices into the Doc (the Grammar's View)."""
    cand: Candidate
    anchor: int                          # syntactic head of the trigger words
    chain: list[int]                     # anchor and the compound heads above it (攻撃開始後)
    light: int | None = None             # the word carrying a noun trigger
    light_voice: str = "active"
    self_subject: bool = False           # the trigger noun is the light word's subject
    # set by `settle` once `light` is known (read many times by every stage):
    clause: int = field(init=False, default=-1)   # the token whose position in the tree
    #                                               decides sharing, gaps and modality
    heads: list[int] = field(init=False, default_factory=list)   # anchor (and light)

    def settle(self) -> Predicate:
        self.clause = self.light if self.light is not None else self.chain[-1]
        self.heads = [self.anchor] + ([self.light] if self.light is not None else [])
        return self


def locate(cand: Candidate, g: Grammar) -> Predicate:
    return _locate(cand, g).settle()


def _locate(cand: Candidate, g: Grammar) -> Predicate:
    v = g.v
    a = cand.anchor
    ids = [a]
    while v.dep[ids[-1]] == "compound" and v.head[ids[-1]] > ids[-1]:
        ids.append(v.head[ids[-1]])
    pred = Predicate(cand, a, ids)
    last, h = cand.end - 1, v.head[a]
    if cand.rule.frame == "speech" and last > a and h == last and verbal_at(v, last):
        pred.light = last                 # 声明を出した: the pattern's own verb carries it
        return pred
    if cand.rule.frame == "speech" and not verbal_at(v, a) and h > a \
            and g.markers[a] == "を" and g.lex.cues["light"].get(v.lemma[h]) == "dpassive":
        pred.light, pred.light_voice = h, "dpassive"   # 報告を受けた: the subject receives
        return pred
    if cand.rule.frame == "speech" or verbal_at(v, a):
        return pred
    if _adverbial(ids, g):
        return pred
    light = _light(ids, g)
    pred.light = light if light is not None else _partner(ids[-1], g)
    if pred.light is None:
        pred.light = _measure(ids[-1], g)
        pred.self_subject = pred.light is not None
    if pred.light is not None:
        pred.light_voice = _light_voice(pred.light, ids, g)
    return pred


def time_noun(pred: Predicate, g: Grammar) -> int | None:
    """会談後, 空爆の後: the time noun (cue kind `when`) that closes the trigger's phrase, directly
    or after の, or None. Such a mention tells when something else happened (modality.py,
    sentence.py: when a thing was said, not what)."""
    v, when = g.v, g.lex.cues["when"]
    t = pred.chain[-1]
    if v.lemma[t] not in when and g.markers[t] == "の":
        t = v.head[t]
    return t if t != pred.anchor and v.lemma[t] in when else None


def _adverbial(chain: list[int], g: Grammar) -> bool:
    """戦闘開始以降、… / 攻撃直後、…: a compound closed by a suffix noun with no particle
    after it is a time adverbial of the clause; the clause's verb does not carry the event."""
    top = chain[-1]
    return top != chain[0] and g.markers[top] == "" and g.v.lemma[top] in g.lex.cues["suffix"]


def _light(chain: list[int], g: Grammar) -> int | None:
    for t in chain[1:]:
        if g.is_light(t):
            return t
    v = g.v
    top = chain[-1]
    # 支援の準備を進める / 派遣の計画を発表: a plan or stop noun in between passes through
    while g.markers[top] == "の" and v.head[top] > top and g.is_light(v.head[top]) \
            and not verbal_at(v, v.head[top]):
        if _light_of(v.head[top], g) is None:
            return v.head[top]
        top = v.head[top]
    return _light_of(top, g)


def _light_of(top: int, g: Grammar) -> int | None:
    v = g.v
    h = v.head[top]
    if h == top or g.markers[top] not in ("を", "が", "も", "に", "compound", ""):
        return None
    # 5人が死亡、20人がけがをした: a bare noun with its own subject is a clause of its own,
    # not the object of the next clause's support verb
    if g.markers[top] == "" and any(c < top and g.markers[c] == "が" for c in v.children[top]):
        return None
    return h if g.is_light(h) else None


def _partner(top: int, g: Grammar) -> int | None:
    """死亡または負傷した: a bare event noun coordinated with the next predicate shares it."""
    v = g.v
    h = v.head[top]
    raw = v.raw_marker[top]
    if h <= top or raw not in CONJ_MARKERS | {""} \
            or v.lemma[h] not in g.event_lemmas or v.dep[top] == "compound":
        return None
    # 「テロ攻撃」と呼んだ / 卑劣な攻撃だと非難した: と before a speech verb marks what is said,
    # not a partner (the speaker is not the doer of the act it names)
    if raw == "と" and g.is_speech(h):
        return None
    # 5人が死亡、10人が負傷した: a noun with its own subject is a clause of its own
    if any(c < top and g.markers[c] == "が" for c in v.children[top]):
        return None
    return h


def _measure(top: int, g: Grammar) -> int | None:
    """死傷者は3000人を超えた: the verb that gives a subject noun its number (GiNZA often
    hangs the noun on the main verb instead, so siblings in between count too)."""
    if g.markers[top] != "が":
        return None
    v = g.v
    h = v.head[top]
    if v.lemma[h] in g.lex.cues["measure"]:
        return h
    for t in range(top + 1, h):
        if v.head[t] == h and verbal_at(v, t) and v.lemma[t] in g.lex.cues["measure"]:
            return t
    return None


def _light_voice(light: int, chain: list[int], g: Grammar) -> str:
    v = g.v
    value = g.lex.cues["light"].get(v.lemma[light])
    if value in ("passive", "dpassive"):
        return value                      # 攻撃を受けた, 死傷者を出した
    if not verbal_at(v, light):
        return "active"
    vo = voice_at(v, light, g.keep)
    if vo == "passive" and g.markers[chain[-1]] == "を" and v.head[chain[-1]] == light:
        return "active"      # 砲撃を続けられる: with the trigger as its object, られる is potential
    return "dpassive" if vo == "passive" and g.has_object(light, exclude=chain) else vo
