"""Stage when: the day of an act, and whether it is background."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards

CONOCO = (
    "The US-led coalition carried out airstrikes overnight on positions of Iran-backed militias in the eastern "
    "Syrian province of Deir ez-Zor, hours after a drone attack on a coalition base at the Conoco gas field, a war "
    "monitor and local sources said on Friday."
)
KHUBAYL = (
    'اغتيال قيادي في "قسد" برصاص مجهولين في دير الزور\n'
    'وكانت "قسد" قد أعلنت، أمس الاثنين، عن حملة مداهمات في أحياء مدينة الزور لملاحقة خلايا تنظيم "الدولة"، '
    "وعن اعتقال عدد من المطلوبين لديها."
)
ROOTS = (
    "وتعود جذور المواجهات إلى اعتقال «قسد» قائد «مجلس دير الزور العسكري» أحمد الخبيل (أبو خولة) في مدينة "
    "الحسكة في 27 من آب الماضي، وهو ما فجّر غضباً عشائرياً سرعان ما تحول إلى مواجهات مسلحة امتدت إلى عشرات "
    "القرى والبلدات."
)


@guards("the_day_right_after_said_is_the_statements")
def test_the_day_sources_said_something_is_not_the_day_it_happened() -> None:
    assert [e.event_date for e in extract(CONOCO, "2023-06-02", "The New Arab")] == ["2023-06-01"]


@guards("later_that_day_is_a_day_told_before")
def test_later_that_day_takes_the_paragraphs_day_or_today() -> None:
    text = (
        "Gunmen killed a civilian in al-Shuhayl on Monday. Later in the day, Turkish artillery shelled "
        "the town of Tal Tamr."
    )
    assert [e.event_date for e in extract(text, "2024-05-15")] == ["2024-05-13", "2024-05-13"]
    text = (
        "Gunmen killed a civilian in al-Shuhayl last Saturday.\n\n"
        "Later in the day, Turkish artillery shelled the town of Tal Tamr."
    )
    assert [e.event_date for e in extract(text, "2024-05-15")] == ["2024-05-11", "2024-05-15"]


@guards("later_that_day_is_a_day_told_before")
def test_the_same_day_is_the_last_day_named() -> None:
    text = (
        "اعتقلت دورية للأمن العسكري، يوم أمس الإثنين، ثمانية شبان على حاجز في مدينة دير الزور.\n"
        "وقالت مصادر إن الحاجز يدقق الأسماء.\n"
        "وفي اليوم ذاته، داهمت عناصر من المخابرات الجوية منازل في بلدة الكسرة واعتقلت ثلاثة أشخاص."
    )
    assert {e.event_date for e in extract(text, "2024-05-14")} == {"2024-05-13"}


@guards("the_day_nearest_the_act")
def test_background_is_flagged() -> None:
    text = "ويُذكر أن الجيش التركي احتل مدينة رأس العين في تشرين الأول 2019 بعد معارك عنيفة مع قسد."
    evs = extract(text, "2022-06-20")
    assert evs and evs[0].background and evs[0].time_precision == 3


@guards("the_day_nearest_the_act")
def test_a_month_glossed_in_brackets_dates_the_background() -> None:
    text = (
        "خبر\nوكانت القوات التركية قد سيطرت على مدينة تل أبيض في أكتوبر (تشرين الأول) 2019 بعد معارك عنيفة."
    )
    assert [e.event_date[:7] for e in extract(text, "2022-06-08")] == ["2019-10"]


@guards("the_reports_day_otherwise")
def test_an_act_with_no_day_of_its_own_is_on_the_reports_day() -> None:
    evs = extract(KHUBAYL, "2018-07-03", "عنب بلدي")
    assert [(e.sub_event_type, e.event_date) for e in evs][0] == ("Armed clash", "2018-07-02")


@guards("the_day_nearest_the_act", "a_month_back_is_background")
def test_a_recalled_killing_is_background_of_its_month() -> None:
    evs = extract(
        "خبر\nويعود النزاع بين العائلتين إلى تشرين الأول 2019، حين قُتل شخصان في اشتباك مماثل في الشحيل.",
        "2024-05-15",
    )
    assert [(e.background, e.event_date[:4], e.time_precision) for e in evs] == [(True, "2019", 3)]


@guards("a_recalled_act_is_background")
def test_the_roots_of_a_conflict_are_background() -> None:
    evs = extract(ROOTS, "2023-09-06", "الخابور")
    assert [(e.sub_event_type, e.event_date, e.background) for e in evs] == [("Arrests", "2023-08-27", True)]


def test_reported_at_the_time_is_the_day_told_before() -> None:
    """ "On 13 September, the SDF launched raids ... The correspondent reported at the time that six people were
    detained": "at the time" is 13 September, not the statement's day."""
    from extraction import extract

    text = (
        "News\nOn 13 September, the SDF launched raids in the town of al-Shuhail in eastern Deir ez-Zor.\n"
        "A correspondent reported at the time that six people were detained in al-Shuhail.\n"
        "In al-Shuhail, the SDF also raided the home of a young man and arrested him."
    )
    assert {e.event_date for e in extract(text, "2025-10-14")} == {"2025-09-13"}


@guards("a_day_in_a_relative_clause_after_the_act_is_anothers")
def test_the_day_of_a_relative_clause_after_the_act_is_anothers() -> None:
    """ "shot dead by snipers around the border town, which has been one of the main targets of the assault that
    Turkey launched on Wednesday": the shooting is on the report's Friday, not on Wednesday."""
    text = (
        "Snipers kill three in Tal Abyad\n"
        "A car bomb in Qamishli killed two civilians on Friday.\n"
        "Three civilians were shot dead by snipers around Tal Abyad, which has been one of the main targets of the "
        "assault that Turkey launched against Kurdish-held areas on Wednesday."
    )
    assert [e.event_date for e in extract(text, "2019-10-11")] == ["2019-10-11", "2019-10-11"]


@guards("a_day_told_before_in_the_paragraph_holds")
def test_a_day_opening_an_item_is_the_day_of_the_act_later_in_it() -> None:
    """ "• December 10: A family fight broke out ... in Al-Sour city. It developed into armed clashes": the clashes
    are on the 10th, not on the report's day."""
    text = (
        "Tribal fights this month\n"
        "• December 10: A family fight broke out between cousins over a dispute in Al-Sour city, north of Deir Ezzor. "
        "It developed into armed clashes and left a child injured."
    )
    assert [e.event_date for e in extract(text, "2022-12-27")] == ["2022-12-10"]


@guards("a_day_still_to_come_is_anothers")
def test_a_day_still_to_come_in_another_clause_is_not_the_acts() -> None:
    """ "تأييداً للاستفتاء المقرر إجراؤه في 25 أيلول 2017، شنّت قوات الأسايش حملة اعتقالات" told on 15 September: the
    arrests are not dated on the referendum's day ten days ahead; they keep the report's."""
    text = (
        "الأسايش تعتقل العشرات\n"
        "في وقت دعا فيه المجلس أنصاره إلى مسيرات تأييداً للاستفتاء المقرر إجراؤه في 25 أيلول 2017، شنّت قوات الأسايش "
        "حملة اعتقالات في مدينة عامودا."
    )
    assert [e.event_date for e in extract(text, "2017-09-15")] == ["2017-09-15"]
