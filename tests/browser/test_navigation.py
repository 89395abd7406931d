"""Every page, opened first by a bookmarked link on a fresh server, runs inside the app's navigation."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_no_exception, wait_for_app

PAGES = ["paste_report", "review_events", "map_view", "timeline_view", "briefing", "places"]


@pytest.mark.parametrize("first", ["map_view"])
def test_deep_link_on_a_fresh_server_gets_the_sidebar(app, page, first: str) -> None:
    page.goto(f"{app.url}/{first}?analyst=Nour")
    wait_for_app(page)
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.wait_for(timeout=30_000)
    page.get_by_text("Database: SQLite").wait_for(timeout=30_000)
    assert "Paste report" in nav.inner_text()
    assert "app" not in nav.inner_text().split()
    assert page.url.split("?")[0].endswith("/" + first)


def test_every_page_loads_without_an_exception(app, page) -> None:
    for name in PAGES:
        page.goto(f"{app.url}/{name}?analyst=Nour")
        wait_for_app(page)
        page.wait_for_timeout(1500)
        assert_no_exception(page)
        assert not page.js_errors, page.js_errors
