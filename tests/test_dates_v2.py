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
