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

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..parse.doctext import text_of
from ..rules.gazetteer import surface_key
from ..rules.place_parts import PlaceParts
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
_NAME_TAG = "固有名詞-人名"
_PROPER_OTHER = "名詞-固有名詞-一般"      # Sudachi: a proper name that is no person's or place's
_COUNTRY_TAG = "固有名詞-地名-国"
# Rules that find a span as a person's name: the normaliser makes an unlisted one a person.
PERSON_RULES = {"actor.name_title", "actor.title_name", "actor.full_name", "actor.ner_person",
                "actor.bare_name"}
# Case particles that make a country the doer, and those that make it a location.
# Grammar, not vocabulary: the case particles that make a name the agent of its clause.
AGENT_CASES = {"が", "は", "も", "こそ", "として"}


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
        # longest surface per first character: bounds the lookups made at each token
        self.max_len: dict[str, int] = {}
        for surface in self.surfaces:
            self.max_len[surface[0]] = max(self.max_len.get(surface[0], 0), len(surface))
        # the same table by surface_key, so spelling variants (ヴォ/ボ, ー) match too
        self.keyed: dict[str, tuple[str, str]] = {}
        for surface, value in self.surfaces.items():
            self.keyed.setdefault(surface_key(surface), value)
        self.key_max = max((len(k) for k in self.keyed), default=0) + 4

    def __call__(self, doc: Doc) -> list[Mention]:
        marks = self._abbrev_compounds(doc)
        self._split_compounds(doc, [m for m in marks if m[0] == m[1]], self._maker_tokens(doc))
        letters = [m for m in marks if m[0] != m[1]]
        cands = (self._dictionary(doc) + self._nationality_heads(doc) + self._persons(doc)
                 + self._units(doc) + self._place_suffixes(doc) + self._ner_places(doc)
                 + self._ner_persons(doc))
        cands += self._context_places(doc, cands)
        cands += self._listed_person_titles(doc, cands)
        cands = [c for c in cands if not self._names_a_body(doc, c)]
        cands = self._credit_lines(doc, cands)
        cands = self._english_credits(doc, cands)
        cands = _merge_places(doc, cands, self.parts, self.gaz.abbrevs)
        cands = [self._with_media_prefix(doc, c) for c in cands]
        chosen = [c for c in _non_overlapping(cands) if not self._inside_name(doc, c)]
        if letters:
            taken = {i for s, e in letters for i in range(s, e)}
            chosen = [c for c in chosen if not any(
                i in taken for i in range(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)))]
        placey = {i for c in chosen if c.label != "ACTOR" for i in range(c.start, c.end)}
        out = [Mention(s, e, "ACTOR", "actor.abbrev_compound") for s, e in letters]
        labels: dict[int, str] = {}         # start → label, decided from the last one back
        by_start = {c.start: c for c in chosen}
        for c in sorted(chosen, key=lambda c: -c.start):
            if c.label != "DUAL":
                labels[c.start] = c.label
                continue
            nxt = by_start.get(c.end + 1 + (c.end + 1 < len(doc) and doc[c.end].text == "など"))
            later = labels.get(nxt.start) if nxt is not None and nxt.label != "ACTOR" else None
            labels[c.start] = self._decide(doc, c, placey, later)
        dropped = {c.start for c in chosen
                   if labels[c.start] == "PLACE" and self._inside_organization(doc, c) is not None}
        for c in chosen:
            label = labels[c.start]
            if c.start in dropped:
                org = self._inside_organization(doc, c)
                if not any(o.start < org.end and org.start < o.end and o.start not in dropped
                           for o in chosen) and not any(m.start < org.end_char and org.start_char < m.end
                                                        for m in out):
                    out.append(Mention(org.start_char, org.end_char, "ACTOR", "actor.ner_organization"))
                continue
            span = doc[c.start:c.end]
            hints = (("kind", "person"),) if c.rule in PERSON_RULES else ()
            out.append(Mention(span.start_char, span.end_char, label, c.rule, hints))
        return sorted(out, key=lambda m: m.start)

    def _maker_tokens(self, doc: Doc) -> dict[int, int]:
        """Tokens written as one word of a country and a maker/leader suffix (米国製, 米国主導):
        token index → length of the country part, to split there."""
        out = {}
        for tok in doc:
            for word in self.roles.words.get("maker", ()):
                stem = tok.text[:-len(word)]
                if tok.text.endswith(word) and len(stem) >= 2 and self.gaz.is_country(stem):
                    out[tok.i] = len(stem)
        return out

    def _split_compounds(self, doc: Doc, letters: list[tuple[int, int]],
                         makers: dict[int, int] | None = None) -> None:
        """Split the tokens of abbreviation compounds (米ロ as one token) into one token per
        letter, so each letter can be its own entity span; the last letter keeps the token's
        head. Span groups written by earlier taggers are rebuilt on the new tokens."""
        starts = {s for s, _ in letters}
        makers = makers or {}
        hits = [t for t in doc if len(t.text) > 1 and (t.idx in starts or t.i in makers)]
        if not hits:
            return
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

    def _abbrev_compounds(self, doc: Doc) -> list[tuple[int, int]]:
        """米ロ首脳会談, 朝ロ両国, 日米, 印パ: a word made only of two or three one-letter
        country abbreviations is one state ACTOR per letter (SPEC §7), when a relation noun
        or a case particle follows it. 日中 (also "daytime") needs a relation noun."""
        out = []
        i = 0
        while i < len(doc):
            tok, j = doc[i], i + 1
            if not all(self.gaz.abbrevs.get(ch) for ch in tok.text):
                i += 1
                continue
            while j < len(doc) and doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text) \
                    and len(doc[i:j + 1].text) <= 3 and all(self.gaz.abbrevs.get(ch) for ch in doc[j].text):
                j += 1
            word = doc[i:j].text
            i = j
            if not 2 <= len(word) <= 3 or not all(self.gaz.abbrevs.get(ch) for ch in word):
                continue
            if len({self.gaz.abbrevs[ch] for ch in word}) < len(word):
                continue
            nxt = doc[j] if j < len(doc) else None
            if nxt is None:
                continue
            relation = nxt.text.startswith(_RELATION_NOUNS) or (
                self.gaz.is_country(nxt.text) and len(nxt.text) > 1)     # 日露北朝鮮
            particle = nxt.pos_ == "ADP" and word not in _DAYTIME
            if relation or particle:
                out.extend((tok.idx + k, tok.idx + k + 1) for k in range(len(word)))
                for t in doc[tok.i:j]:
                    if len(t.text) > 1:
                        out.append((t.idx, t.idx))       # marks a token to split (dropped below)
        return out

    # -- credit lines and datelines (SPEC §7) ------------------------------------------
    def _credit_lines(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """【キーウ共同】, 【ワシントン時事】, (AP=共同), (AFP時事), [X近郊(ウクライナ) 12日 ロイター],
        【ソウル福岡静哉】: inside a credit bracket an outlet is an ACTOR (media), a place or
        country a PLACE (the dateline), and a reporter's name nothing."""
        text = text_of(doc)
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
                span = doc[c.start:c.end]
                inside = lo <= span.start_char and span.end_char <= hi
                if inside and place_end is not None and span.start_char >= place_end \
                        and not outlets:
                    continue            # 【ソウル福岡静哉】: the reporter's name
                crossing = span.start_char < hi and lo < span.end_char and not inside
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

    def _english_credits(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """An English photo credit closing a caption line, parts joined by / and the last an
        outlet (…キーウ/Kyiv City Military Administration/Handout via Reuters): the outlet is
        an ACTOR (media), a part holding an organisation word (rules/credit_lines.tsv org_word)
        an ACTOR, any other part (a photographer's name) nothing; nothing else is read inside."""
        text = text_of(doc)
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
            out = [c for c in out if not (doc[c.start].idx < hi and lo < doc[c.end - 1].idx + len(doc[c.end - 1].text))]
            # the caption's place right before the credit (…、キーウ/Kyiv…) is a dateline
            out = [Cand(c.start, c.end, "PLACE", c.rule + "+dateline")
                   if c.label == "DUAL" and doc[c.end - 1].idx + len(doc[c.end - 1].text) == lo - 1
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
    def _dictionary(self, doc: Doc) -> list[Cand]:
        """Longest dictionary surface starting at each token, ending on a token boundary."""
        text = text_of(doc)
        toks = list(doc)
        stops = [t.idx + len(t.text) for t in toks]
        ends = {stop: i + 1 for i, stop in enumerate(stops)}
        out = []
        for tok in toks:
            found = None
            # only token ends can close a name: try those within the longest listed name
            # starting with this character, longest first
            reach = tok.idx + min(self.max_len.get(tok.text[:1], 0), len(text) - tok.idx)
            last = tok.i
            while last + 1 < len(stops) and stops[last + 1] <= reach:
                last += 1
            for j in range(last, tok.i - 1, -1):
                if stops[j] <= reach and (entry := self.surfaces.get(text[tok.idx:stops[j]])):
                    found = (j + 1, entry)
                    break
            if found is None and _KANA_START.match(tok.text):
                found = self._variant(doc, tok, text, ends)
            if found is None:
                continue
            end, (label, rule) = found
            if label != "ACTOR" and self._common_word(doc, tok.i, end) \
                    and not self._place_context(doc, tok.i, end):
                continue
            out.append(Cand(tok.i, end, label, rule))
        return out

    def _common_word(self, doc: Doc, start: int, end: int) -> bool:
        """A listed common word (rules/place_common_words.tsv), a kanji name that Sudachi
        reads as a common noun (行方, 中央), or a name from the generated world table that
        Sudachi reads as a surname or the model knows as a loanword: such names are places
        only in a place context."""
        span = doc[start:end]
        if self.gaz.is_guarded(span.text):
            return True
        if end - start == 1 and bool(_KANJI.match(span.text)) and "普通名詞" in span[0].tag_ \
                and not self.gaz.is_country(span.text):
            return True
        place = self.gaz.place(span.text)
        if place is None or not place.id.startswith(("geonames:", "iso:")) or end - start != 1:
            return False
        tok = span[0]
        # a generated-table name that Sudachi reads as a surname (山田, 中島) or that the model
        # knows as an everyday loanword (ゴール, プレー) needs a place context too
        return "人名" in tok.tag_ or (bool(_KATAKANA.match(tok.text)) and not tok.is_oov
                                      and "普通名詞" in tok.tag_)

    def _variant(self, doc: Doc, tok: Token, text: str, ends: dict[int, int]):
        """A spelling variant of a listed name (ヴォルィーニ/ボルイニ, ハルキーウ/ハルキウ):
        the longest token-bounded run from `tok` whose surface_key is listed."""
        best = None
        for j in range(tok.i, min(len(doc), tok.i + 6)):
            end_char = doc[j].idx + len(doc[j].text)
            if end_char - tok.idx > self.key_max:
                break
            value = self.keyed.get(surface_key(text[tok.idx:end_char]))
            # a dictionary loanword (パートナー) is not a variant spelling of a name
            if value and not (j == tok.i and "普通名詞" in tok.tag_ and "ー" in tok.text):
                best = (j + 1, value)
        return best

    def _place_context(self, doc: Doc, start: int, end: int) -> bool:
        """A name that is also a common word (タイ, ゴマ) is a place only here: Sudachi calls it a
        place name, a place suffix, direction or relational noun follows, or a place or a
        direction word comes right before it (コンゴ東部のゴマ, 東部ゴマ)."""
        if end - start == 1 and ("地名" in doc[start].tag_):
            return True
        parts = self.parts
        if end < len(doc) and (doc[end].text in parts.suffixes or doc[end].text in parts.directions
                               or doc[end].text in parts.relational):
            return True
        if start > 0 and doc[start - 1].text in parts.directions:
            return True
        if start > 1 and doc[start - 1].text == "の":
            prev = doc[start - 2]
            return bool(self.gaz.place(prev.text) or self._is_country_token(prev)
                        or prev.text in parts.suffixes or prev.text in parts.directions)
        return False

    def _nationality_heads(self, doc: Doc) -> list[Cand]:
        """Country (or 米/露-style prefix) + compound nouns ending in an actor head or title."""
        out = []
        for tok in doc:
            if not self._is_country_token(tok):
                continue
            run = _compound_run(doc, tok.i + 1)
            best = None
            for k in range(tok.i + 1, run):
                tail = doc[tok.i + 1:k + 1].text
                # an action noun ending in a head-like letter is an event (ロシア派兵), not a
                # body: a head may not start inside it
                last = len(tail) - len(doc[k].text) + 1 if "サ変" in doc[k].tag_ else len(tail)
                if self._head_suffix(tail, last):
                    best = k + 1
            if best:
                out.append(Cand(tok.i, best, "ACTOR", "actor.nationality_head"))
        return out

    def _persons(self, doc: Doc) -> list[Cand]:
        out = []
        for tok in doc:
            if not (_is_name(tok) or _place_surname(doc, tok.i)) or (tok.i > 0 and _is_name(doc[tok.i - 1])):
                continue
            name_end = _name_run_end(doc, tok.i)
            end = self._regnal_end(doc, name_end)
            title_end = self._title_chain(doc, end)
            if title_end:
                out.append(Cand(tok.i, title_end, "ACTOR", "actor.name_title"))
                continue
            start = self._title_before(doc, tok.i)
            if start is not None:
                out.append(Cand(start, end, "ACTOR", "actor.title_name"))
            elif _full_name(doc[tok.i:end]):
                out.append(Cand(tok.i, end, "ACTOR", "actor.full_name"))
            elif self._bare_name(doc, tok.i, name_end, end):
                out.append(Cand(tok.i, end, "ACTOR", "actor.bare_name"))
        return out

    def _names_a_body(self, doc: Doc, c: Cand) -> bool:
        """A name found as a person's but written with an organisation head (rules/name_parts.tsv
        org_head) as its last part or the noun right after it: the name of a company,
        institution or facility (ワーナー・ブラザーズ, 前田|製紙, 吉川|弘文|館), not a person."""
        if c.rule not in ("actor.full_name", "actor.ner_person", "actor.bare_name"):
            return False
        heads = self.gaz.org_heads
        if doc[c.end - 1].text in heads:
            return True
        nxt = doc[c.end] if c.end < len(doc) else None
        return nxt is not None and nxt.idx == doc[c.end - 1].idx + len(doc[c.end - 1].text) \
            and nxt.pos_ in ("NOUN", "PROPN") and (nxt.text in heads or any(
                nxt.text.endswith(h) for h in heads if len(h) > 1))

    def _regnal_end(self, doc: Doc, end: int) -> int:
        """End of a name with its regnal number (ルイ|14|世, ジョージ|6|世: rules/name_parts.tsv
        regnal), else `end`."""
        k = end
        while k < len(doc) and doc[k].like_num and doc[k].idx == doc[k - 1].idx + len(doc[k - 1].text):
            k += 1
        if k > end and k < len(doc) and doc[k].text in self.gaz.regnal_suffixes \
                and doc[k].idx == doc[k - 1].idx + len(doc[k - 1].text):
            return k + 1
        return end

    def _bare_name(self, doc: Doc, start: int, name_end: int, end: int) -> bool:
        """A name alone (ゴルバチョフは, 高橋が): one word Sudachi reads as a person's name, not
        written onto the noun before it (a compound: フランス人|ベルナール) and followed by a
        case or topic particle, where it is an argument of its own. Not a country or a listed
        place (a world-table town that is also a surname stays a person here, as for GiNZA's
        persons); not a locative で; not a word the event rules read (見方を示した)."""
        tok = doc[start]
        if name_end != start + 1 or _NAME_TAG not in tok.tag_ or end >= len(doc):
            return False
        nxt, prv = doc[end], doc[start - 1] if start > 0 else None
        if nxt.pos_ != "ADP" or nxt.text in ("で", "・") or not nxt.text.strip() \
                or tok.text in self.vocabulary or tok.lemma_ in self.vocabulary:
            return False
        if prv is not None and prv.pos_ in ("NOUN", "PROPN") and prv.idx + len(prv.text) == tok.idx:
            return False
        return not (self.gaz.country_code(tok.text) or (
            self.gaz.place(tok.text) and not self._common_word(doc, start, end)))

    def _units(self, doc: Doc) -> list[Cand]:
        """第 + number + nouns ending in a unit word: a numbered formation."""
        out = []
        for tok in doc:
            if tok.text == "第" and tok.i + 1 < len(doc) and doc[tok.i + 1].like_num:
                run = _compound_run(doc, tok.i + 2)
                # a nationality written right before it belongs to the unit (ウクライナ第3旅団)
                start = tok.i - 1 if tok.i > 0 and self._is_country_token(doc[tok.i - 1]) else tok.i
                for k in range(run - 1, tok.i + 1, -1):
                    if doc[k].text.endswith(self.gaz.unit_heads):
                        out.append(Cand(start, k + 1, "ACTOR", "actor.unit"))
                        break
        return out

    def _ner_places(self, doc: Doc) -> list[Cand]:
        """GiNZA's place entities that contain a place name, trimmed of a leading classifier
        (首都キーウ → キーウ) and of trailing common nouns (クルスク州越境 → クルスク州,
        ロシア領内 → ロシア)."""
        out = []
        for e in doc.ents:
            if self.gaz.ner_roles.get(e.label_) != "place" or not any(_is_placename_token(t) for t in e):
                continue
            start = e.start
            # a classifier before the name is outside the span (首都|キーウ, 州都|X: SPEC §7)
            while start < e.end - 1 and doc[start].text in self.parts.classifiers:
                start += 1
            e = doc[start:e.end]
            end = e.end
            while end > e.start and not (_is_placename_token(doc[end - 1])
                                         or doc[end - 1].text in self.parts.suffixes
                                         or doc[end - 1].text in self.parts.directions):
                end -= 1
            if end > e.start and doc[e.start:end].text not in self.parts.not_places:
                out.append(Cand(e.start, end, "PLACE", "place.ner"))
        return out

    def _inside_name(self, doc: Doc, c: Cand) -> bool:
        """A town or city written straight before another noun is part of a name, not a
        location (札幌オリンピック, 宝塚歌劇団, ボルチモア・レイブンズ); suffixes, directions and
        relational nouns (キーウ市, ドニプロ市街, ハルキウ周辺) keep it a place."""
        if c.label not in ("PLACE", "DUAL") or c.end >= len(doc) or "dateline" in c.rule:
            return False
        nxt = doc[c.end]
        touching = nxt.idx == doc[c.end - 1].idx + len(doc[c.end - 1].text)
        if touching and nxt.text in self.parts.name_heads:
            return True         # 日本代表, 大阪大学, ロシア語 (rules/place_parts.tsv name_head)
        if touching and nxt.text == "・" and c.end + 1 < len(doc) and _is_katakana_name(doc[c.end + 1]) \
                and not self.gaz.place(doc[c.end + 1].text) and not self._is_country_token(doc[c.end + 1]) \
                and doc[c.end + 1].text not in self.parts.suffixes:
            return True         # マンチェスター・ユナイテッド: a place and a word that is none, one name
        if c.label != "PLACE" or c.rule not in ("gaz.place", "place.ner"):
            return False
        place = self.gaz.place(doc[c.start:c.end].text)
        if place is None or place.kind not in ("city", "village"):
            return False
        nxt = doc[c.end]
        if nxt.text == "・" and c.end + 1 < len(doc):
            nxt = doc[c.end + 1]
        parts = self.parts
        if nxt.text in parts.suffixes or nxt.text in parts.directions or nxt.text in parts.relational:
            return False
        touching = nxt.idx == doc[nxt.i - 1].idx + len(doc[nxt.i - 1].text)
        # an action noun after a place makes it the target (スジャ奪還, ポクロウシク攻略)
        action = "サ変" in nxt.tag_
        return touching and not action and nxt.pos_ in ("NOUN", "PROPN") and not nxt.like_num \
            and "数詞" not in nxt.tag_ and "接尾辞" not in nxt.tag_ and self.gaz.place(nxt.text) is None

    def _inside_organization(self, doc: Doc, c: Cand):
        """The organisation entity GiNZA found around a place (日本|証券業協会, FC|バルセロナ:
        rules/ner_labels.tsv), or None: such a place is part of the name, not a location, and
        the name is an ACTOR (organisation) where nothing else was found on it. Datelines of
        credit lines stay places."""
        if "dateline" in c.rule:
            return None
        # an action noun at the end makes it an event (ハルキウ州奪還), whatever GiNZA says
        return next((e for e in doc.ents if self.gaz.ner_roles.get(e.label_) == "organization"
                     and e.start <= c.start and c.end <= e.end and (e.start, e.end) != (c.start, c.end)
                     and "サ変" not in e[-1].tag_), None)

    def _ner_persons(self, doc: Doc) -> list[Cand]:
        """GiNZA's Person entities made only of name tokens (or a kanji surname and the kanji
        Sudachi cut from it: 楊|秀麗), and naming no country or place (GiNZA sometimes calls
        ロシア a Person). A name of the generated world table that Sudachi reads as a person's
        (ウィリアムズ, 小沢) or as an everyday word is a person here, as for the dictionary.
        A katakana name with no person-name word that Sudachi knows as another proper name
        (a maker, a team, a band) is not taken."""
        out = []
        for e in doc.ents:
            if self.gaz.ner_roles.get(e.label_) != "person" or not (all(_is_name(t) or t.text in _JOINERS for t in e)
                                            or _kanji_name(e)):
                continue
            if any(self.gaz.country_code(t.text) or (
                    self.gaz.place(t.text) and not self._common_word(doc, t.i, t.i + 1)) for t in e):
                continue
            words = [t for t in e if t.text not in _JOINERS]
            if bool(_KATAKANA.match(e.text)) and not any(_NAME_TAG in t.tag_ for t in words) \
                    and any(t.tag_.startswith(_PROPER_OTHER) for t in words):
                continue    # katakana Sudachi knows as another proper name (a brand, a team)
            out.append(Cand(e.start, self._regnal_end(doc, e.end), "ACTOR", "actor.ner_person"))
        return out

    def _place_suffixes(self, doc: Doc) -> list[Cand]:
        """A proper or katakana name followed by 州/市/村/基地…: a place no dictionary lists."""
        out = []
        for tok in doc:
            if not tok.text.strip() or not (_is_proper(tok) or _KATAKANA.match(tok.text)) or _is_name_only(tok):
                continue
            start = tok.i
            while start > 0 and _KATAKANA.match(doc[start - 1].text) and doc[start - 1].text != "・":
                start -= 1
            for n in (2, 1):
                nxt = doc[tok.i + 1:tok.i + 1 + n]
                if len(nxt) == n and nxt.text in self.parts.suffixes and "・" not in nxt.text:
                    out.append(Cand(start, tok.i + 1 + n, "PLACE", "place.suffix"))
                    break
        return out

    def _context_places(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """An unlisted katakana name in a place context (issue 10 item 3): followed by a
        relational noun (ボルチャ近郊, ナムサン周辺) or written after a region and の and before
        a case particle (ハルキウ州のリプツィを制圧). Its country comes from the place around it
        (pipeline/normalize/context.py)."""
        covered = {i for c in cands if c.label != "ACTOR" or c.rule == "gaz.actor"
                   for i in range(c.start, c.end)}
        by_end = {c.end: c for c in cands if c.label in ("PLACE", "DUAL")}
        out = []
        i = 0
        while i < len(doc):
            if i in covered or not _is_katakana_name(doc[i]):
                i += 1
                continue
            j = i
            while j < len(doc) and j not in covered and _is_katakana_name(doc[j]):
                j += 1
            name = doc[i:j].text
            # a word the model knows (ドローン) is a loanword, not an unlisted name
            known = self.gaz.actor(name) or self.gaz.is_title(name) or len(name) < 3 \
                or not all(t.is_oov or _is_proper(t) for t in doc[i:j])
            nxt = doc[j] if j < len(doc) else None
            after_place = i >= 2 and doc[i - 1].text == "の" and (i - 1) in by_end \
                and nxt is not None and nxt.pos_ == "ADP" and nxt.text in ("で", "に", "を", "から", "へ", "まで")
            before_rel = nxt is not None and nxt.text in _CONTEXT_RELATIONAL
            if not known and (after_place or before_rel):
                out.append(Cand(i, j, "PLACE", "place.context"))
            i = j
        return out

    def _with_media_prefix(self, doc: Doc, c: Cand) -> Cand:
        """英紙ガーディアン, 米紙ニューヨーク・タイムズ: a country + 紙/誌 classifier joins the outlet."""
        if c.label != "ACTOR" or c.start == 0:
            return c
        prev = doc[c.start - 1].text
        actor = self.gaz.actor(doc[c.start:c.end].text)
        if actor and actor.kind == "media" and prev[-1:] in self.gaz.media_classifiers \
                and self.gaz.country_code(prev[:-1]):
            return Cand(c.start - 1, c.end, c.label, c.rule + "+classifier")
        return c

    # -- helpers over the gazetteer ----------------------------------------------------
    def _is_country_token(self, tok: Token) -> bool:
        if _COUNTRY_TAG in tok.tag_:
            return True
        return self.gaz.country_code(tok.text) is not None

    def _head_suffix(self, tail: str, last: int | None = None) -> bool:
        """`tail` ends in an actor head or a title starting before position `last`."""
        return any(self.gaz.head(tail[i:]) or self.gaz.is_title(tail[i:])
                   for i in range(len(tail) if last is None else last))

    def _listed_person_titles(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """A listed person followed by a title chain (金正恩|朝鮮労働党総書記): one ACTOR; a
        person (listed or found as a name) followed by a leader head (バイデン|政権): the
        government that person leads, one ACTOR (SPEC §7)."""
        out = []
        for c in cands:
            if c.rule == "gaz.actor":
                actor = self.gaz.actor(doc[c.start:c.end].text)
                if actor is None or actor.kind != "person":
                    continue
                end = self._title_chain(doc, c.end)
                if end is not None:
                    out.append(Cand(c.start, end, "ACTOR", "actor.name_title"))
            elif c.rule not in PERSON_RULES or c.rule == "actor.name_title":
                continue
            if c.end < len(doc) and doc[c.end].text in self.gaz.leader_heads:
                out.append(Cand(c.start, c.end + 1, "ACTOR", "actor.leader_government"))
        for tok in doc:         # トランプ政権, トランプ大統領 as one token
            for j in range(1, len(tok.text)):
                actor = self.gaz.actor(tok.text[:j])
                if actor is None or actor.kind != "person":
                    continue
                rest = tok.text[j:]
                if rest in self.gaz.leader_heads:
                    out.append(Cand(tok.i, tok.i + 1, "ACTOR", "actor.leader_government"))
                elif self.gaz.is_title(rest):
                    end = self._title_chain(doc, tok.i + 1) or tok.i + 1
                    out.append(Cand(tok.i, end, "ACTOR", "actor.name_title"))
        return out

    def _title_chain(self, doc: Doc, i: int) -> int | None:
        """End of the title chain after a name (SPEC §7): titles, optionally after a country
        or a listed organisation (トランプ米大統領, 金正恩朝鮮労働党総書記), and further titles
        written after them (大統領|顧問)."""
        end = self._title_after(doc, i)
        if end is None and i < len(doc) and doc[i].text[:1] in self.gaz.abbrevs \
                and self.gaz.is_title(doc[i].text[1:]):
            end = i + 1         # 米大統領 as one token
        if end is None:
            for k in (1, 2, 3, 4):
                if i + k >= len(doc):
                    break
                owner = doc[i:i + k].text
                actor = self.gaz.actor(owner)
                if self.gaz.country_code(owner) or (actor and actor.kind in ("government", "organization")):
                    end = self._title_after(doc, i + k)
                    if end is not None:
                        break
        while end is not None:
            more = self._title_after(doc, end)
            if more is None:
                break
            end = more
        return end

    def _title_after(self, doc: Doc, i: int) -> int | None:
        for n in (3, 2, 1):
            if i + n <= len(doc) and surface_key(doc[i].text) and surface_key(doc[i + n - 1].text) \
                    and self.gaz.is_title(doc[i:i + n].text):
                return i + n
        return None

    def _title_before(self, doc: Doc, i: int) -> int | None:
        """ウクライナ大統領ゼレンスキー: a title (optionally after a country) right before a name."""
        for n in (3, 2, 1):
            if i - n >= 0 and self.gaz.is_title(doc[i - n:i].text) and doc[i - n].text not in ("氏",):
                start = i - n
                if start > 0 and self._is_country_token(doc[start - 1]):
                    start -= 1
                return start
        return None

    # -- actor or place ----------------------------------------------------------------
    def _decide(self, doc: Doc, c: Cand, placey: set[int], later: str | None = None) -> str:
        """SPEC §4/§7: a country (or seat of government) is ACTOR when it acts, owns, makes,
        receives or is a party; PLACE when it locates. The case particle and the class of the
        word it depends on (rules/country_roles.tsv) decide; a country coordinated by と/や
        with a following name takes that name's label (`later`)."""
        roles = self.roles
        end = _past_brackets(doc, c.start, c.end)     # キーウ(キエフ)中心部で: read past the aside
        nxt = doc[end] if end < len(doc) else None
        prv = doc[c.start - 1] if c.start > 0 else None
        if nxt is not None and (roles.has("maker", nxt.text) or roles.starts("maker", nxt.text)):
            return "ACTOR"      # イラン製, 米国主導: the maker or leader
        if prv is not None and roles.has("actor_prefix", prv.text):
            return "ACTOR"      # 親ロシア: the side supported
        if nxt is not None and nxt.text in _BETWEEN:
            return "ACTOR"      # 朝鮮とロシア間の条約: the parties of a relation
        if _caption_dateline(doc, c.start):
            return "PLACE"      # 写真説明=2024年6月、平壌: where the photo was taken
        particles = _particles_after(doc, end)
        if particles.startswith("など"):
            particles = particles[2:]       # メキシコなどで: the case particle after など
        if particles[:1] in ("と", "や") and later is not None:
            return later                    # ラオスとベトナムで: as the last conjunct
        if particles.startswith("によ") or particles[:1] in AGENT_CASES or particles in AGENT_CASES:
            return "ACTOR"
        head = _governor(doc, c)
        if particles == "に" and c.end + 1 < len(doc) and doc[c.end + 1].text in ("おけ", "おい"):
            return "PLACE"                  # Xにおける, Xにおいて: where
        if particles[:1] in ("に", "へ"):
            # destination of a movement or target area of an attack; else a recipient
            return "PLACE" if self._frame(head, ("motion", "attack")) else "ACTOR"
        if particles.startswith("から"):
            return "PLACE" if self._frame(head, ("departure", "motion"), locative=False) else "ACTOR"
        if particles[:1] == "で":
            return "PLACE"
        if particles[:1] == "の":
            return self._genitive(head, placey)
        if particles[:1] == "と":
            # the partner of a border (ロシアと国境を接する, ウクライナとの国境)
            if head is not None and (roles.has("border", head.text) or any(
                    roles.has("border", ch.text) for ch in head.children)):
                return "PLACE"
            return "ACTOR"
        if particles[:1] == "を":
            return "PLACE" if self._frame(head, ("motion",)) or (
                head is not None and head.lemma_ in self.parts.locative_verbs) else "ACTOR"
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "VERB") and nxt.text.strip():
            return "PLACE"      # inside a compound: ウクライナ戦争, ウクライナ侵攻, ウクライナ全体
        return "ACTOR"

    def _frame(self, head: Token | None, classes: tuple[str, ...], locative: bool = True) -> bool:
        """The governing verb or action noun belongs to one of `classes` (or is a listed
        locative verb): 派遣した, 派遣団, 向けて発射, 撤収した. A light verb (する, 行う) or a
        向ける/向かう adjunct passes the question to the word it serves."""
        seen = 0
        while head is not None and seen < 3:
            lemma, word = head.lemma_, _compound_text(head)
            if (locative and lemma in self.parts.locative_verbs) or any(
                    self.roles.has(k, lemma) or self.roles.starts(k, word) for k in classes):
                return True
            if lemma not in ("向ける", "向かう", "する", "行う") or head.head.i == head.i:
                return False
            head, seen = head.head, seen + 1
        return False

    def _genitive(self, head: Token | None, placey: set[int]) -> str:
        """X の head: a location word makes X a place; an action or a person makes X an actor."""
        if head is None:
            return "PLACE"
        if head.i in placey or head.text in self.parts.relational or head.text in self.parts.directions:
            return "PLACE"
        compound = _compound_text(head)
        if self.roles.ends("location_head", head.text) or self.roles.ends("location_head", compound):
            return "PLACE"      # 中国の排他的経済水域, 韓国の空軍基地, キーウの住民
        if (self.gaz.place(head.text) and not self.gaz.is_guarded(head.text)) \
                or _COUNTRY_TAG in head.tag_ or "地名" in head.tag_:
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


def _is_katakana_name(tok: Token) -> bool:
    return bool(_KATAKANA.match(tok.text)) and tok.text not in ("・", "=", "＝") \
        and "人名" not in tok.tag_


def _compound_text(head: Token) -> str:
    """The head with the compound nouns written right before it (派遣|団 → 派遣団)."""
    start = head.i
    while start > 0 and head.i - start < 4 and head.doc[start - 1].dep_ == "compound" \
            and head.doc[start - 1].pos_ in ("NOUN", "PROPN"):
        start -= 1
    return head.doc[start:head.i + 1].text


def _is_proper(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or "固有名詞" in tok.tag_


def _is_name_only(tok: Token) -> bool:
    return _NAME_TAG in tok.tag_ and not _KATAKANA.match(tok.text)


def _is_name(tok: Token) -> bool:
    """Person-name token: Sudachi's 人名, or a katakana word (foreign names are often 普通名詞)."""
    if _NAME_TAG in tok.tag_:
        return True
    return bool(_KATAKANA.match(tok.text)) and tok.text != "・" and len(tok.text) >= 2


def _full_name(span) -> bool:
    """A name that is unmistakably a person's without a title: surname + given name
    (松友|美佐紀, Sudachi 人名-姓 + 人名-名) or a ・-joined foreign name with a 人名 part
    (ロバート・キャロル). A lone surname (田中) is too ambiguous."""
    tags = [t.tag_ for t in span]
    if any(t.endswith("人名-名") for t in tags[1:]) and "固有名詞" in tags[0]:
        return True
    return any(j in span.text for j in _JOINERS) and any(_NAME_TAG in t for t in tags)


def _place_surname(doc: Doc, i: int) -> bool:
    """兵庫|慎司, 長野|博: a kanji place name (Sudachi 地名, not a country) right before a given
    name (人名-名) is a surname."""
    tok = doc[i]
    return i + 1 < len(doc) and "地名" in tok.tag_ and _COUNTRY_TAG not in tok.tag_ \
        and bool(_KANJI.match(tok.text)) and doc[i + 1].tag_.endswith("人名-名") \
        and doc[i + 1].idx == tok.idx + len(tok.text)


def _kanji_name(span) -> bool:
    """楊|秀麗, 名城|信男: a kanji surname (Sudachi 人名) with at most two kanji tokens after it,
    or kanji ending in a given name (人名-名), two to five characters in all; or a foreign name
    of katakana parts and initials joined by ・ or = with a 人名 part (ジョン・J・テイラー)."""
    if 2 <= len(span.text) <= 5 and bool(_KANJI.match(span.text)) and len(span) <= 3:
        return _NAME_TAG in span[0].tag_ or span[-1].tag_.endswith("人名-名")
    return bool(_FOREIGN_NAME.match(span.text)) and any(_NAME_TAG in t.tag_ for t in span)


def _name_run_end(doc: Doc, i: int) -> int:
    """End of a name run: name tokens joined directly or by ・ (ドナルド・トランプ, 金正|恩).
    Kanji names on both sides of ・ are a list of people (羽田孜・杉山憲夫), not one name."""
    j = i + 1
    while j < len(doc):
        t = doc[j]
        if t.text in _JOINERS and j + 1 < len(doc) and _is_name(doc[j + 1]) \
                and (_KATAKANA.match(doc[j - 1].text) or _KATAKANA.match(doc[j + 1].text)):
            j += 2
        elif _is_name(t) or (t.pos_ == "PROPN" and "人名" in doc[j - 1].tag_ and len(t.text) <= 2):
            j += 1
        elif _NAME_TAG in doc[j - 1].tag_ and len(t.text) == 1 and t.pos_ in ("NOUN", "PROPN") \
                and "接尾辞" in t.tag_ and t.text not in _NOT_NAME_SUFFIXES:
            j += 1      # 李成|権: Sudachi cuts kanji given names into suffix pieces
        else:
            break
    return j


def _compound_run(doc: Doc, i: int) -> int:
    """End of the run of nouns from i with no particle or punctuation in between."""
    j = i
    while j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN") and "助" not in doc[j].tag_:
        j += 1
    return j


def _is_placename_token(tok: Token) -> bool:
    return "地名" in tok.tag_ or (bool(_KATAKANA.match(tok.text)) and len(tok.text) >= 2)


def _caption_dateline(doc: Doc, i: int) -> bool:
    """A photo caption's place: the name after `=date、` (…総書記=2024年6月、平壌)."""
    if i < 3 or doc[i - 1].text not in ("、", ","):
        return False
    k = i - 2
    while k >= 0 and (doc[k].like_num or doc[k].text in ("年", "月", "日")):
        k -= 1
    return k < i - 2 and k >= 0 and doc[k].text in ("=", "＝")


def _past_brackets(doc: Doc, start: int, end: int) -> int:
    """Token index after a mention and the bracketed asides right after it (キーウ(キエフ)); for
    a mention that is itself the aside, after its closing bracket."""
    if start > 0 and doc[start - 1].text in _OPEN_BRACKETS and end < len(doc) \
            and doc[end].text in _CLOSE_BRACKETS:
        end += 1
    while end < len(doc) and doc[end].text in _OPEN_BRACKETS:
        close = next((k for k in range(end + 1, min(len(doc), end + 12))
                      if doc[k].text in _CLOSE_BRACKETS), None)
        if close is None:
            break
        end = close + 1
    return end


def _particles_after(doc: Doc, i: int) -> str:
    """The run of particles right after token i-1 (による is に + よる)."""
    out = ""
    for t in doc[i:i + 3]:
        if t.pos_ == "ADP" or (out == "に" and t.lemma_ == "よる") or (out and t.pos_ == "SCONJ"):
            out += t.text
        else:
            break
    return out


def _governor(doc: Doc, c: Cand) -> Token | None:
    """The word the mention depends on, outside the mention itself."""
    tok = doc[c.end - 1]
    while c.start <= tok.i < c.end and tok.head.i != tok.i:
        tok = tok.head
    return None if c.start <= tok.i < c.end else tok


def _merge_places(doc: Doc, cands: list[Cand], parts: PlaceParts,
                  abbrevs: dict | None = None) -> list[Cand]:
    """Join places with directions and connectors into maximal expressions
    (ロシア西部クルスク州, ロシア・クルスク州, 東部ドネツク州, ウクライナ東部), and a one-letter
    country written right before a place (米アラスカ州: SPEC §7, the place it is inside)."""
    placey = sorted((c for c in cands if c.label in ("PLACE", "DUAL")), key=lambda c: c.start)
    starts = {c.start: c for c in placey}
    merged = []
    for c in placey:
        if any(m.start <= c.start < m.end for m in merged):
            continue
        start, end, grew = c.start, c.end, False
        if start > 0 and doc[start - 1].text in parts.directions:
            start, grew = start - 1, True
        elif start > 0 and c.label == "PLACE" and abbrevs and len(doc[start - 1].text) == 1 \
                and abbrevs.get(doc[start - 1].text) and _attached(doc, start) \
                and _COUNTRY_TAG not in doc[start].tag_ \
                and not (start > 1 and abbrevs.get(doc[start - 2].text[-1:]) and _attached(doc, start - 1)):
            start, grew = start - 1, True
        while end < len(doc):
            t = doc[end]
            if t.text in parts.connectors and end + 1 in starts and starts[end + 1].rule != "gaz.country":
                end, grew = starts[end + 1].end, True
            elif t.text in parts.directions:
                end, grew = end + 1, True
                if end in starts:
                    end = starts[end].end
            elif end in starts and starts[end].label != "ACTOR" and _attached(doc, end):
                end, grew = starts[end].end, True
            elif end not in starts and _admin_suffixed(doc[end - 1].text, parts) \
                    and _attached(doc, end) and _unlisted_name(doc, end):
                end, grew = _unlisted_name(doc, end), True      # アラスカ州アンカレジ: its town
            else:
                break
        if grew:
            merged.append(Cand(start, end, "PLACE", "place.merged"))
    return cands + merged


def _unlisted_name(doc: Doc, i: int) -> int:
    """End of a run of katakana proper-name tokens from i (three letters or more), else 0."""
    j = i
    while j < len(doc) and _is_katakana_name(doc[j]) and "固有名詞" in doc[j].tag_:
        j += 1
    return j if j > i and len(doc[i:j].text) >= 3 else 0


def _admin_suffixed(word: str, parts: PlaceParts) -> bool:
    """A first- or second-level region written with its suffix (アラスカ州, 州)."""
    return any(word.endswith(suffix) and kind in ("admin1", "admin2")
               for suffix, kind in parts.suffixes.items())


def _attached(doc: Doc, i: int) -> bool:
    """Two place names written back to back (ロシアクルスク州) with no punctuation between."""
    # Sudachi's part of speech: GiNZA's UD tag follows the parse (ハリコフ州 ADJ, X ADV)
    return all(t.pos_ in ("PROPN", "NOUN") or t.tag_.startswith("名詞") for t in (doc[i - 1], doc[i])) \
        and doc[i].idx == doc[i - 1].idx + len(doc[i - 1].text)


def _non_overlapping(cands: list[Cand]) -> list[Cand]:
    """Longest first; on a tie prefer ACTOR rules over places, then earlier start."""
    rank = {"ACTOR": 0, "DUAL": 1, "PLACE": 2}
    return longest_first(cands, lambda c: (c.start, c.end), lambda c: rank[c.label])
