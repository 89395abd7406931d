"""ui.place_candidates: what Review and the Map say of an ambiguous place, and the move to another candidate."""

from __future__ import annotations

from extraction import extract
from store import events as store_events
from store.places import list_places
from store.reports import add_report
from ui.map_panel import event_card_html, move_event
from ui.place_candidates import also_possible, candidates, move_to_candidate, moved_notes, place_row, warning

HASAKAH = {
    "id": "h",
    "name_en": "Jarwan",
    "admin1": "Al-Hasakah",
    "admin2": "Al-Hasakah",
    "lat": 36.0,
    "lon": 40.4,
}
DEIR = {
    "id": "d",
    "name_en": "Jarwan",
    "admin1": "Deir ez-Zor",
    "admin2": "Deir ez-Zor",
    "lat": 36.03,
    "lon": 39.8,
}
NOTES = "Regime: Shelling at Jarwan; place ambiguous: also Jarwan (Deir ez-Zor) [Fatalities: 0]"


def _event(**over) -> dict:
    return {"id": 1, "version": 1, "place_id": "h", "notes": NOTES, "extra": {"place_candidates": [HASAKAH, DEIR]},
            **over}  # fmt: skip


def test_the_others_are_the_candidates_the_event_is_not_at():
    assert also_possible(candidates(_event()), "h") == "Jarwan (Deir ez-Zor)"
    assert also_possible(candidates(_event()), "elsewhere") == "Jarwan (Al-Hasakah); Jarwan (Deir ez-Zor)"
    assert candidates({"extra": {}}) == [] and candidates({"extra": {"place_candidates": "junk"}}) == []
    assert warning(_event(location_ar="جروان")) == (
        "Place ambiguous: «جروان» is placed at Jarwan (Al-Hasakah); the report's context fits Jarwan (Deir ez-Zor) "
        "as well."
    )
    assert warning(_event(extra={})) is None


def test_the_notes_clause_follows_a_move_unless_the_analyst_rewrote_it():
    assert moved_notes(_event(), "d") == NOTES.replace(
        "also Jarwan (Deir ez-Zor)", "also Jarwan (Al-Hasakah)"
    )
    assert moved_notes(_event(notes="The analyst's own words."), "d") is None
    assert moved_notes(_event(extra={}), "d") is None and moved_notes(_event(), "h") is None


def test_a_candidate_moves_to_its_gazetteer_row_or_else_its_stored_point():
    row = {"id": "d", "name_en": "Jarwan", "latitude": 36.5, "longitude": 39.9, "admin3": "Kisreh"}
    assert place_row(DEIR, [row]) == row
    stored = place_row(DEIR, [])
    assert (stored["latitude"], stored["longitude"], stored["admin1"]) == (36.03, 39.8, "Deir ez-Zor")


def test_the_map_card_says_the_place_is_ambiguous_as_escaped_text():
    evil = {**DEIR, "name_en": "<img src=x onerror=alert(1)>"}
    html = event_card_html(_event(extra={"place_candidates": [HASAKAH, evil]}))
    assert "Place ambiguous, also possible:" in html and "&lt;img src=x" in html and "<img" not in html
    assert "ambiguous" not in event_card_html(_event(extra={}))


def test_a_move_between_namesakes_is_one_save_and_records_no_alias(db_url):
    text = "قصف مدفعي لقوات النظام على قرية جروان"
    [eid] = add_report(text, "2024-05-01", events=extract(text, "2024-05-01"), analyst="seed").event_ids
    ev = store_events.get_event(eid)
    deir = candidates(ev)[1]
    assert move_to_candidate(ev, deir, [], "").kind == "warning"  # unsigned: nothing written
    out = move_to_candidate(ev, deir, [], "Nour")
    assert out.kind == "success" and store_events.get_event(eid)["place_id"] == deir["id"]
    assert move_to_candidate(ev, deir, [], "Nour").kind == "warning"  # the old version: changed meanwhile
    assert list_places() == []
    assert store_events.undo_last_save("Nour") > 0 and store_events.get_event(eid)["notes"] == ev["notes"]


def test_a_move_elsewhere_keeps_recording_the_old_name_as_an_alias(db_url):
    text = "قصف مدفعي لقوات النظام على قرية جروان"
    [eid] = add_report(text, "2024-05-01", events=extract(text, "2024-05-01"), analyst="seed").event_ids
    ev = store_events.get_event(eid)
    amuda = {"id": "gn-173230", "name_en": "`Amuda", "name_ar": "عامودا", "latitude": 37.1, "longitude": 40.93,
             "admin1": "Al-Hasakah"}  # fmt: skip
    assert "candidate alias" in move_event(ev, amuda, "Nour")
    assert [p["alias_of"] for p in list_places(include_meta=True)] == ["gn-173230"]
    assert store_events.get_event(eid)["notes"] == ev["notes"]  # not one of the candidates: the clause stays
