"""ACTOR and PLACE mentions from GiNZA tokens, the gazetteer and the parse.

Candidates come from five sources, each a rule id on the mention:
- `gaz.actor` / `gaz.place` / `gaz.country`: dictionary surfaces, matched on characters and kept
  only where they start and end on token boundaries (Sudachi splits names differently in
  context: 金正|恩, トランプ政権 as one token, so token-sequence matching misses them);
- `actor.nationality_head`: any country + head noun (ロシア軍, 北朝鮮兵, 米トランプ政権, 英国防省);
- `actor.name_title` / `actor.title_name`: a person name (Sudachi 人名 or a katakana run) with a
  title (ゼレンスキー大統領, ウクライナ大統領ゼレンスキー);
- `actor.unit`: 第N + a military unit noun (第155海軍歩兵旅団);
- `place.suffix` / `place.ner`: a name + 州/市/村… and GiNZA's City/Province/… entities.
Places then merge into maximal expressions (ロシア西部クルスク州), and a bare country (or a
surface that is both an actor and a place, like 平壌) becomes ACTOR or PLACE by its case
particle and head noun (SPEC §4).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy

from spacy.tokens import Doc

from ..rules.gazetteer import surface_key
from ..rules.place_parts import PlaceParts
from .docview import DocView, fresh_view, release_view, view
from .mention import Mention
from .overlap import longest_first

_KATAKANA = re.compile(r"^[\u30A0-\u30FF・=＝]+$")
_KANA_START = re.compile(r"^[\u30A1-\u30FA]")
_KANJI = re.compile(r"^[\u4E00-\u9FFF\u3005]+$")
# katakana name parts joined by ・ or =, with Latin initials between (ジョン・J・テイラー)
_FOREIGN_NAME = re.compile(r"^[\u30A1-\u30FA\u30FC]{2,}(?:[・=＝](?:[\u30A1-\u30FA\u30FC]{1,}|[A-Z]\.?))*"
                           r"[・=＝][\u30A1-\u30FA\u30FC]{2,}$")
# A credit bracket: 【…】, […] or (…) on one line.
_CREDIT = re.compile(r"【([^【】\n]{1,40})】|\[([^\[\]\n]{1,60})\]|[(（]([^()（）\n]{1,30})[)）]")
_CREDIT_SPLIT = re.compile(r"[^=＝、,/／\s]+")
# An English credit at the end of a line: Latin parts joined by / (Kyiv City …/Handout via Reuters).
_EN_CREDIT = re.compile(r"[A-Za-z][A-Za-z0-9 .,'&-]*(?:/[A-Za-z][A-Za-z0-9 .,'&-]*)+[ \t]*$", re.M)
_VIA = re.compile(r"^\s*(?:Handout\s+)?(?:via\s+)?", re.I)
# A kanji or kana that surface_key keeps as the key's first letter when no voicing mark follows
# it: at a text's start the key drops, folds or composes nothing else (ヴ and ヶ it folds).
_KEPT_INITIAL = re.compile(r"[\u4E00-\u9FFF\u3041-\u3096\u30A1-\u30F3\u30F5\u30F7-\u30FA]"
                           r"(?![\u3099\u309A\uFF9E\uFF9F])")
_NAME_TAG = "固有名詞-人名"
_PROPER_OTHER = "名詞-固有名詞-一般"      # Sudachi: a proper name that is no person's or place's
_COUNTRY_TAG = "固有名詞-地名-国"
# Rules that find a span as a person's name: the normaliser makes an unlisted one a person.
PERSON_RULES = {"actor.name_title", "actor.title_name", "actor.full_name", "actor.ner_person",
                "actor.bare_name"}
# Case particles that make a country the doer, and those that make it a location.
# Grammar, not vocabulary: the case particles that make a name the agent of its clause.
AGENT_CASES = {"が", "は", "も", "こそ", "として"}
# The entry tests of the candidate sources, one bit each of a token's class (_token_class): a
# source visits only the tokens that pass its test.
_DICT, _COUNTRY, _NAME, _PLACE_TAG, _KANA_NAME, _MAKER, _ABBREV, _PERSON_HEAD, _SUFFIX, _UNIT = (
    1 << k for k in range(10))
_ENTRY_BITS = (_DICT, _COUNTRY, _NAME, _PLACE_TAG, _KANA_NAME, _MAKER, _ABBREV, _PERSON_HEAD,
               _SUFFIX, _UNIT)
# Beginnings of dictionary surfaces kept for cutting look-ups short: most texts that start no
# name are told apart within three letters, and longer beginnings cost megabytes.
PREFIX_LEN = 3


@dataclass
class Cand:
    start: int        # token indices, end-exclusive
    end: int
    label: str        # ACTOR, PLACE, or DUAL (decided by the parse later)
    rule: str


class NameTagger:
    """Callable: Doc → ACTOR and PLACE mentions (char offsets into doc.text)."""

    def __init__(self, rules):
        gazetteer = self.gaz = rules.gazetteer
        self.parts: PlaceParts = rules.place_parts
        self.roles = rules.country_roles
        # the words the event rules read (trigger pattern words, cues): vocabulary, never a
        # bare name even where Sudachi offers a surname reading (見方を示した)
        lex = rules.lexicon
        self.vocabulary = frozenset({w for t in lex.triggers for alts in t.tokens for w in alts}
                                    | {w for table in lex.cues.values() for w in table})
        self.surfaces = {k: v for k, v in _surface_table(gazetteer).items()
                         if k not in self.parts.not_places}
        # the beginnings of surfaces up to PREFIX_LEN letters → the length of the longest surface
        # with that beginning: a text with no such beginning, or longer than that, is no surface
        self.longest: dict[str, int] = {}
        for surface in self.surfaces:
            for k in range(1, min(len(surface), PREFIX_LEN) + 1):
                self.longest[surface[:k]] = max(self.longest.get(surface[:k], 0), len(surface))
        # the same table by surface_key, so spelling variants (ヴォ/ボ, ー) match too
        self.keyed: dict[str, tuple[str, str]] = {}
        for surface, value in self.surfaces.items():
            self.keyed.setdefault(surface_key(surface), value)
        self.key_max = max((len(k) for k in self.keyed), default=0) + 4
        # what may stand between a name and its title (トランプ米大統領, 金正恩朝鮮労働党総書記): a
        # country or a listed government or organisation, by surface_key
        gaz = self.gaz
        self.title_owners = frozenset(
            [k for table in (gaz.countries, gaz.abbrevs) for k, iso in table.items() if iso]
            + [k for k, a in gaz.actors.items() if a.kind in ("government", "organization")])
        # where the key of a text may begin like a title's, an owner's, a listed person's or a
        # country's key (see _may_begin)
        self.title_start = _may_begin(gaz.titles)
        self.owner_start = _may_begin(self.title_owners)
        self.person_start = _may_begin(k for k, a in gaz.actors.items() if a.kind == "person")
        self.country_start = _may_begin([*gaz.countries, *gaz.abbrevs])
        # a pure function of the word, asked for every token: words repeat across documents
        self._person_with_head = functools.lru_cache(maxsize=1 << 16)(self._person_with_head)
        self._is_country_word = functools.lru_cache(maxsize=1 << 16)(self._is_country_word)
        self._token_class = functools.lru_cache(maxsize=1 << 16)(self._token_class)
        self.admin_suffixes = _admin_suffixes(self.parts)
        # organisation heads a word may end in (前田製紙): those of two letters or more
        self.org_suffixes = tuple(h for h in gazetteer.org_heads if len(h) > 1)
        # the first letters of place suffixes: a word starting with none of them starts no suffix
        self.suffix_initials = frozenset(s[:1] for s in self.parts.suffixes)
        # the maker/leader suffixes of rules/country_roles.tsv (米国製, 米国主導)
        self.makers = tuple(self.roles.words.get("maker", ()))

    def __call__(self, doc: Doc) -> list[Mention]:
        try:
            return self._mentions(doc)
        finally:
            release_view(doc)           # the last tagger to read the Doc's view

    def _mentions(self, doc: Doc) -> list[Mention]:
        v = view(doc)
        at = self._entries(v)
        marks = self._abbrev_compounds(v, at[_ABBREV])
        if self._split_compounds(doc, v, [m for m in marks if m[0] == m[1]],
                                 self._maker_tokens(v, at[_MAKER])):
            v = fresh_view(doc)         # the split tokens
            at = self._entries(v)
        letters = [m for m in marks if m[0] != m[1]]
        cands = (self._dictionary(v, at[_DICT]) + self._nationality_heads(v, at[_COUNTRY])
                 + self._persons(v, at[_NAME], at[_PLACE_TAG]) + self._units(v, at[_UNIT])
                 + self._place_suffixes(v, at[_SUFFIX]) + self._ner_places(v)
                 + self._ner_persons(v))
        cands += self._context_places(v, cands, at[_KANA_NAME])
        cands += self._listed_person_titles(v, cands, at[_PERSON_HEAD])
        cands = [c for c in cands if not self._names_a_body(v, c)]
        cands = self._credit_lines(doc, v, cands)
        cands = self._english_credits(doc, v, cands)
        cands = _merge_places(v, cands, self.parts, self.gaz.abbrevs, self.admin_suffixes)
        cands = [self._with_media_prefix(v, c) for c in cands]
        chosen = [c for c in _non_overlapping(cands) if not self._inside_name(v, c)]
        if letters:
            taken = {i for s, e in letters for i in range(s, e)}
            chosen = [c for c in chosen if taken.isdisjoint(range(v.starts[c.start], v.ends[c.end - 1]))]
        placey = {i for c in chosen if c.label != "ACTOR" for i in range(c.start, c.end)}
        out = [Mention(s, e, "ACTOR", "actor.abbrev_compound") for s, e in letters]
        labels: dict[int, str] = {}         # start → label, decided from the last one back
        by_start = {c.start: c for c in chosen}
        for c in sorted(chosen, key=lambda c: -c.start):
            if c.label != "DUAL":
                labels[c.start] = c.label
                continue
            nxt = by_start.get(c.end + 1 + (c.end + 1 < len(v) and v.words[c.end] == "など"))
            later = labels.get(nxt.start) if nxt is not None and nxt.label != "ACTOR" else None
            labels[c.start] = self._decide(v, c, placey, later)
        orgs = self._organizations(v)
        dropped = {c.start for c in chosen
                   if labels[c.start] == "PLACE" and self._inside_organization(orgs, c) is not None}
        for c in chosen:
            label = labels[c.start]
            if c.start in dropped:
                org_start, org_end, _ = self._inside_organization(orgs, c)
                start_char, end_char = v.starts[org_start], v.ends[org_end - 1]
                if not any(o.start < org_end and org_start < o.end and o.start not in dropped
                           for o in chosen) and not any(m.start < end_char and start_char < m.end
                                                        for m in out):
                    out.append(Mention(start_char, end_char, "ACTOR", "actor.ner_organization"))
                continue
            hints = (("kind", "person"),) if c.rule in PERSON_RULES else ()
            out.append(Mention(v.starts[c.start], v.ends[c.end - 1], label, c.rule, hints))
        return sorted(out, key=lambda m: m.start)

    def _entries(self, v: DocView) -> dict[int, list[int]]:
        """Per entry test (a bit of _token_class): the indices of the tokens that pass it."""
        classes = numpy.fromiter(map(self._token_class, v.words, v.tags), dtype=numpy.int64,
                                 count=len(v))
        return {bit: numpy.flatnonzero(classes & bit).tolist() for bit in _ENTRY_BITS}

    def _token_class(self, word: str, tag: str) -> int:
        """The entry tests of the candidate sources a token passes, as bits. A pure function of
        the word and its tag, asked for every token: memoised (see __init__)."""
        abbrevs, bits = self.gaz.abbrevs, 0
        longest = self.longest.get(word[:PREFIX_LEN])
        if longest is not None and len(word) <= longest or _KANA_START.match(word):
            bits |= _DICT           # may start a listed surface or a spelling variant
        if _COUNTRY_TAG in tag or self._is_country_word(word):
            bits |= _COUNTRY
        if _name_word(word, tag):
            bits |= _NAME
        if "地名" in tag:
            bits |= _PLACE_TAG      # may be a surname (_place_surname)
        if _katakana_name_word(word, tag):
            bits |= _KANA_NAME
        if word.endswith(self.makers):
            bits |= _MAKER
        if not (word and not abbrevs.get(word[0]) or not all(abbrevs.get(ch) for ch in word)):
            bits |= _ABBREV         # letters that are all country abbreviations
        if self._person_with_head(word):
            bits |= _PERSON_HEAD
        if word[:1] in self.suffix_initials:
            bits |= _SUFFIX         # may start a place suffix
        if word == "第":
            bits |= _UNIT
        return bits

    def _maker_tokens(self, v: DocView, at: list[int]) -> dict[int, int]:
        """Tokens written as one word of a country and a maker/leader suffix (米国製, 米国主導):
        token index → length of the country part, to split there. `at`: the tokens ending in
        such a suffix."""
        out = {}
        for i in at:
            text = v.words[i]
            for word in self.makers:
                stem = text[:-len(word)]
                if text.endswith(word) and len(stem) >= 2 and self.gaz.is_country(stem):
                    out[i] = len(stem)
        return out

    def _split_compounds(self, doc: Doc, v: DocView, letters: list[tuple[int, int]],
                         makers: dict[int, int] | None = None) -> bool:
        """Split the tokens of abbreviation compounds (米ロ as one token) into one token per
        letter, so each letter can be its own entity span; the last letter keeps the token's
        head. Span groups written by earlier taggers are rebuilt on the new tokens. True when
        a token was split."""
        if not letters and not makers:
            return False
        starts = {s for s, _ in letters}
        makers = makers or {}
        hits = [doc[i] for i, text in enumerate(v.words)
                if len(text) > 1 and (v.starts[i] in starts or i in makers)]
        if not hits:
            return False
        saved = {key: [(sp.start_char, sp.end_char, sp.label_, sp.id_, sp._.hints) for sp in group]
                 for key, group in doc.spans.items()}
        with doc.retokenize() as retok:
            for tok in hits:
                cut = makers.get(tok.i)
                pieces = [tok.text[:cut], tok.text[cut:]] if cut else list(tok.text)
                n = len(pieces)
                heads = [(tok, k + 1) for k in range(n - 1)] + [tok.head if tok.head.i != tok.i else (tok, n - 1)]
                retok.split(tok, pieces, heads=heads,
                            attrs={"POS": [tok.pos_] * n, "TAG": [tok.tag_] * n,
                                   "LEMMA": pieces, "DEP": ["compound"] * (n - 1) + [tok.dep_]})
        for key, spans in saved.items():
            rebuilt = []
            for a, b, lab, sid, hints in spans:
                sp = doc.char_span(a, b, label=lab, span_id=sid)
                if sp is not None:
                    sp._.hints = hints
                    rebuilt.append(sp)
            group = doc.spans[key]
            attrs = dict(group.attrs)
            doc.spans[key] = rebuilt
            doc.spans[key].attrs.update(attrs)
        return True

    def _abbrev_compounds(self, v: DocView, at: list[int]) -> list[tuple[int, int]]:
        """米ロ首脳会談, 朝ロ両国, 日米, 印パ: a word made only of two or three one-letter
        country abbreviations is one state ACTOR per letter (SPEC §7), when a relation noun
        or a case particle follows it. 日中 (also "daytime") needs a relation noun. `at`: the
        tokens made only of such letters."""
        abbrevs, words, n = self.gaz.abbrevs, v.words, len(v)
        out, end = [], 0
        for first in at:
            if first < end:
                continue        # inside the word read before
            j = first + 1
            while j < n and v.attached(j) and len(v.span_text(first, j + 1)) <= 3 \
                    and all(abbrevs.get(ch) for ch in words[j]):
                j += 1
            word = v.span_text(first, j)
            end = j
            if not 2 <= len(word) <= 3 or not all(abbrevs.get(ch) for ch in word):
                continue
            if len({abbrevs[ch] for ch in word}) < len(word):
                continue
            if j >= n:
                continue
            nxt = words[j]
            relation = nxt.startswith(_RELATION_NOUNS) or (
                self.gaz.is_country(nxt) and len(nxt) > 1)     # 日露北朝鮮
            particle = v.pos[j] == "ADP" and word not in _DAYTIME
            if relation or particle:
                out.extend((v.starts[first] + k, v.starts[first] + k + 1) for k in range(len(word)))
                for t in range(first, j):
                    if len(words[t]) > 1:
                        out.append((v.starts[t], v.starts[t]))   # marks a token to split (dropped below)
        return out

    # -- credit lines and datelines (SPEC §7) ------------------------------------------
    def _credit_lines(self, doc: Doc, v: DocView, cands: list[Cand]) -> list[Cand]:
        """【キーウ共同】, 【ワシントン時事】, (AP=共同), (AFP時事), [X近郊(ウクライナ) 12日 ロイター],
        【ソウル福岡静哉】: inside a credit bracket an outlet is an ACTOR (media), a place or
        country a PLACE (the dateline), and a reporter's name nothing."""
        text = v.text
        out = list(cands)
        for m in _CREDIT.finditer(text):
            g = m.lastindex
            body_start, body = m.start(g), m.group(g)
            outlets = self._outlets(body, body_start)
            place_end = self._dateline_place(body, body_start, m.group(0)[0]) \
                if m.group(0)[0] in "【[" and (outlets or g == 1) else None
            if not outlets and place_end is None:
                continue
            lo, hi = m.start(g), m.end(g)
            keep = []
            for c in out:
                start_char, end_char = v.starts[c.start], v.ends[c.end - 1]
                inside = lo <= start_char and end_char <= hi
                if inside and place_end is not None and start_char >= place_end \
                        and not outlets:
                    continue            # 【ソウル福岡静哉】: the reporter's name
                crossing = start_char < hi and lo < end_char and not inside
                if crossing or (inside and c.label == "ACTOR"):
                    continue            # reporters' names, outlets read as something else
                if inside and c.label == "DUAL":
                    c = Cand(c.start, c.end, "PLACE", c.rule + "+dateline")
                keep.append(c)
            out = keep
            for start, end in outlets:
                span = doc.char_span(start, end)
                if span is not None:
                    out.append(Cand(span.start, span.end, "ACTOR", "actor.credit"))
            if place_end is not None:
                span = doc.char_span(body_start, place_end)
                if span is not None and not any(c.start <= span.start < c.end for c in out):
                    out.append(Cand(span.start, span.end, "PLACE", "place.dateline"))
        return out

    def _english_credits(self, doc: Doc, v: DocView, cands: list[Cand]) -> list[Cand]:
        """An English photo credit closing a caption line, parts joined by / and the last an
        outlet (…キーウ/Kyiv City Military Administration/Handout via Reuters): the outlet is
        an ACTOR (media), a part holding an organisation word (rules/credit_lines.tsv org_word)
        an ACTOR, any other part (a photographer's name) nothing; nothing else is read inside."""
        text = v.text
        out = cands
        for m in _EN_CREDIT.finditer(text):
            parts = [(p.start() + m.start(), p.group(0)) for p in re.finditer(r"[^/]+", m.group(0))]
            last_start, last = parts[-1]
            outlet = _VIA.sub("", last).strip()
            if not self._is_outlet(outlet):
                continue
            found = []
            for start, part in parts:
                word = part.strip()
                start += len(part) - len(part.lstrip())
                if part is last:
                    start, word = last_start + last.rindex(outlet), outlet
                elif not any(w.lower() in self.gaz.credit_org_words for w in word.split()):
                    continue
                span = doc.char_span(start, start + len(word))
                if span is not None:
                    found.append(Cand(span.start, span.end, "ACTOR", "actor.credit"))
            lo, hi = m.start(), m.end()
            out = [c for c in out if not (v.starts[c.start] < hi and lo < v.ends[c.end - 1])]
            # the caption's place right before the credit (…、キーウ/Kyiv…) is a dateline
            out = [Cand(c.start, c.end, "PLACE", c.rule + "+dateline")
                   if c.label == "DUAL" and v.ends[c.end - 1] == lo - 1
                   and text[lo - 1] in "/／" else c for c in out]
            out += found
        return out

    def _outlets(self, body: str, offset: int) -> list[tuple[int, int]]:
        """Char spans of the outlets in a credit bracket's body: parts split by =/＝/、/space,
        each a credit outlet or a listed media actor, or ending in one (AFP時事, キーウ共同)."""
        found = []
        for part in _CREDIT_SPLIT.finditer(body):
            word, start = part.group(0), offset + part.start()
            actor = self.gaz.actor(word)
            if actor is not None and actor.kind == "media" or surface_key(word) in self.gaz.credit_outlets \
                    or (word.endswith(_MEDIA_SUFFIXES) and len(word) > 2
                        and any(self._is_outlet(w) for w in _CREDIT_SPLIT.findall(body) if w != word)):
                found.append((start, start + len(word)))
                continue
            for outlet in sorted(self.gaz.credit_outlets, key=len, reverse=True):
                if surface_key(word).endswith(outlet) and len(word) > len(outlet):
                    cut = start + len(word) - len(outlet)
                    head = word[:len(word) - len(outlet)]
                    if self.gaz.actor(head) is not None and self.gaz.actor(head).kind == "media":
                        found.append((start, cut))      # AFP時事: two outlets
                    found.append((cut, start + len(word)))
                    break
        return found

    def _is_outlet(self, word: str) -> bool:
        actor = self.gaz.actor(word)
        return (actor is not None and actor.kind == "media") or surface_key(word) in self.gaz.credit_outlets

    def _dateline_place(self, body: str, offset: int, bracket: str) -> int | None:
        """End (char) of a known place that opens a credit bracket (【ソウル福岡静哉】)."""
        for n in range(min(len(body), 12), 1, -1):
            if self.gaz.place(body[:n]) is not None and not self.gaz.is_guarded(body[:n]):
                rest = body[n:]
                if rest[:1] in ("、", "=", "＝", " ", "　", "(", "（") or _KANJI.match(rest or "-") \
                        or any(surface_key(rest).endswith(o) for o in self.gaz.credit_outlets):
                    return offset + n
        return None

    # -- candidate sources -------------------------------------------------------------
    def _dictionary(self, v: DocView, at: list[int]) -> list[Cand]:
        """Longest dictionary surface starting at each token, ending on a token boundary. `at`:
        the tokens that may start one or a spelling variant."""
        out = []
        for i in at:
            word = v.words[i]
            found = self._listed_surface(v, i) if word[:1] in self.longest else None
            if found is None and _KANA_START.match(word):
                found = self._variant(v, i)
            if found is None:
                continue
            end, (label, rule) = found
            if label != "ACTOR" and self._common_word(v, i, end) \
                    and not self._place_context(v, i, end):
                continue
            out.append(Cand(i, end, label, rule))
        return out

    def _listed_surface(self, v: DocView, i: int):
        """The longest listed surface from token i to a token end: (end, (label, rule)), or
        None. Only token ends within the longest listed name with the same beginning can
        close one, and none past a text that no listed name begins with."""
        text, stops, idx = v.text, v.ends, v.starts[i]
        longest, surfaces, found = self.longest, self.surfaces, None
        for j in range(i, len(stops)):
            piece = text[idx:stops[j]]
            reach = longest.get(piece[:PREFIX_LEN])
            if reach is None or len(piece) > reach:
                break
            if entry := surfaces.get(piece):
                found = (j + 1, entry)
        return found

    def _common_word(self, v: DocView, start: int, end: int) -> bool:
        """A listed common word (rules/place_common_words.tsv), a kanji name that Sudachi
        reads as a common noun (行方, 中央), or a name from the generated world table that
        Sudachi reads as a surname or the model knows as a loanword: such names are places
        only in a place context."""
        text = v.span_text(start, end)
        if self.gaz.is_guarded(text):
            return True
        if end - start == 1 and bool(_KANJI.match(text)) and "普通名詞" in v.tags[start] \
                and not self.gaz.is_country(text):
            return True
        place = self.gaz.place(text)
        if place is None or not place.id.startswith(("geonames:", "iso:")) or end - start != 1:
            return False
        tag = v.tags[start]
        # a generated-table name that Sudachi reads as a surname (山田, 中島) or that the model
        # knows as an everyday loanword (ゴール, プレー) needs a place context too
        return "人名" in tag or (bool(_KATAKANA.match(v.words[start])) and not v.is_oov(start)
                                and "普通名詞" in tag)

    def _variant(self, v: DocView, i: int):
        """A spelling variant of a listed name (ヴォルィーニ/ボルイニ, ハルキーウ/ハルキウ):
        the longest token-bounded run from token i whose surface_key is listed."""
        best = None
        idx = v.starts[i]
        for j in range(i, min(len(v), i + 6)):
            end_char = v.ends[j]
            if end_char - idx > self.key_max:
                break
            value = self.keyed.get(surface_key(v.text[idx:end_char]))
            # a dictionary loanword (パートナー) is not a variant spelling of a name
            if value and not (j == i and "普通名詞" in v.tags[i] and "ー" in v.words[i]):
                best = (j + 1, value)
        return best

    def _place_context(self, v: DocView, start: int, end: int) -> bool:
        """A name that is also a common word (タイ, ゴマ) is a place only here: Sudachi calls it a
        place name, a place suffix, direction or relational noun follows, or a place or a
        direction word comes right before it (コンゴ東部のゴマ, 東部ゴマ)."""
        if end - start == 1 and ("地名" in v.tags[start]):
            return True
        parts, words = self.parts, v.words
        if end < len(v) and (words[end] in parts.suffixes or words[end] in parts.directions
                             or words[end] in parts.relational):
            return True
        if start > 0 and words[start - 1] in parts.directions:
            return True
        if start > 1 and words[start - 1] == "の":
            prev = words[start - 2]
            return bool(self.gaz.place(prev) or self._is_country_token(v, start - 2)
                        or prev in parts.suffixes or prev in parts.directions)
        return False

    def _nationality_heads(self, v: DocView, at: list[int]) -> list[Cand]:
        """Country (or 米/露-style prefix) + compound nouns ending in an actor head or title.
        `at`: the country tokens."""
        out = []
        for i in at:
            run = _compound_run(v, i + 1)
            best = None
            for k in range(i + 1, run):
                tail = v.span_text(i + 1, k + 1)
                # an action noun ending in a head-like letter is an event (ロシア派兵), not a
                # body: a head may not start inside it
                last = len(tail) - len(v.words[k]) + 1 if "サ変" in v.tags[k] else len(tail)
                if self._head_suffix(tail, last):
                    best = k + 1
            if best:
                out.append(Cand(i, best, "ACTOR", "actor.nationality_head"))
        return out

    def _persons(self, v: DocView, names: list[int], placey: list[int]) -> list[Cand]:
        """Person names with their titles. `names`: the name tokens (_is_name); `placey`: the
        tokens Sudachi tags as place names, which may be surnames (_place_surname)."""
        named = set(names)
        out = []
        for i in sorted(named.union(placey)):
            if i - 1 in named or not (i in named or _place_surname(v, i)):
                continue
            name_end = _name_run_end(v, i)
            end = self._regnal_end(v, name_end)
            title_end = self._title_chain(v, end)
            if title_end:
                out.append(Cand(i, title_end, "ACTOR", "actor.name_title"))
                continue
            start = self._title_before(v, i)
            if start is not None:
                out.append(Cand(start, end, "ACTOR", "actor.title_name"))
            elif _full_name(v, i, end) and not self.gaz.place(v.span_text(i, end)):
                # (a listed place written like a foreign name, ナゴルノ・カラバフ, is a place)
                out.append(Cand(i, end, "ACTOR", "actor.full_name"))
            elif self._bare_name(v, i, name_end, end):
                out.append(Cand(i, end, "ACTOR", "actor.bare_name"))
        return out

    def _names_a_body(self, v: DocView, c: Cand) -> bool:
        """A name found as a person's but written with an organisation head (rules/name_parts.tsv
        org_head) as its last part or the noun right after it: the name of a company,
        institution or facility (ワーナー・ブラザーズ, 前田|製紙, 吉川|弘文|館), not a person."""
        if c.rule not in ("actor.full_name", "actor.ner_person", "actor.bare_name"):
            return False
        heads = self.gaz.org_heads
        if v.words[c.end - 1] in heads:
            return True
        if c.end >= len(v):
            return False
        nxt = v.words[c.end]
        return v.attached(c.end) and v.pos[c.end] in ("NOUN", "PROPN") and (
            nxt in heads or nxt.endswith(self.org_suffixes))

    def _regnal_end(self, v: DocView, end: int) -> int:
        """End of a name with its regnal number (ルイ|14|世, ジョージ|6|世: rules/name_parts.tsv
        regnal), else `end`."""
        k = end
        while k < len(v) and v.like_num[k] and v.attached(k):
            k += 1
        if k > end and k < len(v) and v.words[k] in self.gaz.regnal_suffixes and v.attached(k):
            return k + 1
        return end

    def _bare_name(self, v: DocView, start: int, name_end: int, end: int) -> bool:
        """A name alone (ゴルバチョフは, 高橋が): one word Sudachi reads as a person's name, not
        written onto the noun before it (a compound: フランス人|ベルナール) and followed by a
        case or topic particle, where it is an argument of its own. Not a country or a listed
        place (a world-table town that is also a surname stays a person here, as for GiNZA's
        persons); not a locative で; not a word the event rules read (見方を示した)."""
        word = v.words[start]
        if name_end != start + 1 or _NAME_TAG not in v.tags[start] or end >= len(v):
            return False
        nxt = v.words[end]
        if v.pos[end] != "ADP" or nxt in ("で", "・") or not nxt.strip() \
                or word in self.vocabulary or v.lemmas[start] in self.vocabulary:
            return False
        if start > 0 and v.pos[start - 1] in ("NOUN", "PROPN") and v.attached(start):
            return False
        return not (self.gaz.country_code(word) or (
            self.gaz.place(word) and not self._common_word(v, start, end)))

    def _units(self, v: DocView, at: list[int]) -> list[Cand]:
        """第 + number + nouns ending in a unit word: a numbered formation. `at`: the 第 tokens."""
        out = []
        for i in at:
            if i + 1 < len(v) and v.like_num[i + 1]:
                run = _compound_run(v, i + 2)
                # a nationality written right before it belongs to the unit (ウクライナ第3旅団)
                start = i - 1 if i > 0 and self._is_country_token(v, i - 1) else i
                for k in range(run - 1, i + 1, -1):
                    if v.words[k].endswith(self.gaz.unit_heads):
                        out.append(Cand(start, k + 1, "ACTOR", "actor.unit"))
                        break
        return out

    def _ner_places(self, v: DocView) -> list[Cand]:
        """GiNZA's place entities that contain a place name, trimmed of a leading classifier
        (首都キーウ → キーウ) and of trailing common nouns (クルスク州越境 → クルスク州,
        ロシア領内 → ロシア)."""
        parts, words = self.parts, v.words
        out = []
        for ent_start, ent_end, label in v.ents:
            if self.gaz.ner_roles.get(label) != "place" \
                    or not any(_is_placename_token(v, t) for t in range(ent_start, ent_end)):
                continue
            start = ent_start
            # a classifier before the name is outside the span (首都|キーウ, 州都|X: SPEC §7)
            while start < ent_end - 1 and words[start] in parts.classifiers:
                start += 1
            end = ent_end
            while end > start and not (_is_placename_token(v, end - 1) or words[end - 1] in parts.suffixes
                                       or words[end - 1] in parts.directions):
                end -= 1
            if end > start and v.span_text(start, end) not in parts.not_places:
                out.append(Cand(start, end, "PLACE", "place.ner"))
        return out

    def _inside_name(self, v: DocView, c: Cand) -> bool:
        """A town or city written straight before another noun is part of a name, not a
        location (札幌オリンピック, 宝塚歌劇団, ボルチモア・レイブンズ); suffixes, directions and
        relational nouns (キーウ市, ドニプロ市街, ハルキウ周辺) keep it a place."""
        if c.label not in ("PLACE", "DUAL") or c.end >= len(v) or "dateline" in c.rule:
            return False
        words, nxt = v.words, c.end
        touching = v.attached(nxt)
        if touching and words[nxt] in self.parts.name_heads:
            return True         # 日本代表, 大阪大学, ロシア語 (rules/place_parts.tsv name_head)
        if touching and words[nxt] == "・" and nxt + 1 < len(v) and _is_katakana_name(v, nxt + 1) \
                and not self.gaz.place(words[nxt + 1]) and not self._is_country_token(v, nxt + 1) \
                and words[nxt + 1] not in self.parts.suffixes:
            return True         # マンチェスター・ユナイテッド: a place and a word that is none, one name
        if c.label != "PLACE" or c.rule not in ("gaz.place", "place.ner"):
            return False
        place = self.gaz.place(v.span_text(c.start, c.end))
        if place is None or place.kind not in ("city", "village"):
            return False
        if words[nxt] == "・" and nxt + 1 < len(v):
            nxt += 1
        parts, word, tag = self.parts, words[nxt], v.tags[nxt]
        if word in parts.suffixes or word in parts.directions or word in parts.relational:
            return False
        # an action noun after a place makes it the target (スジャ奪還, ポクロウシク攻略)
        action = "サ変" in tag
        return v.attached(nxt) and not action and v.pos[nxt] in ("NOUN", "PROPN") and not v.like_num[nxt] \
            and "数詞" not in tag and "接尾辞" not in tag and self.gaz.place(word) is None

    def _organizations(self, v: DocView) -> list[tuple[int, int, str]]:
        """The organisation entities GiNZA found (rules/ner_labels.tsv), but those ending in an
        action noun: that makes an event (ハルキウ州奪還), whatever GiNZA says."""
        return [e for e in v.ents if self.gaz.ner_roles.get(e[2]) == "organization"
                and "サ変" not in v.tags[e[1] - 1]]

    def _inside_organization(self, orgs: list[tuple[int, int, str]],
                             c: Cand) -> tuple[int, int, str] | None:
        """The organisation entity of `orgs` (_organizations) around a place (日本|証券業協会,
        FC|バルセロナ), or None: such a place is part of the name, not a location, and the name
        is an ACTOR (organisation) where nothing else was found on it. Datelines of credit
        lines stay places."""
        if "dateline" in c.rule:
            return None
        return next((e for e in orgs if e[0] <= c.start and c.end <= e[1]
                     and (e[0], e[1]) != (c.start, c.end)), None)

    def _ner_persons(self, v: DocView) -> list[Cand]:
        """GiNZA's Person entities made only of name tokens (or a kanji surname and the kanji
        Sudachi cut from it: 楊|秀麗), and naming no country or place (GiNZA sometimes calls
        ロシア a Person). A name of the generated world table that Sudachi reads as a person's
        (ウィリアムズ, 小沢) or as an everyday word is a person here, as for the dictionary.
        A katakana name with no person-name word that Sudachi knows as another proper name
        (a maker, a team, a band) is not taken."""
        words, tags = v.words, v.tags
        out = []
        for start, end, label in v.ents:
            toks = range(start, end)
            if self.gaz.ner_roles.get(label) != "person" or not (
                    all(_is_name(v, t) or words[t] in _JOINERS for t in toks) or _kanji_name(v, start, end)):
                continue
            if any(self.gaz.country_code(words[t]) or (
                    self.gaz.place(words[t]) and not self._common_word(v, t, t + 1)) for t in toks):
                continue
            named = [t for t in toks if words[t] not in _JOINERS]
            if bool(_KATAKANA.match(v.span_text(start, end))) and not any(_NAME_TAG in tags[t] for t in named) \
                    and any(tags[t].startswith(_PROPER_OTHER) for t in named):
                continue    # katakana Sudachi knows as another proper name (a brand, a team)
            out.append(Cand(start, self._regnal_end(v, end), "ACTOR", "actor.ner_person"))
        return out

    def _place_suffixes(self, v: DocView, at: list[int]) -> list[Cand]:
        """A proper or katakana name followed by 州/市/村/基地…: a place no dictionary lists.
        `at`: the tokens whose first letter may start a suffix."""
        words = v.words
        out = []
        for i in (k - 1 for k in at if k > 0):
            word = words[i]
            end = self._suffix_end(v, i + 1)
            if end is None or not word.strip() or not (_is_proper(v, i) or _KATAKANA.match(word)) \
                    or _is_name_only(v, i):
                continue
            start = i
            while start > 0 and _KATAKANA.match(words[start - 1]) and words[start - 1] != "・":
                start -= 1
            out.append(Cand(start, end, "PLACE", "place.suffix"))
        return out

    def _suffix_end(self, v: DocView, i: int) -> int | None:
        """End of a place suffix of two tokens or one starting at token i, else None."""
        for n in (2, 1):
            if i + n <= len(v):
                word = v.span_text(i, i + n)
                if word in self.parts.suffixes and "・" not in word:
                    return i + n
        return None

    def _context_places(self, v: DocView, cands: list[Cand], at: list[int]) -> list[Cand]:
        """An unlisted katakana name in a place context (issue 10 item 3): followed by a
        relational noun (ボルチャ近郊, ナムサン周辺) or written after a region and の and before
        a case particle (ハルキウ州のリプツィを制圧). Its country comes from the place around it
        (pipeline/normalize/context.py). `at`: the katakana name tokens (_is_katakana_name)."""
        covered = {i for c in cands if c.label != "ACTOR" or c.rule == "gaz.actor"
                   for i in range(c.start, c.end)}
        by_end = {c.end: c for c in cands if c.label in ("PLACE", "DUAL")}
        n, words, kana = len(v), v.words, set(at)
        out = []
        j = 0
        for i in at:
            if i < j or i in covered:
                continue        # inside the run read before
            j = i
            while j < n and j not in covered and j in kana:
                j += 1
            name = v.span_text(i, j)
            # a word the model knows (ドローン) is a loanword, not an unlisted name
            known = self.gaz.actor(name) or self.gaz.is_title(name) or len(name) < 3 \
                or not all(v.is_oov(t) or _is_proper(v, t) for t in range(i, j))
            nxt = words[j] if j < n else None
            after_place = i >= 2 and words[i - 1] == "の" and (i - 1) in by_end \
                and nxt is not None and v.pos[j] == "ADP" and nxt in ("で", "に", "を", "から", "へ", "まで")
            before_rel = nxt is not None and nxt in _CONTEXT_RELATIONAL
            if not known and (after_place or before_rel):
                out.append(Cand(i, j, "PLACE", "place.context"))
        return out

    def _with_media_prefix(self, v: DocView, c: Cand) -> Cand:
        """英紙ガーディアン, 米紙ニューヨーク・タイムズ: a country + 紙/誌 classifier joins the outlet."""
        if c.label != "ACTOR" or c.start == 0:
            return c
        prev = v.words[c.start - 1]
        if prev[-1:] not in self.gaz.media_classifiers:
            return c        # no 紙 or 誌 before it
        actor = self.gaz.actor(v.span_text(c.start, c.end))
        if actor and actor.kind == "media" and self.gaz.country_code(prev[:-1]):
            return Cand(c.start - 1, c.end, c.label, c.rule + "+classifier")
        return c

    # -- helpers over the gazetteer ----------------------------------------------------
    def _is_country_token(self, v: DocView, i: int) -> bool:
        return _COUNTRY_TAG in v.tags[i] or self._is_country_word(v.words[i])

    def _is_country_word(self, word: str) -> bool:
        """A country name or prefix. Memoised per word (see __init__): asked for every token."""
        return self.country_start.match(word) is not None \
            and self.gaz.country_code(word) is not None

    def _head_suffix(self, tail: str, last: int | None = None) -> bool:
        """`tail` ends in an actor head or a title starting before position `last`."""
        return any(self.gaz.head(tail[i:]) or self.gaz.is_title(tail[i:])
                   for i in range(len(tail) if last is None else last))

    def _listed_person_titles(self, v: DocView, cands: list[Cand], at: list[int]) -> list[Cand]:
        """A listed person followed by a title chain (金正恩|朝鮮労働党総書記): one ACTOR; a
        person (listed or found as a name) followed by a leader head (バイデン|政権): the
        government that person leads, one ACTOR (SPEC §7). `at`: the tokens written as a
        listed person and a head or title (_person_with_head)."""
        out = []
        for c in cands:
            if c.rule == "gaz.actor":
                actor = self.gaz.actor(v.span_text(c.start, c.end))
                if actor is None or actor.kind != "person":
                    continue
                end = self._title_chain(v, c.end)
                if end is not None:
                    out.append(Cand(c.start, end, "ACTOR", "actor.name_title"))
            elif c.rule not in PERSON_RULES or c.rule == "actor.name_title":
                continue
            if c.end < len(v) and v.words[c.end] in self.gaz.leader_heads:
                out.append(Cand(c.start, c.end + 1, "ACTOR", "actor.leader_government"))
        for i in at:         # トランプ政権, トランプ大統領 as one token
            for leader in self._person_with_head(v.words[i]):
                if leader:
                    out.append(Cand(i, i + 1, "ACTOR", "actor.leader_government"))
                else:
                    end = self._title_chain(v, i + 1) or i + 1
                    out.append(Cand(i, end, "ACTOR", "actor.name_title"))
        return out

    def _person_with_head(self, word: str) -> tuple[bool, ...]:
        """Each way `word` splits into a listed person and a leader head (True: トランプ政権) or a
        title (False: トランプ大統領), first split first. Memoised per word (see __init__)."""
        if not self.person_start.match(word):
            return ()
        out = []
        for j in range(1, len(word)):
            actor = self.gaz.actor(word[:j])
            if actor is None or actor.kind != "person":
                continue
            rest = word[j:]
            if rest in self.gaz.leader_heads:
                out.append(True)
            elif self.gaz.is_title(rest):
                out.append(False)
        return tuple(out)

    def _title_chain(self, v: DocView, i: int) -> int | None:
        """End of the title chain after a name (SPEC §7): titles, optionally after a country
        or a listed organisation (トランプ米大統領, 金正恩朝鮮労働党総書記), and further titles
        written after them (大統領|顧問)."""
        end = self._title_after(v, i)
        if end is None and i < len(v) and v.words[i][:1] in self.gaz.abbrevs \
                and self.gaz.is_title(v.words[i][1:]):
            end = i + 1         # 米大統領 as one token
        if end is None and i + 1 < len(v) and self.owner_start.match(v.text, v.starts[i]):
            for k in (1, 2, 3, 4):
                if i + k >= len(v.words):
                    break
                if surface_key(v.span_text(i, i + k)) in self.title_owners:
                    end = self._title_after(v, i + k)
                    if end is not None:
                        break
        while end is not None:
            more = self._title_after(v, end)
            if more is None:
                break
            end = more
        return end

    def _title_after(self, v: DocView, i: int) -> int | None:
        words = v.words
        if i >= len(words) or not self.title_start.match(v.text, v.starts[i]) \
                or not surface_key(words[i]):
            return None
        for n in (3, 2, 1):
            if i + n <= len(words) and surface_key(words[i + n - 1]) \
                    and self.gaz.is_title(v.span_text(i, i + n)):
                return i + n
        return None

    def _title_before(self, v: DocView, i: int) -> int | None:
        """ウクライナ大統領ゼレンスキー: a title (optionally after a country) right before a name."""
        for n in (3, 2, 1):
            if i - n >= 0 and self.title_start.match(v.text, v.starts[i - n]) \
                    and self.gaz.is_title(v.span_text(i - n, i)) and v.words[i - n] not in ("氏",):
                start = i - n
                if start > 0 and self._is_country_token(v, start - 1):
                    start -= 1
                return start
        return None

    # -- actor or place ----------------------------------------------------------------
    def _decide(self, v: DocView, c: Cand, placey: set[int], later: str | None = None) -> str:
        """SPEC §4/§7: a country (or seat of government) is ACTOR when it acts, owns, makes,
        receives or is a party; PLACE when it locates. The case particle and the class of the
        word it depends on (rules/country_roles.tsv) decide; a country coordinated by と/や
        with a following name takes that name's label (`later`)."""
        roles = self.roles
        end = _past_brackets(v, c.start, c.end)     # キーウ(キエフ)中心部で: read past the aside
        nxt = v.words[end] if end < len(v) else None
        prv = v.words[c.start - 1] if c.start > 0 else None
        if nxt is not None and (roles.has("maker", nxt) or roles.starts("maker", nxt)):
            return "ACTOR"      # イラン製, 米国主導: the maker or leader
        if prv is not None and roles.has("actor_prefix", prv):
            return "ACTOR"      # 親ロシア: the side supported
        if nxt is not None and nxt in _BETWEEN:
            return "ACTOR"      # 朝鮮とロシア間の条約: the parties of a relation
        if _caption_dateline(v, c.start):
            return "PLACE"      # 写真説明=2024年6月、平壌: where the photo was taken
        particles = _particles_after(v, end)
        if particles.startswith("など"):
            particles = particles[2:]       # メキシコなどで: the case particle after など
        if particles[:1] in ("と", "や") and later is not None:
            return later                    # ラオスとベトナムで: as the last conjunct
        if particles.startswith("によ") or particles[:1] in AGENT_CASES or particles in AGENT_CASES:
            return "ACTOR"
        head = _governor(v, c)
        if particles == "に" and c.end + 1 < len(v) and v.words[c.end + 1] in ("おけ", "おい"):
            return "PLACE"                  # Xにおける, Xにおいて: where
        if particles[:1] in ("に", "へ"):
            # destination of a movement or target area of an attack; else a recipient
            return "PLACE" if self._frame(v, head, ("motion", "attack")) else "ACTOR"
        if particles.startswith("から"):
            return "PLACE" if self._frame(v, head, ("departure", "motion"), locative=False) else "ACTOR"
        if particles[:1] == "で":
            return "PLACE"
        if particles[:1] == "の":
            return self._genitive(v, head, placey)
        if particles[:1] == "と":
            # the partner of a border (ロシアと国境を接する, ウクライナとの国境)
            if head is not None and (roles.has("border", v.words[head]) or any(
                    roles.has("border", v.words[ch]) for ch in v.children(head))):
                return "PLACE"
            return "ACTOR"
        if particles[:1] == "を":
            return "PLACE" if self._frame(v, head, ("motion",)) or (
                head is not None and v.lemmas[head] in self.parts.locative_verbs) else "ACTOR"
        if nxt is not None and v.pos[end] in ("NOUN", "PROPN", "VERB") and nxt.strip():
            return "PLACE"      # inside a compound: ウクライナ戦争, ウクライナ侵攻, ウクライナ全体
        return "ACTOR"

    def _frame(self, v: DocView, head: int | None, classes: tuple[str, ...], locative: bool = True) -> bool:
        """The governing verb or action noun belongs to one of `classes` (or is a listed
        locative verb): 派遣した, 派遣団, 向けて発射, 撤収した. A light verb (する, 行う) or a
        向ける/向かう adjunct passes the question to the word it serves."""
        seen = 0
        while head is not None and seen < 3:
            lemma, word = v.lemmas[head], _compound_text(v, head)
            if (locative and lemma in self.parts.locative_verbs) or any(
                    self.roles.has(k, lemma) or self.roles.starts(k, word) for k in classes):
                return True
            if lemma not in ("向ける", "向かう", "する", "行う") or v.heads[head] == head:
                return False
            head, seen = v.heads[head], seen + 1
        return False

    def _genitive(self, v: DocView, head: int | None, placey: set[int]) -> str:
        """X の head: a location word makes X a place; an action or a person makes X an actor."""
        if head is None:
            return "PLACE"
        word, tag = v.words[head], v.tags[head]
        if head in placey or word in self.parts.relational or word in self.parts.directions:
            return "PLACE"
        compound = _compound_text(v, head)
        if self.roles.ends("location_head", word) or self.roles.ends("location_head", compound):
            return "PLACE"      # 中国の排他的経済水域, 韓国の空軍基地, キーウの住民
        if (self.gaz.place(word) and not self.gaz.is_guarded(word)) \
                or _COUNTRY_TAG in tag or "地名" in tag:
            return "PLACE"
        return "ACTOR"


# -- pure helpers over tokens --------------------------------------------------------------
def _surface_table(gaz) -> dict[str, tuple[str, str]]:
    """surface → (label, rule). A surface that is both an actor and a place, or a country, is
    DUAL: the parse decides."""
    table: dict[str, tuple[str, str]] = {}
    for s in gaz.place_surfaces():
        table[s] = ("PLACE", "gaz.place")
    for s in gaz.actor_surfaces():
        table[s] = ("DUAL", "gaz.dual") if s in table else ("ACTOR", "gaz.actor")
    for s in gaz.country_surfaces():
        if len(s) > 1:      # 米, 露 alone are prefixes, handled with their head noun
            table[s] = ("DUAL", "gaz.country")
    return table


# Nouns of relations between states after an abbreviation compound (米ロ首脳会談, 日米同盟).
_RELATION_NOUNS = ("首脳", "会談", "両", "関係", "同盟", "外相", "国防相", "協議", "間",
                   "共同", "合同", "防衛", "条約", "協定", "軍事", "相互", "連携", "協力", "接近",
                   "対立", "交渉", "貿易", "演習", "戦略", "包括", "首脳会談", "外交", "友好", "国交")
_DAYTIME = ("日中", "中日")
# Suffixes after a name that are not pieces of a kanji given name: 氏, and plural markers (佃隆之ら)
_NOT_NAME_SUFFIXES = ("氏", "ら", "等", "達")
_OPEN_BRACKETS, _CLOSE_BRACKETS = ("(", "（"), (")", "）")
# What joins the parts of one foreign name (ドナルド・トランプ, ル=グウィン)
_JOINERS = ("・", "=", "＝")
# A noun of a relation between the names before it: they are its parties (朝鮮とロシア間).
_BETWEEN = ("間",)
# Endings of outlet names (朝鮮通信, 中央日報): an unlisted outlet beside a listed one in a credit.
_MEDIA_SUFFIXES = ("通信", "通信社", "新聞", "日報", "放送", "テレビ", "ニュース")
# Relational nouns after which an unlisted katakana name is a place (GUIDELINES §3).
_CONTEXT_RELATIONAL = ("近郊", "周辺", "付近", "郊外", "一帯", "中心部", "沖", "近く", "方面", "市内")


def _is_katakana_name(v: DocView, i: int) -> bool:
    return _katakana_name_word(v.words[i], v.tags[i])


def _katakana_name_word(word: str, tag: str) -> bool:
    return bool(_KATAKANA.match(word)) and word not in ("・", "=", "＝") and "人名" not in tag


def _may_begin(keys) -> re.Pattern:
    """A regex that matches where the surface_key of the text from there may begin with the
    first letter of one of `keys`: at one of those letters, or at a letter the key may change
    (_KEPT_INITIAL), so most texts need no key to be told they are none of them (大統領, ロシア)."""
    initials = "".join(sorted({re.escape(k[:1]) for k in keys if k}))
    return re.compile(f"[{initials}]|(?!{_KEPT_INITIAL.pattern})" if initials
                      else f"(?!{_KEPT_INITIAL.pattern})")


def _compound_text(v: DocView, head: int) -> str:
    """The head with the compound nouns written right before it (派遣|団 → 派遣団)."""
    start = head
    while start > 0 and head - start < 4 and v.deps[start - 1] == "compound" \
            and v.pos[start - 1] in ("NOUN", "PROPN"):
        start -= 1
    return v.span_text(start, head + 1)


def _is_proper(v: DocView, i: int) -> bool:
    return v.pos[i] == "PROPN" or "固有名詞" in v.tags[i]


def _is_name_only(v: DocView, i: int) -> bool:
    return _NAME_TAG in v.tags[i] and not _KATAKANA.match(v.words[i])


def _is_name(v: DocView, i: int) -> bool:
    return _name_word(v.words[i], v.tags[i])


def _name_word(word: str, tag: str) -> bool:
    """Person-name token: Sudachi's 人名, or a katakana word (foreign names are often 普通名詞)."""
    if _NAME_TAG in tag:
        return True
    return bool(_KATAKANA.match(word)) and word != "・" and len(word) >= 2


def _full_name(v: DocView, start: int, end: int) -> bool:
    """A name that is unmistakably a person's without a title: surname + given name
    (松友|美佐紀, Sudachi 人名-姓 + 人名-名) or a ・-joined foreign name with a 人名 part
    (ロバート・キャロル). A lone surname (田中) is too ambiguous."""
    tags = v.tags[start:end]
    if any(t.endswith("人名-名") for t in tags[1:]) and "固有名詞" in tags[0]:
        return True
    text = v.span_text(start, end)
    return any(j in text for j in _JOINERS) and any(_NAME_TAG in t for t in tags)


def _place_surname(v: DocView, i: int) -> bool:
    """兵庫|慎司, 長野|博: a kanji place name (Sudachi 地名, not a country) right before a given
    name (人名-名) is a surname."""
    tag = v.tags[i]
    return i + 1 < len(v) and "地名" in tag and _COUNTRY_TAG not in tag \
        and bool(_KANJI.match(v.words[i])) and v.tags[i + 1].endswith("人名-名") and v.attached(i + 1)


def _kanji_name(v: DocView, start: int, end: int) -> bool:
    """楊|秀麗, 名城|信男: a kanji surname (Sudachi 人名) with at most two kanji tokens after it,
    or kanji ending in a given name (人名-名), two to five characters in all; or a foreign name
    of katakana parts and initials joined by ・ or = with a 人名 part (ジョン・J・テイラー)."""
    text = v.span_text(start, end)
    if 2 <= len(text) <= 5 and bool(_KANJI.match(text)) and end - start <= 3:
        return _NAME_TAG in v.tags[start] or v.tags[end - 1].endswith("人名-名")
    return bool(_FOREIGN_NAME.match(text)) and any(_NAME_TAG in v.tags[t] for t in range(start, end))


def _name_run_end(v: DocView, i: int) -> int:
    """End of a name run: name tokens joined directly or by ・ (ドナルド・トランプ, 金正|恩).
    Kanji names on both sides of ・ are a list of people (羽田孜・杉山憲夫), not one name."""
    words, tags, pos, n = v.words, v.tags, v.pos, len(v)
    j = i + 1
    while j < n:
        word = words[j]
        if word in _JOINERS and j + 1 < n and _is_name(v, j + 1) \
                and (_KATAKANA.match(words[j - 1]) or _KATAKANA.match(words[j + 1])):
            j += 2
        elif _is_name(v, j) or (pos[j] == "PROPN" and "人名" in tags[j - 1] and len(word) <= 2):
            j += 1
        elif _NAME_TAG in tags[j - 1] and len(word) == 1 and pos[j] in ("NOUN", "PROPN") \
                and "接尾辞" in tags[j] and word not in _NOT_NAME_SUFFIXES:
            j += 1      # 李成|権: Sudachi cuts kanji given names into suffix pieces
        else:
            break
    return j


def _compound_run(v: DocView, i: int) -> int:
    """End of the run of nouns from i with no particle or punctuation in between."""
    j = i
    while j < len(v) and v.pos[j] in ("NOUN", "PROPN") and "助" not in v.tags[j]:
        j += 1
    return j


def _is_placename_token(v: DocView, i: int) -> bool:
    """Sudachi's place names, and katakana words it does not know as everyday loanwords
    (ロケット弾, ミサイル: GiNZA's NER sometimes calls a weapon after a place a place)."""
    if "地名" in v.tags[i]:
        return True
    word = v.words[i]
    return bool(_KATAKANA.match(word)) and len(word) >= 2 \
        and not ("普通名詞" in v.tags[i] and not v.is_oov(i))


def _caption_dateline(v: DocView, i: int) -> bool:
    """A photo caption's place: the name after `=date、` (…総書記=2024年6月、平壌)."""
    words = v.words
    if i < 3 or words[i - 1] not in ("、", ","):
        return False
    k = i - 2
    while k >= 0 and (v.like_num[k] or words[k] in ("年", "月", "日")):
        k -= 1
    return k < i - 2 and k >= 0 and words[k] in ("=", "＝")


def _past_brackets(v: DocView, start: int, end: int) -> int:
    """Token index after a mention and the bracketed asides right after it (キーウ(キエフ)); for
    a mention that is itself the aside, after its closing bracket."""
    words, n = v.words, len(v)
    if start > 0 and words[start - 1] in _OPEN_BRACKETS and end < n and words[end] in _CLOSE_BRACKETS:
        end += 1
    while end < n and words[end] in _OPEN_BRACKETS:
        close = next((k for k in range(end + 1, min(n, end + 12)) if words[k] in _CLOSE_BRACKETS), None)
        if close is None:
            break
        end = close + 1
    return end


def _particles_after(v: DocView, i: int) -> str:
    """The run of particles right after token i-1 (による is に + よる)."""
    out = ""
    for t in range(i, min(i + 3, len(v))):
        pos = v.pos[t]
        if pos == "ADP" or (out == "に" and v.lemmas[t] == "よる") or (out and pos == "SCONJ"):
            out += v.words[t]
        else:
            break
    return out


def _governor(v: DocView, c: Cand) -> int | None:
    """The index of the word the mention depends on, outside the mention itself."""
    tok = c.end - 1
    while c.start <= tok < c.end and v.heads[tok] != tok:
        tok = v.heads[tok]
    return None if c.start <= tok < c.end else tok


def _merge_places(v: DocView, cands: list[Cand], parts: PlaceParts,
                  abbrevs: dict | None = None, admin: tuple[str, ...] | None = None) -> list[Cand]:
    """Join places with directions and connectors into maximal expressions
    (ロシア西部クルスク州, ロシア・クルスク州, 東部ドネツク州, ウクライナ東部), and a one-letter
    country written right before a place (米アラスカ州: SPEC §7, the place it is inside)."""
    placey = sorted((c for c in cands if c.label in ("PLACE", "DUAL")), key=lambda c: c.start)
    starts = {c.start: c for c in placey}
    words, n = v.words, len(v)
    admin = _admin_suffixes(parts) if admin is None else admin
    merged = []
    for c in placey:
        if any(m.start <= c.start < m.end for m in merged):
            continue
        start, end, grew = c.start, c.end, False
        if start > 0 and words[start - 1] in parts.directions:
            start, grew = start - 1, True
        elif start > 0 and c.label == "PLACE" and abbrevs and len(words[start - 1]) == 1 \
                and abbrevs.get(words[start - 1]) and _attached(v, start) \
                and _COUNTRY_TAG not in v.tags[start] \
                and not (start > 1 and abbrevs.get(words[start - 2][-1:]) and _attached(v, start - 1)):
            start, grew = start - 1, True
        while end < n:
            word = words[end]
            if word in parts.connectors and end + 1 in starts and starts[end + 1].rule != "gaz.country":
                end, grew = starts[end + 1].end, True
            elif word in parts.directions:
                end, grew = end + 1, True
                if end in starts:
                    end = starts[end].end
            elif end in starts and starts[end].label != "ACTOR" and _attached(v, end):
                end, grew = starts[end].end, True
            elif end not in starts and words[end - 1].endswith(admin) \
                    and _attached(v, end) and _unlisted_name(v, end):
                end, grew = _unlisted_name(v, end), True      # アラスカ州アンカレジ: its town
            else:
                break
        if grew:
            merged.append(Cand(start, end, "PLACE", "place.merged"))
    return cands + merged


def _unlisted_name(v: DocView, i: int) -> int:
    """End of a run of katakana proper-name tokens from i (three letters or more), else 0."""
    j = i
    while j < len(v) and _is_katakana_name(v, j) and "固有名詞" in v.tags[j]:
        j += 1
    return j if j > i and len(v.span_text(i, j)) >= 3 else 0


def _admin_suffixes(parts: PlaceParts) -> tuple[str, ...]:
    """The suffixes of first- and second-level regions (州, 省, 県…): a word ending in one is
    such a region written with its suffix (アラスカ州)."""
    return tuple(suffix for suffix, kind in parts.suffixes.items() if kind in ("admin1", "admin2"))


def _attached(v: DocView, i: int) -> bool:
    """Two place names written back to back (ロシアクルスク州) with no punctuation between."""
    # Sudachi's part of speech: GiNZA's UD tag follows the parse (ハリコフ州 ADJ, X ADV)
    return all(v.pos[t] in ("PROPN", "NOUN") or v.tags[t].startswith("名詞") for t in (i - 1, i)) \
        and v.attached(i)


def _non_overlapping(cands: list[Cand]) -> list[Cand]:
    """Longest first; on a tie prefer ACTOR rules over places, then earlier start."""
    rank = {"ACTOR": 0, "DUAL": 1, "PLACE": 2}
    return longest_first(cands, lambda c: (c.start, c.end), lambda c: rank[c.label])
