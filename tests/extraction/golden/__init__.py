"""The golden snapshot: the extractor's output on every text the project ships or can see.

``python -m tests.extraction.golden`` rewrites the snapshot files; ``test_golden.py`` diffs the current output
against them. A refactor keeps them byte-identical; quality work updates them in commits of their own, so
every change in what Rasd extracts is visible in review as a diff of these files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SHARED = ROOT.parent / "shared" / "eval"


def _gold_dir(path: Path) -> Iterator[dict]:
    for p in sorted(path.glob("*.json")):
        rec = json.loads(p.read_text(encoding="utf-8"))
        yield {
            "id": rec["id"],
            "text": rec["text"],
            "published": rec["published"],
            "source": rec.get("source"),
        }


def _demo() -> Iterator[dict]:
    demo = ROOT / "data" / "demo"
    with (demo / "index.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = (demo / row["file"]).read_text(encoding="utf-8")
            yield {"id": row["file"], "text": text, "published": row["published"], "source": row["source"]}


def _mixes() -> Iterator[dict]:
    """150 reports of shuffled lines from the shipped sets: more orders and neighbours than any one text has."""
    import random

    pool = []
    for name, folder in sets().items():
        if folder is not None and name.startswith("heldout"):  # fixed pool: new sets never change it
            pool.extend(_gold_dir(folder))
    lines = [
        (ln, r["published"], r.get("source")) for r in pool for ln in r["text"].splitlines() if ln.strip()
    ]
    rng = random.Random(20261204)
    for n in range(150):
        picked = rng.sample(lines, 6)
        yield {
            "id": f"mix-{n:03d}",
            "text": "\n".join(ln for ln, _, _ in picked),
            "published": picked[0][1],
            "source": picked[rng.randrange(6)][2],
        }


def sets() -> dict[str, Path | None]:
    """Snapshot name -> the folder of gold reports (None for generated ones); shared sets where present."""
    out: dict[str, Path | None] = {"demo": None, "mixes": None}
    for d in sorted((ROOT / "tests" / "extraction").iterdir()):
        if d.is_dir() and (d.name.startswith("heldout") or d.name.startswith("real")):
            out[d.name] = d
    for name in ("dev", "dev-real"):
        if (SHARED / name).is_dir():
            out[name] = SHARED / name
    return out


def reports(name: str, folder: Path | None) -> list[dict]:
    if folder is None:
        return list(_demo() if name == "demo" else _mixes())
    return list(_gold_dir(folder))


def render(recs: list[dict]) -> str:
    """What ``python -m extraction batch`` prints for these reports, one JSON line each."""
    from extraction import extract

    lines = []
    for r in recs:
        events = extract(r["text"], r["published"], r.get("source"))
        lines.append(json.dumps({"id": r["id"], "events": [e.to_dict() for e in events]}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def snapshot_path(name: str) -> Path:
    return HERE / f"{name}.jsonl"


def update() -> list[str]:
    written = []
    for name, folder in sets().items():
        snapshot_path(name).write_text(render(reports(name, folder)), encoding="utf-8")
        written.append(name)
    return written
