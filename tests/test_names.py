"""ACTOR/PLACE tagging from GiNZA tokens and the parse (pipeline/tagging/names.py).
Sentences are written for these tests, not taken from the seed articles."""
import pytest

from pipeline.rules import default_dir, load_rules, RuleError

RULES_DIR = default_dir()
from pipeline.rules.place_parts import load_place_parts
from pipeline.tagging.names import NameTagger

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def tag(ginza):
    tagger = NameTagger(load_rules(RULES_DIR))

    def run(text):
        doc = ginza(text)
        return [(text[m.start:m.end], m.label) for m in tagger(doc)]
    return run


@pytest.mark.parametrize("text, expected", [
    # any nationality + head noun, including countries no dictionary row lists as an actor
    ("ベラルーシ軍が国境付近で演習を行った。", ("ベラルーシ軍", "ACTOR")),
    ("イラン外務省は声明を出した。", ("イラン外務省", "ACTOR")),
    ("フィンランド政府は決定を発表した。", ("フィンランド政府", "ACTOR")),
    ("米トランプ政権は制裁を科した。", ("米トランプ政権", "ACTOR")),
    # names with titles, before or after, katakana or kanji
    ("ルッテ事務総長は記者会見で語った。", ("ルッテ事務総長", "ACTOR")),
    ("ポーランド大統領ナヴロツキは訪問を終えた。", ("ポーランド大統領ナヴロツキ", "ACTOR")),
    ("石破茂首相は会談に臨んだ。", ("石破茂首相", "ACTOR")),
    ("ジョン・スミス氏が証言した。", ("ジョン・スミス氏", "ACTOR")),
    # numbered units
    ("第47機械化旅団が反撃した。", ("第47機械化旅団", "ACTOR")),
    # places with suffixes and maximal expressions
    ("ウクライナ南部ヘルソン州で砲撃があった。", ("ウクライナ南部ヘルソン州", "PLACE")),
    ("東部ルハンシク州の前線は膠着している。", ("東部ルハンシク州", "PLACE")),
    ("ロシア・ベルゴロド州に無人機が飛来した。", ("ロシア・ベルゴロド州", "PLACE")),
    ("オデーサ市で停電が起きた。", ("オデーサ市", "PLACE")),
    # outlets with a country classifier
    ("米紙ニューヨーク・タイムズが報じた。", ("米紙ニューヨーク・タイムズ", "ACTOR")),
])
def test_spans(tag, text, expected):
    assert expected in tag(text)


@pytest.mark.parametrize("text, country, label", [
    ("ポーランドは追加の支援を表明した。", "ポーランド", "ACTOR"),          # topic, acts
    ("ポーランドが部隊を送った。", "ポーランド", "ACTOR"),                  # subject
    ("トルコによる仲介が続いた。", "トルコ", "ACTOR"),                     # による agent
    ("イランの関与が疑われている。", "イラン", "ACTOR"),                    # の + action noun
    ("フランスと英国は合意した。", "フランス", "ACTOR"),                   # と-coordinated parties
    ("部隊はベラルーシに移動した。", "ベラルーシ", "PLACE"),                # に + movement verb
    ("兵士がモルドバで訓練を受けた。", "モルドバ", "PLACE"),                # で location
    ("ジョージアの領土に侵入した。", "ジョージア", "PLACE"),                # の + relational noun
    ("インドに武器を供与した。", "インド", "ACTOR"),                      # に + aid verb: recipient
    ("首相はドイツを訪問した。", "ドイツ", "PLACE"),                     # を + locative verb
    ("シリア内戦の影響は大きい。", "シリア", "PLACE"),                    # inside a compound
])
def test_country_as_actor_or_place(tag, text, country, label):
    assert (country, label) in tag(text)


@pytest.mark.parametrize("text, absent", [
    ("札幌オリンピックが開かれた。", "札幌"),           # a city inside an event name
    ("兵士たちは前線に戻った。", "兵士"),               # generic noun, no nationality
    ("当局者は詳細を明らかにしなかった。", "当局者"),
])
def test_not_tagged(tag, text, absent):
    assert all(span != absent for span, _ in tag(text))


def test_spans_never_overlap(tag):
    found = tag("ロシア西部クルスク州でウクライナ軍と北朝鮮兵が交戦したとゼレンスキー大統領が述べた。")
    text = "ロシア西部クルスク州でウクライナ軍と北朝鮮兵が交戦したとゼレンスキー大統領が述べた。"
    spans = sorted((text.index(s), text.index(s) + len(s)) for s, _ in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_place_parts_are_validated(tmp_path):
    (tmp_path / "place_parts.tsv").write_text("word\trole\tkind\n州\tsuffix\tprovince\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"place_parts.tsv:2: column kind"):
        load_place_parts(tmp_path)


@pytest.mark.parametrize("row, fragment", [
    ("X\tsuffix\t-\n", "a place kind for suffix"),
    ("東部\ttrailing\tcity\n", "'-' for the others"),
])
def test_place_part_kinds_are_checked(tmp_path, row, fragment):
    import shutil
    shutil.copy(RULES_DIR / "directions.tsv", tmp_path / "directions.tsv")
    body = (RULES_DIR / "place_parts.tsv").read_text(encoding="utf-8") + row
    (tmp_path / "place_parts.tsv").write_text(body, encoding="utf-8")
    with pytest.raises(RuleError, match=fragment):
        load_place_parts(tmp_path)


def test_direction_names_must_be_directions(tmp_path):
    import shutil
    shutil.copy(RULES_DIR / "place_parts.tsv", tmp_path / "place_parts.tsv")
    (tmp_path / "directions.tsv").write_text("word\tslug\tadjective\n奥地\tinland\tInland\n",
                                             encoding="utf-8")
    with pytest.raises(RuleError, match=r"directions.tsv:2: column word"):
        load_place_parts(tmp_path)
