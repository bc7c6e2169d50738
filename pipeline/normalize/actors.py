"""ACTOR norm (SPEC §4, GUIDELINES §2): `{"id", "country", "kind", "name"}` for an actor span.

Resolution, first match wins: a listed surface (rules/actors.tsv); a bare country; X(Y); X の Y;
a name with titles (ゼレンスキー大統領, ロシア大統領補佐官, リー氏); a nationality prefix and what
follows it (北朝鮮兵, ウクライナ国防省, 米トランプ政権, ウクライナ大統領ゼレンスキー, ロシア側); a
known actor with a head noun (トランプ政権, NATO軍); a numbered unit (第47機械化旅団).
Anything else is `unknown:<text>`.

Ids: listed ids; `<iso3>_<head id>` for nationality + head (prk_military, ukr_mod,
prk_special_forces; rus_prk_joint_forces for ロシア・北朝鮮連合軍); `<owner>_<title>` for an office
holder without a name (ukr_defense_minister); `person:<name>` for an unlisted name.
"""
from __future__ import annotations

import re

from ..rules.gazetteer import Actor, Gazetteer, Head, compact, slug

MAX_LEN = 60          # longer strings are not one actor; also bounds the split loops
_BRACKETS = "「」『』\"“”'‘’<>《》〈〉【】"
# Modifiers written between a name and its title (トランプ前大統領, 李在明新大統領).
# A plausible personal name: katakana, kanji or Latin letters, optionally joined by ・.
_NAME = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005A-Za-z][\u30a1-\u30fc\u4e00-\u9fff"
                   r"\u3005A-Za-z.]*(?:・[\u30a1-\u30fc\u4e00-\u9fff\u3005A-Za-z.]+)*")
_UNIT = re.compile(r"第\d+")
_BRACKETED = re.compile(r"(.+?)\((.+)\)")


def normalize_actor(text: str, gaz: Gazetteer, person: bool = False) -> dict:
    """Normalise an ACTOR span; never raises. Line breaks and spaces inside are ignored.
    `person`: the tagger found the span as a person's name (松友美佐紀, ダニエル・カージー), so
    an unlisted one is `person:<name>` rather than an unknown organisation."""
    s = compact(text or "").strip(_BRACKETS)
    if not s or len(s) > MAX_LEN:
        return _unknown(s)
    found = _resolve(s, gaz)
    if found is None and person:
        return {"id": f"person:{s}", "country": None, "kind": "person", "name": None}
    return found or _unknown(s)


def _resolve(s: str, gaz: Gazetteer) -> dict | None:
    if not s:
        return None
    return (_listed(s, gaz) or _country_only(s, gaz) or _bracketed(s, gaz)
            or _genitive(s, gaz) or _side(s, gaz) or _person(s, None, gaz)
            or _prefixed(s, gaz) or _actor_with_head(s, None, gaz) or _unit(s, None, gaz))


# ---------------------------------------------------------------------------- builders

def _norm(actor: Actor, country: str | None = None) -> dict:
    return {"id": actor.id, "country": actor.country or country, "kind": actor.kind,
            "name": actor.name}


def _unknown(s: str) -> dict:
    return {"id": f"unknown:{s}", "country": None, "kind": "organization", "name": None}


def _state(iso: str, gaz: Gazetteer) -> dict:
    return {"id": iso.lower(), "country": iso, "kind": "state", "name": gaz.country_name(iso)}


def _derived(isos: list[str], head: Head, gaz: Gazetteer) -> dict:
    """Nationality (or several, ロシア・北朝鮮…) + head noun → `<iso3>_<head id>`; the name of a
    listed actor with that id, else "<demonym> <head label>". The first nationality counts."""
    if head.kind == "state":
        return _state(isos[0], gaz)
    actor_id = "_".join([iso.lower() for iso in isos] + [head.id])
    listed = gaz.actor_by_id(actor_id)
    if listed and listed.kind == head.kind:
        return _norm(listed)
    demonyms = "-".join(gaz.demonym(iso) or iso for iso in isos)
    return {"id": actor_id, "country": isos[0], "kind": head.kind,
            "name": f"{demonyms} {head.name}"}


def _office(owner_id: str | None, titles: list[str], country: str | None,
            gaz: Gazetteer) -> dict:
    """The holder of an office, unnamed: ukr_defense_minister, un_secretary_general."""
    label = slug(" ".join(gaz.title_name(t) or t for t in titles))
    return {"id": f"{owner_id}_{label}" if owner_id else label, "country": country,
            "kind": "person", "name": None}


# ---------------------------------------------------------------------------- steps

def _listed(s: str, gaz: Gazetteer) -> dict | None:
    actor = gaz.actor(s)
    return _norm(actor) if actor else None


def _country_only(s: str, gaz: Gazetteer) -> dict | None:
    iso = gaz.country_code(s)
    return _state(iso, gaz) if iso else None


def _bracketed(s: str, gaz: Gazetteer) -> dict | None:
    """韓国国家情報院(国情院): the name outside the brackets, else the one inside."""
    m = _BRACKETED.fullmatch(s)
    return (_resolve(m[1], gaz) or _resolve(m[2], gaz)) if m else None


def _genitive(s: str, gaz: Gazetteer) -> dict | None:
    """X の Y is two actors (GUIDELINES §2); the span's head is Y, which inherits X's country
    when it has none (平壌の国営メディア → PRK media)."""
    if "の" not in s:
        return None
    owner, _, tail = s.rpartition("の")
    owner_country = gaz.country_code(owner) or (_resolve(owner, gaz) or {}).get("country")
    head = gaz.head(tail)
    if head and owner_country:
        return _derived([owner_country], head, gaz)
    found = _resolve(tail, gaz)
    if found and found["country"] is None and owner_country:
        found = {**found, "country": owner_country}
    return found


def _side(s: str, gaz: Gazetteer) -> dict | None:
    """X側 is X taken as a side: ロシア側 → Russia (state), ロシア軍側 → the Russian military."""
    return _resolve(s[:-1], gaz) if s.endswith("側") and len(s) > 1 else None


def _prefixed(s: str, gaz: Gazetteer) -> dict | None:
    """Nationality prefix + rest. Exact readings of the rest are tried at every split before
    looser ones, so 英国防省 reads 英 + 国防省 rather than 英国 + 防省."""
    splits = [(s[:i], s[i:]) for i in range(len(s) - 1, 0, -1) if not s[:i].endswith("・")]
    exact = [(iso, rest) for prefix, rest in splits
             for iso in [gaz.country_code(prefix) or _capital(prefix, gaz)] if iso]
    for iso, rest in exact:
        rest, isos = _chained(rest, [iso], gaz)
        found = _after_country_exact(isos, rest, gaz)
        if found:
            return found
    for prefix, rest in splits:
        if gaz.is_country(prefix):        # a bare 米/中 before an unknown word is too weak
            rest, isos = _chained(rest, [gaz.country_code(prefix)], gaz)
            found = _after_country_loose(isos, rest, gaz)
            if found:
                return found
    return None


def _capital(prefix: str, gaz: Gazetteer) -> str | None:
    """ソウル国家情報院: a seat of government used as a nationality."""
    actor = gaz.actor(prefix)
    return actor.country if actor and actor.kind == "government" else None


def _chained(rest: str, isos: list[str], gaz: Gazetteer) -> tuple[str, list[str]]:
    """ロシア・北朝鮮連合軍: further nationalities after ・ join the list."""
    while rest.startswith("・"):
        rest = rest[1:]
        for j in range(len(rest) - 1, 0, -1):
            if gaz.is_country(rest[:j]):
                isos, rest = isos + [gaz.country_code(rest[:j])], rest[j:]
                break
    return rest, isos


def _after_country_exact(isos: list[str], rest: str, gaz: Gazetteer) -> dict | None:
    iso = isos[0]
    if not rest:
        return _state(iso, gaz)
    head = gaz.head(rest)
    if head:
        return _derived(isos, head, gaz)
    actor = gaz.actor(rest)
    if actor:
        return _norm(actor, iso)
    for j in range(1, len(rest)):         # 英紙ガーディアン: classifier head + listed actor
        actor = gaz.actor(rest[j:])
        if gaz.head(rest[:j]) and actor:
            return _norm(actor, iso)
    return _person(rest, iso, gaz) or _actor_with_head(rest, iso, gaz)


def _after_country_loose(isos: list[str], rest: str, gaz: Gazetteer) -> dict | None:
    """ロシア軍作戦部隊, ウクライナ国家警察: any modifier before a head noun."""
    unit = _unit(rest, isos[0], gaz)
    if unit:
        return unit
    split = _head_suffix(rest, gaz)
    return _derived(isos, split[1], gaz) if split else None


def _head_suffix(s: str, gaz: Gazetteer) -> tuple[str, Head] | None:
    """The longest head noun ending `s` with a non-empty modifier before it."""
    for j in range(1, len(s)):
        head = gaz.head(s[j:])
        if head:
            return s[:j], head
    return None


def _actor_with_head(s: str, iso: str | None, gaz: Gazetteer) -> dict | None:
    """トランプ政権 → US government ("Trump administration"); NATO軍 → nato_military."""
    split = _head_suffix(s, gaz)
    if not split:
        return None
    owner = _known_person(split[0], gaz) or gaz.actor(split[0])
    if not owner:
        return None
    head = split[1]
    if owner.kind == head.kind:           # CNNテレビ, ワグネル部隊: the named body itself
        return _norm(owner, iso)
    country = iso or owner.country
    if not country:
        return {"id": f"{owner.id}_{head.id}", "country": None, "kind": head.kind,
                "name": f"{owner.name} {head.name}"}
    found = _derived([country], head, gaz)
    if owner.kind == "person" and owner.name and head.kind != "state":
        found = {**found, "name": f"{owner.name.split()[-1]} {head.name}"}
    return found


def _unit(s: str, iso: str | None, gaz: Gazetteer) -> dict | None:
    """第47機械化旅団: a numbered formation ending in a military head noun."""
    split = _head_suffix(s, gaz)
    if split and split[1].kind == "military" and _UNIT.match(split[0]):
        return {"id": f"unit:{s}", "country": iso, "kind": "military", "name": None}
    return None


# ---------------------------------------------------------------------------- persons

def _person(s: str, iso: str | None, gaz: Gazetteer) -> dict | None:
    """Name + titles in either order. The name may be a listed person (ショイグ議長), a body
    whose office is meant (ロシア大統領補佐官, 国連事務総長: person, name null) or an unknown
    name (リー氏 → `person:リー`); titles alone are an office of the prefix's country."""
    name, titles = _strip_titles(s, gaz)
    if not titles:
        return None
    if not name:
        return _office(iso.lower() if iso else None, titles, iso, gaz)
    known = _known_person(name, gaz)
    if known:
        return _norm(known, iso)
    owner = _resolve(name, gaz)
    if owner and owner["kind"] == "person":
        return {**owner, "country": owner["country"] or iso}
    if owner:
        return _office(owner["id"], titles, owner["country"] or iso, gaz)
    return _person_with_country(name, iso, gaz)


def _person_with_country(name: str, iso: str | None, gaz: Gazetteer) -> dict | None:
    """マクロン仏大統領, 尹錫悦韓国大統領: a nationality between the name and the title."""
    for j in range(1, len(name)):
        suffix_iso = gaz.country_code(name[j:])
        if suffix_iso:
            known = _known_person(name[:j], gaz)
            if known:
                return _norm(known, suffix_iso)
            if _plausible_name(name[:j], gaz):
                return {"id": f"person:{name[:j]}", "country": suffix_iso, "kind": "person",
                        "name": None}
    if _plausible_name(name, gaz):
        return {"id": f"person:{name}", "country": iso, "kind": "person", "name": None}
    return None


def _plausible_name(name: str, gaz: Gazetteer) -> bool:
    return bool(_NAME.fullmatch(name)) and not gaz.head(name) and not gaz.country_code(name)


def _known_person(name: str, gaz: Gazetteer) -> Actor | None:
    """A listed person by full name, or by the surname after the last ・."""
    for candidate in (name, name.rpartition("・")[2]):
        actor = gaz.actor(candidate) if candidate else None
        if actor and actor.kind == "person":
            return actor
    return None


def _strip_titles(s: str, gaz: Gazetteer) -> tuple[str, list[str]]:
    """('ゼレンスキー', ['大統領']) for both ゼレンスキー大統領 and 大統領ゼレンスキー."""
    before: list[str] = []
    after: list[str] = []
    while True:
        j = _longest(s, gaz, suffix=True)
        if j:
            after.insert(0, s[-j:])
            s = _drop_title_prefix(s[:-j], gaz)
            continue
        j = _longest(s, gaz, suffix=False)
        if j and len(s) > j:              # a leading title needs a name after it
            before.append(s[:j])
            s = s[j:].lstrip("・")
            continue
        return s.strip("・"), before + after


def _drop_title_prefix(s: str, gaz: Gazetteer) -> str:
    for prefix in gaz.title_prefixes:
        if s.endswith(prefix) and len(s) > len(prefix):
            return s[:-len(prefix)]
    return s


def _longest(s: str, gaz: Gazetteer, suffix: bool) -> int:
    """Length of the longest title that ends (or starts) `s`, 0 if none."""
    for j in range(len(s), 0, -1):
        if gaz.is_title(s[-j:] if suffix else s[:j]):
            return j
    return 0
