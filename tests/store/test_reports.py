"""store.reports: a report is stored once with its events; the same text again adds nothing."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.event import Event
from store.errors import ValidationError
from store.events import get_event, query_events
from store.filters import EventFilter
from store.reports import add_report, find_duplicate, get_report, list_reports, list_sources
from tests.store.conftest import sample_event, unique_text


def test_add_report_stores_report_and_events(db_url: str) -> None:
    text = unique_text()
    res = add_report(
        text,
        "2024-03-02",
        source="North Press",
        url="https://npasyria.com/x",
        events=[sample_event(), Event.from_dict(sample_event(fatalities=0))],
        analyst="amal",
    )
    assert not res.duplicate and len(res.event_ids) == 2
    rep = get_report(res.report_id)
    assert rep["text"] == text and rep["published"] == date(2024, 3, 2)
    assert rep["source"] == "North Press" and rep["ingested_by"] == "amal" and rep["language"] == "ar"
    ev = get_event(res.event_ids[0])
    assert ev["report_id"] == res.report_id and ev["status"] == "extracted" and ev["version"] == 1
    assert (ev["evidence_start"], ev["evidence_end"], ev["evidence_text"]) == (0, 9, "اشتباكات")
    assert ev["disorder_type"] == "Political violence"  # derived from the sub-type
    assert ev["source"] == "North Press"  # the report's outlet when the extractor gave none
    df = query_events(EventFilter(report_id=res.report_id))
    assert sorted(df["id"]) == sorted(res.event_ids)


def test_duplicate_refused_even_with_other_diacritics(db_url: str) -> None:
    text = unique_text("قُتِلَ مدنيان في الحسكة")
    first = add_report(text, "2024-03-02", events=[sample_event()])
    same = text.replace("قُتِلَ", "قتل").replace(" في ", "  في ")  # folded text is the same
    second = add_report(same, "2024-03-02", events=[sample_event(), sample_event()])
    assert second.duplicate and second.report_id == first.report_id and second.event_ids == []
    assert find_duplicate(same) == first.report_id
    assert len(query_events(EventFilter(report_id=first.report_id))) == 1


def test_find_duplicate_none_for_new_text(db_url: str) -> None:
    assert find_duplicate(unique_text()) is None


def test_bad_event_refuses_whole_report(db_url: str) -> None:
    text = unique_text()
    with pytest.raises(ValidationError, match="sub_event_type"):
        add_report(text, "2024-03-02", events=[sample_event(sub_event_type="Peaceful protest")])
    assert find_duplicate(text) is None


def test_empty_report_refused(db_url: str) -> None:
    with pytest.raises(ValidationError, match="empty"):
        add_report("   ", "2024-03-02")


def test_sources_most_used_first_and_list_reports(db_url: str) -> None:
    for _ in range(3):
        add_report(unique_text(), "2024-01-01", source="Enab Baladi")
    add_report(unique_text(), "2024-01-01", source="Hawar")
    sources = list_sources()
    assert sources.index("Enab Baladi") < sources.index("Hawar")
    df = list_reports()
    assert {"id", "source", "published", "events"} <= set(df.columns)
    assert "text" not in df.columns
    assert len(df) >= 4


def test_event_without_place_or_actor_is_kept_for_review(db_url: str) -> None:
    ev = sample_event(location=None, location_ar=None, latitude=None, longitude=None, admin1=None, actor1="")
    res = add_report(unique_text(), "2024-03-02", events=[ev])
    stored = get_event(res.event_ids[0])
    assert stored["location"] is None and stored["actor1"] is None and stored["latitude"] is None
