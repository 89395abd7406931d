"""Stage candidates: what a sentence's event words are read as (quoted speech, tallies, back-references)."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards, one_line, types


@guards("quoted_speech_is_not_narration")
def test_a_witness_quote_is_speech_but_a_source_quoting_a_happening_is_an_event() -> None:
    assert one_line('"We are tired of the arrests and the raids in Hasakah," a protester told Rudaw.') == []
    assert one_line('وقال أحد المحتجين إن "الناس خرجوا للتظاهر في الحسكة لأنهم تعبوا من الغلاء".') == []
    evs = one_line('وقال مصدر أمني إن "قوات النظام استقدمت دبابات إلى حي زنود في مدينة القامشلي".')
    assert [e.sub_event_type for e in evs] == ["Change to group/activity"]


@guards("drone_shot_down_is_disrupted")
def test_a_drone_shot_down_is_disrupted_weapons_use_by_the_side_that_downed_it() -> None:
    for text in (
        "أسقطت قوات سوريا الديمقراطية طائرة مسيرة تركية في ريف القامشلي، اليوم الثلاثاء.",
        "The SDF shot down a Turkish drone near Tal Tamr on Monday.",
        "SDF air defences intercepted a drone over Qamishli on Monday.",
    ):
        (ev,) = one_line(text)
        assert (ev.sub_event_type, ev.actor1) == ("Disrupted weapons use", "SDF: Syrian Democratic Forces"), (
            text
        )


@guards("an_act_told_as_what_came_before_refers_back")
def test_an_act_told_as_hours_before_is_a_back_reference_unless_it_has_its_own_day() -> None:
    retold = "خبر\nاستهدفت طائرة مسيرة فجر اليوم موقعاً في الميادين، وذلك بعد ساعات من استهداف قاعدة حقل العمر بصواريخ."
    assert [e.location for e in extract(retold, "2024-08-10")] == ["Al Mayadin"]
    dated = "خبر\nفرضت قسد حظر تجوال في هجين اليوم، بعد ساعات من إلقاء مجهولين قنبلة يدوية على منزل في البلدة ليل أمس."
    assert len(extract(dated, "2024-08-10")) == 2


@guards("counted_attacks_are_a_tally")
def test_tallies_over_a_span_of_time_are_not_events() -> None:
    assert types("خبر\nومنذ مطلع أيار الجاري، وثّقت الشبكة أكثر من 15 هجوماً على نقاط قسد في الشحيل.") == []
    assert types("خبر\nومنذ تشرين الأول الماضي، استهدفت الغارات التركية منشآت في القامشلي.") == []
    assert types("خبر\nووفق إحصائية للمرصد قُتل أكثر من 40 مدنياً بانفجار الألغام في الشحيل.") == []
    assert (
        types("News\nSince the beginning of the year, Turkish drone strikes in Qamishli have killed 23.")
        == []
    )
    assert types("News\nThe network documented dozens of attacks on SDF points in Hajin.") == []
    # counted with a day that is no tally window: only the count makes it a tally
    assert types("خبر\nوثّقت الشبكة 15 هجوماً على نقاط قسد في الشحيل خلال الأسبوع الماضي.") == []
    assert types("News\nThe network documented dozens of attacks on SDF points in Hajin last week.") == []
    assert (
        types("News\nTurkish aircraft carried out eight drone attacks on vehicles in Qamishli last week.")
        == []
    )


def test_a_counts_attribution_holds_its_own_clause_not_the_acts_before_it() -> None:
    """ "وامتدت الحملة إلى ... تل تمر وعامودا والدرباسية، ووصل عدد المعتقلين إلى 22 معتقلاً وفق الإحصائيات": the
    statistics govern the count's clause (cues.csv "وفق الاحصائيات", segment); the campaign's spread to three towns is
    an arrest at each."""
    text = (
        "خبر\nشنّت قوات الأسايش حملة اعتقالات طالت العشرات من أعضاء المجلس الوطني الكردي اليوم.\n"
        "وامتدت الحملة إلى معظم المدن الكردية، وهي تل تمر وعامودا والدرباسية، ووصل عدد المعتقلين إلى 22 معتقلاً "
        "وفق الإحصائيات."
    )
    evs = extract(text, "2017-09-15")
    assert sorted(e.location for e in evs if e.sub_event_type == "Arrests") == [
        "Ad Darbasiyah",
        "Tall Tamr",
        "`Amuda",
    ]
    assert types("خبر\nووفق الإحصائيات قُتل أكثر من 40 مدنياً بانفجار الألغام في الشحيل منذ مطلع العام.") == []


def test_a_count_spread_over_the_places_it_names_is_an_act_at_each() -> None:
    """ "تسع هجمات شنها مقاتلو العشائر ... خلال الليلة الماضية، توزعت على الكشكية والطيانة ...": one clash at each
    place named (cues.csv "distributed"), not a tally."""
    text = (
        "خبر\nورصد ناشطون ثلاث هجمات شنها مقاتلو العشائر على قسد خلال الليلة الماضية، توزعت على الكشكية "
        "والطيانة ودرنج في ريف دير الزور الشرقي."
    )
    assert sorted(e.location for e in extract(text, "2023-09-29")) == ["Al-Kishkiyah", "Al-Tayyana", "Darnaj"]


def test_a_trend_of_strikes_is_no_event() -> None:
    """ "Ankara has stepped up its drone strikes on Kurds in Syria", "drone strikes ... have become very common"."""
    assert types("News\nAnkara has stepped up its drone strikes on Kurds in Qamishli since the summit.") == []
    assert types("News\nLately, Turkish drone strikes in Qamishli have become very common.") == []


@guards("counted_attacks_are_a_tally")
def test_weapons_in_a_convoy_and_counted_cases_are_not_attacks() -> None:
    text = "خبر\nاستقدم التحالف الدولي اليوم تعزيزات عسكرية إلى قاعدته في حقل العمر، ضمّت منظومات دفاع جوي وراجمات صواريخ."
    assert [e.sub_event_type for e in extract(text, "2023-11-14")] == ["Change to group/activity"]
    assert (
        extract(
            "خبر\nووثقت شبكة محلية 14 حالة خطف مقابل فدية في مدينة الحسكة خلال الشهر الماضي.", "2021-11-22"
        )
        == []
    )


@guards("a_sources_toll_refers_back")
def test_a_sources_toll_is_the_toll_of_the_act_told_before() -> None:
    text = "خبر\nهاجم مسلحون حاجزاً لقسد في بلدة الشحيل اليوم.\nوقال مصدر طبي في مدينة الحسكة إن المسلحين قتلوا عنصرين."
    assert [(e.location, e.fatalities) for e in extract(text, "2024-05-15")] == [("Al-Shuhayl", 2)]


@guards("a_bare_killing_counts_only_alone", "gunfire_at_people_is_an_attack")
def test_a_bare_killing_verb_is_an_attack_only_alone() -> None:
    evs = extract("خبر\nقتل مسلحون مجهولون شاباً في قرية الشحيل اليوم.", "2024-05-15")
    assert [(e.event_type, e.fatalities) for e in evs] == [("Violence against civilians", 1)]
    evs = extract("خبر\nقُتل شخصان في اشتباك بين مسلحين في قرية الشحيل اليوم.", "2024-05-15")
    assert [(e.event_type, e.fatalities) for e in evs] == [("Battles", 2)]


def test_a_small_count_of_strikes_in_one_raid_is_still_an_event() -> None:
    assert types("خبر\nشنت طائرات التحالف 3 غارات على مواقع لداعش في الشحيل اليوم.") != []


def test_strikes_counted_since_a_weekday_are_a_tally() -> None:
    assert (
        extract(
            "Turkish drones have carried out 30 strikes since Wednesday on villages near Qamishli.",
            "2024-05-15",
        )
        == []
    )
    assert extract("نفذت المسيرات التركية 30 ضربة منذ يوم الأربعاء على قرى قرب القامشلي.", "2024-05-15") == []


def test_condemnations_and_descriptions_retell_and_do_not_add_events() -> None:
    assert types("خبر\nوأدانت «لجنة الأعيان» عملية الاغتيال في الشحيل، ووصفتها بالجبانة.") == []
    assert types("News\nThe council condemned the attack in Hajin and blamed ISIS cells.") == []
    assert types("News\nFearing further strikes, the militias left their positions in Hajin.") == []


def test_closing_appeals_are_not_events() -> None:
    for text in (
        "ويجدد المرصد السوري مطالبته المجتمع الدولي بالتحرك لوقف الانتهاكات التي تشهدها بلدة الشحيل.",
        "The SDF called on the international community to stop the Turkish drone strikes on Qamishli.",
        "Activists urged the coalition to stop the shelling of Hajin.",
    ):
        assert one_line(text) == [], text


def test_a_banner_demand_does_not_undo_the_protest_before_it() -> None:
    evs = one_line(
        "خرج آلاف من أهالي مدينة القامشلي، اليوم، في مظاهرة ورفعوا لافتات تطالب المجتمع الدولي بالتدخل."
    )
    assert [(e.event_type, e.location) for e in evs] == [("Protests", "Al Qamishli")]


def test_a_toll_update_is_not_a_new_event() -> None:
    assert extract("ارتفعت حصيلة القصف التركي على مدينة القامشلي إلى 6 قتلى.", "2024-05-15") == []
    assert extract("The death toll from the Turkish strike on Qamishli rose to 6.", "2024-05-15") == []
    assert extract("The Kurdish Red Crescent said it had treated 12 wounded in Qamishli.", "2024-05-15") == []


def test_habits_any_x_and_the_dead_being_moved_are_not_events() -> None:
    text = "خبر\nويتكرر قيام أهالي قرى ريف القامشلي بطرد الدوريات، كما منعت حواجز الجيش في مرات سابقة أرتالاً من المرور."
    assert types(text) == []
    assert types("خبر\nوأكد الأهالي في الشحيل رفضهم مرور أي رتل عسكري عبر قراهم.") == []
    assert types("خبر\nوقالت منظمة طبية إن فرقها نقلت جثث ثلاثة أشخاص إلى مشفى الطبقة.") == []


@guards("a_circumstance_of_the_act_told_is_no_event")
def test_what_the_act_told_happened_amid_is_no_event() -> None:
    """ "وتأتي هذه الاشتباكات بين الجيش وقسد في ظل هدنة واتفاق لوقف إطلاق النار بدأ سريانهما يوم السبت": the
    truce is the clashes' circumstance, and its day is not theirs."""
    text = (
        "خبر\nاندلعت اشتباكات اليوم الاثنين بين الجيش السوري وقسد في قرية كرهوك بريف الحسكة.\n"
        "وتأتي هذه الاشتباكات بين الجيش وقسد في ظل هدنة واتفاق لوقف إطلاق النار بدأ سريانهما يوم السبت."
    )
    assert [(e.sub_event_type, e.event_date) for e in extract(text, "2026-01-26")] == [
        ("Armed clash", "2026-01-26")
    ]


@guards("drone_shot_down_is_disrupted")
def test_drones_told_as_intercepted_in_the_passive_were_disrupted() -> None:
    """ "Two suicide drones used in the assault were intercepted and destroyed": no strike, a disrupted use."""
    text = "In Khirbet al-Zamala, Two suicide drones used in the assault on Manbij were intercepted and destroyed."
    assert [e.sub_event_type for e in one_line(text, "2025-01-26")] == ["Disrupted weapons use"]


def test_dismantling_cells_is_no_disrupted_weapon() -> None:
    """ "تواصل قسد حملات الاعتقال ... وتبررها بتعزيز الأمن وتفكيك الخلايا": cells dismantled are not a weapon
    defused (and a continuing campaign is no event of its own)."""
    text = (
        '- تواصل "قسد" حملات الاعتقال في الحسكة والرقة ودير الزور، وتبررها بتعزيز الأمن وتفكيك الخلايا التي '
        "تهدد الاستقرار."
    )
    assert one_line(text, "2025-12-11") == []
    defused = one_line("فككت قوات الأمن عبوة ناسفة في بلدة الشحيل اليوم.", "2025-12-11")
    assert [e.sub_event_type for e in defused] == ["Disrupted weapons use"]


def test_what_a_force_often_does_is_a_habit() -> None:
    """ "Turkish forces often carry out drone strikes on targets in northern Syria": a habit, not an event."""
    text = "Turkish forces often carry out drone strikes on targets in al-Hol camp, citing links to the PKK."
    assert one_line(text, "2024-02-02") == []


def test_what_someone_is_alleged_to_have_done_is_no_event() -> None:
    """ "detained a suspected ISIS member in Al-Mayadeen ..., adding that the man is alleged to have taken part in
    attacks on personnel of the 86th Division": one arrest, no attack."""
    text = (
        "Syrian security forces on Wednesday detained a suspected ISIS member in the city of Al-Mayadeen, the "
        "Interior Ministry said, adding that the man is alleged to have taken part in attacks on personnel of the "
        "Defense Ministry's 86th Division."
    )
    assert [e.sub_event_type for e in one_line(text, "2026-02-25")] == ["Arrests"]


def test_what_a_side_calls_the_incident_retells_it() -> None:
    """ "The SDF called the incident a massacre, saying the village had come under intense fire from artillery,
    tanks and drones": the shelling told before, not a drone strike by the SDF."""
    text = (
        "Five civilians were killed when Syrian army forces shelled the village of Qasimiyah in the Kobani "
        "countryside.\nThe Syrian Democratic Forces (SDF) called the incident a massacre, saying the village had "
        "come under intense fire from artillery, tanks and drones."
    )
    assert [e.sub_event_type for e in one_line(text, "2026-01-26")] == ["Shelling/artillery/missile attack"]


@guards("counted_attacks_are_a_tally")
def test_what_counted_attacks_caused_is_the_counts() -> None:
    """ "In Al-Hasakah the cells carried out nine attacks, which killed five military personnel, a driver and four
    civilians": a tally, no killing event of its own."""
    text = "In Al-Hasakah the cells carried out nine attacks, which killed five military personnel, a driver and four civilians."
    assert one_line(text, "2023-04-14") == []


@guards("drones_moved_are_no_strike")
def test_drones_moved_somewhere_are_no_strike() -> None:
    """ "the groups have moved a large number of Iranian-made drones toward the areas of Maskanah and Deir Hafer":
    a deployment, not a strike."""
    text = (
        "According to the statement, the groups have moved a large number of Iranian-made drones toward the areas "
        "of Maskanah and Deir Hafer."
    )
    assert one_line(text, "2026-01-16") == []


def test_a_quoted_happening_placed_right_after_the_quote_is_narration() -> None:
    """'"Four of them died when an air strike hit their car as they were fleeing" in Tal Abyad, said Rami Abdel
    Rahman': the monitor quotes a happening with its place, an event (a protester's feelings are not)."""
    text = (
        "Car bomb kills 3 in Syria's Qamishli\n"
        "A car bomb in the Syrian city of Qamishli killed at least three civilians on Friday.\n"
        "The Syrian Observatory said seven civilians were killed by Turkish air strikes in north-eastern Syria on "
        "Friday.\n"
        '"Four of them died when an air strike hit their car as they were fleeing" in Tal Abyad, said Rami Abdel '
        "Rahman, who heads the Observatory."
    )
    assert "Tall Abyad" in [e.location for e in extract(text, "2019-10-11")]


@guards("a_line_of_a_breakdown_is_a_tally")
def test_the_lines_of_a_tally_s_breakdown_are_not_events() -> None:
    """ "* Al-Raqqah: four strikes, which killed three combatants", "• الرقة: 4 غارات": a place or bullet, a colon
    and a count of acts break a tally down; a dated item of a list is still an event."""
    text = (
        "Turkish airstrikes on SDF-held areas in 2024, by region:\n"
        "* Al-Raqqah: four strikes, which killed three combatants.\n"
        "* Aleppo: 14 strikes, which killed two combatants."
    )
    assert extract(text, "2024-06-01") == []
    assert (
        extract(
            "حصيلة الغارات التركية منذ مطلع العام:\n• الرقة: 4 غارات أسفرت عن مقتل 3 مقاتلين.", "2024-06-01"
        )
        == []
    )
    dated = "* December 10: a Turkish drone struck a car near Amuda, killing two fighters."
    assert len(extract(dated, "2024-12-12")) == 1


@guards("a_word_of_a_units_name_is_no_event")
def test_an_event_word_in_a_units_name_is_no_event() -> None:
    """ "the Fighting Terrorism Forces of the SDF ... carried out an airdrop": "Fighting" names a unit; the same
    word in lower case is fighting."""
    text = (
        "On 26 October 2020, the Fighting Terrorism Forces of the Syrian Democratic Forces, backed by the "
        "International Coalition, carried out an airdrop on the village of al-Sabha."
    )
    assert [e.event_type for e in extract(text, "2020-10-27")] == []
    fight = (
        "On 26 October 2020, the fighting between the SDF and ISIS cells spread to the village of al-Sabha."
    )
    assert [e.event_type for e in extract(fight, "2020-10-27")] == ["Battles"]


@guards("the_places_the_act_reached_in_its_sentence_are_its_own")
def test_the_places_an_act_reached_told_in_its_own_sentence_are_events() -> None:
    """ "تشن القوات التركية قصفاً عنيفاً على بلدة أبو راسين، إذ طال القصف قرية تل شنان الآشورية": the village the
    shelling reached is an event of its own, in the act's sentence too."""
    text = "خبر\nتشن القوات التركية قصفاً عنيفاً على بلدة أبو راسين، إذ طال القصف قرية تل شنان الآشورية شمال تل تمر."
    assert {"Abu Rasin", "تل شنان"} <= {e.location for e in extract(text, "2022-07-24")}
