"""The analyst's name stays in the browser that typed it: reloads, new tabs and in-app links keep it; a link
opened in another browser does not carry it, while the shared filters in the URL do.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_exception, open_popup, wait_for_app
from ui.analyst import clean_name

FOLIUM = 'iframe[title="streamlit_folium.st_folium"]'
# A name is data: quotes, markup, a cookie attribute and Arabic must come back exactly and run nothing.
NAME = 'Nour "</script><script>window.__pwned=1</script>"; path=/x; نور'


def new_page(browser):
    page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.js_errors = errors  # type: ignore[attr-defined]
    return page


def settle(page) -> None:
    page.wait_for_timeout(300)
    wait_for_app(page, 60_000)
    assert_no_exception(page)


def analyst_box(page):
    return page.get_by_label("Analyst")


def type_name(page, name: str) -> None:
    """Type the name and wait until the browser holds it (a reload in the same instant could beat it)."""
    analyst_box(page).fill(name)
    analyst_box(page).press("Enter")
    settle(page)
    page.wait_for_function(
        """(name) => { const m = document.cookie.match(/(?:^|; )rasd_analyst=([^;]*)/);
                       return (m ? decodeURIComponent(m[1]) : '') === name; }""",
        arg=clean_name(name),
        timeout=10_000,
    )


def test_the_name_survives_a_reload_and_a_new_tab_but_not_another_browser(seeded, browser) -> None:
    first = new_page(browser)
    other = new_page(browser)
    try:
        first.goto(f"{seeded.url}/review_events?type=Protests")
        settle(first)
        type_name(first, NAME)
        shared = first.url
        assert "type=Protests" in shared and "Nour" not in shared and "analyst" not in shared

        first.reload()
        settle(first)
        expect(analyst_box(first)).to_have_value(clean_name(NAME))
        expect(first.locator('[data-testid="stMain"]')).to_contain_text("6 event(s)")  # the URL's filter
        tab = first.context.new_page()
        tab.goto(shared)
        settle(tab)
        expect(analyst_box(tab)).to_have_value(clean_name(NAME))
        assert first.evaluate("() => window.__pwned") is None
        assert not first.js_errors

        other.goto(shared)  # the link sent to a colleague
        settle(other)
        expect(other.locator('[data-testid="stMain"]')).to_contain_text("6 event(s)")
        expect(analyst_box(other)).to_have_value("")
        # An old link that still names its sender signs nobody in, and loses that parameter.
        other.goto(f"{seeded.url}/review_events?type=Protests&analyst=Sender")
        settle(other)
        expect(analyst_box(other)).to_have_value("")
        assert "Sender" not in other.url and "type=Protests" in other.url
    finally:
        first.context.close()
        other.context.close()


def test_emptying_the_box_forgets_the_name(seeded, browser) -> None:
    page = new_page(browser)
    try:
        page.goto(seeded.url)
        settle(page)
        type_name(page, "Layla")
        page.reload()
        settle(page)
        expect(analyst_box(page)).to_have_value("Layla")
        type_name(page, "")
        page.reload()
        settle(page)
        expect(analyst_box(page)).to_have_value("")
    finally:
        page.context.close()


def test_the_map_popup_link_opens_the_event_in_review_with_the_name_and_filters(seeded, browser) -> None:
    page = new_page(browser)
    try:
        page.goto(f"{seeded.url}/map_view?type=Battles")
        settle(page)
        type_name(page, "Layla")
        frame = page.frame_locator(FOLIUM)
        frame.locator(".rasd-cluster").first.wait_for(timeout=30_000)
        open_popup(frame, 6)
        with page.context.expect_page() as opened:
            frame.get_by_role("link", name="Open event 6 in Review").click()
        review = opened.value
        review.wait_for_load_state()
        settle(review)
        expect(analyst_box(review)).to_have_value("Layla")
        expect(review.get_by_role("combobox", name="Event", exact=True)).to_have_value(
            re.compile(r"^#6 · Battles")
        )
        expect(review.locator('[data-testid="stMain"]')).to_contain_text("6 event(s)")  # the map's filter
        assert "type=Battles" in review.url
        assert "event=" not in review.url  # taken once: a reload shows Review as the analyst left it
    finally:
        page.context.close()
