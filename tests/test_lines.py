"""parse/lines.py: a line break of the working copy starts a sentence before the parser runs."""
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.parse.lines import line_starts, mark_lines


def test_line_starts_are_the_first_visible_token_after_each_break():
    words = ["見出し", "\n", "本文", "だ", "。", "\n\n", "　", "次", "の", "段落"]
    doc = Doc(Vocab(), words=words, spaces=[False] * len(words))
    starts = line_starts(doc.text, doc.to_array("IDX").tolist())
    assert [doc[i].text for i in starts] == ["本文", "次"]      # blanks and indentation skipped


def test_no_break_no_start_and_a_trailing_break_opens_nothing():
    doc = Doc(Vocab(), words=["攻撃", "した", "。", "\n"], spaces=[False] * 4)
    assert line_starts(doc.text, doc.to_array("IDX").tolist()) == []
    assert line_starts("攻撃した。", [0, 2, 4]) == []


def test_mark_lines_sets_the_start_and_leaves_other_tokens_to_the_parser():
    doc = Doc(Vocab(), words=["見出し", "\n", "本文", "だ"], spaces=[False] * 4)
    mark_lines(doc)
    assert doc[2].is_sent_start is True
    assert doc[1].is_sent_start is None and doc[3].is_sent_start is None


@pytest.fixture(scope="module")
def nlp():
    from pipeline.parse.build import build
    from pipeline.rules import load_rules
    return build(load_rules(), events=False)


@pytest.mark.model
def test_a_headline_without_a_full_stop_is_its_own_sentence(nlp):
    doc = nlp("A国、B国に大規模攻撃　無人機100機超\nA国軍は3日夜、B国に向けて無人機100機以上を発射した。")
    sents = [s.text.strip() for s in doc.sents]
    assert "A国軍は3日夜" not in sents[0] and sents[-1].startswith("A国軍は3日夜")
