"""Arguments stated once for a whole sentence (SPEC §5, issue 9 item 5).

Japanese news states the date, the place and the source of a sentence once, often at its
start, and leaves every clause after it to share them:
- a date or a place adverbial (`29日、`, `キーウで`, `スムイの中心部に…攻撃があり`) goes to
  every event of the sentence that has none of its own; a date or place that describes a noun
  (`7月の停戦`) is no adverbial; a statement never takes one from inside what it reports;
  durations are dropped later, where the dates are normalised (output/event_records.py);
- 〜によると reaches every later clause of its sentence;
- the speaker of the sentence-final speech verb is the source of every other event in the
  sentence (the topic, where GiNZA hung it inside the quote);
- a sentence that only attributes (`ウクライナ軍が明らかにした。`) attributes the sentence
  before it.
Every argument added here carries a rule starting `sentence.`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..parse.doctext import text_of
from .arguments import places_of
from .clauses import sentence_topic
from .docview import View, view
from .grammar import SUBJECT, Grammar
from .modality import Reading
from .phrases import Arg, Found, can_speak, compound_ids, noun_at
from .predicate import Predicate, time_noun
from .syntax import FUNCTION_DEPS, verbal_at, voice_at

OWN_FRAME = ("time", "place")
_FRAME_LABELS = ("DATE", "PLACE")


@dataclass
class Pending:
    """One event before it becomes a dict: what the stages found."""
    pred: Predicate
    found: list[Found]
    reading: Reading
    statement: bool = field(init=False)

    def __post_init__(self) -> None:
        self.statement = self.pred.cand.rule.type == "STATEMENT"

    def has(self, role: str) -> bool:
        for f in self.found:
            if f.role == role:
                return True
        return role == "source" and bool(self.reading.sources)

    def agents(self) -> list[Arg]:
        return [f.arg for f in self.found if f.role == "agent"]


def propagate(events: list[Pending], g: Grammar) -> None:
    if not events:
        return
    v = g.v
    by_sent: dict[int, list[Pending]] = {}
    for p in events:
        by_sent.setdefault(v.sent(p.pred.anchor).start, []).append(p)
    sents = sorted(by_sent)
    carried: list[Arg] = []          # who speaks in the sentence before (see _final_speaker)
    k = -1
    for sent in v.sents:
        group = by_sent.get(sent.start)
        if group is None:
            carried = _speakers_without_events(sent, g, carried)
            continue
        k += 1
        _headline_topic(sent, group, g)
        _topic_speaks(sent, group, g)
        _frame(sent, group, g)
        origins = _according(sent, group, g)
        speakers = _final_speaker(sent, group, g, carried)
        root = v.sent_root(sent).i
        requesters = [a for p in group if p.pred.cand.rule.type == "REQUEST"
                      and root in p.pred.heads for a in p.agents()]
        carried = _next_carried(sent, g, speakers or origins or requesters, carried)
        if not speakers and not origins and carried and _quote_open_after(sent):
            # Aは声明で「…。 (the speech verb closes the quote sentences later): what the
            # sentence tells is already what A says
            _attribute([p for p in group if not p.statement], carried, "sentence.quote_speaker")
        for p in group:
            _speaker_not_agent(p, g)
            _speaker_acts(p, g)
        if k > 0 and _only_attributes(group, g):
            before = by_sent[sents[k - 1]]
            before_sent = v.sent(before[0].pred.anchor)
            if before_sent.end == sent.start or _adjacent(before_sent, sent):
                _attribute(before, group[0].agents(), "sentence.next_speaker")


def _speakers_without_events(sent, g: Grammar, carried: list[Arg]) -> list[Arg]:
    """The speaker of a sentence with no event of its own (`Aは…とした。`, `Aによると…`)."""
    v = g.v
    if not v.sent_text(sent).strip():
        return carried
    root = v.sent_root(sent).i
    speakers: list[Arg] = []
    if g.is_speech(root) and any(g.markers[c].startswith("と")
                                 for c in v.content[root] if c < root):
        speakers = _speaker_of(root, g)
        if not speakers and voice_at(v, root) != "passive" and _no_subject(sent, g):
            speakers = carried
    if not speakers:
        for i in g.according_in(sent.start, sent.end):
            if v.dep[i] not in FUNCTION_DEPS:
                speakers = _origin(i, g)
                break
    return _next_carried(sent, g, speakers, carried)


def _next_carried(sent, g: Grammar, speakers: list[Arg], carried: list[Arg]) -> list[Arg]:
    """A sentence that opens a quote it does not close (`Aは「…。`) hands on its topic (or
    the speaker before) to the sentences inside the quote and the one that closes it."""
    if speakers:
        return speakers
    v = g.v
    text = v.sent_text(sent)
    open_after = _quote_open_after(sent)
    if text.count("「") > text.count("」"):
        opening = next(i for i in range(sent.start, sent.end) if v.text[i] == "「")
        topic = sentence_topic(opening, g)          # a topic inside the quote is no speaker
        a = g.phrases.of_at(topic) if topic is not None else None
        return [a] if can_speak(a) else carried
    if open_after > 0 or text.count("」") > text.count("「"):
        return carried                  # the middle or the end of a quote: same speaker
    return []


def _quote_open_after(sent) -> bool:
    """Is a 「 still open at the end of `sent`?"""
    v = view(sent.doc)
    table = v.memo.get("quote_open")
    if table is None:
        table = v.memo["quote_open"] = _open_quotes(v)
    open_ = table.get(sent.end_char)
    if open_ is None:
        text = text_of(sent.doc)[:sent.end_char]      # Doc.text rebuilds the string each time
        open_ = text.count("「") > text.count("」")
    return open_


def _open_quotes(v: View) -> dict[int, bool]:
    """Is a 「 still open at each sentence end (by its end_char): one pass over the text."""
    text, out = text_of(v.doc), {}
    opened = closed = prev = 0
    for s in v.sents:
        chunk, prev = text[prev:s.end_char], s.end_char
        opened += chunk.count("「")
        closed += chunk.count("」")
        out[s.end_char] = opened > closed
    return out


def _adjacent(a, b) -> bool:
    """Only blank space between two sentences."""
    v = view(a.doc)
    return all(v.space[i] or not v.text[i].strip() for i in range(a.end, b.start))


# --- headlines -----------------------------------------------------------------------------
def _headline_topic(sent, group: list[Pending], g: Grammar) -> None:
    """ロシア軍、東部の要衝を制圧: a headline (no closing 。) opened by an actor and a comma
    has that actor as the subject of its events (GiNZA often hangs it on a noun)."""
    v = g.v
    if v.sent_text(sent).rstrip().endswith(("。", "．")):
        return
    topic = _opening_actor(sent.start, sent.end, g) or _actor_before(sent.start, g)
    if topic is None:
        return
    for p in group:
        if any(f.role in ("agent", "patient") and f.arg.start == topic.start for f in p.found) \
                or p.has("agent"):
            continue
        rule = p.pred.cand.rule
        role = g.role(rule.type, rule.frame, "active", "が", topic)
        if role in ("agent", "patient", "recipient"):
            p.found.append(Found(role, topic, "sentence.headline_topic"))


HEADLINE_BREAKS = ("、", ",", "\u3000", " ")
TITLE_REACH = 3         # tokens of a title after the actor (ウクライナ軍 幹部、)


def _opening_actor(start: int, end: int, g: Grammar) -> Arg | None:
    """The phrase that opens tokens start..end before a comma or a space, when it names an
    actor (ロシア軍、…) or one who can speak (ウクライナ軍幹部、…)."""
    v = g.v
    first = next((i for i in range(start, end) if v.text[i].strip()), None)
    span = g.phrases.entity_at.get(first) if first is not None else None
    if span is None or span.label_ != "ACTOR":
        return None
    brk = next((i for i in range(span.end, min(end, span.end + TITLE_REACH + 1))
                if v.text[i] in HEADLINE_BREAKS or v.space[i]), None)
    if brk is None:
        return None
    a = g.phrases.of_at(brk - 1)
    if a is None or a.start != v.idx[first] or not (a.entity is span or can_speak(a)):
        return None
    return a


def _actor_before(start: int, g: Grammar):
    """米国防総省　ウクライナへ…支援を発表, ロシア軍、…攻勢強める　…制圧と発表: GiNZA may end a
    headline's sentence at a space; the actor opening the headline's line (a line with no 。)
    is the subject of its later sentences too."""
    v = g.v
    text = v.doc_text
    first = None
    while start > 0 and "\n" not in text[v.idx[start - 1]:v.idx[start]]:
        first = v.sent(start - 1)        # the line's sentences before, back to its first
        start = first.start
    if first is None:
        return None
    line_start = v.idx[first.start]
    line_end = text.find("\n", line_start)
    if "。" in text[line_start:line_end if line_end >= 0 else len(text)]:
        return None                      # body text, not a headline
    return _opening_actor(first.start, first.end, g)


def _topic_speaks(sent, group: list[Pending], g: Grammar) -> None:
    """シルスキー司令官は23日、…との見方を示し、…投稿で明らかにした: a statement with no speaker
    of its own is said by the sentence topic (GiNZA often hangs the topic inside the quote)."""
    for p in group:
        if not p.statement or p.has("agent"):
            continue
        topic = sentence_topic(p.pred.anchor, g)
        a = g.phrases.of_at(topic) if topic is not None else None
        if a is not None and a.entity is None:
            a = _named(topic, g) or a          # ポドリヤク大統領顧問: the name inside the title
        if can_speak(a) and a.entity is not None:
            p.found.append(Found("agent", a, "sentence.topic_speaks"))
            p.found += [Found("agent", c, "sentence.topic_speaks+conj") for c in g.conjuncts(topic)]


def _named(i: int, g: Grammar) -> Arg | None:
    for t in reversed(compound_ids(g.v, i)[:-1]):
        span = g.phrases.entity_at.get(t)
        if span is not None and span.label_ == "ACTOR":
            return g.phrases.of_at(t)
    return None


# --- date and place -----------------------------------------------------------------------
def _frame(sent, group: list[Pending], g: Grammar) -> None:
    cands = {"time": [], "place": []}
    venues: set[int] = set()
    lies_in: set[int] = set()
    v = g.v
    root = v.sent_root(sent).i
    deps, heads, markers, phrases = v.dep, v.head, g.markers, g.phrases
    entity_at = phrases.entity_at
    for i in range(sent.start, sent.end):
        d = deps[i]
        if d in FUNCTION_DEPS or d == "compound" or i == root and heads[i] == i:
            continue
        # a date or place mention's word, or a relational noun (ロシア領内, キーウの中心部):
        # the words whose phrase can be a date or a place
        span = entity_at.get(i)
        m = markers[i]
        if span is None and m == "で" and noun_at(v, i) and v.lemma[i] not in g.event_lemmas:
            # ロシア南部の石油施設で火災が発生: a venue noun lies in the place named before it
            inside = places_of(i, g)
            if inside:
                cands["place"].append((i, inside[0]))
                lies_in.add(i)             # where things happen, not where they are said
                continue
        if span.label_ not in _FRAME_LABELS if span is not None else \
                not noun_at(v, i) or not phrases.relational_at(i):
            continue
        if m == "compound":
            continue                     # a word fused into a noun: not the sentence's
        a = phrases.entity_of_at(i)
        if a is None:
            continue
        if m == "の" and a.label == "DATE" and _dates_venue(i, g):
            cands["time"].append((i, a))
            venues.add(i)
            continue
        if m in ("の", "compound"):
            continue                     # 7月の停戦: describes a noun, not the sentence
        if a.label == "DATE":
            cands["time"].append((i, a))
        elif a.label == "PLACE" and (m == "で" or m == "に" and
                                     (v.lemma[_past_date(heads[i], g)] in g.lex.cues["occur"])):
            cands["place"].append((i, a))
    for p in group:
        for role in OWN_FRAME:
            if p.has(role) or not cands[role]:
                continue
            usable = [(t, a) for t, a in cands[role]
                      if not (p.statement and _in_quote(t, p, g) and not _opening(t, sent, g)
                              and t not in venues)
                      and (p.statement or t not in venues)
                      and not (t in lies_in and (p.statement or _aimed_at_a_place(p)))]
            if not usable:
                continue
            anchor = p.pred.anchor
            before = [x for x in usable if x[0] < anchor]
            tok, arg = before[-1] if before else usable[0]
            if role == "place" and markers[tok] == "に" and \
                    p.pred.cand.rule.type in ("ATTACK", "LAUNCH") and not p.has("patient") \
                    and "WATER" not in arg.classes:
                role = "patient"         # スムイの中心部に…攻撃があり: the target
            p.found.append(Found(role, arg, f"sentence.{role}"))


def _aimed_at_a_place(p: Pending) -> bool:
    """拠点で態勢を立て直し、ハルキウ州を攻撃した: an act aimed at a named place happens there,
    not at the venue of another clause."""
    return any(f.role == "patient" and f.arg.label == "PLACE" for f in p.found)


def _dates_venue(i: int, g: Grammar) -> bool:
    """5日の記者会見で / 3日の議会の委員会で…と述べた: a day on the occasion where the
    sentence's predicate takes place (a で-adverbial that is no event, or a speech noun) dates
    the statements of the sentence (not what they report); 7月の停戦で合意 does not."""
    v = g.v
    span = g.phrases.entity_at.get(i)
    if "日" not in v.text[i] and "日" not in g.phrases.text[span.start_char:span.end_char]:
        return False                      # a day: 7月の停戦で合意 names the truce's month
    heads = v.head
    h = heads[i]
    while heads[h] != h and g.markers[h] == "の" and heads[h] > h:
        h = heads[h]                      # 3日の議会の委員会で
    if h == i or heads[h] == h or v.raw_marker[h] not in ("で", "では"):
        return False
    return verbal_at(v, heads[h]) and (v.lemma[h] not in g.event_lemmas or v.lemma[h] in g.speech_lemmas)


def _past_date(head: int, g: Grammar) -> int:
    """ハルキウの中心部に9日、攻撃があり: GiNZA may hang the place on the date that follows
    it; the word that governs them both is the date's head."""
    heads, entity_at = g.v.head, g.phrases.entity_at
    span = entity_at.get(head)
    while span is not None and span.label_ == "DATE" and heads[head] != head:
        head = heads[head]
        span = entity_at.get(head)
    return head


def _opening(i: int, sent, g: Grammar) -> bool:
    """シルスキー司令官は23日、ロシア軍が…と述べた: an adverbial closed by a comma before any
    subject or object of the sentence (other than the topic) opens the whole sentence, even
    where the parse hangs it inside the quote. Words in a phrase closed before it (the topic's
    conjunct in AとBは3日、; 〜を巡って) do not count, nor does a parenthesis after it
    (10日(現地時間)、). A date right after the quote (…と10日、明らかにした) is the speech
    verb's."""
    v = g.v
    texts = v.text
    first = i
    while first > sent.start and v.head[first - 1] == i and \
            v.dep[first - 1] in ("nummod", "compound"):
        first -= 1
    if first > sent.start and texts[first - 1] in ("と", "とも") and \
            v.pos[first - 1] in ("ADP", "SCONJ"):
        return True
    j = i + 1
    while j < sent.end and texts[j] in ("(", "（"):
        close = next((k for k in range(j, sent.end) if texts[k] in (")", "）")), None)
        if close is None:
            break
        j = close + 1
    if j >= v.n or texts[j] not in ("、", ","):
        return False
    for t in range(sent.start, sent.end):
        if t >= i:
            return True
        if v.head[t] < i and v.head[t] != t:
            continue
        if v.dep[t] not in FUNCTION_DEPS and v.raw_marker[t] != "は" and \
                g.markers[t] in ("が", "を", "に", "で", "と", "から"):
            return False
    return True


def _in_quote(i: int, p: Pending, g: Grammar) -> bool:
    """Is token `i` inside what statement `p` reports (its と-clause or its object)?"""
    v = g.v
    raw = v.raw_marker
    for h in p.pred.heads:
        for c in v.content[h]:
            if c < h and (raw[c].startswith("と") or raw[c] in ("を", "ように")) \
                    and v.dominates(c, i):
                return True
    return False


# --- sources ------------------------------------------------------------------------------
def _according(sent, group: list[Pending], g: Grammar) -> list[Arg]:
    """CNNによると、A…し、B…した: the origin is the source of every later clause. Returns
    the origins."""
    found: list[Arg] = []
    v = g.v
    for i in g.according_in(sent.start, sent.end):
        if v.dep[i] in FUNCTION_DEPS:
            continue
        origin = _origin(i, g)
        if not origin:
            continue
        later = [p for p in group if p.pred.anchor > i
                 and not (p.statement and set(_keys(p.agents())) & set(_keys(origin)))]
        _attribute(later, origin, "sentence.according")
        found += origin
    return found


def _origin(i: int, g: Grammar) -> list[Arg]:
    from .attribution import Attribution
    return Attribution(g).origin(i)


def _final_speaker(sent, group: list[Pending], g: Grammar, before: list[Arg]) -> list[Arg]:
    """Aは…と述べた / Aは…とした: the speaker of the sentence-final speech verb is the source
    of the other events of the sentence. A final speech verb with no speaker in its sentence
    (`…と強調した。` right after `Aは…と述べた。`) is said by the speaker of the sentence
    before (`before`): Japanese drops a subject that stays the same. Returns the speakers."""
    v = g.v
    root = v.sent_root(sent).i
    final = [p for p in group if p.statement and root in p.pred.heads]
    quoting = g.is_speech(root) and any(g.markers[c].startswith("と")
                                        for c in v.content[root] if c < root)
    speakers: list[Arg] = []
    if final:
        speakers = final[0].agents()
    elif quoting:                                 # 〜とした, 〜という (not 〜を余儀なくされた)
        speakers = _speaker_of(root, g)
    # (…は約5千人とみられる: a passive hedge's topic is what is judged, no speaker)
    if not speakers and (final or quoting and voice_at(v, root) != "passive"):
        topic = sentence_topic(root, g)
        a = g.phrases.of_at(topic) if topic is not None else None
        speakers = [a] if can_speak(a) else []
    if not speakers and before and (final or quoting) and voice_at(v, root) != "passive" \
            and _no_subject(sent, g):
        speakers = before
        for p in final:
            p.found += [Found("agent", a, "sentence.previous_speaker") for a in before]
    if not speakers:
        return []
    if final or quoting:
        # SNSへの投稿で明らかにした, 声明で発表した: the medium's speaker (left unsaid, the one
        # of the sentence before: then the medium goes on with that statement too)
        rule = "sentence.previous_speaker" if speakers is before else "sentence.medium"
        for p in group:
            if p.statement and root not in p.pred.heads and not p.has("agent") \
                    and g.markers[p.pred.chain[-1]] == "で":
                p.found += [Found("agent", a, rule) for a in speakers]
    others = [p for p in group if not p.statement and p.pred.anchor < root
              and not _behind_contrast(p, g) and not _time_of(p, root, g)]
    _attribute(others, speakers, "sentence.speaker")
    return speakers


def _time_of(p: Pending, root: int, g: Grammar) -> bool:
    """外相は協議後、…と評価した / 攻撃の後、…とたたえた: an event noun closed by a time noun
    (cue kind `when`) on the speech verb itself tells when it was said, not what."""
    t = time_noun(p.pred, g)
    # (the parse may hang it in the quote: then it opens the sentence)
    return t is not None and (g.v.head[t] == root or _opening(t, g.v.sent(t), g))


def _no_subject(sent, g: Grammar) -> bool:
    """A sentence closed by 。 with no は/が/も subject and no 〜によると outside what it
    quotes (a と-clause, 「…」): its speaker is left unsaid."""
    v = g.v
    if not v.sent_text(sent).rstrip().endswith(("。", "．")):
        return False
    quoted, depth = set(), 0
    texts = v.text[sent.start:sent.end]
    if "」" in texts and ("「" not in texts or texts.index("」") < texts.index("「")):
        depth = 1                          # the end of a quote opened a sentence before
    for i in range(sent.start, sent.end):
        depth += v.text[i] in ("「", "『") and 1 or v.text[i] in ("」", "』") and -1 or 0
        if depth > 0:
            quoted.add(i)
        if v.raw_marker[i].startswith("と") and (
                verbal_at(v, i) or depth > 0 or
                v.head[i] > i and g.is_speech(v.head[i])):
            quoted.update(v.subtree(i))
    markers, raw, according = g.markers, v.raw_marker, g.lex.cues["according"]
    for i in range(sent.start, sent.end):
        m = markers[i]
        if m not in SUBJECT and raw[i] != "は" and m not in according:
            continue                       # no subject, topic or origin, wherever it stands
        if v.dep[i] in FUNCTION_DEPS or i in quoted or \
                any(v.dep[x] == "acl" for x in v.ancestors(i)):   # 北朝鮮が開催した閲兵式で
            continue
        if g.is_subject(i) or raw[i] == "は" and g.phrases.of_at(i) is not None \
                or m in according:
            return False
    return True


FORCES_ONLY = {"ATTACK", "INTERCEPT", "CAPTURE", "WITHDRAW", "LAUNCH", "INCURSION"}


def _speaker_not_agent(p: Pending, g: Grammar) -> None:
    """マルチェンコ知事は、「…攻撃」と呼んだ: GiNZA hangs the sentence topic inside the quote,
    so the speaker looks like the agent of the quoted event. A topic that is also the event's
    source is its speaker, unless it reports its own act: a force or a state (ロシア軍は…奪還
    したと発表), or any speaker of a quoted active predicate left without a subject of its own
    (国防省は…撃墜したと明らかにした; but not the bare noun of 「…攻撃」と呼んだ, 攻撃だったと
    説明した, nor a topic beside the event's own が-subject: Aは、Bが占拠した…と述べた). A
    person telling of a military act (FORCES_ONLY: 大統領は…撃墜したと明らかにした) tells of his
    forces' act: source only; a commander (a troop noun: 司令官) stays the agent."""
    if p.statement or not _quoted(p, g):
        return
    sources = set(_keys([f.arg for f in p.reading.sources]))
    raw = g.v.raw_marker
    own_act = _verbal(p, g) and not any(
        f.role == "agent" and raw[f.arg.head] != "は" for f in p.found) \
        and not _other_doer_quoted(p, g)
    # a person who tells of fighting (大統領は…撃墜したと明らかにした) tells of his forces' act
    forces_only = p.pred.cand.rule.type in FORCES_ONLY
    p.found[:] = [f for f in p.found if not (
        f.role == "agent" and (f.arg.start, f.arg.end) in sources
        and raw[f.arg.head] == "は" and (not own_act or forces_only and g.phrases.is_person(f.arg))
        and not set(f.arg.classes) & {"TROOP", "COUNTRY"})]


def _speaker_acts(p: Pending, g: Grammar) -> None:
    """国防省は…ドローン8機を撃墜したと明らかにした, where the parse shares no subject with
    the quoted clause: the speaker (the topic before the event) that reports an active act
    with no doer of its own and no other named doer before it is that act's agent too."""
    if p.statement or p.has("agent") or not _verbal(p, g) or _other_doer_quoted(p, g):
        return
    if any(f.rule.startswith(("case:が", "case:も", "quantity.owner")) for f in p.found):
        return                            # 部隊の一部が…移動している: a subject of its own
    rule = p.pred.cand.rule
    v = g.v
    anchor = p.pred.anchor
    for f in p.reading.sources:
        a = f.arg
        if f.rule not in ("source.speaker", "sentence.speaker") or \
                not v.sent(anchor).start <= a.head < anchor \
                or v.raw_marker[a.head] != "は" or a.entity is None or a.label != "ACTOR" \
                or rule.type in FORCES_ONLY and g.phrases.is_person(a):
            continue
        if g.role(rule.type, rule.frame, "active", "が", a) == "agent":
            p.found.append(Found("agent", a, "sentence.speaker_acts"))
        return


def _other_doer_quoted(p: Pending, g: Grammar) -> bool:
    """Aは、ロシア軍が攻勢を強めるため、兵を投入したと発表: a named が-subject between the
    topic and the event says someone other than the speaker acts (the parse may hang it on a
    clause of its own)."""
    anchor = p.pred.anchor
    v = g.v
    raw = v.raw_marker
    sent = v.sent(anchor)
    topics = [f.arg.head for f in p.found if f.role == "agent" and raw[f.arg.head] == "は"]
    first = min(topics, default=sent.start)
    entity_at = g.phrases.entity_at
    for t in range(max(sent.start, first + 1), min(sent.end, anchor)):     # first < t < anchor
        if raw[t] == "が":
            span = entity_at.get(t)
            if span is not None and span.label_ == "ACTOR":
                return True
    return False


def _verbal(p: Pending, g: Grammar) -> bool:
    """An active predicate: a verb, or a noun carried by a support verb (攻撃を実施した)."""
    head = p.pred.light if p.pred.light is not None else p.pred.anchor
    v = g.v
    if not verbal_at(v, head) or any(v.dep[c] == "cop" for c in v.children[head]):
        return False
    if p.pred.light is not None:
        return p.pred.light_voice == "active"
    return voice_at(v, head, g.keep) == "active"


def _path_up(p: Pending, v: View) -> list[int]:
    """The clause's token and its heads below the root."""
    i, out = p.pred.clause, []
    while v.head[i] != i:
        out.append(i)
        i = v.head[i]
    return out


def _quoted(p: Pending, g: Grammar) -> bool:
    """Is the event inside a と-quote (〜と呼んだ, 〜と述べた) on its way to the root?"""
    raw, markers = g.v.raw_marker, g.markers
    return any(raw[t].startswith("と") or markers[t].startswith("と") for t in _path_up(p, g.v))


def _behind_contrast(p: Pending, g: Grammar) -> bool:
    """〜を砲撃したが、…と発表した: a clause closed by a contrastive conjunction asserts on
    its own (rules/event_cues.tsv kind `contrast`)."""
    v = g.v
    for t in _path_up(p, v):
        words = v.function_words[t]
        if words and v.pos[words[-1]] == "SCONJ" and v.text[words[-1]] in g.lex.cues["contrast"]:
            return True
    return False


def _speaker_of(head: int, g: Grammar) -> list[Arg]:
    from .attribution import Attribution
    return Attribution(g).speaker(head)


def _only_attributes(group: list[Pending], g: Grammar) -> bool:
    """`ウクライナ軍が12日明らかにした。`: one statement, a speaker, nothing it says; not a
    reaction (政府は北朝鮮に抗議した: cue kind `reaction`), an act of its own."""
    if len(group) != 1 or not group[0].statement or not group[0].agents() \
            or g.v.lemma[group[0].pred.anchor] in g.lex.cues["reaction"]:
        return False
    p = group[0]
    v = g.v
    for h in p.pred.heads:
        for c in v.content[h]:
            if c < h and (v.raw_marker[c].startswith("と") or g.markers[c] == "を"):
                return False
    return True


def _keys(args: list[Arg]) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in args]


def _attribute(events: list[Pending], speakers: list[Arg], rule: str) -> None:
    for p in events:
        if p.has("source"):
            continue
        # the speaker's own act is reported by it too (ロシア軍は…制圧したと発表: agent and
        # source, GUIDELINES §8); a statement is never its own source
        if p.statement and set(_keys(p.agents())) & set(_keys(speakers)):
            continue
        p.reading.sources += [Found("source", a, rule) for a in speakers]
        p.reading.add("reported", rule)


def continues_speech(p: Pending, g: Grammar, told: set[int]) -> bool:
    """A statement whose speaker is left unsaid (`sentence.previous_speaker`) that goes on
    telling the statement of the sentence before rather than a new one (GUIDELINES §7
    second pass: one speaker's one statement told by several verbs is one group):
    - it has no content of its own, no と-clause and no object: it names the medium or the
      venue of what was just said (…との見方を示した。SNSへの投稿で明らかにした。);
    - it closes a quote opened sentences before in a sentence with a statement (`told`:
      the starts of the sentences with one): Aは声明で「…。…」と述べた;
    - its content is added with も (…との見方も示した, …とも述べた).
    A subjectless 「…」と強調した or 動画を投稿した is the speaker's next statement."""
    if not p.statement or not any(f.role == "agent" and f.rule == "sentence.previous_speaker"
                                  for f in p.found):
        return False
    v = g.v
    sent = v.sent(p.pred.anchor)
    texts = v.text[sent.start:sent.end]
    if "」" in texts and ("「" not in texts or texts.index("」") < texts.index("「")):
        opener = _quote_opener(sent)
        return opener is not None and v.sent(opener).start in told
    markers = [v.raw_marker[c] for h in p.pred.heads for c in v.content[h] if c < h]
    if any(m.endswith("も") for m in markers):
        return True
    return not any(m.startswith(("と", "を")) for m in markers)


def _quote_opener(sent) -> int | None:
    """The 「 before `sent` that the sentence's first 」 closes."""
    depth = 0
    v = view(sent.doc)
    for i in range(sent.start - 1, -1, -1):
        if v.text[i] == "」":
            depth += 1
        elif v.text[i] == "「":
            if depth == 0:
                return i
            depth -= 1
    return None
