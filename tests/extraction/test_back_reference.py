"""Stage back_reference: a sentence whose event words only refer back adds to the event told before."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards, one_line

IED_ROAD = (
    "إصابة ٣ عناصر من «قسد» بانفجار عبوة ناسفة على طريق الحسكة – الشدادي\n"
    "وقال مصدر عسكري في «قسد» لنورث برس إن العبوة كانت مزروعة على جانب الطريق قرب بلدة العريشة، على بُعد نحو "
    "٣٠ كيلومتراً جنوب الحسكة، وانفجرت لدى مرور سيارة «بيك آب» كانت تقلّ عناصر عائدين من نقطتهم في ريف الشدادي."
)


@guards("a_back_reference_adds_its_toll")
def test_list_of_villages_is_one_event_each_with_the_total_kept() -> None:
    text = (
        "اندلعت ليلة أمس الأربعاء اشتباكات عنيفة بين «قسد» ومقاتلين من العشائر العربية في بلدات غرانيج "
        "وأبو حمام والكشكية بريف دير الزور الشرقي.\n"
        "وأسفرت الاشتباكات في البلدات الثلاث عن مقتل سبعة أشخاص."
    )
    evs = extract(text, "2024-10-03")
    assert [e.location for e in evs] == ["Gharanij", "Abu Hamam", "Al-Kishkiyah"]
    assert {e.event_date for e in evs} == {"2024-10-02"}
    assert sum(e.fatalities for e in evs) == 7
    assert "7 killed in total across 3 locations" in evs[0].notes


@guards("a_back_reference_places_a_vague_event")
def test_a_back_reference_that_names_a_town_places_the_event() -> None:
    assert [e.location for e in extract(IED_ROAD, "2020-09-08", "نورث برس")] == ["`Arishah"]


@guards(
    "renewed_fighting_is_a_new_event", "the_town_told_of_places_a_placeless_act", "the_day_nearest_the_act"
)
def test_clashes_renewed_on_a_new_day_are_a_new_event() -> None:
    text = (
        "خبر\nاندلعت اشتباكات بين فصيلين في بلدة الشحيل مساء أمس الإثنين.\n"
        "وتجددت الاشتباكات صباح اليوم الثلاثاء في البلدة."
    )
    assert sorted(e.event_date for e in extract(text, "2022-09-06")) == ["2022-09-05", "2022-09-06"]


@guards("a_claimant_named_later_is_the_attacker")
def test_a_claim_told_after_the_attack_names_the_attacker() -> None:
    evs = one_line(
        "Unidentified gunmen attacked an SDF checkpoint in Diban on Monday, killing two fighters. "
        "ISIS later claimed responsibility for the attack."
    )
    assert [(e.actor1, e.fatalities) for e in evs] == [("Islamic State (Syria)", 2)]


def test_a_release_for_ransom_ends_the_abduction_and_is_not_another() -> None:
    for text in (
        "اختطف مسلحون مجهولون شاباً من بلدة الشحيل، يوم السبت. وأفرج الخاطفون عنه اليوم مقابل فدية مالية.",
        "Gunmen kidnapped a man in Hajin on Saturday. He was released on Monday after his family paid a ransom.",
    ):
        evs = one_line(text)
        assert [(e.sub_event_type, e.event_date) for e in evs] == [
            ("Abduction/forced disappearance", "2024-03-09")
        ], text


@guards("a_back_reference_with_another_day_tells_another_act")
def test_a_back_reference_with_another_day_is_an_earlier_act() -> None:
    text = (
        "مقتل شخص في اقتتال عشائري بمدينة الحسكة\n"
        "قُتل مدني في اشتباكات عشائرية في حي غويران بمدينة الحسكة اليوم الأربعاء 21 من تموز.\n"
        "وأفاد سكان بأن القتال بين القبيلتين اندلع في 19 من تموز الحالي في بلدة تل تمر وأسفر حينها عن مقتل شاب."
    )
    evs = extract(text, "2021-07-21")
    assert sorted((e.event_date, e.location) for e in evs) == [
        ("2021-07-19", "Tall Tamr"),
        ("2021-07-21", "Al Hasakah"),
    ]
    # said on a day of its own: the statement's day, not the act's ("said in a statement on Monday")
    told = "News\nTurkish jets struck a power station near Qamishli on Sunday night.\n"
    told += "The Energy Office said in a statement on Monday that a guard was killed in the strike."
    assert len(extract(told, "2024-01-15")) == 1


@guards("a_back_reference_with_another_day_tells_another_act")
def test_the_attack_with_a_day_and_dead_of_its_own_is_an_earlier_act_of_the_reports_kind() -> None:
    """ "On Aug. 6, one SDF fighter and three civilians lost their lives in the attack": not today's."""
    text = (
        "Turkish drone kills SDF fighters in Qamishli\n"
        "Four SDF fighters were killed on Tuesday when a Turkish drone struck in Qamishli, the SDF said.\n"
        "On Aug. 6, one SDF fighter and three civilians lost their lives in the attack."
    )
    evs = sorted(extract(text, "2022-08-09"), key=lambda e: e.event_date)
    assert [(e.event_date, e.sub_event_type, e.fatalities) for e in evs] == [
        ("2022-08-06", "Air/drone strike", 4),
        ("2022-08-09", "Air/drone strike", 4),
    ]


@guards("a_toll_update_is_the_last_events_new_toll")
def test_a_toll_update_is_the_events_toll_and_under_a_headline_the_act_itself() -> None:
    """SOHR's "ارتفاع حصيلة القتلى إلى 9" after "سقوط قتيل": 9, not the lowest telling; under its headline the
    update is the body's first telling of the drone strike, at the council the headline did not name."""
    text = (
        "قتلى بقصف مسيّرة تركية لمقر عسكري في ريف الحسكة\n"
        "وثّق المرصد السوري ارتفاع حصيلة القتلى إلى 9، جراء قصف نفذته طائرة تركية مسيرة على مقر مكتب العلاقات "
        "العسكرية التابع لمجلس تل تمر العسكري اليوم.\n"
        "وكان المرصد قد وثّق قبل ساعات سقوط قتيل و5 جرحى."
    )
    evs = extract(text, "2021-08-19")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in evs] == [
        ("Air/drone strike", "Tall Tamr", 9)
    ]
    update = "خبر\nقُتل مدنيان بقصف تركي على قرية الدردارة بريف تل تمر اليوم.\nوارتفعت حصيلة قتلى القصف إلى 4."
    assert [e.fatalities for e in extract(update, "2021-08-19")] == [4]


MANBIJ_CLAIM = (
    "Manbij bombing\n"
    "At least eight people were wounded on Saturday when a suicide bomber struck in the Syrian town of Manbij.\n"
    "Soon afterwards the Islamic State claimed the attack, saying it had struck US forces on the road between "
    'Manbij and al-Bab and killed three "crusaders."'
)


@guards("a_claims_account_is_the_act_claimed")
def test_what_a_claimant_says_of_the_attack_is_that_attack_and_its_toll_a_claim() -> None:
    """ "claimed the attack, saying it had struck US forces ... and killed three": one suicide bombing, by IS,
    with the claimed dead left out (a claim is not a toll)."""
    evs = extract(MANBIJ_CLAIM, "2019-03-09")
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in evs] == [
        ("Suicide bomb", "Islamic State (Syria)", 0)
    ]


@guards("a_claims_account_is_the_act_claimed")
def test_a_claim_told_later_still_reaches_the_attack_it_claims() -> None:
    """ "وتبنّى تنظيم داعش في وقت لاحق الهجوم، زاعماً أنه استهدف مسلحين": "later" between the claim and "the
    attack" (cue_reaches.csv, claim 35 characters); what the claimant says it targeted is that attack."""
    text = (
        "انفجار في القامشلي\n"
        "قتل ثلاثة مدنيين اليوم الجمعة جراء انفجار سيارة مفخخة في مدينة القامشلي.\n"
        'وتبنّى تنظيم "داعش" في وقت لاحق الهجوم، زاعماً أنه استهدف مسلحين أكراداً.'
    )
    evs = extract(text, "2019-10-11")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [
        ("Remote explosive/landmine/IED", "Islamic State (Syria)")
    ]


@guards("a_back_reference_places_a_vague_event")
def test_a_sentence_saying_where_the_house_is_places_the_attack() -> None:
    """ "killed seven employees ... in the countryside of Deir ez-Zor" then "The house is in Fenejin village in
    the town of Abu Khashab": the attack was in Fenejin."""
    text = (
        "ISIS kills AANES employees\n"
        "Islamic State (ISIS) sleeper cells on Wednesday killed seven employees of the AANES in the countryside of "
        "Deir ez-Zor.\n"
        "Eight gunmen broke into the house of Nouri al-Hamish, head of the general relations office.\n"
        "The house is in Fenejin village in the town of Abu Khashab, north of Deir ez-Zor."
    )
    assert [(e.location, e.fatalities) for e in extract(text, "2022-04-28")] == [("Fenejin", 7)]


@guards("a_back_reference_places_a_vague_event")
def test_a_town_in_the_citys_countryside_places_the_act_told_at_the_city() -> None:
    """ "went off ... in Hasakah" then "The blast hit the town of Shaddadi in the Hasakah countryside": a town
    within a city's countryside reach is a more precise place of the act, as a village is."""
    text = (
        "Bomb blast in Syria's Hasakah\n"
        "A motorcycle rigged with explosives went off on Tuesday in Hasakah, wounding people.\n"
        "The blast hit the town of Shaddadi in the Hasakah countryside."
    )
    assert [e.location for e in extract(text, "2019-08-27")] == ["Ash Shaddadah"]


def test_the_day_of_a_deal_the_act_breached_is_not_the_acts() -> None:
    """ "The strike is one more Turkish breach of the ceasefire deals reached in October 2019": the strike told
    before, not another one in 2019."""
    text = (
        "Turkish drone strike in Qamishli\n"
        "A Turkish drone struck a car in the city of Qamishli on Tuesday, killing two civilians.\n"
        "The strike is one more Turkish breach of the ceasefire deals reached in October 2019."
    )
    assert [e.event_date for e in extract(text, "2021-11-09")] == ["2021-11-09"]


def test_the_drone_in_english_refers_back_and_places_the_strike() -> None:
    """ "According to SOHR, the drone hit Tel Tawil village": "the drone" (as "the Turkish airstrike") is the strike
    told before, now placed at the village; not another strike near the city."""
    text = (
        "Turkish drone kills two SDF members near Hasakah city\n"
        "Two members of the Syrian Democratic Forces (SDF) were killed by a Turkish drone strike near the entrance "
        "of Hasakah city, SOHR said on Tuesday.\n"
        "According to SOHR, the drone hit Tel Tawil village at the northern entrance of al-Hasakah city."
    )
    assert [(e.location, e.fatalities) for e in extract(text, "2023-01-03")] == [("Tall Tawil", 2)]


@guards("an_act_told_reaching_other_places_is_an_event_at_each")
def test_the_shelling_reaching_another_village_is_an_event_there() -> None:
    """ "وامتد القصف التركي أيضاً إلى قرية الدردارة شمالي ناحية تل تمر": one event per place the act reached."""
    text = (
        "مدنيون قتلى بقصف تركي غربي الرقة\n"
        "قُتل أربعة مدنيين جراء قصف تركي طال قرية دبس المجاورة لناحية عين عيسى، اليوم الجمعة.\n"
        "وامتد القصف التركي أيضاً إلى قرية الدردارة شمالي ناحية تل تمر."
    )
    assert len(extract(text, "2021-09-17")) == 2
    # "وانطلقت الحملة في وقت واحد في مدينة معدان وبلدات السبخة والخميسية": at once in other places too
    text = (
        "حملة اعتقالات في ريف الرقة\nشنّت الشرطة العسكرية صباح اليوم حملة اعتقالات واسعة في مدينة معدان.\n"
        "وانطلقت الحملة في وقت واحد في بلدتي السبخة والخميسية بريف الرقة الشرقي."
    )
    assert {"As Sabkhah", "Al Khumaysiyah"} <= {e.location for e in extract(text, "2021-09-21")}


@guards("a_back_reference_to_violence_none_told_is_an_act")
def test_the_clashes_when_no_violence_was_told_are_an_event() -> None:
    """ "... detained many residents" then "the clashes spread to the villages of Al-Shakikah and Abu Hamam": no
    clash was told before, so "the clashes" are their own act (not the arrests, moved to the villages)."""
    text = (
        "Tribes and SDF clash in eastern Syria\n"
        "The SDF detained many residents in the eastern countryside of Deir el-Zour on Saturday.\n"
        "In the morning hours the clashes spread to the villages of Al-Shakikah and Abu Hamam in the southeast of "
        "the province."
    )
    got = {(e.sub_event_type, e.location) for e in extract(text, "2023-10-30")}
    assert ("Armed clash", "Abu Hamam") in got
    assert not any(sub == "Arrests" and loc != "Deir ez-Zor" for sub, loc in got)


@guards("a_back_reference_places_a_vague_event")
def test_the_shells_falling_on_a_list_of_villages_are_an_event_at_each() -> None:
    """ "قصفت المدفعية التركية قرى في محيط عين عيسى" then "القذائف التركية سقطت على قرى الخالدية وبئر كوندي
    والهيشة": the shelling told fell on each of them."""
    text = (
        "قصف تركي شمال الرقة\n"
        "قصفت المدفعية التركية نقاطاً وقرى في محيط منطقة عين عيسى شمالي الرقة، اليوم الثلاثاء.\n"
        "وأوضح مراسلنا أن القذائف التركية سقطت على قرى الخالدية وبئر كوندي والهيشة."
    )
    locs = [e.location for e in extract(text, "2020-02-18")]
    assert len(locs) == 3 and "`Ayn `Isa" not in locs


@guards("a_back_reference_places_a_vague_event")
def test_the_drone_hitting_a_village_by_the_town_places_the_strike_there() -> None:
    """ "QAMISHLI, Syria (North Press) – ... a Turkish drone struck a village in the countryside of Kobani" then
    "the Turkish drone hit the village of al-Raqas, in the countryside of the town of Chalabiya": at al-Raqas, not
    at the dateline's city nor at Kobani."""
    text = (
        "Turkish drone kills three in countryside of Syria's Kobani\n"
        "QAMISHLI, Syria (North Press) – Three people were killed on Saturday when a Turkish drone struck a village in "
        "the countryside of Kobani, north Syria.\n"
        "According to the statement, the Turkish drone hit the village of al-Raqas, in the countryside of the town of "
        "Chalabiya south of Kobani city."
    )
    assert [e.location for e in extract(text, "2022-12-17")] == ["al-Raqas"]


def test_a_campaign_that_went_on_for_days_is_no_one_event() -> None:
    """ "launched an unprecedented campaign of air strikes and artillery fire that went on for days"."""
    text = (
        "Turkish strikes\n"
        "On November 20, Turkish forces launched a campaign of air strikes on Kobani that went on for days."
    )
    assert extract(text, "2022-12-17") == []


@guards("a_back_reference_places_a_vague_event")
def test_the_clashes_told_again_place_the_clashes_not_the_strike_told_between() -> None:
    """ "اشتباكات ... في ريف دير الزور" then a drone strike "في بلدة الشحيل" then "المواجهات مستمرة في قرية الطيانة":
    the clashes are at al-Tayyana; the strike stays at al-Shuhayl."""
    text = (
        "خبر\nاندلعت اشتباكات بين القوات الحكومية وقوات سوريا الديمقراطية في ريف مدينة دير الزور اليوم.\n"
        "واستهدفت قسد بطائرة مسيّرة سيارة عسكرية للقوات الحكومية في بلدة الشحيل.\n"
        "وأشار المرصد إلى أن المواجهات بين الطرفين مستمرة في قرية الطيانة."
    )
    got = sorted((e.sub_event_type, e.location) for e in extract(text, "2025-11-17"))
    assert got == [("Air/drone strike", "Al-Shuhayl"), ("Armed clash", "Al-Tayyana")]
