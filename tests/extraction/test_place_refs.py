"""Stage place_refs: a place named as part of a road's or a street's name is weak (no event of its own)."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, found, guards


@guards("a_road_named_by_its_towns_is_not_in_them")
def test_a_road_named_by_the_towns_it_joins_is_not_in_them() -> None:
    text = "خبر\nانفجرت عبوة ناسفة بسيارة لقسد على طريق الحسكة – الشدادي اليوم."
    assert [e.location for e in extract(text, "2024-05-15")] == ["Al Hasakah"]


@guards("a_road_named_by_its_towns_is_not_in_them")
def test_a_junction_named_by_the_towns_it_joins_is_not_in_them() -> None:
    """ "عند مفرق الدرباسية-تل تمر-الحسكة شمال غرب الحسكة": the junction is by Hasakah, in none of the three towns."""
    text = "خبر\nقصفت طائرات تركية اليوم المنطقة الصناعية عند مفرق الدرباسية-تل تمر-الحسكة شمال غرب الحسكة."
    assert {e.location for e in extract(text, "2023-10-05")} == {"Al Hasakah"}


@guards("a_place_naming_a_highway_is_not_on_it")
def test_a_place_naming_a_highway_is_not_on_it() -> None:
    text = "News\nA roadside bomb hit an SDF vehicle on the Deir ez-Zor - Hasakah highway near al-Busayrah on Monday."
    assert "Al Hasakah" not in {e.location for e in extract(text, "2024-05-15")}


@guards("a_street_named_after_a_town_is_not_in_it", "a_qualified_place_describes_the_one_before")
def test_a_street_or_a_town_opposite_is_not_the_place() -> None:
    assert found("خبر\nخرجت اليوم مظاهرة في شارع تل أبيض وسط مدينة الرقة.", "2025-10-21") == [
        ("Peaceful protest", "Ar Raqqah")
    ]
    text = "خبر\nقصفت القوات التركية اليوم بقذائف الهاون بلدة ذيبان المقابلة لمدينة الميادين."
    assert found(text, "2023-11-14") == [("Shelling/artillery/missile attack", "Diban")]


@guards("an_unnamed_town_by_a_place_is_vague")
def test_an_unnamed_town_by_a_place_is_the_town_named_after_it() -> None:
    """ "... their checkpoint in a town north of Deir ez-Zor." then the checkpoint "in al-Sour": one attack."""
    text = (
        "News\nTwo SDF members were killed on Thursday when gunmen attacked their checkpoint in a town north of "
        "Deir ez-Zor.\nGunmen opened machine-gun fire on an SDF checkpoint in the town of al-Sour, a source said."
    )
    assert [e.location for e in extract(text, "2022-04-21")] == ["As-Suwar"]


def test_a_town_with_a_direction_after_a_comma_is_the_place_later_acts_borrow() -> None:
    """ "near Deir Hafer, east of Aleppo" then "Artillery fire also fell on nearby residential areas": the town
    told, not the city it lies east of, places the act with no place of its own."""
    text = (
        "Drones hit SDF in Aleppo countryside\n"
        "Seven SDF members were wounded on Sunday by drone strikes near Deir Hafer, east of Aleppo.\n"
        "Artillery fire also fell on nearby residential areas."
    )
    assert {e.location for e in extract(text, "2025-10-05")} == {"Dayr Hafir"}


def test_the_other_end_of_a_road_is_not_borrowed() -> None:
    """ "on the road between the cities of Qamishli and Amuda" then "The drone also hit eight civilians": the
    later act is at Qamishli (X), not at Amuda (the other end)."""
    text = (
        "Turkish drone hits Asayish car\n"
        "A Turkish drone struck an Asayish car on the road between the cities of Qamishli and Amuda on Sunday.\n"
        "The Turkish drone also hit eight civilians who rushed to help, wounding them."
    )
    assert [e.location for e in extract(text, "2023-09-17")] == ["Al Qamishli"]


def test_the_entrance_of_a_city_says_where_the_village_lies() -> None:
    """ "in Tel Tawil village at the northern entrance of al-Hasakah city": the village, not also the city."""
    text = (
        "Drone strike near Hasakah\n"
        "A Turkish drone hit a car in Tel Tawil village at the northern entrance of al-Hasakah city on Tuesday."
    )
    assert [e.location for e in extract(text, "2023-01-03")] == ["Tall Tawil"]


def test_an_activist_in_a_city_is_a_desk_not_the_place() -> None:
    """ "وقال الناشط الإعلامي في دير الزور ... إن مجهولين أطلقوا النار على عناصر ... في البلدة": the activist speaks
    from Deir ez-Zor; the shooting was in the town told before."""
    text = (
        "هجوم في دير الزور\n"
        "قُتل عنصران من الأمن السوري إثر استهداف قوة أمنية في بلدة البحرة شرقي محافظة دير الزور، اليوم الجمعة. "
        "وقال الناشط الإعلامي في دير الزور إبراهيم الحسن إن مجهولين أطلقوا النار على العناصر في البلدة."
    )
    assert {e.location for e in extract(text, "2026-01-30")} == {"Al-Bahra"}


def test_a_place_told_as_where_a_town_lies_is_not_the_town_told_of() -> None:
    """ "Tall Tamr, a town of about 7,000 people, lies south-east of Ras al-Ayn. ... the last heavy Turkish artillery
    shelling hit it on 4 April": the act with no place of its own is at Tall Tamr, not Ras al-Ayn."""
    text = (
        "Turkish forces shelled villages near the town of Tall Tamr on Sunday.\n"
        "Tall Tamr, a town of about 7,000 people, lies south-east of Ras al-Ayn.\n"
        "The town has been under constant fire ever since; the last heavy Turkish artillery shelling hit it on 4 April."
    )
    april = [e.location for e in extract(text, "2022-05-23") if e.event_date == "2022-04-04"]
    assert april == ["Tall Tamr"]


def test_a_bureau_in_the_capital_is_never_the_place_a_broad_act_borrows() -> None:
    """ "DAMASCUS, Jan. 27 (Xinhua) -- ... the bombers struck the SDF in the eastern countryside of Deir al-Zour
    province": the act stays in its province; the bureau's city places nothing."""
    text = (
        "4 IS suicide bombers target Kurdish-led forces in eastern Syria\n"
        "DAMASCUS, Jan. 27 (Xinhua) -- Four suicide bombers of the Islamic State (IS) blew themselves up overnight "
        "during a counter-attack on the Kurdish-led Syrian Democratic Forces (SDF) in eastern Syria, a war monitor "
        "said on Sunday.\nDriving four car bombs, the bombers struck the SDF in the eastern countryside of Deir "
        "al-Zour province, where the last stage of the fighting between IS and the SDF is under way."
    )
    assert [e.location for e in extract(text, "2019-01-27")] == ["Deir ez-Zor"]
