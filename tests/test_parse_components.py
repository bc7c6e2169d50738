"""parse/components.py helpers that read what the components wrote (no GiNZA needed)."""
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.parse.components import hints_of


def test_hints_of_reads_what_span_hints_holds():
    doc = Doc(Vocab(), words=["北朝鮮", "兵", "2000", "人", "を", "超える"])
    doc.spans["entities"] = [doc[0:2], doc[2:4]]
    doc.spans["entities"][1]._.hints = (("after", "を超える"),)
    for span in doc.spans["entities"]:
        assert hints_of(doc, span.start_char, span.end_char) == span._.hints
    assert hints_of(doc, 0, 4) == ()
    assert hints_of(doc, doc[2:4].start_char, doc[2:4].end_char) == (("after", "を超える"),)
