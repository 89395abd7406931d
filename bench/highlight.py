"""Highlighting benchmark: the Paste page's marked-up report for long pastes (50K, 200K and 1M characters).

`python -m bench.highlight` (or `make bench`) builds each text from the shipped demo reports repeated,
runs the extractor on it for real spans (evidence, places, actors, dates, triggers, numbers), then times
``ui.highlight.highlight_html`` alone (best of three, CPU time of this process). The cut at span
boundaries is one pass over them, so the time grows with the text; the first version looked at every
span for every piece and took 0.14 s at 50K, 2.4 s at 200K and 104 s for a 581K paste.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SIZES = (50_000, 200_000, 1_000_000)


def long_text(chars: int) -> str:
    demos = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "demo").glob("*.txt"))]
    body = "\n\n".join(demos)
    return (body * (chars // len(body) + 1))[:chars]


def run(sizes: tuple[int, ...] = SIZES) -> dict[int, dict[str, Any]]:
    import extraction
    from ui.highlight import event_spans, highlight_html, mention_spans

    results: dict[int, dict[str, Any]] = {}
    print("\nhighlight (ui.highlight.highlight_html, best of 3, CPU seconds)")
    print(f"{'characters':>12} {'spans':>8} {'seconds':>9} {'HTML MB':>8}")
    for n in sizes:
        text = long_text(n)
        analysis = extraction.analyse(text, "2024-08-19")
        spans = event_spans(analysis.events) + mention_spans(analysis.mentions)
        best, html = float("inf"), ""
        for _ in range(3):
            t0 = time.process_time()
            html = highlight_html(text, spans)
            best = min(best, time.process_time() - t0)
        results[n] = {"spans": len(spans), "seconds": round(best, 3), "html_mb": round(len(html) / 1e6, 1)}
        print(f"{n:>12,} {len(spans):>8,} {best:>9.3f} {len(html) / 1e6:>8.1f}", flush=True)
    return results


if __name__ == "__main__":
    run()
