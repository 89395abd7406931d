"""Stage acts: which readings stand as acts. One act told with its circumstances is one event."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, found, guards, one_line, types

HOL_MINES = (
    "وفي السياق، عثرت فرق الهندسة التابعة لقوات سوريا الديمقراطية، صباح اليوم، على ثلاثة ألغام مضادة للأفراد "
    "في محيط بلدة الهول شرقي الحسكة، وعملت على تفجيرها دون وقوع أضرار."
)
SEIZED_HOUSES = (
    'كما علم المرصد السوري أن عناصر من فصيل "السلطان مراد" أقدموا خلال الـ48 ساعة الماضية على الاستيلاء على '
    "منازل نازحين في قرية تل حلف غربي مدينة رأس العين (سري كانيه)، وسرقة محتوياتها وآلات زراعية منها، بعد "
    "طرد من تبقى من سكانها."
)


@guards("nothing_before_to_refer_back_to")
def test_a_definite_event_noun_with_nothing_before_it_is_the_event() -> None:
    evs = extract("خبر\nأسفر القصف التركي على قرية تل براك عن مقتل شخصين وإصابة ثلاثة.", "2024-05-15")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Shelling/artillery/missile attack", 2)]


@guards("a_demonstration_over_weak_violence", "a_mob_at_a_protest_is_a_violent_demonstration")
def test_mob_violence_unless_protesters_are_there() -> None:
    assert types("خبر\nأحرق شبان من عشيرة البكارة محلاً تجارياً في الشحيل.") == [("Riots", "Mob violence")]
    assert types("News\nA crowd stormed and vandalised the council building in Hajin.") == [
        ("Riots", "Mob violence")
    ]
    assert types("خبر\nتظاهر أهالي الشحيل ضد الغلاء، وأحرق المحتجون مبنى المجلس.") == [
        ("Riots", "Violent demonstration")
    ]


@guards("a_seized_weapon_was_not_used", "a_qualified_place_describes_the_one_before")
def test_seized_explosives_are_not_an_explosion() -> None:
    text = (
        "اعتقلت الأسايش، مساء أمس الإثنين، شخصين في بلدة الكرامة شرقي الرقة، "
        "وضبطت بحوزتهما ثلاث عبوات ناسفة معدّة للتفجير."
    )
    assert [e.sub_event_type for e in extract(text, "2024-05-15")] == ["Arrests"]
    evs = extract("ضبطت قوى الأمن الداخلي ثلاث عبوات ناسفة في بلدة الكرامة اليوم.", "2024-05-15")
    assert [e.sub_event_type for e in evs] == ["Disrupted weapons use"]


@guards("what_is_defused_is_not_an_attack")
def test_mines_found_and_destroyed_are_not_an_explosion() -> None:
    assert [e.sub_event_type for e in extract(HOL_MINES, "2024-04-02")] == ["Disrupted weapons use"]


@guards("gunfire_at_protesters_is_force_on_the_protest")
def test_gunfire_at_the_protesters_named_after_it_is_force_on_the_protest() -> None:
    text = "خبر\nوقال أحد المشاركين إن عناصر الحاجز في بلدة الشدادي أطلقوا النار في الهواء أولاً، ثم باتجاه المتظاهرين."
    assert [s for s, _ in found(text, "2021-05-17")] == ["Excessive force against protesters"]


@guards("a_supporting_phrase_is_no_second_event", "the_first_agent_of_the_sentence")
def test_air_support_for_a_raid_is_not_a_second_event() -> None:
    text = (
        "شنت قوات سوريا الديمقراطية بمساندة طيران التحالف الدولي حملة دهم في بلدة الصور "
        "واعتقلت خمسة أشخاص، اليوم الأربعاء."
    )
    evs = extract(text, "2024-05-15")
    assert [(e.sub_event_type, e.location) for e in evs] == [("Arrests", "As-Suwar")]
    assert evs[0].actor1.startswith("SDF")


@guards("a_supporting_phrase_is_no_second_event")
def test_fire_under_cover_of_which_an_assault_goes_is_one_clash() -> None:
    text = (
        "News\nFighting raged overnight near Ain Issa between the SDF and SNA factions, which launched fresh "
        "assaults under cover of artillery fire."
    )
    assert found(text, "2025-01-16") == [("Armed clash", "`Ayn `Isa")]


@guards("a_riots_storming_is_the_riot")
def test_rioters_storming_a_building_is_one_riot() -> None:
    text = "اقتحم محتجون غاضبون مبنى المجلس المحلي في بلدة ذيبان وأحرقوا الإطارات، اليوم."
    assert [e.event_type for e in extract(text, "2024-05-15")] == ["Riots"]


@guards("seizing_property_is_looting")
def test_seizing_houses_is_looting_not_taking_ground() -> None:
    assert [e.sub_event_type for e in extract(SEIZED_HOUSES, "2019-11-24")] == [
        "Looting/property destruction"
    ]


@guards("a_takeover_is_one_territorial_event")
def test_a_takeover_told_as_a_handover_is_one_event() -> None:
    text = "خبر\nسيطرت قوات الحكومة السورية على قرية دير حافر اليوم، وتسلمت البلدة من قسد."
    assert [e.sub_event_type for e in extract(text, "2025-01-20")] == ["Government regains territory"]


@guards("a_demonstration_over_weak_violence", "arrests_at_a_dispersed_protest_are_part_of_it")
def test_a_dispersed_protest_with_arrests_is_one_protest_with_intervention() -> None:
    text = "خبر\nفرّقت قوات الأمن الداخلي، أمس، مظاهرة في مدينة الرقة وأطلقت الرصاص في الهواء، واعتقلت سبعة من المشاركين فيها."
    assert found(text, "2025-10-21") == [("Protest with intervention", "Ar Raqqah")]


@guards("taking_people_is_one_act")
def test_abducting_and_taking_away_is_one_act() -> None:
    text = "خبر\nاختطفت مجموعة مسلحة أمس خمسة شبان من حي غويران في مدينة الحسكة، واقتادتهم إلى جهة مجهولة."
    assert types(text) == [("Violence against civilians", "Abduction/forced disappearance")]


@guards("a_convoy_turned_back_is_no_deployment")
def test_a_convoy_turned_back_and_an_occupation_named_are_not_events() -> None:
    text = (
        "خبر\nاعترض أهالي بلدة تل حميس بريف القامشلي اليوم رتلاً لقوات الاحتلال الأمريكي مؤلفاً من أربع مدرعات."
    )
    assert "Change to group/activity" not in {s for s, _ in found(text, "2023-01-19")}
    text = "خبر\nوتطالب سورية بخروج القوات الأمريكية من أراضيها، مؤكدة أن وجودها في قاعدة خراب الجير يشكّل احتلالاً."
    assert found(text, "2023-01-19") == []


@guards("what_an_attack_hits_is_no_event")
def test_a_strike_on_a_weapons_depot_is_a_strike() -> None:
    evs = one_line("Coalition airstrikes hit a weapons depot on the outskirts of al-Mayadin on Monday.")
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]


@guards("state_forces_regain_territory")
def test_state_forces_taking_a_village_regain_territory() -> None:
    evs = extract("سيطرت قوات الحكومة السورية على قرية دير حافر بعد انسحاب قسد منها، اليوم.", "2025-01-20")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [
        ("Government regains territory", "Military Forces of Syria (2024-)")
    ]


def test_a_reinforcement_after_a_riot_is_its_own_strategic_event() -> None:
    text = (
        "تقرير\nDetainees held at al-Sina'a prison in Hasakah staged a riot on Saturday night.\n"
        "The SDF sent dozens of reinforcements and imposed a cordon around the prison, residents said."
    )
    assert {e.event_type for e in extract(text, "2023-07-16")} == {"Riots", "Strategic developments"}


def test_meetings_between_the_parties_are_strategic_developments() -> None:
    for text in (
        "التقى وفد من قوات سوريا الديمقراطية مع وفد حكومي في مدينة الحسكة، اليوم.",
        "SDF and government delegations held talks in Hasakah on Monday.",
    ):
        assert [(e.event_type, e.sub_event_type) for e in one_line(text)] == [
            ("Strategic developments", "Other")
        ]


def test_english_strike_noun_closure_and_two_targets() -> None:
    assert types(
        "News\nA coalition strike on a militia depot on the outskirts of al-Mayadin killed three."
    ) == [("Explosions/Remote violence", "Air/drone strike")]
    assert types("News\nThe SDF closed the Semalka crossing until further notice.") == [
        ("Strategic developments", "Change to group/activity")
    ]
    evs = extract(
        "News\nTurkish drones struck a car in Amuda and a motorbike in Derbasiyah on Tuesday.", "2024-05-15"
    )
    assert sorted(e.location for e in evs) == ["Ad Darbasiyah", "`Amuda"]
    evs = extract("News\nA Turkish drone struck a car near Amuda overnight.", "2024-05-15")
    assert [e.event_date for e in evs] == ["2024-05-14"]


def test_took_to_the_streets_is_a_protest() -> None:
    text = "Hundreds of Kurds took to the streets of Qamishli on Wednesday, chanting against the occupation."
    assert [e.event_type for e in extract(text, "2024-05-15")] == ["Protests"]


def test_an_aircraft_named_with_a_strike_verb_names_the_strike() -> None:
    """ "بقصف مسيّرة تركية": a drone strike, not shelling; "Shells also struck homes" stays shelling."""
    from extraction import extract

    drone = "خبر\nقُتل عنصران بقصف مسيّرة تركية على مقر عسكري في مدينة القامشلي اليوم."
    assert [e.sub_event_type for e in extract(drone, "2021-08-19")] == ["Air/drone strike"]
    shells = "News\nShells also struck homes in al-Tayyana on Wednesday, wounding a woman."
    assert [e.sub_event_type for e in extract(shells, "2024-06-12")] == ["Shelling/artillery/missile attack"]


def test_a_headline_in_the_present_tense_downs_a_drone() -> None:
    """ "«التحالف الدولي» يُسقط مسيّرة «بيرقدار» اقتربت من قاعدة تل بيدر": the drone was shot down, not a strike."""
    text = (
        "«التحالف الدولي» يُسقط مسيّرة «بيرقدار» اقتربت من قاعدة تل بيدر\nأسقطت قوات التحالف مسيّرة تركية أمس."
    )
    assert [e.sub_event_type for e in extract(text, "2023-10-06")] == ["Disrupted weapons use"]


@guards("a_raids_smashing_is_looting")
def test_what_raiders_smash_and_steal_is_their_looting_not_a_riot() -> None:
    """ "العناصر المشاركين في المداهمة حطّموا أجزاء من ممتلكات الأهالي وسرقوا بعض محتوياتها": looting by the raid
    (one strategic development with it at the same place and day), no riot."""
    text = (
        "داهمت قسد بلدة الشحيل اليوم واعتقلت عشرة شبان.\n"
        "وأضاف المراسل أن العناصر المشاركين في المداهمة حطّموا أجزاء من ممتلكات الأهالي وسرقوا بعض محتوياتها."
    )
    subs = {e.sub_event_type for e in one_line(text, "2025-12-01")}
    assert subs == {"Arrests"}


@guards("a_withdrawal_with_the_fight_is_part_of_it")
def test_a_withdrawal_told_with_the_fight_is_part_of_it() -> None:
    """ "stormed the SDF outpost ..., killed two fighters and withdrew safely into the desert": one clash."""
    text = (
        "News\nLocal sources said IS militants stormed an SDF outpost in the town of al-Busayrah on Tuesday, "
        "killed two fighters and withdrew safely into the desert."
    )
    assert [e.event_type for e in extract(text, "2018-07-18")] == ["Battles"]


@guards("a_cordon_round_an_attack_is_its_aftermath")
def test_a_cordon_round_the_scene_of_an_attack_is_its_aftermath() -> None:
    """ "فجّر انتحاري نفسه ... في حي الوسطى" then "المنطقة طُوّقت ومُنع تجوال السيارات فور وقوع التفجير": the cordon is
    the blast's aftermath, no event; a cordon told alone (a siege of a village) still is one."""
    after = (
        "خبر\nفجّر انتحاري نفسه بحزام ناسف ظهر اليوم في حي الوسطى بمدينة القامشلي.\n"
        "وقالت شاهدة إن المنطقة طُوّقت فور وقوع التفجير."
    )
    assert [e.sub_event_type for e in extract(after, "2016-06-19")] == ["Suicide bomb"]
    alone = "خبر\nفرضت قوات الأسايش طوقاً أمنياً على قرية تل براك اليوم."
    assert [e.sub_event_type for e in extract(alone, "2016-06-19")] == ["Other"]


@guards("a_raid_by_warplanes_is_the_strike")
def test_the_raids_of_warplanes_are_the_strikes() -> None:
    """ "unidentified warplanes had carried out four raids on Iranian militia bases in al-Thalathat": air strikes, no
    arrest raid; "the SDF carried out raids in al-Shuhayl" stays arrests."""
    text = "News\nUnidentified warplanes carried out four raids on Iranian militia bases in Albu Kamal on Sunday."
    assert [e.sub_event_type for e in extract(text, "2020-06-28")] == ["Air/drone strike"]
    text = "News\nThe SDF carried out raids in al-Shuhayl on Sunday and detained five men."
    assert [e.sub_event_type for e in extract(text, "2020-06-28")] == ["Arrests"]
