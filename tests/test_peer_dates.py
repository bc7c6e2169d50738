"""Conformance with ja-timex's own test expectations (/work/shared/peer-cases, see its README).

Each input is folded, tagged and normalised like a one-sentence document with no dct; the DATE
covering most of the input is compared with the expected value.

Mapping applied to ja-timex values before comparing (the record contract truncates instead of
padding, and writes clock times the ISO way):
- trailing `-XX` groups are removed (`2021-07-XX` → `2021-07`, `T23-59-XX` → `T23-59`);
- inside the time part `-` becomes `:` (`T23-59` → `T23:59`, `TXX-59-59` → `TXX:59:59`).

Known disagreements, decided by the contract (GUIDELINES §5), not bugs:
- `2021年` / `1月` / `1日` in ja-timex's duration suite (P2021Y, P1M, P1D) are read as the
  year 2021, January and the 1st here (the abstime suite reads them the same way);
- `59分`, `59秒`, `59分59秒` without an hour are durations here, clock times in ja-timex;
- `13/8` is not a date here (ja-timex: year 13, August);
- `none` cases whose text holds a real DATE under the contract: `歯姫3年`, `飛鳥時代3年`
  (3年 = P3Y) and `1時` (T01, like 23時 in the abstime suite).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.normalize.dates import resolve_dates
from pipeline.rules import default_dir, load_rules

RULES_DIR = default_dir()
from pipeline.tagging.dates import DateTagger
from pipeline.prepare.textnorm import fold

PEER_DIR = Path(__file__).resolve().parents[2] / "shared" / "peer-cases"
PEER_FILE = PEER_DIR / "ja_timex_cases.jsonl"
MIN_RATE = 0.90

# none-cases where the contract finds a DATE on purpose: input → the value it must have
CONTRACT_DATES = {"歯姫3年": "P3Y", "飛鳥時代3年": "P3Y", "1時": "T01:00"}

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not PEER_FILE.exists(), reason=f"peer cases not found at {PEER_FILE}"),
]


def _cases(suites: tuple[str, ...], field: str) -> list[dict]:
    if not PEER_FILE.exists():
        return []
    with PEER_FILE.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if r["suite"] in suites and r["field"] == field]


def peer_value(expected: str) -> str:
    """ja-timex value → the contract's spelling (see the module docstring)."""
    date, sep, time = expected.partition("T")
    date = re.sub(r"(-XX)+$", "", date)
    time = re.sub(r"(-XX)+$", "", time).replace("-", ":")
    if re.fullmatch(r"\d\d", time):
        time += ":00"                    # contract v2 (SPEC §7): clock times are HH:MM
    return date + sep + time


@pytest.mark.parametrize("expected, mapped", [
    ("2021-07-XX", "2021-07"), ("2021-XX-XX", "2021"), ("XXXX-XX-18", "XXXX-XX-18"),
    ("T23-59-XX", "T23:59"), ("T07-XX-XX", "T07:00"), ("TXX-XX-59", "TXX:XX:59"), ("P1Y2M", "P1Y2M"),
    ("XXXX-WXX-1", "XXXX-WXX-1"), ("20XX", "20XX"),
])
def test_peer_value_mapping(expected, mapped):
    assert peer_value(expected) == mapped


@pytest.fixture(scope="module")
def tagger():
    return DateTagger(load_rules(RULES_DIR))


def dates_in(text: str, ginza, tagger) -> list[tuple[str, dict | None]]:
    doc = ginza(fold(text))
    mentions = tagger(doc)
    spans = [doc.text[m.start:m.end] for m in mentions]
    norms = resolve_dates(spans, None, [m.hints for m in mentions], words=load_rules(RULES_DIR).date_words)
    return [(s, n) for s, n in zip(spans, norms) if n is not None]


def main_value(text: str, ginza, tagger) -> str | None:
    found = dates_in(text, ginza, tagger)
    if not found:
        return None
    span, norm = max(found, key=lambda sn: len(sn[0]))
    return norm["value"]


def _rate(cases, ginza, tagger):
    failures = []
    for c in cases:
        got = main_value(c["input"], ginza, tagger)
        if got != peer_value(c["expected"]):
            failures.append((c["suite"], c["test"], c["input"], peer_value(c["expected"]), got))
    passed = len(cases) - len(failures)
    return passed, len(cases), failures


def test_abstime_and_duration_values(ginza, tagger):
    cases = _cases(("abstime", "duration"), "value")
    passed, total, failures = _rate(cases, ginza, tagger)
    rate = passed / total
    print(f"\npeer abstime+duration: {passed}/{total} = {rate:.1%}")
    for f in failures:
        print("  FAIL", *f)
    assert rate >= MIN_RATE


@pytest.mark.parametrize("case", _cases(("abstime", "duration"), "none"),
                         ids=lambda c: c["input"])
def test_no_date_in_none_cases(case, ginza, tagger):
    found = dates_in(case["input"], ginza, tagger)
    if case["input"] in CONTRACT_DATES:
        assert [n["value"] for _, n in found] == [CONTRACT_DATES[case["input"]]]
    else:
        assert found == []


# Relative times (3日前, 2週間後) resolve against ja-timex's own reference time, which the
# contract does not use, so only a floor is kept: it fails if the reading gets worse.
RELTIME_FLOOR = 0.54      # measured 38/70 when the floor was set; floors only go up


def test_reltime_does_not_regress(ginza, tagger):
    cases = _cases(("reltime",), "value")
    passed, total, _ = _rate(cases, ginza, tagger)
    assert total >= 50
    assert passed / total >= RELTIME_FLOOR, f"peer reltime {passed}/{total}"
