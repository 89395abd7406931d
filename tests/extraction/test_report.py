"""Stage report: places that name no event's location (the outlet's desk, a dateline's city)."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards


@guards("outlet_or_desk_names_no_place")
def test_a_speakers_place_and_attackers_fleeing_make_no_event() -> None:
    text = (
        "An SDF official in Deir ez-Zor told Rudaw that one fighter was killed when gunmen opened fire "
        "on an SDF patrol near al-Busayrah on Tuesday, and that the attackers fled into nearby farmland."
    )
    evs = extract(text, "2024-05-15")
    assert [(e.event_type, e.location, e.fatalities) for e in evs] == [("Battles", "Al-Busayrah", 1)]


@guards("a_dateline_places_only_a_placeless_clause")
def test_a_dateline_city_yields_to_the_place_the_body_names() -> None:
    text = (
        "HASAKAH, Syria (North Press) – A farmer was killed on Monday by a mine left over from the war "
        "against the Islamic State (ISIS), near the town of Tal Tamr."
    )
    assert [e.location for e in extract(text, "2023-03-14")] == ["Tall Tamr"]


@guards("a_place_in_a_forces_name_is_no_place")
def test_the_capital_in_a_government_forces_name_is_no_place() -> None:
    """ "استهدفت فصائل حكومة دمشق منازل المدنيين في قرية رسم كروم": Damascus names the force, not the place."""
    text = (
        "خبر\nوقالت قسد إن فصائل حكومة دمشق استهدفت اليوم منازل المدنيين في بلدة دير حافر بالأسلحة الثقيلة."
    )
    evs = extract(text, "2026-01-13")
    assert [(e.location, e.actor1) for e in evs] == [("Dayr Hafir", "Military Forces of Syria (2024-)")]
    # "the Ankara-backed government in Damascus": the government, not where the drones struck
    text = (
        "Turkish drones struck positions of the SDF near the Euphrates River on Wednesday, as it comes under "
        "growing military pressure from the Ankara-backed government in Damascus."
    )
    assert "Damascus" not in [e.location for e in extract(text, "2026-01-14")]
    # "مظاهرة رافضة للدستور المعلن من قبل سلطة دمشق": the authority that proclaimed it, not where anyone marched
    text = "مظاهرة في عامودا رافضة للدستور المعلن من قبل سلطة دمشق\nخرج المئات اليوم في مظاهرة بمدينة عامودا."
    assert [e.location for e in extract(text, "2025-03-14")] == ["`Amuda"]


@guards("a_place_in_a_persons_or_protests_name_is_no_place")
def test_a_place_name_in_a_persons_or_a_protests_name_is_no_place() -> None:
    """ "lawyer Mohamed Suleiman Dahla, told ...", "the organisers of the Karama sit-in in the city of Azaz": the
    protest is at Azaz, not at al-Dahla or al-Karamah."""
    text = (
        "News\nThe organisers of the Karama sit-in in the city of Azaz held a protest on Sunday, "
        "the sit-in's spokesman, lawyer Mohamed Suleiman Dahla, told reporters."
    )
    assert [e.location for e in extract(text, "2024-08-05")] == ["I`zaz"]


@guards("a_place_in_a_forces_name_is_no_place")
def test_a_capital_naming_who_governs_or_backs_is_no_place() -> None:
    """ "Damascus-affiliated forces", "the Damascus government's National Defense Forces": Damascus is who, not
    where."""
    text = (
        "SDF says repelled attack by Damascus-affiliated forces in Raqqa\n"
        "Four members of the Damascus government's National Defense Forces were killed on Monday when a drone hit "
        "their car in the countryside of the city of Albu-Kamal."
    )
    assert "Damascus" not in [e.location for e in extract(text, "2025-11-15")]


@guards("a_dateline_places_only_a_placeless_clause")
def test_a_dateline_in_the_capital_places_nothing() -> None:
    """ "DAMASCUS, April 25 (Xinhua) -- Three people were killed ... in the town of Daman": the bureau's city, with
    its double dash, is no place of the event."""
    text = (
        "Syria protest\nDAMASCUS, April 25 (Xinhua) -- Three people were killed on Thursday when the SDF opened "
        "fire on protesters in the countryside of Deir ez-Zor, a war monitor said."
    )
    assert "Damascus" not in [e.location for e in extract(text, "2019-04-25")]


@guards("a_dateline_places_only_a_placeless_clause")
def test_a_dateline_with_a_tatweel_for_its_dash_places_only_a_placeless_clause() -> None:
    """ "كوباني ـ أُصيب أربعة أطفال ... في ناحية عين عيسى": the filing town with a tatweel dash (which folding drops)
    is no place of the mine that went off in Ain Issa; a clause that names none keeps it."""
    text = "خبر\nكوباني ـ أُصيب أربعة أطفال بجروح إثر انفجار لغم أرضي في ناحية عين عيسى اليوم."
    assert [e.location for e in extract(text, "2022-09-08")] == ["`Ayn `Isa"]
    alone = "خبر\nكوباني ـ أُصيب أربعة أطفال بجروح إثر انفجار لغم أرضي اليوم."
    assert [e.location for e in extract(alone, "2022-09-08")] == ["'Ayn al 'Arab"]


@guards("a_clock_times_city_is_its_zone")
def test_the_city_after_a_clock_time_is_the_timestamps_zone() -> None:
    """ "تاريخ النشر: 19.08.2020 | 00:04 دمشق": Damascus is the timestamp's zone; the arrests told with no place of
    their own are not there."""
    text = (
        "قسد تطلق حملة تجنيد إجباري جديدة\n"
        "تاريخ النشر: 19.08.2020 | 00:04 دمشق\n"
        "أفادت مصادر بأن الشرطة العسكرية التابعة لقسد اعتقلت أكثر من 60 شاباً اليوم.\n"
        "ونُقل الشبان إلى معسكر في بلدة الشدادي."
    )
    assert "Damascus" not in [e.location for e in extract(text, "2020-08-19")]


@guards("a_dateline_places_only_a_placeless_clause")
def test_a_wire_dateline_with_no_dash_places_nothing() -> None:
    """ "دمشق 18 يناير 2026 (شينخوا) لقي 4 مدنيين حتفهم ...": the wire's town, day and agency open the paragraph with
    no dash; the bureau's city is no place of the event."""
    text = (
        "مقتل 4 مدنيين برصاص قناصة في الرقة\n"
        "دمشق 18 يناير 2026 (شينخوا) لقي 4 مدنيين حتفهم اليوم (الأحد) جراء عمليات قنص نفذتها عناصر قسد."
    )
    assert "Damascus" not in [e.location for e in extract(text, "2026-01-18")]


@guards("a_place_in_a_forces_name_is_no_place")
def test_a_capital_linked_to_a_force_is_no_place() -> None:
    """ "SDF reports seven injured in new attacks by Damascus-linked militants": who they are linked to, not where."""
    text = "SDF reports seven injured in new attacks by Damascus-linked militants\nNo more was said."
    assert "Damascus" not in [e.location for e in extract(text, "2025-10-05")]


@guards("a_captions_places_are_the_pictures")
def test_a_file_photos_caption_lends_no_place_or_day() -> None:
    """ "Photo caption: SDF fighters stand guard in Raqqa, Syria, on February 7, 2022" over a December 2024 report:
    the strike told without a place or day is not at Raqqa in 2022; a caption of the day keeps its place."""
    text = (
        "SDF says five fighters killed\n"
        "Photo caption: SDF fighters stand guard in Raqqa, Syria, on February 7, 2022. Photo: AP\n"
        "The group also said five of its fighters had been killed by stepped-up Turkish aerial bombardment and "
        "artillery fire on the area"
    )
    assert [(e.location, e.event_date) for e in extract(text, "2024-12-22")] != [("Ar Raqqah", "2022-02-07")]
    assert all(
        e.event_date >= "2024-12-01" and e.location != "Ar Raqqah" for e in extract(text, "2024-12-22")
    )
    today = (
        "[Photo caption] People in Derik bury the bodies of 11 people. Date: November 21, 2022.\n"
        "Turkish airstrikes killed 11 civilians on Sunday, the SDF said."
    )
    assert [e.location for e in extract(today, "2022-11-21")] == ["Al Malikiyah"]
    assert (
        extract("News\nCaption: Hussein al-Khader, killed during the US coalition air assault.", "2024-06-04")
        == []
    )
