"""Stage ledger: an act becomes events, unless it retells the event told before."""

from __future__ import annotations

from tests.extraction.rulecheck import extract, guards


@guards("a_general_verb_retells_the_last_event")
def test_a_general_verb_with_no_place_or_day_retells_the_last_event() -> None:
    text = (
        "Syria regime and Kurds agreed a truce in Hasakeh\n"
        "He added that Russian military officials had brokered the agreement."
    )
    assert [(e.sub_event_type, e.location) for e in extract(text, "2016-08-23", "AFP")] == [
        ("Agreement", "Al Hasakah")
    ]


@guards("an_act_dated_by_its_year_alone_is_history")
def test_an_act_dated_by_its_year_alone_is_history() -> None:
    """ "واندلعت اشتباكات عنيفة بين قسد والتنظيم في مدينة الطبقة عام 2017": history ACLED cannot date, no event."""
    text = (
        "هجوم لداعش في الرقة\n"
        "قتل ستة عناصر من قوى الأمن الداخلي اليوم الاثنين بهجوم انتحاري لتنظيم داعش على مركز أمني في مدينة الرقة.\n"
        "واندلعت اشتباكات عنيفة بين قسد والتنظيم في مدينة الطبقة عام 2017."
    )
    assert [e.event_date for e in extract(text, "2022-12-26")] == ["2022-12-26"]
