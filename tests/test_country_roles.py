"""Country and capital labels from the parse (SPEC §7, issue 10 item 1): the class of the word
a country depends on (rules/country_roles.tsv) and its case particle decide ACTOR or PLACE.
One row per construction; sentences are written for these tests."""
import pytest

from pipeline.rules import default_dir, load_rules
from pipeline.rules.country_roles import ROLE_CLASSES, load_country_roles

RULES_DIR = default_dir()

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def label(ginza):
    from pipeline.tagging.names import NameTagger
    tagger = NameTagger(load_rules(RULES_DIR))

    def run(text, surface):
        for m in tagger(ginza(text)):
            if text[m.start:m.end] == surface:
                return m.label
        return None
    return run


@pytest.mark.parametrize("construction, text, surface, expected", [
    # の + location noun: waters, airspace, base, facility, border, residents
    ("no+EEZ", "弾道ミサイルは中国の排他的経済水域に落下した。", "中国", "PLACE"),
    ("no+airspace", "爆撃機が韓国の領空に接近した。", "韓国", "PLACE"),
    ("no+base", "フィリピンの海軍基地に補給船が戻った。", "フィリピン", "PLACE"),
    ("no+facility", "ロシアの港湾施設が損傷した。", "ロシア", "PLACE"),
    ("no+residents", "ハルツームの住民が避難を始めた。", "ハルツーム", "PLACE"),
    ("no+border", "タイの国境付近で砲撃があった。", "タイ", "PLACE"),
    ("no+actor", "インドのモディ首相が演説した。", "インド", "ACTOR"),
    # へ/への/に destination, attack target
    ("he+motion", "政府は部隊をエストニアへ派遣した。", "エストニア", "PLACE"),
    ("heno+motion-noun", "フランスへの派遣団が出発した。", "フランス", "PLACE"),
    ("ni+motion", "兵士たちはポーランドに到着した。", "ポーランド", "PLACE"),
    ("ni+attack", "ミサイルがイスラエルに向けて発射された。", "イスラエル", "PLACE"),
    ("ni+aid", "日本はフィリピンに巡視船を供与した。", "フィリピン", "ACTOR"),
    ("heno+aid", "カナダへの支援を表明した。", "カナダ", "ACTOR"),
    # から origin
    ("kara+departure", "米軍はドイツから撤収した。", "ドイツ", "PLACE"),
    ("kara+statement", "中国から抗議があった。", "中国", "ACTOR"),
    # を + motion verb
    ("wo+motion", "大使はイラクを離れた。", "イラク", "PLACE"),
    ("wo+visit", "首相はベトナムを訪問した。", "ベトナム", "PLACE"),
    ("wo+political", "政府はイランを非難した。", "イラン", "ACTOR"),
    # 国境 partner
    ("to+border", "ベラルーシはポーランドと国境を接する。", "ポーランド", "PLACE"),
    ("tono+border", "ミャンマーとの国境に難民が集まった。", "ミャンマー", "PLACE"),
    ("to+party", "インドはパキスタンと停戦で合意した。", "パキスタン", "ACTOR"),
    # maker, leader, supporter
    ("sei", "トルコ製の無人機が使われた。", "トルコ", "ACTOR"),
    ("sei-compound", "北朝鮮製ミサイルが落下した。", "北朝鮮", "ACTOR"),
    ("shudo", "サウジアラビア主導の連合軍が空爆した。", "サウジアラビア", "ACTOR"),
    ("shin", "親イラン武装組織が攻撃した。", "イラン", "ACTOR"),
    # subject, agent
    ("ga", "フィリピンが抗議した。", "フィリピン", "ACTOR"),
    ("niyoru", "中国による威圧が続いている。", "中国", "ACTOR"),
    ("de", "スーダンで戦闘が続く。", "スーダン", "PLACE"),
])
def test_construction(label, construction, text, surface, expected):
    assert label(text, surface) == expected, construction


def test_every_role_class_has_words():
    roles = load_country_roles(RULES_DIR)
    for role in ROLE_CLASSES:
        assert roles.words.get(role), role


# --- contract v2 spans (SPEC §7, issue 10 item 5) -------------------------------------------
@pytest.fixture(scope="module")
def spans(ginza):
    from pipeline.tagging.names import NameTagger
    tagger = NameTagger(load_rules(RULES_DIR))

    def run(text):
        return [(text[m.start:m.end], m.label) for m in tagger(ginza(text))]
    return run


@pytest.mark.parametrize("text, expected, absent", [
    # abbreviation compounds: one state ACTOR per letter
    ("米中首脳会談が開かれた。", [("米", "ACTOR"), ("中", "ACTOR")], None),
    ("日韓両政府は合意した。", [("日", "ACTOR"), ("韓", "ACTOR")], None),
    ("印パ両国が停戦した。", [("印", "ACTOR"), ("パ", "ACTOR")], None),
    ("日中は気温が上がった。", [], "日"),
    # a person's whole name-and-title chain
    ("バイデン米大統領が演説した。", [("バイデン米大統領", "ACTOR")], None),
    ("ブリンケン米国務長官は訪問を終えた。", [("ブリンケン米国務長官", "ACTOR")], None),
    # credit lines and datelines: outlet ACTOR, city PLACE, reporter nothing
    ("【マニラ共同】フィリピン政府は抗議した。", [("マニラ", "PLACE"), ("共同", "ACTOR")], None),
    ("【ソウル時事】韓国軍は発表した。", [("ソウル", "PLACE"), ("時事", "ACTOR")], None),
    ("写真は港の様子(ロイター=共同)", [("ロイター", "ACTOR"), ("共同", "ACTOR")], None),
    ("【ハノイ山田太郎】ベトナム政府は", [("ハノイ", "PLACE")], "山田太郎"),
    # outside a credit line 共同 is a common word
    ("両国は共同声明を出した。", [], "共同"),
])
def test_v2_spans(spans, text, expected, absent):
    got = spans(text)
    for item in expected:
        assert item in got, (text, got)
    if absent:
        assert all(s != absent for s, _ in got), (text, got)
