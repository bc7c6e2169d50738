"""Is a trigger word used in its event sense? The `needs` column of rules/triggers.tsv, checked
against the arguments found and the parse (支援 of a policy, 打撃 to an economy are not events)."""
from __future__ import annotations

from ..parse.doctext import text_of
from .grammar import Grammar
from ..rules.event_lexicon import Condition
from .phrases import Found, can_speak, compound_ids
from .predicate import Predicate
from .syntax import verbal_at, voice_at


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
    v = g.v
    conditional = g.lex.cues["conditional"]
    clause = pred.clause
    text, function_words = v.text, v.function_words
    for t in pred.heads:
        for w in function_words[t]:
            if text[w] in conditional:
                return True
    if v.dep[clause] == "acl" and v.lemma[v.head[clause]] in conditional:
        return True
    # …場合、もう一方は支援を行う: the consequence of a condition is no assertion either
    for c in v.content[clause]:
        if c < clause and (v.lemma[c] in conditional or v.dep[c] == "advcl"
                           and any(text[w] in conditional for w in function_words[c])):
            return True
    return False


def _potential(pred: Predicate, g: Grammar) -> bool:
    """確認できている / 確認できていない: a speech verb in the potential is no speech act."""
    v = g.v
    a = pred.anchor
    h = v.head[a]
    return any(v.lemma[w] in ("できる", "出来る") for w in v.function_words[a]) or \
        h > a and v.lemma[h] in ("できる", "出来る") and a + 1 == h


def _reported_content(pred: Predicate, g: Grammar) -> bool:
    """〜との分析を発表した: a content noun (kind `content`) that is what another speech verb
    says is the content of that statement, not a statement of its own."""
    v = g.v
    a = pred.anchor
    quoted = any(v.raw_marker[c].startswith("と") for c in v.content[a] if c < a)
    return quoted and not verbal_at(v, a) and v.lemma[a] in g.lex.cues["content"] and \
        g.markers[a] in ("を", "も") and v.head[a] != a and g.is_speech(v.head[a])


def _lasting_state(pred: Predicate, g: Grammar) -> bool:
    """ロシアが引き続き支配している / 支配していない / ロシアが支配する地域: a state trigger
    (kind `state`) under a continuing adverb or a negation, or in a relative clause without
    a past tense, describes who holds the ground, not a capture."""
    v, lex = g.v, g.lex
    if v.lemma[pred.anchor] not in lex.cues["state"]:
        return False
    a = pred.anchor
    if v.dep[a] == "acl" and not any(v.lemma[w] == "た" for w in v.function_words[a]):
        return True                       # フーシ派が支配する首都: who holds it, now
    for t in pred.heads:
        if any(v.lemma[w] in lex.cues["negation"] for w in v.function_words[t]):
            return True
        if any(v.lemma[c] in lex.cues["continuing"] or v.text[c] in lex.cues["continuing"]
               for c in v.children[t] if c < t):
            return True
    return False


def _not_a_speaker(pred: Predicate, g: Grammar) -> bool:
    """状況は戦力不足を示唆している: a speech verb whose subject cannot speak means
    'indicates', not a statement."""
    v = g.v
    if any(v.raw_marker[c].startswith("と") for t in pred.heads for c in v.content[t]
           if c < t):
        return False                      # 戦況は「激しい」と語った: the subject is the quote's
    subjects = [c for t in pred.heads
                if voice_at(v, t) != "passive"          # 存在が報じられた: the subject is what is said
                for c in v.content[t] if c < t and g.is_subject(c)]
    entity_at = g.phrases.entity_at
    named = any(entity_at.get(t) is not None and entity_at.get(t).label_ == "ACTOR"
                for c in subjects for t in compound_ids(v, c))      # ポドリヤク大統領顧問
    return bool(subjects) and not named and not any(can_speak(g.phrases.of_at(c)) for c in subjects)


def _holds(cond: Condition, pred: Predicate, found: list[Found], g: Grammar) -> bool:
    v = g.v
    if cond.what == "any":
        return True
    if cond.what == "sentence":           # another event of these types told in the sentence
        words = set().union(*(g.lex.trigger_words(t) for t in cond.values))
        own = set(pred.cand.tokens)
        sent = v.sent(pred.anchor)
        return any(v.lemma[i] in words for i in range(sent.start, sent.end) if i not in own)
    if cond.what == "light":
        return pred.light is not None or verbal_at(v, pred.anchor)
    if cond.what == "quote":
        return _has_quote(pred, g)
    if cond.what == "mod":
        mods = [c for t in pred.chain for c in v.children[t]
                if c < t and g.markers[c] in ("compound", "の", "")]
        texts = ["".join(v.text[t] for t in compound_ids(v, c)) for c in mods]
        return any(_fits(cond.values, (), v.lemma[c], x) for c, x in zip(mods, texts))
    text = text_of(g.phrases.doc)
    if any(f.role == cond.what and _fits(cond.values, f.arg.classes, v.lemma[f.arg.head],
                                         text[f.arg.start:f.arg.end]) for f in found):
        return True
    return cond.what == "place" and _goal_fits(cond.values, pred, g)


def _goal_fits(values, pred: Predicate, g: Grammar) -> bool:
    """領海に侵入: the goal noun itself, when the place argument went to the named place around
    it (尖閣諸島周辺の領海 gives the place 尖閣諸島, but what is entered is the waters); behind a
    relational noun, the noun it follows (領海内を航行, 接続水域内で航行: rules/event_cues.tsv
    `relational`)."""
    v = g.v
    relational = g.lex.cues["relational"]
    for t in pred.heads:
        for c in v.content[t]:
            marker = v.raw_marker[c]
            if marker.startswith(("に", "へ")) and _fits(values, (), v.lemma[c], v.text[c]):
                return True
            if marker.startswith(("に", "へ", "を", "で")) and v.lemma[c] in relational \
                    and c > 0 and v.head[c - 1] == c and _fits(values, (), v.lemma[c - 1], v.text[c - 1]):
                return True
    return False


def _fits(values, classes, lemma: str, text: str) -> bool:
    if not values:
        return True
    return any(v[1:] in classes if v.startswith("@") else (lemma == v or text.endswith(v))
               for v in values)


def _has_quote(pred: Predicate, g: Grammar) -> bool:
    """A と-clause, or an event or content noun as object (関与を認めた, 情報を伝えた)."""
    a = pred.anchor
    v = g.v
    if a > 0 and v.text[a - 1] in ("と", "とも", "などと") and v.pos[a - 1] == "ADP":
        return True                       # 〜と話した where the parse hung the quote elsewhere
    for t in pred.heads:
        if voice_at(v, t) == "passive":
            continue                      # 存在が報じられた: the subject is what is said
        for c in v.content[t]:
            m = v.raw_marker[c]
            if m.startswith("と") and c < t:
                return True
            if g.markers[c] in ("を", "が", "も") and \
                    (v.lemma[c] in g.event_lemmas or v.lemma[c] in g.lex.cues["content"]):
                return True
    return False
