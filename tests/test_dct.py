import pytest

from pipeline.prepare import dct
from pipeline.rules import default_dir, load_rules

RULES_DIR = default_dir()

PATTERN = load_rules(RULES_DIR).dateline


@pytest.mark.parametrize("text, expected", [
    ("見出し\n2025年3月13日(木)17時27分\n本文。", "2025-03-13"),
    ("本文の前\n公開日:2024/12/04\n本文。", "2024-12-04"),
    ("date 2026-02-11\n本文。", "2026-02-11"),
    ("更新日：２０２４年１月５日 10:30\n", "2024-01-05"),
    ("2023.07.01\n記事", "2023-07-01"),
    ("2026年3月24日号(3/17発売)\n", None),                 # a magazine issue, not a dateline
    ("2024年10月1日にウクライナ軍が撤退した。\n", None),     # a date inside prose
    ("公開日:2024/02/30\n", None),                          # not a real day
    ("ロシア・ウクライナ戦況メモ 2024 年 10～12 月\n", None),   # a period in a title
    ("記事本文だけ。", None),
])
def test_dateline(text, expected):
    assert dct.find_dct(text, PATTERN) == expected


def test_first_dateline_wins():
    assert dct.find_dct("公開日:2025/04/27\n…\n公開日:2024/11/06\n", PATTERN) == "2025-04-27"
