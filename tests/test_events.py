"""Event extraction (pipeline/events): triggers, arguments, attribution, polarity, modality.

Sentence-level cases written for these tests (not taken from the seed articles). Each case
names the event's type and trigger text and the exact set of (role, argument text) pairs the
guidelines (GUIDELINES §6) ask for; the full pipeline (`pipeline.parse.build.build()`) supplies the
entity mentions the arguments point at.
"""
from __future__ import annotations

import pytest

from pipeline.events.groups import GROUPING_KEYS

from pipeline.output.event_records import event_date

# (sentence, type, trigger, {(role, text)})
CASES = {
    # --- ATTACK ---
    "attack.verb": ("ロシア軍は9日、ハルキウ州の村を砲撃した。", "ATTACK", "砲撃",
                    {("agent", "ロシア軍"), ("time", "9日"), ("patient", "村"),
                     ("place", "ハルキウ州")}),
    "attack.missiles": ("ロシア軍はハルキウに巡航ミサイルを撃ち込んだ。", "ATTACK", "撃ち込ん",
                        {("agent", "ロシア軍"), ("patient", "ハルキウ")}),     # v2: target after に
    "attack.light_verb": ("ウクライナ軍は昨年8月、クルスク州に越境攻撃を仕掛けた。", "ATTACK", "攻撃",
                          {("agent", "ウクライナ軍"), ("time", "昨年8月"), ("patient", "クルスク州")}),
    "attack.received": ("キーウが3日未明、ロシア軍のミサイル攻撃を受けた。", "ATTACK", "攻撃",
                        {("patient", "キーウ"), ("agent", "ロシア軍"), ("time", "3日未明")}),
    "attack.nominal": ("ロシアによるキーウへの攻撃は続いている。", "ATTACK", "攻撃",
                       {("agent", "ロシア"), ("patient", "キーウ")}),
    "attack.partner": ("北朝鮮兵はロシア軍の指揮下でウクライナ軍と交戦した。", "ATTACK", "交戦",
                       {("agent", "北朝鮮兵"), ("patient", "ウクライナ軍")}),
    "attack.blow": ("ウクライナ軍がロシア軍に大打撃を与えた。", "ATTACK", "打撃",
                    {("agent", "ウクライナ軍"), ("patient", "ロシア軍")}),
    # --- CAPTURE ---
    "capture.verb": ("ロシア軍はドネツク州の要衝アウディーイウカを制圧した。", "CAPTURE", "制圧",
                     {("agent", "ロシア軍"), ("patient", "アウディーイウカ")}),
    "capture.passive": ("ヘルソン市は2022年11月にウクライナ軍によって解放された。", "CAPTURE", "解放",
                        {("patient", "ヘルソン市"), ("time", "2022年11月"),
                         ("agent", "ウクライナ軍")}),
    "capture.nominal": ("ウクライナのハルキウ州奪還は世界を驚かせた。", "CAPTURE", "奪還",
                        {("agent", "ウクライナ"), ("patient", "ハルキウ州")}),
    "capture.annex": ("ロシアはクリミア半島を併合した。", "CAPTURE", "併合",
                      {("agent", "ロシア"), ("patient", "クリミア半島")}),
    "capture.relative": ("ロシア軍が占領した地域では住民が避難している。", "CAPTURE", "占領",
                         {("agent", "ロシア軍"), ("patient", "地域")}),
    "capture.intransitive": ("バフムトが陥落した。", "CAPTURE", "陥落", {("patient", "バフムト")}),
    # --- WITHDRAW ---
    "withdraw.from": ("ロシア軍はヘルソン州西部から撤退した。", "WITHDRAW", "撤退",
                      {("agent", "ロシア軍"), ("place", "ヘルソン州西部")}),
    "withdraw.forced": ("ウクライナ軍は兵力不足のため、撤退を余儀なくされた。", "WITHDRAW", "撤退",
                        {("agent", "ウクライナ軍")}),
    "withdraw.nominal": ("ロシア軍の撤収が始まった。", "WITHDRAW", "撤収", {("agent", "ロシア軍")}),
    "withdraw.time": ("米軍は2021年8月にアフガニスタンから撤退した。", "WITHDRAW", "撤退",
                      {("agent", "米軍"), ("time", "2021年8月"), ("place", "アフガニスタン")}),
    "withdraw.ordered": ("プーチン大統領は国防省に部隊の撤収を命じた。", "WITHDRAW", "撤収",
                         {("agent", "部隊")}),
    # --- DEPLOY ---
    "deploy.full": ("北朝鮮は1万人の兵士をロシアに派遣した。", "DEPLOY", "派遣",
                    {("agent", "北朝鮮"), ("patient", "兵士"), ("quantity", "1万人"),
                     ("recipient", "ロシア")}),
    "deploy.passive": ("北朝鮮兵がクルスク州に派遣された。", "DEPLOY", "派遣",
                       {("patient", "北朝鮮兵"), ("place", "クルスク州")}),
    "deploy.relative": ("ロシアが派遣した部隊は前線に到着した。", "DEPLOY", "派遣",
                        {("agent", "ロシア"), ("patient", "部隊")}),
    "deploy.nominal": ("北朝鮮兵の派遣が確認された。", "DEPLOY", "派遣", {("patient", "北朝鮮兵")}),
    "deploy.send_in": ("北朝鮮は数千人の兵士をロシアへ送り込んだ。", "DEPLOY", "送り込ん",
                       {("agent", "北朝鮮"), ("patient", "兵士"), ("quantity", "数千人"),
                        ("recipient", "ロシア")}),
    "deploy.region": ("米国は欧州に3000人の部隊を増派する方針だ。", "DEPLOY", "増派",
                      {("agent", "米国"), ("place", "欧州"), ("patient", "部隊"),
                       ("quantity", "3000人")}),
    # --- CASUALTY ---
    "casualty.count_subject": ("この攻撃で民間人5人が死亡した。", "CASUALTY", "死亡",
                               {("patient", "民間人"), ("quantity", "5人")}),
    "casualty.noun_reaches": ("ロシア軍の死傷者は10万人に達した。", "CASUALTY", "死傷者",
                              {("patient", "ロシア軍"), ("quantity", "10万人")}),
    "casualty.passive": ("ウクライナ兵3人がロシア軍に殺害された。", "CASUALTY", "殺害",
                         {("patient", "ウクライナ兵"), ("quantity", "3人"), ("agent", "ロシア軍")}),
    "casualty.coordinated_1": ("兵士20人が死亡または負傷した。", "CASUALTY", "死亡",
                               {("patient", "兵士"), ("quantity", "20人")}),
    "casualty.coordinated_2": ("兵士20人が死亡または負傷した。", "CASUALTY", "負傷",
                               {("patient", "兵士"), ("quantity", "20人")}),
    "casualty.lose": ("ロシア軍は1日で1000人以上の兵士を失った。", "CASUALTY", "失っ",
                      {("time", "1日"), ("patient", "兵士"), ("quantity", "1000人以上")}),
    # --- AGREEMENT ---
    "agreement.sign": ("日本と英国は防衛協定に署名した。", "AGREEMENT", "署名",
                       {("agent", "日本"), ("agent", "英国"), ("patient", "防衛協定")}),
    "agreement.conclude": ("ロシアと北朝鮮は2024年6月に軍事協定を締結した。", "AGREEMENT", "締結",
                           {("agent", "ロシア"), ("agent", "北朝鮮"), ("time", "2024年6月"),
                            ("patient", "軍事協定")}),
    "agreement.effect": ("条約は12月4日に発効した。", "AGREEMENT", "発効",
                         {("patient", "条約"), ("time", "12月4日")}),
    "agreement.ratify": ("ロシアは条約を批准した。", "AGREEMENT", "批准",
                         {("agent", "ロシア"), ("patient", "条約")}),
    "agreement.exchange": ("両国は批准書を交換した。", "AGREEMENT", "交換", {("agent", "両国")}),
    "agreement.agree": ("両国は停戦に合意した。", "AGREEMENT", "合意",
                        {("agent", "両国"), ("patient", "停戦")}),
    # --- AID ---
    "aid.provide": ("米国はウクライナに戦車を供与した。", "AID", "供与",
                    {("agent", "米国"), ("recipient", "ウクライナ"), ("patient", "戦車")}),
    "aid.support_planned": ("ドイツはウクライナへの軍事支援を拡大する方針だ。", "AID", "支援",
                            {("agent", "ドイツ"), ("recipient", "ウクライナ")}),
    "aid.received": ("ウクライナはドイツから防空システムを供与された。", "AID", "供与",
                     {("recipient", "ウクライナ"), ("agent", "ドイツ"), ("patient", "防空システム")}),
    "aid.two_objects": ("北朝鮮はロシアに砲弾と弾道ミサイルを提供した。", "AID", "提供",
                        {("agent", "北朝鮮"), ("recipient", "ロシア"), ("patient", "砲弾"),
                         ("patient", "弾道ミサイル")}),
    "aid.amount": ("日本はウクライナに10億ドルの財政援助を行った。", "AID", "援助",
                   {("agent", "日本"), ("recipient", "ウクライナ"), ("quantity", "10億ドル")}),
    "aid.announced": ("米国はウクライナに対し、総額5億ドルの軍事支援を発表した。", "AID", "支援",
                      {("agent", "米国"), ("recipient", "ウクライナ"), ("quantity", "5億ドル"),
                       ("source", "米国")}),
    # --- MEETING ---
    "meeting.visit": ("プーチン大統領は6月、平壌を訪問した。", "MEETING", "訪問",
                      {("agent", "プーチン大統領"), ("time", "6月"), ("place", "平壌")}),
    "meeting.talks_with": ("ゼレンスキー大統領はトランプ大統領と会談した。", "MEETING", "会談",
                           {("agent", "ゼレンスキー大統領"), ("agent", "トランプ大統領")}),
    "meeting.summit_held": ("米ロ首脳会談は8月15日にアラスカで開かれた。", "MEETING", "首脳会談",
                            {("time", "8月15日"), ("place", "アラスカ")}),
    "meeting.consult": ("両国の外相はモスクワで協議した。", "MEETING", "協議",
                        {("agent", "両国の外相"), ("place", "モスクワ")}),
    "meeting.refused": ("ロシアはウクライナとの交渉を拒否した。", "MEETING", "交渉",
                        {("agent", "ロシア"), ("agent", "ウクライナ")}),
    # --- REQUEST ---
    "request.request": ("ゼレンスキー大統領は米国に追加の防空システムを要請した。", "REQUEST", "要請",
                        {("agent", "ゼレンスキー大統領"), ("recipient", "米国")}),
    "request.ask": ("ロシアは北朝鮮に兵員の増派を求めた。", "REQUEST", "求め",
                    {("agent", "ロシア"), ("recipient", "北朝鮮")}),
    "request.passive": ("日本は米国から防衛費の増額を要求された。", "REQUEST", "要求",
                        {("recipient", "日本"), ("agent", "米国")}),
    "request.call_on": ("国連は両国に停戦を呼びかけた。", "REQUEST", "呼びかけ",
                        {("agent", "国連"), ("recipient", "両国")}),
    "request.order": ("プーチン大統領は国防省に部隊の撤収を命じた。", "REQUEST", "命じ",
                      {("agent", "プーチン大統領"), ("recipient", "国防省")}),
    # --- STATEMENT ---
    "statement.announce": ("ロシア国防省は声明で、ミサイル攻撃を撃退したと発表した。", "STATEMENT",
                           "発表", {("agent", "ロシア国防省")}),
    "statement.quote": ("ペスコフ報道官は「交渉の用意がある」と述べた。", "STATEMENT", "述べ",
                        {("agent", "ペスコフ報道官")}),
    "statement.report": ("英紙ガーディアンが報じた。", "STATEMENT", "報じ", {("agent", "英紙ガーディアン")}),
    "statement.reported_passive": ("北朝鮮兵の死亡が報じられた。", "STATEMENT", "報じ", set()),
    "statement.condemn": ("ウクライナ外務省は声明を出し、ロシアを非難した。", "STATEMENT", "非難",
                          {("agent", "ウクライナ外務省")}),
    "statement.deny": ("クレムリンは関与を否定した。", "STATEMENT", "否定", {("agent", "クレムリン")}),
    # --- attribution: the speaker is the source of the reported event ---
    "attribution.according": ("ロイター通信によると、ロシア軍がハルキウ州の村を制圧した。", "CAPTURE",
                              "制圧", {("agent", "ロシア軍"), ("patient", "村"),
                                       ("place", "ハルキウ州"), ("source", "ロイター通信")}),
    "attribution.self_report": ("ウクライナ軍は北朝鮮兵50人を殺害したと発表した。", "CASUALTY", "殺害",
                                {("agent", "ウクライナ軍"), ("patient", "北朝鮮兵"),
                                 ("quantity", "50人"), ("source", "ウクライナ軍")}),
    "attribution.media": ("CNNは、北朝鮮が兵士を追加派遣したと報じた。", "DEPLOY", "派遣",
                          {("agent", "北朝鮮"), ("patient", "兵士"), ("source", "CNN")}),
    "attribution.claimed": ("ウクライナ国防省は、ロシア軍が東部ドネツク州で攻勢を強めていると指摘した。",
                            "ATTACK", "攻勢", {("agent", "ロシア軍"), ("place", "東部ドネツク州"),
                                             ("source", "ウクライナ国防省")}),
    "attribution.denied_object": ("ロシアは北朝鮮兵の派遣を否定した。", "DEPLOY", "派遣",
                                  {("patient", "北朝鮮兵"), ("source", "ロシア")}),
    "attribution.estimate": ("ISWの見積もりによると、ロシア軍の死傷者は1000人を超えた。", "CASUALTY",
                             "死傷者", {("patient", "ロシア軍"), ("quantity", "1000人"),
                                      ("source", "ISW")}),
    # --- sharing between clauses of one sentence ---
    "shared.place_topic": ("ハルキウ州では、ロシア軍が村を砲撃し、住民3人が死亡した。", "CASUALTY", "死亡",
                           {("patient", "住民"), ("quantity", "3人"), ("place", "ハルキウ州")}),
    "shared.nado_clause": ("ロシア軍は北朝鮮兵を投入するなど攻勢を強めた。", "DEPLOY", "投入",
                           {("agent", "ロシア軍"), ("patient", "北朝鮮兵")}),
    "shared.topic_own_date": ("ロシア軍は2月、東部で攻勢を開始し、3月には要衝を制圧した。", "CAPTURE",
                              "制圧", {("agent", "ロシア軍"), ("time", "3月"), ("patient", "要衝")}),
    "shared.topic_of_earlier_clause": ("フーシ派は紅海で商船を攻撃し、船員2人が負傷した。", "CASUALTY",
                                       "負傷", {("patient", "船員"), ("quantity", "2人"),
                                              ("place", "紅海")}),      # v2: the sentence's place
    "attribution.nearest_speaker": ("イスラエル軍は空爆を続け、少なくとも30人が死亡したと地元保健当局が"
                                    "明らかにした。", "CASUALTY", "死亡",
                                    {("quantity", "少なくとも30人"), ("source", "地元保健当局")}),
    "statement.reveal": ("イスラエル軍は空爆を続け、少なくとも30人が死亡したと地元保健当局が明らかにした。",
                         "STATEMENT", "明らか", {("agent", "地元保健当局")}),
    # --- who took part: a state is the doer, its soldiers are what is deployed ---
    "involvement.state": ("北朝鮮の関与が明らかになった。", "DEPLOY", "関与", {("agent", "北朝鮮")}),
    "involvement.troops": ("北朝鮮軍の関与が明らかになった。", "DEPLOY", "関与", {("patient", "北朝鮮軍")}),
}

# (sentence, type, trigger, polarity, modality)
READINGS = {
    # an event noun as the subject of a negated existence or occurrence did not happen ...
    "absent.nai": ("中国軍機による領空侵犯はなかった。", "INCURSION", "侵犯", "negative", "asserted"),
    "absent.occur": ("前線で大規模な戦闘は起きていない。", "ATTACK", "戦闘", "negative", "asserted"),
    # ... but a negated noun after it does not deny it, nor does a hedge
    "absent.other_noun": ("空爆による死者はいなかった。", "ATTACK", "空爆", "positive", "asserted"),
    "absent.hedge": ("両国の間に何らかの合意があったのではないか。", "AGREEMENT", "合意",
                     "positive", "uncertain"),
    "reported.according": ("ロイター通信によると、ロシア軍がハルキウ州の村を制圧した。", "CAPTURE", "制圧",
                           "positive", "reported"),
    "reported.said": ("ウクライナ軍は北朝鮮兵50人を殺害したと発表した。", "CASUALTY", "殺害",
                      "positive", "reported"),
    "reported.statement_itself": ("ウクライナ軍は北朝鮮兵50人を殺害したと発表した。", "STATEMENT", "発表",
                                  "positive", "asserted"),
    "reported.sareru": ("ロシア軍がクルスク州を奪還したとされる。", "CAPTURE", "奪還", "positive",
                        "reported"),
    "negative.denied": ("ロシアは北朝鮮兵の派遣を否定した。", "DEPLOY", "派遣", "negative", "reported"),
    "negative.denial_itself": ("ロシアは北朝鮮兵の派遣を否定した。", "STATEMENT", "否定", "positive",
                               "asserted"),
    "negative.te_inai": ("北朝鮮軍はまだ戦闘に参加していない。", "DEPLOY", "参加", "negative",
                         "asserted"),
    "negative.nakatta": ("ウクライナ軍は撤退しなかった。", "WITHDRAW", "撤退", "negative", "asserted"),
    "negative.zu": ("米国は武器を供与せず、制裁を強化した。", "AID", "供与", "negative", "asserted"),
    "negative.no_fact": ("ロシアが兵士を派遣した事実はない。", "DEPLOY", "派遣", "negative", "asserted"),
    "negative.stopped": ("米政府はウクライナへの軍事支援を停止した。", "AID", "支援", "negative",
                         "asserted"),
    "negative.refused": ("ロシアはウクライナとの交渉を拒否した。", "MEETING", "交渉", "negative",
                         "asserted"),
    "uncertain.possibility": ("ロシア軍がキーウを攻撃する可能性がある。", "ATTACK", "攻撃", "positive",
                              "uncertain"),
    "uncertain.mirareru": ("北朝鮮兵が参戦したとみられる。", "DEPLOY", "参戦", "positive", "uncertain"),
    "uncertain.question": ("北朝鮮はロシアに兵士を派遣したのか。", "DEPLOY", "派遣", "positive",
                           "uncertain"),
    "uncertain.estimate": ("兵士20人が死亡したと当局者は推定している。", "CASUALTY", "死亡", "positive",
                           "uncertain"),
    "planned.yotei": ("ドイツは戦車を供与する予定だ。", "AID", "供与", "positive", "planned"),
    "planned.kento": ("政府は派兵を検討している。", "DEPLOY", "派兵", "positive", "planned"),
    "planned.hoshin": ("米国は欧州に3000人の部隊を増派する方針だ。", "DEPLOY", "増派", "positive",
                       "planned"),
    "planned.beats_reported": ("CNNによると、ロシアは追加派兵を検討しているという。", "DEPLOY", "派兵",
                               "positive", "planned"),
    "uncertain.beats_reported": ("ロシア軍は兵力不足のため、北朝鮮軍を投入する可能性があると報じられた。",
                                 "DEPLOY", "投入", "positive", "uncertain"),
    "asserted.plain": ("ロシア軍はクリミア半島を併合した。", "CAPTURE", "併合", "positive", "asserted"),
    "asserted.contrastive_clause": ("ロシア軍は村を砲撃したが、ウクライナ軍は撤退していないと発表した。",
                                    "ATTACK", "砲撃", "positive", "asserted"),
    "negative.reported_after_contrast": ("ロシア軍は村を砲撃したが、ウクライナ軍は撤退していないと発表した。",
                                         "WITHDRAW", "撤退", "negative", "reported"),
    "uncertain.estimate_according": ("ISWの見積もりによると、ロシア軍の死傷者は1000人を超えた。",
                                     "CASUALTY", "死傷者", "positive", "uncertain"),
    "reported.tonokoto": ("北朝鮮兵がウクライナ軍と交戦したとのことだ。", "ATTACK", "交戦", "positive",
                          "reported"),
    "positive.claim_denied": ("ウクライナはロシアの主張を否定した。", "STATEMENT", "主張", "positive",
                              "asserted"),
    "asserted.relative_under_hedge": ("ロシアが派遣した兵士は殺害されたとみられる。", "DEPLOY", "派遣",
                                      "positive", "reported"),
}

# A trigger word not used in its event sense yields no event of that type.
NOT_EVENTS = {
    "support_of_policy": ("政府は中小企業の支援を強化する。", "AID"),
    "economic_blow": ("円安が家計に打撃を与えた。", "ATTACK"),
    "adjective": ("この政策は攻撃的だ。", "ATTACK"),
    "name_part": ("ロシア安全保障会議のショイグ書記が平壌に到着した。", "MEETING"),
    "involvement_in_scandal": ("クレムリンは関与を否定した。", "DEPLOY"),
    "indicates_not_says": ("こうした状況はロシア軍の兵力不足を示唆している。", "STATEMENT"),
}
# Contract v2 made these events: conditionals are `uncertain` (tests/test_events_v2.py), and
# every mention is an event, a speech noun as a topic (その発言は波紋を広げた) and a bare
# noun used as a label (停戦交渉は難航している) included.


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline, built once per test session."""
    from pipeline.parse.build import build
    from pipeline.rules import load_rules
    return build(load_rules())


def _events(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    out = []
    for e in doc._.events:
        out.append({**e, "trigger_text": text[e["trigger"][0]:e["trigger"][1]],
                    "args": {(a["role"], text[a["start"]:a["end"]]) for a in e["arguments"]}})
    return out


def _find(events: list[dict], type_: str, trigger: str) -> dict:
    hits = [e for e in events if e["type"] == type_ and e["trigger_text"] == trigger]
    assert hits, f"no {type_} {trigger!r} in {[(e['type'], e['trigger_text']) for e in events]}"
    return hits[0]


@pytest.mark.model
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_event_arguments(nlp, case):
    text, type_, trigger, args = CASES[case]
    event = _find(_events(nlp, text), type_, trigger)
    assert event["args"] == args


@pytest.mark.model
@pytest.mark.parametrize("case", list(READINGS), ids=list(READINGS))
def test_polarity_and_modality(nlp, case):
    text, type_, trigger, polarity, modality = READINGS[case]
    event = _find(_events(nlp, text), type_, trigger)
    assert (event["polarity"], event["modality"]) == (polarity, modality)


@pytest.mark.model
@pytest.mark.parametrize("case", list(NOT_EVENTS), ids=list(NOT_EVENTS))
def test_word_outside_its_event_sense(nlp, case):
    text, type_ = NOT_EVENTS[case]
    assert not [e for e in _events(nlp, text) if e["type"] == type_]


@pytest.mark.model
def test_event_record_shape_and_offsets(nlp):
    text = "北朝鮮は1万人の兵士をロシアに派遣したと韓国の情報機関が発表した。"
    doc = nlp(text)
    entity_spans = {(s.start_char, s.end_char) for s in doc.spans["entities"]}
    assert doc._.events
    for e in doc._.events:
        # the record's fields, plus what grouping reads (dropped from the written record)
        assert set(e) == {"type", "trigger", "arguments", "polarity", "modality", "rule",
                          "sentence", "lemma", "backref", "iterative", "continues", "generic",
                          "prospective", "another", "earlier", "bare_units",
                          "covers", "means", "implied_units", "named", "rebuts", "part"}
        assert set(GROUPING_KEYS) <= set(e)
        s, t = e["sentence"]
        assert s <= e["trigger"][0] < e["trigger"][1] <= t
        assert e["rule"].split("|")[0].startswith(e["type"].lower() + ".")
        for a in e["arguments"]:
            assert text[a["start"]:a["end"]].strip() == text[a["start"]:a["end"]]
            if a["role"] in ("quantity", "time"):
                assert (a["start"], a["end"]) in entity_spans   # exact entity offsets


@pytest.mark.model
def test_shared_subject_across_coordinated_clauses(nlp):
    events = _events(nlp, "北朝鮮は兵士を派遣し、ロシアに武器を供与した。")
    assert ("agent", "北朝鮮") in _find(events, "AID", "供与")["args"]
    assert ("agent", "北朝鮮") in _find(events, "DEPLOY", "派遣")["args"]


@pytest.mark.model
def test_every_event_in_a_multi_sentence_chunk_keeps_its_sentence(nlp):
    text = "ロシア軍は村を砲撃した。\nウクライナ軍は撤退した。"
    events = _events(nlp, text)
    attack, withdraw = _find(events, "ATTACK", "砲撃"), _find(events, "WITHDRAW", "撤退")
    assert text[slice(*attack["sentence"])].startswith("ロシア軍")
    assert text[slice(*withdraw["sentence"])].startswith("ウクライナ軍")


# --- records.py: an event's date -------------------------------------------------------
def _date(start, end, value):
    return {"label": "DATE", "start": start, "end": end, "norm": {"value": value}}


def test_date_comes_from_the_time_argument():
    args = [{"role": "time", "norm": {"value": "2024-11"}}]
    dates = [_date(12, 14, "2024-12")]
    assert event_date(args, {"start": 0, "end": 40}, {"start": 13, "end": 15}, dates) == "2024-11"


def test_date_falls_back_to_the_nearest_date_of_the_sentence():
    dates = [_date(2, 6, "2024-01"), _date(30, 34, "2024-03"), _date(60, 64, "2024-05")]
    trigger = {"start": 36, "end": 38}
    assert event_date([], {"start": 0, "end": 50}, trigger, dates) == "2024-03"


def test_date_outside_the_sentence_is_not_inherited():
    dates = [_date(60, 64, "2024-05")]
    assert event_date([], {"start": 0, "end": 50}, {"start": 10, "end": 12}, dates) is None


# --- docview.py: the parse as plain lists -------------------------------------------------
@pytest.mark.model
def test_view_reads_what_the_token_api_gives(nlp):
    """The View's lists, trees and sentences agree with spaCy's Token and Span objects."""
    from pipeline.events.docview import View
    doc = nlp("米国は声明で、ロシア軍がハルキウ州を砲撃したと発表した。「攻撃は続く」と述べた。\n停戦交渉は難航")
    v = View(doc)
    for t in doc:
        i = t.i
        assert (v.text[i], v.lemma[i], v.pos[i], v.tag[i], v.norm[i]) == \
            (t.text, t.lemma_, t.pos_, t.tag_, t.norm_)
        assert v.raw_dep[i] == t.dep_ and v.dep[i] == t.dep_.removesuffix("_bunsetu")
        assert v.idx[i] == t.idx
        assert v.space[i] == t.is_space and v.head[i] == t.head.i
        assert v.children[i] == [c.i for c in t.children]
        assert v.subtree(i) == [s.i for s in t.subtree]
        assert v.ancestors(i) == [a.i for a in t.ancestors]
        assert v.sent(i) == t.sent and v.sent_root(v.sent(i)) == t.sent.root
        assert v.sent_text(v.sent(i)) == t.sent.text
        assert v.token(i) is v.token(i) and v.token(i) == t


def test_view_of_an_empty_doc():
    import spacy
    from pipeline.events.docview import View
    v = View(spacy.blank("ja").make_doc(""))
    assert v.n == 0 and v.text == [] and v.children == []
