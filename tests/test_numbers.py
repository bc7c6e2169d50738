"""NUMBER normaliser (pure) and tagger (GiNZA, marked `model`): SPEC §4, GUIDELINES §4."""
from pathlib import Path

import shutil

import pytest

from pipeline.normalize.numbers import normalize_number as _normalize_number
from pipeline.rules.numbers import load_number_rules
from pipeline.rules import default_dir, load_rules, RuleError

RULES_DIR = default_dir()


def normalize_number(text, after="", before=""):
    return _normalize_number(text, load_rules(RULES_DIR).numbers, after=after, before=before)


def norm(value=None, min=None, max=None, unit="人", approx=False):
    return {"value": value, "min": min, "max": max, "unit": unit, "approx": approx}


# (span text, detached qualifier after it, expected norm)
NORMALISER_CASES = [
    # GUIDELINES §4 span examples
    ("約5万人", "", norm(50000, approx=True)),
    ("最大3万人", "", norm(30000, max=30000)),
    ("1万1000人", "", norm(11000)),
    ("3千人", "", norm(3000)),
    ("100名以上", "", norm(100, min=100, unit="名")),
    ("約400-500人", "", norm(None, 400, 500, approx=True)),
    ("1,500 人", "", norm(1500)),
    ("300 万発以上", "", norm(3000000, min=3000000, unit="発")),
    ("約 25 億ドル", "", norm(2500000000, unit="ドル", approx=True)),
    ("2,356km2", "", norm(2356, unit="km2")),
    ("約20%", "", norm(20, unit="%", approx=True)),
    ("3倍", "", norm(3, unit="倍")),
    ("3波", "", norm(3, unit="波")),
    ("最大1個大隊", "", norm(1, max=1, unit="大隊")),
    ("5 項目", "", norm(5, unit="項目")),
    ("1個大隊", "", norm(1, unit="大隊")),
    # GUIDELINES §4 detached qualifiers
    ("2000人", "を超える", norm(2000, min=2000)),
    ("95万人", "を超えている", norm(950000, min=950000)),
    ("3000人", "を超えた", norm(3000, min=3000)),
    ("200人", "を超え", norm(200, min=200)),
    ("408人", "に達した", norm(408)),
    ("数百人", "", norm(None, 200, 900, approx=True)),
    ("数百万発", "", norm(None, 2000000, 9000000, unit="発", approx=True)),
    # SPEC §4
    ("4千人", "", norm(4000)),
    ("654億ドル", "", norm(65400000000, unit="ドル")),
    ("1000～3000人", "", norm(None, 1000, 3000)),
    ("8000〜1万人", "", norm(None, 8000, 10000)),
    ("およそ600人", "", norm(600, approx=True)),
    ("500人程度", "", norm(500, approx=True)),
    ("2000人ほど", "", norm(2000, approx=True)),
    ("1万人前後", "", norm(10000, approx=True)),
    ("700人近く", "", norm(700, approx=True)),
    ("10万人超", "", norm(100000, min=100000)),
    ("少なくとも40人", "", norm(40, min=40)),
    ("300人余り", "", norm(300, min=300)),
    ("50人以下", "", norm(50, max=50)),
    ("100人未満", "", norm(100, max=100)),
    ("数十人", "", norm(None, 20, 90, approx=True)),
    ("数千人", "", norm(None, 2000, 9000, approx=True)),
    ("数万人", "", norm(None, 20000, 90000, approx=True)),
    # kanji numerals, full-width digits, decimals, units
    ("二十人", "", norm(20)),
    ("三百五十発", "", norm(350, unit="発")),
    ("１２，０００人", "", norm(12000)),
    ("2.5万人", "", norm(25000)),
    ("4.6億ドル", "", norm(460000000, unit="ドル")),
    ("1.5倍", "", norm(1.5, unit="倍")),
    ("約3.7%", "", norm(3.7, unit="%", approx=True)),
    ("10平方キロ", "", norm(10, unit="km2")),
    ("40パーセント", "", norm(40, unit="%")),
    ("5億米ドル", "", norm(500000000, unit="ドル")),
    ("2個旅団", "", norm(2, unit="旅団")),
    ("12カ国", "", norm(12, unit="カ国")),
    ("6か国", "", norm(6, unit="カ国")),
    ("120発", "", norm(120, unit="発")),
    ("3匹", "", norm(3, unit="匹")),          # a counter missing from counters.tsv: as written
    # ranges, vague amounts, stacked qualifiers
    ("3～5万人", "", norm(None, 30000, 50000)),
    ("1000人~3000人", "", norm(None, 1000, 3000)),
    ("十数人", "", norm(None, 12, 19, approx=True)),
    ("数十万人", "", norm(None, 200000, 900000, approx=True)),
    ("数千人以上", "", norm(None, min=2000, approx=True)),
    ("最大約3万人", "", norm(30000, max=30000, approx=True)),
    ("1000余人", "", norm(1000, min=1000)),
    ("1000余り", "", norm(1000, min=1000, unit="")),        # bare number: unit ""
    ("1000人弱", "", norm(1000, max=1000, approx=True)),
    ("500人", "を上回った", norm(500, min=500)),
    ("500人", "を下回った", norm(500, max=500)),
    ("1000人", "が死亡した", norm(1000)),    # not a qualifier: ignored
]


@pytest.mark.parametrize("text, after, expected", NORMALISER_CASES,
                         ids=[f"{c[0]}{c[1]}" for c in NORMALISER_CASES])
def test_normalize_number(text, after, expected):
    assert normalize_number(text, after) == expected


def test_detached_qualifier_before_the_span():
    assert normalize_number("3万人", before="最大で") == norm(30000, max=30000)
    assert normalize_number("3万人", "に上る", "最大で") == norm(30000, max=30000)


@pytest.mark.parametrize("text, kind", [("2.5万人", int), ("1万1000人", int), ("1.5倍", float),
                                        ("4千人", int)])
def test_whole_numbers_are_ints(text, kind):
    assert type(normalize_number(text)["value"]) is kind


NOT_NUMBERS = [
    "30日間", "7カ月間", "20 か月", "1 週間", "3年以上", "1日", "2024年", "10時30分",  # DATE
    "88歳", "19才",                                                                    # ages
    "第155", "2 期目", "3番目", "3人目", "2回目",                                          # ordinals
    "155mm砲弾", "105mm", "120ミリ",                                                     # calibres
    "一度", "一部", "一方", "一段と", "一時", "一帯", "一般",                                # lexical
    "", "兵士", "S-400", "1.2.3人", "数1000人", "100人兵士", "1000人~3000名",           # malformed
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number_raises(text):
    with pytest.raises(ValueError):
        normalize_number(text)


# --- rule files ---------------------------------------------------------------------------

def _rules_copy(tmp_path: Path, name: str, extra: str) -> Path:
    for f in ("counters.tsv", "qualifiers.tsv"):
        (tmp_path / f).write_text((RULES_DIR / f).read_text(encoding="utf-8"), encoding="utf-8")
    with open(tmp_path / name, "a", encoding="utf-8") as fh:
        fh.write(extra)
    return tmp_path


def test_shipped_rules_load():
    rules = load_number_rules(RULES_DIR)
    assert rules.by_surface["個大隊"].unit == "大隊"
    assert "一部" in rules.lexical


@pytest.mark.parametrize("name, extra, message", [
    ("counters.tsv", "隻\t隻\tcount\n", "already on line"),
    ("counters.tsv", "x\tx\tweird\n", "column kind"),
    ("counters.tsv", "-\tx\tcount\n", "unit must be '-'"),
    ("counters.tsv", "人\t人|\tcount\n", "empty alternative"),
    ("qualifiers.tsv", "約\tprefix\tapprox\n", "already on line"),
    ("qualifiers.tsv", "人\tsuffix\tmin\n", "also a counter"),
    ("qualifiers.tsv", "やく\tprefix\tfuzzy\n", "column effects"),
    ("qualifiers.tsv", "に迫\tafter\tmin|reject\n", "reject stands alone"),
])
def test_bad_rules_name_file_and_line(tmp_path, name, extra, message):
    rules_dir = _rules_copy(tmp_path, name, extra)
    last_line = len((rules_dir / name).read_text(encoding="utf-8").splitlines())
    with pytest.raises(RuleError, match=rf"{name}:{last_line}: .*{message}"):
        load_number_rules(rules_dir)


# --- tagger -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tagger():
    from pipeline.tagging.numbers import NumberTagger
    return NumberTagger(load_rules(RULES_DIR))


def _spans(ginza, tagger, sentence):
    doc = ginza(sentence)
    return [doc.text[m.start:m.end] for m in tagger(doc)]


# Sentences are working copies: full-width folded, no spaces between digits and CJK.
TAGGER_CASES = [
    ("ロシア国防省は、ウクライナ軍が過去24時間で約1,200人の兵士を失ったと発表した。",
     ["約1,200人"]),                                            # 24時間: duration
    ("米国は2025年3月に総額約30億ドルの追加支援を発表した。", ["約30億ドル"]),  # date
    ("北朝鮮は少なくとも2個旅団、計1万5000人余りを派遣したとみられる。",
     ["少なくとも2個旅団", "1万5000人余り"]),
    ("第92旅団は3日、ドローン攻撃で兵士20名が負傷したと発表した。", ["20名"]),  # 第92, 3日
    ("本報告は両国の協力関係を扱う1。北朝鮮は数千人規模の部隊を派遣した2。",
     ["数千人"]),                                               # footnote markers
    ("同国は155mm砲弾を10万発以上供与した。", ["10万発以上"]),       # calibre in a name
    ("155mmおよび105mm砲弾の在庫が尽きた。", []),
    ("一部の部隊は一時撤退したが、一方で一段と攻勢を強め、一度に3波の攻撃を仕掛けた。",
     ["3波"]),                                                  # lexicalised words
    ("42歳の司令官と19歳の兵士2人が捕虜になった。", ["2人"]),        # ages
    ("2期目のトランプ政権は3回目の協議で停戦案を示した。", []),      # ordinals
    ("派遣規模は1万~1万2000人と推計されている。", ["1万~1万2000人"]),
    ("ロシア軍は4月以降、およそ300km2の領土を制圧した。", ["およそ300km2"]),
    ("北緯38度線付近で2発のミサイルが発射された。", ["2発"]),          # 38度線: a name
    ("新型の300km射程ミサイルと、射程約500kmの旧型が配備された。", ["約500km"]),
    ("支持率は約35%に低下し、前月比で2ポイント下がった。", ["約35%", "2ポイント"]),
    ("兵士二十人と戦車三両が残された。", ["二十人", "三両"]),
    ("記事はhttps://example.jp/a/00m/030/に掲載された。", []),       # identifier
    ("部隊にはMiG-29 2機と輸送機3機が配備された。", ["2機", "3機"]),
    ("この戦闘で数百人が死亡し、数十万発の砲弾が使われた。", ["数百人", "数十万発"]),
    ("歩兵約400-500人からなる1個大隊が壊滅した。", ["約400-500人", "1個大隊"]),
    ("1日に2000人が死傷している。", ["2000人"]),                     # 1日: a rate, DATE
    ("国連は約5,000人の避難民と1,000人の負傷者を確認した。", ["約5,000人", "1,000人"]),
]


@pytest.mark.model
@pytest.mark.parametrize("sentence, expected", TAGGER_CASES, ids=[c[0][:18] for c in TAGGER_CASES])
def test_tagger_spans(ginza, tagger, sentence, expected):
    assert _spans(ginza, tagger, sentence) == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, span, key, starts", [
    ("死傷者は累計で1万人を超えた。", "1万人", "after", "を超え"),
    ("北朝鮮軍の死傷者が3000人を超えると伝えた。", "3000人", "after", "を超え"),
    ("死者は既に500人に達した。", "500人", "after", "に達"),
    ("増援は最大で5万人に上る見通しだ。", "5万人", "before", "最大で"),
])
def test_tagger_detached_qualifier_hints(ginza, tagger, sentence, span, key, starts):
    doc = ginza(sentence)
    (m,) = tagger(doc)
    assert doc.text[m.start:m.end] == span
    assert dict(m.hints)[key].startswith(starts)


@pytest.mark.model
def test_negated_detached_qualifier_gives_no_bound(ginza, tagger):
    doc = ginza("参加者は1000人を超えなかった。")
    (m,) = tagger(doc)
    assert doc.text[m.start:m.end] == "1000人" and "after" not in dict(m.hints)


@pytest.mark.model
def test_mentions_are_numbers_on_token_boundaries_and_normalise(ginza, tagger):
    doc = ginza("ウクライナは約1万1000人の北朝鮮兵が300万発以上の砲弾と共に展開し、"
                "死傷者は3000人を超えたと主張した。")
    mentions = tagger(doc)
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    assert [doc.text[m.start:m.end] for m in mentions] == ["約1万1000人", "300万発以上", "3000人"]
    for m in mentions:
        assert m.label == "NUMBER" and m.rule.startswith("number.")
        assert m.start in starts and m.end in ends
    norms = [normalize_number(doc.text[m.start:m.end], **dict(m.hints)) for m in mentions]
    assert norms == [norm(11000, approx=True), norm(3000000, min=3000000, unit="発"),
                     norm(3000, min=3000)]


@pytest.mark.model
def test_tokeniser_glued_su_is_trimmed(ginza, tagger):
    # GiNZA splits 死者数1000人 as 数100|0|人; the NUMBER must not start with 数.
    assert _spans(ginza, tagger, "同国の死者数1000人を確認した。") == ["1000人"]


def test_bad_rules_fail_when_the_bundle_is_loaded(tmp_path):
    rules_dir = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules_dir)
    with open(rules_dir / "counters.tsv", "a", encoding="utf-8") as fh:
        fh.write("人\t人\tcount\n")
    with pytest.raises(RuleError, match="counters.tsv:"):
        load_rules(rules_dir)
