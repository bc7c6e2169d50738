"""Contract v2 events (issue 9): groups, the four new types, constructions, propagation.

Every sentence here is written for the test (never copied from the dev set)."""
import pytest

from pipeline.events.groups import assign_groups, dates_compatible, features


# ---------------------------------------------------------------- groups (pure functions)

def rec(start, etype, sent, *args, lemma=None, backref=False, polarity="positive",
        modality="asserted", iterative=False, continues=False, generic=False,
        prospective=False, another=False, bare_units=(), earlier=False, covers=(), means=(),
        implied_units=(), named=False, rebuts=False, part=False):
    return {"type": etype, "trigger": {"start": start, "end": start + 2, "text": lemma or "攻撃"},
            "sentence": {"start": sent * 100, "end": sent * 100 + 99}, "polarity": polarity,
            "modality": modality,
            "arguments": [{"role": r, "text": t, "norm": n} for r, t, n in args],
            "lemma": lemma or "攻撃", "backref": backref, "iterative": iterative,
            "continues": continues, "generic": generic, "prospective": prospective,
            "another": another, "bare_units": list(bare_units), "earlier": earlier,
            "covers": list(covers), "means": list(means), "implied_units": list(implied_units),
            "named": named, "rebuts": rebuts, "part": part}


RUS = {"id": "rus", "country": "RUS"}
UKR = {"id": "ukr", "country": "UKR"}
KHARKIV = {"id": "kharkiv", "country": "UKR", "kind": "city"}
ODESA = {"id": "odesa", "country": "UKR", "kind": "city"}


def day(value):
    return {"type": "DATE", "value": value}


def test_the_same_attack_told_again_is_one_group():
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS), ("patient", "ハリコフ", KHARKIV)),
           rec(110, "ATTACK", 1, backref=True),                  # この攻撃で…
           rec(210, "ATTACK", 2, ("patient", "ハリコフ", KHARKIV))]   # 攻撃は計3回
    assert assign_groups(evs) == ["g1", "g1", "g1"]


MOD = {"id": "rus_mod", "country": "RUS"}
KYIV_GOV = {"id": "ukr_gov", "country": "UKR"}
TOWN = {"id": "sudzha", "country": "RUS", "kind": "city"}


def test_one_speakers_statements_of_one_content_are_one_statement_at_any_distance():
    capture = ("patient", "スジャ", TOWN)
    evs = [rec(10, "CAPTURE", 0, capture, ("source", "国防省", MOD), lemma="奪還"),
           rec(20, "STATEMENT", 0, ("agent", "国防省", MOD), lemma="発表"),
           *[rec(k * 100, "MEETING", k, lemma="会談") for k in range(2, 6)],   # far apart
           rec(1010, "CAPTURE", 10, capture, ("source", "国防省", MOD), lemma="奪還"),
           rec(1020, "STATEMENT", 10, ("agent", "国防省", MOD), lemma="主張"),
           # another speaker on the same capture is another statement
           rec(1110, "CAPTURE", 11, capture, ("source", "政府", KYIV_GOV), lemma="奪還"),
           rec(1120, "STATEMENT", 11, ("agent", "政府", KYIV_GOV), lemma="否定")]
    g = assign_groups(evs)
    assert g[0] == g[6] == g[8]                       # one capture
    assert g[1] == g[7] and g[9] != g[1]              # 発表 … 主張: one statement
    assert g[:2] == ["g1", "g2"] and g[7] == "g2"     # numbered by first mention


@pytest.mark.parametrize("first, then, one", [
    # ロシア軍はスジャを奪還したと発表した。…ロシアは奪還を改めて主張した。: a state and its
    # forces speak as one side
    (("ロシア軍", {"id": "rus_military", "country": "RUS", "kind": "military"}),
     ("ロシア", {"id": "rus", "country": "RUS", "kind": "state"}), True),
    # a person, or an agency, speaks for itself: 大統領 and 国防省 claiming it are two statements
    (("ロシア軍", {"id": "rus_military", "country": "RUS", "kind": "military"}),
     ("プーチン大統領", {"id": "putin", "country": "RUS", "kind": "person"}), False),
    (("ロシア", {"id": "rus", "country": "RUS", "kind": "state"}),
     ("国防省", {"id": "rus_mod", "country": "RUS", "kind": "government"}), False),
])
def test_a_state_and_its_forces_claiming_one_content_make_one_statement(first, then, one):
    capture = ("patient", "スジャ", TOWN)
    evs = [rec(10, "CAPTURE", 0, capture, ("source", *first), lemma="奪還"),
           rec(20, "STATEMENT", 0, ("agent", *first), lemma="発表"),
           *[rec(k * 100, "MEETING", k, lemma="会談") for k in range(2, 6)],   # far apart
           rec(1010, "CAPTURE", 10, capture, ("source", *then), lemma="奪還"),
           rec(1020, "STATEMENT", 10, ("agent", *then), lemma="主張")]
    g = assign_groups(evs)
    assert g[0] == g[6]
    assert (g[1] == g[7]) is one


def test_statements_of_different_contents_stay_apart():
    evs = [rec(10, "CAPTURE", 0, ("patient", "スジャ", TOWN), ("source", "国防省", MOD), lemma="奪還"),
           rec(20, "STATEMENT", 0, ("agent", "国防省", MOD), lemma="発表"),
           *[rec(k * 100, "MEETING", k, lemma="会談") for k in range(2, 6)],   # far apart
           rec(1010, "ATTACK", 10, ("source", "国防省", MOD)),
           rec(1020, "STATEMENT", 10, ("agent", "国防省", MOD), lemma="発表")]
    g = assign_groups(evs)
    assert g[1] != g[-1]


def test_the_same_speech_verb_nearby_on_another_content_is_another_statement():
    # ロシアはスジャを奪還したと発表した。ロシアはスーミ州でも集落を支配していると発表した。
    other = {"id": "sumy_village", "country": "UKR", "kind": "village"}
    rus = ("ロシア", {"id": "rus", "country": "RUS", "kind": "state"})
    evs = [rec(10, "CAPTURE", 0, ("patient", "スジャ", TOWN), ("source", *rus), lemma="奪還"),
           rec(20, "STATEMENT", 0, ("agent", *rus), lemma="発表"),
           rec(110, "CAPTURE", 1, ("patient", "集落", other), ("source", *rus), lemma="支配"),
           rec(120, "STATEMENT", 1, ("agent", *rus), lemma="発表")]
    g = assign_groups(evs)
    assert g[1] != g[3]
    # said on one stated day, the two are one statement (GUIDELINES §6.1)
    evs[1]["arguments"].append({"role": "time", "text": "6月", "norm": day("2024-06")})
    evs[3]["arguments"].append({"role": "time", "text": "6月", "norm": day("2024-06")})
    g = assign_groups(evs)
    assert g[1] == g[3]


MIL = {"id": "rus_military", "country": "RUS", "kind": "military"}
RUS_STATE = {"id": "rus", "country": "RUS", "kind": "state"}
UKR_STATE = {"id": "ukr", "country": "UKR", "kind": "state"}


@pytest.mark.parametrize("gap, named, one", [
    (1, True, True),      # …と発表した。ウクライナはロシア側の主張を否定した: that claim
    (3, True, False),     # paragraphs later, another claim may be meant
    (1, False, False),    # ロシアは…と主張した: a speech verb tells a statement of its own
])
def test_a_speech_named_by_a_noun_right_after_a_statement_is_that_statement(gap, named, one):
    talks = [rec(n * 100 + 10, "MEETING", n, lemma="会談") for n in range(1, gap)]
    evs = [rec(10, "CAPTURE", 0, ("patient", "スジャ", TOWN), ("source", "ロシア軍", MIL), lemma="奪還"),
           rec(20, "STATEMENT", 0, ("agent", "ロシア軍", MIL), lemma="発表"), *talks,
           rec(gap * 100 + 10, "STATEMENT", gap, ("agent", "ロシア側", RUS_STATE), lemma="主張",
               named=named),
           rec(gap * 100 + 20, "STATEMENT", gap, ("agent", "ウクライナ", UKR_STATE), lemma="否定")]
    g = assign_groups(evs)
    assert (g[1] == g[-2]) is one
    assert g[-1] != g[1]                          # the denial is Ukraine's own statement


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, named", [
    ("ウクライナはロシア側の主張を否定した。", "主張", True),
    ("ウクライナはロシア側の主張を否定した。", "否定", False),
    ("ロシア軍は村を奪還したと主張した。", "主張", False),
])
def test_a_speech_named_by_a_noun(nlp, text, trigger, named):
    assert raw_event(nlp, text, trigger)["named"] is named


def test_denials_of_one_statement_are_one_statement():
    ukr = ("agent", "ウクライナ", UKR_STATE)
    putin = ("agent", "プーチン大統領", {"id": "putin", "country": "RUS", "kind": "person"})
    talks = [rec(n * 100 + 10, "MEETING", n, lemma="会談") for n in range(2, 6)]
    # ロシア軍はスジャを奪還したと発表した。ウクライナは否定した。(far on) ロシアはスジャを奪還し
    # たと主張し、ウクライナはこれを否定した。: one claim, denied twice
    evs = [rec(10, "CAPTURE", 0, ("patient", "スジャ", TOWN), ("source", "ロシア軍", MIL), lemma="奪還"),
           rec(20, "STATEMENT", 0, ("agent", "ロシア軍", MIL), lemma="発表"),
           rec(110, "STATEMENT", 1, ukr, lemma="否定", rebuts=True), *talks,
           rec(610, "CAPTURE", 6, ("patient", "スジャ", TOWN), ("source", "ロシア", RUS_STATE),
               lemma="奪還"),
           rec(620, "STATEMENT", 6, ("agent", "ロシア", RUS_STATE), lemma="主張"),
           rec(630, "STATEMENT", 6, ukr, lemma="否定", rebuts=True)]
    g = assign_groups(evs)
    assert g[1] == g[8] and g[2] == g[9] and g[2] != g[1]
    # a denial of another statement (the president's verdict on the war) is another statement
    evs[7:10] = [rec(610, "STATEMENT", 6, putin, lemma="評価"),
                 rec(630, "STATEMENT", 6, ukr, lemma="否定", rebuts=True)]
    g = assign_groups(evs)
    assert g[2] != g[8]


@pytest.mark.model
def test_which_statements_answer_the_one_told(nlp):
    assert raw_event(nlp, "ウクライナはロシアの主張を否定した。", "否定")["rebuts"] is True
    assert raw_event(nlp, "ロシアは奪還したと発表した。", "発表")["rebuts"] is False


def test_visits_by_different_people_are_different_meetings():
    putin = {"id": "putin", "country": "RUS", "kind": "person"}
    shoigu = {"id": "shoigu", "country": "RUS", "kind": "person"}
    kim = {"id": "kim_jong_un", "country": "PRK", "kind": "person"}
    # ショイグ氏が平壌を訪問した。…プーチン氏が北朝鮮を訪問した際…: two visits
    evs = [rec(10, "MEETING", 0, ("agent", "ショイグ氏", shoigu), lemma="訪問"),
           rec(110, "MEETING", 1, ("agent", "プーチン氏", putin), lemma="訪問")]
    assert assign_groups(evs) == ["g1", "g2"]
    # プーチン氏が金正恩氏と会談した。…金正恩氏との会談で…: one meeting; the talks with no one
    # named may be any
    evs = [rec(10, "MEETING", 0, ("agent", "プーチン氏", putin), ("agent", "金正恩氏", kim),
               lemma="会談"),
           rec(110, "MEETING", 1, ("agent", "金正恩氏", kim), lemma="会談"),
           rec(210, "MEETING", 2, lemma="会談")]
    assert assign_groups(evs) == ["g1", "g1", "g1"]


def test_acts_in_two_provinces_are_two_acts_but_a_country_frames_either():
    kursk = {"id": "kursk_oblast", "country": "RUS", "kind": "admin1"}
    donetsk = {"id": "donetsk_oblast", "country": "UKR", "kind": "admin1"}
    ukraine = {"id": "ukr", "country": "UKR", "kind": "country"}
    russia = {"id": "rus", "country": "RUS", "kind": "country"}
    rus = ("agent", "ロシア", RUS)
    # ロシアはクルスク州で集落を解放した。ドネツク州の都市もロシアが解放した。
    evs = [rec(10, "CAPTURE", 0, rus, ("place", "クルスク州", kursk), lemma="解放"),
           rec(110, "CAPTURE", 1, rus, ("place", "ドネツク州", donetsk), lemma="解放")]
    assert assign_groups(evs) == ["g1", "g2"]
    # a country named as the place is the wider frame, not another place (ロシアで… ウクライナで…
    # of one strike told from both sides)
    evs = [rec(10, "ATTACK", 0, rus, ("place", "ロシア", russia)),
           rec(110, "ATTACK", 1, rus, ("place", "ウクライナ", ukraine))]
    assert assign_groups(evs) == ["g1", "g1"]


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
    # the headline's 発表 and the body's 発表 by one speaker; another speaker's 発表 is another act
    evs = [rec(10, "STATEMENT", 0, ("agent", "国防省", RUS), lemma="発表"),
           rec(110, "STATEMENT", 1, ("agent", "国防省", RUS), lemma="発表"),
           rec(210, "STATEMENT", 2, ("agent", "大統領", UKR), lemma="発表")]
    assert assign_groups(evs) == ["g1", "g1", "g2"]


def test_a_statement_repeated_far_away_is_another_statement():
    # 国防省は3日、…と発表した。(four sentences on other things) 国防省はまた…と発表した。
    def told(sent, *args):
        return rec(sent * 100 + 10, "STATEMENT", sent, ("agent", "国防省", RUS), *args, lemma="発表")

    def other(sent):                     # sentences in between tell of an attack
        return rec(sent * 100 + 10, "ATTACK", sent)
    on_3rd = ("time", "3日", day("2024-05-03"))
    evs = [told(0), told(1), other(2), other(3), other(4), told(5), told(6, on_3rd),
           other(7), other(8), other(9), told(10, on_3rd)]
    groups = [g for g, e in zip(assign_groups(evs), evs) if e["type"] == "STATEMENT"]
    assert groups == ["g1", "g1", "g3", "g3", "g3"]


def test_a_person_found_as_agent_does_not_split_an_attack():
    # ロシア軍がハリコフを攻撃した。知事は「攻撃は夜通し続いた」と述べた (知事 taken as agent)
    governor = {"id": "person:知事"}
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS), ("patient", "ハリコフ", KHARKIV)),
           rec(110, "ATTACK", 1, ("agent", "知事", governor))]
    assert assign_groups(evs) == ["g1", "g1"]


def test_a_back_reference_does_not_lend_its_word_to_the_group():
    # ウクライナ軍が反転攻勢に出た。この攻撃で… (the 攻勢). 翌月、ロシア軍が攻撃した。
    evs = [rec(10, "ATTACK", 0, ("agent", "ウクライナ軍", UKR), lemma="攻勢"),
           rec(110, "ATTACK", 1, backref=True),
           rec(210, "ATTACK", 2)]
    assert assign_groups(evs) == ["g1", "g1", "g2"]


def test_a_feared_attack_is_not_the_attack_told():
    # ロシア軍が港を攻撃した。市長は「攻撃は2時間続いた」と述べ、さらなる攻撃の恐れがあると警告した。
    # 死者は10人に上るとみられる (a hedged count of the same deaths stays in its group)
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS)),
           rec(110, "ATTACK", 1),
           rec(150, "ATTACK", 1, modality="uncertain"),
           rec(210, "CASUALTY", 2, lemma="死者"),
           rec(310, "CASUALTY", 3, lemma="死者", modality="uncertain")]
    assert assign_groups(evs) == ["g1", "g1", "g2", "g3", "g3"]


def test_fighting_in_general_hedged_is_still_the_fighting_told():
    # 両軍は州内で激しい戦闘を続けている。増援が戦闘の行方をどう変えるかは分からない。
    evs = [rec(10, "ATTACK", 0, lemma="戦闘", generic=True),
           rec(110, "ATTACK", 1, lemma="戦闘", generic=True, modality="uncertain")]
    assert assign_groups(evs) == ["g1", "g1"]


def test_another_word_on_the_same_place_in_the_next_sentence_is_the_same_attack():
    # ロシア軍がハリコフを砲撃した。ハリコフへの攻撃で…。(two sentences on other things)
    # ハリコフでは空爆も… (too far to tell by the place alone)
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS), ("patient", "ハリコフ", KHARKIV), lemma="砲撃"),
           rec(110, "ATTACK", 1, ("patient", "ハリコフ", KHARKIV)),
           rec(210, "STATEMENT", 2, lemma="述べ"), rec(310, "STATEMENT", 3, lemma="語っ"),
           rec(410, "ATTACK", 4, ("place", "ハリコフ", KHARKIV), lemma="空爆")]
    assert assign_groups(evs) == ["g1", "g1", "g2", "g3", "g4"]


def test_one_speaker_two_speech_verbs_in_one_sentence_is_one_statement():
    # 司令官は「敵は疲弊している」との見方を示し、反撃に出ると通信アプリで明らかにした。
    # 司令官は翌日、補給が届いたと述べた。 (another sentence: another statement)
    chief = {"id": "person:司令官"}
    evs = [rec(10, "STATEMENT", 0, ("agent", "司令官", chief), lemma="示す"),
           rec(40, "STATEMENT", 0, ("agent", "司令官", chief), lemma="明らか"),
           rec(110, "STATEMENT", 1, ("agent", "司令官", chief), lemma="述べる")]
    assert assign_groups(evs) == ["g1", "g1", "g2"]


def test_a_statement_that_continues_the_one_before_is_one_statement():
    # 報道官は「村を奪還した」との見方を示した。記者会見で明らかにした。(no content of its own)
    # 報道官は翌週、「補給が届いた」と明らかにした。 (the next 明らかにした is another statement)
    spokesman = {"id": "person:報道官"}
    evs = [rec(10, "STATEMENT", 0, ("agent", "報道官", spokesman), lemma="示す"),
           rec(110, "STATEMENT", 1, ("agent", "報道官", spokesman), lemma="明らか", continues=True),
           rec(310, "STATEMENT", 3, ("agent", "報道官", spokesman), lemma="明らか")]
    assert assign_groups(evs) == ["g1", "g1", "g2"]


def test_a_statement_continues_only_the_sentence_before():
    spokesman = {"id": "person:報道官"}
    evs = [rec(10, "STATEMENT", 0, ("agent", "報道官", spokesman), lemma="示す"),
           rec(110, "ATTACK", 1),
           rec(210, "STATEMENT", 2, ("agent", "報道官", spokesman), lemma="明らか", continues=True)]
    assert assign_groups(evs) == ["g1", "g2", "g3"]


def test_fighting_in_general_told_again_far_apart_is_another_fight():
    # 東部で戦闘が続いている。…(four sentences on other things)… 南部でも戦闘が激しくなった。
    # 戦闘は夜まで続いた。 (right after: the same fighting)
    evs = [rec(10, "ATTACK", 0, lemma="戦闘", generic=True)]
    evs += [rec(100 * k + 10, "STATEMENT", k, lemma="述べる") for k in range(1, 5)]
    evs += [rec(510, "ATTACK", 5, lemma="戦闘", generic=True),
            rec(610, "ATTACK", 6, lemma="戦闘", generic=True)]
    groups = [g for g, e in zip(assign_groups(evs), evs) if e["type"] == "ATTACK"]
    assert groups[0] != groups[1] and groups[1] == groups[2]


def test_a_specific_attack_word_told_again_far_apart_is_still_the_same_attack():
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS), lemma="砲撃")]
    evs += [rec(100 * k + 10, "STATEMENT", k, lemma="述べる") for k in range(1, 5)]
    evs += [rec(510, "ATTACK", 5, lemma="砲撃")]
    groups = [g for g, e in zip(assign_groups(evs), evs) if e["type"] == "ATTACK"]
    assert groups[0] == groups[1]


PRK = {"id": "prk", "country": "PRK"}
PRK_ARMY = {"id": "prk_military", "country": "PRK", "kind": "military"}
KOR = {"id": "kor", "country": "KOR"}
USA = {"id": "usa", "country": "USA"}


def test_one_deployment_told_by_several_verbs_is_one_group():
    # 北朝鮮がロシアに派兵した。北朝鮮軍の部隊が前線の戦闘に参加した。
    # ロシア軍が北朝鮮兵を投入した (the troops are North Korea's: the same deployment)
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), lemma="派兵"),
           rec(110, "DEPLOY", 1, ("patient", "北朝鮮軍", PRK_ARMY), lemma="参加"),
           rec(160, "DEPLOY", 1, ("agent", "ロシア軍", RUS), ("patient", "北朝鮮兵", PRK_ARMY),
               lemma="投入")]
    assert assign_groups(evs) == ["g1", "g1", "g1"]


def test_deployments_of_other_troops_or_other_units_stay_apart():
    # 北朝鮮が兵士を派遣した。韓国も部隊を派兵した。(another country's troops)
    # 北朝鮮が派遣した兵士は国境に、工兵は地雷除去に投入された。(another unit)
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), ("patient", "兵士", None), lemma="派遣"),
           rec(110, "DEPLOY", 1, ("agent", "韓国", KOR), lemma="派兵")]
    assert assign_groups(evs) == ["g1", "g2"]
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), ("patient", "兵士", None), lemma="派遣"),
           rec(60, "DEPLOY", 0, ("patient", "工兵", None), lemma="投入")]
    assert assign_groups(evs) == ["g1", "g2"]


@pytest.mark.parametrize("etype, first, second", [
    ("AGREEMENT", "署名", "締結"),      # 両国は条約に署名した。条約は同日締結された。
    ("AID", "供与", "支援"),            # 米国は戦車を供与すると発表した。この軍事支援は…
])
def test_one_agreement_or_aid_told_by_two_words_is_one_group(etype, first, second):
    evs = [rec(10, etype, 0, ("agent", "米国", USA), lemma=first),
           rec(110, etype, 1, lemma=second)]
    assert assign_groups(evs) == ["g1", "g1"]


def test_talks_told_by_another_word_stay_apart():
    # 外相が会談した。翌週には次官級で協議する。(another meeting, not the same talks)
    evs = [rec(10, "MEETING", 0, lemma="会談"), rec(110, "MEETING", 1, lemma="協議")]
    assert assign_groups(evs) == ["g1", "g2"]


def test_one_country_s_deployment_told_far_apart_in_another_word_is_one_group():
    # GUIDELINES §7 (second pass): a continuing operation told across the article is one group
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), lemma="派兵"),
           rec(110, "ATTACK", 1), rec(210, "ATTACK", 2),
           rec(310, "DEPLOY", 3, ("agent", "北朝鮮", PRK), lemma="参戦")]
    assert assign_groups(evs) == ["g1", "g2", "g2", "g1"]


def test_a_deployment_still_to_come_or_a_further_one_is_another_group():
    # 北朝鮮がロシアに派兵した。…北朝鮮軍がさらに投入されれば… (hypothetical)
    # …北朝鮮は追加派兵の準備を進めている。 (a further deployment) …追加派兵は来月にも…
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), lemma="派兵"),
           rec(110, "ATTACK", 1), rec(210, "ATTACK", 2),
           rec(310, "DEPLOY", 3, ("patient", "北朝鮮軍", PRK_ARMY), lemma="投入", prospective=True),
           rec(410, "DEPLOY", 4, ("agent", "北朝鮮", PRK), lemma="派兵", another=True),
           rec(510, "DEPLOY", 5, ("agent", "北朝鮮", PRK), lemma="派兵", another=True)]
    assert assign_groups(evs) == ["g1", "g2", "g2", "g3", "g4", "g4"]


def test_a_named_force_and_a_bare_word_for_soldiers_send_the_same_army():
    # 北朝鮮がロシアに兵士を派遣した。…ロシア軍は北朝鮮兵を前線に投入した。…精鋭の「特殊旅団」
    # (a named unit of the same army) も派遣された。: one deployment
    brigade = {"id": "prk_brigade", "country": "PRK", "kind": "military"}
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), ("patient", "兵士", None),
               lemma="派遣", bare_units=("兵士",)),
           rec(110, "ATTACK", 1), rec(210, "ATTACK", 2),
           rec(310, "DEPLOY", 3, ("agent", "ロシア軍", RUS), ("patient", "北朝鮮兵", PRK_ARMY),
               lemma="投入"),
           rec(410, "DEPLOY", 4, ("patient", "特殊旅団", brigade), lemma="派遣")]
    assert assign_groups(evs) == ["g1", "g2", "g2", "g1", "g1"]


def test_a_specialised_unit_sent_is_another_deployment_even_in_the_same_word():
    # 北朝鮮が兵士を派遣した。…北朝鮮は技術者もロシアに派遣した。…兵士たちを派遣した。
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), ("patient", "兵士", None),
               lemma="派遣", bare_units=("兵士",)),
           rec(110, "DEPLOY", 1, ("agent", "北朝鮮", PRK), ("patient", "技術者", None),
               lemma="派遣"),
           rec(210, "DEPLOY", 2, ("agent", "北朝鮮", PRK), ("patient", "兵士たち", None),
               lemma="派遣", bare_units=("兵士たち",))]
    assert assign_groups(evs) == ["g1", "g2", "g1"]
    # one mention sending both: only the bare word is the army (兵士と技術者を派遣)
    both = rec(10, "DEPLOY", 0, ("patient", "兵士", None), ("patient", "技術者", None),
               lemma="派遣", bare_units=("兵士",))
    assert features(both)["units"] == {"troops", "技術者"}


ARMY = ("troops", "兵力", "兵員", "戦力")      # what 派兵 says is sent (the extractor's list)


def test_a_word_that_says_troops_are_sent_sends_the_army():
    # 北朝鮮がロシアに兵士を派遣した。…議長は地雷除去チームを派遣すると発表した。この派兵は…
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), ("patient", "兵士", None),
               lemma="派遣", bare_units=("兵士",)),
           rec(110, "DEPLOY", 1, ("patient", "地雷除去チーム", None), lemma="派遣"),
           rec(210, "DEPLOY", 2, lemma="派兵", backref=True, implied_units=ARMY)]
    assert assign_groups(evs) == ["g1", "g2", "g1"]
    # manpower sent is what 派兵 says too: 北朝鮮が兵力を派遣した。この派兵は…
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), ("patient", "兵力", None), lemma="派遣"),
           rec(110, "DEPLOY", 1, lemma="派兵", backref=True, implied_units=ARMY)]
    assert assign_groups(evs) == ["g1", "g1"]
    # what it names sent, when it names one, is compared instead
    named = rec(10, "DEPLOY", 0, ("patient", "工兵", None), lemma="派兵", implied_units=ARMY)
    assert features(named)["sent"] == {"工兵"}


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, army", [
    ("北朝鮮はロシアに派兵した。", "派兵", True),
    ("北朝鮮はロシアに兵士を派遣した。", "派遣", False),
])
def test_which_words_say_troops_are_sent(nlp, text, trigger, army):
    implied = raw_event(nlp, text, trigger)["implied_units"]
    assert (implied == list(ARMY)) is army, implied


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, bare", [
    ("北朝鮮はロシアに兵士を派遣した。", "派遣", True),
    ("ロシア軍は前線に歩兵部隊を投入した。", "投入", True),
    ("北朝鮮はロシアに兵士たちを派遣した。", "派遣", True),      # with a plural suffix
    ("北朝鮮はロシアに建設部隊を派遣した。", "派遣", False),
    ("北朝鮮は技術者をロシアに派遣した。", "派遣", False),
])
def test_a_bare_word_for_soldiers_is_marked_for_grouping(nlp, text, trigger, bare):
    assert bool(raw_event(nlp, text, trigger)["bare_units"]) is bare


def test_an_act_told_as_done_already_is_not_the_further_act():
    # 北朝鮮は追加派兵の準備を進めている。北朝鮮はすでに兵士を派遣しており、…
    # 追加派兵は来月にも始まる。
    evs = [rec(10, "DEPLOY", 0, ("agent", "北朝鮮", PRK), lemma="派兵", another=True),
           rec(110, "DEPLOY", 1, ("agent", "北朝鮮", PRK), lemma="派遣", earlier=True),
           rec(210, "DEPLOY", 2, ("agent", "北朝鮮", PRK), lemma="派兵", another=True)]
    assert assign_groups(evs) == ["g1", "g2", "g1"]
    evs[1]["earlier"] = False            # without すでに the plain mention may name the latest
    assert assign_groups(evs) == ["g1", "g1", "g1"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, earlier", [
    ("北朝鮮はすでにロシアに兵士を派遣している。", "派遣", True),
    ("既に前線へ送り込まれた部隊が戦闘に加わった。", "送り込ま", True),
    ("北朝鮮はロシアに兵士を派遣している。", "派遣", False),
])
def test_already_marks_an_earlier_act(nlp, text, trigger, earlier):
    assert raw_event(nlp, text, trigger)["earlier"] is earlier


def test_a_place_found_as_agent_names_no_side():
    # headline: ハリコフ州で攻勢 (the oblast misread as the agent), then ロシア軍がハリコフ州で攻勢
    oblast = {"id": "kharkiv_oblast", "country": "UKR", "kind": "admin1"}
    evs = [rec(10, "ATTACK", 0, ("agent", "ハリコフ州", oblast), lemma="攻勢"),
           rec(110, "ATTACK", 1, ("agent", "ロシア軍", RUS), lemma="攻勢")]
    assert assign_groups(evs) == ["g1", "g1"]


def test_casualty_words_naming_one_outcome_group_as_one_word():
    # the extractor gives 死者数 the lemma 死亡 (rules/event_cues.tsv `synonym`):
    # 空爆で5人が死亡した。この日の死者数は今年最多だった。
    evs = [rec(10, "CASUALTY", 0, lemma="死亡"), rec(110, "CASUALTY", 1, lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g1"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, lemma", [
    ("空爆で市民5人が死亡し、死者数は今年最多となった。", "死者数", "死亡"),
    ("攻撃で兵士3人が死亡し、負傷者も出た。", "負傷者", "負傷"),
    ("攻撃で兵士3人が死亡した。", "死亡", "死亡"),
    ("隣国への侵略を非難した。", "侵略", "侵攻"),     # aggression and invasion: one act
    ("前線では多くの戦死者が出た。", "戦死者", "死亡"),   # a trigger of two tokens, as written
    ("両軍は国境付近で交戦した。", "交戦", "戦闘"),       # an engagement is fighting
])
def test_synonym_cues_give_the_grouping_lemma(nlp, text, trigger, lemma):
    doc = nlp(text)
    got = [e["lemma"] for e in doc._.events if text[slice(*e["trigger"])] == trigger]
    assert got == [lemma]


def test_casualty_words_name_different_outcomes():
    # ハリコフで3人が死亡した。ハリコフで10人が負傷した。
    evs = [rec(10, "CASUALTY", 0, ("place", "ハリコフ", KHARKIV), lemma="死亡"),
           rec(110, "CASUALTY", 1, ("place", "ハリコフ", KHARKIV), lemma="負傷")]
    assert assign_groups(evs) == ["g1", "g2"]


def test_one_count_of_two_outcomes_is_one_casualty_event():
    # 兵士約4千人が死亡または負傷した: one number counts both outcomes
    count = ("quantity", "約4千人", {"type": "NUMBER", "value": 4000})
    evs = [rec(10, "CASUALTY", 0, count, lemma="死亡"), rec(16, "CASUALTY", 0, count, lemma="負傷")]
    assert assign_groups(evs) == ["g1", "g1"]
    # 3人が死亡し、10人が負傷した: two counts, two outcomes
    evs = [rec(10, "CASUALTY", 0, ("quantity", "3人", {"type": "NUMBER", "value": 3}), lemma="死亡"),
           rec(16, "CASUALTY", 0, ("quantity", "10人", {"type": "NUMBER", "value": 10}),
               lemma="負傷")]
    assert assign_groups(evs) == ["g1", "g2"]


def test_an_attack_s_toll_is_apart_from_the_war_s_total():
    # 兵士の死者は1万人を超えた。… 町への砲撃で住民5人が死亡した。… 死者はさらに増えた。
    evs = [rec(10, "CASUALTY", 0, lemma="死亡"), rec(310, "ATTACK", 3, lemma="砲撃"),
           rec(320, "CASUALTY", 3, lemma="死亡"), rec(510, "CASUALTY", 5, lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g2", "g3", "g1"]
    # two strikes, two tolls: ハリコフへの砲撃で3人が死亡した。… オデーサへの空爆で5人が死亡した。
    evs = [rec(10, "ATTACK", 0, ("patient", "ハリコフ", KHARKIV), lemma="砲撃"),
           rec(20, "CASUALTY", 0, lemma="死亡"),
           rec(310, "ATTACK", 3, ("patient", "オデーサ", ODESA), lemma="空爆"),
           rec(320, "CASUALTY", 3, lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g2", "g3", "g4"]
    # fighting in general is no episode: 戦闘で兵士3人が死亡した is the war's toll again
    evs = [rec(10, "CASUALTY", 0, lemma="死亡"), rec(110, "ATTACK", 1, lemma="砲撃"),
           rec(120, "CASUALTY", 1, lemma="死亡"),
           rec(310, "ATTACK", 3, lemma="戦闘", generic=True), rec(320, "CASUALTY", 3, lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g2", "g3", "g4", "g1"]


def test_a_toll_told_again_without_its_attack_is_that_toll():
    # headline ミサイル攻撃で5人死亡 … body 住民5人が死亡した (no other toll told)
    evs = [rec(10, "ATTACK", 0), rec(20, "CASUALTY", 0, lemma="死亡"),
           rec(210, "CASUALTY", 2, lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g2", "g2"]


def test_a_word_for_the_killed_and_wounded_covers_both_nearby():
    both = ("死亡", "負傷")
    # ロシア軍の死傷者は200人を超えた。同軍の戦死者は50人、負傷者は150人に上る。
    evs = [rec(10, "CASUALTY", 0, lemma="死傷者", covers=both),
           rec(110, "CASUALTY", 1, lemma="死亡"), rec(120, "CASUALTY", 1, lemma="負傷")]
    assert assign_groups(evs) == ["g1", "g1", "g1"]
    # paragraphs apart (sentences count where events are), a death count is another count
    talks = [rec(n * 100 + 10, "MEETING", n, lemma="会談") for n in range(1, 5)]
    evs = [rec(10, "CASUALTY", 0, lemma="死傷者", covers=both), *talks,
           rec(510, "CASUALTY", 5, lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g2", "g2", "g2", "g2", "g3"]
    # a death count joined to the casualties does not draw in a death count told far later
    evs = [rec(10, "CASUALTY", 0, lemma="死傷者", covers=both), rec(110, "CASUALTY", 1, lemma="死亡"),
           *[rec(n * 100 + 10, "MEETING", n, lemma="会談") for n in range(2, 6)],
           rec(610, "CASUALTY", 6, lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g1", "g2", "g2", "g2", "g2", "g3"]
    # a strike's dead, then the month's casualties: not one toll
    evs = [rec(10, "ATTACK", 0, lemma="砲撃"), rec(20, "CASUALTY", 0, lemma="死亡"),
           rec(110, "CASUALTY", 1, lemma="死傷者", covers=both)]
    assert assign_groups(evs) == ["g1", "g2", "g3"]


@pytest.mark.model
@pytest.mark.parametrize("text, one", [
    ("ロシア軍の死傷者は200人を超えた。同軍の戦死者は50人、負傷者は150人に上る。", True),
    ("前線の村への砲撃で兵士3人が死亡した。ロシア軍の死傷者は今月、200人を超えた。", False),
])
def test_casualty_counts_in_an_article(nlp, text, one):
    groups = {r["trigger"]["text"]: r["group"] for r in records(nlp, text) if r["type"] == "CASUALTY"}
    assert len(groups) == (3 if one else 2), groups          # every count found
    assert (len(set(groups.values())) == 1) is one, groups


@pytest.mark.model
def test_casualties_cover_the_dead_and_the_wounded(nlp):
    assert raw_event(nlp, "ロシア軍の死傷者は200人を超えた。", "死傷者")["covers"] == ["死亡", "負傷"]
    assert raw_event(nlp, "攻撃で兵士3人が死亡した。", "死亡")["covers"] == []


def test_an_attack_made_by_other_means_is_another_attack():
    ukr = ("agent", "ウクライナ軍", UKR)
    # 越境攻撃を開始した。… 越境攻撃は… この攻撃は空軍によるドローン攻撃と同時に行われた。
    evs = [rec(10, "ATTACK", 0, ukr, means=["越境"]), rec(110, "ATTACK", 1, ukr, means=["越境"]),
           rec(210, "ATTACK", 2, ukr), rec(230, "ATTACK", 2, ukr, means=["ドローン"])]
    assert assign_groups(evs) == ["g1", "g1", "g1", "g2"]
    # ミサイルとドローンによる攻撃 … ドローン攻撃: one strike by both means
    evs = [rec(10, "ATTACK", 0, means=["ドローン", "ミサイル"]), rec(110, "ATTACK", 1, means=["ドローン"])]
    assert assign_groups(evs) == ["g1", "g1"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, how", [
    ("空軍によるドローン攻撃が続いた。", "攻撃", ["ドローン"]),
    ("ミサイルとドローンによる攻撃を受けた。", "攻撃", ["ドローン", "ミサイル"]),
    ("部隊は国境を越えて越境攻撃を開始した。", "攻撃", ["越境"]),
    ("軽歩兵のみでの攻撃が続いた。", "攻撃", ["歩兵"]),
    ("ロケット砲が東部に向けて発射された。", "発射", []),    # what is fired, not a kind of act
    ("ロシア軍の攻撃で住民が死亡した。", "攻撃", []),
    ("ドローンによる死者が増えた。", "死者", []),          # only an attack has means
    ("ミサイル迎撃に成功した。", "迎撃", []),               # what is shot down
])
def test_how_an_attack_is_made(nlp, text, trigger, how):
    assert raw_event(nlp, text, trigger)["means"] == how


def test_casualties_of_different_sides_stay_apart():
    # ロシア兵の死者は…。(paragraphs later) ウクライナ兵の死者は… (plain nouns: no ids, a side)
    rus, ukr = {"country": "RUS"}, {"country": "UKR"}
    evs = [rec(10, "CASUALTY", 0, ("patient", "ロシア兵", rus), lemma="死亡"),
           rec(110, "CASUALTY", 1, ("patient", "ロシア兵", rus), lemma="死亡"),
           rec(510, "CASUALTY", 5, ("patient", "ウクライナ兵", ukr), lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g1", "g2"]
    # the killers' side is no side of the dead: ロシア軍の攻撃で住民が死亡した。…ウクライナ
    # 兵も死亡した (the killers named once, the victims' side once: no conflict between them)
    evs = [rec(10, "CASUALTY", 0, ("agent", "ロシア軍", RUS), ("patient", "住民", None),
               lemma="死亡"),
           rec(110, "CASUALTY", 1, ("patient", "ウクライナ兵", ukr), lemma="死亡")]
    assert assign_groups(evs) == ["g1", "g1"]


def test_a_series_is_not_the_single_attack_told():
    # ロシア軍が港を攻撃した。港は今月、攻撃を繰り返し受けている。市長は攻撃の被害を調べている。
    # この攻撃は… (a back-reference may still name the series)
    evs = [rec(10, "ATTACK", 0, ("agent", "ロシア軍", RUS)),
           rec(110, "ATTACK", 1, iterative=True),
           rec(210, "ATTACK", 2),
           rec(310, "ATTACK", 3, backref=True)]
    assert assign_groups(evs) == ["g1", "g2", "g1", "g1"]


def test_a_series_on_one_named_day_is_that_day_s_wave():
    # 各地で5日、砲撃が相次いだ。市長によると、市内への砲撃で…。砲撃は夜まで続いた。
    # One day's wave is the episode the article tells, not a habit; 連日 (no day) stays apart.
    evs = [rec(10, "ATTACK", 0, ("time", "5日", day("2025-03-05")), iterative=True),
           rec(110, "ATTACK", 1),
           rec(210, "ATTACK", 2)]
    assert assign_groups(evs) == ["g1", "g1", "g1"]
    evs[0]["arguments"] = [{"role": "time", "text": "3月", "norm": day("2025-03")}]
    assert assign_groups(evs) == ["g1", "g2", "g2"]


def test_a_mention_after_a_series_skips_it_for_the_event_before():
    # 市内で砲撃が相次いだ (a series first), then one named attack told twice
    evs = [rec(10, "ATTACK", 0, iterative=True),
           rec(110, "ATTACK", 1, ("agent", "ロシア軍", RUS)),
           rec(210, "ATTACK", 2)]
    assert assign_groups(evs) == ["g1", "g2", "g2"]


@pytest.mark.parametrize("a, b, ok", [("2024-11", "2024-11-21", True), ("2024-11-20", "2024-11-21", False),
                                      (None, "2024", True), ("XXXX-WXX-7", "2025-04-13", True)])
def test_dates_compatible(a, b, ok):
    assert dates_compatible(a, b) is ok


# ---------------------------------------------------------------- sentences through GiNZA

@pytest.fixture(scope="module")
def nlp():
    from pipeline.parse.build import build
    from pipeline.rules import load_rules
    return build(load_rules())


def events_of(nlp, text):
    doc = nlp(text)
    return [{"type": e["type"], "trigger": text[slice(*e["trigger"])],
             "args": {(a["role"], text[a["start"]:a["end"]]) for a in e["arguments"]},
             "modality": e["modality"], "polarity": e["polarity"]} for e in doc._.events]


def find(evs, etype, trigger):
    hits = [e for e in evs if e["type"] == etype and e["trigger"] == trigger]
    assert hits, f"no {etype} {trigger} in {evs}"
    return hits[0]


def args_of(nlp, text, etype, trigger):
    """The (role, text) pairs of the `etype` event on `trigger` in `text`."""
    return find(events_of(nlp, text), etype, trigger)["args"]


def raw_event(nlp, text, trigger):
    """The extractor's own event dict (with its grouping flags) for `trigger` in `text`."""
    doc = nlp(text)
    hits = [e for e in doc._.events if text[slice(*e["trigger"])] == trigger]
    assert hits, f"no event {trigger} in {text}"
    return hits[0]


def records(nlp, text):
    """The event records of `text` as one article (groups assigned)."""
    from pipeline.article import process
    from pipeline.prepare.reading import Article
    from pipeline.rules import load_rules
    return process(Article(doc_id="t", path="t.txt", text=text), nlp, load_rules()).events


NEW_TYPES = [
    # LAUNCH: into the sea, no attacked target
    ("北朝鮮は弾道ミサイル2発を日本海に向けて発射した。", "LAUNCH", "発射",
     {("agent", "北朝鮮"), ("place", "日本海")}),
    # a missile named as launched in a compound (a headline) is a LAUNCH too ...
    ("北朝鮮が弾道ミサイル発射　日本海に落下", "LAUNCH", "発射", set()),
    ("北朝鮮、ICBM発射か", "LAUNCH", "発射", {("agent", "北朝鮮")}),
    # ... but not when people are killed by it in the same sentence
    ("武装勢力のミサイル発射で市民3人が死亡した。", "ATTACK", "発射", set()),
    # with a target it stays ATTACK, the target after に向けて is the patient
    ("ロシア軍はウクライナ東部に向けてミサイルを発射した。", "ATTACK", "発射",
     {("agent", "ロシア軍"), ("patient", "ウクライナ東部")}),
    # INCURSION: airspace
    ("ロシア軍機が北海道沖の領空を侵犯した。", "INCURSION", "侵犯", {("agent", "ロシア軍")}),   # the force, not the craft
    # INCURSION: territorial waters, the state whose ships enter is the agent
    ("中国の船4隻が尖閣諸島周辺の領海に侵入した。", "INCURSION", "侵入",
     {("agent", "中国"), ("quantity", "4隻")}),
    # waters named before a relational noun (領海内, 接続水域内) are still the waters sailed in
    ("中国海警局の船2隻が領海内を航行した。", "INCURSION", "航行",
     {("agent", "中国海警局"), ("quantity", "2隻")}),
    ("中国海警局の船が接続水域内で航行を続けている。", "INCURSION", "航行", {("agent", "中国海警局")}),
    # INTERCEPT: what is shot down is the patient
    ("ウクライナ空軍はドローン30機を撃墜したと発表した。", "INTERCEPT", "撃墜",
     {("patient", "ドローン"), ("quantity", "30機")}),
    ("防空部隊が巡航ミサイルを迎撃した。", "INTERCEPT", "迎撃", {("patient", "巡航ミサイル")}),
    # EXERCISE
    ("米韓両軍は来月、大規模な合同軍事演習を実施する。", "EXERCISE", "演習", {("time", "来月")}),
    # 緊急発進 is DEPLOY
    ("航空自衛隊の戦闘機が緊急発進した。", "DEPLOY", "緊急発進", set()),
]


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, args", NEW_TYPES)
def test_new_types(nlp, text, etype, trigger, args):
    e = find(events_of(nlp, text), etype, trigger)
    assert args <= e["args"], e


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("ロシア軍は引き続き同州の大部分を支配している。", "支配"),     # a continuing state
    ("ウクライナ軍は同村を支配していない。", "支配"),               # a negated state
    ("武装勢力が支配する港湾都市が空爆された。", "支配"),           # who holds it, now
    ("制裁は経済に大きな打撃を与えた。", "打撃"),                   # no military patient
    ("貨物船が港内を航行した。", "航行"),                           # sailing, in no state's waters
])
def test_non_event_senses(nlp, text, trigger):
    assert not [e for e in events_of(nlp, text) if e["trigger"] == trigger]


@pytest.mark.model
def test_a_bare_casualty_noun_with_its_own_subject_is_a_clause_of_its_own(nlp):
    """市民5人が死亡、20人以上がけがをした: the second clause's support verb carries けが only."""
    evs = events_of(nlp, "爆発で市民5人が死亡、20人以上がけがをした。")
    death, hurt = find(evs, "CASUALTY", "死亡"), find(evs, "CASUALTY", "けが")
    assert ("quantity", "5人") in death["args"] and ("quantity", "20人以上") not in death["args"]
    assert ("quantity", "20人以上") in hurt["args"]


@pytest.mark.model
@pytest.mark.parametrize("text, kept", [
    ("武装組織は国境の町を奇襲攻撃した。", "攻撃"),
    ("米軍は空爆攻撃を続けた。", "攻撃"),
])
def test_two_trigger_nouns_of_one_type_in_a_compound_are_one_mention(nlp, text, kept):
    assert [e["trigger"] for e in events_of(nlp, text) if e["type"] == "ATTACK"] == [kept]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("3月の戦闘開始以降、100万人以上が避難を余儀なくされた。", "戦闘"),
    ("空爆直後、救助隊員10人が現場に入った。", "空爆"),
])
def test_an_event_in_a_time_adverbial_takes_nothing_from_the_clause(nlp, text, trigger):
    """〜開始以降、 / 〜直後、: the clause's subject and object are not the event's."""
    e = find(events_of(nlp, text), "ATTACK", trigger)
    assert not {r for r, _ in e["args"]} & {"agent", "patient", "quantity"}, e


@pytest.mark.model
def test_weapon_is_no_attack_patient_and_instrument_is_no_agent(nlp):
    e = find(events_of(nlp, "ロシアのドローンによる攻撃で3人が死亡した。"), "ATTACK", "攻撃")
    assert ("agent", "ロシア") in e["args"] and not any(t == "ドローン" for _, t in e["args"])


@pytest.mark.model
@pytest.mark.parametrize("text, agents", [
    ("中国軍機による攻撃で漁船が沈んだ。", {"中国軍"}),           # the force inside the compound
    ("イラン製ドローンによる攻撃で2人が負傷した。", set()),        # a maker wields nothing
    ("武装勢力はイラン製ドローンによる攻撃を続けた。", {"武装勢力"}),
])
def test_an_instruments_force_is_the_agent_and_its_maker_is_not(nlp, text, agents):
    e = find(events_of(nlp, text), "ATTACK", "攻撃")
    assert {t for r, t in e["args"] if r == "agent"} == agents, e


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, series", [
    ("南部の港で砲撃が相次いだ。", "砲撃", True),                     # the series is the subject
    ("武装勢力は国境の検問所への攻撃を繰り返している。", "攻撃", True),   # ... or the object
    ("同軍は連日、北部の村を砲撃している。", "砲撃", True),            # an adverb of frequency
    ("敵は相次いで味方の拠点を攻撃した。", "攻撃", True),
    ("同軍は2日、北部の村を砲撃した。", "砲撃", False),               # one dated act
])
def test_a_series_is_marked_iterative(nlp, text, trigger, series):
    assert raw_event(nlp, text, trigger)["iterative"] is series


# ---------------------------------------------------------------- constructions (item 4)

CONSTRUCTIONS = [
    # support verbs: N を仕掛ける / 開始する / 出す / 行う / 強める
    ("ロシア軍は攻撃を仕掛けた。", "ATTACK", "攻撃", {("agent", "ロシア軍")}),
    ("ウクライナ軍は反撃を開始した。", "ATTACK", "反撃", {("agent", "ウクライナ軍")}),
    ("米国防総省は声明を出した。", "STATEMENT", "声明", {("agent", "米国防総省")}),
    ("両首脳は会談を行った。", "MEETING", "会談", set()),
    ("ロシア軍は東部で攻勢を強めている。", "ATTACK", "攻勢", {("agent", "ロシア軍")}),
    # speech and cognition predicates with a と-complement
    ("ゼレンスキー大統領はロシアが攻撃を強めているとの見方を示した。", "STATEMENT", "示し",
     {("agent", "ゼレンスキー大統領")}),
    # an abbreviation compound before the event noun: each letter is an agent (SPEC §7)
    ("日米首脳会談が開かれた。", "MEETING", "首脳会談", {("agent", "日"), ("agent", "米")}),
    ("北朝鮮は米韓合同演習を非難した。", "EXERCISE", "演習", {("agent", "米"), ("agent", "韓")}),
    # a reaction told with a quotation is a statement (反発, 歓迎 with a と-complement)
    ("外務省は「容認できない挑発だ」と反発した。", "STATEMENT", "反発", {("agent", "外務省")}),
    ("国防省は「同盟が強まる」と歓迎した。", "STATEMENT", "歓迎", {("agent", "国防省")}),
    # a nominal mention used as a label is an event too (SPEC v2)
    ("停戦交渉は難航している。", "MEETING", "交渉", set()),
    # a headline without a verb
    ("ロシア軍、東部の要衝を制圧", "CAPTURE", "制圧", {("agent", "ロシア軍")}),
]


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, args", CONSTRUCTIONS)
def test_constructions(nlp, text, etype, trigger, args):
    e = find(events_of(nlp, text), etype, trigger)
    assert args <= e["args"], e


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("住民は基地の建設に反発した。", "反発"),            # opposition with no words said
    ("市は観光客を歓迎した。", "歓迎"),
])
def test_a_reaction_without_a_quotation_is_no_statement(nlp, text, trigger):
    assert not [e for e in events_of(nlp, text) if e["trigger"] == trigger]


@pytest.mark.model
def test_compound_naming_something_else_is_no_mention(nlp):
    evs = events_of(nlp, "ロシア軍は攻撃型ドローンを配備した。")
    assert not [e for e in evs if e["trigger"] == "攻撃"]


# ---------------------------------------------------------------- propagation (item 5)

@pytest.mark.model
def test_date_of_the_sentence_goes_to_every_event(nlp):
    evs = events_of(nlp, "ロシア軍が5日、ハリコフ州を攻撃し、住民3人が死亡した。")
    assert ("time", "5日") in find(evs, "CASUALTY", "死亡")["args"]


@pytest.mark.model
@pytest.mark.parametrize("text, date", [
    ("フランスとドイツは3日、50人ずつの捕虜交換を実施したと発表した。", "3日"),       # topic conjunct
    ("一方、北部戦線を巡ってポーランド軍は9日、ロシア軍が村から撤退したと明らかにした。", "9日"),
    ("フランスが港湾施設への攻撃を実施したと7日（現地時間）、明らかにした。", "7日"),  # after the quote
])
def test_opening_date_dates_the_statement(nlp, text, date):
    evs = [e for e in events_of(nlp, text) if e["type"] == "STATEMENT"]
    assert evs and ("time", date) in evs[-1]["args"]


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, date", [
    ("イスラエルがレバノンに侵攻した2024年10月以降、住民の避難が続いている。", "ATTACK", "侵攻", "2024年10月"),
    ("戦闘が始まった3月から、死傷者は計約5千人に上った。", "ATTACK", "戦闘", "3月"),
])
def test_date_a_relative_clause_modifies_is_its_time(nlp, text, etype, trigger, date):
    assert ("time", date) in args_of(nlp, text, etype, trigger)


@pytest.mark.model
def test_day_of_the_occasion_dates_the_statement(nlp):
    evs = events_of(nlp, "国防省の報道官は5日の記者会見で、ロシア軍が村を攻撃したと述べた。")
    assert ("time", "5日") in find(evs, "STATEMENT", "述べ")["args"]
    evs = events_of(nlp, "両国は7月の停戦で合意した。")        # the truce's month, no occasion
    assert not any(r == "time" for r, _ in find(evs, "AGREEMENT", "合意")["args"])


@pytest.mark.model
def test_place_adverbial_goes_to_every_event(nlp):
    evs = events_of(nlp, "東部ドネツク州で8日、ロシア軍の砲撃があり、2人が負傷した。")
    for etype, trig in (("ATTACK", "砲撃"), ("CASUALTY", "負傷")):
        assert ("place", "東部ドネツク州") in find(evs, etype, trig)["args"]


@pytest.mark.model
def test_according_reaches_later_clauses(nlp):
    evs = events_of(nlp, "ロイター通信によると、ロシア軍は村を制圧し、さらに西へ進軍した。")
    for etype, trig in (("CAPTURE", "制圧"), ("ATTACK", "進軍")):
        e = find(evs, etype, trig)
        assert ("source", "ロイター通信") in e["args"] and e["modality"] == "reported"


@pytest.mark.model
def test_polite_according_reaches_later_clauses(nlp):
    # 〜によりますと (broadcast style) is 〜によると; the topic of the final とした is no speaker
    text = "フランス国防省によりますと、ロシア軍は南部で攻勢を強め、住民3人が死亡したとしています。"
    for etype, trig in (("ATTACK", "攻勢"), ("CASUALTY", "死亡")):
        e = find(events_of(nlp, text), etype, trig)
        assert ("source", "フランス国防省") in e["args"] and ("source", "ロシア軍") not in e["args"]


@pytest.mark.model
def test_leaders_condemning_an_attack_are_its_source(nlp):
    evs = events_of(nlp, "ドイツとフランスの首脳も攻撃を非難した。")
    assert ("agent", "首脳") in find(evs, "STATEMENT", "非難")["args"]
    assert ("source", "首脳") in find(evs, "ATTACK", "攻撃")["args"]


@pytest.mark.model
def test_sentence_that_only_attributes_attributes_the_one_before(nlp):
    evs = events_of(nlp, "ロシア軍はハリコフ州で攻勢を強めている。ウクライナ軍が明らかにした。")
    e = find(evs, "ATTACK", "攻勢")
    assert ("source", "ウクライナ軍") in e["args"] and e["modality"] == "reported"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, continues", [
    # no content of its own: the medium of what was just said
    ("国防省のスミス報道官は5日、敵の攻勢が弱まったとの見方を示した。記者会見で明らかにした。",
     "明らか", True),
    # the content added with も
    ("国防省のスミス報道官は5日、敵の攻勢が弱まったと述べた。補給が続いているとの見方も示した。",
     "示し", True),
    # the quote opened in the statement's sentence closes here
    ("国防省のスミス報道官は声明で「敵は後退した。我々は前進を続ける」と述べた。", "述べ", True),
    # a new quote of its own: the speaker's next statement
    ("国防省のスミス報道官は5日、ロシア軍が村を攻撃したと述べた。「我々は反撃する」と強調した。",
     "強調", False),
    # the speaker named again
    ("国防省のスミス報道官は5日、敵の攻勢が弱まったと述べた。スミス報道官は記者会見で明らかにした。",
     "明らか", False),
])
def test_a_statement_that_continues_the_one_before(nlp, text, trigger, continues):
    doc = nlp(text)
    hits = [e for e in doc._.events if e["type"] == "STATEMENT"
            and text[slice(*e["trigger"])] == trigger]
    assert hits and hits[-1]["continues"] is continues


@pytest.mark.model
def test_words_for_fighting_in_general_are_marked_generic(nlp):
    text = "東部の村で激しい戦闘が続いた。ロシア軍は市街地を砲撃し、南部でも前進した。"
    doc = nlp(text)
    generic = {text[slice(*e["trigger"])]: e["generic"] for e in doc._.events}
    # an advance is the front's movement in general, like fighting
    assert generic == {"戦闘": True, "砲撃": False, "前進": True}


@pytest.mark.model
def test_speaker_left_unsaid_is_the_speaker_of_the_sentence_before(nlp):
    # a subject that stays the same is dropped: the next speech verb and its content
    text = "国防省のスミス報道官は5日、ロシア軍が村を攻撃したと述べた。「我々は反撃する」と強調した。"
    evs = events_of(nlp, text)
    assert ("agent", "スミス報道官") in find(evs, "STATEMENT", "強調")["args"]
    assert ("source", "スミス報道官") in find(evs, "ATTACK", "反撃")["args"]


@pytest.mark.model
def test_quote_over_several_sentences_after_a_request_keeps_the_speaker(nlp):
    text = ("ショルツ首相は、ロシアに対して即時の停戦に応じるよう国際社会に求めた。「ロシアは攻撃をやめていない。"
            "圧力をかけなければ和平は来ない。交渉が空爆を止めたことはない」と投稿した。")
    evs = events_of(nlp, text)
    assert ("agent", "ショルツ首相") in find(evs, "STATEMENT", "投稿")["args"]
    assert ("source", "ショルツ首相") in find(evs, "ATTACK", "空爆")["args"]
    assert not any(r == "agent" and x == "ロシア" for r, x in find(evs, "STATEMENT", "投稿")["args"])


@pytest.mark.model
def test_sentence_opening_a_quote_is_said_by_its_topic(nlp):
    text = "ショルツ首相は声明で、ロシアがウクライナに侵攻した2022年2月以降、「多くの市民が犠牲になった。我々は支援を続ける」と述べた。"
    evs = events_of(nlp, text)
    for etype, trig in (("ATTACK", "侵攻"), ("CASUALTY", "犠牲")):
        assert ("source", "ショルツ首相") in find(evs, etype, trig)["args"]


@pytest.mark.model
def test_subject_of_a_relative_clause_is_not_the_speaker(nlp):
    text = "英国防省は3日、ロシア軍が村を攻撃したと発表した。ロシアが先月開催した演習で使われた兵器については、改良されたと分析した。"
    assert ("agent", "英国防省") in find(events_of(nlp, text), "STATEMENT", "分析")["args"]


@pytest.mark.model
def test_hearsay_after_according_keeps_the_origin(nlp):
    # 〜によると in one sentence, 〜という in the next: the same origin reports
    text = "同国の国防省によると、敵は夜間に無人機40機を送り込んだ。このうち35機を撃墜したという。"
    e = find(events_of(nlp, text), "INTERCEPT", "撃墜")
    assert ("source", "国防省") in e["args"] and e["modality"] == "reported"


@pytest.mark.model
def test_quote_split_into_sentences_keeps_its_speaker(nlp):
    text = "米国防総省は5日、「敵の攻勢は続いている。我々は陣地を守り抜く」と述べた。"
    assert ("agent", "米国防総省") in find(events_of(nlp, text), "STATEMENT", "述べ")["args"]


@pytest.mark.model
def test_speaker_reporting_its_own_act_is_agent_and_source(nlp):
    e = find(events_of(nlp, "英国防省は夜間に敵の無人機10機を撃墜したと明らかにした。"), "INTERCEPT", "撃墜")
    assert {("agent", "英国防省"), ("source", "英国防省")} <= e["args"]


@pytest.mark.model
def test_speaker_reporting_its_own_act_is_its_agent_where_the_parse_shares_no_subject(nlp):
    # the relative clause inside the object keeps the parse from sharing the topic
    text = "ロシアは1日、東部の主要な物流拠点であるドネツク州の町と、ハルキウ州の村を制圧したと発表した。"
    e = find(events_of(nlp, text), "CAPTURE", "制圧")
    assert {("agent", "ロシア"), ("source", "ロシア")} <= e["args"]


@pytest.mark.model
def test_speaker_is_no_agent_of_an_act_with_its_own_subject(nlp):
    text = "国防省は5日、演習を終えたイラン軍部隊の一部が、国境に近いシリア東部に移動しているのが確認されたと発表した。"
    e = find(events_of(nlp, text), "DEPLOY", "移動")
    assert ("agent", "国防省") not in e["args"] and ("source", "国防省") in e["args"]


@pytest.mark.model
def test_speaker_is_no_agent_where_another_doer_is_named(nlp):
    text = "マクロン大統領は、ロシア軍が南部で攻勢を強めるため、予備の部隊を投入したと述べた。"
    e = find(events_of(nlp, text), "DEPLOY", "投入")
    assert ("agent", "マクロン大統領") not in e["args"] and ("source", "マクロン大統領") in e["args"]


@pytest.mark.model
def test_coordinated_agents_are_each_agents(nlp):
    e = find(events_of(nlp, "ロシアと北朝鮮は条約に署名した。"), "AGREEMENT", "署名")
    assert {("agent", "ロシア"), ("agent", "北朝鮮")} <= e["args"]


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger", [
    # the parse hangs the partner on the next noun phrase: it is still the act's partner
    ("エルドアン大統領がゼレンスキー大統領と首都の宮殿で会談を行い、合意文書に署名した。", "MEETING", "会談"),
    ("マクロン大統領はショルツ首相とベルリン郊外の別荘で協議し、共同宣言に署名した。", "MEETING", "協議"),
    # and goes with the shared subject into the joint act coordinated after it
    ("エルドアン大統領がゼレンスキー大統領と首都の宮殿で会談を行い、合意文書に署名した。", "AGREEMENT", "署名"),
])
def test_partner_of_a_joint_act_is_an_agent(nlp, text, etype, trigger):
    args = args_of(nlp, text, etype, trigger)
    partner = "ゼレンスキー大統領" if "ゼレンスキー" in text else "ショルツ首相"
    assert ("agent", partner) in args


@pytest.mark.model
def test_casualty_nouns_with_their_own_subjects_keep_their_own_numbers(nlp):
    evs = events_of(nlp, "東部の都市ハルキウの中心部に9日、ミサイル攻撃があり、5人が死亡、10人が負傷した。")
    assert ("quantity", "10人") not in find(evs, "CASUALTY", "死亡")["args"]
    # 死亡または負傷した: a bare noun coordinated with the next predicate still shares it
    evs = events_of(nlp, "兵士3人が死亡または負傷した。")
    assert ("quantity", "3人") in find(evs, "CASUALTY", "死亡")["args"]


@pytest.mark.model
def test_potential_of_a_support_verb_keeps_the_doer(nlp):
    # 攻撃を続けられる: the trigger is the object, so られる is the potential, not a passive
    e = find(events_of(nlp, "ロシアがいつまで大規模な砲撃を続けられるのか、疑問視する声もある。"), "ATTACK", "砲撃")
    assert ("agent", "ロシア") in e["args"]


@pytest.mark.model
def test_noun_a_meeting_clause_modifies_is_a_party(nlp):
    e = find(events_of(nlp, "英国と交渉を続けるフランスに対し、圧力が強まっている。"), "MEETING", "交渉")
    assert {("agent", "英国"), ("agent", "フランス")} <= e["args"]


# ---------------------------------------------------------------- conditionals (item 6)

@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger", [
    ("北朝鮮が兵士を派遣すれば、戦況は変わる。", "DEPLOY", "派遣"),
    ("ロシアが侵攻した場合、米国は対応する。", "ATTACK", "侵攻"),
])
def test_conditionals_are_uncertain_events(nlp, text, etype, trigger):
    assert find(events_of(nlp, text), etype, trigger)["modality"] == "uncertain"


# ---------------------------------------------------------------- rule tables (item 5 of the order)

def test_needs_vetoes_and_sentence_conditions_parse():
    from pipeline.rules.event_lexicon import parse_needs
    needs = parse_needs("place=@WATER|水域,!sentence=ATTACK|INTERCEPT")
    assert [(c.what, c.veto) for c in needs] == [("place", False), ("sentence", True)]
    assert parse_needs("!patient=@ARMS")[0].what == "any"      # a veto alone: anything else goes


def test_bad_sentence_condition_names_file_and_line(tmp_path):
    from pipeline.rules.event_lexicon import load_triggers
    from pipeline.rules.tables import RuleError
    path = tmp_path / "triggers.tsv"
    path.write_text("id\ttype\tpattern\tframe\tneeds\nlaunch.x\tLAUNCH\t発射\ttrans\t!sentence=WAR\n",
                    encoding="utf-8")
    with pytest.raises(RuleError, match=r"triggers.tsv:2"):
        load_triggers(path)


def test_new_cue_kinds_load():
    from pipeline.rules import load_rules
    lex = load_rules().lexicon
    for kind, word in (("backref", "この"), ("water", "海"), ("toward", "向ける"), ("occur", "発生"),
                       ("state", "支配"), ("continuing", "引き続き"), ("part", "うち")):
        assert lex.is_cue(kind, word), (kind, word)


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, place", [
    ("ロシア軍はキーウ郊外で攻撃を続けた。", "ATTACK", "攻撃", "キーウ"),           # 郊外 relational
    ("5日、南部の都市オデーサの中心部に、ミサイル攻撃があり、3人が負傷した。", "CASUALTY", "負傷",
     "オデーサ"),                                                                  # 中心部, shared
    # the parse hangs the place on the date after it: still the sentence's place
    ("東部の都市ハルキウの中心部に9日、ミサイル攻撃があり、5人が死亡、10人が負傷した。", "CASUALTY", "負傷",
     "ハルキウ"),
    ("ポーランド各地で3日、ロシア軍の砲撃が相次いだ。", "ATTACK", "砲撃", "ポーランド"),  # 各地
    # another spelling in parentheses between the place and the relational noun
    ("ポーランドの首都ワルシャワ(ワルシャワ市)中心部で5日、無人機による攻撃があった。", "ATTACK", "攻撃",
     "ワルシャワ"),
])
def test_relational_nouns_keep_their_place(nlp, text, etype, trigger, place):
    assert ("place", place) in args_of(nlp, text, etype, trigger)


@pytest.mark.model
def test_speaker_with_a_title_is_source_where_the_quote_hangs_on_the_topic(nlp):
    text = "米国務省のジョン・スミス報道官は、ロシア軍が東部の村を砲撃したと話した。"
    evs = events_of(nlp, text)
    st = find(evs, "STATEMENT", "話し")
    assert any(r == "agent" and "スミス" in t for r, t in st["args"]), st
    assert find(evs, "ATTACK", "砲撃")["modality"] == "reported"


@pytest.mark.model
def test_partner_joined_to_a_place_and_subject_of_the_clause_before(nlp):
    evs = events_of(nlp, "金正恩総書記がプーチン大統領と平壌で会談を行い、包括的な条約に署名した。")
    meeting = find(evs, "MEETING", "会談")
    assert ("agent", "プーチン大統領") in meeting["args"] and ("place", "平壌") in meeting["args"]
    assert ("agent", "金正恩総書記") in find(evs, "AGREEMENT", "署名")["args"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, args", [
    ("ロシア軍部隊の一部が、ベラルーシ南部に移動している。", "移動", {("patient", "ロシア軍部隊")}),
    ("北朝鮮は来月、約2000人を追加で送る可能性がある。", "送る", {("quantity", "約2000人")}),
])
def test_moving_troops_are_deployed(nlp, text, trigger, args):
    e = find(events_of(nlp, text), "DEPLOY", trigger)
    assert args <= e["args"], e


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger", [
    ("防空部隊がドローンを撃ち落した。", "INTERCEPT", "撃ち落し"),    # okurigana variant
    ("ロシア軍が村に攻めこんだ。", "ATTACK", "攻めこん"),              # kana variant
    ("ロシア軍はさらに西へ進攻した。", "ATTACK", "進攻"),               # trigger variant 進攻
    ("両軍の戦いは激しさを増した。", "ATTACK", "戦い"),                  # 連用形 noun
    ("空爆の死者数は今年最多となった。", "CASUALTY", "死者数"),          # one token for 死者+数
])
def test_spelling_variants_and_nominal_forms(nlp, text, etype, trigger):
    find(events_of(nlp, text), etype, trigger)


@pytest.mark.model
def test_receiving_a_report_makes_the_subject_the_recipient(nlp):
    e = find(events_of(nlp, "国防省は前線の部隊から報告を受けた。"), "STATEMENT", "報告")
    assert ("recipient", "国防省") in e["args"] and not any(r == "agent" and t == "国防省"
                                                          for r, t in e["args"])


@pytest.mark.model
def test_confirmable_is_no_statement(nlp):
    evs = events_of(nlp, "北朝鮮兵の死亡が確認できている。")
    assert not [e for e in evs if e["type"] == "STATEMENT"]
    find(evs, "CASUALTY", "死亡")


@pytest.mark.model
def test_event_noun_before_another_event_noun_is_a_mention(nlp):
    evs = events_of(nlp, "ロシア軍、南部で攻勢予告")
    find(evs, "ATTACK", "攻勢")
    find(evs, "STATEMENT", "予告")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, speaker", [
    # what a speech verb quotes with と is said, not a partner predicate: its speaker is the
    # source of the named act, never its doer
    ("ゼレンスキー大統領はこの空爆を「テロ攻撃」と呼んだ。", "攻撃", "ゼレンスキー大統領"),
    ("ウクライナ外務省は、ロシアによる砲撃を「卑劣な攻撃だ」と非難した。", "攻撃", "ウクライナ外務省"),
])
def test_quoted_naming_is_no_agent(nlp, text, trigger, speaker):
    e = find(events_of(nlp, text), "ATTACK", trigger)
    assert ("agent", speaker) not in e["args"]
    assert ("source", speaker) in e["args"]


@pytest.mark.model
def test_coordinated_event_nouns_still_share_the_predicate(nlp):
    e = find(events_of(nlp, "地震で住民3人が死亡または負傷した。"), "CASUALTY", "死亡")
    assert {("patient", "住民"), ("quantity", "3人")} <= e["args"], e


@pytest.mark.model
@pytest.mark.parametrize("text, deploys", [
    # troops arriving in a country (X入りする) are deployed there; a leader arriving is a visit
    ("北朝鮮兵3000人がロシア入りした。", True),
    ("米軍部隊がポーランド入りした。", True),
    ("岸田首相がワシントン入りした。", False),
])
def test_troops_arriving_in_a_country_deploy(nlp, text, deploys):
    assert any(e["type"] == "DEPLOY" and e["trigger"] == "入り" for e in events_of(nlp, text)) == deploys


# ---------------------------------------------------------------- what a speech verb announces

@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, modality", [
    # the event's own verb in the non-past under a speech verb: announced, still to come
    ("防衛省は来月、新たな部隊を派遣すると発表した。", "DEPLOY", "派遣", "planned"),
    ("大統領は、追加の軍事支援を行うと表明した。", "AID", "支援", "planned"),
    ("報道官は、部隊が町から撤退すると述べた。", "WITHDRAW", "撤退", "planned"),
    # past, progressive, potential or a count's measure verb: told as fact
    ("政府は、北朝鮮がミサイルを発射したと発表した。", "LAUNCH", "発射", "reported"),
    ("軍報道官は、ロシア軍が前線で攻撃を続けていると述べた。", "ATTACK", "攻撃", "reported"),
    ("外相は「兵士だけが市民の命を奪うことができる」と指摘した。", "CASUALTY", "奪う", "reported"),
    ("軍当局は、敵の戦死者が千人を超えると明らかにした。", "CASUALTY", "戦死者", "reported"),
])
def test_a_non_past_event_under_a_speech_verb_is_planned(nlp, text, etype, trigger, modality):
    assert find(events_of(nlp, text), etype, trigger)["modality"] == modality


@pytest.mark.model
def test_according_to_reaches_only_the_clauses_after_it(nlp):
    evs = events_of(nlp, "南部の港町で8日未明、無人機の攻撃があり、州知事によると、2人が死亡した。")
    attack, death = find(evs, "ATTACK", "攻撃"), find(evs, "CASUALTY", "死亡")
    assert attack["modality"] == "asserted" and not any(r == "source" for r, _ in attack["args"])
    assert death["modality"] == "reported" and ("source", "州知事") in death["args"]


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, modality", [
    ("政府、追加派兵へ", "DEPLOY", "派兵", "planned"),            # a headline closed by noun + へ
    ("武装勢力、首都から撤退へ", "WITHDRAW", "撤退", "planned"),
    ("ロシア軍、東部で攻撃へ転じた", "ATTACK", "攻撃", "asserted"),  # へ under a verb: no headline
    ("政府軍は反政府勢力への攻撃を強めているもようだ。", "ATTACK", "攻撃", "uncertain"),   # もよう
])
def test_headline_he_is_planned_and_moyou_hedges(nlp, text, etype, trigger, modality):
    assert find(events_of(nlp, text), etype, trigger)["modality"] == modality


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, agent", [
    ("北朝鮮からの砲撃が続いた。", "ATTACK", "砲撃", "北朝鮮"),        # an attack from a state
    ("ハマスからの攻撃が相次いだ。", "ATTACK", "攻撃", "ハマス"),
])
def test_the_state_or_force_an_attack_comes_from_is_its_agent(nlp, text, etype, trigger, agent):
    assert ("agent", agent) in args_of(nlp, text, etype, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, speaker", [
    # an office named by its title alone (rules/titles.tsv) speaks
    ("外相は、敵が住民を殺害しようとしていると非難した。", "非難", "外相"),
    ("大統領は、追加の軍事支援を行うと表明した。", "表明", "大統領"),
    ("国防相は「敵の拠点を攻撃した」と述べた。", "述べ", "国防相"),
])
def test_a_title_alone_is_a_speaker(nlp, text, trigger, speaker):
    evs = events_of(nlp, text)
    assert ("agent", speaker) in find(evs, "STATEMENT", trigger)["args"]
    reported = [e for e in evs if e["type"] != "STATEMENT"]
    assert reported and all(("source", speaker) in e["args"] for e in reported)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, owner, craft", [
    ("海上保安庁は、中国海警局の船2隻が領海に侵入したと発表した。", "侵入", "中国海警局", "船"),
    ("防衛省によると、中国海軍の艦艇3隻が接続水域に入った。", "入っ", "中国海軍", "艦艇"),
])
def test_a_counted_craft_is_not_an_agent_beside_its_owner(nlp, text, trigger, owner, craft):
    args = find(events_of(nlp, text), "INCURSION", trigger)["args"]
    assert ("agent", owner) in args and ("agent", craft) not in args


@pytest.mark.model
def test_fire_exchanged_has_both_sides_as_agents(nlp):           # 交わす carries 砲撃
    args = find(events_of(nlp, "インド軍とパキスタン軍は、国境付近で砲撃を交わした。"), "ATTACK", "砲撃")["args"]
    assert {("agent", "インド軍"), ("agent", "パキスタン軍")} <= args


@pytest.mark.model
@pytest.mark.parametrize("text, found", [
    ("両国は捕虜の交換を行うことで一致した。", True),
    ("両国は停戦で合意し、捕虜の交換を行うことでも一致した。", True),
    ("両国の意見が一致した。", False),                     # no で-complement: a match of views
])
def test_agreeing_on_something_is_an_agreement(nlp, text, found):
    assert any(e["type"] == "AGREEMENT" and e["trigger"] == "一致" for e in events_of(nlp, text)) is found


@pytest.mark.model
@pytest.mark.parametrize("text, polarity", [
    ("国連の事務総長は、双方に戦闘の即時停止を求めた。", "positive"),   # a stop asked for
    ("政府軍は戦闘を停止した。", "negative"),                           # a stop made
])
def test_a_stop_asked_for_does_not_negate(nlp, text, polarity):
    assert find(events_of(nlp, text), "ATTACK", "戦闘")["polarity"] == polarity


@pytest.mark.model
def test_a_venue_noun_lends_the_place_it_lies_in_to_the_sentence_not_to_its_statements(nlp):
    evs = events_of(nlp, "ウクライナ軍の無人機攻撃により、ロシア南部の石油施設で火災が発生した。")
    assert ("place", "ロシア南部") in find(evs, "ATTACK", "攻撃")["args"]
    evs = events_of(nlp, "地元当局は、ロシア南部の石油施設で爆発が起き、3人が負傷したと発表した。")
    assert ("place", "ロシア南部") in find(evs, "CASUALTY", "負傷")["args"]
    assert not any(r == "place" for r, _ in find(evs, "STATEMENT", "発表")["args"])


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, role, whole", [
    ("ロケット弾の大半は防空システムで迎撃された。", "INTERCEPT", "迎撃", "patient", "ロケット弾"),
    ("北朝鮮軍の一部が前線に派遣された。", "DEPLOY", "派遣", "patient", "北朝鮮軍"),
])
def test_a_portion_stands_for_the_whole_it_is_of(nlp, text, etype, trigger, role, whole):
    assert (role, whole) in args_of(nlp, text, etype, trigger)


@pytest.mark.model
@pytest.mark.parametrize("total", ["開戦以来", "これまでに", "累計で"])
def test_a_war_s_total_is_not_the_day_s_casualties(nlp, total):
    text = f"空爆で住民30人が死亡した。市内の死者は{total}1万人を超えた。"
    events = records(nlp, text)
    groups = {e["trigger"]["text"]: e["group"] for e in events if e["type"] == "CASUALTY"}
    assert set(groups) == {"死亡", "死者"} and groups["死亡"] != groups["死者"]


@pytest.mark.model
@pytest.mark.parametrize("text, found", [
    ("イスラエル軍はガザ北部で大規模な地上作戦を開始した。", True),     # carried by 開始: fighting
    ("政府軍は東部での作戦を継続した。", True),
    ("政府は住民の避難作戦を開始した。", False),                         # a rescue, not fighting
    ("米軍は同盟国の軍と合同作戦を実施した。", False),                   # GUIDELINES §7: no event
    ("解放作戦が終結した。", False),                                    # a label, no support verb
])
def test_an_operation_carried_by_a_support_verb_is_an_attack(nlp, text, found):
    assert any(e["type"] == "ATTACK" and e["trigger"] == "作戦" for e in events_of(nlp, text)) is found


@pytest.mark.model
def test_one_deployment_told_across_an_article_and_a_hypothetical_one(nlp):
    # the same troops throughout: only the hypothetical keeps the last mention apart
    text = ("北朝鮮はロシアに北朝鮮軍を派遣した。ロシア軍は東部で攻撃を続けた。ウクライナ軍は反撃した。"
            "前線では激しい戦闘が続いている。北朝鮮軍は東部の戦闘に参戦した。"
            "ウクライナ軍は防衛線を強化した。北朝鮮軍が投入されれば、戦況は変わる。")
    events = records(nlp, text)
    groups = {e["trigger"]["text"]: e["group"] for e in events if e["type"] == "DEPLOY"}
    assert set(groups) == {"派遣", "参戦", "投入"}
    assert groups["派遣"] == groups["参戦"] != groups["投入"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, prospective", [
    ("ロシアは北朝鮮軍を投入する可能性がある。", "投入", True),          # possible, still to come
    ("北朝鮮軍投入の可能性が取り沙汰されている。", "投入", True),
    ("北朝鮮軍が派兵されれば、戦況は変わる。", "派兵", True),             # conditional
    ("ロシアが北朝鮮軍を投入した疑いがある。", "投入", False),            # done, but hedged
    ("北朝鮮軍が参戦した。", "参戦", False),
])
def test_an_act_still_to_come_is_prospective(nlp, text, trigger, prospective):
    assert raw_event(nlp, text, trigger)["prospective"] is prospective


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, another", [
    ("英国は追加軍事援助を表明した。", "援助", True),
    ("ロシア軍は新たな攻撃を仕掛けた。", "攻撃", True),
    ("さらなる兵力投入の可能性もある。", "投入", True),
    ("ロシア軍は東部で攻撃を仕掛けた。", "攻撃", False),
    ("両国は追加関税の協議を行った。", "協議", False),      # 追加 names the tariffs, not the talks
])
def test_a_further_act_is_marked(nlp, text, trigger, another):
    assert raw_event(nlp, text, trigger)["another"] is another


@pytest.mark.model
def test_the_armed_group_of_a_passive_is_its_agent(nlp):           # 勢力 is a troop noun
    args = find(events_of(nlp, "町は3日、武装勢力に制圧された。"), "CAPTURE", "制圧")["args"]
    assert ("agent", "武装勢力") in args and ("patient", "町") in args


@pytest.mark.model
def test_talks_being_arranged_are_planned(nlp):                     # 〜することで調整している
    evs = events_of(nlp, "両政府は、来年1月に閣僚協議を開くことで調整している。")
    assert find(evs, "MEETING", "協議")["modality"] == "planned"


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, speaker, agent", [
    # a president or a spokesman tells of his forces' act: source, not agent
    ("ゼレンスキー大統領は、ロシアの無人機40機を撃墜したと明らかにした。", "INTERCEPT", "撃墜",
     "ゼレンスキー大統領", False),
    ("ロシア国防省の報道官は、敵の無人機30機を撃墜したと発表した。", "INTERCEPT", "撃墜", "報道官", False),
    # a body of the state or a commander reports its own act: agent too
    ("ウクライナ国防省は、ロシアの無人機40機を撃墜したと明らかにした。", "INTERCEPT", "撃墜",
     "ウクライナ国防省", True),
    ("ロシア軍の司令官は、東部の村を制圧したと主張した。", "CAPTURE", "制圧", "司令官", True),
    ("ロシア軍の参謀総長は、東部の村を制圧したと主張した。", "CAPTURE", "制圧", "参謀総長", True),
])
def test_who_reports_a_military_act_and_who_did_it(nlp, text, etype, trigger, speaker, agent):
    args = args_of(nlp, text, etype, trigger)
    assert ("source", speaker) in args
    assert (("agent", speaker) in args) is agent


@pytest.mark.model
def test_what_is_shot_down_is_the_craft_not_its_owner(nlp):
    args = find(events_of(nlp, "ウクライナ国防省は、ロシアの無人機40機を撃墜したと明らかにした。"),
                "INTERCEPT", "撃墜")["args"]
    assert ("patient", "無人機") in args and ("patient", "ロシア") not in args


@pytest.mark.model
def test_a_protest_to_someone_attributes_nothing_before_it(nlp):
    text = "防衛相は記者団に「断じて容認できない」と述べた。政府は北朝鮮に厳重に抗議した。"
    said = find(events_of(nlp, text), "STATEMENT", "述べ")
    assert said["modality"] == "asserted" and not any(r == "source" for r, _ in said["args"])


@pytest.mark.model
def test_a_headline_whose_parts_a_space_separates_keeps_its_event(nlp):
    text = "北朝鮮、弾道ミサイル発射　EEZ外に落下か\n防衛省によると、北朝鮮は5日、弾道ミサイル1発を発射した。"
    events = records(nlp, text)
    launches = [e for e in events if e["type"] == "LAUNCH"]
    assert [e["trigger"]["start"] for e in launches] == [10, text.rindex("発射")]


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, agent", [
    # GiNZA ends a sentence at the space after the headline's opening actor
    ("米国務省 イスラエルへ新たに20億ドルの追加軍事支援を発表\n本文です。", "STATEMENT", "発表",
     "米国務省"),
    # a headline of its own opening actor keeps it (not the line's first actor)
    ("北朝鮮、派兵を公表　ロシア軍、東部の村を制圧\n本文。", "CAPTURE", "制圧", "ロシア軍"),
])
def test_a_headline_s_opening_actor_is_its_subject(nlp, text, etype, trigger, agent):
    ev = next(e for e in records(nlp, text) if e["type"] == etype
              and e["trigger"]["text"] == trigger)
    assert agent in {a["text"] for a in ev["arguments"] if a["role"] == "agent"}


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, modality", [
    ("首相は会談後、報道陣に「大きな成果があった」と語った。", "MEETING", "会談", "asserted"),
    ("市長は、空爆の後、救助隊の働きを称賛した。", "ATTACK", "空爆", "asserted"),
    ("大統領は、攻撃の後に住民が避難したと述べた。", "ATTACK", "攻撃", "reported"),   # in what is said
])
def test_an_event_that_tells_when_something_was_said_is_not_said(nlp, text, etype, trigger, modality):
    assert find(events_of(nlp, text), etype, trigger)["modality"] == modality


@pytest.mark.model
def test_forces_an_attack_is_aimed_at_are_its_patient(nlp):            # への + a troop noun
    args = find(events_of(nlp, "トルコは、シリア北部のクルド人勢力への越境攻撃を続けると警告した。"),
                "ATTACK", "攻撃")["args"]
    assert ("patient", "クルド人勢力") in args and ("agent", "トルコ") in args


@pytest.mark.model
def test_what_is_announced_ahead_is_planned(nlp):                 # 予告: a speech verb of plans
    assert find(events_of(nlp, "北朝鮮は、ミサイル発射を予告した。"), "LAUNCH", "発射")["modality"] == "planned"


@pytest.mark.model
@pytest.mark.parametrize("text, verb, still_to_come", [
    ("敵は住民を殺害しようとしている。", "殺害", True),        # volitional: an attempt
    ("部隊を来月派遣する。", "派遣", True),
    ("北朝鮮がロシアに派兵したようだ。", "派兵", False),       # past, hedged by ようだ
    ("ロシア軍が攻撃を続けている。", "続け", False),          # progressive
])
def test_a_verb_still_to_come(nlp, text, verb, still_to_come):
    from pipeline.events.docview import View
    from pipeline.events.syntax import non_past_at
    from pipeline.rules import load_rules
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == verb)
    assert non_past_at(View(doc), i, load_rules().lexicon.cues["done"]) is still_to_come


@pytest.mark.model
def test_a_venue_is_not_the_place_of_an_attack_aimed_at_a_named_place(nlp):
    evs = events_of(nlp, "ロシア軍は東部ドネツク州の拠点で態勢を立て直し、ハルキウ州を攻撃した。")
    args = find(evs, "ATTACK", "攻撃")["args"]
    assert ("patient", "ハルキウ州") in args and not any(r == "place" for r, _ in args)


@pytest.mark.model
def test_telling_a_medium_still_attributes_the_sentence_before(nlp):
    evs = events_of(nlp, "ロシア軍は東部の村を制圧した。ウクライナ軍の報道官がロイター通信に明らかにした。")
    capture = find(evs, "CAPTURE", "制圧")
    assert capture["modality"] == "reported" and ("source", "報道官") in capture["args"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, series", [
    ("昨年夏以来初めてキーウを空爆した。", "空爆", False),     # one strike, the first since
    ("これまでの派兵の際には、議長が平壌を訪れた。", "派兵", True),   # all of them so far
    ("死者は開戦以来、1万人を超えた。", "死者", True),          # a total
    ("中東での戦争の犠牲者は増え続けている。", "犠牲者", True),  # the war's toll
    ("国境紛争で兵士3人が死亡した。", "死亡", False),            # a clash, not a war
    ("戦争で戦死した兵士は数万人に上る。", "戦死", True),
    ("空爆で市民5人が死亡した。", "死亡", False),               # one strike's dead
])
def test_totals_and_series_up_to_a_time(nlp, text, trigger, series):
    assert raw_event(nlp, text, trigger)["iterative"] is series


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, part", [
    ("死傷者は約10万人で、うち戦死者は約2万人とされる。", "戦死者", True),   # a part of a count
    ("派遣された兵士のうち約4千人が死亡した。", "死亡", False),   # a part of the soldiers sent
    ("首脳は訪問中の会談で合意した。", "会談", False),              # 中: not a count's part
])
def test_a_part_of_a_count(nlp, text, trigger, part):
    assert raw_event(nlp, text, trigger)["part"] is part


def test_a_part_of_a_count_is_its_own_group_whatever_its_date():
    # 死者は29日、300人に達した。うち兵士の死者は29日、100人だった。
    on_29 = ("time", "29日", day("2024-05-29"))
    evs = [rec(10, "CASUALTY", 0, on_29, lemma="死亡"), rec(110, "CASUALTY", 1, on_29, lemma="死亡",
                                                         part=True)]
    assert assign_groups(evs) == ["g1", "g2"]


@pytest.mark.model
def test_the_medium_of_a_speech_is_said_by_its_speaker_not_reported(nlp):
    evs = events_of(nlp, "大統領は23日、SNSへの投稿で、反撃を始めたと明らかにした。")
    post = find(evs, "STATEMENT", "投稿")
    assert ("agent", "大統領") in post["args"] and post["modality"] == "asserted"


@pytest.mark.model
def test_a_medium_told_in_the_next_sentence_continues_the_statement(nlp):
    text = "司令官は前線の状況は厳しいとの見方を示した。SNSへの投稿で明らかにした。"
    events = records(nlp, text)
    groups = {e["trigger"]["text"]: e["group"] for e in events if e["type"] == "STATEMENT"}
    assert groups["示し"] == groups["投稿"] == groups["明らか"]


# ---------------------------------------------------------------- relative clauses

@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, has, lacks", [
    # the parse hangs the clause on the count or the speech verb: the noun right after the
    # attributive verb is what it modifies, and the speaker is no participant of it
    ("国防省は、前線に投入された北朝鮮軍の死者数が500人を超えたと発表した。", "DEPLOY", "投入",
     {("patient", "北朝鮮軍")}, {("patient", "国防省"), ("quantity", "500人")}),
    ("米当局者は、ロシアに派遣された北朝鮮兵の負傷者が増えていると述べた。", "DEPLOY", "派遣",
     {("patient", "北朝鮮兵")}, set()),
    # a role the clause fills itself is not filled again from the sentence's topic
    ("国防省は、前線に投入された北朝鮮軍の死者数が500人を超えたと発表した。", "CASUALTY",
     "死者数", {("patient", "北朝鮮軍")}, {("patient", "国防省")}),
    # a noun a clause is the content of (疑い) is no participant: the clause keeps its own
    ("ロシアが北朝鮮軍を投入した疑いがある。", "DEPLOY", "投入",
     {("agent", "ロシア"), ("patient", "北朝鮮軍")}, set()),
    # the main clause's subject still goes to a clause that shares it (訓練を受けた後)
    ("北朝鮮軍は軍事訓練を受けた後、前線に移動した。", "EXERCISE", "訓練",
     {("agent", "北朝鮮軍")}, set()),
])
def test_a_relative_clause_fills_its_open_role_with_the_noun_it_modifies(nlp, text, etype,
                                                                          trigger, has, lacks):
    args = args_of(nlp, text, etype, trigger)
    assert has <= args and not lacks & args, args


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, modality", [
    # a plan quoted by the speech verb is the quoted event's, not the statement's
    ("国防総省は追加派兵を検討していると明らかにした。", "STATEMENT", "明らか", "asserted"),
    ("国防総省は追加派兵を検討していると明らかにした。", "DEPLOY", "派兵", "planned"),
    # an attack warned of is a threat, still to come
    ("北朝鮮は米韓への先制攻撃を警告した。", "ATTACK", "攻撃", "planned"),
    # ... but a warning that tells of an attack done reports it
    ("当局は、敵が病院を攻撃したと警告した。", "ATTACK", "攻撃", "reported"),
    # a goal noun with と on the event's verb still plans it
    ("ロシア軍は東部全域の制圧を目標とし、攻勢を強めた。", "CAPTURE", "制圧", "planned"),
])
def test_a_plan_word_quoted_plans_the_quoted_event_only(nlp, text, etype, trigger, modality):
    assert find(events_of(nlp, text), etype, trigger)["modality"] == modality


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, patient", [
    # a qualifier inside the count (少なくとも) does not hide the noun counted
    ("西部の町で住民少なくとも12人が死亡した。", "CASUALTY", "死亡", "住民"),
    # a part of a count (45機のうち38機) belongs to what the whole counts
    ("防空部隊はミサイル20発のうち17発を撃墜した。", "INTERCEPT", "撃墜", "ミサイル"),
    ("兵士のうち約300人が負傷した。", "CASUALTY", "負傷", "兵士"),
])
def test_the_noun_a_count_belongs_to_is_the_patient(nlp, text, etype, trigger, patient):
    args = args_of(nlp, text, etype, trigger)
    assert ("patient", patient) in args, args


@pytest.mark.model
def test_a_part_of_a_bare_count_reads_no_owner_forever(nlp):
    # うち on the predicate and a whole with no noun: the count, no owner (once ran forever)
    args = find(events_of(nlp, "45人のうち、38人が死亡した。"), "CASUALTY", "死亡")["args"]
    assert args == {("quantity", "38人")}


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, has", [
    # what a fight is over (を巡る, をめぐる) is the place it is fought in
    ("ガザ地区をめぐる戦闘は激化している。", "ATTACK", "戦闘", {("place", "ガザ地区")}),
    # what talks are over is their topic, no argument
    ("領土を巡る交渉は難航している。", "MEETING", "交渉", set()),
])
def test_what_an_event_is_over(nlp, text, etype, trigger, has):
    args = args_of(nlp, text, etype, trigger)
    assert args == has, args


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, has, lacks", [
    # かける carries an event noun like 仕掛ける (攻勢をかける, スクランブルをかける)
    ("ロシア軍は東部で激しい攻勢をかけた。", "ATTACK", "攻勢", {("agent", "ロシア軍")}, set()),
    ("領空侵犯の恐れがあり、空自機がスクランブルをかけた。", "DEPLOY", "スクランブル",
     {("agent", "空自")}, set()),
    # a launch is never received: 発射を受け is "in response to it"
    ("政府は北朝鮮によるミサイル発射を受け、閣僚会議を開いた。", "LAUNCH", "発射",
     {("agent", "北朝鮮")}, {("patient", "政府")}),
])
def test_support_verbs_kakeru_and_ukeru(nlp, text, etype, trigger, has, lacks):
    args = args_of(nlp, text, etype, trigger)
    assert has <= args and not lacks & args, args


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger, arg", [
    # a plural suffix (ら, たち) keeps the noun's class: soldiers can be deployed and train
    ("兵士らは国境付近に配置された。", "DEPLOY", "配置", ("patient", "兵士ら")),
    ("兵士たちは夜間に訓練を受けた。", "EXERCISE", "訓練", ("agent", "兵士たち")),
])
def test_a_plural_suffix_keeps_the_noun_s_class(nlp, text, etype, trigger, arg):
    assert arg in args_of(nlp, text, etype, trigger)


@pytest.mark.model
def test_a_passive_hedge_s_topic_is_judged_not_speaking(nlp):
    # 〜とみられる: what is judged, not who judges
    text = "前線に動員される北朝鮮の建設部隊は約5千人とみられる。"
    args = find(events_of(nlp, text), "DEPLOY", "動員")["args"]
    assert ("patient", "建設部隊") in args and not any(r == "source" for r, _ in args)
    # a speaker topic of an active speech verb still is one
    text = "国防省は、敵の部隊が前線に移動したと発表した。"
    assert ("source", "国防省") in find(events_of(nlp, text), "DEPLOY", "移動")["args"]


@pytest.mark.model
@pytest.mark.parametrize("text, place", [
    # the place a target lies in, through a relational noun (本土, 郊外)
    ("ウクライナ軍はロシア本土の製油所に対するドローン攻撃を行った。", "ロシア"),
    ("敵はキーウ近郊の変電所に対する攻撃を強めた。", "キーウ"),
])
def test_a_target_s_place_through_a_relational_noun(nlp, text, place):
    assert ("place", place) in find(events_of(nlp, text), "ATTACK", "攻撃")["args"]
