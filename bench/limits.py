"""Limits benchmark: how fast, and in how much memory, oversized input is refused.

`python -m bench.limits` (or `make bench`) times the refusals the issue's probe found slow:

- an upload (``ui.files.file_to_text``): a 0.7 MB .docx whose text is 87 million characters, the same
  file lying about its size in the zip directory, a .docx just over the 1,000,000-character limit, and a
  20 MB .txt (wall seconds and peak Python memory, tracemalloc);
- the command lines on a 20 MB text: ``python -m extraction extract`` and ``python -m store ingest``
  (wall seconds and the process's peak resident memory, start-up included), beside a normal report's run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Runs a module as `python -m` does, then reports the process's peak resident memory on stderr (VmHWM:
# getrusage's ru_maxrss would count the memory of the bench process it was forked from).
_PEAK = (
    "import runpy, sys\n"
    "sys.argv = sys.argv[1:]\n"
    "try:\n    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
    "except SystemExit:\n    pass\n"
    "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0].split()[1]\n"
    "print(f'peak_kb={hwm}', file=sys.stderr)\n"
)


def _upload(name: str, data: bytes, **kwargs: Any) -> dict[str, Any]:
    from ui.files import UnreadableFile, file_to_text

    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        file_to_text(name, data, **kwargs)
        answer = "read"
    except UnreadableFile as e:
        answer = str(e)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"seconds": round(seconds, 3), "peak_mb": round(peak / 1e6, 2), "answer": answer}


def _cli(module: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", _PEAK, module, *args], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, **(env or {})})  # fmt: skip
    seconds = time.perf_counter() - t0
    lines = p.stderr.strip().splitlines()
    peak = next((int(x.split("=")[1]) for x in lines if x.startswith("peak_kb=")), 0)
    answer = next((x for x in lines if x.startswith("error:")), "")
    return {"seconds": round(seconds, 2), "peak_mb": round(peak / 1024, 1), "answer": answer}


def run() -> dict[str, dict[str, Any]]:
    from tests.ui.test_files import crafted_docx, lie_about_size

    results: dict[str, dict[str, Any]] = {}
    bomb = crafted_docx(95_000, "قصف مدفعي على القامشلي " * 40)
    results["upload: 0.7 MB .docx, 87M characters"] = _upload("bomb.docx", bomb)
    results["upload: the same, lying about its size"] = _upload(
        "liar.docx", lie_about_size(bomb, "word/document.xml", 5_000)
    )
    results["upload: .docx of 1.16M characters"] = _upload(
        "long.docx", crafted_docx(2_000, "Shelling hit Qamishli today. " * 20)
    )
    big = "قصف مدفعي على القامشلي. ".encode() * 500_000
    results["upload: 20 MB .txt"] = _upload("big.txt", big)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_bytes(big)
        url = f"sqlite:///{Path(tmp) / 'rasd.sqlite'}"
        subprocess.run([sys.executable, "-m", "store", "migrate"], cwd=ROOT, capture_output=True,
                       env={**os.environ, "RASD_DATABASE_URL": url})  # fmt: skip
        demo = str(ROOT / "data" / "demo" / "01-drone-amuda.txt")
        results["CLI: extraction extract, one report (baseline)"] = _cli("extraction", "extract", demo,
                                                                         "--published", "2024-08-19")  # fmt: skip
        results["CLI: extraction extract, 20 MB text"] = _cli("extraction", "extract", str(path), "--published",
                                                              "2024-08-19")  # fmt: skip
        results["CLI: store ingest, one report (baseline)"] = _cli("store", "ingest", demo, "--published",
                                                                   "2024-08-19", env={"RASD_DATABASE_URL": url})  # fmt: skip
        results["CLI: store ingest, 20 MB text"] = _cli("store", "ingest", str(path), "--published", "2024-08-19",
                                                        env={"RASD_DATABASE_URL": url})  # fmt: skip
    print("\nlimits (refusing oversized input)")
    print(f"{'input':<48} {'seconds':>8} {'peak MB':>8}  answer")
    for name, r in results.items():
        print(f"{name:<48} {r['seconds']:>8} {r['peak_mb']:>8}  {r['answer'][:90]}", flush=True)
    return results


if __name__ == "__main__":
    run()
