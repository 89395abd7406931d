"""store.revisions.history: oldest first, decoded values, the analyst and time of each change."""

from __future__ import annotations

from datetime import datetime

from store.events import update_event
from store.reports import add_report
from store.revisions import history
from tests.store.conftest import sample_event, unique_text


def test_history_oldest_first_with_typed_values(db_url: str) -> None:
    eid = add_report(unique_text(), "2024-03-02", events=[sample_event()]).event_ids[0]
    assert history(eid) == []
    update_event(eid, {"event_date": "2024-02-28", "background": "true"}, "first", 1)
    update_event(eid, {"latitude": 36.5, "fatalities": 0}, "second", 2)
    revs = history(eid)
    assert [(r["field"], r["old"], r["new"], r["analyst"]) for r in revs] == [
        ("event_date", "2024-03-01", "2024-02-28", "first"),
        ("background", False, True, "first"),
        ("latitude", 37.0522, 36.5, "second"),
        ("fatalities", 2, 0, "second"),
    ]
    assert all(datetime.fromisoformat(r["at"]).tzinfo is not None for r in revs)
    assert revs[0]["save_id"] == revs[1]["save_id"] != revs[2]["save_id"]
