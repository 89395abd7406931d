"""Stage locate: where an act happened. One event per place; a town beats a direction, a province or a road."""

from __future__ import annotations

from tests.extraction.rulecheck import explain, extract, found, guards, messages

DAM_CROWD = (
    "Turkish occupation drone targets civilian convoy at Tishrin Dam, four martyred\n"
    "ANHA's correspondent at the dam said the drone fired at least two missiles at the crowd near the dam's eastern "
    "gate as buses from Raqqa and al-Tabqa were unloading. The Syrian Observatory for Human Rights put the death "
    "toll at six."
)
HASAKAH_COUNTRYSIDE = (
    'لقي عنصران من "قوات سوريا الديمقراطية-قسد" مصرعهما، صباح اليوم الثلاثاء، في هجوم طال سيارة عسكرية بريف '
    "الحسكة الجنوبي."
)
RECALLED = (
    "احتجاجات في ذيبان وتعزيزات لـ«قسد» في البصيرة\n"
    "ويُذكر أن مواجهات عنيفة اندلعت في المنطقة بين «قسد» ومقاتلين من العشائر العربية في شهر آب العام 2021."
)


@guards("the_sentences_places_when_the_clause_has_none")
def test_a_framing_province_does_not_make_a_second_event() -> None:
    text = (
        "وفي دير الزور، ضبطت وحدات الأمن أمس مستودعاً يحتوي على كميات من الأسلحة في أحد أحياء "
        "مدينة الميادين، وألقت القبض على شخصين متورطين في تخزينها."
    )
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Mayadin"]


def test_the_place_a_list_lies_by_is_not_the_act_s_place() -> None:
    """The clause nearest "came under shelling" names only where the subject list lies ("along the road west of
    Kobane"), a place the sentence's rules drop: the villages are the act's places, in both languages."""
    en = "The villages of Botan and Seftik, along the road west of Kobane, came under Turkish shelling."
    assert [e.location for e in extract(en, "2022-08-16")] == ["Botan", "Siftik al Ula"]
    ar = "قرى بوتان وسفتك وسيليم، الواقعة على الحدود غربي كوباني، تعرضت لقصف تركي."
    assert len(extract(ar, "2022-08-16")) == 3


@guards("a_generic_plural_of_attacks_is_no_event")
def test_a_count_of_attacks_in_general_is_no_event() -> None:
    text = (
        "News\nUnidentified gunmen targeted an SDF post in Deir ez-Zor on Saturday.\n"
        "According to the monitor, these attacks left 91 people dead."
    )
    assert [e for e in extract(text, "2022-09-11") if e.fatalities == 91] == []
    # attacks in general, in a province's countryside only: no event there
    text = (
        "News\nFor the second day running, Daesh cells carried out attacks on civilians in the eastern "
        "countryside of Deir Ezzor.\nA young civilian was shot dead by gunmen in the town of Diban on Monday."
    )
    assert [e.location for e in extract(text, "2022-04-18")] == ["Diban"]
    # attacks in general in named provinces ("محافظات", place_words.csv plural governorate): no city events
    text = (
        "خبر\nقتل مسلحون مجهولون عنصرين من قوات النظام قرب مدينة معدان اليوم الثلاثاء.\n"
        'ولم تتبنَّ أي جهة العملية، علماً أن تنظيم الدولة سبق أن نفّذ عبر خلاياه هجمات ضد عناصر "قسد" وقوات '
        "النظام في محافظات الرقة ودير الزور والحسكة."
    )
    assert [e.location for e in extract(text, "2020-01-28")] == ["Ma`dan"]


@guards("strong_places_over_weak")
def test_a_council_named_with_the_town_of_the_act_does_not_place_it() -> None:
    """The institution's town (weak) and the town named elsewhere in the sentence: the town places the act.

    A later merge would fold a second draft at the council's town into this one, so the test reads the trace.
    """
    (ev,) = explain(
        "خبر\nقال مجلس ذيبان المدني إن قسد اعتقلت ثلاثة شبان، في بلدة الشحيل اليوم.", "2024-05-15"
    ).events
    assert ev.event.location == "Al-Shuhayl"
    steps = [s for s in ev.steps if s.rule == "strong_places_over_weak"]
    assert steps and "Diban" in steps[0].change and steps[0].change.endswith("[Al-Shuhayl (town)]")


@guards("the_base_detainees_reach_is_not_where_they_were_seized")
def test_the_base_detainees_were_taken_to_is_not_where_they_were_seized() -> None:
    text = (
        "خبر\nاعتقلت قسد اليوم أربعة من الوجهاء في بلدة ذيبان.\n"
        "وقال مراسل إن رتلاً لقسد داهم منازلهم قبل أن يقتادوا المعتقلين إلى قاعدة حقل العمر."
    )
    assert {e.location for e in extract(text, "2020-06-11")} == {"Diban"}


@guards("moved_people_are_placed_at_the_town_told_of")
def test_buses_from_other_towns_do_not_move_a_strike_at_the_dam() -> None:
    assert [e.location for e in extract(DAM_CROWD, "2025-01-16", "ANHA (Hawar English)")] == ["Tishrin Dam"]
    text = (
        "News\nA Turkish drone struck a convoy of civilians heading to the Tishrin Dam on Wednesday, killing two.\n"
        "Residents of Hasaka set off for the dam on Wednesday but were hit by the drone attack."
    )
    assert [e.location for e in extract(text, "2025-01-08")] == ["Tishrin Dam"]  # not where they came from


@guards("a_strong_act_in_a_province_is_kept_at_province_level")
def test_a_weak_word_in_a_countryside_only_is_no_event_and_says_so() -> None:
    assert extract(HASAKAH_COUNTRYSIDE, "2024-06-25") == []
    assert any(m.startswith("Only a broad region") for m in messages(HASAKAH_COUNTRYSIDE, "2024-06-25"))


def test_a_strike_somewhere_in_a_province_is_kept_at_province_level() -> None:
    text = (
        "خبر\nوأعلنت القيادة المركزية الأمريكية أن قواتها نفّذت يوم الخميس الماضي غارة جوية في محافظة دير الزور "
        "أسفرت عن مقتل قيادي في داعش."
    )
    got = extract(text, "2025-03-22")
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in got] == [
        ("Air/drone strike", "Deir ez-Zor", 3)
    ]


@guards("an_institutions_town_places_its_member")
def test_a_towns_council_places_its_members_killing_over_an_earlier_town() -> None:
    text = (
        "Killing in the east\n"
        "Gunmen wounded a man in al-Busayrah on Sunday.\n"
        "In the eastern countryside of Deir ez-Zor, gunmen shot dead a member of the Diban Civil Council "
        "early on Tuesday."
    )
    got = [e.location for e in extract(text, "2022-03-15") if e.sub_event_type == "Attack"]
    assert got == ["Diban"], got


@guards("the_town_told_of_places_a_placeless_act")
def test_the_town_told_of_places_an_act_with_no_place() -> None:
    text = (
        "تقرير\nDetainees held at al-Sina'a prison in Hasakah staged a riot on Saturday night.\n"
        "The SDF sent dozens of reinforcements and imposed a cordon around the prison, residents said."
    )
    assert [e.location for e in extract(text, "2023-07-16") if e.event_type == "Strategic developments"] == [
        "Al Hasakah"
    ]


@guards("the_last_place_told_places_a_placeless_act")
def test_an_act_recalled_with_no_place_is_at_the_last_town_named() -> None:
    evs = [e for e in extract(RECALLED, "2022-09-16") if e.background]
    assert [(e.location, e.event_date[:7]) for e in evs] == [("Al-Busayrah", "2021-08")]


@guards("the_last_place_told_places_a_placeless_act")
def test_where_the_wounded_were_taken_is_never_borrowed() -> None:
    """ "نُقل الجرحى إلى مشافي مدينة الحسكة" ... "عثرت القوات على جثة": the body was found where the news is."""
    text = (
        "خبر\nاشتعلت النيران اليوم في خيمة داخل مخيم الهول، ونُقل ثلاثة جرحى إلى مشافي مدينة الحسكة.\n"
        "وفي أول أيام عيد الفطر، عثرت القوات الأمنية على جثة لاجئ بعد ضربه بمطرقة على رأسه."
    )
    evs = extract(text, "2020-05-28")
    assert [e.location for e in evs if e.sub_event_type == "Attack"] == ["Al-Hawl refugee camp"]


def test_a_town_of_another_governorate_told_before_is_not_borrowed() -> None:
    """ "في بلدة المنصورة بريف الرقة" then "اغتالت خلية موظفاً ... في ريف دير الزور الغربي": the act keeps its own
    countryside; a town of another governorate is never its place, told before it or after."""
    text = (
        "خبر\nقصفت طائرات روسية مواقع للتنظيم في بلدة المنصورة بريف الرقة اليوم.\n"
        "واغتالت خلية تتبع لداعش موظفاً في بلدية الشعب في ريف دير الزور الغربي."
    )
    assert [e.location for e in extract(text, "2020-09-12")] == [
        "Al Mansurah",
        "Western Deir ez-Zor countryside",
    ]
    # a region over several governorates says nothing of one: "west of the Euphrates" still borrows the dam
    text = "خبر\nسيّرت قوات التحالف دورية قرب سد تشرين اليوم.\nوانسحبت قوات قسد من مواقعها غرب الفرات."
    assert "West bank of the Euphrates" not in [e.location for e in extract(text, "2025-04-14")]


def test_a_summary_of_unnamed_villages_is_no_event_beside_the_named_ones() -> None:
    text = (
        "دير الزور.. مظاهرات ترفض دخول قوات النظام\n"
        "خرج العشرات من المدنيين في مظاهرات بعدد من قرى وبلدات ريف دير الزور الشرقي، رفضاً لدخول قوات النظام.\n"
        "ونشرت شبكات محلية اليوم الجمعة صوراً تظهر عشرات المدنيين في مدينة الشحيل وهم يحملون لافتات.\n"
        "وخرجت مظاهرات حاشدة في الشعيطات رافضة لنظام الأسد."
    )
    assert sorted(e.location for e in extract(text, "2019-10-18")) == ["Al-Shaitat", "Al-Shuhayl"]


@guards("a_headline_with_only_a_borrowed_place_is_no_event")
def test_a_headline_whose_place_is_only_borrowed_is_no_event() -> None:
    assert extract("مقتل مدنيين برصاص مجهولين في ريف دير الزور الشرقي\nالرقة - خاص", "2020-11-19") == []


def test_a_council_places_the_event_only_when_nothing_else_does() -> None:
    assert [
        e.location for e in extract("أعلن مجلس ذيبان المدني اليوم عن اعتقال ثلاثة شبان.", "2024-05-05")
    ] == ["Diban"]
    text = "اعتقلت قسد اليوم ثلاثة شبان في بلدة الشحيل بحسب مجلس دير الزور العسكري."
    assert [e.location for e in extract(text, "2024-05-05")] == ["Al-Shuhayl"]


def test_the_side_of_a_towns_countryside_is_still_an_event() -> None:
    evs = extract(
        "خبر\nانفجرت عبوة ناسفة بسيارة مدنية في ريف الرقة الشمالي، اليوم، ما أدى لمقتل سائقها.", "2024-05-15"
    )
    assert [(e.location, e.geo_precision, e.fatalities) for e in evs] == [("Ar Raqqah", 3, 1)]


def test_a_generic_plural_of_attacks_is_not_an_event() -> None:
    text = "Women marched in Raqqa on Friday carrying photos of women killed in Turkish attacks."
    assert [e.event_type for e in extract(text, "2024-05-17")] == ["Protests"]


def test_where_people_fled_from_places_the_flight() -> None:
    assert found("خبر\nنزحت عشرات العائلات من بلدة تل تمر اليوم.", "2022-11-23") == [("Other", "Tall Tamr")]


@guards("an_act_abroad_is_no_event")
def test_an_act_abroad_is_no_event() -> None:
    """The Istanbul bombing a report recalls is not placed at the Syrian town told before; a dateline is no
    place of the act ("ERBIL, Kurdistan Region - ...")."""
    text = (
        "Turkish strikes hit Tal Abyad\n"
        "SDF-affiliated forces fired artillery at Tal Abyad on Sunday morning, the Turkish ministry said.\n"
        "Turkey blames the YPG for the Nov. 13 bombing on a busy Istanbul avenue that killed six people."
    )
    assert [e.event_date for e in extract(text, "2022-11-20")] == ["2022-11-20"]
    dateline = (
        "ERBIL, Kurdistan Region - A Turkish drone struck a car near Qamishli on Monday, killing two people."
    )
    assert [e.location for e in extract(dateline, "2022-11-21")] == ["Al Qamishli"]
    # a place whose name is one abroad is that one: not Idlib's Sinjar, nor a village "Iraqi"; "Iraq's Sinjar" too
    assert (
        extract(
            "News\nTurkish jets struck the Iraqi town of Sinjar on Monday, killing a dozen fighters.",
            "2017-04-25",
        )
        == []
    )
    assert (
        extract("News\nTurkish drones struck PKK positions in Iraq's Sinjar on Monday.", "2017-04-25") == []
    )
    # detainees moved to Iraq were not arrested at the camp told before (cues.csv abroad "iraq")
    text = (
        "News\nThe army entered al-Hol camp on Monday after the SDF withdrew.\n"
        "The US military said it had transferred more than 5,700 detained ISIL suspects from Syrian prisons to Iraq."
    )
    assert [e.sub_event_type for e in extract(text, "2026-02-26")] == ["Change to group/activity"]


@guards("unnamed_villages_of_an_area_are_no_place")
def test_an_act_over_the_combat_areas_is_a_summary_not_an_event() -> None:
    """ "The SDF answered by sending drones over the combat areas": the strikes it sums up are told after it."""
    text = (
        "Tribal fighters attacked the SDF headquarters in al-Sabha on Wednesday.\n"
        "The SDF answered by sending drones over the combat areas."
    )
    assert [(e.location, e.sub_event_type) for e in extract(text, "2024-08-07")] == [
        ("Al-Sabha", "Armed clash")
    ]


@guards("unnamed_villages_of_an_area_are_no_place")
def test_villages_counted_around_a_town_are_the_named_ones_told_next() -> None:
    """ "احتلت ثلاث قرى جديدة حول ناحية تل تمر" then "احتلت قرى الريحانية والكنيهر والسعيد": the count sums
    up the villages named next; the town they lie around is no event of its own."""
    text = (
        "الحسكة-سانا\nواحتلت قوات الاحتلال التركي ثلاث قرى جديدة حول ناحية تل تمر.\n"
        "وأفاد مراسل سانا في الحسكة بأن قوات الاحتلال التركي احتلت قرى الريحانية والكنيهر والسعيد "
        "في الريف الشمالي الشرقي لناحية تل تمر."
    )
    locs = sorted(e.location for e in extract(text, "2019-11-13"))
    assert locs == sorted(["الريحانية", "الكنيهر", "السعيد"])


def test_an_act_in_a_countryside_keeps_it_over_a_town_told_later_elsewhere() -> None:
    """ "صدّ محاولة تسلل ... في منطقة المغلة بريف الرقة الشرقي" then "في مدينة دير الزور": the act's own
    countryside, not a town of another governorate told after it."""
    text = (
        "الجيش يعلن إحباط تسلل لعناصر من قسد في ريف الرقة الشرقي\n"
        "قال الجيش السوري إنه صدّ محاولة تسلل لعناصر من قسد في منطقة المغلة بريف الرقة الشرقي.\n"
        "وسمعت أصوات انفجارات في مدينة دير الزور، قال مصدر إنها تدريبات عسكرية."
    )
    assert [e.admin1 for e in extract(text, "2025-09-02")] == ["Raqqa"]


def test_a_number_of_positions_in_a_countryside_is_a_summary() -> None:
    """ "took over a number of headquarters and positions held by the SDF" in the countryside, then the towns:
    the summary is no event of its own."""
    text = (
        "News\nAt dawn on Wednesday, tribal forces mounted an offensive in the eastern countryside of Deir-ez-Zor "
        "and took over a number of headquarters and positions held by the SDF.\n"
        "The tribal forces seized most SDF positions in the town of Dhiban."
    )
    assert [e.location for e in extract(text, "2024-08-07")] == ["Diban"]


def test_a_province_the_act_names_is_not_its_capital_told_before() -> None:
    """ "killed in a drone strike in Hasaka province" after a caption "in Hasaka", then the road the statement
    names: one strike, on the road, not a second one in the city."""
    text = (
        "Drone strike kills two Asayish members\n"
        "Photo caption: the aftermath of a Turkish drone strike on an Asayish car in Hasaka. Photo: SOHR\n"
        "ERBIL, Kurdistan Region - Two members of the Asayish were killed in a suspected Turkish drone strike in "
        "Hasaka province on Sunday afternoon, the force announced.\n"
        '"This afternoon the Turkish occupation struck one of our cars with a drone on the road between the '
        'cities of Qamishli and Amuda," an Asayish statement said.'
    )
    assert [(e.location, e.fatalities) for e in extract(text, "2023-09-17")] == [("Al Qamishli", 2)]


def test_a_strike_a_source_tells_in_a_province_keeps_its_toll_for_the_road_told_next() -> None:
    """ "RIC said on Thursday that a Turkish drone strike yesterday killed one member of the Asayish ... in
    Hasakah province" then "On Wednesday a Turkish drone hit a car on the road between Qamishlo and Hasakah":
    one strike, on the road, one dead."""
    text = (
        "Turkish drone strike killed one Asayish member\n"
        "The Rojava Information Center (RIC) said on Thursday that a Turkish drone strike yesterday killed one "
        "member of the Asayish and wounded three others in Hasakah province.\n"
        "On Wednesday a Turkish drone hit a car on the road between Qamishlo and Hasakah."
    )
    assert [(e.location, e.fatalities) for e in extract(text, "2024-01-25")] == [("Al Qamishli", 1)]


def test_a_countryside_the_act_names_is_not_its_city_told_before() -> None:
    """ "اغتيال قيادي في قسد ... في دير الزور" then "خلال تنقله في مناطق ريف دير الزور الشرقي": the body's act is
    in the countryside it names, not the city of the headline."""
    text = (
        "خبر عن دير الزور\n"
        "قال ناشطون إن الاشتباكات تجددت في مدينة دير الزور أمس.\n"
        "واغتال مسلحون مجهولون اليوم قيادياً في قسد خلال تنقله في مناطق ريف دير الزور الشرقي."
    )
    attacks = [e for e in extract(text, "2018-07-03") if e.event_date == "2018-07-03"]
    assert [e.location for e in attacks] == ["Eastern Deir ez-Zor countryside"]


def test_protests_in_the_syrian_provinces_unnamed_are_no_event() -> None:
    """ "وكانت المحافظات السورية قد شهدت أواخر الشهر الماضي وقفات احتجاجية": provinces not named, no place."""
    text = (
        "وقفة في دير الزور\nتجمّع العشرات اليوم في مظاهرة عند دوار المدلجي في مدينة دير الزور.\n"
        'وكانت المحافظات السورية قد شهدت أواخر الشهر الماضي وقفات احتجاجية تحت شعار "صوت واحد".'
    )
    assert [e.event_date for e in extract(text, "2025-11-21")] == ["2025-11-21"]


def test_where_the_wounded_were_taken_is_not_borrowed_by_a_placeless_clause() -> None:
    """ "أدى إطلاق النار إلى مقتل الرجل ...، ونقل إلى أحد مشافي دمشق لتلقي العلاج": the shooting is at al-Duwayr,
    not at the Damascus hospital."""
    text = (
        "خبر\nقتل رجل وأصيب ابنه اليوم برصاص مسلحين مجهولين في بلدة الدوير شرقي دير الزور.\n"
        "وأضاف المصدر أن إطلاق النار أدى إلى مقتل الرجل وإصابة ابنه بطلقات في جسده، ونقل إلى أحد مشافي دمشق "
        "لتلقي العلاج."
    )
    assert "Damascus" not in [e.location for e in extract(text, "2022-12-25")]
