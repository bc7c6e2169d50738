"""Entities outside the seeds' war (issue 10): persons in general text, governments named by
their leader, classifiers before a name. Sentences are written for these tests, not taken from
the seed articles or the dev set."""
import pytest

import pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ex():
    return pipeline.load()


def entities(ex, text):
    return [(e["label"], e["text"], e["norm"]) for e in ex.extract(text).entities]


def find(ex, text, surface):
    found = [(label, norm) for label, t, norm in entities(ex, text) if t == surface]
    assert found, (surface, entities(ex, text))
    return found[0]


@pytest.mark.parametrize("text, name", [
    # an unlisted name found as a person is a person, not an unknown organisation
    ("同僚のマルコ・ベルナルディから独立を持ちかけられた。", "マルコ・ベルナルディ"),
    ("大会では山口智美が初優勝を果たした。", "山口智美"),
    # GiNZA's Person over a name the world table also lists as a town (Williams, Arizona)
    ("ウィリアムズは新しいエンジンを設計した。", "ウィリアムズ"),
])
def test_persons_in_general_text(ex, text, name):
    label, norm = find(ex, text, name)
    assert label == "ACTOR" and norm["kind"] == "person" and norm["id"] == f"person:{name}"


def test_kanji_names_joined_by_nakaguro_are_several_people(ex):
    text = "会合には田中一郎・佐藤次郎・鈴木三郎らが出席した。"
    got = [(label, t) for label, t, _ in entities(ex, text)]
    assert ("ACTOR", "田中一郎・佐藤次郎・鈴木三郎") not in got
    assert ("ACTOR", "田中一郎") in got and ("ACTOR", "佐藤次郎") in got


def test_katakana_names_joined_by_nakaguro_stay_one_person(ex):
    label, norm = find(ex, "ジョン・スミス氏が証言した。", "ジョン・スミス氏")
    assert norm["kind"] == "person"


@pytest.mark.parametrize("text, span, country", [
    ("シリアのアサド政権は反体制派と対立した。", "アサド政権", "SYR"),
    ("バイデン政権発足後、同盟国との協議が増えた。", "バイデン政権", "USA"),
    ("トランプ政権は新たな関税を発表した。", "トランプ政権", "USA"),
])
def test_government_named_by_its_leader_is_one_actor(ex, text, span, country):
    label, norm = find(ex, text, span)
    assert label == "ACTOR" and norm["kind"] == "government" and norm["country"] == country


@pytest.mark.parametrize("text, place", [
    ("首都キーウ中心部で爆発があった。", "キーウ"),
    ("州都ハルキウの近郊で戦闘が続いた。", "ハルキウ"),
])
def test_classifier_before_a_known_name_is_outside(ex, text, place):
    got = entities(ex, text)
    assert ("PLACE", place) in [(label, t) for label, t, _ in got]
    assert not any(t.startswith(("首都", "州都")) for _, t, _ in got)
