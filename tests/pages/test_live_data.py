"""Every session sees what the database holds now: a write made outside a session shows at its next run.

Two AppTest instances are two sessions of one server process: they share its ``st.cache_data`` entries, as
browser tabs do. The writes go through the store's API, as the CLI or another app server would make them.
"""

from __future__ import annotations

import pytest

from store.events import query_events, update_event
from store.filters import EventFilter
from tests.pages.conftest import app_test, open_page
from tests.pages.sample_events import seed

REVIEW = "pages/review_events.py"
MAP = "pages/map_view.py"
TIMELINE = "pages/timeline_view.py"
BRIEFING = "pages/briefing.py"

pytestmark = pytest.mark.usefixtures("offline_tiles")


def _captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def _no_events(at) -> bool:
    """The page says it has nothing to show (other notes, such as the selected event's trace, may be there)."""
    return any("No events" in i.value for i in at.info)


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_events_stored_elsewhere_show_in_new_and_open_sessions(db_url: str) -> None:
    review = open_page(app_test(), REVIEW)
    mapped = open_page(app_test(), MAP)
    timeline = open_page(app_test(), TIMELINE)
    assert any("No events match" in i.value for i in review.info)
    assert "0 events with coordinates" in _captions(mapped)
    assert any("No events" in i.value for i in timeline.info)

    seed(30)  # 27 current events, 3 background

    fresh = open_page(app_test(), REVIEW)  # a new tab
    assert not _no_events(fresh) and "27 event(s)" in _captions(fresh)
    review.run()  # the open tab's next rerun
    assert not _no_events(review) and "27 event(s)" in _captions(review)
    mapped.run()
    assert "27 events with coordinates" in _captions(mapped)
    timeline.run()
    assert not timeline.info and len(timeline.get("plotly_chart")) == 2


def test_an_edit_elsewhere_moves_the_briefing_figures(db_url: str) -> None:
    seed(30)
    briefing = open_page(app_test(), BRIEFING)
    before = int(_metric(briefing, "Fatalities"))
    current = query_events(EventFilter(include_background=False))
    row = current.iloc[0]
    update_event(int(row["id"]), {"fatalities": int(row["fatalities"]) + 7}, "Omar", int(row["version"]))

    briefing.run()
    assert int(_metric(briefing, "Fatalities")) == before + 7
    assert int(_metric(open_page(app_test(), BRIEFING), "Fatalities")) == before + 7
