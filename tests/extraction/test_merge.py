"""Stage merge: a draft told before at the same place and day joins it, unless the two cannot be one happening."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards

DHAMAN = (
    'وفي الوقت ذاته، عثر سكان قرية "ضمان" شمالي دير الزور على جثة الشاب "مشهور مضحي الجضعان" وعليها آثار طعنات '
    "عدة، وذلك بعد أن خطفه مجهولون.\n"
    'ويواصل تنظيم "الدولة" تنفيذ عمليات اغتيال وقتل.'
)
HAJIN = (
    "مقتل مدني برصاص «قسد» خلال مداهمات في هجين.. ومظاهرة غاضبة في البلدة\n"
    "قُتل شاب وجُرح آخر برصاص عناصر من «قوات سوريا الديمقراطية» (قسد)، فجر أمس الأربعاء، خلال حملة دهم نفذتها "
    "القوات بمساندة مروحيات «التحالف الدولي» في بلدة هجين بريف دير الزور الشرقي، اعتقلت خلالها تسعة أشخاص بتهمة "
    "الانتماء لخلايا تنظيم «داعش»."
)


@guards("a_vague_place_joins_the_same_kind")
def test_a_road_between_two_towns_is_one_bombing() -> None:
    text = "إصابة ٣ عناصر من «قسد» بانفجار عبوة ناسفة على طريق الحسكة – الشدادي"
    assert len(extract(text, "2020-09-08", "نورث برس")) == 1


@guards("an_abduction_joins_only_its_own_kind")
def test_an_abduction_is_not_the_killing_told_beside_it() -> None:
    evs = extract(DHAMAN, "2020-11-19", "تلفزيون سوريا")
    assert sorted(e.sub_event_type for e in evs) == ["Abduction/forced disappearance", "Attack"]


@guards("opposed_sides_are_two_events", "a_headline_with_other_sides_is_another_event")
def test_arrests_by_two_opposed_sides_are_two_events() -> None:
    arrests = [e for e in extract(HAJIN, "2021-06-10", "دير الزور 24") if e.sub_event_type == "Arrests"]
    assert sorted(e.actor1 for e in arrests) == ["Islamic State (Syria)", "SDF: Syrian Democratic Forces"]


@guards("civilians_acting_are_another_event")
def test_people_fleeing_and_roads_closed_are_two_events() -> None:
    text = "خبر\nنزحت عشرات العائلات من بلدة تل تمر اليوم.\nوأغلقت الطرق المؤدية إلى بلدة تل تمر اليوم."
    assert [e.sub_event_type for e in extract(text, "2022-11-23")] == ["Other", "Change to group/activity"]


def test_a_recalled_retelling_with_no_day_joins_the_act_told() -> None:
    """ "وأن قسد نفذت حملات دهم في قرى الأربعين وعفراء" then "يُذكر أن قسد داهمت هذه القرى بحثاً عن أسلحة": the
    note retells the raids; it is no second, background raid at the last village."""
    from extraction import extract

    text = (
        "خبر\nنفذت قسد أمس الجمعة حملات دهم واعتقال في قرى الأربعين وعفراء بريف مركدة الشرقي.\n"
        "يُذكر أن قسد داهمت هذه القرى بحثاً عن أسلحة وعن مطلوبين لتنظيم الدولة."
    )
    evs = extract(text, "2021-05-15")
    assert sorted(e.location for e in evs) == ["الأربعين", "عفراء"]


@guards("the_same_place_and_day_is_one_event")
def test_a_telling_with_no_day_is_the_act_a_later_telling_dates() -> None:
    """ "have arrested ISIS mercenaries in the north of Deir ez-Zor" then the statement "arrested two members of
    ISIS cells north of Deir ez-Zor on Friday, July 19": one arrest, on the Friday."""
    text = (
        "Security forces arrest ISIS members\n"
        "The Internal Security Forces of the NE Syria region have arrested ISIS mercenaries in the north of "
        "Deir ez-Zor Canton.\n20 July 2024   09:46\n"
        "The Media Center of the Internal Security Forces published details on its website, saying:\n"
        '"The General Security Service arrested two members of terrorist ISIS cells north of Deir ez-Zor on '
        'Friday, July 19."'
    )
    assert [(e.sub_event_type, e.event_date) for e in extract(text, "2024-07-20")] == [
        ("Arrests", "2024-07-19")
    ]


def test_a_headline_is_not_another_kind_of_act_the_body_recalls() -> None:
    """ "A violent explosion hits Al-Raqqah city" over today's blast and a clash "on the 29th of September":
    the headline is today's blast, the recalled clash another event."""
    text = (
        "A violent explosion hits Al-Raqqah city near a checkpoint of the SDF\n"
        "On the 29th of September 2018 the Observatory reported clashes between an IS cell and the Asayish in "
        "al-Raqqah city.\n"
        "Today, Tuesday the 9th of October 2018, a booby-trapped motorcycle blew up near a checkpoint in the city."
    )
    got = sorted((e.event_date, e.sub_event_type) for e in extract(text, "2018-10-09"))
    assert got == [("2018-09-29", "Armed clash"), ("2018-10-09", "Remote explosive/landmine/IED")]


def test_a_headline_does_not_take_in_a_vague_act_of_another_day() -> None:
    """ "Four civilians injured by Turkish shelling west of Kobani" and later "On Dec. 20, Turkish forces also shelled
    villages in northern Aleppo": the headline keeps the report's day; the older act is not its."""
    text = (
        "Four civilians injured by Turkish shelling west of Kobani\n"
        "Four civilians were wounded on Thursday when Turkish forces shelled a shop in Zor Maghar, west of Kobani.\n"
        "On Dec. 20, Turkish forces also shelled villages in northern Aleppo."
    )
    assert "2022-12-20" not in {e.event_date for e in extract(text, "2022-12-22") if e.location != "Aleppo"}


def test_a_countryside_never_joins_a_town_of_another_governorate() -> None:
    """ "اشتباك مسلح في منطقة الخمائل بريف الحسكة الجنوبي" and "مدينة الشحيل في ريف دير الزور الشرقي ... مواجهات
    مسلحة": two clashes; a vague place joins an act of its kind only in its own governorate."""
    text = (
        "خمسة جرحى في اقتتال عشائري بالحسكة ودير الزور\n"
        "أصيب خمسة أشخاص، أمس السبت، في اقتتال عشائري بالسلاح شهدته محافظتا الحسكة ودير الزور.\n"
        "وأصيب ثلاثة أشخاص بعدما تطورت مشاجرة عشائرية إلى اشتباك مسلح في منطقة الخمائل بريف الحسكة الجنوبي.\n"
        "وشهدت مدينة الشحيل في ريف دير الزور الشرقي بدورها مواجهات مسلحة بين أبناء عمومة."
    )
    assert "Southern Hasakah countryside" in [e.location for e in extract(text, "2024-06-23")]
