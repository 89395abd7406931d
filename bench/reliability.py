"""Reliability probe: races, kills, bad input and injection, counted (`python -m bench.reliability`).

Each probe runs the real processes on a throw-away database (SQLite by default; ``--url`` for a
PostgreSQL database the probe may fill) and prints what it found:

- races: two processes edit one event ``--edits`` times each, re-reading on a stale version; every edit
  must be kept (none lost) and recorded as one revision;
- concurrent ingests: ``--ingests`` ``python -m store ingest`` processes at once, half of them the same
  report: that report stored once, every other one stored whole, every process answered;
- kills: ``--kills`` ingests of a long report killed (SIGKILL) at a random moment: no report without
  its events, no event without its report, the database still passes its integrity check and takes writes;
- bad input: every bad argument, value and file of tests/store/test_bad_input.py and more through both
  command lines: one line on stderr, exit status 1, no traceback;
- injection: formula payloads in every text column, exported as CSV and XLSX: no live formula.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
EDITOR = """
import sys
from store.errors import StaleVersion
from store.events import get_event, update_event
name, eid, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    while True:
        ev = get_event(eid)
        try:
            update_event(eid, {"notes": f"{ev['notes'] or ''}|{name}{i}"}, name, ev["version"])
            break
        except StaleVersion:
            continue
"""


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "RASD_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}


def _store(url: str, *args: str, **kw: Any) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "store", *args], cwd=ROOT, env=_env(url), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)  # fmt: skip


def _report(tag: str, repeat: int = 1) -> str:
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt")))
    return "\n\n".join([body] * repeat) + f"\n\n(probe {tag})"


def races(url: str, edits: int) -> dict[str, Any]:
    from store.events import get_event
    from store.reports import add_report
    from store.revisions import history

    eid = add_report(_report(uuid.uuid4().hex), "2024-08-19", events=[_event()], analyst="probe").event_ids[0]
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", EDITOR, name, str(eid), str(edits)], cwd=ROOT, env=_env(url),
                              stderr=subprocess.PIPE, text=True) for name in ("a", "b")]  # fmt: skip
    errors = [p.communicate(timeout=600)[1] for p in procs]
    notes = get_event(eid)["notes"] or ""
    kept = sum(f"|{name}{i}|" in notes + "|" for name in ("a", "b") for i in range(edits))
    return {"edits": 2 * edits, "kept": kept, "lost": 2 * edits - kept, "revisions": len(history(eid)),
            "failed processes": sum(bool(e.strip()) for e in errors), "seconds": round(time.perf_counter() - t0, 1)}  # fmt: skip


def _event() -> dict[str, Any]:
    return {"event_date": "2024-08-18", "event_type": "Battles", "sub_event_type": "Armed clash",
            "location": "Qamishli", "latitude": 37.05, "longitude": 41.23, "fatalities": 0,
            "evidence": {"start": 0, "end": 5, "text": "probe"}}  # fmt: skip


def _reports(url: str) -> list[tuple[int, str, int]]:
    from sqlalchemy import text

    from store import db

    with db.read(url) as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT r.id, r.text, (SELECT count(*) FROM events e WHERE e.report_id = r.id) FROM reports r"))]  # fmt: skip


def ingests(url: str, n: int, tmp: Path) -> dict[str, Any]:
    same = tmp / "same.txt"
    same.write_text(_report("same " + uuid.uuid4().hex), encoding="utf-8")
    files = [same if i % 2 == 0 else tmp / f"other-{i}.txt" for i in range(n)]
    for f in files:
        if f != same:
            f.write_text(_report(f"other {f.name} {uuid.uuid4().hex}"), encoding="utf-8")
    before = {r[0] for r in _reports(url)}
    t0 = time.perf_counter()
    procs = [_store(url, "ingest", str(f), "--published", "2024-08-19", "--analyst", "probe") for f in files]
    outs = [p.communicate(timeout=900) for p in procs]
    seconds = time.perf_counter() - t0
    new = [r for r in _reports(url) if r[0] not in before]
    expected = {f.read_text(encoding="utf-8") for f in files}
    counts = {t: 0 for t in expected}
    for _, t, _n in new:
        counts[t] = counts.get(t, 0) + 1
    return {"processes": n, "answered": sum(p.returncode == 0 for p in procs),
            "reports stored": len(new), "expected": len(expected),
            "stored twice": sum(c > 1 for c in counts.values()), "without events": sum(e == 0 for *_, e in new),
            "errors": sorted({(o[1].strip().splitlines() or [""])[-1][:80] for p, o in zip(procs, outs, strict=True)
                              if p.returncode}), "seconds": round(seconds, 1)}  # fmt: skip


def kills(url: str, n: int, tmp: Path) -> dict[str, Any]:
    from sqlalchemy import text

    from store import db

    rng = random.Random(15)
    killed = finished = 0
    for i in range(n):
        f = tmp / f"long-{i}.txt"
        f.write_text(_report(f"kill {i} {uuid.uuid4().hex}", repeat=20), encoding="utf-8")
        p = _store(url, "ingest", str(f), "--published", "2024-08-19", "--analyst", "probe")
        time.sleep(rng.uniform(0.5, 4.0))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        else:
            finished += 1
        p.communicate()
    with db.read(url) as conn:
        orphans = conn.execute(text("SELECT count(*) FROM events e WHERE e.report_id IS NOT NULL AND NOT EXISTS "
                                    "(SELECT 1 FROM reports r WHERE r.id = e.report_id)")).scalar()  # fmt: skip
        ok = conn.execute(text("PRAGMA integrity_check")).scalar() if conn.dialect.name == "sqlite" else "n/a"
    empty = sum(1 for _, t, e in _reports(url) if "(probe kill" in t and e == 0)
    after = _store(
        url, "ingest", str(DEMO / "01-drone-amuda.txt"), "--published", "2024-08-19", "--analyst", "p"
    )
    after.communicate()
    return {"ingests": n, "killed mid-way": killed, "finished first": finished, "reports without events": empty,
            "events without report": int(orphans), "integrity_check": ok, "writes after": after.returncode == 0}  # fmt: skip


def bad_input(url: str, tmp: Path) -> dict[str, Any]:
    from tests.extraction.test_cli import DEMO as EXTRACT_DEMO
    from tests.store.test_bad_input import ARG_CASES, EDIT_CASES

    nul = tmp / "nul.txt"
    nul.write_bytes("قصف على القامشلي. ".encode() * 1000 + b"\x00")
    big = tmp / "big.txt"
    big.write_bytes("قصف مدفعي على القامشلي. ".encode() * 500_000)
    empty = tmp / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    cases = [("store", *args) for args, _ in ARG_CASES]
    cases += [
        ("store", "edit", "1", *a, "--analyst", "probe", "--expect-version", "1") for a, _ in EDIT_CASES
    ]
    cases += [
        ("store", "ingest", str(f), "--published", "2024-08-19") for f in (nul, big, empty, tmp / "none.txt")
    ]
    cases += [("extraction", *args) for args in [(), ("bogus",), ("extract", str(EXTRACT_DEMO)),
              ("extract", str(big), "--published", "2024-08-19"), ("places", str(nul)), ("places", str(empty)),
              ("extract", str(EXTRACT_DEMO), "--published", "11/03/2024"), ("batch", str(big), "--max-chars", "0")]]  # fmt: skip
    one_line, other = 0, []
    for module, *args in cases:
        p = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=_env(url), capture_output=True,
                           text=True)  # fmt: skip
        err = p.stderr.strip()
        if p.returncode == 1 and err and "\n" not in err and "Traceback" not in err:
            one_line += 1
        else:
            other.append(f"{module} {' '.join(a[:20] for a in args)[:60]} -> {p.returncode}: {err[:80]!r}")
    return {"bad inputs": len(cases), "one line, exit 1": one_line, "other answers": other}


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def injection(url: str) -> dict[str, Any]:
    from openpyxl import load_workbook

    from store.export import export_events
    from store.filters import EventFilter
    from store.reports import add_report
    from store.spreadsheet import FORMULA_STARTS
    from tests.store.test_export_formulas import PAYLOADS

    evs = [{**_event(), "actor1": p, "notes": p, "location": p, "admin1": "Probe"} for p in PAYLOADS]
    add_report(
        _report("inject " + uuid.uuid4().hex), "2024-08-19", source=PAYLOADS[0], events=evs, analyst="p"
    )
    flt = EventFilter(admin1=("Probe",))
    rows = list(csv.reader(io.StringIO(export_events(flt, "csv").decode("utf-8-sig"), newline="")))
    csv_live = sum(c.startswith(FORMULA_STARTS) and not _number(c) for r in rows[1:] for c in r)
    wb = load_workbook(io.BytesIO(export_events(flt, "xlsx")))
    xlsx_live = sum(c.data_type == "f" for ws in wb for row in ws.iter_rows() for c in row)
    return {"payloads": len(PAYLOADS), "events": len(evs), "live formula cells (CSV)": csv_live,
            "live formula cells (XLSX)": xlsx_live}  # fmt: skip


def run(url: str | None = None, edits: int = 50, n_ingests: int = 16, n_kills: int = 6) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        url = url or f"sqlite:///{tmp / 'probe.sqlite'}"
        os.environ["RASD_DATABASE_URL"] = url
        from store.db import database_label
        from store.migrate import upgrade

        upgrade(url)
        print(f"\nreliability probe on {database_label(url)}", flush=True)
        for name, probe in (("races", lambda: races(url, edits)), ("ingests", lambda: ingests(url, n_ingests, tmp)),
                            ("kills", lambda: kills(url, n_kills, tmp)), ("bad input", lambda: bad_input(url, tmp)),
                            ("injection", lambda: injection(url))):  # fmt: skip
            results[name] = probe()
            print(f"{name:>10}: " + ", ".join(f"{k} {v}" for k, v in results[name].items()), flush=True)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="a database the probe may fill (default: a throw-away SQLite file)")
    ap.add_argument("--edits", type=int, default=50)
    ap.add_argument("--ingests", type=int, default=16)
    ap.add_argument("--kills", type=int, default=6)
    a = ap.parse_args()
    run(a.url, a.edits, a.ingests, a.kills)


if __name__ == "__main__":
    main()
