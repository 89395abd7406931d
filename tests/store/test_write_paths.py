"""Every public write of the store moves the change marker, and every read leaves it: the caches of every app
server are keyed by it, so a write that skipped ``db.write()`` would stay invisible to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store import db, demo, events, places, reports, revisions
from store.filters import EventFilter
from tests.store.conftest import sample_event, unique_text

PLACE = {"name_en": "Tell Halaf", "name_ar": "تل حلف", "kind": "village", "lat": 36.826, "lon": 40.04}


def moves(fn: Callable[[], Any]) -> bool:
    before = db.data_version()
    fn()
    return db.data_version() > before


def test_each_write_moves_the_marker(db_url: str) -> None:
    added: dict[str, Any] = {}

    def add_report() -> None:
        added["report"] = reports.add_report(
            unique_text(), "2024-03-02", events=[sample_event()], analyst="a"
        )

    assert moves(add_report)
    eid = added["report"].event_ids[0]
    assert moves(lambda: events.update_event(eid, {"fatalities": 5}, "a", expected_version=1))
    assert moves(lambda: events.bulk_update([eid], {"actor2": "Civilians (Syria)"}, "b"))
    assert moves(lambda: events.set_status([eid], "reviewed", "b"))
    assert moves(lambda: events.undo_last_save("b"))
    assert moves(lambda: events.add_event(added["report"].report_id, sample_event(), "a"))
    assert moves(lambda: added.update(place=places.add_place(PLACE, "a")))
    assert moves(lambda: places.add_alias_candidate(added["place"], "تل حلف الغربي", "a"))
    assert moves(lambda: demo.make_demo(3))


def test_reads_leave_the_marker(db_url: str) -> None:
    report = reports.add_report(unique_text(), "2024-03-02", events=[sample_event()], analyst="a")
    eid, flt = report.event_ids[0], EventFilter()
    for read in (
        lambda: events.query_events(flt),
        lambda: events.map_points(flt),
        lambda: events.timeline_counts(flt, "W"),
        lambda: events.summary(flt),
        lambda: events.get_event(eid),
        lambda: revisions.history(eid),
        lambda: reports.find_duplicate("x"),
        lambda: reports.get_report(report.report_id),
        lambda: reports.list_sources(),
        lambda: places.list_places(include_meta=True),
    ):
        assert not moves(read)
