"""Review page (AppTest): an event's sources, split off and merged back, with undo."""

from __future__ import annotations

from store import events as store_events
from store import reports as store_reports
from store.filters import EventFilter
from tests.pages.conftest import app_test
from tests.ui.test_sources import TEXT_NP, TEXT_SOHR, strike

REVIEW = "pages/review_events.py"


def open_review(report_id: int | None = None):
    at = app_test()
    if report_id:
        at.query_params["report"] = str(report_id)
    at.run()
    at.switch_page(REVIEW)
    at.run()
    assert not at.exception, at.exception
    return at


def click(at, label: str) -> None:
    [button] = [b for b in at.button if b.label == label]
    button.click()
    at.run()
    assert not at.exception, at.exception


def test_sources_shown_split_and_merged(db_url) -> None:
    a = store_reports.add_report(TEXT_NP, "2024-08-18", source="North Press", events=[strike(TEXT_NP, 2)],
                                 analyst="seed", corroborate=True)  # fmt: skip
    b = store_reports.add_report(TEXT_SOHR, "2024-08-18", source="SOHR", events=[strike(TEXT_SOHR, 3)],
                                 analyst="seed", corroborate=True)  # fmt: skip
    [eid] = a.event_ids
    at = open_review(b.report_id)  # the second report's view shows the event it corroborated
    assert f"Sources of event #{eid}: 2 report(s)" in [s.value for s in at.subheader]
    shown = at.dataframe[0].value.set_index("id")  # the editor
    assert shown.loc[eid, "sources"] == 2 and shown.loc[eid, "source"] == "North Press; SOHR"
    titles = [m.value for m in at.markdown if m.value.startswith("**Source ")]
    assert len(titles) == 2 and "SOHR" in titles[1]

    [split_second] = [x for x in at.button if x.key and x.key.endswith(str(_source_ids(eid)[1]))]
    split_second.click()
    at.run()
    assert not at.exception, at.exception
    assert [m.value for m in at.success][0].startswith("The source is now event #")
    ids = set(store_events.query_events(EventFilter())["id"])
    assert len(ids) == 2 and store_events.get_event(eid)["source"] == "North Press"

    click(at, "Undo my last save")
    assert set(store_events.query_events(EventFilter())["id"]) == {eid}
    assert store_events.get_event(eid)["source"] == "North Press; SOHR"


def _source_ids(event_id: int) -> list[int]:
    from store.sources import list_sources

    return [int(s["id"]) for s in list_sources(event_id)]


def test_merge_by_hand(db_url) -> None:
    a = store_reports.add_report(TEXT_NP, "2024-08-18", source="North Press", events=[strike(TEXT_NP, 2)],
                                 analyst="seed")  # fmt: skip
    b = store_reports.add_report(TEXT_SOHR, "2024-08-18", source="SOHR", events=[strike(TEXT_SOHR, 3)],
                                 analyst="seed")  # fmt: skip
    first, second = a.event_ids[0], b.event_ids[0]
    at = open_review()
    at.selectbox(key="review_selected_event").set_value(first).run()
    at.selectbox(key="review_merge_other").set_value(second).run()
    click(at, "Merge")
    assert [m.value for m in at.success][0] == (
        f"Event #{second} merged into event #{first} (Undo my last save parts them again)."
    )
    assert set(store_events.query_events(EventFilter())["id"]) == {first}
    assert store_events.get_event(first)["fatalities"] == 2  # the conservative figure
