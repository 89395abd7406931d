"""Review page (AppTest): editor edits reach the database as revisions; stale versions are refused."""

from __future__ import annotations

from store import events as store_events
from store import reports as store_reports
from store.filters import EventFilter
from store.revisions import history
from tests.pages.conftest import app_test

REVIEW = "pages/review_events.py"
TEXT = "قصفت القوات التركية قرية تل تمر صباح الاثنين. وخرجت مظاهرة في القامشلي."


def seed() -> tuple[int, list[int]]:
    base = {
        "event_date": "2024-08-19",
        "time_precision": 1,
        "actor1": "Military Forces of Turkey (2016-)",
        "latitude": 36.65,
        "longitude": 40.37,
        "geo_precision": 1,
        "fatalities": 0,
    }
    ev1 = {
        **base,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "location": "Tell Tamer",
        "evidence": {"start": 0, "end": 45, "text": TEXT[0:45]},
    }
    ev2 = {
        **base,
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters (Syria)",
        "location": "Qamishli",
        "evidence": {"start": 46, "end": len(TEXT), "text": TEXT[46:]},
    }
    added = store_reports.add_report(TEXT, "2024-08-19", source="Test", events=[ev1, ev2], analyst="seed")
    return added.report_id, added.event_ids


def open_review(report_id: int):
    at = app_test()
    at.query_params["report"] = str(report_id)
    at.run()
    at.switch_page(REVIEW)
    at.run()
    assert not at.exception, at.exception
    return at


def rows_in_editor(report_id: int) -> list[int]:
    df = store_events.query_events(EventFilter(report_id=report_id))
    return [int(i) for i in df["id"]]


def click(at, label_start: str) -> None:
    [button] = [b for b in at.button if b.label.startswith(label_start)]
    button.click()
    at.run()


def test_edit_through_the_editor_becomes_a_revision(db_url):
    report_id, ids = seed()
    at = open_review(report_id)
    order = rows_in_editor(report_id)  # the editor shows the events in the store's order
    at.session_state["review_editor_0"] = {
        "edited_rows": {0: {"fatalities": 3}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "Save changes")
    assert not at.exception, at.exception
    first = order[0]
    assert store_events.get_event(first)["fatalities"] == 3
    revs = [r for r in history(first) if r["field"] == "fatalities" and r["new"] == 3]
    assert revs and revs[-1]["analyst"] == "Layla"
    assert store_events.get_event(order[1])["fatalities"] == 0  # the other row is untouched
    assert any("Saved 1 event" in s.value for s in at.success)


def test_stale_version_is_refused_and_shown_as_a_conflict(db_url):
    report_id, ids = seed()
    at = open_review(report_id)
    first = rows_in_editor(report_id)[0]
    # Someone else saves the event after the page was drawn.
    store_events.update_event(first, {"fatalities": 5}, "Omar", expected_version=1)
    at.session_state["review_editor_0"] = {
        "edited_rows": {0: {"fatalities": 3}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "Save changes")
    assert store_events.get_event(first)["fatalities"] == 5  # not overwritten
    assert any("was saved by Omar" in e.value for e in at.error)
    # The analyst keeps their own value: saved against the new version, as a revision with their name.
    radio = [r for r in at.radio if r.label == "Keep for fatalities"][0]
    radio.set_value("mine")
    at.run()
    click(at, "Apply my choice")
    assert not at.exception, at.exception
    ev = store_events.get_event(first)
    assert ev["fatalities"] == 3 and ev["version"] == 3
    assert [r["analyst"] for r in history(first) if r["field"] == "fatalities"][-2:] == ["Omar", "Layla"]


def test_invalid_subtype_is_not_saved(db_url):
    report_id, ids = seed()
    at = open_review(report_id)
    first = rows_in_editor(report_id)[0]
    before = store_events.get_event(first)
    at.session_state["review_editor_0"] = {
        "edited_rows": {0: {"event_type": "Battles"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "Save changes")
    assert store_events.get_event(first)["version"] == before["version"]
    assert any("is not a sub-type of 'Battles'" in e.value for e in at.error)


def test_undo_and_bulk_reject(db_url):
    report_id, ids = seed()
    at = open_review(report_id)
    first = rows_in_editor(report_id)[0]
    at.session_state["review_editor_0"] = {
        "edited_rows": {0: {"notes": "checked"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "Save changes")
    assert store_events.get_event(first)["notes"] == "checked"
    click(at, "Undo my last save")
    assert store_events.get_event(first)["notes"] is None
    [sure] = [c for c in at.checkbox if c.label.startswith("Yes, apply")]
    at.radio(key="review_bulk_action").set_value("Reject")
    at.run()
    [sure] = [c for c in at.checkbox if c.label.startswith("Yes, apply")]
    sure.check()
    at.run()
    click(at, "Apply")
    assert {store_events.get_event(i)["status"] for i in ids} == {"rejected"}
    assert store_events.query_events(EventFilter(report_id=report_id)).empty  # rejected are filtered out
    assert len(store_events.query_events(EventFilter(report_id=report_id, statuses=("rejected",)))) == 2


def test_add_an_event_by_hand_with_evidence_from_the_report(db_url):
    report_id, ids = seed()
    at = open_review(report_id)
    at.selectbox(key="review_add_type").select("Protests")
    at.run()
    at.selectbox(key="review_add_sub").select("Peaceful protest")
    place = at.selectbox(key="review_add_place").options[0]
    at.selectbox(key="review_add_place").select(place)
    at.selectbox(key="review_add_a1").select(at.selectbox(key="review_add_a1").options[0])
    at.selectbox(key="review_add_evidence").select_index(1)
    at.run()
    at.button(key="review_add_go").click()
    at.run()
    assert not at.exception, at.exception
    df = store_events.query_events(EventFilter(report_id=report_id))
    new = [int(i) for i in df["id"] if int(i) not in ids]
    assert len(new) == 1
    ev = store_events.get_event(new[0])
    assert ev["event_type"] == "Protests" and ev["created_by"] == "Layla"
    assert ev["evidence_text"] == "وخرجت مظاهرة في القامشلي."
    assert TEXT[ev["evidence_start"] : ev["evidence_end"]] == ev["evidence_text"]
    assert ev["latitude"] is not None
    assert {r["analyst"] for r in history(new[0])} == {"Layla"}


def test_choosing_a_location_fills_coordinates_and_governorate(db_url):
    from extraction.gazetteer import load_gazetteer

    report_id, ids = seed()
    at = open_review(report_id)
    first = rows_in_editor(report_id)[0]
    place = next(
        p for p in load_gazetteer().places if p.admin1 and p.lat is not None and p.name_en != "Tell Tamer"
    )
    at.session_state["review_editor_0"] = {
        "edited_rows": {0: {"location": place.name_en}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "Save changes")
    ev = store_events.get_event(first)
    lat, lon, _ = place.point()
    assert ev["location"] == place.name_en and ev["admin1"] == place.admin1
    assert (ev["latitude"], ev["longitude"]) == (lat, lon)
    changed = {r["field"] for r in history(first)}
    assert {"location", "latitude", "longitude", "admin1"} <= changed


def test_filters_come_from_the_url(db_url):
    report_id, ids = seed()
    at = app_test()
    at.query_params["report"] = str(report_id)
    at.query_params["type"] = "Protests"
    at.run()
    at.switch_page(REVIEW)
    at.run()
    assert not at.exception, at.exception
    [editor] = at.dataframe
    assert list(editor.value["event_type"]) == ["Protests"]
