"""Case markers, subjects, coordination and support verbs: the grammar every stage reads."""
from __future__ import annotations

from bisect import bisect_left

from ..rules.country_roles import CountryRoles
from ..rules.event_lexicon import Lexicon
from .docview import View, view
from .phrases import Arg, Phrases
from .syntax import verbal_at, voice_at

_NOT_READ = object()

# Particles are grammar, not vocabulary a rule author extends: they stay in code.
SUBJECT = ("が", "も")
CONJ_MARKERS = {"と", "や", "および", "及び", "または", "も", "とか"}


class Grammar:
    def __init__(self, lex: Lexicon, phrases: Phrases, speech_lemmas: set[str],
                 event_lemmas: set[str], role_memo: dict | None = None,
                 roles: CountryRoles | None = None):
        self.lex = lex
        self.roles = roles          # rules/country_roles.tsv (the maker suffixes 製, 主導)
        self.phrases = phrases
        self._doc = getattr(phrases, "doc", None)     # the Doc the memos below are for
        self.v: View = view(self._doc) if self._doc is not None else None
        self.speech_lemmas = speech_lemmas
        self.event_lemmas = event_lemmas
        self.keep = frozenset(lex.cues["voice_keep"])
        # `role` per question: a pure function of the rules, shared across Docs
        self._roles = role_memo if role_memo is not None else {}
        self._rows: dict[tuple, tuple] = self._roles.setdefault("rows", {})   # see `role`
        self._memos: dict[str, dict] = {}
        self._voices: dict[int, str] = {}        # `own_voice` per token
        self._partner_ends: list[int] | None = None
        self.stray_partners: dict[int, list] = {}    # arguments._stray_partners per token
        self._normal: dict[str, str] = {}        # `_normalise` per raw marker
        # can a word with no particle after it (raw marker "" or "compound") be 〜によると?
        self._bare_according = any(m in lex.cues["according"] for m in
                                   ("が", self._normalise(""), self._normalise("compound")))
        # `marker` of every token of the phrases' Doc, read in one pass (asked of most)
        self.markers: list[str] = self._read_markers(view(self._doc)) if self._doc is not None else []
        # the tokens marked 〜によると, ascending (`_read_according`)
        self.according: list[int] = self._read_according() if self._doc is not None else []

    def remembered(self, name: str, i: int, fn):
        """`fn(i, self)`, computed once per token of the phrases' Doc: the stages ask the
        same clause questions for each trigger, and the parse and the mentions do not change
        while a Doc is read."""
        table = self._memos.get(name)
        if table is None:
            table = self._memos[name] = {}
        found = table.get(i, _NOT_READ)
        if found is _NOT_READ:
            found = table[i] = fn(i, self)
        return found

    def _read_markers(self, v: View) -> list[str]:
        """Each token's case marker, normalised by rules/event_cues.tsv (への → に, は → が)."""
        normal = self._normal
        for raw in set(v.raw_marker).difference(normal):
            normal[raw] = self._normalise(raw)
        out = list(map(normal.__getitem__, v.raw_marker))
        texts = v.text
        for i in self.phrases.actor_ends():       # the last word of an ACTOR mention
            if v.raw_marker[i] == "" and i + 1 < v.n and texts[i + 1] == "、":
                out[i] = "が"           # headline topic: 北朝鮮軍、ウクライナ参戦
        return out

    def _normalise(self, raw: str) -> str:
        if raw.startswith("など") and len(raw) > 2:
            raw = raw[2:]                      # 技術などを → を
        norm = self.lex.cues["marker"].get(raw)
        if norm is None and len(raw) > 1 and raw[-1] in "はも":
            raw = raw[:-1]
            norm = self.lex.cues["marker"].get(raw)
        return norm or raw

    def _read_according(self) -> list[int]:
        """The tokens marked 〜によると (rules/event_cues.tsv kind `according`), ascending;
        a word with no dependent after it has no particle to be so marked."""
        according, children = self.lex.cues["according"], self.v.children
        bare = self._bare_according
        return [i for i, m in enumerate(self.markers) if m in according
                and (bare or children[i] and children[i][-1] > i)]

    def partner_ends(self) -> list[int]:
        """The last words of ACTOR mentions closed by と (raw marker), ascending."""
        ends = self._partner_ends
        if ends is None:
            raw = self.v.raw_marker
            ends = self._partner_ends = [t for t in self.phrases.actor_ends() if raw[t] == "と"]
        return ends

    def according_in(self, start: int, end: int) -> list[int]:
        """The tokens from `start` to `end` (exclusive) marked 〜によると, ascending."""
        found = self.according
        if not found:
            return found
        return found[bisect_left(found, start):bisect_left(found, end)]


    def role(self, type_: str, frame: str, voice_: str, marker: str, arg: Arg) -> str | None:
        """The first matching row of rules/event_roles.tsv."""
        key = (type_, frame, voice_, marker, arg.classes)
        role = self._roles.get(key, _NOT_READ)
        if role is _NOT_READ:
            # the rows that match all but the argument's classes, in order, read once per
            # (type, frame, voice, marker) (RoleRule.matches)
            rows = self._rows.get(key[:4])
            if rows is None:
                rows = self._rows[key[:4]] = tuple(
                    (r.arg, r.role) for r in self.lex.roles
                    if r.type in ("*", type_) and r.frame in ("*", frame)
                    and r.voice in ("*", voice_) and r.marker in ("*", marker))
            classes = arg.classes
            role = self._roles[key] = next((r for a, r in rows if a == "*" or a in classes), None)
        return role

    def is_subject(self, i: int) -> bool:
        """が/は, or も on a named actor (ロシアも北朝鮮も否定)."""
        m = self.markers[i]
        if m not in SUBJECT:
            return False
        a = self.phrases.of_at(i)
        return a is not None and (m == "が" or a.label in ("ACTOR", "PLACE"))

    def conjuncts(self, i: int) -> list[Arg]:
        """ロシアと北朝鮮は / ロシアも北朝鮮も / 兵士と武器を: the nouns joined to token `i`."""
        out = []
        v = self.v
        raw = v.raw_marker
        for c in v.children[i]:
            if c > i:
                continue
            m = raw[c]
            if m not in CONJ_MARKERS or m == "も" and raw[i] != "も":
                continue
            a = self.phrases.of_at(c)
            if a is not None and a.label not in ("NUMBER", "DATE"):
                out.append(a)
                out += self.conjuncts(c)
        return out

    def is_statement_verb(self, i: int) -> bool:
        """A STATEMENT predicate: 発表した, and the する of 明らかにした."""
        v = self.v
        lemma = v.lemma[i]
        if lemma in self.speech_lemmas:
            return True
        return lemma == "する" and any(
            v.lemma[c] in self.speech_lemmas and c < i and v.raw_marker[c] in ("に", "")
            for c in v.children[i])

    def is_speech(self, i: int) -> bool:
        return self.is_statement_verb(i) or self.v.lemma[i] in self.lex.cues["speech"]

    def is_light(self, i: int) -> bool:
        """A word that carries a noun trigger's arguments: support verbs (行う, 受ける),
        plans and stops (検討, 停止), announcements of one's own act (支援を発表)."""
        lemma = self.v.lemma[i]
        if lemma in self.lex.cues["announce"]:
            return True
        if lemma in self.speech_lemmas:
            return False
        return self.lex.is_negator(lemma) or \
            any(lemma in self.lex.cues[k] for k in ("light", "modal"))

    def has_object(self, i: int, exclude=()) -> bool:
        markers = self.markers
        return any(markers[c] == "を" for c in self.v.content[i] if c not in exclude)

    def own_voice(self, i: int) -> str:
        """active / passive / dpassive (passive with a を-object) / causative, or `noun` for
        a noun trigger standing alone."""
        found = self._voices.get(i)
        if found is None:
            found = self._voices[i] = self._own_voice(i)
        return found

    def _own_voice(self, i: int) -> str:
        v = self.v
        if verbal_at(v, i):
            vo = voice_at(v, i, self.keep)
            return "dpassive" if vo == "passive" and self.has_object(i) else vo
        # a bare noun with が/を dependents is a predicate (headline style: ロシア軍、X州を奪還)
        kids = v.content[i]
        markers = {self.markers[c] for c in kids}
        quoted = any(v.raw_marker[c].startswith("と") for c in kids
                     if c < i and verbal_at(v, c))          # 〜していると発表。
        return "active" if markers & {"が", "を"} or quoted else "noun"
