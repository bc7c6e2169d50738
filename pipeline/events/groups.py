"""Event groups (SPEC §3 `group`): within-document event coreference on event records.

Pure functions on SPEC §3 event records in text order. Each record may carry the private keys
of GROUPING_KEYS, set by the event extractor (rules/event_cues.tsv kinds in brackets):
- `lemma`: the trigger's lemma, so 攻撃し and 攻撃 compare equal [synonym: 死者 → 死亡];
- `covers`: the outcomes a trigger word names at once (死傷者 → 死亡, 負傷) [covers];
- `means`: how an attack is made (ドローン攻撃, 越境攻撃) [means];
- `backref`: the trigger is determined by a back-reference word (この攻撃, 今回の合意,
  同会談) [backref];
- `iterative`: a series or a total [iterative, total, war]; `part`: a part of the count told
  before (うち戦死者は…) [subcount];
- `continues`: a statement whose unsaid speaker goes on with the statement of the sentence
  before (events/sentence.py `continues_speech`);
- `generic`: a word for fighting in general (戦闘, 戦い) [generic];
- `prospective`: an act still to come or only possible (派兵されれば, 投入の可能性;
  events/modality.py);
- `another`: a further act of its kind (追加派兵, 新たな攻撃) [another];
- `earlier`: told as done before (すでに派遣した) [already];
- `bare_units`: the patients that are bare words for soldiers (兵士を派遣) [force];
- `implied_units`: what a deployment word itself says is sent (派兵, 出兵, frame `incorp` in
  rules/triggers.tsv: the army, or manpower [manpower]), compared when no patient is named;
- `named`: a statement named by a noun alone, without a verb or a support verb (ロシア側の
  主張); `rebuts`: a statement answering the one just told (否定, 反論) [rebuttal].

Sentences are counted among those that hold events: "the next sentence" below is the next
sentence with an event in it.

A mention joins the most recently mentioned group of its type when nothing conflicts and one
of these holds:
- it refers back explicitly (`backref`: この攻撃, 今回の合意);
- it repeats a trigger lemma of the group (攻撃 … 攻撃は計5回; a statement's 発表 in the
  headline and in the body). A statement repeats its word only nearby (within
  STATEMENT_REACH sentences) or on the same stated date: one speaker's 発表 in two paragraphs
  far apart are mostly two announcements. A word for fighting in general (`generic`: 戦闘)
  repeats only within GENERIC_REACH sentences: 戦闘 told again paragraphs later is mostly
  the fighting elsewhere or the war at large. A hedged attack does not repeat an asserted one
  (HEDGED_APART), but fighting in general told hedged does (戦闘の行方がどうなるか is the course
  of the fighting told);
- it is a casualty in a word the group's words cover, in the same or the next sentence
  (死傷者は200人… 戦死者は50人、負傷者は150人); a word joined so does not become the group's
  own (a death count paragraphs later is another count than the casualties);
- it is a statement of a speaker of the group's, in the same sentence, in another word
  (…との見方を示し、…とSNSで明らかにした: one speech told by two verbs);
- it is a speech `named` by a noun, reporting nothing of its own, by a speaker of the group's
  side, in the same or the next sentence (…奪還したと発表した。ウクライナはロシア側の主張を
  否定し…: the claim just told);
- it is a statement that `continues` the group's statement of the sentence before
  (…との見方を示した。SNSへの投稿で明らかにした。 / …との見方も示した); like a
  back-reference it does not add its word to the group (the speaker's next 明らかにした is
  not drawn in);
- it is a deployment, an agreement or an aid (ONE_ACT_MANY_WORDS) in another word in the same
  or the next sentence and what is sent or given does not differ (北朝鮮が派兵… 北朝鮮軍部隊が
  参加…: one deployment told by two verbs; 条約に署名… 締結した; 戦車を供与… 支援);
- it is a deployment (CONTINUING) of the group's troops' country at any distance, in any
  word, unless what is sent differs (GUIDELINES §7, second pass: a continuing operation told
  across the article is one group). A deployment still to come or only possible
  (`prospective`: 派兵されれば, 投入の可能性) and one told as done join only by the same word or
  a back-reference, not by this rule, ONE_ACT_MANY_WORDS or a shared place (measured: also
  keeping the same word apart lost on the dev set, .816 → .801);
- it names, in another word, a place or target the group names, in the same or the next
  sentence (砲撃 of a town … the town's 攻撃 told right after; WORD_REACH). Not for
  CASUALTY, whose words name different outcomes (死亡, 負傷), nor STATEMENT, whose place says
  nothing of the speech;
- it is a casualty counted by the same number as the group's in the same sentence (4千人が
  死亡または負傷した: one count of both outcomes).
Measured on the dev set, linking different words further apart, or on a shared agent alone,
or one speaker's next statement added more wrong links than right ones: the participants
found are not yet reliable enough.

Casualty tolls. A casualty told with a specific attack before it in its sentence (攻撃を
試み、数百人の死傷者を出した; クルスク攻撃での死傷者) is that attack's toll (its `cause`, the
attack's group): it joins only a toll of the same attack, not the war's running total nor
another attack's toll. A casualty told without one joins first the tolls told without one,
and only then an attack's toll (the headline's ミサイル攻撃で5人死亡, then the body's 5人が
死亡した). Fighting in general (戦闘で死亡した) is no specific attack.

Further acts and series. A further act (`another`) joins only a group begun by a further act
(a back-reference joins either): 追加派兵 after 派兵 is another deployment, and the 追加派兵
told again is that one. A plain mention may still join the further act's group (派兵 after
追加派兵 names the latest): keeping it apart too was measured worse on both sets (dev .821 →
.816, seeds .566 → .562; again on 2026-12-04, dev .847 → .843). One told as done already
(`earlier`: すでに送り込まれた兵士) is the act before the further one, so it does not join a
further act's group. A series (`iterative`: 攻撃が相次いだ, 攻撃を繰り返している, 連日砲撃) is
its own group: it is many events, not the one told before or after it; only a back-reference
joins it. A series on one named day (各地で29日、砲撃が相次いだ) is that day's wave, the
episode the article goes on to tell, so it groups like a single event. A part of a count
(`part`) is its own group too, whatever its date. A back-reference does not add its word to
the group it joins: この攻撃 after a 攻勢 names the 攻勢 in other words, and taking 攻撃 in
would draw the next, unrelated 攻撃 into that group.

Conflicts, which keep a mention out of a group:
- agents of different countries (only countries: a person or body found as the agent is
  often the speaker who reports the event, so it keeps true links apart); for a deployment
  the country whose troops go, the patient's, else the agent's (ロシアが北朝鮮兵を投入 and
  北朝鮮軍が参戦 are one deployment, 北朝鮮が派兵 and 韓国が派兵 two); for a casualty the side
  of who was killed or hurt, the patient's;
- for a deployment, what is sent (troops, then engineers: two deployments, even in one word;
  a named force and a bare word for soldiers are the same army, `_unit`);
- for an attack, other means (越境攻撃, then ドローン攻撃 told beside it; a mention that names
  no means agrees with any);
- for a meeting, the people named as its agents when they share none (プーチン氏の訪問,
  ショイグ氏の訪問);
- for a statement, what it reports (its content: the groups of the events before it in its
  sentence that name its speaker as their source) when both have one and they share none,
  unless said on the same stated date (…奪還したと発表 … 集落を支配していると発表);
- targets of one kind that differ (two towns, two countries attacked; not a deployment's
  patient, which is what is sent);
- places of one scale that differ, provinces or cities (SAME_SCALE: 集落をクルスク州で解放 …
  ドネツク州の都市も解放; seeds .800 → .802, dev unchanged); not countries, which frame an
  event more than they place it (measured: with countries, dev .847 → .824);
- explicit dates that differ (2024-05-03 vs 2024-05-05); polarity.
Places of different scales are not compared: one place is often named at another scale
(ハリコフ州 / ボウチャンスク), and wrong places split more true groups than they keep apart false
ones.

After that pass, statements of one speaker whose reported events fell in one group are one
statement at any distance (`_one_statement_per_content`: …を奪還したと発表 … 奪還を主張). A
state and its forces speak as one side there (ロシア軍が発表 … ロシアが主張); a person or an
agency speaks for itself (measured: any two speakers of one country, .835 → .822 on the dev
set). A rebuttal (`rebuts`) reporting nothing of its own is about the statement it answers,
the last statement of other speakers in its sentence or the sentence before: one side's
denials of one claim are one statement (ウクライナは否定 … ロシア側の主張を否定し).

Measured on 2026-12-04 (seeds group link F1 / dev), each rule of this session added on the
ones before: casualty tolls, covers and parts .742 → .769 / .835 → .839; means .775 / .839;
statement content .780 / .841; hedged fighting .786 / .841; implied units .789 / .841; named
speeches .796 / .847; meetings by person .799 / .847; rebuttals .801 / .847; after the
review fixes .800 / .847; places of one scale .802 / .847; 交戦 grouped as 戦闘 .804 / .847.
"""
from __future__ import annotations

STATEMENT_REACH = 2     # sentences; measured on the seeds: 0-3 all better than unbounded
WORD_REACH = 1          # sentences a different word reaches on a shared place (0-2 measured)
GENERIC_REACH = 3       # sentences 戦闘 reaches as the same word (0-5 measured: 3 best on both sets)
SAME_WORD_ONLY = {"CASUALTY", "STATEMENT"}
# Acts told by several words in a row without a place to share: a deployment (派兵… 参戦), an
# agreement (署名… 締結), an aid package (供与… 支援). Measured on the dev set: adding MEETING
# (会談… 協議) joined more separate talks than it found.
ONE_ACT_MANY_WORDS = {"DEPLOY", "AGREEMENT", "AID"}
# Operations that go on while the article is told (GUIDELINES §7, second pass: a continuing
# operation told across the article is one group): one country's troops sent, at any distance
# and in any word, unless one mention is still to come or only possible (派兵されれば,
# 投入の可能性: another, hypothetical deployment) and the other told as done.
CONTINUING = {"DEPLOY"}
# Types whose hedged mentions (modality uncertain: さらなる攻撃の恐れ, 攻撃する可能性) speak of
# another, feared or possible act than the asserted ones. A hedged casualty or deployment
# count (死傷者は…とみられる) is an estimate of the same fact, so those types are left out.
HEDGED_APART = {"ATTACK", "INTERCEPT"}
# The private keys above (output/event_records.py carries them to grouping and drops them
# from the record).
GROUPING_KEYS = ("lemma", "covers", "means", "backref", "iterative", "part", "continues",
                 "generic", "prospective", "another", "earlier", "bare_units", "implied_units",
                 "named", "rebuts")
SAME_SCALE = {"admin1", "city"}        # place kinds compared as conflicts (see above)
SIDE_KINDS = {"state", "military"}     # speakers that speak for their country's side
PLACE_KINDS = {"country", "admin1", "admin2", "city", "village", "region", "facility", "water"}  # SPEC §4


def argument_key(arg: dict) -> str | None:
    """What identifies an argument's referent for conflicts: an agent's country (ロシア and
    ロシア軍 are one side; an agent without one tells nothing), a place's id; None for a plain
    noun (兵士) or a number."""
    norm = arg.get("norm") or {}
    if arg["role"] == "agent":
        if norm.get("kind") in PLACE_KINDS:
            return None                  # a place taken as the agent names no side
        return f"c:{norm['country']}" if norm.get("country") else None
    if norm.get("id"):
        return f"id:{norm['id']}"
    return None


def time_value(ev: dict) -> str | None:
    """The day of the event's time argument (a duration tells no day)."""
    for a in ev.get("arguments") or []:
        value = (a.get("norm") or {}).get("value")
        if a["role"] == "time" and value and not value.startswith("P"):
            return value.split("T")[0]
    return None


def features(ev: dict) -> dict:
    """What grouping compares of one event, read in one pass over its arguments."""
    agents, troops, units, places, targets, speakers = set(), set(), set(), set(), set(), set()
    sites = set()
    for a in ev.get("arguments") or []:
        role, norm = a["role"], a.get("norm") or {}
        nid = norm.get("id")
        if role == "agent":
            if (k := argument_key(a)):
                agents.add(k)
        elif role == "patient":
            if norm.get("country"):      # whose troops a deployment sends (see below)
                troops.add(f"c:{norm['country']}")
            units.add(_unit(ev, norm, a.get("text")))   # what is sent: 兵士, 工兵, 北朝鮮軍
            if nid and norm.get("kind") and ev["type"] != "DEPLOY":
                # a deployment's patient is what is sent, compared as `units`, not a target
                targets.add((norm["kind"], nid))
        if role in ("place", "patient") and nid:
            places.add(nid)
        if role == "place" and nid and norm.get("kind") in SAME_SCALE:
            sites.add((norm["kind"], nid))
        if role in ("agent", "source"):
            speakers.add(nid or a.get("text"))          # who speaks, by id, else as written
    if ev["type"] == "DEPLOY":
        # whose troops: ロシアが北朝鮮兵を投入 is North Korea's deployment, as 北朝鮮軍が参戦
        agents = troops or agents
    elif ev["type"] == "CASUALTY":
        agents = troops                  # whose dead: ロシア兵の死者 and ウクライナ兵の死者 differ
    time = time_value(ev)
    units -= {None}
    speakers -= {None}
    return {"at": ev["trigger"]["start"], "type": ev["type"],
            "lemma": (word := ev.get("lemma") or ev["trigger"].get("text")),
            "words": {word, *(ev.get("covers") or ())}, "speakers": speakers,
            "sides": speakers | _side(ev), "backref": bool(ev.get("backref")),
            "iterative": (bool(ev.get("iterative")) and not _one_day(time))
            or bool(ev.get("part")),
            "continues": bool(ev.get("continues")), "generic": bool(ev.get("generic")),
            "prospective": bool(ev.get("prospective")), "another": bool(ev.get("another")),
            "earlier": bool(ev.get("earlier")), "named": bool(ev.get("named")),
            "persons": _persons(ev), "means": set(ev.get("means") or ()),
            # what is sent: as named, else what the word itself says (派兵: the army)
            "units": units, "sent": units or set(ev.get("implied_units") or ()),
            "counts": _spans(ev, "quantity"), "agents": agents, "places": places,
            "targets": targets, "sites": sites, "time": time, "polarity": ev.get("polarity", "positive"),
            "hedged": ev.get("modality") == "uncertain",
            "cause": None, "content": set()}       # set by _chain_groups from the events before


def _unit(ev: dict, norm: dict, text: str | None) -> str | None:
    """What a patient names as sent: a named force (北朝鮮軍, 北朝鮮兵, 暴風軍団) and a bare word
    for soldiers (兵士, 部隊) are both the army the mention's country sends, so 北朝鮮が兵士を
    派遣 and ロシアが北朝鮮兵を投入 send the same; a specialised unit (技術者, 建設部隊) keeps
    its words, and so does manpower (兵力: measured on the seeds, taking every patient but a
    specialised unit as the army joined separate commitments, .743 → .722)."""
    if norm.get("kind") == "military" or text in (ev.get("bare_units") or ()):
        return "troops"
    return norm.get("id") or text


def _one_day(value: str | None) -> bool:
    return bool(value) and len(value) == 10 and not value.startswith("X")


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown dates agree with anything; known ones agree when one contains the other
    (2024-11 and 2024-11-21)."""
    if not a or not b or a.startswith("X") or b.startswith("X"):
        return True
    return a.startswith(b) or b.startswith(a)


class Group:
    def __init__(self, gid: str, f: dict, sent: int):
        self.id, self.type = gid, f["type"]
        self.lemmas: set[str] = set()
        self.words: set[str] = set()     # the lemmas and what they cover (死傷者: 死亡, 負傷)
        self.agents: set[str] = set()
        self.targets: set[tuple[str, str]] = set()
        self.sites: set[tuple[str, str]] = set()
        self.places: set[str] = set()
        self.speakers: set[str] = set()
        self.units: set[str] = set()
        self.means: set[str] = set()
        self.content: set[str] = set()   # a statement's: the groups of what it reports
        self.sides: set[str] = set()
        self.persons: set[str] = set()   # a meeting's: who met, by id
        self.counts: set[tuple] = set()
        self.times: set[str] = set()
        self.polarity, self.hedged = f["polarity"], f["hedged"]
        self.series = f["iterative"]
        self.prospective = f["prospective"]
        self.another = f["another"]
        self.cause = f["cause"]
        self.add(f, sent)

    def add(self, f: dict, sent: int) -> None:
        # a back-reference or a continuing statement does not add its word (see above), nor
        # does a word only covered by the group's (戦死者 in a 死傷者 group)
        if not ((f["backref"] or f["continues"]) and self.lemmas) \
                and f["lemma"] not in self.words - self.lemmas:
            self.lemmas.add(f["lemma"])
            self.words |= f["words"]
        self.units |= f["units"]
        self.means |= f["means"]
        self.content |= f["content"]
        self.persons |= f["persons"]
        self.sides |= f["sides"]
        self.counts |= f["counts"]
        self.agents |= f["agents"]
        self.targets |= f["targets"]
        self.sites |= f["sites"]
        self.places |= f["places"]
        self.speakers |= f["speakers"]
        if f["time"]:
            self.times.add(f["time"])
        self.last = sent
        self.last_at = f["at"]

    def units_differ(self, f: dict) -> bool:
        """What is sent or given differs (兵士 / 技術者, 戦車 / 弾薬); unknown agrees."""
        return bool(self.units and f["sent"] and not self.units & f["sent"])

    def conflicts(self, f: dict) -> bool:
        if self.agents and f["agents"] and not self.agents & f["agents"]:
            return True                  # ロシア軍 and ウクライナ軍 attacking: two attacks
        if self.means and f["means"] and not self.means & f["means"]:
            return True                  # a drone attack beside a cross-border offensive
        if self.content and f["content"] and not self.content & f["content"] \
                and f["time"] not in self.times:
            # 奪還したと発表 … 集落を支配していると発表: two statements (one speaker's on one
            # stated date are one, GUIDELINES §6.1)
            return True
        if self.type == "MEETING" and self.persons and f["persons"] \
                and not self.persons & f["persons"]:
            return True                  # プーチンが訪問 … ショイグ氏が訪問: two visits
        if self.type == "DEPLOY" and self.units_differ(f):
            return True                  # troops sent, then engineers sent: two deployments
        # two towns (or two countries) attacked are two attacks; a town and its province
        # may be one
        if _differ_by_kind(self.targets, f["targets"]) or _differ_by_kind(self.sites, f["sites"]):
            return True
        return any(not dates_compatible(t, f["time"]) for t in self.times)


def _differ_by_kind(mine: set[tuple[str, str]], theirs: set[tuple[str, str]]) -> bool:
    """Two towns, two provinces: places or targets of one kind that share none."""
    if not mine or not theirs:
        return False
    by_kind = _by_kind(mine)
    return any(kind in by_kind and not by_kind[kind] & ids for kind, ids in _by_kind(theirs).items())


def _by_kind(targets: set[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for kind, id_ in targets:
        out.setdefault(kind, set()).add(id_)
    return out


def assign_groups(events: list[dict]) -> list[str]:
    """Group ids (`g1`, `g2`, … in order of first mention) for events in text order."""
    return _one_statement_per_content(events, _chain_groups(events))


def _chain_groups(events: list[dict]) -> list[str]:
    """The first pass: each mention joins the most recent compatible group (see above)."""
    sentences: dict[int, int] = {}
    groups: list[Group] = []
    out = []
    for ev in events:
        sent = sentences.setdefault(ev["sentence"]["start"], len(sentences))
        f = features(ev)
        if f["type"] == "CASUALTY":
            f["cause"] = _cause(events, out, len(out))
        elif f["type"] == "STATEMENT":
            f["content"] = _content(events, out, len(out))
        joined = _join(groups, f, sent)
        if joined is None:
            joined = Group(f"g{len(groups) + 1}", f, sent)
            groups.append(joined)
        else:
            joined.add(f, sent)
        out.append(joined.id)
    return out


def _best(groups: list[Group], f: dict, sent: int) -> Group | None:
    if f["iterative"]:
        return None                      # a series is not the single event told before
    alike = [g for g in groups if g.type == f["type"] and g.polarity == f["polarity"]]
    for g in sorted(alike, key=lambda g: g.last_at, reverse=True):    # most recently told first
        if g.conflicts(f):
            continue
        if f["backref"]:
            return g
        if f["another"] and not g.another:
            continue                     # 追加派兵 after 派兵, or 派兵 after 追加派兵: two acts
        if f["earlier"] and g.another:
            continue                     # すでに派遣した after 追加派兵: the act before it
        if g.series:
            continue                     # only a back-reference joins a series
        if f["type"] == "STATEMENT" and sent - g.last > STATEMENT_REACH \
                and not (f["time"] and f["time"] in g.times):
            continue                     # the same speaker's next 発表 is another statement
        if f["type"] in HEDGED_APART and f["hedged"] != g.hedged and not f["generic"]:
            continue                     # 攻撃があった … さらなる攻撃の恐れ: two attacks
        if f["type"] == "CASUALTY" and sent == g.last and f["counts"] & g.counts:
            return g                     # 4千人が死亡または負傷した: one count of both outcomes
        if f["lemma"] in g.lemmas and not (f["generic"] and sent - g.last > GENERIC_REACH):
            # the same word again: the same event told again (攻撃…攻撃は計5回; the headline's
            # 発表 and the body's 発表しました; another speaker is another statement)
            return g
        if f["words"] & g.words and sent - g.last <= WORD_REACH and f["cause"] == g.cause:
            return g                     # 死傷者が200人… 戦死者が100人、負傷者が1000人
        if f["type"] == "STATEMENT" and sent == g.last and g.speakers & f["speakers"]:
            return g                     # …との見方を示し、…と投稿で明らかにした: one speech
        if f["type"] == "STATEMENT" and f["named"] and not f["content"] \
                and sent - g.last <= 1 and g.sides & f["sides"]:
            return g                     # …と発表した。ウクライナはロシア側の主張を否定し: that claim
        if f["continues"] and sent - g.last == 1:
            return g                     # …との見方を示した。SNSへの投稿で明らかにした。
        if f["type"] in CONTINUING and f["prospective"] != g.prospective:
            continue                     # 派兵した … 投入されれば: in another word, another act
        if f["type"] in CONTINUING and g.agents & f["agents"]:
            return g                     # one country's deployment told across the article
                                         # (what is sent differing is a conflict: above)
        if f["type"] in ONE_ACT_MANY_WORDS and sent - g.last <= WORD_REACH \
                and not g.units_differ(f):
            return g                     # 北朝鮮がロシアに派兵… 北朝鮮軍部隊が参加した
        if f["type"] not in SAME_WORD_ONLY and sent - g.last <= WORD_REACH \
                and g.places & f["places"]:
            return g                     # 砲撃 of a town, then 攻撃 on it in the next sentence
    return None


def _join(groups: list[Group], f: dict, sent: int) -> Group | None:
    """The group a mention joins. A casualty looks first among the tolls of its own cause
    (an attack's toll only among that attack's; one told without its attack among the others
    told so: the war's running total); one told without its attack then also among the
    attacks' tolls (the headline's 攻撃で34人死亡, then the body's 34人が死亡した)."""
    if f["type"] != "CASUALTY":
        return _best(groups, f, sent)
    joined = _best([g for g in groups if g.cause == f["cause"]], f, sent)
    if joined is None and f["cause"] is None:
        joined = _best([g for g in groups if g.cause is not None], f, sent)
    return joined


def _content(events: list[dict], ids: list[str], k: int) -> set[str]:
    """What statement `k` reports, as groups: the events of its sentence among the first
    len(ids) (the chain pass knows the groups of the events before it only; the pass after it
    knows all) that name its speaker as their source."""
    ev = events[k]
    speaker = _spans(ev, "agent")
    if not speaker:
        return set()
    sentence = ev["sentence"]["start"]
    return {ids[j] for j in range(len(ids)) if events[j]["sentence"]["start"] == sentence
            and events[j]["type"] != "STATEMENT" and _spans(events[j], "source") & speaker}


def _cause(events: list[dict], ids: list[str], k: int) -> str | None:
    """The group of the attack a casualty is the toll of: the last attack told before it in
    its sentence (攻撃を試み、数百人の死傷者を出した; クルスク攻撃での死傷者), not a word for
    fighting in general (戦闘で死亡した: the war's)."""
    ev = events[k]
    for j in range(k - 1, -1, -1):
        e = events[j]
        if e["sentence"]["start"] != ev["sentence"]["start"]:
            return None
        if e["type"] == "ATTACK" and not e.get("generic"):
            return ids[j]
    return None


def _one_statement_per_content(events: list[dict], ids: list[str]) -> list[str]:
    """Statements of one speaker whose reported events are one event are one statement,
    however far apart and in whatever words (…を奪還したと発表 … 奪還を主張: GUIDELINES §6.1,
    one speaker's one statement about one content). A statement's content is the groups of
    the events in its sentence that name its speaker as their source; a rebuttal with none is
    about the statement it answers (`_answered`)."""
    content = {k: _content(events, ids, k) for k, ev in enumerate(events)
               if ev["type"] == "STATEMENT" and _spans(ev, "agent")}
    merged = {g: g for g in ids}

    def root(g: str) -> str:
        while merged[g] != g:
            g = merged[g]
        return g
    told = sorted(content)
    speakers = {k: features(events[k])["sides"] for k in told}

    def merge(about: dict[int, set[str]]) -> None:
        for n, x in enumerate(told):
            for y in told[:n]:
                if about[x] & about[y] and speakers[x] & speakers[y] \
                        and events[x].get("polarity") == events[y].get("polarity"):
                    merged[root(ids[x])] = root(ids[y])
    merge(content)
    # a rebuttal (ウクライナは否定 … ロシア側の主張を否定し … これを否定し) is about the statement
    # it answers: the last one before it, in its sentence or the one before, of other speakers
    answered = {k: {root(ids[j])} for k in told if events[k].get("rebuts") and not content[k]
                and (j := _answered(events, k, speakers)) is not None}
    if answered:
        merge({k: answered.get(k, set()) for k in told})
    renumber: dict[str, str] = {}
    return [renumber.setdefault(root(g), f"g{len(renumber) + 1}") for g in ids]


def _answered(events: list[dict], k: int, speakers: dict[int, set]) -> int | None:
    """The statement a rebuttal answers: the last statement before it, in its sentence or the
    sentence before, by a speaker that is not its own."""
    seen = {events[k]["sentence"]["start"]}
    for j in range(k - 1, -1, -1):
        start = events[j]["sentence"]["start"]
        if start not in seen:
            if len(seen) == 2:
                return None              # two sentences back: no longer an answer
            seen.add(start)
        if events[j]["type"] == "STATEMENT" and j in speakers and not speakers[j] & speakers[k]:
            return j
    return None


def _persons(ev: dict) -> set[str]:
    """The people named as agents, by id (a meeting is who met)."""
    return {norm["id"] for a in ev.get("arguments") or []
            if a["role"] == "agent" and (norm := a.get("norm") or {}).get("kind") == "person"
            and norm.get("id")}


def _side(ev: dict) -> set[str]:
    """ロシア, ロシア軍, ロシア側: a state and its forces speak as one side, so their claims
    about one content are one statement (a person or an agency speaks for itself)."""
    return {f"side:{norm['country']}" for a in ev.get("arguments") or []
            if a["role"] == "agent" and (norm := a.get("norm") or {}).get("kind") in SIDE_KINDS
            and norm.get("country")}


def _spans(ev: dict, role: str) -> set[tuple]:
    return {(a.get("start"), a.get("end"), a.get("text"))
            for a in ev.get("arguments") or [] if a["role"] == role}
