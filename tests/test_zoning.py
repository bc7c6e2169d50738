from pathlib import Path

import pytest

from pipeline.prepare import zoning
from pipeline.rules import default_dir, load_rules
from pipeline.rules.boilerplate import load_headers

RULES_DIR = default_dir()

HEADERS = load_rules(RULES_DIR).headers


def boilerplate(text: str) -> list[str]:
    return [text[z["start"]:z["end"]] for z in zoning.zones(text, HEADERS) if z["kind"] == "boilerplate"]


BODY = "ロシア軍は東部で攻勢を強めた。\n国防省は声明を出した。\n"


def test_zones_cover_the_text_in_order():
    text = "ホーム\n国際\n" + BODY + "関連記事\n次の記事のタイトル\n別の記事のタイトル"
    zs = zoning.zones(text, HEADERS)
    assert zs[0]["start"] == 0 and zs[-1]["end"] == len(text)
    assert all(a["end"] == b["start"] for a, b in zip(zs, zs[1:]))


@pytest.mark.parametrize("text, expected", [
    # leading navigation labels, not the headline after them
    ("ホーム\n国際\n北朝鮮、ロシアへの派兵を初めて公式に認める\n" + BODY, ["ホーム\n国際"]),
    # a related-article block and the promo line above its header
    (BODY + "\n特集\n次世代の都市開発を読み解く長めの宣伝の見出しがここに入る\n関連記事\n別の記事の見出し\nさらに別の見出し",
     ["特集\n次世代の都市開発を読み解く長めの宣伝の見出しがここに入る\n関連記事\n別の記事の見出し\nさらに別の見出し"]),
    # a ranking list: rank markers and the titles under them
    (BODY + "  • 1\n    市場で話題の新製品の正体…\n  • 2\n    専門家が語る今後の見通し…\n", None),
    # a source line with a URL
    (BODY + "出典/画像元: https://example.com/a/1 興味深いですね。\n" + BODY, ["出典/画像元: https://example.com/a/1 興味深いですね。"]),
])
def test_boilerplate_blocks(text, expected):
    found = boilerplate(text)
    if expected is None:
        assert found and all("ロシア軍" not in b for b in found)
        assert "市場で話題" in "".join(found) and "専門家が語る" in "".join(found)
    else:
        assert found == expected


def test_quoted_bullets_stay_body_but_recap_bullets_do_not():
    quoted = "✅ ロシア軍が村を制圧した。\n✅ 国防省が発表した。\nさらに読む ⇒ 出典: https://example.com\n"
    recap = BODY + "💡 北朝鮮軍が参戦している\n💡 影響が懸念されている\n"
    assert all("✅" not in b for b in boilerplate(BODY + quoted))
    assert boilerplate(recap) == ["💡 北朝鮮軍が参戦している\n💡 影響が懸念されている"]


def test_plain_article_has_no_boilerplate():
    assert boilerplate("見出し:ロシア軍が前進\n" + BODY * 3) == []


def test_headers_are_rule_data(tmp_path):
    (tmp_path / "boilerplate.tsv").write_text("header\tmatch\nおしらせ\tsometimes\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"boilerplate.tsv:2: column match"):
        load_headers(tmp_path)
