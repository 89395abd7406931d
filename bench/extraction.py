"""Extractor throughput: chars/s on one core over >= 5 MB of reports, a 4 KB report's time, start-up.

Reports are the shipped demo texts (data/demo) and, when ../shared is present, the seed and dev
reports, repeated with varied publication dates (without ../shared the demo texts alone are used). Targets: >= 1,000,000 chars/s, a 4 KB report under
5 ms, start-up (import + first extract) under 1 s.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
TOTAL_CHARS = 5_200_000


SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev"


def _demos() -> list[tuple[str, str]]:
    with (DEMO / "index.csv").open(encoding="utf-8") as f:
        out = [((DEMO / r["file"]).read_text(encoding="utf-8"), r["published"]) for r in csv.DictReader(f)]
    for p in sorted(SHARED_DEV.glob("*.json")) if SHARED_DEV.is_dir() else []:
        r = json.loads(p.read_text(encoding="utf-8"))
        out.append((r["text"], r["published"]))
    return out


def _startup() -> float:
    code = (
        "import time; t0 = time.perf_counter(); import extraction; "
        f"extraction.extract(open({str(DEMO / '01-drone-amuda.txt')!r}, encoding='utf-8').read(), '2024-03-11'); "
        "print(time.perf_counter() - t0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def run() -> dict:
    """Measure and print the extractor's figures; returns them as a dict."""
    startup = _startup()
    from extraction import extract

    demos = _demos()
    reports: list[tuple[str, str]] = []
    chars = 0
    i = 0
    while chars < TOTAL_CHARS:
        text, pub = demos[i % len(demos)]
        day = dt.date.fromisoformat(pub) + dt.timedelta(days=7 * (i // len(demos) % 50))
        reports.append((text, day.isoformat()))
        chars += len(text)
        i += 1
    extract(*reports[0])
    t0 = time.perf_counter()
    n_events = sum(len(extract(text, pub)) for text, pub in reports)
    wall = time.perf_counter() - t0

    four_kb = ""
    while len(four_kb) < 4096:
        four_kb += demos[len(four_kb) % len(demos)][0] + "\n"
    four_kb = four_kb[:4096]
    times = []
    for _ in range(60):
        t = time.perf_counter()
        extract(four_kb, "2024-03-11")
        times.append((time.perf_counter() - t) * 1000)

    one_mb = (four_kb + "\n") * 250
    t = time.perf_counter()
    extract(one_mb, "2024-03-11")
    big = time.perf_counter() - t
    figures = {
        "reports": len(reports),
        "chars": chars,
        "events": n_events,
        "chars_per_s": round(chars / wall),
        "ms_per_4kb_report": round(statistics.median(times), 2),
        "one_text_1mb_s": round(big, 3),
        "startup_s": round(startup, 3),
    }
    print(
        f"extraction: {chars / 1e6:.1f} MB in {len(reports)} reports -> {figures['chars_per_s']:,} chars/s on one core "
        f"({n_events} events); 4 KB report {figures['ms_per_4kb_report']} ms (median of 60); "
        f"one 1 MB text {figures['one_text_1mb_s']} s; start-up {figures['startup_s']} s"
    )
    return figures


if __name__ == "__main__":
    run()
