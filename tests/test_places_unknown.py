"""Unknown places take the country of the place written around them, else the article's
dominant country; persons take the country of a の-joined actor or place; X(ABC) binds both
to one id (pipeline/normalize/context.py). Texts are written for these tests."""
import pytest

from pipeline.normalize.stage import normalise
from pipeline.rules import load_rules


@pytest.fixture(scope="module")
def gaz():
    return load_rules()


def _run(text, spans, gaz):
    """spans: (surface, label) in text order; finds each after the previous one."""
    mentions, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        pos = start + len(surface)
        mentions.append({"label": label, "start": start, "end": pos, "wtext": surface,
                         "rule": "test", "hints": ()})
    return normalise(mentions, None, gaz, text)


@pytest.mark.parametrize("text, spans, index, country, kind", [
    # X の + unknown name with a suffix: X's country, the suffix's kind
    ("スーダンのダルフール地方にあるカブカビヤ町で戦闘があった。",
     [("ダルフール地方", "PLACE"), ("カブカビヤ町", "PLACE")], 1, "SDN", "city"),
    ("岐阜県のハルナ村は", [("岐阜県", "PLACE"), ("ハルナ村", "PLACE")], 1, "JPN", "village"),
    ("ミャンマー北部シャン州のナムサン郡区で", [("ミャンマー北部シャン州", "PLACE"),
                                   ("ナムサン郡区", "PLACE")], 1, "MMR", "admin2"),
    ("ハルキウ州のボルチャ空港で", [("ハルキウ州", "PLACE"), ("ボルチャ空港", "PLACE")], 1,
     "UKR", "facility"),
    # no place around it: the article's dominant country
    ("コンゴ民主共和国軍は声明を出した。ゴマ近郊のカリマ村で衝突があった。",
     [("コンゴ民主共和国軍", "ACTOR"), ("カリマ村", "PLACE")], 1, "COD", "village"),
    # the country written in the expression itself wins
    ("フィリピン・ゼンザ島で", [("フィリピン・ゼンザ島", "PLACE")], 0, "PHL", "region"),
])
def test_unknown_place_country(gaz, text, spans, index, country, kind):
    norm = _run(text, spans, gaz)[index]
    assert (norm["country"], norm["kind"]) == (country, kind)


def test_known_place_keeps_its_country(gaz):
    norms = _run("ロシアのハルツームで", [("ロシア", "PLACE"), ("ハルツーム", "PLACE")], gaz)
    assert norms[1]["country"] == "SDN"


@pytest.mark.parametrize("text, spans, index, country", [
    ("ミャンマーのトゥンミン報道官は", [("ミャンマー", "ACTOR"), ("トゥンミン報道官", "ACTOR")], 1, "MMR"),
    ("ダルフール地方のアダム知事が", [("ダルフール地方", "PLACE"), ("アダム知事", "ACTOR")], 1, "SDN"),
    # a later bare mention of the same person keeps the country
    ("ペルーのカスタニョ外相は述べた。カスタニョ外相はまた", [("ペルー", "ACTOR"),
     ("カスタニョ外相", "ACTOR"), ("カスタニョ外相", "ACTOR")], 2, "PER"),
])
def test_person_country_from_context(gaz, text, spans, index, country):
    assert _run(text, spans, gaz)[index]["country"] == country


def test_abbreviation_in_brackets_binds_to_one_id(gaz):
    norms = _run("アラカン軍(AA)は", [("アラカン軍", "ACTOR"), ("AA", "ACTOR")], gaz)
    assert norms[0]["id"] == norms[1]["id"] == "arakan_army"
    assert norms[1]["country"] == "MMR"


@pytest.mark.parametrize("surface, pid, country", [
    ("アラカン軍", "arakan_army", "MMR"), ("即応支援部隊", "rsf_sudan", "SDN"),
    ("中国海警局", "china_coast_guard", "CHN"), ("フィリピン沿岸警備隊", "philippine_coast_guard", "PHL"),
    ("ボコ・ハラム", "boko_haram", "NGA"), ("パキスタン・タリバン運動", "ttp", "PAK"),
    ("民族解放軍", "eln", "COL"), ("海上保安庁", "jcg", "JPN"),
])
def test_conflict_actors(gaz, surface, pid, country):
    actor = gaz.gazetteer.actor(surface)
    assert (actor.id, actor.country) == (pid, country)
