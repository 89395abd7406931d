"""Stage role_links: neighbouring mentions share a role (an apposition, a list of supporting forces)."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards

IED_SHADDADI = (
    "أُصيب ثلاثة عناصر من قوات سوريا الديمقراطية «قسد»، مساء أمس الإثنين، بانفجار عبوة ناسفة استهدفت سيارتهم "
    "العسكرية على طريق الحسكة – الشدادي، جنوبي مدينة الحسكة، شمال شرقي سوريا."
)
HOL_OPERATION = (
    "Woman shot dead in al-Hol camp, second killing in four days\n"
    "In March 2021, the Asayish, backed by the SDF and the US-led coalition, launched a security operation called "
    '"Humanity and Security" in the camp, during which they arrested 125 people they said were members of the '
    "Islamic State (IS)."
)


@guards("an_apposition_shares_the_role")
def test_a_force_named_then_abbreviated_is_one_victim() -> None:
    evs = extract(IED_SHADDADI, "2020-09-08", "نورث برس")
    assert [(e.actor1, e.actor2) for e in evs] == [
        ("Unidentified Armed Group (Syria)", "SDF: Syrian Democratic Forces")
    ]


@guards("a_list_after_a_supporting_force_supports")
def test_the_forces_listed_after_a_supporter_support_too() -> None:
    evs = [e for e in extract(HOL_OPERATION, "2022-05-26", "Enab Baladi") if e.sub_event_type == "Arrests"]
    assert [(e.actor1, e.actor2) for e in evs] == [
        ("Asayish: Kurdish Internal Security Forces", "International Coalition (US-led)")
    ]
