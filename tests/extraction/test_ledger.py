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
