"""Times whichever ``extraction`` package is importable: this tree's, or another checkout's.

It imports nothing of ``bench``, so that ``bench.extraction --trees`` can run it with another checkout as the
working directory (``runpy.run_path``), on the same corpus file, and compare the two in one session:
``python timing.py CORPUS.json OUT.json`` or ``python timing.py CORPUS.json --pass N``: the first report
(a warm-up) and then the first N reports once, nothing else (what ``--callgrind`` counts).
"""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
import time


def measure(reports: list, four_kb: str, one_mb: str) -> dict:
    """Throughput over the reports, the 4 KB report's median time, the 1 MB text's, and a digest of outputs."""
    from extraction import extract

    extract(*reports[0])
    events = []
    t0 = time.perf_counter()
    for text, pub, source in reports:
        events.append(extract(text, pub, source))
    wall = time.perf_counter() - t0
    chars = sum(len(r[0]) for r in reports)
    times = []
    for _ in range(60):
        t = time.perf_counter()
        extract(four_kb, "2024-03-11")
        times.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    extract(one_mb, "2024-03-11")
    big = time.perf_counter() - t
    return {
        "reports": len(reports),
        "chars": chars,
        "events": sum(len(es) for es in events),
        "chars_per_s": round(chars / wall),
        "ms_per_4kb_report": round(statistics.median(times), 2),
        "one_text_1mb_s": round(big, 3),
        "outputs_sha256": digest(events),
    }


def digest(events_per_report: list) -> str:
    """sha256 of every report's events as ``python -m extraction batch`` writes them."""
    h = hashlib.sha256()
    for events in events_per_report:
        h.update(json.dumps([e.to_dict() for e in events], ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()[:16]


def _main(argv: list[str]) -> None:
    with open(argv[0], encoding="utf-8") as f:
        corpus = json.load(f)
    if argv[1] == "--pass":
        from extraction import extract

        extract(*corpus["reports"][0])
        for text, pub, source in corpus["reports"][: int(argv[2])]:
            extract(text, pub, source)
        return
    out = measure(corpus["reports"], corpus["four_kb"], corpus["one_mb"])
    with open(argv[1], "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    _main(sys.argv[1:])
