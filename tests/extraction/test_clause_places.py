"""Stage clause_places: which of the places a clause names an act is at."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, found, guards


@guards("between_x_and_y_is_x")
def test_a_road_between_two_towns_is_placed_at_the_first() -> None:
    text = (
        "قُتل عنصران من قوات سوريا الديمقراطية «قسد»، مساء أمس الأحد، إثر استهداف طائرة مسيّرة تركية "
        "سيارتهما العسكرية على الطريق الواصل بين مدينة عامودا وبلدة الدرباسية شمال غربي الحسكة."
    )
    assert [e.location for e in extract(text, "2024-03-11")] == ["`Amuda"]


@guards(
    "a_qualified_place_describes_the_one_before",
    "a_direction_then_a_town_is_the_town",
    "a_town_in_a_free_clause_beats_a_countryside",
)
def test_a_town_named_in_the_sentence_beats_a_direction_or_countryside() -> None:
    text = "ISIS cells attacked an SDF checkpoint east of Raqqa in the town of al-Karamah on Wednesday."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Karamah"]
    text = "Gunmen killed a shepherd in the Deir ez-Zor countryside, in al-Kasrah, on Wednesday."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Kasrah"]
    text = "قتل راعيان بانفجار لغم أرضي في بادية الكسرة غربي دير الزور، اليوم."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Kasrah"]


@guards("the_policy_chooses_the_place_role")
def test_the_masdar_of_flight_is_the_flight_placed_where_people_fled_from() -> None:
    text = "خبر\nودفع القصف المتواصل عشرات العائلات إلى النزوح من بلدة عين عيسى خلال اليومين الماضيين باتجاه مدينة الرقة."
    assert found(text, "2021-01-12") == [("Other", "`Ayn `Isa")]


@guards("strong_places_over_weak_in_a_clause")
def test_a_town_beats_the_province_of_a_council_named_in_its_clause() -> None:
    """ "في بلدة ذيبان بريف دير الزور الشرقي" after "«مجلس دير الزور المدني»": the town, not the province."""
    text = (
        "اغتال مسلحون مجهولون، صباح اليوم الثلاثاء، موظفاً يعمل في لجنة المحروقات التابعة لـ«مجلس دير الزور المدني»، "
        "في بلدة ذيبان بريف دير الزور الشرقي."
    )
    assert [e.location for e in extract(text, "2020-08-04")] == ["Diban"]


def test_a_town_beats_the_city_it_is_east_of() -> None:
    text = (
        "RAQQA, Syria (North Press) – Two children were killed and a third was wounded on Sunday when a landmine "
        "left over from the war against the Islamic State (ISIS) exploded in farmland near the town of al-Karamah, "
        "25 km east of Raqqa, northeast Syria."
    )
    assert [(e.location, e.fatalities) for e in extract(text, "2022-03-15", "North Press")] == [
        ("Al Karamah", 2)
    ]


def test_neighbourhoods_of_one_city_are_one_event() -> None:
    text = "ووجهت «قسد» سكان حي حلكو بضرورة إخلاء منازلهم واستقدمت تعزيزات عسكرية إلى حي زنود ومحيط مطار القامشلي."
    evs = extract(text, "2024-08-19")
    assert [(e.location, e.event_type) for e in evs] == [("Al Qamishli", "Strategic developments")]


def test_the_two_villages_is_a_common_word_not_al_qaryatayn() -> None:
    text = (
        "خبر\nقصف الجيش التركي فجر اليوم قرية أم الكيف شمال تل تمر.\n"
        "ودفع القصف عشرات العائلات من أهالي القريتين إلى النزوح باتجاه بلدة تل تمر."
    )
    assert "Al Qaryatayn" not in {loc for _, loc in found(text, "2019-11-23")}


def test_english_news_spellings_of_north_east_towns() -> None:
    evs = extract(
        "تقرير\nTurkish shelling on Tal Hamis killed one civilian and wounded three others on Monday.",
        "2024-03-12",
    )
    assert [(e.location, e.fatalities) for e in evs] == [("Tall Hamis", 1)]


@guards("the_town_locating_a_village_describes_it")
def test_the_town_a_village_belongs_to_is_not_a_second_place() -> None:
    text = (
        "خبر\nقُتل ثلاثة أشخاص اليوم باشتباكات بين عشيرتين في قرية الحمرات التابعة لناحية الكرامة بريف الرقة."
    )
    assert [e.location for e in extract(text, "2022-07-12")] == ["الحمرات"]


def test_a_comma_before_in_addition_to_keeps_the_act_going() -> None:
    """ "اعتُقل 16 شاباً في قرى خنيز وتل السمن، إلى جانب 8 شبان في منطقة الكرامة": Karamah is a place of the
    same arrests, not a clause of its own with no event."""
    from extraction import extract

    text = (
        "خبر\nواعتقلت قسد اليوم 16 شاباً في قرى خنيز في الريف الشمالي للرقة، "
        "إلى جانب 8 شبان في منطقة الكرامة شرقي المدينة."
    )
    assert sorted(e.location for e in extract(text, "2019-09-18")) == ["Al Karamah", "Khunayz"]


def test_the_road_between_the_cities_of_x_and_y_is_one_place() -> None:
    """ "struck a car on the road between the cities of Qamishli and Amuda": one event, at the first town."""
    from extraction import extract

    text = (
        "News\nA Turkish drone struck a car on the road between the cities of Qamishli and Amuda on Sunday."
    )
    assert [e.location for e in extract(text, "2023-09-17")] == ["Al Qamishli"]


def test_between_a_village_no_source_has_and_a_listed_one_is_the_listed_one() -> None:
    """ "between the villages of Qomji and Barkh Botan" with Qomji in no source: Barkh Botan, the end located."""
    text = (
        "Turkish strike kills nine near Kobane\n"
        "A Turkish airstrike between the villages of Qomji and Barkh Botan, south of Kobane, killed nine civilians "
        "on Sunday."
    )
    assert [e.location for e in extract(text, "2025-03-17")] == ["Barkh Batan"]


@guards("a_capital_right_after_a_town_names_its_province")
def test_a_capital_right_after_a_town_names_its_province() -> None:
    """ "لهجوم في بلدة البحرة بدير الزور": al-Bahra, not also Deir ez-Zor city."""
    text = "هجوم في دير الزور\nتعرّضت قوة أمنية لهجوم مسلح في بلدة البحرة بدير الزور، اليوم الجمعة."
    assert [e.location for e in extract(text, "2026-01-30")] == ["Al-Bahra"]
    # English puts it before the type word: "in the Deir al-Zor town of Shaqra"
    text = "Civilian killed\nGunmen shot dead a civilian on Saturday in the Deir al-Zor town of Shaqra."
    assert [e.location for e in extract(text, "2021-12-26")] == ["Shaqrah"]
    # a city glued to the capital by a preposition ("في مدينة القامشلي بالحسكة"), never one of a list
    text = "جريح برصاص مجهولين في مدينة القامشلي بالحسكة\nأصيب مدني اليوم برصاص مجهولين في مدينة القامشلي."
    assert [e.location for e in extract(text, "2017-07-15")] == ["Al Qamishli"]
    text = "خبر\nسقطت قذائف على القامشلي، الحسكة وعامودا اليوم."
    assert "Al Hasakah" in [e.location for e in extract(text, "2017-07-15")]


def test_where_the_people_arrested_came_from_is_not_where_they_were_arrested() -> None:
    """ "دهمت قوى الأمن منازل في قرية كديران ...، واعتقلت 13 شاباً من النازحين القادمين من تدمر ودير الزور": the
    arrests are at Kudayran, not at Palmyra nor at Deir ez-Zor (the second of the list shares the aside)."""
    text = (
        "خبر\nدهمت قوى الأمن اليوم منازل في قرية كديران غربي الرقة، واعتقلت 13 شاباً من النازحين القادمين من تدمر "
        "ودير الزور."
    )
    assert [e.location for e in extract(text, "2022-03-17")] == ["Kudayran"]


def test_where_a_victim_hails_from_is_not_where_he_was_killed() -> None:
    """ "شاب ينحدر من بلدة حطلة شمال شرقي مدينة دير الزور قُتل ... في بلدة محيميدة": the killing is at
    al-Muhaymidah, not at Hatla nor at the city the direction after Hatla names."""
    text = (
        "خبر\nوذكرت الشبكة اليوم أن شاباً ينحدر من بلدة حطلة شمال شرقي مدينة دير الزور قُتل بعدما أطلق عليه "
        "مسلحان مجهولان يستقلان دراجة نارية الرصاص في بلدة محيميدة غربي دير الزور."
    )
    assert [e.location for e in extract(text, "2022-04-24")] == ["Al-Muhaymidah"]


def test_a_list_goes_on_past_a_place_s_other_name_in_brackets() -> None:
    """ "in al-Malikiyah (Dêrik), al-Qahtaniyah (Tirbesipî), ʿAmudah, ad-Darbasiyah and Tall Tamr", "في المالكية
    (ديريك) والقحطانية (تربسبيه) وعامودا": a bracketed other name, a Latin article no spelling has and the ʿayn sign
    of a transliteration do not end the list of places the demonstrations were held in."""
    en = (
        "The Kurdish National Council staged demonstrations on August 16, 2016 in al-Malikiyah (Dêrik), "
        "al-Qahtaniyah (Tirbesipî), ʿAmudah, ad-Darbasiyah and Tall Tamr."
    )
    towns = ["Al Malikiyah", "Al Qahtaniyah", "`Amuda", "Ad Darbasiyah", "Tall Tamr"]
    assert [e.location for e in extract(en, "2016-08-25")] == towns
    ar = "نظم المجلس الوطني الكردي مظاهرات في المالكية (ديريك) والقحطانية (تربسبيه) وعامودا والدرباسية وتل تمر."
    assert [e.location for e in extract(ar, "2016-08-25")] == towns


def test_a_places_other_name_in_brackets_neither_cuts_the_clause_nor_is_another_place() -> None:
    """ "fired artillery shells at the centre of the town of Zirgan (Abu Rasin) and at the villages of al-Nuwaihat,
    al-Mushayrfa and al-Asadiya": the clause goes on past the bracket; "between Qamishli and al-Qahtaniyah
    (Tirbespiyê)": the bracketed name is the same place, not a third end."""
    text = (
        'Shelling in Hasakah countryside\n"This afternoon Turkish forces fired artillery shells at the centre of the '
        "town of Zirgan (Abu Rasin) and at the villages of al-Nuwaihat, al-Mushayrfa and al-Asadiya in its "
        'countryside," a local source told North Press.'
    )
    assert len(extract(text, "2022-10-04")) == 4
    road = (
        "Two Asayish members were killed on Tuesday when a Turkish drone targeted their vehicle on the road between "
        "Qamishli and al-Qahtaniyah (Tirbespiyê), in the countryside of Qamishli."
    )
    assert [e.location for e in extract(road, "2023-05-17")] == ["Al Qamishli"]


def test_what_the_fire_hit_goes_on_after_a_comma() -> None:
    """ "SDF units fired rockets and mortars from positions near Maskanah, hitting homes in villages including
    Kayariya, Rasm al-Ahmar and Habouba Kabir": the villages hit are the act's places."""
    text = (
        "Shelling in Aleppo countryside\nAccording to the ministry, SDF units fired rockets and mortars from "
        "positions near Jarrah Military Airport and Maskanah, hitting homes in villages including Kayariya, Rasm "
        "al-Ahmar and Habouba Kabir."
    )
    assert {"Rasm al Ahmar", "Habbubah Kabirah"} <= {e.location for e in extract(text, "2025-09-12")}


@guards("between_x_and_y_is_x")
def test_a_road_that_links_two_towns_is_one_place() -> None:
    """ "A car travelling on the M4 highway that links the cities of Al-Hasakah and Al-Qamishlo was struck by a
    Turkish drone": one strike on the road, at its first end (not one in each city)."""
    text = (
        "News\nA car travelling on the M4 highway that links the cities of Al-Hasakah and Al-Qamishlo was struck "
        "by a Turkish drone on Wednesday."
    )
    assert [e.location for e in extract(text, "2023-01-11")] == ["Al Hasakah"]
