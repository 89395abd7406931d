"""Two browsers and the CLI on one database: a write anywhere shows in every tab at its next run.

Analyst A opens Review, Map and Briefing on an empty database; the CLI stores a report; analyst B (another
browser context) and A after a reload see its events. A CLI edit of fatalities then moves the Briefing's
figure after a reload. While the caches were keyed by a counter in session state, every one of these
pages kept showing the answer cached before the write.
"""

from __future__ import annotations

import json
import subprocess
import sys

from playwright.sync_api import expect

from tests.browser.conftest import ROOT, assert_no_exception, wait_for_app

REPORT = ROOT / "data" / "demo" / "02-arrests-raqqa.txt"


def cli(app, *args: str) -> dict:
    """``python -m store ARGS`` against the app's database, as an analyst at a terminal would run it."""
    proc = subprocess.run(
        [sys.executable, "-m", "store", *args],
        cwd=ROOT,
        env=app.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def visit(page, app, path: str) -> None:
    page.goto(f"{app.url}/{path}")
    wait_for_app(page, 60_000)
    assert_no_exception(page)


def expect_metric(page, label: str, value: int) -> None:
    label_box = page.locator('[data-testid="stMetricLabel"]').get_by_text(label, exact=True)
    box = page.locator('[data-testid="stMetric"]').filter(has=label_box)  # not "Single-source events"
    expect(box.locator('[data-testid="stMetricValue"]')).to_have_text(f"{value:,}", timeout=30_000)


def expect_text(page, text: str) -> None:
    expect(page.locator('[data-testid="stMain"]')).to_contain_text(text, timeout=30_000)


def stored_events(app, monkeypatch) -> list[dict]:
    """The current events as the pages' default filters select them, read through the store."""
    monkeypatch.setenv("RASD_DATABASE_URL", app.db_url)
    from store.events import query_events
    from store.filters import EventFilter

    return query_events(EventFilter()).to_dict("records")


def test_a_cli_write_shows_in_another_browser_and_after_a_reload(app, browser, monkeypatch) -> None:
    a = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    b = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    try:
        visit(a, app, "briefing")
        expect_metric(a, "Events", 0)
        visit(a, app, "map_view")
        expect_text(a, "0 events with coordinates")
        visit(a, app, "review_events")
        expect_text(a, "No events match the filters")

        assert cli(app, "ingest", str(REPORT), "--published", "2023-06-15", "--source", "CLI")["events"] >= 2
        events = stored_events(app, monkeypatch)
        n = len(events)

        visit(b, app, "review_events")  # another analyst's first visit
        expect_text(b, f"{n} event(s).")
        a.reload()  # the first analyst's tab
        wait_for_app(a, 60_000)
        expect_text(a, f"{n} event(s).")
        visit(a, app, "map_view")
        expect_text(a, f"{n} events with coordinates")

        visit(a, app, "briefing")
        expect_metric(a, "Events", n)
        expect_metric(a, "Fatalities", sum(e["fatalities"] or 0 for e in events))
        first = events[0]
        cli(app, "edit", str(first["id"]), f"fatalities={(first['fatalities'] or 0) + 7}", "--analyst", "CLI",
            "--expect-version", str(first["version"]))  # fmt: skip
        a.reload()
        wait_for_app(a, 60_000)
        expect_metric(a, "Fatalities", sum(e["fatalities"] or 0 for e in events) + 7)
    finally:
        a.context.close()
        b.context.close()
