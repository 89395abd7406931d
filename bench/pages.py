"""Page-time benchmark: Map, Review and Timeline with 10,000 and 100,000 demo events, in Python and a browser.

`python -m bench.pages` (or `make bench`) fills a temporary SQLite database with
`python -m store demo --events N` (the test sample generator when the demo cannot run) and measures:

- Python: query + build + render to HTML for the map, query + figure for the timeline, and the read of the
  database's change marker that every script run adds (``store.db.data_version()``, median of 200);
- browser: the app as `make run` serves it (`python -m ui.serve`: `streamlit run app.py` with the app's
  modules preloaded) on that database, headless Debian Chromium opening the page, timed
  from navigation until the map's marker clusters are drawn inside the folium iframe, until the Review
  page's data editor is drawn, and until the timeline's Plotly bars are drawn. "cold" is the first visit after the server starts (nothing cached),
  "warm" a second visit in a fresh browser context (the server's query caches are filled).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FOLIUM = 'iframe[title="streamlit_folium.st_folium"]'
# What "the page is usable" means: markers (clusters, or single markers once zoomed) in the map's
# marker pane; SVG bars in the first Plotly chart.
MAP_READY = (
    ".leaflet-marker-pane .rasd-cluster, .leaflet-marker-pane .marker-cluster, .leaflet-marker-pane img"
)
TIMELINE_READY = '[data-testid="stPlotlyChart"] .barlayer path'
REVIEW_READY = '[data-testid="stDataFrame"] canvas'
MARKER_READS = 200
BROWSER_TIMEOUT_MS = 180_000


def _fill(url: str, n: int) -> str:
    env = {**os.environ, "RASD_DATABASE_URL": url}
    subprocess.run([sys.executable, "-m", "store", "migrate"], cwd=ROOT, env=env, capture_output=True)
    r = subprocess.run([sys.executable, "-m", "store", "demo", "--events", str(n)], cwd=ROOT, env=env,
                       capture_output=True, text=True)  # fmt: skip
    if r.returncode == 0:
        return "store demo"
    from store.migrate import upgrade
    from store.reports import add_report
    from tests.pages.sample_events import sample_events

    upgrade(url)
    events = sample_events(n, xss=False)
    text = "\n".join(sorted({e["evidence"]["text"] for e in events}))
    for e in events:
        start = text.index(e["evidence"]["text"])
        e["evidence"] = {
            "start": start,
            "end": start + len(e["evidence"]["text"]),
            "text": e["evidence"]["text"],
        }
    add_report(text, "2024-08-21", source="bench", events=events, analyst="bench")
    return "sample generator (demo failed: " + (r.stderr.strip().splitlines() or ["?"])[-1][:60] + ")"


def _time(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def python_times(url: str) -> dict[str, Any]:
    """Seconds for the Python work of each page; the map is built offline (no tile probe)."""
    os.environ["RASD_DATABASE_URL"] = url
    from store.events import map_points, timeline_counts
    from store.filters import EventFilter
    from ui.map import build_map, map_html
    from ui.timeline import build_timeline

    flt = EventFilter()
    tq, pts = _time(lambda: map_points(flt))
    tb, m = _time(lambda: build_map(pts, tiles="offline"))
    tr, html = _time(lambda: map_html(m))
    tc, counts = _time(lambda: timeline_counts(flt, "D"))
    tf, _ = _time(lambda: build_timeline(counts, "D"))
    return {
        "points": len(pts), "map_query": tq, "map_build": tb, "map_render": tr, "map_total": tq + tb + tr,
        "html_mb": len(html) / 1e6, "timeline_query": tc, "timeline_figure": tf, "timeline_total": tc + tf,
        "marker_ms": marker_ms(url),
    }  # fmt: skip


def rerun_times(reruns: int = 5) -> dict[str, float]:
    """Seconds of the server's work for a rerun of the Map and Review pages with nothing written.

    AppTest runs ``app.py`` in this process on ``RASD_DATABASE_URL``: a first run fills the caches, then the
    median of ``reruns`` runs is what an analyst's every click costs the server (the browser's part is in the
    visit times).
    """
    from unittest import mock

    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest, app_test

    class _KeepsMode(PagesManager):  # as tests/pages/conftest.py: keep the navigation mode across runs
        pass

    out = {}
    with mock.patch.object(app_test, "PagesManager", _KeepsMode):
        for name, page in (("map", "pages/map_view.py"), ("review", "pages/review_events.py")):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
            at.session_state["analyst"] = "bench"
            at.run()
            at.switch_page(page)
            at.run()
            if at.exception:
                raise RuntimeError(f"{page} raised: {at.exception[0].value}"[:200])
            times = sorted(_time(at.run)[0] for _ in range(reruns))
            out[f"{name}_rerun"] = times[len(times) // 2]
    return out


def marker_ms(url: str) -> float:
    """Milliseconds for one read of the change marker, the query every script run adds (median)."""
    from store.db import data_version

    data_version(url)  # the engine and its first connection
    times = sorted(_time(lambda: data_version(url))[0] for _ in range(MARKER_READS))
    return 1000 * times[len(times) // 2]


def _visit(browser: Any, url: str, ready: str, in_frame: bool) -> float:
    """Seconds from navigation until ``ready`` is visible (inside the folium iframe when ``in_frame``)."""
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = ctx.new_page()
    try:
        t = time.perf_counter()
        page.goto(url, wait_until="commit")
        scope = page.frame_locator(FOLIUM) if in_frame else page
        scope.locator(ready).first.wait_for(state="visible", timeout=BROWSER_TIMEOUT_MS)
        elapsed = time.perf_counter() - t
        exc = page.locator('[data-testid="stException"]')
        if exc.count():
            raise RuntimeError("the page raised: " + exc.first.inner_text()[:200])
        return elapsed
    finally:
        ctx.close()


def browser_times(tmp: Path) -> dict[str, float]:
    """Cold and warm browser times of the Map, Review and Timeline pages on the database in ``tmp``."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, start_app

    app = start_app(tmp, {"RASD_TILES": "offline"})
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                out = {}
                for name, path, ready, in_frame in (
                    ("map", "map_view", MAP_READY, True),
                    ("review", "review_events", REVIEW_READY, False),
                    ("timeline", "timeline_view", TIMELINE_READY, False),
                ):
                    out[f"{name}_cold"] = _visit(browser, f"{app.url}/{path}", ready, in_frame)
                    out[f"{name}_warm"] = _visit(browser, f"{app.url}/{path}", ready, in_frame)
                return out
            finally:
                browser.close()
    finally:
        app.stop()


def run(sizes: tuple[int, ...] = (10_000, 100_000), browser: bool = True) -> dict[int, dict[str, Any]]:
    """Measure every size, print the table, and return the figures."""
    os.environ["RASD_TILES"] = "offline"
    results: dict[int, dict[str, Any]] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'rasd.sqlite'}"  # the file name start_app uses
            fill_s, source = _time(lambda: _fill(url, n))  # noqa: B023
            results[n] = {"source": source, "fill": fill_s, **python_times(url), **rerun_times()}
            if browser:
                try:
                    results[n].update(browser_times(Path(tmp)))
                except Exception as exc:  # noqa: BLE001 - report the failure in the table, keep the rest
                    results[n]["browser_error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:80]}"
    print_table(results)
    return results


def print_table(results: dict[int, dict[str, Any]]) -> None:
    def s(r: dict[str, Any], key: str) -> str:
        return f"{r[key]:.2f}" if key in r else "–"

    print("\nPage times in seconds (Map, Review, Timeline; SQLite, demo data; browser = headless Chromium)")
    head = ("events", "fill", "map py", "map html MB", "map rerun", "map cold", "map warm", "review rerun",
            "review cold", "review warm", "tl py", "tl cold", "tl warm", "marker ms")  # fmt: skip
    rows = []
    for n, r in results.items():
        rows.append((f"{n:,}", s(r, "fill"), s(r, "map_total"), f"{r['html_mb']:.1f}", s(r, "map_rerun"),
                     s(r, "map_cold"), s(r, "map_warm"), s(r, "review_rerun"), s(r, "review_cold"),
                     s(r, "review_warm"), s(r, "timeline_total"),
                     s(r, "timeline_cold"), s(r, "timeline_warm"), f"{r['marker_ms']:.3f}"))  # fmt: skip
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    print("| " + " | ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " |")
    for n, r in results.items():
        if r["source"] != "store demo":
            print(f"{n:,} events: data from the {r['source']}")
        if "browser_error" in r:
            print(f"{n:,} events: browser timing failed: {r['browser_error']}")
    print(
        "map py = query + folium build + HTML render; tl py = query + figure; rerun = the server's work for "
        "one rerun with nothing written (AppTest, median of 5); cold = first visit after the "
        "server starts, warm = second visit (new browser context); until markers / the editor / bars are "
        "visible; marker ms = one read of store.db.data_version(), the query each script run adds."
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000], help="sizes to measure")
    ap.add_argument("--no-browser", action="store_true", help="Python times only")
    args = ap.parse_args()
    print(f"machine: {platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    run(tuple(args.events), browser=not args.no_browser)


if __name__ == "__main__":
    main()
