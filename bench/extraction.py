"""Extractor throughput on unique text: chars/s on one core over >= 5 MB of reports, a 4 KB report's time,
one 1 MB text, start-up (cold and warm).

The corpus (``bench/corpus.py``) is every report text the repository ships plus seeded mixes of their
sentences, no two reports equal; the 1 MB text and the 4 KB report are unique mixed paragraphs. Targets
(issues 12 and 13): >= 750,000 chars/s, a 4 KB report under 5 ms, start-up (import + first extract) under 1 s.

``python -m bench.extraction`` measures this tree. ``--trees A B ... [--rounds N]`` times other checkouts'
``extraction`` packages on the same corpus, each in a fresh process, the trees in turn, N rounds (range and
median), with a digest of every output so that equal outputs show as equal digests. ``--callgrind`` counts
the instructions of one pass over the shipped texts and the first mixes (valgrind, repeatable under load).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import corpus as corpus_mod
from bench import timing

ROOT = Path(__file__).resolve().parents[1]
TIMING = Path(timing.__file__).resolve()
CALLGRIND_MIXES = 150  # mixes counted after the shipped texts


def _startup_code(tree: Path) -> str:
    demo = tree / "data" / "demo" / "01-drone-amuda.txt"
    return (
        "import time; t0 = time.perf_counter(); import extraction; "
        f"extraction.extract(open({str(demo)!r}, encoding='utf-8').read(), '2024-03-11'); "
        "print(time.perf_counter() - t0)"
    )


def startup(tree: Path = ROOT, cold: bool = False) -> float:
    """Seconds to import the package and extract one report in a new process; cold: no automaton cache."""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        if cold:
            env["RASD_CACHE_DIR"] = tmp
        out = subprocess.run(
            [sys.executable, "-c", _startup_code(tree)],
            capture_output=True,
            text=True,
            cwd=tree,
            env=env,
            check=True,
        )
    return float(out.stdout.strip().splitlines()[-1])


def _startups(tree: Path) -> dict:
    startup(tree)  # writes the warm cache if there is none
    return {
        "startup_warm_s": round(statistics.median(startup(tree) for _ in range(3)), 3),
        "startup_cold_s": round(statistics.median(startup(tree, cold=True) for _ in range(3)), 3),
    }


def _print(label: str, f: dict) -> None:
    print(
        f"{label}{f['chars'] / 1e6:.1f} MB in {f['reports']:,} reports -> {f['chars_per_s']:,} chars/s on one core "
        f"({f['events']:,} events, outputs {f['outputs_sha256']}); 4 KB report {f['ms_per_4kb_report']} ms "
        f"(median of 60); one 1 MB text {f['one_text_1mb_s']} s; start-up {f['startup_warm_s']} s warm, "
        f"{f['startup_cold_s']} s cold",
        flush=True,
    )


def run() -> dict:
    """Measure and print this tree's figures; returns them as a dict."""
    c = corpus_mod.build()
    print(c.describe(), flush=True)
    starts = _startups(ROOT)
    reports = [(r.text, r.published, r.source) for r in c.reports]
    figures = timing.measure(reports, c.four_kb, c.one_mb) | starts
    _print("extraction: ", figures)
    return figures


def _corpus_file(c: corpus_mod.Corpus, tmp: str) -> str:
    path = os.path.join(tmp, "corpus.json")
    with open(path, "w", encoding="utf-8") as f:
        reports = [(r.text, r.published, r.source) for r in c.reports]
        json.dump({"reports": reports, "four_kb": c.four_kb, "one_mb": c.one_mb}, f, ensure_ascii=False)
    return path


def _worker(tree: Path, *args: str, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    code = f"import runpy, sys; sys.argv = [{str(TIMING)!r}, *{list(args)!r}]; runpy.run_path(sys.argv[0], run_name='__main__')"
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run(
        [*(prefix or []), sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tree,
        env=env,
        check=True,
    )


def compare(trees: list[Path], rounds: int) -> dict:
    """Each tree timed ``rounds`` times on the same corpus, in turn; prints range and median per figure."""
    c = corpus_mod.build()
    print(c.describe(), flush=True)
    runs: dict[str, list[dict]] = {str(t): [] for t in trees}
    with tempfile.TemporaryDirectory() as tmp:
        path = _corpus_file(c, tmp)
        out = os.path.join(tmp, "out.json")
        for k in range(rounds):
            for t in trees:
                _worker(t, path, out)
                with open(out, encoding="utf-8") as f:
                    figures = json.load(f) | _startups(t)
                runs[str(t)].append(figures)
                _print(f"round {k + 1} {t}: ", figures)
    keys = ("chars_per_s", "ms_per_4kb_report", "one_text_1mb_s", "startup_warm_s", "startup_cold_s")
    summary = {}
    for t, rs in runs.items():
        summary[t] = {
            key: (min(r[key] for r in rs), statistics.median(r[key] for r in rs), max(r[key] for r in rs))
            for key in keys
        } | {"outputs_sha256": sorted({r["outputs_sha256"] for r in rs})}
        ranges = (f"{k} {summary[t][k][0]:,}-{summary[t][k][2]:,}, median {summary[t][k][1]:,}" for k in keys)
        print(f"{t}: " + "; ".join(ranges) + f"; outputs {summary[t]['outputs_sha256']}")
    return summary


def _instructions(tree: Path, path: str, n: int) -> int:
    prefix = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = _worker(tree, path, "--pass", str(n), prefix=prefix)
    return int(re.search(r"refs:\s+([\d,]+)", done.stderr).group(1).replace(",", ""))


def callgrind(trees: list[Path]) -> dict:
    """Instructions of one pass over the shipped texts and the first mixes: the run minus a warm-up-only run."""
    c = corpus_mod.build()
    n = c.shipped + CALLGRIND_MIXES
    chars = sum(len(r.text) for r in c.reports[:n])
    print(
        f"callgrind: one pass over {n} reports ({c.shipped} shipped, {CALLGRIND_MIXES} mixes), {chars:,} chars"
    )
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = _corpus_file(c, tmp)
        for t in trees:
            base = _instructions(t, path, 0)
            full = _instructions(t, path, n)
            out[str(t)] = {"startup_and_warmup": base, "pass": full - base}
            print(
                f"{t}: {(full - base) / 1e6:,.1f}M instructions per pass; start-up and warm-up {base / 1e6:,.0f}M"
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trees", nargs="+", type=Path, help="checkouts whose extraction package to time")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--callgrind", action="store_true", help="count instructions (valgrind) instead of timing"
    )
    args = ap.parse_args()
    trees = [t.resolve() for t in args.trees] if args.trees else None
    if args.callgrind:
        callgrind(trees or [ROOT])
    elif trees:
        compare(trees, args.rounds)
    else:
        run()


if __name__ == "__main__":
    main()
