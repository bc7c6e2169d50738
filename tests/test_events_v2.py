"""Contract v2 events (issue 9): groups, the four new types, constructions, propagation.

Every sentence here is written for the test (never copied from the dev set)."""
import pytest

from pipeline.events.groups import assign_groups, dates_compatible


# ---------------------------------------------------------------- groups (pure functions)

def rec(start, etype, sent, *args, lemma=None, backref=False, polarity="positive"):
    return {"type": etype, "trigger": {"start": start, "end": start + 2, "text": lemma or "攻撃"},
            "sentence": {"start": sent * 100, "end": sent * 100 + 99}, "polarity": polarity,
            "arguments": [{"role": r, "text": t, "norm": n} for r, t, n in args],
            "lemma": lemma or "攻撃", "backref": backref}


RUS = {"id": "rus", "country": "RUS"}
UKR = {"id": "ukr", "country": "UKR"}
KHARKIV = {"id": "kharkiv", "country": "UKR"}
ODESA = {"id": "odesa", "country": "UKR"}


def day(value):
    return {"type": "DATE", "value": value}


def test_the_same_attack_told_again_is_one_group():
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS), ("patient", "ハリコフ", KHARKIV)),
           rec(110, "ATTACK", 1, backref=True),                  # この攻撃で…
           rec(210, "ATTACK", 2, ("patient", "ハリコフ", KHARKIV))]   # 攻撃は計3回
    assert assign_groups(evs) == ["g1", "g1", "g1"]


def test_two_attacks_on_different_targets_stay_apart():
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS), ("patient", "ハリコフ", KHARKIV)),
           rec(110, "ATTACK", 1, ("agent", "ロシア軍", RUS), ("patient", "オデーサ", ODESA))]
    assert assign_groups(evs) == ["g1", "g2"]


def test_different_days_and_different_agents_stay_apart():
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS), ("time", "3日", day("2024-05-03"))),
           rec(110, "ATTACK", 1, ("time", "5日", day("2024-05-05"))),
           rec(210, "ATTACK", 2, ("agent", "ロシア軍", RUS)),
           rec(310, "ATTACK", 3, ("agent", "ウクライナ軍", UKR))]
    assert assign_groups(evs) == ["g1", "g2", "g2", "g3"]


def test_types_never_share_a_group():
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS)),
           rec(20, "CASUALTY", 0, lemma="死亡", backref=True)]
    assert assign_groups(evs) == ["g1", "g2"]


def test_a_statement_needs_the_same_speaker():
    evs = [rec(10, "STATEMENT", 0, ("agent", "国防省", RUS), lemma="発表"),
           rec(110, "STATEMENT", 1, ("agent", "国防省", RUS), lemma="明らか"),
           rec(210, "STATEMENT", 2, ("agent", "大統領", UKR), lemma="発表")]
    assert assign_groups(evs) == ["g1", "g1", "g2"]


@pytest.mark.parametrize("a, b, ok", [("2024-11", "2024-11-21", True), ("2024-11-20", "2024-11-21", False),
                                      (None, "2024", True), ("XXXX-WXX-7", "2025-04-13", True)])
def test_dates_compatible(a, b, ok):
    assert dates_compatible(a, b) is ok
