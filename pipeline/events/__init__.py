"""Typed events from GiNZA's dependency parse (SPEC §5, GUIDELINES §6).

`EventExtractor` is the `ja_events` spaCy component: it sets `doc._.events` to dicts in the
Doc's own offsets:
    {"type", "trigger": (start, end), "arguments": [{"role", "start", "end"}],
     "polarity", "modality", "rule", "sentence": (start, end)}
Stages: triggers.py finds trigger words (rules/triggers.tsv), predicate.py locates each in the
tree, arguments.py reads its case frame (rules/event_roles.tsv; clauses.py and counts.py fill
the gaps), senses.py drops words not used in their event sense, modality.py and
attribution.py read polarity, modality and source (rules/event_cues.tsv).
"""
from __future__ import annotations

from spacy.tokens import Doc

from .arguments import find_arguments
from .docview import View, fresh_view, release_view
from .grammar import Grammar
from ..rules.event_lexicon import Lexicon
from .modality import ModalityReader, Reading
from .phrases import Found, Phrases
from .predicate import Predicate, locate
from .senses import in_sense
from .sentence import Pending, continues_speech, propagate
from .syntax import verbal_at
from .triggers import Candidate, TriggerFinder

__all__ = ["EventExtractor"]


class EventExtractor:
    def __init__(self, rules):
        self.lex: Lexicon = rules.lexicon
        self.triggers = TriggerFinder(self.lex)
        single = [t for t in self.lex.triggers if len(t.marked) == 1]
        self.speech_lemmas = {w for t in single if t.type == "STATEMENT"
                              for w in t.tokens[t.marked[0]]}
        self.event_nouns = {w for t in single for w in t.tokens[t.marked[0]]}
        self.role_memo: dict = {}          # Grammar.role answers (rules only)
        self.roles = rules.country_roles   # 製, 主導: X製 is X the maker (arguments._maker)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract(doc, self)
        return doc


def extract(doc: Doc, ex: EventExtractor) -> list[dict]:
    fresh_view(doc)
    try:
        return _extract(doc, ex)
    finally:
        release_view(doc)


def _one_per_compound(pending: list[Pending], v: View) -> list[Pending]:
    """奇襲攻撃, 空爆攻撃: a trigger noun compounded into another trigger of the same type
    names the same act; the compound's head is its one mention."""
    heads = {(p.pred.anchor, p.pred.cand.rule.type) for p in pending}
    return [p for p in pending
            if not (v.dep[p.pred.anchor] == "compound"
                    and (v.head[p.pred.anchor], p.pred.cand.rule.type) in heads)]


def _extract(doc: Doc, ex: EventExtractor) -> list[dict]:
    phrases = Phrases(doc, ex.lex, ex.event_nouns)
    g = Grammar(ex.lex, phrases, ex.speech_lemmas, ex.event_nouns, ex.role_memo, ex.roles)
    reader = ModalityReader(g)
    taken: set[int] = set()
    pending = []
    for cand in ex.triggers.candidates(doc, phrases.entity_at):
        span = range(cand.start, cand.end)
        if not taken.isdisjoint(span):      # a longer pattern already took these words
            continue
        pred = locate(cand, g)
        found = find_arguments(pred, g)
        if not in_sense(pred, found, g):
            continue
        taken.update(span)
        pending.append(Pending(pred, found, reader.read(pred)))
    pending.sort(key=lambda p: p.pred.cand.tokens[0])
    pending = _one_per_compound(pending, g.v)
    propagate(pending, g)
    v = g.v
    told = {v.sent(p.pred.anchor).start for p in pending if p.statement}
    events = []
    for p in pending:
        event = _event(p.pred.cand, p.pred, p.found, p.reading, ex.lex, v)
        event["continues"] = continues_speech(p, g, told)
        events.append(event)
    return sorted(events, key=lambda e: e["trigger"])


def _drop_self_quote(found: list[Found], reading: Reading) -> None:
    """Aは…を否定し、…と発表した: a speaker's statement is not reported by the same speaker."""
    agents = {(f.arg.start, f.arg.end) for f in found if f.role == "agent"}
    if reading.sources and all((s.arg.start, s.arg.end) in agents for s in reading.sources):
        reading.sources.clear()
        reading.modalities.discard("reported")
        reading.notes.append("self_quote")


def _event(cand: Candidate, pred, found: list[Found], reading: Reading, lex: Lexicon,
           v: View) -> dict:
    if cand.rule.type == "STATEMENT":
        _drop_self_quote(found, reading)
    seen, arguments, arg_rules = set(), [], []
    for f in found + reading.sources:
        key = (f.role, f.arg.start, f.arg.end)
        if key in seen:
            continue
        seen.add(key)
        arguments.append({"role": f.role, "start": f.arg.start, "end": f.arg.end,
                          "inherited": f.rule.startswith("sentence.")})
        arg_rules.append(f"{f.role}={f.rule}")
    sent = v.sent(cand.anchor)
    rule = "|".join([cand.rule.id] + arg_rules + reading.notes)
    lemma = v.lemma[cand.anchor]
    type_ = cand.rule.type
    return {"type": type_, "trigger": cand.char_span, "arguments": arguments,
            "polarity": reading.polarity, "modality": reading.modality, "rule": rule,
            "sentence": (sent.start_char, sent.end_char),
            "lemma": (word := grouping_lemma(cand, lemma, lex, v)),
            "covers": lex.cues["covers"].get(word, "").split(),
            "backref": refers_back(pred, lex, v),
            "iterative": is_iterative(pred, lex, v) or is_total(pred, lex, v),
            "part": is_part(pred, lex, v),
            "prospective": reading.prospective,
            "another": is_another(pred, lex, v),
            "earlier": bool(cue_before(pred, lex.cues["already"], v)),
            "means": means(pred, lex, v),
            "generic": lemma in lex.cues["generic"],
            "bare_units": [v.doc_text[f.arg.start:f.arg.end] for f in found
                           if f.role == "patient" and is_bare(f.arg, lex, v)],
            # 派兵, 出兵 (frame `incorp`): the word itself says troops are sent, the army or
            # manpower (groups.py compares what is sent as `_unit` names it)
            "implied_units": ["troops", *lex.cues["manpower"]]
            if type_ == "DEPLOY" and cand.rule.frame == "incorp" else [],
            # ロシア側の主張, 大統領の発言: a speech named by a noun alone (no verb, no support verb)
            "named": type_ == "STATEMENT" and pred.light is None
            and not verbal_at(v, pred.anchor),
            "rebuts": type_ == "STATEMENT" and lemma in lex.cues["rebuttal"]}


def is_bare(arg, lex: Lexicon, v: View) -> bool:
    """兵士, 部隊, 歩兵部隊, 兵士たち: the argument is made of words for soldiers only (kind
    `force`, with a plural suffix) (not 建設部隊, 北朝鮮軍, 軍の幕僚)."""
    words, plural = lex.cues["force"], lex.cues["plural"]
    if arg.entity is not None or v.idx[arg.head] + len(v.text[arg.head]) != arg.end:
        return False
    i = arg.head
    while i >= 0 and v.idx[i] >= arg.start:
        if v.lemma[i] not in words and not (i == arg.head and v.lemma[i] in plural):
            return False
        i -= 1
    return True


def grouping_lemma(cand: Candidate, lemma: str, lex: Lexicon, v: View) -> str:
    """The word groups compare: the synonym of the trigger as written (戦死者, whose anchor is
    its last token 者), else of its anchor's lemma (死者 → 死亡), else that lemma."""
    synonym = lex.cues["synonym"]
    written = v.doc_text[slice(*cand.char_span)]
    return synonym.get(written) or synonym.get(lemma) or lemma


NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM"}
WAR_MARKERS = {"の", "で", "での"}      # 戦争の犠牲者, 戦争で死亡した, 戦争での死者
LINKS = {"の", "な"}          # 追加の軍事支援, 新たな攻撃
MEANS_MARKERS = ("による", "での")     # ドローンによる攻撃, 歩兵のみでの攻撃
LIST_MARKERS = {"と", "や"}          # ミサイルとドローン, ドローンや大砲


def cue_before(pred: Predicate, cues: dict, v: View) -> list[int]:
    """The dependents written before the trigger's words whose lemma is one of `cues`."""
    return [c for t in pred.heads for c in v.children[t] if c < t and v.lemma[c] in cues]


def is_another(pred: Predicate, lex: Lexicon, v: View) -> bool:
    """追加派兵, 新たな攻撃, さらなる兵力投入, 兵士を追加で派遣: a cue of kind `another` before the
    trigger among its dependents makes the mention a further act, not the one told before."""
    another = lex.cues["another"]
    if cue_before(pred, another, v):
        return True
    # 追加軍事支援, 追加の支援, 新たな攻撃: the words written just before the trigger's noun
    # phrase (a headline's parse may hang 追加 elsewhere); an の or な only right after the
    # cue itself (追加関税の協議 is talks about tariffs, not further talks)
    i = pred.anchor - 1
    while i >= 0 and pred.anchor - i <= 4:
        if v.lemma[i] in another:
            return True
        if v.text[i] in LINKS:
            return i > 0 and v.lemma[i - 1] in another
        if v.pos[i] not in NOMINAL:
            return False
        i -= 1
    return False


def is_total(pred: Predicate, lex: Lexicon, v: View) -> bool:
    """死者は開戦以来、1万人を超えた / これまでに / 累計で: a count carried by a measure verb
    with a cue of kind `total` is the war's total, not the day's (以来初めて空爆した is one
    strike); so is an event noun of all up to a time (これまでの派兵, 昨年までの攻撃), and a
    casualty of a whole war (kind `war`: 戦争の犠牲者, 戦争で戦死した兵士)."""
    if any(v.raw_marker[c] == "までの" for c in v.children[pred.anchor] if c < pred.anchor):
        return True                      # これまでの派兵, 昨年までの攻撃: all of them up to then
    if pred.cand.rule.type == "CASUALTY" and any(
            v.raw_marker[c] in WAR_MARKERS for c in cue_before(pred, lex.cues["war"], v)):
        return True                      # 戦争の犠牲者, 戦争で戦死した兵士: the war's toll
    light = pred.light
    if light is None or v.lemma[light] not in lex.cues["measure"]:
        return False
    total = lex.cues["total"]
    words = [c for c in v.children[light] if c < light] + list(range(pred.anchor + 1, light))
    return any(v.lemma[w] in total or w + 1 < v.n and v.lemma[w] + v.lemma[w + 1] in total
               for w in words)


def means(pred: Predicate, lex: Lexicon, v: View) -> list[str]:
    """ドローン攻撃, ミサイルとドローンによる攻撃, 越境攻撃: the words (kind `means`) before an
    attack noun, among its compounds and its による/での dependents and their conjuncts, that
    tell how the attack is made (for other types such a word is what is given, shot down or
    killed by, not a kind of the act)."""
    if pred.cand.rule.type != "ATTACK" or verbal_at(v, pred.anchor):
        return []                        # ロケット砲が発射された: what is fired, not a kind
    words, raw_marker = lex.cues["means"], v.raw_marker
    found = set()
    for c in (c for t in pred.heads for c in v.children[t] if c < t
              and (v.dep[c] == "compound" or raw_marker[c].endswith(MEANS_MARKERS))):
        # ミサイルとドローンによる: GiNZA hangs the first of a list on the next with と
        listed = [k for k in v.children[c] if v.dep[k] == "conj" or raw_marker[k] in LIST_MARKERS]
        found.update(v.lemma[w] for w in [c, *listed] if v.lemma[w] in words)
    return sorted(found)


def is_part(pred: Predicate, lex: Lexicon, v: View) -> bool:
    """うち戦死者は約27万人: a casualty noun right after a word of kind `subcount` counts a part
    of the count told before it, an event of its own (not the same toll told again, nor joined
    by the next mention of its word)."""
    if pred.cand.rule.type != "CASUALTY" or verbal_at(v, pred.anchor):
        return False
    start, subcount = pred.cand.tokens[0], lex.cues["subcount"]
    return (start > 0 and v.lemma[start - 1] in subcount) or bool(cue_before(pred, subcount, v))


def is_iterative(pred: Predicate, lex: Lexicon, v: View) -> bool:
    """攻撃が相次いだ, 攻撃を繰り返す, 連日砲撃している: a cue of kind `iterative` among the
    trigger's dependents, or the word it is the subject or object of, makes the mention a
    series of events rather than one (its own group)."""
    words = [c for t in pred.heads for c in v.children[t] if c < t]
    clause = pred.clause
    above = v.head[clause]
    if above != clause and above > clause:
        words.append(above)                # 攻撃を繰り返す, 攻撃が相次ぐ
    iterative = lex.cues["iterative"]
    tails = _tails(iterative)
    children = v.children
    for w in words:
        lemma = v.lemma[w]
        if lemma in iterative:
            return True
        # 相 + 次ぐ: a cue that ends with the lemma, and dependents before it to be its prefix
        if lemma in tails and children[w] and children[w][0] < w:
            prefix = _prefix(v, w)
            if prefix and prefix + lemma in iterative:
                return True
    return False


_TAILS: dict[int, tuple[dict, int, frozenset[str]]] = {}


def _tails(table: dict) -> frozenset[str]:
    """Every proper ending of the words of a cue table (相次ぐ → 次ぐ, ぐ), built once per
    table."""
    hit = _TAILS.get(id(table))
    if hit is None or hit[0] is not table or hit[1] != len(table):
        hit = _TAILS[id(table)] = (table, len(table),
                                   frozenset(w[k:] for w in table for k in range(1, len(w))))
    return hit[2]


def _prefix(v: View, i: int) -> str:
    """The compound prefixes of a word (相 of 相 + 次ぐ → 相次ぐ)."""
    raw_dep = v.raw_dep
    return "".join([v.text[c] for c in v.children[i] if c < i and raw_dep[c] == "compound"])


def refers_back(pred: Predicate, lex: Lexicon, v: View) -> bool:
    """この攻撃, 今回の合意, 同会談: a back-reference word (rules/event_cues.tsv kind
    `backref`) before the trigger noun or its compound head (GiNZA hangs この as det,
    今回の as nmod, the prefix 同 as compound)."""
    if verbal_at(v, pred.anchor):
        return False
    start = pred.cand.tokens[0]
    for t in pred.chain:
        for c in v.children[t]:
            if c < start and (v.lemma[c] in lex.cues["backref"] or v.text[c] in lex.cues["backref"]):
                return True
    return start > 0 and v.text[start - 1] in lex.cues["backref"]
