"""store.events: versioned updates, stale versions refused, revisions, reject, bulk actions, undo."""

from __future__ import annotations

from datetime import date

import pytest

from store.errors import NotFound, StaleVersion, ValidationError
from store.events import add_event, bulk_update, get_event, set_status, undo_last_save, update_event
from store.reports import add_report
from store.revisions import history
from tests.store.conftest import sample_event, unique_text


def _new_event(**over) -> int:
    return add_report(unique_text(), "2024-03-02", events=[sample_event(**over)], analyst="ingest").event_ids[
        0
    ]


def test_update_writes_only_changed_fields(db_url: str) -> None:
    eid = _new_event()
    new = update_event(
        eid, {"fatalities": 3, "actor1": "SDF: Syrian Democratic Forces", "notes": "Updated."}, "amal", 1
    )
    assert new["version"] == 2 and new["fatalities"] == 3 and new["updated_by"] == "amal"
    assert get_event(eid) | {"updated_at": None} == new | {"updated_at": None}
    revs = history(eid)
    assert [(r["field"], r["old"], r["new"], r["analyst"]) for r in revs] == [
        ("fatalities", 2, 3, "amal"),
        ("notes", "Clashes between the SDF and ISIS in Qamishli.", "Updated.", "amal"),
    ]
    assert {r["version"] for r in revs} == {2}


def test_update_with_no_real_change_keeps_version(db_url: str) -> None:
    eid = _new_event()
    same = update_event(eid, {"fatalities": "2", "event_date": "2024-03-01", "latitude": 37.0522}, "amal", 1)
    assert same["version"] == 1
    assert history(eid) == []


def test_stale_version_refused_and_nothing_changes(db_url: str) -> None:
    eid = _new_event()
    update_event(eid, {"fatalities": 5}, "amal", 1)
    before = get_event(eid)
    with pytest.raises(StaleVersion) as info:
        update_event(eid, {"fatalities": 9, "notes": "mine"}, "badr", 1)
    assert info.value.current["fatalities"] == 5 and info.value.current["version"] == 2
    assert "amal" in str(info.value)
    assert get_event(eid) == before
    assert len(history(eid)) == 1


def test_validation_messages(db_url: str) -> None:
    eid = _new_event()
    bad = [
        ({"sub_event_type": "Peaceful protest"}, "sub_event_type"),
        ({"event_type": "Skirmish"}, "event_type"),
        ({"geo_precision": 4}, "geo_precision"),
        ({"time_precision": 0}, "time_precision"),
        ({"fatalities": -1}, "fatalities"),
        ({"fatalities": "many"}, "fatalities"),
        ({"status": "deleted"}, "status"),
        ({"event_date": "01/03/2024"}, "event_date"),
        ({"latitude": 123}, "latitude"),
        ({"event_type": ""}, "event_type is required"),
        ({"version": 7}, "version"),
    ]
    for changes, word in bad:
        with pytest.raises(ValidationError, match=word):
            update_event(eid, changes, "amal", 1)
    assert get_event(eid)["version"] == 1


def test_changing_type_and_subtype_together_derives_disorder(db_url: str) -> None:
    eid = _new_event()
    new = update_event(eid, {"event_type": "Protests", "sub_event_type": "Peaceful protest"}, "amal", 1)
    assert new["disorder_type"] == "Demonstrations"
    assert {r["field"] for r in history(eid)} == {"event_type", "sub_event_type", "disorder_type"}


def test_reject_keeps_the_row(db_url: str) -> None:
    eid = _new_event()
    assert set_status([eid], "rejected", "amal") == 1
    ev = get_event(eid)
    assert ev["status"] == "rejected" and ev["version"] == 2
    assert history(eid)[-1]["new"] == "rejected"


def test_bulk_update_one_save_and_undo(db_url: str) -> None:
    ids = [_new_event(), _new_event(), _new_event()]
    assert bulk_update(ids, {"actor2": "Turkish Armed Forces"}, "bulk-analyst") == 3
    assert all(get_event(i)["actor2"] == "Turkish Armed Forces" for i in ids)
    assert undo_last_save("bulk-analyst") == 3
    assert all(get_event(i)["actor2"] == "Islamic State (Syria)" for i in ids)
    with pytest.raises(NotFound):
        bulk_update([ids[0], 10**9], {"fatalities": 1}, "bulk-analyst")
    assert get_event(ids[0])["fatalities"] == 2


def test_undo_restores_as_new_revisions(db_url: str) -> None:
    eid = _new_event()
    update_event(eid, {"fatalities": 4}, "undoer", 1)
    update_event(eid, {"notes": "second save", "location": "Amuda"}, "undoer", 2)
    assert undo_last_save("undoer") == 2
    ev = get_event(eid)
    assert ev["notes"] == "Clashes between the SDF and ISIS in Qamishli." and ev["location"] == "Qamishli"
    assert ev["fatalities"] == 4 and ev["version"] == 4
    assert undo_last_save("undoer") == 1  # the save before
    assert get_event(eid)["fatalities"] == 2
    assert undo_last_save("undoer") == 0  # nothing left to undo
    revs = history(eid)
    assert len(revs) == 6  # nothing was deleted: 3 changes, 3 restorations
    assert [r["undo"] for r in revs] == [False, False, False, True, True, True]


def test_undo_refused_when_someone_saved_since(db_url: str) -> None:
    eid = _new_event()
    update_event(eid, {"fatalities": 4}, "slow", 1)
    update_event(eid, {"notes": "fast"}, "fast", 2)
    with pytest.raises(StaleVersion, match="undo refused"):
        undo_last_save("slow")
    ev = get_event(eid)
    assert ev["fatalities"] == 4 and ev["notes"] == "fast" and ev["version"] == 3


def test_add_event_by_hand_records_creation(db_url: str) -> None:
    rep = add_report(unique_text(), "2024-03-02").report_id
    fields = {
        "event_date": date(2024, 3, 2),
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters (Syria)",
        "location": "Amuda",
        "evidence_start": 4,
        "evidence_end": 10,
        "evidence_text": "مظاهرة",
    }
    eid = add_event(rep, fields, "hand")
    ev = get_event(eid)
    assert ev["report_id"] == rep and ev["created_by"] == "hand" and ev["fatalities"] == 0
    revs = history(eid)
    assert {r["field"] for r in revs} >= {"event_date", "event_type", "location", "evidence_text"}
    assert all(r["old"] is None for r in revs)
    assert undo_last_save("hand") == 1
    assert get_event(eid)["status"] == "rejected"
    with pytest.raises(NotFound):
        add_event(10**9, fields, "hand")
    assert add_event(None, fields, "hand") > eid  # demo/hand-added events need no report


def test_get_event_unknown_id(db_url: str) -> None:
    with pytest.raises(NotFound, match="no event"):
        get_event(10**9)
