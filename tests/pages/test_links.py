"""Review opened by a link (``?event=N``, the Map's "Open event N in Review"): that event is chosen, once."""

from __future__ import annotations

from store.events import query_events, set_status
from store.filters import EventFilter
from tests.pages.conftest import app_test
from tests.pages.sample_events import seed

REVIEW = "pages/review_events.py"


def open_review(**params: str):
    at = app_test()
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(REVIEW)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_linked_event_is_chosen_and_the_parameter_leaves_the_url(db_url: str) -> None:
    seed(12)
    ids = query_events(EventFilter())["id"].tolist()
    at = open_review(event=str(ids[-1]))
    assert at.selectbox(key="review_selected_event").value == ids[-1]
    assert "event" not in at.query_params
    at.selectbox(key="review_selected_event").set_value(ids[1])
    at.run()  # the link does not pull the choice back
    assert at.selectbox(key="review_selected_event").value == ids[1]


def test_a_linked_event_outside_the_filters_is_explained(db_url: str) -> None:
    seed(12)
    rejected = query_events(EventFilter())["id"].tolist()[0]
    set_status([rejected], "rejected", "Omar")
    at = open_review(event=str(rejected))
    assert any(f"Event {rejected} is not among" in i.value for i in at.info)


def test_a_link_that_names_no_event_says_so(db_url: str) -> None:
    seed(3)
    at = open_review(event="12abc")
    assert any("not an event number" in w.value for w in at.warning)
