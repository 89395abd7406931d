"""Stage refine: the type an act's sides and figures call for (data/retypes.csv)."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, found, guards

MANBIJ = (
    "قُتل متظاهران وأُصيب آخرون، اليوم الثلاثاء 1 من حزيران، بعد أن أطلق عناصر من «قوات سوريا الديمقراطية» (قسد) "
    "النار لتفريق مظاهرة خرجت في مدينة منبج بريف حلب الشرقي، رفضاً لحملات «التجنيد الإجباري» التي تفرضها "
    "«الإدارة الذاتية»."
)


@guards("unknown_people_burning_property_is_no_riot")
def test_unknown_people_burning_crops_is_property_destruction_not_a_riot() -> None:
    text = "خبر\nأضرم مجهولون النار مساء الخميس الماضي في حقول قمح بقرية الكرامة شرقي الرقة."
    assert [s for s, _ in found(text, "2022-06-12")] == ["Looting/property destruction"]


@guards("deaths_at_a_dispersed_protest_are_excessive_force")
def test_protesters_killed_by_those_who_dispersed_them_suffered_excessive_force() -> None:
    assert [e.sub_event_type for e in extract(MANBIJ, "2021-06-01")] == ["Excessive force against protesters"]
