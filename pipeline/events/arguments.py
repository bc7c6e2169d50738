"""Arguments of a trigger from the dependency tree and case marking (rules/event_roles.tsv).

Arguments are the dependents of the predicate's anchor and of the word carrying it, read
through their case particles; then come the gaps Japanese leaves: the noun a relative clause
modifies (ロシアが派遣した兵士), the subject and time shared by coordinated clauses
(clauses.py), the number of a casualty noun (counts.py).
"""
from __future__ import annotations

from .clauses import sentence_topic, shared_frame, shared_subject
from .counts import COUNTED, number_owners, numbers_of, predicate_count
from .grammar import SUBJECT, Grammar
from .phrases import Arg, Found, compound_ids, noun_at
from .predicate import Predicate
from .syntax import CLAUSE_DEPS, modified_noun, noun_after, verbal_at, voice_at

PARTICIPANTS = ("agent", "patient", "recipient")


def find_arguments(pred: Predicate, g: Grammar) -> list[Found]:
    v = g.v
    rule = pred.cand.rule
    skip = _not_arguments(pred)
    raw = v.raw_marker
    found: list[Found] = []
    for t in pred.chain:
        vo = g.own_voice(t) if t == pred.anchor else "noun"
        found += [f for c in [*v.content[t], *_stray_agents(t, g), *_toward(t, g)]
                  if c not in skip and (raw[c] != "は" or not _earlier_topic(c, t, g))
                  for f in _from_child(c, t, vo, rule, g)]
    if pred.light is not None:
        light = pred.light
        found += [f for c in v.content[light]
                  if c not in skip and (raw[c] != "は" or not _earlier_topic(c, light, g))
                  for f in _from_child(c, light, pred.light_voice, rule, g)]
    for c in v.content[pred.anchor]:       # ロシアが行った攻撃, 米国が発表した支援
        if v.dep[c] == "acl" and (v.lemma[c] in g.lex.cues["light"]
                                  or v.lemma[c] in g.lex.cues["announce"]):
            found += [f for a in v.content[c] if a not in skip
                      for f in _from_child(a, c, voice_at(v, c, g.keep), rule, g)]
    found += _gap(pred, found, g)
    found += _shared(pred, found, g)
    if rule.type == "CASUALTY" and not any(f.role == "quantity" for f in found):
        found += predicate_count(pred.anchor, g)
    # (the agents only: _owner_for_instrument and _compound_parties keep every other finding)
    found = [x for f in found
             if (x := f if f.role != "agent" else _owner_for_instrument(f, g)) is not None]
    if rule.type == "ATTACK":           # a weapon is what attacks, never what is attacked
        found = [f for f in found if not (f.role == "patient" and "ARMS" in f.arg.classes)]
    if rule.type == "INTERCEPT" and any(f.role == "patient" and "ARMS" in f.arg.classes for f in found):
        # ロシアの無人機40機を撃墜: what is shot down is the craft, not its owner
        found = [f for f in found if f.role != "patient" or "ARMS" in f.arg.classes]
    if any(f.role == "agent" and f.arg.entity is None for f in found):
        found = [x for f in found for x in _compound_parties(f, g)]
    found += [x for f in found if f.role == "agent" for x in _abbreviation_partners(f, g)]
    if any(f.role == "agent" and "ARMS" not in f.arg.classes for f in found):
        found = [f for f in found if f.role != "agent" or "ARMS" not in f.arg.classes]
    return dedupe(found)


def _not_arguments(pred: Predicate) -> set[int]:
    """The trigger's own words: its compound heads, the pattern (批准書を交換), the word
    carrying it."""
    skip = set(pred.chain)
    skip.update(range(pred.cand.start, pred.cand.end))
    if pred.light is not None:
        skip.add(pred.light)
    return skip


def _compound_parties(f: Found, g: Grammar) -> list[Found]:
    """米ロ首脳が / 米英両軍が: a plain noun whose compound holds actors stands for each of them
    (SPEC §7: one ACTOR per character of an abbreviation compound)."""
    if f.role != "agent" or f.arg.entity is not None:
        return [f]
    parties = []
    for t in compound_ids(g.v, f.arg.head)[:-1]:
        span = g.phrases.entity_at.get(t)
        if span is not None and span.label_ == "ACTOR" and span.end - 1 == t:
            a = g.phrases.of_at(t)
            if a is not None:
                parties.append(Found("agent", a, f.rule + "+party"))
    return parties or [f]


def _abbreviation_partners(f: Found, g: Grammar) -> list[Found]:
    """日米首脳会談 / 米韓合同演習: an agent written as the last letter of an abbreviation
    compound has the letters before it as agents too (SPEC §7: one ACTOR per character)."""
    if f.arg.entity is None or f.arg.label != "ACTOR":
        return []
    out, t, touching = [], f.arg.entity.start - 1, f.arg.entity.start_char
    entity_at = g.phrases.entity_at
    while t >= 0 and (span := entity_at.get(t)) is not None and span.label_ == "ACTOR" \
            and span.start == t == span.end - 1 and span.end_char == touching:
        a = g.phrases.of_at(t)
        if a is None:
            break
        out.append(Found("agent", a, f.rule + "+party"))
        t, touching = t - 1, span.start_char
    return out


def _toward(t: int, g: Grammar) -> list[int]:
    """日本海に向けて発射 / 首都を目指して進軍: a direction verb (rules/event_cues.tsv kind
    `toward`) passes its に/を-argument to the predicate it modifies."""
    v = g.v
    return [a for c in v.children[t] if c < t and v.dep[c] == "advcl" and
            v.lemma[c] in g.lex.cues["toward"] for a in v.content[c] if a < c]


def _owner_for_instrument(f: Found, g: Grammar) -> Found | None:
    """ドローンによる攻撃 / 航空自衛隊の戦闘機が緊急発進: a weapon or craft is no agent; the
    actor that owns it (its の-modifier) is. Without an owner the instrument is dropped."""
    if f.role != "agent" or "ARMS" not in f.arg.classes or f.arg.entity is not None:
        return f
    v = g.v
    head = f.arg.head
    for c in v.children[head]:
        if c < head and g.markers[c] == "の":
            owner = g.phrases.of_at(c)
            if owner is not None and owner.label in ("ACTOR", "PLACE"):
                return Found("agent", owner, f.rule + "+owner")
    for t in compound_ids(v, head)[:-1]:          # ロシア軍機: the force inside the compound
        span = g.phrases.entity_at.get(t)
        if span is not None and span.label_ == "ACTOR" and not _maker(span, g):
            return Found("agent", g.phrases.of_at(t), f.rule + "+owner")
    return f if "による" not in f.rule else None


def _maker(span, g: Grammar) -> bool:
    """イラン製ドローン: the country made the weapon, it does not wield it (SPEC §7 〜製)."""
    text, end, roles = g.v.text, span.end, g.roles
    return roles is not None and (roles.ends("maker", text[end - 1])
                                  or end < len(text) and roles.starts("maker", text[end]))


def _from_child(c: int, head: int, voice_: str, rule, g: Grammar) -> list[Found]:
    arg = g.phrases.of_at(c)
    if arg is None:
        return []
    m = g.markers[c]
    if m == "compound" and arg.entity is None and g.phrases.entity_at.get(c + 1):
        return []                 # 要衝スジャ奪還: a classifier noun before the name
    role = g.role(rule.type, rule.frame, voice_, m, arg)
    stray = g.stray_partners.get(c)
    if stray is None:
        stray = g.stray_partners[c] = _stray_partners(c, g)
    partners = [Found("agent", a, "case:と+split") for a in stray
                if g.role(rule.type, rule.frame, voice_, "と", a) == "agent"] if stray else []
    if role is None:
        # AはBと首都の宮殿で会談: a partner the parse hung on a word that is no argument
        return partners
    tag = f"case:{m or 'none'}"
    out = [Found(role, arg, tag)] + partners
    for a in g.conjuncts(c):
        if a.label == arg.label or "noun" in arg.classes and a.entity is None:
            out.append(Found(role, a, tag + "+conj"))
            continue
        # プーチン大統領と平壌で: the parse joins a partner to a place; the partner keeps its と
        r = g.role(rule.type, rule.frame, voice_, "と", a)
        if r is not None:
            out.append(Found(r, a, "case:と+split"))
    if role == "quantity" and m in COUNTED:
        owner_marker = m if m in ("が", "も", "を") else "の"
        for o in number_owners(c, head, g):
            r = g.role(rule.type, rule.frame, voice_, owner_marker, o)
            if r in PARTICIPANTS:
                out.append(Found(r, o, "quantity.owner"))
    elif role in PARTICIPANTS:
        out += [Found("quantity", q, "quantity.modifier") for q in numbers_of(c, g)]
    if role == "patient" and arg.entity is None:
        out += [Found("place", a, "place.of_patient") for a in places_of(c, g)]
    if role == "place" and arg.entity is None and places_of(c, g):
        return [Found("place", a, "place.of_noun") for a in places_of(c, g)]   # X州の前線で
    return out


def _stray_partners(c: int, g: Grammar) -> list[Arg]:
    """AはBと郊外の別荘で協議した: GiNZA hangs the と-partner on the first noun of the next
    phrase (through の-nouns); a named actor closed by と inside a noun phrase is a partner
    of the predicate, not of the noun."""
    out = []
    v = g.v
    head = v.head
    # the climb from t reaches c only if t lies in c's subtree
    for t in g.partner_ends():
        if t >= c:
            break
        path, h = [], head[t]
        while h != c and head[h] != h:
            path.append(h)
            h = head[h]
        if h == c and all(noun_at(v, x) and not verbal_at(v, x) for x in path + [c]):
            a = g.phrases.of_at(t)
            if a is not None:
                out.append(a)
    return out


def _earlier_topic(c: int, head: int, g: Grammar) -> bool:
    """フーシ派は商船を攻撃し、船員2人が負傷した: GiNZA hangs the sentence topic on the last
    predicate; when that predicate has its own が-subject and a clause lies in between, the
    topic belongs to the earlier clause."""
    v = g.v
    if v.raw_marker[c] != "は":
        return False
    kids = v.content[head]
    own = any(v.raw_marker[k] == "が" and c < k < head for k in kids)
    between = any(v.dep[k] in CLAUSE_DEPS and c < k < head for k in kids)
    return own and between


def places_of(t: int, g: Grammar) -> list[Arg]:
    """ドネツク州の都市, 同州の広大な地域, ロシア本土の製油所: the place a plain noun lies in
    (through a relational noun, 本土, 郊外: the place it is relative to)."""
    out = []
    for c in g.v.children[t]:
        if c > t or g.markers[c] != "の" or (a := g.phrases.of_at(c)) is None:
            continue
        if a.label == "PLACE":
            out.append(a)
        elif a.entity is None and g.phrases.relational_at(c):
            inner = [x for i in compound_ids(g.v, c)[:-1]
                     if (x := g.phrases.of_at(i)) is not None and x.label == "PLACE"]
            out += inner[-1:]
    return out


def _stray_agents(noun: int, g: Grammar) -> list[int]:
    """ウクライナ軍によるクルスク州への攻撃: GiNZA may hang 〜による on the noun in between;
    による always modifies an event, so it belongs to the trigger."""
    v = g.v
    if verbal_at(v, noun):
        return []
    return [a for c in v.children[noun] if c < noun and v.dep[c] == "nmod"
            for a in v.children[c] if a < c and g.markers[a] == "による"]


def _gap(pred: Predicate, found: list[Found], g: Grammar) -> list[Found]:
    """A relative clause's head noun fills the role the clause leaves open."""
    p = pred.light if pred.light is not None else pred.anchor
    v = g.v
    h = modified_noun(v, p)
    if h is None:
        return []
    arg = g.phrases.of_at(h)
    near = noun_after(v, p)
    if (arg is None or arg.classes in (("noun",), ("NUMBER",))) and near not in (None, h) \
            and h in v.ancestors(near):
        # 投入された北朝鮮軍の戦死者数 (or …の戦死者数が100名以上, the parse hanging the clause
        # on the number): the nearer noun is the participant the clause leaves open
        h = near
        arg = g.phrases.of_at(h)
    before = h - 1
    span = g.phrases.entity_at.get(before)
    if span is not None and span.label_ == "DATE" and v.head[before] == h \
            and v.dep[before] == "compound" and span.end == h:
        arg = g.phrases.of_at(before)       # 侵攻した2022年2月以降: the date under 以降
    if arg is None or arg.classes == ("noun",):
        return []
    if arg.label == "DATE":              # 侵攻が始まった2023年5月以降: the event's date
        return [] if any(f.role == "time" for f in found) else [Found("time", arg, "gap.time")]
    rule = pred.cand.rule
    role = gap_role(rule.type, rule.frame, voice_at(v, p, g.keep), {f.role for f in found}, arg)
    if role is None:
        return []
    return [Found(role, arg, "gap.relative")] + \
        [Found("quantity", q, "quantity.modifier") for q in numbers_of(h, g)]


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
    if type_ in ("MEETING", "AGREEMENT") and voice_ != "passive":
        return "agent"          # 米国と協議を続けるウクライナ: a party to the talks
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


def _shared(pred: Predicate, found: list[Found], g: Grammar) -> list[Found]:
    """Zero subject, time and place taken from the clauses of the same sentence."""
    rule = pred.cand.rule
    v = g.v
    p = pred.clause
    vo = pred.light_voice if pred.light is not None else g.own_voice(pred.anchor)
    markers = g.markers
    has_subject = any(markers[c] in SUBJECT and g.is_subject(c)
                      for t in (pred.anchor, p) for c in v.content[t])
    out = []
    if not has_subject and vo != "noun" and not pred.self_subject:
        subj = shared_subject(p, g)
        if subj is None and (rule.frame == "speech" or v.head[p] == p):
            subj = sentence_topic(p, g)
        arg = g.phrases.of_at(subj) if subj is not None else None
        role = g.role(rule.type, rule.frame, vo, "が", arg) if arg is not None else None
        # a role the clause fills itself is not filled again from another clause (…に投入
        # された北朝鮮軍の…: the noun a relative clause modifies; 北朝鮮軍の死者数が…)
        if any(f.role == role for f in found):
            role = None
        if role in PARTICIPANTS:
            out.append(Found(role, arg, "shared.subject"))
            out += [Found(role, a, "shared.subject+conj") for a in g.conjuncts(subj)]
            out += [Found(r, a, "shared.partner") for a in _partners(subj, g)
                    if (r := g.role(rule.type, rule.frame, vo, "と", a)) == "agent"]
    roles = {f.role for f in found}
    return out + [f for f in shared_frame(p, g) if f.role not in roles]


def _partners(subj: int, g: Grammar) -> list[Arg]:
    """AがBと会談し、条約に署名した: the named partner (と) of the clause whose subject is
    shared goes with the subject into a joint act (MEETING, AGREEMENT: rules/event_roles.tsv
    gives と the role agent)."""
    v = g.v
    head = v.head[subj]
    if head < subj or not verbal_at(v, head):
        return []
    out = []
    for t in range(subj + 1, head):
        span = g.phrases.entity_at.get(t)
        if v.raw_marker[t] == "と" and span is not None and span.label_ == "ACTOR" \
                and span.end - 1 == t and head in v.ancestors(t) \
                and all(not verbal_at(v, x) for x in v.ancestors(t) if x < head):
            a = g.phrases.of_at(t)
            if a is not None:
                out.append(a)
    return out


def dedupe(found: list[Found]) -> list[Found]:
    seen, out = set(), []
    for f in found:
        key = (f.role, f.arg.start, f.arg.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
