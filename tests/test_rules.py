import pytest

from pipeline.rules.tables import RuleError, alternatives, country, load_table, number, one_of, optional, text, unique

COLUMNS = {"id": text, "kind": one_of("a", "b"), "country": optional(country), "lat": number,
           "surfaces": alternatives}


def write(tmp_path, body):
    p = tmp_path / "t.tsv"
    p.write_text(body, encoding="utf-8")
    return p


def test_valid_table_with_comments_and_blank_lines(tmp_path):
    p = write(tmp_path, "# comment\nid\tkind\tcountry\tlat\tsurfaces\n\nx\ta\tRUS\t1.5\tロシア|露\ny\tb\t-\t2\tZ\n")
    rows = load_table(p, COLUMNS)
    assert [(r["id"], r["country"], r["lat"], r["surfaces"], r["_line"]) for r in rows] == [
        ("x", "RUS", 1.5, ("ロシア", "露"), 4), ("y", None, 2.0, ("Z",), 5)]


@pytest.mark.parametrize("line, message", [
    ("x\tc\tRUS\t1\tA", "t.tsv:2: column kind"),
    ("x\ta\tXXX\t1\tA", "t.tsv:2: column country: 'XXX' is not an ISO 3166-1 alpha-3"),
    ("x\ta\tRUS\tnorth\tA", "t.tsv:2: column lat"),
    ("x\ta\tRUS\t1\tA||B", "t.tsv:2: column surfaces: empty alternative"),
    ("x\ta\tRUS\t1", "t.tsv:2: 4 columns, expected 5"),
    ("\ta\tRUS\t1\tA", "t.tsv:2: column id: must not be empty"),
])
def test_errors_name_file_line_and_column(tmp_path, line, message):
    p = write(tmp_path, "id\tkind\tcountry\tlat\tsurfaces\n" + line + "\n")
    with pytest.raises(RuleError) as err:
        load_table(p, COLUMNS)
    assert message in str(err.value)


def test_wrong_header_and_duplicates(tmp_path):
    with pytest.raises(RuleError, match="t.tsv:1: header"):
        load_table(write(tmp_path, "id\tkind\n"), COLUMNS)
    rows = load_table(write(tmp_path, "id\tkind\tcountry\tlat\tsurfaces\nx\ta\t-\t1\tA\nx\tb\t-\t1\tB\n"), COLUMNS)
    with pytest.raises(RuleError, match="t.tsv:3: id 'x' already defined on line 2"):
        unique(rows, "id", "t.tsv")
