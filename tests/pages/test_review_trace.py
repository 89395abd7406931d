"""Review page (AppTest): the selected event shows the extractor's rule trace."""

from __future__ import annotations

from extraction import extract
from store import reports as store_reports
from tests.pages.conftest import app_test

REVIEW = "pages/review_events.py"
TEXT = "قصفت القوات التركية قرية تل براك صباح اليوم. وقال ناشطون إن القصف أصاب منزلاً."


def test_the_selected_event_shows_why_the_extractor_made_it(db_url) -> None:
    events = [e.to_dict() for e in extract(TEXT, "2024-05-15", "Test")]
    added = store_reports.add_report(TEXT, "2024-05-15", source="Test", events=events, analyst="seed")
    at = app_test()
    at.query_params["report"] = str(added.report_id)
    at.run()
    at.switch_page(REVIEW)
    at.run()
    assert not at.exception, at.exception
    assert any(e.label.startswith("Why the extractor made this event") for e in at.expander)
    html = " ".join(str(getattr(el, "proto", "")) for el in at.get("html"))
    assert "the_agent_nearest_the_act" in html and "Tell Brak" in html
    assert any("The extractor's event for this evidence" in c.value for c in at.caption)
