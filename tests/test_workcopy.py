import pytest
from hypothesis import given, strategies as st

from pipeline.prepare import workcopy
from pipeline.prepare.chunks import split

PDF = ("本稿は 2022 年 2 月以来のロシア・ウクライナ戦争において 2024 年 10 月～12 月の期間の主な推移を\n\n"
       "扱う1。ロシアは引き続き主要な攻撃の場所を選び、ウクライナに防衛を強いることで、主要なイニシア\n\n"
       "チブを保持しつつ、自国領クルスク州内に進軍したウクライナ軍部隊への対処を続けた。ロシアは引き\n\n"
       "続き、ドネツク州のチャシウ・ヤルやポクロウスクを制圧して全州の占領を目指す動きを続けた。ポクロ\n\n"
       "ウスクの周辺の前線では、北東のトレツクの激戦が続き、南西のヴフレダルでは 10 月 1 日にウクライナ\n\n"
       " 軍が撤退した。この期間に 1,500 人の特殊部隊が戦場に送られることを確認したと発表した。\n\n"
       "短い行。\n")


def test_pdf_layout_is_detected_and_words_rejoined():
    assert workcopy.is_wrapped(PDF)
    wc = workcopy.build(PDF, wrapped=True, width=workcopy.wrap_width(PDF))
    assert "ポクロウスク" in wc.text.split("ドネツク州")[1]
    assert "2024年10月~12月" in wc.text
    assert "ウクライナ軍が撤退" in wc.text
    assert "1,500人" in wc.text
    assert "発表した。\n\n短い行。" in wc.text   # a break after a finished sentence stays


def test_offsets_map_back_to_untouched_source():
    wc = workcopy.build(PDF, wrapped=True, width=workcopy.wrap_width(PDF))
    i = wc.text.rindex("ポクロウスク")
    s, e = wc.to_source(i, i + len("ポクロウスク"))
    assert PDF[s:e] == "ポクロ\n\nウスク"
    j = wc.text.index("1,500人")
    s, e = wc.to_source(j, j + 6)
    assert PDF[s:e] == "1,500 人"


def test_prose_with_headlines_is_not_wrapped():
    text = "見出しの行\n" + "ロシア軍は前進した。\n" * 10
    assert not workcopy.is_wrapped(text)
    assert workcopy.build(text).text == text


@pytest.mark.parametrize("src, expected", [
    ("２０２４年", "2024年"),             # full-width digits fold one for one
    ("約 5 万人", "約5万人"),
    ("BBC Home - News", "BBC Home - News"),   # spaces between ASCII words stay
    ("ATACMS 戦術ミサイル", "ATACMS戦術ミサイル"),
    # between two words of a headline a space separates them
    ("北部で攻勢強める 州都に迫る", "北部で攻勢強める\u3000州都に迫る"),   # (as an ideographic
    ("ミサイル発射\u3000EEZ外に落下", "ミサイル発射\u3000EEZ外に落下"),   # space, a token for GiNZA)
    ("発表した。 次の文", "発表した。次の文"),
    ("ロシア軍は 東部の村を 制圧した。", "ロシア軍は東部の村を制圧した。"),   # in a sentence: layout
    ("岸田 文雄首相は支援を表明した。", "岸田文雄首相は支援を表明した。"),     # a name
])
def test_spacing_and_width(src, expected):
    assert workcopy.build(src).text == expected


@given(st.text(alphabet=st.sampled_from(list("ロシア軍年月日0123456789０１２ 　\n\r。、・🚀𠮷")), max_size=200))
def test_index_maps_each_kept_char_to_its_source(text):
    for wrapped in (False, True):
        wc = workcopy.build(text, wrapped=wrapped, width=10)
        assert len(wc.text) == len(wc.index)
        assert list(wc.index) == sorted(set(wc.index))
        for ch, i in zip(wc.text, wc.index):
            # a space kept between two words is written as an ideographic space
            assert ch == workcopy.fold(text[i]) or ch == "\u3000" and text[i].isspace()


@given(st.text(max_size=300), st.integers(min_value=5, max_value=50))
def test_split_pieces_are_bounded_and_lossless(text, limit):
    pieces = split(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:k]) for k in range(len(pieces))]
