"""DATE tagging and normalisation (SPEC §4 DATE, GUIDELINES §5)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.normalize.dates import normalize_date as _normalize_date, resolve_dates as _resolve_dates
from pipeline.rules.date_patterns import load_date_patterns
from pipeline.rules.date_words import load_date_words
from pipeline.rules import default_dir, load_rules, RuleError

RULES_DIR = default_dir()
WORDS = load_rules(RULES_DIR).date_words


def normalize_date(*args, **kwargs):
    return _normalize_date(*args, words=WORDS, **kwargs)


def resolve_dates(*args, **kwargs):
    return _resolve_dates(*args, words=WORDS, **kwargs)
from pipeline.tagging.dates import DateTagger
from pipeline.prepare.textnorm import fold

D, T, P = "DATE", "TIME", "DURATION"


# --- one expression ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, dct, kind, value, mod", [
    # SPEC §4 DATE
    ("2024年8月", None, D, "2024-08", None),
    ("2024年", None, D, "2024", None),
    ("2024年11月23日", None, D, "2024-11-23", None),
    ("6月3日", None, D, "XXXX-06-03", None),
    ("2025年3月13日(木)17時27分", None, T, "2025-03-13T17:27", None),
    ("2025年3月13日（木）17時27分", None, T, "2025-03-13T17:27", None),
    ("7カ月間", None, P, "P7M", None),
    ("昨年8月", "2025-03-13", D, "2024-08", None),
    ("今年5月", "2025-07-10", D, "2025-05", None),
    ("先月", "2025-01-15", D, "2024-12", None),
    ("きのう", "2025-03-01", D, "2025-02-28", None),
    ("4日", "2025-03-13", D, "2025-03-04", None),
    ("2024年10~12月", None, D, "2024-10..2024-12", None),
    ("2024 年 10～12 月", None, D, "2024-10..2024-12", None),   # PDF spacing, full-width tilde
    ("2024年12月上旬", None, D, "2024-12", "START"),
    ("11月前半", None, D, "XXXX-11", "START"),
    ("2025年初め", None, D, "2025", "START"),
    ("7月中旬", None, D, "XXXX-07", "MID"),
    ("8月下旬", None, D, "XXXX-08", "END"),
    ("2024年後半", None, D, "2024", "END"),
    ("9月末", None, D, "XXXX-09", "END"),
    ("6月頃", None, D, "XXXX-06", "APPROX"),
    # GUIDELINES §5
    ("昨年11月", None, D, "XXXX-11", None),
    ("昨年11月", "2025-07-10", D, "2024-11", None),
    ("30日間", None, P, "P30D", None),
    ("20 か月", None, P, "P20M", None),
    ("1 週間", None, P, "P1W", None),
    ("3年以上", None, P, "P3Y", "MORE_THAN"),
    ("ここ数日", None, P, "PXD", None),
    ("数カ月", None, P, "PXM", None),
    ("2024/12/04", None, D, "2024-12-04", None),
    ("2026-02-11", None, D, "2026-02-11", None),
    ("17時27分", None, T, "T17:27", None),
    ("同日午後", "2024-11-21", T, "2024-11-21TAF", None),
    ("5日朝", "2024-11-21", T, "2024-11-05TMO", None),
    ("12日正午", None, T, "XXXX-XX-12TMI", None),
    ("6日夕方", None, T, "XXXX-XX-06TEV", None),
    ("6日未明", None, T, "XXXX-XX-06TNI", None),
    ("同日深夜", "2024-11-21", T, "2024-11-21TNI", None),
    ("3日午前", None, T, "XXXX-XX-03TMO", None),
    ("4日昼", None, T, "XXXX-XX-04TMI", None),
    ("7日夜", None, T, "XXXX-XX-07TNI", None),
    ("7日夜間", None, T, "XXXX-XX-07TNI", None),
    ("27 日", "2024-11-25", D, "2024-11-27", None),
    # kanji and full-width numerals, other notations
    ("二〇二四年十月三日", None, D, "2024-10-03", None),
    ("十一月", None, D, "XXXX-11", None),
    ("三年間", None, P, "P3Y", None),
    ("２０２４年１２月", None, D, "2024-12", None),
    ("令和6年4月1日", None, D, "2024-04-01", None),
    ("2024.12.4", None, D, "2024-12-04", None),
    ("7/18", None, D, "XXXX-07-18", None),
    ("24年2月", None, D, "2024-02", None),
    ("午後3時", None, T, "T15:00", None),
    ("午前0時30分", None, T, "T00:30", None),
    ("夜10時", None, T, "T22:00", None),
    ("4日午後3時半", None, T, "XXXX-XX-04T15:30", None),
    ("10月1~3日", None, D, "XXXX-10-01..XXXX-10-03", None),
    ("2022~2024年", None, D, "2022..2024", None),
    ("2~3年", None, P, "P2Y..P3Y", None),
    ("1年2カ月", None, P, "P1Y2M", None),
    ("約3年", None, P, "P3Y", "APPROX"),
    ("1年半", None, P, "P1.5Y", None),
    ("半年", None, P, "P0.5Y", None),
    ("24時間", None, P, "PT24H", None),
    ("100日", None, P, "P100D", None),
    ("10日以上", None, P, "P10D", "MORE_THAN"),
    ("2024年春", None, D, "2024-SP", None),
    ("昨秋", "2025-03-13", D, "2024-FA", None),
    ("2025年第1四半期", None, D, "2025-Q1", None),
    ("2024年度", None, D, "FY2024", None),
    ("今年度", "2025-02-10", D, "FY2024", None),
    ("21世紀", None, D, "20XX", None),
    ("先週", "2025-03-13", D, "2025-W10", None),
    ("月曜日", None, D, "XXXX-WXX-1", None),
    # N前 / N後 stay durations (seed gold, ja-timex)
    ("3日前", "2025-03-13", P, "P3D", "BEFORE"),
    ("2年以上前", None, P, "P2Y", "MORE_THAN"),
    ("およそ1カ月前", "2025-07-10", P, "P1M", "APPROX"),
    ("1年ほど前", None, P, "P1Y", "APPROX"),
    ("数日前", "2025-03-13", P, "PXD", "BEFORE"),
    ("2時間後", None, P, "PT2H", "AFTER"),
    ("一昨年", "2025-03-13", D, "2023", None),
    ("2月29日", "2024-05-01", D, "2024-02-29", None),
    ("1990年代", None, D, "199X", None),
    ("1999年8月20日-8月22日", None, D, "1999-08-20..1999-08-22", None),
    ("90年代後半", None, D, "199X", "END"),
    ("2、3日", None, P, "P2D..P3D", None),
    ("今月末", "2025-03-13", D, "2025-03", "END"),
    ("2024/12/04 17:27", None, T, "2024-12-04T17:27", None),
    ("令和元年", None, D, "2019", None),
    ("同夜", "2024-11-21", T, "2024-11-21TNI", None),
])
def test_normalize_date(text, dct, kind, value, mod):
    assert normalize_date(text, dct=dct) == {"type": kind, "value": value, "mod": mod}


@pytest.mark.parametrize("text", [
    "2期目", "当初", "今後", "現在", "これまで", "最近", "1.2", "13/13", "155", "第155",
    "令和0年", "30時", "23時59秒", "2月30日", "13月", "深夜", "今朝", "春", "Q5", "1年3時間",
    "3日10時間", "32年度",
])
def test_not_a_date(text):
    assert normalize_date(text) is None


def test_anchor_argument_fills_missing_parts():
    anchor = {"type": "DATE", "value": "2024-11-21", "mod": None}
    assert normalize_date("同日", anchor=anchor)["value"] == "2024-11-21"
    assert normalize_date("27日", anchor=anchor)["value"] == "2024-11-27"
    assert normalize_date("翌月", anchor=anchor)["value"] == "2024-12"
    assert normalize_date("前日", anchor=anchor, dct="2025-01-01")["value"] == "2024-11-20"


@pytest.mark.parametrize("hints, value, mod", [
    ((("mod", "LESS_THAN"),), "PXM", "LESS_THAN"),
    ((), "PXM", None),
])
def test_hint_mod_applies_when_span_has_none(hints, value, mod):
    assert normalize_date("数カ月", hints=hints) == {"type": P, "value": value, "mod": mod}


def test_rate_hint_makes_a_day_a_duration():
    assert normalize_date("1日", hints=(("type", "DURATION"),))["value"] == "P1D"
    assert normalize_date("1日")["value"] == "XXXX-XX-01"


# --- a document's sequence ----------------------------------------------------------------------
@pytest.mark.parametrize("texts, dct, values", [
    # anaphoric → the nearest preceding date; deictic → the dct
    (["昨年11月", "6月3日", "同日", "4日", "今年5月", "先月", "きのう"], "2025-07-10",
     ["2024-11", "2024-06-03", "2024-06-03", "2024-06-04", "2025-05", "2025-06", "2025-07-09"]),
    (["2024年11月21日", "同日午後", "23日", "同月", "12月上旬", "同年"], None,
     ["2024-11-21", "2024-11-21TAF", "2024-11-23", "2024-11", "2024-12", "2024"]),
    # no dct: deictic parts stay X, and what follows builds on what is known
    (["昨年11月", "4日"], None, ["XXXX-11", "XXXX-11-04"]),
    # no date before: the dct
    (["4日", "6月"], "2025-03-13", ["2025-03-04", "2025-06"]),
    # the year is not moved (February after November stays in the same year)
    (["2024年11月", "2月"], None, ["2024-11", "2024-02"]),
    (["2024年11月", "2月"], "2024-12-01", ["2024-11", "2024-02"]),
    # a coarser date that agrees keeps the finer parts; one that disagrees drops them
    (["2024年6月3日", "同年", "4日"], None, ["2024-06-03", "2024", "2024-06-04"]),
    (["2023年11月5日", "2024年", "4日"], None, ["2023-11-05", "2024", "2024-XX-04"]),
    (["11月21日", "3日後", "翌日"], "2024-12-01", ["2024-11-21", "P3D", "2024-11-22"]),
    # a written year before the frame is a flashback: a later month alone stays in the frame
    (["2024年12月4日", "2016年", "12月上旬"], None, ["2024-12-04", "2016", "2024-12"]),
    (["2016年", "12月上旬"], "2024-12-04", ["2016", "2024-12"]),
    (["2024年10~12月", "2023年2月", "10月", "3日"], None,
     ["2024-10..2024-12", "2023-02", "2024-10", "2024-10-03"]),
    # a day-counting word names a day: a month written in between is not its referent
    (["2025年5月8日", "昨年10月", "この日"], "2025-05-09", ["2025-05-08", "2024-10", "2025-05-08"]),
    (["8日", "今年1月", "翌日"], "2025-05-09", ["2025-05-08", "2025-01", "2025-05-09"]),
    (["今年1月", "同日"], "2025-05-09", ["2025-01", "2025-05-09"]),      # no day before: the dct
    # ... but anaphoric words and a day alone take the nearest date, flashback or not
    (["2024年11月", "2023年2月", "同月", "24日"], None, ["2024-11", "2023-02", "2023-02", "2023-02-24"]),
    # a deictic year carries over; an unknown year does not replace a known one
    (["昨年8月", "11月"], "2025-03-13", ["2024-08", "2024-11"]),
    (["2024年6月20日", "昨年11月", "6月3日"], None, ["2024-06-20", "XXXX-11", "2024-06-03"]),
    # a part of day alone belongs to the nearest day, else the dct's
    (["2024年11月21日", "未明"], None, ["2024-11-21", "2024-11-21TNI"]),
    (["今朝"], "2025-03-13", ["2025-03-13TMO"]),
    (["昨夜"], "2025-03-13", ["2025-03-12TNI"]),
    (["2024年2月28日", "翌日", "翌月"], None, ["2024-02-28", "2024-02-29", "2024-03"]),
    (["2025年3月13日", "17時27分"], None, ["2025-03-13", "2025-03-13T17:27"]),
    (["2024年10~12月", "11月23日"], None, ["2024-10..2024-12", "2024-11-23"]),
    # durations neither use nor move the anchor
    (["2024年8月", "30日間", "15日"], None, ["2024-08", "P30D", "2024-08-15"]),
])
def test_resolve_sequence(texts, dct, values):
    assert [n["value"] for n in resolve_dates(texts, dct)] == values


def test_resolve_keeps_none_in_place():
    assert resolve_dates(["2024年8月", "13/13", "5日"], None) == [
        {"type": D, "value": "2024-08", "mod": None}, None,
        {"type": D, "value": "2024-08-05", "mod": None}]


def test_resolve_passes_hints_per_mention():
    norms = resolve_dates(["1日", "1日"], None, [(("type", "DURATION"),), ()])
    assert [n["value"] for n in norms] == ["P1D", "XXXX-XX-01"]


def test_worked_example_dct():
    assert resolve_dates(["昨年11月"], "2025-07-10") == [{"type": D, "value": "2024-11", "mod": None}]


# --- rule files ---------------------------------------------------------------------------------
def _rules_copy(tmp_path: Path, **edits: str) -> Path:
    for name in ("dates.tsv", "date_parts.tsv", "date_words.tsv"):
        body = (RULES_DIR / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(body + edits.get(name.split(".")[0], ""), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("edits, message", [
    ({"dates": "bad\t@NOPE 年\t-\n"}, "dates.tsv:{n}: unknown name @NOPE"),
    ({"dates": "bad\t@NUM 年\tmod=SOON\n"}, "dates.tsv:{n}: column hints"),
    ({"dates": "bad\t> に\t-\n"}, "dates.tsv:{n}: column pattern"),
    ({"date_parts": "BAD\tregex\t([\n"}, "date_parts.tsv:{n}: column value: bad regex"),
    ({"date_parts": "LOOP\tseq\t@LOOP 年\n"}, "date_parts.tsv:{n}: @LOOP refers to itself"),
    ({"date_words": "きのうの\tdeictic\tday\n"}, "date_words.tsv:{n}: column value"),
    ({"date_words": "水曜\tweekday\t8\n"}, "date_words.tsv:{n}: column value"),
])
def test_rule_errors_name_file_and_line(tmp_path, edits, message):
    rules = _rules_copy(tmp_path, **edits)
    (name,) = edits
    n = len((rules / f"{name}.tsv").read_text(encoding="utf-8").splitlines())
    with pytest.raises(RuleError) as err:
        load_date_patterns(rules, load_date_words(rules))
    assert message.format(n=n) in str(err.value)


def test_lexicon_words_are_unique_per_kind():
    words = load_date_words(RULES_DIR)
    assert words.relative["同日"].base == "anchor" and words.relative["昨年"].base == "dct"
    assert words.mods["末日"] == "END" and words.eras["令和"] == 2018


# --- tagger on GiNZA tokens -----------------------------------------------------------------
@pytest.fixture(scope="module")
def tagger():
    return DateTagger(load_rules(RULES_DIR))


def tagged(text: str, ginza, tagger) -> list[tuple[str, str]]:
    doc = ginza(fold(text))
    return [(doc.text[m.start:m.end], m.rule) for m in tagger(doc)]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("2025年3月13日(木)17時27分\nエリー・クック", [("2025年3月13日(木)17時27分", "datetime")]),
    ("ロシア軍はここ数日、攻勢を強めた。", [("ここ数日", "duration")]),
    # PDF working copy: spaces gone, ～ folded to ~, footnote marker after the verb
    ("本稿は2024年10~12月の期間の主な動きを扱う1。", [("2024年10~12月", "range")]),
    ("ウクライナ軍は昨年8月、越境攻撃を開始。", [("昨年8月", "date")]),
    ("9月から11月にかけて", [("9月", "date"), ("11月", "date")]),
    ("2022年2月以来の戦争", [("2022年2月", "date")]),
    ("12月上旬に北朝鮮兵が投入された", [("12月上旬", "date")]),
    ("同日午後、攻撃があった", [("同日午後", "date")]),
    ("今後数カ月以内に実施", [("数カ月", "dur_within")]),
    ("1日に2000人の兵士を失っている", [("1日", "rate")]),
    ("条約は4日に発効した", [("4日", "date")]),
    ("30日間の即時停戦", [("30日間", "duration")]),
    ("北朝鮮は3年以上にわたって", [("3年以上", "duration")]),
    ("およそ1カ月前に平壌を訪れた", [("およそ1カ月前", "relative")]),
    ("公開日:2024/12/04", [("2024/12/04", "date")]),
    ("date 2026-02-11", [("2026-02-11", "date")]),
    ("10月1日にウクライナ軍が", [("10月1日", "date")]),
    ("午後11時10分ごろ", [("午後11時10分ごろ", "time")]),
    ("11月21日、未明のドニプロ市街への攻撃", [("11月21日", "date"), ("未明", "part_of_day")]),
    ("20日の深夜に攻撃を受けた", [("20日", "date"), ("深夜", "part_of_day")]),
    ("深夜に攻撃を受けた", []),          # a part of day needs a date right before it
    ("夜の街は静かだった", []),
    ("第2週の試合", []),
    ("今日では珍しくない", []),
    ("1972年-1973年に在籍", [("1972年-1973年", "range")]),
    ("2024/12/04 17:27配信", [("2024/12/04 17:27", "datetime")]),
    ("2、3日中に結論を出す", [("2、3日", "duration")]),
    ("昨年末から続く", [("昨年末", "date")]),
    ("1990年代に建設された", [("1990年代", "decade")]),
    ("3日間にわたり砲撃が続いた", [("3日間", "duration")]),
    # not dates
    ("トランプ氏の2期目の政権", []),
    ("第155海軍歩兵旅団", []),
    ("前年の1.2倍に増えた", [("前年", "date")]),
    ("兵力の3分の1を失った", []),
    ("侵攻から3年目に入った", []),
    ("夜間訓練を実施した", []),
    ("支援を一時停止した", []),
    ("日中の首脳会談", []),
    ("![写真](/gc7/images/2025/07/10/51073-korea.webp)", []),
])
def test_tagger(ginza, tagger, text, expected):
    assert tagged(text, ginza, tagger) == expected


@pytest.mark.model
def test_tagger_offsets_and_hints(ginza, tagger):
    doc = ginza("今後数カ月以内に実施")
    (m,) = tagger(doc)
    assert (m.start, m.end, m.label) == (2, 5, "DATE")
    assert dict(m.hints) == {"mod": "LESS_THAN"}


@pytest.mark.model
def test_tag_then_resolve_a_document(ginza, tagger):
    text = ("2024年11月21日、ロシア軍は攻撃を開始した。同日午後には北朝鮮兵も投入され、"
            "23日までに1日に200人を失った。12月上旬には同月の損失が3000人を超えた。")
    doc = ginza(fold(text))
    mentions = tagger(doc)
    norms = resolve_dates([doc.text[m.start:m.end] for m in mentions], "2024-12-20",
                          [m.hints for m in mentions])
    assert [(doc.text[m.start:m.end], n["value"]) for m, n in zip(mentions, norms)] == [
        ("2024年11月21日", "2024-11-21"), ("同日午後", "2024-11-21TAF"),
        ("23日", "2024-11-23"), ("1日", "P1D"), ("12月上旬", "2024-12"), ("同月", "2024-12")]


@pytest.mark.model
@pytest.mark.parametrize("text, value", [
    # a day's count before の + noun + として: "as the Xs of a single day", not the 1st
    ("1日の空爆としては過去最大規模になった。", "P1D"),
    ("当局によると、1日の無人機攻撃としては開戦以来最多だった。", "P1D"),
    # the same words with no として stay a date
    ("1日の空爆で3人が死亡した。", "2024-05-01"),
    ("1日の会見で首相は述べた。", "2024-05-01"),
])
def test_a_single_days_count_is_not_the_first(ginza, tagger, text, value):
    doc = ginza(fold(text))
    mentions = tagger(doc)
    norms = resolve_dates([doc.text[m.start:m.end] for m in mentions], "2024-05-10",
                          [m.hints for m in mentions])
    assert [n["value"] for n in norms] == [value]
