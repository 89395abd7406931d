"""A report naming a village two governorates share: Review says so, and one click moves the event (undo back)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, assert_no_exception
from tests.browser.test_paste_to_review import settle
from tests.browser.test_sources import paste_and_save

TEXT = "قصف مدفعي لقوات النظام على قرية جروان، ما أدى إلى أضرار مادية."
JARWAN_DEIR = "wof-1326751581"


def test_review_names_both_candidates_and_moves_the_event_in_one_click(app, page, monkeypatch):
    paste_and_save(page, app.url, TEXT, "Enab Baladi")  # an outlet with no area of its own
    main = page.locator('[data-testid="stMain"]')
    warning = main.get_by_text(
        re.compile(
            r"Place ambiguous: «جروان» is placed at Jarwan \(Al-Hasakah\); .* fits Jarwan \(Deir ez-Zor\) as well\."
        )
    )
    expect(warning).to_have_count(1, timeout=30_000)
    move = page.get_by_role("button", name="Move to Jarwan (Deir ez-Zor)")
    move.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "ambiguous_place.png"), full_page=True)
    move.click()
    settle(page)
    assert_no_exception(page)
    expect(main.get_by_text(re.compile(r"^Event \d+ moved to Jarwan\.$"))).to_have_count(1, timeout=30_000)
    expect(page.get_by_role("button", name="Move to Jarwan (Al-Hasakah)")).to_have_count(1, timeout=30_000)

    monkeypatch.setenv("RASD_DATABASE_URL", app.db_url)
    from store import events as store_events
    from store.filters import EventFilter

    [event_id] = [int(i) for i in store_events.query_events(EventFilter())["id"]]
    moved = store_events.get_event(event_id)
    assert moved["place_id"] == JARWAN_DEIR and "also Jarwan (Al-Hasakah)" in moved["notes"]
    page.get_by_role("button", name="Undo my last save").click()
    settle(page)
    expect(page.get_by_role("button", name="Move to Jarwan (Deir ez-Zor)")).to_have_count(1, timeout=30_000)
    assert store_events.get_event(event_id)["place_id"] != JARWAN_DEIR
    assert not page.js_errors
