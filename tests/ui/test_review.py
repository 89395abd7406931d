"""ui.review: save with versions, conflicts, undo, bulk actions, reject, hand-added events."""

from __future__ import annotations

from datetime import date

from store import events as store_events
from store import reports as store_reports
from store.filters import EventFilter
from store.revisions import history
from ui import review
from ui.editor import RowChange, editor_frame
from ui.highlight import sentence_spans

TEXT = "قصفت القوات التركية قرية تل تمر صباح الاثنين. وخرجت مظاهرة في القامشلي."
TYPES = {"Battles": ["Armed clash"], "Protests": ["Peaceful protest", "Protest with intervention"],
         "Explosions/Remote violence": ["Shelling/artillery/missile attack"]}  # fmt: skip
PLACES = [{"id": "P1", "name_en": "Qamishli", "name_ar": "القامشلي", "latitude": 37.05, "longitude": 41.22,
           "geo_precision": 1, "admin1": "Al-Hasakeh", "admin2": "Qamishli", "admin3": "Qamishli"}]  # fmt: skip


def seed() -> tuple[int, list[int]]:
    base = {"event_date": "2024-08-19", "time_precision": 1, "actor1": "Military Forces of Turkey (2016-)",
            "latitude": 36.65, "longitude": 40.37, "geo_precision": 1, "fatalities": 0}  # fmt: skip
    ev1 = {**base, "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
           "location": "Tell Tamer", "evidence": {"start": 0, "end": 45, "text": TEXT[0:45]}}  # fmt: skip
    ev2 = {**base, "event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (Syria)",
           "location": "Qamishli", "evidence": {"start": 46, "end": len(TEXT), "text": TEXT[46:]}}  # fmt: skip
    added = store_reports.add_report(TEXT, "2024-08-19", source="Test", events=[ev1, ev2], analyst="seed")
    return added.report_id, added.event_ids


def frame(report_id: int):
    return editor_frame(store_events.query_events(EventFilter(report_id=report_id)))


def test_save_writes_changed_fields_and_refuses_all_on_one_invalid_row(db_url: str) -> None:
    rid, (a, b) = seed()
    f = frame(rid)
    bad = [RowChange(a, 1, {"fatalities": 2}), RowChange(b, 1, {"sub_event_type": "Armed clash"})]
    out = review.save_changes(f, bad, PLACES, TYPES, "Layla")
    assert out.outcome.kind == "error" and out.outcome.text.startswith("Nothing saved.") and not out.written
    assert store_events.get_event(a)["fatalities"] == 0

    out = review.save_changes(
        f, [RowChange(a, 1, {"fatalities": 2, "location": "Qamishli"})], PLACES, TYPES, "Layla"
    )
    assert out.outcome == review.Outcome("success", "Saved 1 event(s).") and out.written
    ev = store_events.get_event(a)
    assert ev["fatalities"] == 2 and ev["admin1"] == "Al-Hasakeh" and ev["latitude"] == 37.05
    assert {r["analyst"] for r in history(a)} == {"Layla"}


def test_stale_row_becomes_a_conflict_resolved_per_field(db_url: str) -> None:
    rid, (a, _) = seed()
    f = frame(rid)
    store_events.update_event(a, {"fatalities": 5}, "Omar", expected_version=1)
    out = review.save_changes(
        f, [RowChange(a, 1, {"fatalities": 3, "notes": "mine"})], PLACES, TYPES, "Layla"
    )
    assert out.outcome.kind == "warning" and len(out.conflicts) == 1
    conflict = out.conflicts[0]
    assert conflict.theirs["fatalities"] == 5 and conflict.theirs["updated_by"] == "Omar"
    msg, resolved = review.resolve_conflict(conflict, {"fatalities": "theirs", "notes": "mine"}, "Layla")
    assert resolved and msg.kind == "success" and "notes" in msg.text
    ev = store_events.get_event(a)
    assert ev["fatalities"] == 5 and ev["notes"] == "mine"


def test_conflict_on_a_conflict_asks_again(db_url: str) -> None:
    rid, (a, _) = seed()
    conflict = review.Conflict(a, {"notes": "x"}, store_events.get_event(a))
    store_events.update_event(a, {"notes": "y"}, "Omar", expected_version=1)
    msg, resolved = review.resolve_conflict(conflict, {"notes": "mine"}, "Layla")
    assert not resolved and msg.kind == "warning" and conflict.theirs["notes"] == "y"


def test_undo_bulk_and_reject(db_url: str) -> None:
    rid, ids = seed()
    assert review.undo("Layla") == review.Outcome("info", "Nothing to undo.")
    out = review.bulk_apply(ids, "Set actor 1", "Unidentified Armed Group (Syria)", "Layla")
    assert out.kind == "success" and "2 event(s)" in out.text
    assert {store_events.get_event(i)["actor1"] for i in ids} == {"Unidentified Armed Group (Syria)"}
    assert review.undo("Layla").kind == "success"
    assert store_events.get_event(ids[0])["actor1"] == "Military Forces of Turkey (2016-)"
    assert review.bulk_apply(ids, "Set actor 1", None, "Layla").kind == "error"
    assert review.reject(ids[0], "Layla").kind == "success"
    assert store_events.get_event(ids[0])["status"] == "rejected"
    assert review.bulk_apply(ids, "Mark reviewed", None, "Layla").kind == "success"
    assert store_events.get_event(ids[1])["status"] == "reviewed"


def test_labels_and_spans_put_the_selected_event_on_top(db_url: str) -> None:
    rid, (a, b) = seed()
    labels = review.event_labels(frame(rid))
    assert labels[a].startswith(f"#{a} · Explosions/Remote violence · Tell Tamer · 2024-08-19")
    spans, order = review.report_spans(rid, b)
    assert order == [a, b] and order[spans[0].index - 1] == b


def test_hand_added_event_is_tied_to_a_sentence(db_url: str) -> None:
    rid, _ = seed()
    sentences = sentence_spans(TEXT)
    fields = review.hand_event_fields(
        event_type="Protests", sub_event_type="Peaceful protest", when=date(2024, 8, 19), fatalities=0,
        actor1="Protesters (Syria)", actor2=None, place="Qamishli", places=PLACES, body=TEXT,
        sentence=sentences[1][:2],
    )  # fmt: skip
    assert fields["evidence"]["text"] == "وخرجت مظاهرة في القامشلي." and fields["admin1"] == "Al-Hasakeh"
    out = review.add_hand_event(rid, fields, "Layla")
    assert out.kind == "success" and f"report #{rid}" in out.text
    assert review.add_hand_event(rid, {**fields, "sub_event_type": "Armed clash"}, "Layla").kind == "error"


def test_history_frame_is_text_to_the_minute(db_url: str) -> None:
    rid, (a, _) = seed()
    store_events.update_event(a, {"notes": "checked"}, "Layla", expected_version=1)
    df = review.history_frame(history(a))
    assert list(df.columns) == review.HISTORY_COLUMNS
    row = df[df["field"] == "notes"].iloc[-1]
    assert row["analyst"] == "Layla" and row["new"] == "checked" and row["old"] == ""
    assert len(row["at"]) == len("2024-08-19 10:00")
