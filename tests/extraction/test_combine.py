"""Stage combine: what an event keeps when another telling joins it."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards

MANSURAH = (
    "حملة دهم واعتقالات في مدينة الرقة وبلدة المنصورة\n"
    "وامتدت الحملة إلى بلدة المنصورة غربي الرقة، حيث داهمت دوريات الأسايش عدداً من المنازل واعتقلت أربعة أشخاص آخرين."
)
TAL_ABYAD = (
    "سبعة قتلى على الأقل بانفجار سيارة مفخخة في سوق تل أبيض شمالي الرقة\n"
    "وكانت عبوة ناسفة قد انفجرت يوم الخميس الماضي بسيارة مدنية على طريق تل أبيض – سلوك قرب قرية حمام التركمان، ما "
    "أدى إلى إصابة ثلاثة أشخاص بجروح."
)
KARAMAH = (
    "حملة اعتقالات للأسايش في أحياء الرقة وبلدة الكرامة\n"
    "وهذه الحملة هي الثانية من نوعها خلال الشهر الجاري، إذ اعتقلت الأسايش في الثالث من تشرين الأول 11 شخصاً في حي "
    "الثكنة ومحيط السوق الشعبي، أُفرج عن معظمهم لاحقاً."
)
TAL_TAMR = (
    "معارك عنيفة على محور صيدا بريف عين عيسى.. ومسيّرة تركية تقتل مدنياً في ريف تل تمر\n"
    "وفي ريف الحسكة، رصد المرصد السوري مقتل رجل وإصابة اثنين آخرين، مساء أمس السبت، جراء استهداف طائرة مسيّرة "
    "تركية سيارة مدنية على الطريق الواصل بين قرية أم الكيف وبلدة تل تمر في الريف الشمالي الغربي للحسكة."
)


@guards("a_crowd_acts_against_the_force_in_its_clause", "the_stronger_word_names_the_type")
def test_protest_then_burning_tyres_is_one_riot() -> None:
    text = "خرج العشرات من أهالي بلدة ذيبان اليوم الجمعة في مظاهرة.\nوقطع محتجون الطريق العام في البلدة بالإطارات المشتعلة."
    assert [(e.event_type, e.actor1) for e in extract(text, "2022-09-16")] == [("Riots", "Rioters (Syria)")]


@guards("a_telling_that_names_the_actor_names_the_sides")
def test_the_body_that_names_the_raiders_names_the_headlines_sides() -> None:
    evs = extract(MANSURAH, "2023-06-15", "Rasd demo")
    assert [e.actor1 for e in evs if e.location == "Al Mansurah"] == [
        "Asayish: Kurdish Internal Security Forces"
    ]


@guards("a_named_perpetrator_wins_over_unidentified")
def test_a_named_cell_wins_over_unknown_gunmen() -> None:
    text = (
        "خبر\nهاجم مسلحون مجهولون حاجزاً لقسد في بلدة الشحيل اليوم.\n"
        "وهاجمت خلية من داعش حاجز قسد في بلدة الشحيل اليوم."
    )
    assert [e.actor1 for e in extract(text, "2024-05-15")] == ["Islamic State (Syria)"]


@guards("the_other_side_fills_in")
def test_the_target_named_by_a_later_telling_gives_the_second_side() -> None:
    text = "News\nAn IED exploded in al-Shuhayl on Monday.\nAn IED exploded on Monday in al-Shuhayl, targeting an SDF vehicle."
    assert [e.actor2 for e in extract(text, "2024-05-13")] == ["SDF: Syrian Democratic Forces"]


@guards("a_day_of_its_own_wins")
def test_the_telling_with_a_day_dates_the_event() -> None:
    evs = extract(KARAMAH, "2021-10-17", "عنب بلدي")
    assert [e.event_date for e in evs if e.location == "Al Karamah"] == ["2021-10-03"]


@guards("a_precise_place_wins")
def test_a_village_named_by_a_later_telling_places_the_strike() -> None:
    text = "News\nTurkish drones struck the Qamishli countryside on Monday.\n"
    text += "A Turkish drone struck a car in the village of Tal Hamis on Monday."
    assert [(e.location, e.geo_precision) for e in extract(text, "2024-05-13")] == [("Tall Hamis", 1)]


def test_a_town_named_later_places_the_strike_in_it() -> None:
    evs = extract(TAL_TAMR, "2019-11-24", "المرصد السوري لحقوق الإنسان")
    # the village no source locates, on the road to Tal Tamr, placed at Tal Tamr's point (precision 2)
    assert [(e.location, e.geo_precision, e.latitude) for e in evs if e.sub_event_type == "Air/drone strike"][
        0
    ] == ("أم الكيف", 2, 36.65556)


@guards("the_stronger_word_names_the_type", "the_bodys_village_wins_over_its_headlines_town")
def test_a_bare_killing_headline_takes_the_bodys_weapon_and_city() -> None:
    """ "4 members of National Defense Forces killed in Deir ez-Zor" then "killed by a drone ... in the countryside
    of the city of Albu-Kamal": a bare killing is weaker than the drone, and the province's capital in a headline
    gives way to another city of the province."""
    text = (
        "4 members of National Defense Forces killed in Deir ez-Zor\n"
        "Four members of the National Defense Forces were killed by a drone east of Deir ez-Zor.\n"
        "The Syrian Observatory for Human Rights said four members of the National Defense Forces were killed when a "
        "drone hit their car near the Syrian-Iraqi border, in the countryside of the city of Albu-Kamal, east of "
        "Deir ez-Zor."
    )
    assert [(e.sub_event_type, e.location) for e in extract(text, "2023-11-30")] == [
        ("Air/drone strike", "Albu Kamal")
    ]
