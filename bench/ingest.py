"""`python -m bench.ingest [--reports 2000] [--workers 1 2]`: bulk ingest speed in reports/s.

Makes N unique, realistic reports by recombining the sentences of the held-out and demo reports (headline
first, then 2-6 sentences of other reports in the same language) with publication dates over 120 days of 2024 and
outlets from ``data/outlets.csv``, writes them with an ``index.csv`` to a temporary folder, and ingests them
with ``store.ingest.run`` into a fresh SQLite file per worker count. Prints reports/s and the summary.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# An archive of a season: outlets repeat each other's news, so some reports corroborate earlier events.
PUBLISHED_DAYS = 120
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def _corpus() -> dict[str, list[list[str]]]:
    """Per language, each source report as its list of sentences."""
    out: dict[str, list[list[str]]] = {"ar": [], "en": []}
    texts = []
    for f in sorted((ROOT / "tests" / "extraction").glob("heldout*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        texts.append((d.get("lang") or "ar", d["text"]))
    for f in sorted((ROOT / "data" / "demo").glob("*.txt")):
        texts.append(("ar", f.read_text(encoding="utf-8")))
    for lang, text in texts:
        sentences = [s.strip() for s in _SENTENCE.findall(text) if len(s.strip()) > 20]
        if sentences:
            out.setdefault(lang if lang in out else "ar", []).append(sentences)
    return out


def make_reports(n: int, folder: Path, seed: int = 0) -> int:
    """Write ``n`` unique reports and their index to ``folder``; returns their total size in characters."""
    rng = random.Random(seed)
    corpus = _corpus()
    with (ROOT / "data" / "outlets.csv").open(encoding="utf-8") as f:
        outlets = [r["name"] for r in csv.DictReader(f)]
    seen: set[str] = set()
    rows, size = [], 0
    while len(rows) < n:
        lang = "ar" if rng.random() < 0.8 else "en"
        main = rng.choice(corpus[lang])
        body = [main[0]] + [rng.choice(rng.choice(corpus[lang])) for _ in range(rng.randint(2, 6))]
        text = "\n".join(body)
        if text in seen:
            continue
        seen.add(text)
        name = f"r{len(rows):05d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(PUBLISHED_DAYS))
        rows.append({"file": name, "published": published.isoformat(), "source": rng.choice(outlets)})
        size += len(text)
    with (folder / "index.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["file", "published", "source"])
        w.writeheader()
        w.writerows(rows)
    return size


def run(reports: int = 2000, workers: tuple[int, ...] = (1, 2)) -> dict[str, object]:
    results: dict[str, object] = {"reports": reports}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        chars = make_reports(reports, folder)
        results["chars"] = chars
        print(f"ingest: {reports:,} unique reports, {chars:,} characters", flush=True)
        for n in workers:
            os.environ["RASD_DATABASE_URL"] = f"sqlite:///{tmp}/ingest-{n}.sqlite"
            from store.ingest import run as ingest
            from store.migrate import upgrade

            upgrade()
            s = ingest([folder], workers=n, progress=False).as_dict()
            rate = round(reports / s["seconds"], 1)
            results[f"workers_{n}"] = {**s, "reports_per_s": rate, "failures": len(s["failures"])}
            print(
                f"ingest, {n} worker(s): {s['seconds']:.1f} s, {rate} reports/s; {s['reports']} stored, "
                f"{s['new_events']} new events, {s['corroborations']} corroborations, "
                f"{s['near_duplicates']} near-duplicates, {len(s['failures'])} failures",
                flush=True,
            )
    return results


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__)
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    from bench.__main__ import machine

    print(f"machine: {machine()}")
    run(args.reports, tuple(args.workers))


if __name__ == "__main__":
    main()
