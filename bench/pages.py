"""Page-time benchmark: the Python work of the Map and Timeline pages with 10,000 and 100,000 events.

`python -m bench.pages` fills a temporary SQLite database (`python -m store demo --events N`, or the
test sample generator when the demo cannot run, e.g. before the gazetteer is built) and times
query + build + render to HTML for the map, and query + figure for the timeline.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _fill(url: str, n: int) -> str:
    env = {**os.environ, "RASD_DATABASE_URL": url}
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


def _time(fn) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def run(sizes: tuple[int, ...] = (10_000, 100_000)) -> dict:
    """Seconds per step for each size; the map is built offline (no tile probe)."""
    os.environ["RASD_TILES"] = "offline"
    results = {}
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.sqlite"
            os.environ["RASD_DATABASE_URL"] = url
            source = _fill(url, n)
            from store.events import map_points, timeline_counts
            from store.filters import EventFilter
            from ui.map import build_map, map_html
            from ui.timeline import build_timeline

            flt = EventFilter()
            tq, pts = _time(lambda: map_points(flt))  # noqa: B023
            tb, m = _time(lambda: build_map(pts, tiles="offline"))  # noqa: B023
            tr, html = _time(lambda: map_html(m))  # noqa: B023
            tc, counts = _time(lambda: timeline_counts(flt, "D"))  # noqa: B023
            tf, _ = _time(lambda: build_timeline(counts, "D"))  # noqa: B023
            results[n] = {
                "source": source, "points": len(pts), "map_query": tq, "map_build": tb, "map_render": tr,
                "map_total": tq + tb + tr, "html_mb": len(html) / 1e6, "timeline_query": tc,
                "timeline_figure": tf, "timeline_total": tc + tf,
            }  # fmt: skip
    return results


def main() -> None:
    res = run()
    print(f"machine: {platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(f"{'events':>8} {'points':>8} {'map q':>7} {'build':>7} {'render':>7} {'MAP':>7} {'MB':>6} "
          f"{'tl q':>7} {'fig':>7} {'TIMELINE':>8}  data")  # fmt: skip
    for n, r in res.items():
        print(f"{n:>8,} {r['points']:>8,} {r['map_query']:>7.2f} {r['map_build']:>7.2f} {r['map_render']:>7.2f} "
              f"{r['map_total']:>7.2f} {r['html_mb']:>6.1f} {r['timeline_query']:>7.2f} {r['timeline_figure']:>7.2f} "
              f"{r['timeline_total']:>8.2f}  {r['source']}")  # fmt: skip


if __name__ == "__main__":
    main()
