"""The README's screenshots: `python -m tests.browser.make_screenshots` (writes docs/screenshots/*.png).

A throw-away SQLite database gets 3,000 demo events and the seed report (`python -m store demo` and
`python -m store ingest`), then the app as `make run` serves it (`python -m ui.serve`) is driven by
headless Debian Chromium at 1600×1000: Paste after extracting the seed report, Review on that report
with an event's history, the Map with a popup open, the Timeline, and the top of the Briefing.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, open_popup, start_app, wait_for_app
from tests.browser.test_paste_to_review import paste_and_extract
from ui.analyst import COOKIE

OUT = ROOT / "docs" / "screenshots"
SEED = ROOT.parent / "shared" / "seed" / "report-qamishli-ar.txt"
PUBLISHED = "2024-08-19"
ANALYST = "Layla"
FOLIUM = 'iframe[title="streamlit_folium.st_folium"]'


def _store(url: str, *args: str) -> str:
    env = {**os.environ, "RASD_DATABASE_URL": url}
    r = subprocess.run(
        [sys.executable, "-m", "store", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if r.returncode:
        raise SystemExit(f"python -m store {' '.join(args)} failed: {r.stderr.strip()[-300:]}")
    return r.stdout


def prepare(url: str) -> tuple[int, int, int]:
    """Demo events, the seed report, one signed edit (for Review's history), and a demo event for the popup.

    The popup's event is one placed at geo precision 2 (off the place's point), so opening it does not
    zoom to a street-level spider of every event at a town.
    """
    _store(url, "demo", "--events", "3000")
    _store(url, "ingest", str(SEED), "--published", PUBLISHED, "--source", "Syria TV")
    os.environ["RASD_DATABASE_URL"] = url
    from store import events as store_events
    from store.filters import EventFilter
    from store.reports import find_duplicate

    report_id = find_duplicate(SEED.read_text(encoding="utf-8"))
    df = store_events.query_events(EventFilter(report_id=report_id, include_background=True))
    first = int(df["id"].min())
    event = store_events.get_event(first)
    store_events.update_event(first, {"status": "reviewed", "notes": "Checked against a second outlet."},
                              ANALYST, expected_version=event["version"])  # fmt: skip
    demo = store_events.query_events(
        EventFilter(admin1=("Al-Hasakah",), event_types=("Explosions/Remote violence",))
    )
    scattered = demo[(demo["geo_precision"] == 2) & (demo["fatalities"] > 0)].sort_values("fatalities")
    return int(report_id), first, int(scattered["id"].iloc[-1])


def _settle(page: Any, ms: int = 1500) -> None:
    wait_for_app(page, 90_000)
    page.wait_for_timeout(ms)


def paste(page: Any, base: str) -> None:
    page.goto(f"{base}/")
    _settle(page)
    paste_and_extract(page, SEED.read_text(encoding="utf-8"), PUBLISHED)
    _settle(page)
    page.get_by_text(re.compile(r"event\(s\) found")).first.evaluate(
        "e => e.scrollIntoView({block: 'start'})"
    )
    page.mouse.move(900, 500)  # over the main area: the wheel scrolls what is under the mouse
    page.mouse.wheel(0, -30)
    page.wait_for_timeout(800)
    page.screenshot(path=str(OUT / "paste.png"))


def review(page: Any, base: str, report_id: int, event_id: int) -> None:
    page.goto(f"{base}/review_events?report={report_id}")
    _settle(page)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
    page.get_by_text(f"History of event #{event_id}").first.evaluate(
        "e => e.scrollIntoView({block: 'start'})"
    )
    page.mouse.move(900, 500)
    page.mouse.wheel(0, -250)
    page.wait_for_timeout(1200)
    page.screenshot(path=str(OUT / "review.png"))


def map_view(page: Any, base: str, event_id: int) -> None:
    page.goto(f"{base}/map_view")
    _settle(page)
    frame = page.frame_locator(FOLIUM)
    frame.locator(".rasd-cluster").first.wait_for(timeout=90_000)
    open_popup(frame, event_id)
    frame.locator(".leaflet-popup-content").wait_for(timeout=20_000)
    page.locator(FOLIUM).scroll_into_view_if_needed()
    page.wait_for_timeout(2500)
    page.screenshot(path=str(OUT / "map.png"))


def timeline(page: Any, base: str) -> None:
    page.goto(f"{base}/timeline_view")
    _settle(page)
    page.locator('[data-testid="stPlotlyChart"] .barlayer path').first.wait_for(timeout=90_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(OUT / "timeline.png"))


def briefing(page: Any, base: str) -> None:
    page.goto(f"{base}/briefing?from=2024-07-01&to=2024-09-30")
    _settle(page)
    page.frame_locator(FOLIUM).locator(".leaflet-marker-icon").first.wait_for(
        state="attached", timeout=90_000
    )
    page.wait_for_timeout(2000)
    page.screenshot(path=str(OUT / "briefing.png"))


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'rasd.sqlite'}"
        report_id, event_id, popup_id = prepare(url)
        app = start_app(Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                for shot in (
                    lambda pg: paste(pg, app.url),
                    lambda pg: review(pg, app.url, report_id, event_id),
                    lambda pg: map_view(pg, app.url, popup_id),
                    lambda pg: timeline(pg, app.url),
                    lambda pg: briefing(pg, app.url),
                ):
                    ctx = browser.new_context(viewport={"width": 1600, "height": 1000}, device_scale_factor=1)
                    ctx.add_cookies([{"name": COOKIE, "value": quote(ANALYST), "url": app.url}])  # signed in
                    shot(ctx.new_page())
                    ctx.close()
                browser.close()
        finally:
            app.stop()
    print(json.dumps({"screenshots": sorted(p.name for p in OUT.glob("*.png")), "report": report_id}))


if __name__ == "__main__":
    main()
