"""The Matcher prefilter (pipeline.tagging.prefilter) finds exactly the matches of the plain
Matcher: on hand-built Docs with patterns of every kind it understands, and on sentences run
through the DATE tagger."""
import random

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.tagging.prefilter import PrefilteredMatcher

PATTERNS = {
    "date": [[{"TEXT": {"REGEX": "^[0-9]+$"}}, {"ORTH": "月"}, {"TEXT": {"REGEX": "^[0-9]+$"}, "OP": "?"},
              {"ORTH": "日", "OP": "?"}]],
    "ctx": [[{"ORTH": {"IN": ["、", "の"]}}, {"ORTH": "未明"}, {"POS": {"IN": ["ADP", "PUNCT"]}}]],
    "num": [[{"TAG": "名詞-数詞"}, {"ORTH": {"IN": ["人", "機"]}}]],
    "opt": [[{"ORTH": "約", "OP": "?"}, {"ORTH": "数", "OP": "?"}]],          # no required token
    "plus": [[{"ORTH": "昨日"}, {"POS": "ADP", "OP": "+"}]],
}
WORDS = [("3", "名詞-数詞", "NUM"), ("月", "名詞-普通名詞-助数詞可能", "NOUN"), ("日", "接尾辞-名詞的-助数詞", "NOUN"),
         ("、", "補助記号-読点", "PUNCT"), ("の", "助詞-格助詞", "ADP"), ("未明", "名詞-普通名詞-副詞可能", "NOUN"),
         ("に", "助詞-格助詞", "ADP"), ("人", "接尾辞-名詞的-助数詞", "NOUN"), ("約", "接頭辞", "NOUN"),
         ("数", "名詞-数詞", "NUM"), ("昨日", "名詞-普通名詞-副詞可能", "NOUN"), ("攻撃", "名詞-普通名詞-サ変可能", "NOUN"),
         ("し", "動詞-非自立可能", "AUX"), ("た", "助動詞", "AUX"), ("12", "名詞-数詞", "NUM"), ("機", "接尾辞-名詞的-助数詞", "NOUN")]


def _matchers(patterns, grouped=False, memo=False):
    matcher = Matcher(Vocab())
    for key, pats in patterns.items():
        matcher.add(key, pats)
    return matcher, PrefilteredMatcher([(k, p) for k, ps in patterns.items() for p in ps],
                                       grouped=grouped, memo=memo)


def _doc(vocab, rows):
    return Doc(vocab, words=[w for w, _, _ in rows], tags=[t for _, t, _ in rows],
               pos=[p for _, _, p in rows], spaces=[False] * len(rows))


@pytest.mark.parametrize("grouped,memo", [(False, False), (True, False), (False, True), (True, True)])
def test_same_matches_as_the_matcher_on_random_docs(grouped, memo):
    matcher, pre = _matchers(PATTERNS, grouped, memo)
    rnd = random.Random(14)
    for n in range(300):
        doc = _doc(matcher.vocab, [rnd.choice(WORDS) for _ in range(rnd.randint(0, 25))])
        if grouped:
            assert sorted(pre(doc)) == sorted(matcher(doc)), doc.text
        else:
            assert pre(doc) == matcher(doc), doc.text          # the Matcher's order too


def test_skips_the_tokens_that_cannot_match():
    matcher, pre = _matchers({"date": PATTERNS["date"]})
    doc = _doc(matcher.vocab, [WORDS[i] for i in (11, 12, 13, 0, 1, 14, 2, 11, 12, 13)])  # 攻撃した3月12日攻撃した
    assert [s[:2] for s in pre.spans(doc)] == [(3, 7)]
    assert sorted(pre(doc)) == sorted(matcher(doc)) != []
    assert pre.spans(_doc(matcher.vocab, [WORDS[i] for i in (11, 12, 13)])) == []


def test_a_remembered_answer_never_hides_missing_annotation():
    patterns = {"n": [[{"ORTH": "12"}, {"ORTH": "人"}, {"TAG": "接尾辞", "OP": "?"}]]}
    matcher, pre = _matchers(patterns, memo=True)
    partly = Doc(matcher.vocab, words=["攻撃", "12", "人"], tags=["名詞", "", ""])   # 12人 untagged
    assert pre(partly) == matcher(partly) != []
    bare = Doc(matcher.vocab, words=["12", "人"])             # the same tokens, no tag at all
    with pytest.raises(ValueError):
        matcher(bare)
    with pytest.raises(ValueError):
        pre(bare)


def test_an_unsupported_operator_lets_the_whole_doc_through():
    matcher, pre = _matchers({"neg": [[{"ORTH": "月"}, {"ORTH": "日", "OP": "!"}]]})
    doc = _doc(matcher.vocab, [WORDS[i] for i in (11, 1, 11)])
    assert [s[:2] for s in pre.spans(doc)] == [(0, 3)] and sorted(pre(doc)) == sorted(matcher(doc))


SENTENCES = [
    "ロシア軍は2025年3月13日(木)17時27分、東部ドネツク州を攻撃した。",
    "11月21日、未明の攻撃で3人が死亡した。同日夜にも攻撃があった。",
    "今日では5年目に入り、3分の1が失われた。令和-3年は年ではない。",
    "昨年度から約2、3日おきに1日に数十回の攻撃が続き、数カ月以内に終わる見通しだ。",
    "2024/12/04の発表によると、第3四半期と2025年Q1、1990年代、21世紀にも触れた。",
    "来月末まで、先週の土曜日、夜間訓練は午前9時から午後3時半まで続いた。",
    "images/2025/07/10/photo.jpg は日付ではない。12:30に到着した。",
]


@pytest.fixture(scope="module")
def nlp():
    from pipeline.parse.build import build
    from pipeline.rules import load_rules
    return build(load_rules(), events=False)


@pytest.mark.model
def test_date_tagger_prefilter_keeps_every_match(nlp):
    tagger = nlp.get_pipe("ja_dates").tagger
    found = 0
    for doc in nlp.pipe(SENTENCES):
        full = sorted(tagger.matcher(doc))
        assert sorted(tagger.find(doc)) == full, doc.text
        found += len(full)
    assert found > 20


NUMBER_SENTENCES = [
    "約5万人が避難し、300万発以上の砲弾と8000~1万人の兵士、数千人の市民が残った。",
    "第3波で3人目の死者が出た。155mm砲と300km射程のミサイル、38度線、MiG-29 2機。",
    "最大で3万人、2000人を超える兵士、一度に十人、約400-500人、死者数1000人。",
]


@pytest.mark.model
def test_number_tagger_prefilter_keeps_every_match(nlp):
    tagger = nlp.get_pipe("ja_numbers").tagger
    found = 0
    for doc in nlp.pipe(NUMBER_SENTENCES + SENTENCES):
        full = tagger.matcher(doc)
        assert tagger.find(doc) == full, doc.text            # in the Matcher's order too
        found += len(full)
    assert found > 15
