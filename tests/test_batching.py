"""Many articles through one parse stream (article.process_entries): same records as one by one,
and a parser failure costs only the article it happened in."""
from pathlib import Path
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.article import process_entries, process_entry
from pipeline.prepare.reading import Article, read_inputs
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev" / "gold-dev.jsonl"


class FakeNlp:
    """Yields one-token Docs with no entities or events; raises on a chunk containing BOOM.
    Counts the pipe calls."""

    def __init__(self):
        import pipeline.parse.components  # noqa: F401  (registers the Doc extensions)
        self.calls, self.vocab = 0, Vocab()

    def pipe(self, texts, batch_size=None):
        self.calls += 1
        for t in texts:
            if "BOOM" in t:
                raise RuntimeError("parser failed")
            yield Doc(self.vocab, words=[t], spaces=[False])


def _articles(*texts):
    return [(Article(f"d{i}", f"d{i}.txt", t), None) for i, t in enumerate(texts)]


def test_one_stream_for_many_articles():
    nlp = FakeNlp()
    entries = process_entries(_articles("ロシア軍が攻撃した。", "北朝鮮兵が参加した。"), nlp, load_rules())
    assert nlp.calls == 1 and all("documents" in e for e in entries)


def test_a_parser_failure_costs_only_its_article():
    nlp = FakeNlp()
    entries = process_entries(_articles("ロシア軍が攻撃した。", "BOOMが起きた。", "米軍が撤退した。"),
                              nlp, load_rules())
    assert ["error" in e for e in entries] == [False, True, False]
    assert "RuntimeError: parser failed" in entries[1]["error"]["message"]
    assert nlp.calls == 2          # the third article got a fresh stream


def test_an_article_without_body_chunks_in_the_stream_costs_nothing():
    # its entry is done before the stream reads past it; the stream must not look at it again
    nlp = FakeNlp()
    entries = process_entries(_articles("ロシア軍が攻撃した。", "\u3000", "米軍が撤退した。"),
                              nlp, load_rules())
    assert ["error" in e for e in entries] == [False, False, False] and nlp.calls == 1


@pytest.mark.model
def test_batched_records_equal_one_by_one():
    from pipeline.parse.build import build
    rules = load_rules()
    nlp = build(rules)
    inputs = [ROOT / "seeds" / "articles"] + ([DEV] if DEV.exists() else [])
    articles = [a for a in read_inputs(inputs) if isinstance(a, Article)]
    one_by_one = [process_entry(a, nlp, rules) for a in articles]
    assert process_entries([(a, None) for a in articles], nlp, rules) == one_by_one
