import json

import pytest

from pipeline.prepare.reading import Article, InputError, decode, read_inputs

TEXT = "ロシア軍は2024年8月にクルスク州へ進軍した。\r\n次の行。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "euc-jp"])
def test_txt_encodings_decode_to_the_same_text(tmp_path, encoding):
    f = tmp_path / "a1.txt"
    f.write_bytes(TEXT.encode(encoding))
    (item,) = list(read_inputs([f]))
    assert isinstance(item, Article)
    assert item.text == TEXT          # BOM gone, CRLF kept
    assert item.doc_id == "a1"


@pytest.mark.parametrize("raw, kind", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02binary\x00", "decode"),
    (bytes([0x82, 0xA0, 0xFF, 0xFE, 0x80, 0x81, 0xFD]) * 3, "decode"),
])
def test_bad_txt_is_an_error_not_a_crash(tmp_path, raw, kind):
    f = tmp_path / "bad.txt"
    f.write_bytes(raw)
    (item,) = list(read_inputs([f]))
    assert isinstance(item, InputError)
    assert item.error == kind
    assert str(f) in item.message


def test_decode_rejects_nul():
    with pytest.raises(ValueError, match="binary"):
        decode(b"abc\x00")


def test_jsonl_lines_and_their_errors(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"doc_id": "d1", "text": "本文", "dct": "2025-01-02", "extra": 1}, ensure_ascii=False),
        "{not json",
        json.dumps({"doc_id": "d2"}),
        json.dumps({"text": "no id"}, ensure_ascii=False),
        json.dumps({"doc_id": "d3", "text": "本文", "dct": "yesterday"}, ensure_ascii=False),
        "",
        json.dumps({"doc_id": "d4", "text": "本文2"}, ensure_ascii=False),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([f]))
    ok = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.doc_id for a in ok] == ["d1", "d4"]
    assert ok[0].dct == "2025-01-02" and ok[0].line == 1
    assert [(e.line, e.error) for e in bad] == [(2, "json"), (3, "missing_text"),
                                               (4, "missing_doc_id"), (5, "bad_dct")]


def test_duplicate_doc_id_is_an_error_for_the_second(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "same.txt").write_text("一つ目", encoding="utf-8")
    (tmp_path / "same.jsonl").write_text(json.dumps({"doc_id": "same", "text": "二つ目"}, ensure_ascii=False), encoding="utf-8")
    items = list(read_inputs([tmp_path / "x", tmp_path / "same.jsonl"]))
    assert isinstance(items[0], Article) and items[0].text == "一つ目"
    assert isinstance(items[1], InputError) and items[1].error == "duplicate_doc_id"


def test_folders_are_read_recursively_and_missing_paths_reported(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("深い", encoding="utf-8")
    (tmp_path / "a" / "skip.md").write_text("ignored", encoding="utf-8")
    items = list(read_inputs([tmp_path / "a", tmp_path / "missing.txt"]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError"]
    assert items[0].doc_id == "deep" and items[1].error == "not_found"
