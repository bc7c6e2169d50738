"""Is a trigger word used in its event sense? The `needs` column of rules/triggers.tsv, checked
against the arguments found and the parse (支援 of a policy, 打撃 to an economy are not events)."""
from __future__ import annotations

from .docview import view
from .grammar import Grammar
from ..rules.event_lexicon import Condition
from .phrases import Found, can_speak, compound_chain
from .predicate import Predicate
from .syntax import children, content_children, dep, function_words, head, is_verbal, raw_marker, \
    voice


def in_sense(pred: Predicate, found: list[Found], g: Grammar) -> bool:
    if _lasting_state(pred, g):
        return False
    if pred.cand.rule.frame == "speech" and _not_a_speaker(pred, g):
        return False
    # SPEC v2: every mention is an event, a bare noun used as a label (停戦交渉は難航,
    # その発言は波紋を広げた) included; only nouns fused into a name stay out (triggers.py)
    if pred.cand.rule.frame == "speech" and _reported_content(pred, g):
        return False
    if pred.cand.rule.frame == "speech" and _potential(pred, g):
        return False                      # 確認できている: what can be confirmed, a hedge
    needs = pred.cand.rule.needs
    if any(c.veto and _holds(c, pred, found, g) for c in needs):
        return False
    return not needs or any(_holds(c, pred, found, g) for c in needs if not c.veto)


def hypothetical(pred: Predicate, g: Grammar) -> bool:
    """北朝鮮軍が派兵されれば / 侵攻を受けた場合: a conditional is an event with modality
    `uncertain` (SPEC v2; modality.py asks this)."""
    clause = pred.clause
    words = [f for t in pred.heads for f in function_words(t)]
    if any(g.lex.is_cue("conditional", w.text) for w in words) or \
            dep(clause) == "acl" and g.lex.is_cue("conditional", head(clause).lemma_):
        return True
    # …場合、もう一方は支援を行う: the consequence of a condition is no assertion either
    return any(c.i < clause.i and (g.lex.is_cue("conditional", c.lemma_) or dep(c) == "advcl"
                                   and any(g.lex.is_cue("conditional", w.text)
                                           for w in function_words(c)))
               for c in content_children(clause))


def _potential(pred: Predicate, g: Grammar) -> bool:
    """確認できている / 確認できていない: a speech verb in the potential is no speech act."""
    a, h = pred.anchor, head(pred.anchor)
    return any(w.lemma_ in ("できる", "出来る") for w in function_words(a)) or \
        h.i > a.i and h.lemma_ in ("できる", "出来る") and a.i + 1 == h.i


def _reported_content(pred: Predicate, g: Grammar) -> bool:
    """〜との分析を発表した: a content noun (kind `content`) that is what another speech verb
    says is the content of that statement, not a statement of its own."""
    a = pred.anchor
    quoted = any(raw_marker(c).startswith("と") for c in content_children(a) if c.i < a.i)
    return quoted and not is_verbal(a) and g.lex.is_cue("content", a.lemma_) and \
        g.marker(a) in ("を", "も") and head(a).i != a.i and g.is_speech(head(a))


def _lasting_state(pred: Predicate, g: Grammar) -> bool:
    """ロシアが引き続き支配している / 支配していない: a state trigger (kind `state`) under a
    continuing adverb or a negation describes who holds the ground, not a capture."""
    if not g.lex.is_cue("state", pred.anchor.lemma_):
        return False
    for t in pred.heads:
        if any(g.lex.is_cue("negation", w.lemma_) for w in function_words(t)):
            return True
        if any(g.lex.is_cue("continuing", c.lemma_) or g.lex.is_cue("continuing", c.text)
               for c in children(t) if c.i < t.i):
            return True
    return False


def _not_a_speaker(pred: Predicate, g: Grammar) -> bool:
    """状況は戦力不足を示唆している: a speech verb whose subject cannot speak means
    'indicates', not a statement."""
    if any(raw_marker(c).startswith("と") for t in pred.heads for c in content_children(t)
           if c.i < t.i):
        return False                      # 戦況は「激しい」と語った: the subject is the quote's
    subjects = [c for t in pred.heads
                if voice(t) != "passive"          # 存在が報じられた: the subject is what is said
                for c in content_children(t) if c.i < t.i and g.is_subject(c)]
    named = any(g.phrases.entity(t) is not None and g.phrases.entity(t).label_ == "ACTOR"
                for c in subjects for t in compound_chain(c))      # ポドリヤク大統領顧問
    return bool(subjects) and not named and not any(can_speak(g.phrases.of(c)) for c in subjects)


def _holds(cond: Condition, pred: Predicate, found: list[Found], g: Grammar) -> bool:
    if cond.what == "any":
        return True
    if cond.what == "sentence":           # another event of these types told in the sentence
        words = set().union(*(g.lex.trigger_words(t) for t in cond.values))
        own = {t.i for t in pred.cand.tokens}
        v = view(pred.anchor.doc)
        sent = v.sent(pred.anchor.i)
        return any(v.lemma[i] in words for i in range(sent.start, sent.end) if i not in own)
    if cond.what == "light":
        return pred.light is not None or is_verbal(pred.anchor)
    if cond.what == "quote":
        return _has_quote(pred, g)
    if cond.what == "mod":
        mods = [c for t in pred.chain for c in children(t)
                if c.i < t.i and g.marker(c) in ("compound", "の", "")]
        texts = ["".join(t.text for t in compound_chain(c)) for c in mods]
        return any(_fits(cond.values, (), c.lemma_, x) for c, x in zip(mods, texts))
    if any(f.role == cond.what and _fits(cond.values, f.arg.classes, f.arg.head.lemma_,
                                         f.arg.text) for f in found):
        return True
    return cond.what == "place" and _goal_fits(cond.values, pred)


def _goal_fits(values, pred: Predicate) -> bool:
    """領海に侵入: the goal noun itself, when the place argument went to the named place around
    it (尖閣諸島周辺の領海 gives the place 尖閣諸島, but what is entered is the waters)."""
    return any(raw_marker(c).startswith(("に", "へ")) and _fits(values, (), c.lemma_, c.text)
               for t in pred.heads for c in content_children(t))


def _fits(values, classes, lemma: str, text: str) -> bool:
    if not values:
        return True
    return any(v[1:] in classes if v.startswith("@") else (lemma == v or text.endswith(v))
               for v in values)


def _has_quote(pred: Predicate, g: Grammar) -> bool:
    """A と-clause, or an event or content noun as object (関与を認めた, 情報を伝えた)."""
    a = pred.anchor
    v = view(a.doc)
    if a.i > 0 and v.text[a.i - 1] in ("と", "とも", "などと") and v.pos[a.i - 1] == "ADP":
        return True                       # 〜と話した where the parse hung the quote elsewhere
    for t in pred.heads:
        if voice(t) == "passive":
            continue                      # 存在が報じられた: the subject is what is said
        for c in content_children(t):
            m = raw_marker(c)
            if m.startswith("と") and c.i < t.i:
                return True
            if g.marker(c) in ("を", "が", "も") and \
                    (c.lemma_ in g.event_lemmas or g.lex.is_cue("content", c.lemma_)):
                return True
    return False
