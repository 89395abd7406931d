"""Stage place_roles: where from, where to, or where it happened, read from the words before a place."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, found, guards


@guards("a_role_word_just_before")
def test_a_place_someone_was_heading_to_is_not_where_it_happened() -> None:
    text = "News\nA Turkish drone struck a car in Amuda on its way to Qamishli on Monday."
    assert [e.location for e in extract(text, "2024-05-15")] == ["`Amuda"]


@guards("where_people_came_from")
def test_where_protesters_came_from_is_not_where_they_protested() -> None:
    text = "News\nResidents of Raqqa and Hasakah held a sit-in at the Tishrin Dam on Thursday."
    assert [e.location for e in extract(text, "2025-01-16")] == ["Tishrin Dam"]


@guards("where_the_fire_came_from")
def test_where_the_fire_was_launched_from_is_not_where_it_fell() -> None:
    text = (
        "خبر\nقصف الجيش التركي ليلة أمس بالمدفعية قرى في ريف ناحية تل تمر الشمالي، "
        "انطلاقاً من قواعده في محيط مدينة رأس العين."
    )
    assert [loc for _, loc in found(text, "2023-11-23")] == ["Tall Tamr"]
    text = "خبر\nتعرضت قرية الصيادة في ريف منبج اليوم لقصف متقطع انطلق من القاعدة التركية في قرية الشيخ ناصر."
    assert [loc for _, loc in found(text, "2022-11-24")] == ["As Sayyadah al Kabirah"]


@guards("where_the_wounded_were_taken")
def test_the_hospital_the_wounded_reached_does_not_move_the_strike() -> None:
    text = (
        "خبر\nاستهدفت طائرة مسيّرة تركية ظهر اليوم سيارة مدنية غرب مدينة عامودا.\n"
        "وأفاد المراسل بأن المسيّرة أطلقت صاروخين على السيارة، فيما نُقل طفل مصاب إلى أحد مشافي قامشلو."
    )
    assert [loc for _, loc in found(text, "2023-11-23")] == ["`Amuda"]


@guards("a_role_word_over_place_nouns", "where_people_were_taken_is_not_where_it_happened")
def test_where_detainees_were_taken_is_not_another_event() -> None:
    text = "شنت قسد اليوم حملة مداهمات في بلدة ذيبان، واعتقلت ستة شبان واقتادتهم إلى سجن في حقل العمر النفطي."
    assert [e.location for e in extract(text, "2021-06-09")] == ["Diban"]


@guards("a_list_shares_its_role_word", "people_hit_on_their_way_are_placed_where_they_were_going")
def test_people_hit_on_their_way_are_placed_where_they_were_going() -> None:
    text = (
        "News\nA Turkish drone struck a convoy carrying residents from Kobani and Raqqa to a sit-in at the "
        "Tishreen Dam on Wednesday."
    )
    assert ("Air/drone strike", "Tishrin Dam") in found(text, "2025-01-16")


def test_a_direction_towards_a_place_is_not_the_place() -> None:
    text = "Hundreds of families fled villages around Maskanah towards Aleppo, the Observatory said."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Maskanah"]


def test_a_target_word_after_the_launch_phrase_names_where_the_fire_fell() -> None:
    """ "fired from across the Euphrates River at Al-Bulil": al-Bulayl was hit, not where the fire came from."""
    text = (
        "News\nMortar shells were fired from across the Euphrates River at Al-Bulil, a town held by Damascus."
    )
    assert [e.location for e in extract(text, "2024-08-07")] == ["Al-Bulayl"]


@guards("a_spread_reaches_where_it_happens")
def test_the_towns_a_protest_spread_to_are_where_it_happened() -> None:
    """ "وامتدت المظاهرات إلى بلدات البصيرة والحصان ومحيميدة في ريف دير الزور الشمالي": each town, not the
    countryside the list lies in."""
    text = (
        "خبر\nوامتدت المظاهرات اليوم إلى بلدات البصيرة والحصان ومحيميدة في ريف دير الزور الشمالي، "
        "وتخللها قطع طرقات بالإطارات المشتعلة."
    )
    locs = [loc for _, loc in found(text, "2019-04-25")]
    assert "Al-Muhaymidah" in locs and "Northern Deir ez-Zor countryside" not in locs


@guards("a_place_planned_is_not_reached")
def test_where_forces_prepare_to_head_is_not_where_they_massed() -> None:
    """ "حشد قوات جديدة في بلدة تل براك استعداداً للتوجه نحو القامشلي": the massing is at Tell Brak."""
    text = "خبر\nوأفادت مصادر اليوم بحشد قوات جديدة في بلدة تل براك استعداداً للتوجه نحو القامشلي."
    assert [loc for _, loc in found(text, "2026-02-03")] == ["Tell Brak"]


@guards("where_a_place_lies_describes_it")
def test_where_a_place_lies_is_no_place_of_the_act() -> None:
    """ "the dam, which lies near the town of Manbij": the town says where the dam lies; the strike told before
    stays at the dam."""
    text = (
        "News\nProtesters near Tishreen Dam were wounded on Saturday when a Turkish drone struck their gathering.\n"
        "The strike came amid protests against Turkish attacks on the dam, which lies near the town of Manbij."
    )
    strikes = [e.location for e in extract(text, "2025-01-18") if e.sub_event_type == "Air/drone strike"]
    assert strikes == ["Tishrin Dam"]


@guards("where_the_attacker_is_stationed")
def test_where_the_artillery_is_stationed_is_where_the_fire_came_from() -> None:
    """ "بعدما قصفت المدفعية التركية المنتشرة حول مدينة تل أبيض نقاطاً وقرى في محيط منطقة عين عيسى": Ain Issa."""
    text = (
        "قتلى بقصف تركي\n"
        "أفاد مراسل وكالة ستيب بمقتل عنصرين من قسد، بعدما قصفت المدفعية التركية المنتشرة حول مدينة تل أبيض نقاطاً "
        "وقرى في محيط منطقة عين عيسى شمالي الرقة."
    )
    assert [e.location for e in extract(text, "2020-02-18")] == ["`Ayn `Isa"]
    # "عناصر من قسد متمركزين في قرية أم تينة استهدفوا نقاط الجيش في منطقة تل ماعز": where the attackers are posted
    posted = "خبر\nاستهدف عناصر من قسد متمركزين في قرية أم تينة نقاط الجيش في منطقة تل ماعز شرقي حلب أمس."
    assert "Umm Tinah" not in {e.location for e in extract(posted, "2025-08-31")}


@guards("where_the_fire_came_from")
def test_the_positions_fired_from_are_not_where_the_shells_fell() -> None:
    """ "حملة قصف عنيفة من مواقع سيطرتها في محيط مدينة مسكنة، استهدفت منازل الأهالي في قرية الكيارية": not Maskanah."""
    text = (
        "قصف متبادل شرق حلب\n"
        "شنت قسد حملة قصف عنيفة من مواقع سيطرتها في محيط مدينة مسكنة، استهدفت منازل الأهالي في قرية الكيارية بريف "
        "حلب الشرقي، الليلة الماضية."
    )
    assert "Maskanah" not in [e.location for e in extract(text, "2025-09-11")]


@guards("where_the_deeds_held_against_someone_were_done")
def test_where_the_deeds_someone_is_held_for_were_done_is_not_where_the_act_was() -> None:
    """ "arrested in Raqqa a man involved in attacks on the ISF in Hasakah": Raqqa only; "held ... responsible for
    Turkey's attacks on the Kobani area" names no place of an act; a charge of belonging to a side names no deed, so
    the town after it is where the arrest was."""
    text = "On May 13, the SDF arrested in Raqqa a man involved in attacks on the ISF in Hasakah."
    assert [e.location for e in extract(text, "2023-05-16")] == ["Ar Raqqah"]
    ar = "اعتقلت قسد في الرقة المدعو أحمد المتهم بتنفيذ هجوم على مقر الأسايش في مدينة الحسكة."
    assert [e.location for e in extract(ar, "2023-05-16")] == ["Ar Raqqah"]
    behind = (
        "خبر\nاعتقلت قوات الأمن في مدينة البوكمال خلية تقف وراء هجومين استهدفا حواجز الأمن في مدينة الميادين."
    )
    assert [(e.sub_event_type, e.location) for e in extract(behind, "2025-12-16")] == [
        ("Arrests", "Albu Kamal")
    ]
    member = "وقبل يومين، ألقت قسد القبض على شخص متهم بالانتماء إلى تنظيم داعش في بلدة الشحيل شرق دير الزور."
    assert [e.location for e in extract(member, "2022-06-10")] == ["Al-Shuhayl"]


def test_some_of_a_forces_positions_are_where_the_strikes_fell() -> None:
    """ "شنت ضربات على عدد من مواقع قسد في سد تشرين وفي مدينة دير حافر": "من" after a count is "some of" the positions
    (where the strikes fell), not the positions fired from ("حملة قصف من مواقع سيطرتها في مسكنة" still is)."""
    text = "خبر\nشنت طائرات حربية تركية ضربات على عدد من مواقع قسد في سد تشرين وفي مدينة دير حافر اليوم."
    assert sorted(e.location for e in extract(text, "2025-01-05")) == ["Dayr Hafir", "Tishrin Dam"]
