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


@guards("an_attack_on_fighters_is_a_clash", "a_fighter_hit_names_the_force_hit")
def test_an_assassinated_commander_is_his_forces_clash() -> None:
    """ "اغتيال قيادي في «قسد» برصاص مسلحين مجهولين": the SDF was hit (actor 2), and violence against a member of an
    armed force is a clash, not violence against civilians."""
    text = "اغتيال قيادي في «قسد» برصاص مسلحين مجهولين في بلدة ذيبان\nخبر."
    evs = extract(text, "2019-11-20")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs] == [
        ("Armed clash", "Unidentified Armed Group (Syria)", "SDF: Syrian Democratic Forces")
    ]


def test_members_named_before_the_verb_did_it() -> None:
    """ "وكان عناصر من تنظيم الدولة قد أعدموا شاباً": the members before the verb are the agents, the victim a
    civilian."""
    text = "خبر\nعناصر من تنظيم الدولة أعدموا شاباً في بلدة الشحيل اليوم."
    evs = extract(text, "2020-11-19")
    assert [e.actor2 for e in evs] == ["Civilians (Syria)"]


@guards("protesters_who_drive_out_a_force_riot")
def test_protesters_who_drive_a_force_out_riot() -> None:
    """ "وتخللها قطع طرقات بالإطارات المشتعلة وطرد عناصر «قسد» من بعض البلدات": the demonstration turned
    violent, not ground taken."""
    text = (
        "خبر\nخرجت مظاهرة اليوم في بلدة البصيرة احتجاجاً على ممارسات «قسد».\n"
        "وامتدت المظاهرات إلى بلدات الحصان ومحيميدة، وتخللها قطع طرقات وطرد عناصر «قسد» من بعض البلدات."
    )
    subs = {e.sub_event_type for e in extract(text, "2019-04-25")}
    assert "Non-state actor overtakes territory" not in subs and "Violent demonstration" in subs


def test_an_attempt_on_a_commander_subjected_to_it_kills_no_one() -> None:
    """ "تعرّض قيادي في «قسد» لمحاولة اغتيال": the SDF was hit, and an attempt kills no one unless a death is told."""
    text = "خبر\nويوم الخميس الماضي، تعرّض قيادي في «قسد» لمحاولة اغتيال في بلدة الجرذي بريف دير الزور الشرقي."
    evs = extract(text, "2024-04-27")
    assert [(e.actor2, e.fatalities) for e in evs] == [("SDF: Syrian Democratic Forces", 0)]
