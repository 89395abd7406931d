"""Two outlets' reports of one strike pasted one after the other: Review shows one event with two sources."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, assert_no_exception
from tests.browser.test_paste_to_review import paste_and_extract, set_analyst, settle, wait_for_app

NORTH_PRESS = (
    "قصفت طائرة مسيّرة تركية، مساء أمس الأحد، سيارة عسكرية لقوات سوريا الديمقراطية قرب مدينة عامودا، "
    "ما أدى إلى مقتل عنصرين."
)
SOHR = "قُتل ثلاثة عناصر من «قسد» إثر استهداف طائرة مسيرة تركية سيارتهم قرب عامودا مساء أمس."


def choose_outlet(page, outlet: str) -> None:
    box = page.locator(".st-key-paste_source input")
    box.click()
    box.fill(outlet)
    page.keyboard.press("Enter")
    settle(page)


def paste_and_save(page, app_url: str, text: str, outlet: str) -> None:
    page.goto(app_url)
    wait_for_app(page)
    set_analyst(page)
    choose_outlet(page, outlet)
    paste_and_extract(page, text, published="2024-03-11")
    assert_no_exception(page)
    page.get_by_role("button", name=re.compile(r"^Save report and \d+ event")).click()
    page.wait_for_function("() => location.pathname.includes('review_events')", timeout=30_000)
    settle(page)
    assert_no_exception(page)


def test_two_reports_of_one_strike_are_one_event_with_two_sources(app, page, monkeypatch):
    paste_and_save(page, app.url, NORTH_PRESS, "North Press")
    paste_and_save(page, app.url, SOHR, "المرصد السوري لحقوق الإنسان")
    main = page.locator('[data-testid="stMain"]')
    told = page.get_by_text(re.compile(r"0 new event\(s\); 1 told of event\(s\) already stored"))
    expect(told).to_have_count(1, timeout=30_000)

    monkeypatch.setenv("RASD_DATABASE_URL", app.db_url)
    from store import events as store_events
    from store.filters import EventFilter

    events = store_events.query_events(EventFilter())
    assert len(events) == 1
    event_id = int(events.iloc[0]["id"])
    assert events.iloc[0]["source"] == "North Press; SOHR"

    heading = page.get_by_role("heading", name=f"Sources of event #{event_id}: 2 report(s)")
    expect(heading).to_have_count(1, timeout=30_000)
    heading.scroll_into_view_if_needed()
    cards = main.locator('[class*="st-key-review_source_"]')
    expect(cards).to_have_count(2, timeout=30_000)
    assert "North Press" in cards.nth(0).inner_text() and "SOHR" in cards.nth(1).inner_text()
    for k in range(2):  # each report with its own evidence marked
        expect(cards.nth(k).locator("div.rasd-report mark.rasd-ev").first).to_be_visible(timeout=30_000)
    assert "قرب مدينة عامودا" in cards.nth(0).locator("div.rasd-report").inner_text()
    assert "قُتل ثلاثة عناصر" in cards.nth(1).locator("div.rasd-report").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sources.png"), full_page=True)
    assert not page.js_errors
