"""Villages and quarters no source locates, named by the report: each its own place, at the town named with it."""

from __future__ import annotations

from extraction import extract
from extraction.normalise import normalise
from extraction.places import find_places, unlisted_places

KOBANI = (
    "قصف تركي على كوباني يقتل طفلاً\n"
    "سقطت خمس قذائف مدفعية على وسط مدينة كوباني صباح اليوم الثلاثاء، بالتزامن مع قصف مدفعي كثيف طال قرى "
    '"زورافا، كندال، بيرسوس" في الريف الغربي للمدينة.'
)


def _unlisted(text: str) -> list[tuple[str, str]]:
    norm = normalise(text)
    return [(m.text, m.place.located_by) for m in unlisted_places(norm, find_places(norm))]


def test_each_village_of_a_list_is_a_place_at_the_town_named_with_it() -> None:
    got = _unlisted(KOBANI)
    assert [name for name, _ in got] == ['قرى "زورافا', "كندال", "بيرسوس"]
    assert {by for _, by in got} == {p.place.id for p in find_places(normalise("مدينة كوباني"))}


def test_one_event_per_village_no_source_locates() -> None:
    evs = extract(KOBANI, "2022-08-16")
    assert sorted(e.location for e in evs if e.geo_precision == 2) == ["بيرسوس", "زورافا", "كندال"]
    kobani = next(e for e in evs if e.geo_precision == 1)
    assert all((e.latitude, e.longitude) == (kobani.latitude, kobani.longitude) for e in evs)


def test_words_that_describe_villages_are_no_names() -> None:
    assert _unlisted("قصف تركي يطال عين عيسى وقرى محيطة بها، وقرى ريفها الشمالي.") == []
    # "طالت 12 قرية وتلة في محيط سد تشرين": villages and hills, no village called "وتلة"
    assert _unlisted("صعّد الاحتلال هجماته التي طالت 12 قرية وتلة في محيط سد تشرين.") == []
    # "في قرى العشارة والميادين والبوليل، بينهم جابر": among them, after a list, names no village
    assert [
        n for n, _ in _unlisted("أعدم التنظيم ثلاثة أشخاص في قرى العشارة والميادين، بينهم جابر الخالد.")
    ] == []


def test_a_name_opened_by_haj_or_shaykh_has_two_words() -> None:
    """ "على الطريق بين منبج وقرية حاج عابدين": the village is حاج عابدين, not حاج."""
    text = "انفجرت عبوة ناسفة على الطريق بين مدينة منبج وقرية حاج عابدين صباح اليوم."
    assert [name for name, _ in _unlisted(text)] == ["وقرية حاج عابدين"]


def test_a_name_told_twice_is_one_place_and_needs_a_place_to_be_located_by() -> None:
    text = "اعترض أهالي قرية خربة عمو بريف القامشلي رتلاً.\nوتجمع أهالي قرية خربة عمو على الطريق."
    assert len({by for _, by in _unlisted(text)}) == 1
    assert _unlisted("خبر\nاعترض أهالي قرية خربة عمو رتلاً.") == []  # no place to locate it by


def test_a_list_goes_on_past_names_no_source_has() -> None:
    """ "بلدات البصيرة والحصان ومحيميدة وسفيرة تحتاني": the list's type word still frames the known villages."""
    names = [
        p.place.name_en
        for p in find_places(
            "وامتدت المظاهرات إلى بلدات البصيرة والحصان ومحيميدة وسفيرة تحتاني بريف دير الزور."
        )
    ]
    assert "Safirah Tahtani" in names and "As Safirah" not in names


def test_a_dual_names_two_places_and_the_second_runs_on() -> None:
    """ "قريتي الكاوكلي وقرت ويران": two villages, the second of two words (not a third called "يران")."""
    from extraction.places.unknown import find_unknown_places

    text = "قصفت القوات التركية قريتي الجات وقرت ويران بقذائف المدفعية."
    assert [name for _, _, name in find_unknown_places(normalise(text), [])] == ["الجات", "قرت ويران"]


def test_an_english_name_no_spelling_matches_is_the_village_it_sounds_like_nearby() -> None:
    """ "Mala Sobat village in Al-Qamishly countryside" is Mawla Sibat; a sound-alike far away is not taken."""
    from extraction.places.sounds import sound_key

    assert sound_key("Mala Sobat") == sound_key("Mawla Sibat") and sound_key("Tel Jemaa") == sound_key(
        "Tall Jum'ah"
    )
    text = "A Turkish drone struck a car in Mala Sobat village in Al-Qamishly countryside on Monday."
    (ev,) = extract(text, "2022-08-10")
    assert (ev.location, ev.geo_precision) == ("Mawla Sibat", 1)
    far = "A Turkish drone struck a car in Mala Sobat village near Manbij on Monday."
    assert [e.location for e in extract(far, "2022-08-10")] == ["Mala Sobat"]  # named, placed at Manbij


def _places(text: str) -> list[tuple[str, str]]:
    norm = normalise(text)
    return [(m.text, m.place.name_en) for m in unlisted_places(norm, find_places(norm))]


def test_an_arabic_name_spelt_another_way_is_the_village_near_the_town_named_with_it() -> None:
    """ "قريتي الكاوكلي وقرت ويران غربي منبج": the map spells it "قورت ويران" (Al Qurt); the long vowels differ."""
    from extraction.places.sounds import arabic_key

    assert arabic_key("قرت ويران") == arabic_key("قورت ويران") and arabic_key("زيرك") == arabic_key("زريك")
    assert arabic_key("الأشرفية") != arabic_key("الشرفة")  # a word's first letter is kept
    assert ("قرت ويران", "Al Qurt") in _places("قصفت القوات التركية قريتي الكاوكلي وقرت ويران غربي منبج.")


def test_a_name_a_pair_of_villages_shares_is_the_nearer_of_the_pair() -> None:
    """ "قرى الشيوخ وزيرك على أطراف عين العرب": the map has شيوخ فوقاني and شيوخ تحتاني, no bare الشيوخ."""
    got = dict(_places("هاجمت قوات الحكومة قرى الشيوخ وزيرك على أطراف عين العرب."))
    assert got["قرى الشيوخ"] == "Shuyukh Tahtani"
    assert got["زيرك"] == "زيرك"  # زريك, زيريك and زرويك all lie near: none is taken


def test_the_town_a_list_is_named_with_locates_it_not_a_village_of_the_list() -> None:
    """ "قرى الشيوخ وزيرك والجلبية على أطراف عين العرب": الجلبية is another village of the list (the map
    places it at a cement works by Ain Issa); عين العرب after the list locates it."""
    norm = normalise("هاجمت قوات الحكومة قرى الشيوخ وزيرك والجلبية على أطراف عين العرب.")
    (zirik,) = [m for m in unlisted_places(norm, find_places(norm)) if m.text == "زيرك"]
    assert zirik.place.located_by == "gn-172256"  # 'Ayn al 'Arab


def test_a_place_with_its_own_type_word_is_not_a_village_of_the_list() -> None:
    """ "بين قرية أم الكيف وبلدة تل تمر": the town locates the village before it."""
    norm = normalise("على الطريق الواصل بين قرية أم الكيف وبلدة تل تمر في الريف الشمالي الغربي للحسكة.")
    (umm,) = unlisted_places(norm, find_places(norm))
    assert umm.place.name_en == "أم الكيف" and umm.place.located_by == "gn-163434"  # Tall Tamr


def test_a_village_spelt_as_the_map_spells_it_is_taken_only_as_near_as_a_towns_countryside() -> None:
    """ "قرية تل طويل بريف تل تمر": the map's تل طويل lies 36 km off, by Hasakah; a quarter never sounds like a
    village ("حيي الشيخ مقصود والأشرفية", not the village الشرفة)."""
    assert _places("قصف على قرية تل طويل بريف تل تمر") == [("قرية تل طويل", "تل طويل")]
    got = _places("اتفاق بشأن حيي الشيخ مقصود والأشرفية في مدينة حلب")
    assert [name for _, name in got] == ["الشيخ مقصود", "الأشرفية"]


def test_an_english_name_after_in_is_a_village_only_where_it_sounds_like_one_nearby() -> None:
    """ "assaulted the SDF headquarters in Ghraneij" (Gharanij, by Dhiban; "Granij" is now a listed spelling); "in
    Ramadan" and a name nothing near sounds like stay words."""
    text = (
        "Tribal forces seized SDF positions in the town of Dhiban on Wednesday. "
        "Tribal fighters also assaulted the SDF headquarters in Ghraneij."
    )
    assert _places(text) == [("Ghraneij", "Gharanij")]
    assert _places("Tribal forces seized SDF positions in Dhiban in Ramadan and in Abriha.") == []
    # a name of two capitalised words: "Zor Maghar" is the map's Zawr Maghar, west of Kobani
    assert _places("Turkish artillery shelled a water shop in Zor Maghar, west of Kobani.") == [
        ("Zor Maghar", "Zawr Maghar")
    ]


def test_a_village_in_the_same_area_is_at_the_town_a_direction_phrase_describes() -> None:
    """ "عند حاجز المنصورة غربي الرقة، وشهدت قرية البوعاصي في المنطقة ذاتها": al-Mansurah's, not Raqqa's."""
    norm = normalise(
        "فقد اعتُقل 50 شاباً عند حاجز المنصورة غربي الرقة، وشهدت قرية البوعاصي في المنطقة ذاتها حملة."
    )
    (bu_asi,) = unlisted_places(norm, find_places(norm))
    assert bu_asi.place.located_by == "gn-8559276"  # Al Mansurah (al-Thawrah district), not Ar Raqqah


def test_a_list_of_villages_keeps_its_names_that_are_also_words() -> None:
    """ "قرى المناجير والسودة والأهراس": in a list a plural type word opens, "السودة" (also a word) is a village."""
    from extraction import extract

    text = "خبر\nسرقت القوات التركية المحاصيل الزراعية اليوم في قرى المناجير والسودة والأهراس بريف رأس العين."
    assert sorted(e.location for e in extract(text, "2019-11-13")) == sorted(
        ["المناجير", "السودة", "الأهراس"]
    )


def test_a_reporters_desk_locates_no_village() -> None:
    """ "وأفاد مراسل سانا في الحسكة بأن ... احتلت قرية الكنيهر": the desk's city does not locate the village;
    the town the report is about does."""
    from extraction import extract

    text = (
        "خبر\nتقدمت القوات التركية حول ناحية تل تمر اليوم.\n"
        "وأفاد مراسل سانا في الحسكة بأن القوات التركية احتلت قرية الكنيهر."
    )
    evs = [e for e in extract(text, "2019-11-13") if e.location == "الكنيهر"]
    assert evs and (round(evs[0].latitude, 2), round(evs[0].longitude, 2)) == (36.66, 40.37)


def test_a_peoples_adjective_before_village_is_no_village() -> None:
    """ "at a power plant in the Assyrian village of Tel Jemaa": Assyrian describes the village, it names none."""
    from extraction import extract

    text = (
        "News\nYesterday a Turkish drone hit SDF fighters at a power plant in the Assyrian village of Tel Jemaa, "
        "in the northern countryside of Tel Tamr."
    )
    assert [e.location for e in extract(text, "2022-01-21")] == ["Tel Jemaa"]


def test_a_two_word_village_in_an_english_list_is_found_by_its_sound() -> None:
    """ "shelled SDF sites in the villages of Maranaz and Kafr Khasher": Kafr Khashir, by Maranaz."""
    from extraction import extract

    text = (
        "News\nTurkish artillery shelled SDF military sites in the villages of Maranaz and Kafr Khasher "
        "in the northern Aleppo countryside on Monday."
    )
    assert "Kafr Khashir" in [e.location for e in extract(text, "2024-08-06")]


KOBANI_LISTS = (
    "قصف تركي على ريف كوباني\n"
    "وتعرضت قرى قره موغ وكولتب وكوران وجيشان شرقي مدينة كوباني، وقرى مزرعة عبروش وتل شعير وسيلم غربيها، لقصف "
    "عنيف بالمدفعية والهاون مصدره الجانب التركي."
)


def test_two_word_names_inside_a_list_and_a_type_word_opening_it() -> None:
    """ "قرى قره موغ وكولتب": a two-word name inside a list; "وقرى مزرعة عبروش وتل شعير وسيلم": a singular type word
    after the plural opens the first name, and the list goes on; the direction after a list says where it lies."""
    names = [name for name, _ in _unlisted(KOBANI_LISTS)]
    for village in ("قره موغ", "كولتب", "جيشان", "عبروش", "تل شعير", "سيلم"):
        assert any(n.endswith(village) for n in names), village
    kobani = {p.place.id for p in find_places(normalise("مدينة كوباني"))}
    assert {by for name, by in _unlisted(KOBANI_LISTS) if name.endswith("قره موغ")} == kobani


def test_a_type_word_that_names_a_town_before_a_name_is_the_type_word() -> None:
    """ "قرى مزرعة عبروش": مزرعة (also a town in al-Suwayda) is the hamlet's type word here, no place."""
    assert not any(m.place.name_en == "Al Mazra`ah" for m in find_places(normalise(KOBANI_LISTS)))


def test_both_lists_of_a_shelled_sentence_are_events() -> None:
    """The clause nearest the act ("وقرى مزرعة عبروش ...، لقصف") and the list before it are one list of places."""
    locs = {e.location for e in extract(KOBANI_LISTS, "2022-10-04")}
    assert {"قره موغ", "كولتب", "جيشان", "عبروش", "تل شعير"} <= locs


def test_a_list_after_a_countryside_lies_by_its_town() -> None:
    """ "في ريف تل تمر بمحافظة الحسكة، إذ رصد المرصد اتساع رقعة القصف لتشمل قرى أم الكيف ودرارا": the villages lie
    in Tal Tamr's countryside (the town), not anywhere in the governorate named after it."""
    text = (
        "خبر\nيتواصل القصف الذي تشنه الفصائل على مواقع قسد في ريف تل تمر بمحافظة الحسكة، إذ رصد المرصد "
        "اتساع رقعة القصف لتشمل قرى أم الكيف ودرارا والمحل، من دون خسائر بشرية."
    )
    tal_tamr = find_places(normalise("بلدة تل تمر"))[0].place.id
    assert [by for _, by in _unlisted(text)] == [tal_tamr] * 3


def test_a_list_item_of_three_words_does_not_end_the_list() -> None:
    """ "قرى العبوش والدادرة وقصر توما يلدا وتل جمعة والأغيبش": the list goes on past a three-word name."""
    text = "خبر\nوطال القصف التركي اليوم قرى العبوش والدادرة وقصر توما يلدا والأغيبش والطويلة في ريف تل تمر."
    assert [name for name, _ in _unlisted(text)] == [
        "قرى العبوش",
        "الدادرة",
        "قصر توما يلدا",
        "الأغيبش",
        "الطويلة",
    ]


def test_the_places_an_act_reached_go_on_after_a_comma() -> None:
    """ "وطال القصف قرى العبوش والطويلة، وجميعها في ريف تل تمر، إضافة إلى ...، وقريتي محرملة وخضراوي": the comma
    before where all of them lie, or before "وقريتي", does not end the list of places the shelling reached."""
    text = (
        "خبر\nوطال القصف التركي اليوم قرى العبوش والطويلة، وجميعها في ريف تل تمر، إضافة إلى محيط القاعدة "
        "الروسية، وقريتي محرملة وخضراوي في ريف أبو راسين."
    )
    assert {"محرملة", "خضراوي"} <= {e.location for e in extract(text, "2022-06-02")}


def test_an_english_list_of_places_goes_on_after_a_comma_and_a_type_word() -> None:
    """ "shelled the villages of Gozaliye and Tel Leben, the Assyrian village of Tel Tawil, and the villages of
    Selmase and Tawil in the western countryside of Tel Tamir", "the village of Qirmane ..., and the village of
    Jirnik ...": the comma before another "village of" does not end the places the shelling reached."""
    text = (
        "The Turkish occupation state shelled the villages of Gozaliye and Tel Leben, the Assyrian village of Tel "
        "Tawil, and the villages of Selmase and Tawil in the western countryside of Tel Tamir district."
    )
    assert [e.location for e in extract(text, "2022-08-16")] == [
        "Gozaliye",
        "Tel Leben",
        "Tel Tawil",
        "Selmase",
        "Tawil",
    ]
    pair = (
        "Yesterday, Turkish forces shelled the village of Qirmane in the western countryside of Dirbesiye district, "
        "and the village of Jirnik in the western countryside of Amude district."
    )
    assert len(extract(pair, "2022-08-16")) == 2


def test_the_villages_a_report_says_were_included_are_places() -> None:
    """ "The villages hit in the latest attacks include Dirdara, Til Shenan, Til Cûma, Jêrîn, Qesir Toma Yelda, Tewîla
    and Xeybish, all around Tall Tamr": each name of a list that "include" opens after a plural type word is a
    village by Tall Tamr, a name of three words too."""
    text = (
        "Turkish forces shelled villages near the town of Tall Tamr on Sunday.\nThe villages hit in the latest attacks "
        "include Til Shenan, Til Cûma, Jêrîn, Qesir Toma Yelda and Xeybish, all around Tall Tamr."
    )
    names = ["Til Shenan", "Til Cûma", "Jêrîn", "Qesir Toma Yelda", "Xeybish"]
    assert [name for name in names if name in {e.location for e in extract(text, "2022-05-23")}] == names


def test_a_list_of_villages_goes_on_past_a_name_of_three_words() -> None:
    """ "raids on the Arab villages of al-Soukariyeh, al-Tyba, Eastern Tel Abyad, al-Antar and al-Ali Bajabla": a
    three-word item ("Eastern Tel Abyad") does not end the list."""
    text = (
        "The SDF detained about 150 tribesmen in the north-eastern countryside of Raqqa province on Sunday. SDF "
        "fighters carried out raids on the Arab villages of al-Soukariyeh, al-Tyba, Eastern Tel Abyad, al-Antar "
        "and al-Ali Bajabla."
    )
    assert {"al-Soukariyeh", "al-Antar", "al-Ali Bajabla"} <= {
        e.location for e in extract(text, "2016-02-07")
    }


def test_the_ends_of_a_road_and_a_direction_locate_no_village_of_a_list() -> None:
    """ "على ريف عين عيسى شمالي الحسكة، إذ سقطت القذائف على قرى حيدريات وجهبل وعلى الطريق الدولي الواصل بين حلب
    والحسكة": the villages lie by Ain Issa, whose countryside is named, not by a road's ends or the city a direction
    names."""
    norm = normalise(
        "عادت القوات التركية إلى القصف على ريف عين عيسى شمالي الحسكة، إذ سقطت القذائف على قرى حيدريات وجهبل وعلى "
        'الطريق الدولي "M4" الواصل بين حلب والحسكة.'
    )
    got = unlisted_places(norm, find_places(norm))
    assert len(got) == 2 and {m.place.located_by for m in got} == {"gn-172134"}  # `Ayn `Isa


def test_a_short_typed_name_is_the_village_spelt_alike_nearby() -> None:
    """ "in Khaneyz village, north of Al-Raqqah city" is Who's On First's Khunayz (three consonants, spelt alike);
    "al-Qayrawan" is not Qiran, which shares its consonants but not its spelling."""
    text = "A child was killed when an old landmine went off on farmland in Khaneyz village, north of Al-Raqqah city."
    assert _places(text) == [("Khaneyz", "Khunayz")]
    other = "A Turkish drone struck a car in the village of al-Qayrawan near Tal Hamis on Friday."
    assert [name for _, name in _places(other)] != ["Qiran"]


def test_a_verb_of_where_a_town_lies_is_no_name() -> None:
    """ "في بلدة تقع شرقي دير الزور": an unnamed town; "تقع" (lies) is no village's name."""
    assert _unlisted("خبر\nقُتل عنصران بعدما أطلق مسلحون النار عليهما في بلدة تقع شرقي دير الزور.") == []


def test_what_two_villages_belong_to_is_no_word_of_their_names() -> None:
    """ "قريتي طويلة وتل طويل التابعتين لبلدة تل تمر": the second village is تل طويل, not "تل طويل التابعتين"."""
    text = "خبر\nقصفت القوات التركية قريتي طويلة وتل طويل التابعتين لبلدة تل تمر اليوم."
    assert "تل طويل" in {e.location for e in extract(text, "2020-02-15")}


def test_a_quoted_name_is_every_word_the_quotes_hold() -> None:
    """ "استهدفت قرية "عون الدادات" شمالي منبج": the village is عون الدادات, not عون."""
    text = 'خبر\nاستهدفت مسيّرة تركية قرية "عون الدادات" شمالي منبج مرتين.'
    (name,) = [name for name, _by in _unlisted(text)]
    assert name.endswith("عون الدادات")


def test_an_english_list_ends_at_an_ampersand_or_where_something_else_follows() -> None:
    """ "the villages of Bir Issa, Debs, Hoshan, Fatsa, Khalidiya, Sidon, the Ain Issa camp, the Saqr Restaurant & the
    M4 road were shelled": the villages of the list, up to where something else follows."""
    text = (
        'Turkish-backed groups shell areas near Ain Issa\n"Near Ayn Issa, the villages of Bir Issa, Debs, Hoshan, '
        'Khalidiya, Sidon, the Ain Issa camp, the Saqr Restaurant & the M4 road were shelled," the RIC wrote.'
    )
    assert {"Bir Issa", "Debs", "Hoshan", "Khalidiya", "Sidon"} <= {
        e.location for e in extract(text, "2022-04-16")
    }
    amp = "Turkish forces shelled the villages of Bir Issa & Hoshan near Ain Issa on Friday."
    assert {"Bir Issa", "Hoshan"} <= {e.location for e in extract(amp, "2022-04-16")}
