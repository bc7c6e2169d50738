"""World gazetteer (issue 10 item 2): rules/world_places.tsv (generated from pycountry and
GeoNames by rules/scripts/build_world_places.py), rules/places_world.tsv (islands, seas,
disputed areas), the common-word guard and katakana variant folding. Sentences are written for
these tests."""
import pytest

from pipeline.rules.gazetteer import load_gazetteer, surface_key
from pipeline.normalize.places import normalize_place
from pipeline.rules import RuleError, default_dir, load_rules

RULES_DIR = default_dir()


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(RULES_DIR)


@pytest.mark.parametrize("surface, country, kind", [
    # Asia
    ("ハノイ", "VNM", "city"), ("ダッカ", "BGD", "city"), ("カラチ", "PAK", "city"),
    ("ヤンゴン", "MMR", "city"), ("マンダレー州", "MMR", "admin1"), ("サガイン州", "MMR", "admin1"),
    ("平壌", "PRK", "city"), ("ソウル", "KOR", "city"), ("上海", "CHN", "city"),
    ("ダバオ", "PHL", "city"),
    # Middle East
    ("ダマスカス", "SYR", "city"), ("ベイルート", "LBN", "city"), ("サヌア", "YEM", "city"),
    # Africa
    ("ハルツーム", "SDN", "city"), ("オムドゥルマン", "SDN", "city"), ("バマコ", "MLI", "city"),
    ("ニアメ", "NER", "city"), ("北キブ州", "COD", "admin1"), ("ブカブ", "COD", "city"),
    # Europe
    ("ワルシャワ", "POL", "city"), ("ベオグラード", "SRB", "city"), ("チェチェン共和国", "RUS", "admin1"),
    # Americas
    ("ポルトープランス", "HTI", "city"), ("カラカス", "VEN", "city"), ("アラスカ州", "USA", "admin1"),
    ("アンカレッジ", "USA", "city"),
    # Oceania
    ("ポートモレスビー", "PNG", "city"), ("シドニー", "AUS", "city"),
])
def test_every_continent(gaz, surface, country, kind):
    place = gaz.place(surface)
    assert place is not None, surface
    assert (place.country, place.kind) == (country, kind)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize("surface, name", [
    ("北海道", "Hokkaido"), ("青森県", "Aomori"), ("岩手県", "Iwate"), ("岩手", "Iwate"),
    ("東京都", "Tokyo"), ("神奈川県", "Kanagawa"), ("京都府", "Kyoto"), ("大阪府", "Osaka"),
    ("兵庫県", "Hyogo"), ("島根県", "Shimane"), ("長崎県", "Nagasaki"),
    ("鹿児島県", "Kagoshima"), ("沖縄県", "Okinawa"), ("宮城", "Miyagi"),
])
def test_japanese_prefectures(gaz, surface, name):
    place = gaz.place(surface)
    assert (place.kind, place.country, place.name) == ("admin1", "JPN", name)
    assert 24 < place.lat < 46 and 122 < place.lon < 146


def test_all_47_prefectures(gaz):
    prefs = {p.id for p in gaz.places.values() if p.id.startswith("iso:jp-")}
    assert len(prefs) == 47


@pytest.mark.parametrize("surface, pid, country", [
    ("竹島", "takeshima", "JPN"), ("北方領土", "northern_territories", "JPN"),
    ("択捉島", "etorofu", "JPN"), ("国後島", "kunashiri", "JPN"), ("歯舞群島", "habomai", "JPN"),
    ("尖閣諸島", "senkaku_islands", "JPN"), ("与那国島", "yonaguni_island", "JPN"),
    ("沖縄本島", "okinawa_island", "JPN"), ("対馬", "tsushima_island", "JPN"),
    ("南沙諸島", "spratly_islands", None), ("スカボロー礁", "scarborough_shoal", None),
    ("セカンド・トーマス礁", "second_thomas_shoal", None), ("金門島", "kinmen", "TWN"),
])
def test_islands_and_disputed_islands(gaz, surface, pid, country):
    place = gaz.place(surface)
    assert (place.id, place.country) == (pid, country)


@pytest.mark.parametrize("surface, kind", [
    ("日本海", "water"), ("東シナ海", "water"), ("太平洋", "water"), ("津軽海峡", "water"),
    ("バシー海峡", "water"), ("マラッカ海峡", "water"), ("オマーン湾", "water"),
    ("バブ・エル・マンデブ海峡", "water"), ("ボスポラス海峡", "water"),
])
def test_seas_straits_gulfs(gaz, surface, kind):
    assert gaz.place(surface).kind == kind


def test_countries_have_coordinates(gaz):
    for iso in ("JPN", "SDN", "MMR", "HTI", "BRA", "AUS"):
        place = gaz.country_place(iso)
        assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize("a, b", [
    ("ヴォルィーニ州", "ボルィーニ州"), ("ハルキーウ", "ハルキウ"), ("ヴィーンヌィツャ", "ビーンヌィツャ"),
    ("ウィーン", "ウイーン"), ("ヴェネツィア", "ベネツィア"),
])
def test_katakana_variants_fold(a, b):
    assert surface_key(a) == surface_key(b)


def test_variant_lookup(gaz):
    assert gaz.place("ハルキーウ").id == gaz.place("ハルキウ").id
    assert gaz.place("ボルイニ州").id == "volyn_oblast"


@pytest.mark.parametrize("surface", ["タイ", "ゴマ", "チリ", "ハム", "コーチ"])
def test_common_words_are_guarded(gaz, surface):
    assert gaz.is_guarded(surface)


@pytest.mark.parametrize("surface", ["ハルツーム", "ロシア", "沖縄県", "日本海"])
def test_ordinary_names_are_not_guarded(gaz, surface):
    assert not gaz.is_guarded(surface)


@pytest.mark.parametrize("text, country, kind", [
    ("鹿児島県", "JPN", "admin1"), ("石垣島", "JPN", "region"), ("北キブ州", "COD", "admin1"),
    ("スーダン西部ダルフール", "SDN", "region"), ("東シナ海", None, "water"),
])
def test_normalised(gaz, text, country, kind):
    norm = normalize_place(text, gaz)
    assert (norm["country"], norm["kind"]) == (country, kind)


def test_generated_table_header_records_sources():
    head = (RULES_DIR / "world_places.tsv").read_text(encoding="utf-8").split("\nid\t")[0]
    assert "GeoNames" in head and "CC BY 4.0" in head and "pycountry" in head
    assert "build_world_places.py" in head


def test_bad_world_row_names_file_and_line(tmp_path):
    for name in ("actors.tsv", "places.tsv", "actor_heads.tsv", "titles.tsv",
                 "country_aliases.tsv"):
        (tmp_path / name).write_text((RULES_DIR / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "world_places.tsv").write_text(
        "id\tkind\tcountry\tname\tja\tlat\tlon\tadmin1\tsource\n"
        "geonames:1\tcity\tJPN\tX\tエックス\t95\t10\t-\tgeonames\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"world_places\.tsv:2: column lat"):
        load_gazetteer(tmp_path)


@pytest.mark.model
@pytest.mark.parametrize("text, expected, absent", [
    ("タイを焼いて食べた。", None, "タイ"),
    ("タイ東部で洪水が起きた。", "タイ東部", None),
    ("ゴマをすりつぶした。", None, "ゴマ"),
    ("コンゴ東部のゴマで戦闘が続く。", "ゴマ", None),
    ("ヴォルィーニ州で停電が起きた。", "ヴォルィーニ州", None),
    ("沖縄県の与那国島に部隊が配備された。", "与那国島", None),
])
def test_guard_in_context(ginza, text, expected, absent):
    from pipeline.tagging.names import NameTagger
    tagger = NameTagger(load_rules(RULES_DIR))
    spans = [text[m.start:m.end] for m in tagger(ginza(text)) if m.label == "PLACE"]
    if expected:
        assert expected in spans
    if absent:
        assert absent not in spans
