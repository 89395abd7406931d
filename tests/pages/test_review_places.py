"""Review page (AppTest): an ambiguous place shows its other candidate in the row and the event's panel, and a
click moves the event there as a revision that **Undo my last save** restores."""

from __future__ import annotations

from extraction import extract
from store import events as store_events
from store import reports as store_reports
from store.places import list_places
from store.revisions import history
from tests.pages.test_review_sources import click, open_review

TEXT = "قصف مدفعي لقوات النظام على قرية جروان"  # two villages of the name, nothing to choose between them
JARWAN_HASAKAH, JARWAN_DEIR = "wof-1243281421", "wof-1326751581"


def test_the_row_shows_the_other_candidate_and_one_click_moves_the_event_there(db_url) -> None:
    added = store_reports.add_report(TEXT, "2024-05-01", events=extract(TEXT, "2024-05-01"), analyst="seed")
    [eid] = added.event_ids
    at = open_review(added.report_id)
    row = at.dataframe[0].value.set_index("id").loc[eid]  # the editor
    assert row["location"] == "Jarwan" and row["also_possible"] == "Jarwan (Deir ez-Zor)"
    assert at.warning[0].value == (
        "Place ambiguous: «جروان» is placed at Jarwan (Al-Hasakah); the report's context fits Jarwan (Deir ez-Zor) as well."
    )

    click(at, "Move to Jarwan (Deir ez-Zor)")
    moved = store_events.get_event(eid)
    assert (moved["place_id"], moved["admin1"], moved["latitude"]) == (JARWAN_DEIR, "Deir ez-Zor", 36.03194)
    assert moved["notes"].endswith("place ambiguous: also Jarwan (Al-Hasakah)") and moved["version"] == 2
    changed = {r["field"] for r in history(eid) if r["analyst"] == "Layla"}
    assert {"place_id", "latitude", "longitude", "admin1", "notes"} <= changed
    assert list_places() == []  # a namesake is not an alias of the place
    assert at.success[0].value.startswith(f"Event {eid} moved to Jarwan")
    assert at.dataframe[0].value.set_index("id").loc[eid, "also_possible"] == "Jarwan (Al-Hasakah)"
    assert [b.label for b in at.button if b.label.startswith("Move to")] == ["Move to Jarwan (Al-Hasakah)"]

    click(at, "Undo my last save")
    back = store_events.get_event(eid)
    assert (back["place_id"], back["admin1"], back["notes"]) == (
        JARWAN_HASAKAH,
        "Al-Hasakah",
        moved_back_notes(),
    )
    assert at.dataframe[0].value.set_index("id").loc[eid, "also_possible"] == "Jarwan (Deir ez-Zor)"


def moved_back_notes() -> str:
    (ev,) = extract(TEXT, "2024-05-01")
    return ev.notes


def test_an_unambiguous_place_shows_no_candidate(db_url) -> None:
    text = "قصف مدفعي لقوات النظام على عامودا"
    added = store_reports.add_report(text, "2024-05-01", events=extract(text, "2024-05-01"), analyst="seed")
    at = open_review(added.report_id)
    assert (at.dataframe[0].value["also_possible"] == "").all()
    assert not [b for b in at.button if b.label.startswith("Move to")]
    assert not [w for w in at.warning if "ambiguous" in w.value]
