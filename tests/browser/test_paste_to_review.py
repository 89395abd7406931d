"""Paste → Extract → Save → Review → edit a cell on the canvas → reload: the edit and its revision stay.

Also: a report carrying <script> and onerror= shows those characters and runs nothing.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, ROOT, assert_no_exception, wait_for_app
from ui.editor import editor_frame
from ui.place_candidates import with_also_possible
from ui.sources import with_source_counts

SEED = ROOT.parent / "shared" / "seed" / "report-qamishli-ar.txt"
# Test screenshots go with the other artifacts; docs/screenshots is made by tests/browser/make_screenshots.py.
SCREENSHOTS = ARTIFACTS
ANALYST = "Layla Test"


def seed_text() -> str:
    if SEED.exists():
        return SEED.read_text(encoding="utf-8")
    demos = sorted((ROOT / "data" / "demo").glob("*.txt"))
    if not demos:
        pytest.fail("no seed report (../shared/seed) and no demo report (data/demo)")
    return demos[0].read_text(encoding="utf-8")


def settle(page) -> None:
    page.wait_for_timeout(300)
    wait_for_app(page)


def set_analyst(page) -> None:
    box = page.get_by_label("Analyst")
    box.fill(ANALYST)
    box.press("Enter")
    settle(page)


def paste_and_extract(page, text: str, published: str = "2024-08-19") -> None:
    area = page.locator(".st-key-paste_text textarea")
    area.fill(text)
    area.press("Control+Enter")
    settle(page)
    # The date field is a react-aria segmented input: focus the year, type the digits, Tab.
    page.locator('.st-key-paste_published [data-type="year"]').click()
    page.keyboard.type(published.replace("-", ""))
    page.keyboard.press("Tab")
    if page.locator("#stFloatingOverlayPortal [aria-label='Previous month']").count():
        page.keyboard.press("Escape")
    settle(page)
    page.get_by_role("button", name="Extract", exact=True).click()
    settle(page)
    page.wait_for_selector("div.rasd-report", timeout=30_000)


def test_paste_extract_save_edit_reload(app, page, monkeypatch):
    page.goto(app.url)
    wait_for_app(page)
    set_analyst(page)
    paste_and_extract(page, seed_text())
    assert_no_exception(page)

    report = page.locator("div.rasd-report")
    assert report.get_attribute("dir") == "rtl"
    marks = page.locator("div.rasd-report mark.rasd-ev")
    assert marks.count() >= 1
    assert page.locator("div.rasd-report sup.rasd-badge").count() >= 1
    assert page.locator("div.rasd-report .rasd-place").count() >= 1
    page.locator('[data-testid="stDataFrame"] table').first.wait_for(state="attached", timeout=30_000)
    page.mouse.move(700, 140)  # over the title: the text area would scroll itself
    page.mouse.wheel(0, 330)  # the date and Extract button at the top, the result below
    page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "paste.png"))

    page.get_by_role("button", name=re.compile(r"^Save report and \d+ event")).click()
    # st.switch_page changes the URL with the history API (no page load).
    page.wait_for_function("() => location.pathname.includes('review_events')", timeout=30_000)
    settle(page)
    assert_no_exception(page)
    assert "report=" in page.url
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=30_000)

    # Which event is in the first row, and its fatalities before the edit (read from the database).
    monkeypatch.setenv("RASD_DATABASE_URL", app.db_url)
    from store import events as store_events
    from store import reports as store_reports
    from store.filters import EventFilter
    from store.revisions import history

    text = seed_text()
    report_id = store_reports.find_duplicate(text)
    first = store_events.query_events(EventFilter(report_id=report_id))
    event_id = int(first.iloc[0]["id"])
    new_value = int(first.iloc[0]["fatalities"]) + 7

    # The editor is a canvas: click the first row's first cell, walk to "fatalities", Enter opens the
    # cell editor, type the value, Enter commits.
    columns = list(
        editor_frame(with_also_possible(with_source_counts(first))).columns
    )  # as Review shows them
    page.wait_for_timeout(1000)
    grid.scroll_into_view_if_needed()  # the page keeps the Paste page's scroll position
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 25, box["y"] + 35 + 17)
    page.wait_for_timeout(300)
    for _ in range(columns.index("fatalities")):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)  # the cell editor opens as an overlay
    page.keyboard.press("Control+a")
    page.keyboard.type(str(new_value))
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    page.wait_for_timeout(1000)
    settle(page)
    cell = f'[data-testid="stDataFrame"] [data-testid="glide-cell-{columns.index("fatalities")}-0"]'
    assert page.locator(cell).first.inner_text() == str(new_value)
    page.get_by_role("button", name=re.compile(r"^Save changes \(1\)")).click()
    settle(page)
    assert_no_exception(page)
    expect(page.get_by_text("Saved 1 event").first).to_be_visible(timeout=30_000)  # the run after the save

    assert store_events.get_event(event_id)["fatalities"] == new_value
    revs = [r for r in history(event_id) if r["field"] == "fatalities"]
    assert revs[-1]["new"] == new_value and revs[-1]["analyst"] == ANALYST
    page.screenshot(path=str(SCREENSHOTS / "review.png"))

    # A reload is a new session: the URL keeps the filter, the browser's cookie the name; the database the edit.
    page.reload()
    wait_for_app(page)
    settle(page)
    assert_no_exception(page)
    expect(page.get_by_label("Analyst")).to_have_value(ANALYST)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert f"History of event #{event_id}" in body
    # The grids draw on canvas; their accessible tables carry the cell text.
    assert page.locator(cell).first.inner_text() == str(new_value)
    history_text = page.locator('[data-testid="stDataFrame"] table').nth(1).inner_text()
    assert ANALYST in history_text and "fatalities" in history_text and str(new_value) in history_text


def test_script_in_a_report_runs_nothing(app, page):
    page.goto(app.url)
    wait_for_app(page)
    payload = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
    paste_and_extract(page, f"قصفت القوات التركية قرية في ريف القامشلي صباح اليوم. {payload}")
    assert_no_exception(page)
    page.wait_for_timeout(500)
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    shown = page.locator("div.rasd-report").inner_text()
    assert "<script>window.__xss=1</script>" in shown and 'onerror="window.__xss=2"' in shown
    assert page.locator("div.rasd-report img, div.rasd-report script").count() == 0
    assert not page.js_errors


def test_upload_several_files_each_becomes_a_report(app, page, tmp_path, monkeypatch):
    import docx

    txt = tmp_path / "amuda.txt"
    txt.write_text(
        "عامودا - قصفت طائرة مسيرة تركية سيارة في مدينة عامودا مساء الأحد ما أدى لمقتل شخصين.", "utf-8"
    )
    word = tmp_path / "raqqa.docx"
    document = docx.Document()
    document.add_paragraph("اعتقلت قوات سوريا الديمقراطية خمسة شبان في مدينة الرقة صباح اليوم.")
    document.save(word)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf at all")

    page.goto(app.url)
    wait_for_app(page)
    set_analyst(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(txt), str(word), str(bad)]
    )
    settle(page)
    page.get_by_role("button", name="Extract and save 3 file(s)").click()
    settle(page)
    assert_no_exception(page)
    results = page.locator('[data-testid="stDataFrame"] table').last
    results.wait_for(state="attached", timeout=30_000)
    shown = results.inner_text()
    assert "amuda.txt" in shown and "raqqa.docx" in shown and "saved" in shown
    assert "broken.pdf: not a PDF file" in shown

    monkeypatch.setenv("RASD_DATABASE_URL", app.db_url)
    from store import reports as store_reports

    for body in (
        txt.read_text("utf-8"),
        "اعتقلت قوات سوريا الديمقراطية خمسة شبان في مدينة الرقة صباح اليوم.",
    ):
        assert store_reports.find_duplicate(body) is not None
