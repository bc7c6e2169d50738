"""Date rules of contract v2 (SPEC §7, issue 10 item 6), as parametrised cases. Sentences
and sequences are written for these tests."""
import pytest

from pipeline.normalize.dates import resolve_dates as _resolve_dates
from pipeline.rules import load_rules


def resolve_dates(texts, dct, hints=None):
    return _resolve_dates(texts, dct, hints, words=load_rules().date_words)

PAST = (("tense", "past"),)


@pytest.mark.parametrize("texts, dct, hints, values", [
    # a month written without a year after the dct's month, in a past-tense report: last year
    (["12月31日"], "2026-01-03", [PAST], ["2025-12-31"]),
    (["11月下旬"], "2026-02-10", [PAST], ["2025-11"]),
    # ... and the days after it follow that month
    (["12月30日", "31日"], "2026-01-03", [PAST, PAST], ["2025-12-30", "2025-12-31"]),
    # a bare day after the dct's day in a past-tense report: last month
    (["28日"], "2025-03-05", [PAST], ["2025-02-28"]),
    (["31日"], "2025-03-05", [PAST], ["2025-02-28"]),
    (["今月10日"], "2025-11-04", [PAST], ["2025-10-10"]),
    # planned or expected keeps the forward date (no past hint)
    (["12月31日"], "2026-01-03", [()], ["2026-12-31"]),
    (["28日"], "2025-03-05", [()], ["2025-03-28"]),
    # explicit years never move
    (["2026年12月31日"], "2026-01-03", [PAST], ["2026-12-31"]),
    # a day before the dct is left alone
    (["3日"], "2025-03-05", [PAST], ["2025-03-03"]),
    # a bare day never takes its month from a flashback (a caption's date, a recalled event)
    (["2023年6月", "27日"], "2025-04-28", [(), PAST], ["2023-06", "2025-04-27"]),
    (["2024年8月", "23日"], "2024-10-25", [(), PAST], ["2024-08", "2024-10-23"]),
    # ... but the nearest recent date anchors it
    (["4月20日", "21日"], "2025-04-28", [PAST, PAST], ["2025-04-20", "2025-04-21"]),
    (["3月30日", "31日"], "2025-04-02", [PAST, PAST], ["2025-03-30", "2025-03-31"]),
])
def test_past_tense_dates(texts, dct, hints, values):
    assert [n["value"] for n in resolve_dates(texts, dct, hints)] == values


@pytest.mark.parametrize("text, dct, value", [
    ("2023年11月24日午前7時", None, "2023-11-24T07:00"),
    ("2025年3月13日17時27分", None, "2025-03-13T17:27"),
    ("午後3時", "2025-03-13", "2025-03-13T15:00"),
])
def test_clock_times_are_hh_mm(text, dct, value):
    assert resolve_dates([text], dct)[0]["value"] == value


@pytest.mark.model
@pytest.mark.parametrize("text, tense", [
    ("北朝鮮は28日、弾道ミサイルを発射した。", "past"),
    ("首脳会談は28日に開かれる予定だ。", None),
    ("部隊は12月ごろに派遣される可能性があると報告した。", None),
])
def test_tense_hint(ginza, text, tense):
    from pipeline.rules import load_rules
    from pipeline.tagging.dates import DateTagger
    mentions = DateTagger(load_rules())(ginza(text))
    hints = dict(mentions[0].hints)
    assert hints.get("tense") == tense


CAPTION = (("zone", "caption"),)


@pytest.mark.parametrize("texts, dct, hints, values", [
    # a photo caption's date is resolved, but a bare day after it never takes its month from it
    (["2022年3月", "9日"], "2024-05-20", [CAPTION, PAST], ["2022-03", "2024-05-09"]),
    (["9月30日", "2日"], "2024-10-08", [CAPTION, PAST], ["2024-09-30", "2024-10-02"]),
    # ... the body's own date still anchors it, across the caption
    (["9月3日", "2024年5月", "4日"], "2024-10-08", [PAST, CAPTION, PAST],
     ["2024-09-03", "2024-05", "2024-09-04"]),
    # without a dct or an earlier date the bare day keeps its unknown parts
    (["2024年5月20日", "21日"], None, [CAPTION, ()], ["2024-05-20", "XXXX-XX-21"]),
    # a bare day inside a caption resolves like any bare day (body anchor, else the dct)
    (["5日"], "2024-10-08", [CAPTION], ["2024-10-05"]),
    (["9月3日", "5日"], "2024-10-08", [PAST, CAPTION], ["2024-09-03", "2024-09-05"]),
    # the same dates outside a caption do anchor (contrast)
    (["9月30日", "2日"], "2024-10-08", [(), ()], ["2024-09-30", "2024-09-02"]),
    # a caption's year still gives a month alone its year when the text gives no other (seed 004)
    (["2024年6月20日", "7月"], None, [CAPTION, ()], ["2024-06-20", "2024-07"]),
])
def test_caption_dates_never_anchor(texts, dct, hints, values):
    assert [n["value"] for n in resolve_dates(texts, dct, hints)] == values


@pytest.mark.model
@pytest.mark.parametrize("text, date, caption", [
    ("破壊された橋の様子=14日、ヘルソン州(ロイター)", "14日", True),
    ("集会で演説する首相＝2024年3月2日、東京都内", "2024年3月2日", True),
    ("写真は港で7日、荷揚げされる支援物資。", "7日", True),
    ("【写真】首都の中心部で8日、集まった市民ら", "8日", True),
    ("![2024年6月20日、市庁舎前で記念撮影する代表団](/img/a.webp)", "2024年6月20日", True),
    # a body sentence after a caption on the same line, and ordinary sentences
    ("写真は港の様子。政府は9日、支援を決めた。", "9日", False),
    ("写真集は5日に発売された。", "5日", False),
    ("市長は5日、声明を出した。", "5日", False),
])
def test_caption_hint(ginza, text, date, caption):
    from pipeline.tagging.dates import DateTagger
    mentions = DateTagger(load_rules())(ginza(text))
    found = [m for m in mentions if text[m.start:m.end] == date]
    assert found, [text[m.start:m.end] for m in mentions]
    assert (dict(found[0].hints).get("zone") == "caption") is caption
