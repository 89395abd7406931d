"""``python -m store ingest DIR_OR_FILES... --workers N``: bulk ingest with corroboration across the batch."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import pytest

from store.events import get_event
from store.ingest import items, run
from store.sources import list_sources
from tests.store.conftest import run_cli

NORTH_PRESS = (
    "قصفت طائرة مسيّرة تركية، مساء أمس الأحد، سيارة عسكرية لقوات سوريا الديمقراطية قرب مدينة عامودا، "
    "ما أدى إلى مقتل عنصرين."
)
SOHR = "قُتل ثلاثة عناصر من «قسد» إثر استهداف طائرة مسيرة تركية سيارتهم قرب عامودا مساء أمس."
ENGLISH = (
    "A Turkish drone struck an SDF vehicle near Amuda on Sunday evening, killing two fighters. "
    "The death toll rose to 3 on Monday."
)
QAMISHLI = "قصفت طائرة مسيّرة تركية، مساء أمس الأحد، موقعاً لقوات سوريا الديمقراطية في مدينة القامشلي، ما أدى إلى مقتل عنصر."


def _archive(root: Path, day: str) -> Path:
    """Three outlets on one strike, one on another strike the same day, an index, and two bad files."""
    tag = uuid.uuid4().hex[:8]  # reports are unique by text: each test gets its own
    folder = root / "archive"
    folder.mkdir()
    for name, text in (("1-np.txt", NORTH_PRESS), ("2-sohr.txt", SOHR), ("3-qamishli.txt", QAMISHLI)):
        (folder / name).write_text(f"{text}\n{tag}", encoding="utf-8")
    (folder / "index.csv").write_text(
        f"file,published,source\n1-np.txt,{day},نورث برس\n2-sohr.txt,{day},SOHR\n3-qamishli.txt,{day},Hawar\n"
        f"4-binary.txt,{day},SOHR\n",
        encoding="utf-8",
    )
    (folder / "4-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "5-undated.txt").write_text(f"{SOHR} {tag}", encoding="utf-8")
    jsonl = root / "more.jsonl"
    lines = [
        {"id": "en-1", "text": f"{ENGLISH} {tag}", "published": day, "source": "Kurdistan24"},
        {"id": "dup", "text": f"{NORTH_PRESS}\n{tag}", "published": day, "source": "North Press"},
        {"id": "no-date", "text": "x"},
    ]
    jsonl.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n", encoding="utf-8"
    )
    return folder


def test_items_read_their_date_and_outlet_or_say_why_not(tmp_path: Path) -> None:
    folder = _archive(tmp_path, "2024-03-11")
    got = {Path(i.name).name: i for i in items([folder, tmp_path / "more.jsonl"])}
    assert (got["1-np.txt"].published.isoformat(), got["1-np.txt"].source) == ("2024-03-11", "نورث برس")
    assert "binary" in got["4-binary.txt"].error
    assert got["5-undated.txt"].error.startswith("no publication date")
    assert got["more.jsonl:1 (en-1)"].source == "Kurdistan24" and got["more.jsonl:1 (en-1)"].error is None
    assert got["more.jsonl:3 (no-date)"].error.startswith("no publication date")
    assert got["more.jsonl:4"].error == "not a JSON object"
    # --published fills in for files the index does not date
    [undated] = [i for i in items([folder], published=date(2024, 3, 12)) if "5-" in i.name]
    assert undated.error is None and undated.published.isoformat() == "2024-03-12"


@pytest.mark.parametrize("workers", [1, 2])
def test_bulk_ingest_corroborates_across_the_batch(db_url: str, tmp_path: Path, workers: int) -> None:
    day = "2024-03-11" if workers == 1 else "2023-05-08"  # a Monday: "أمس الأحد" is the 7th
    folder = _archive(tmp_path, day)
    summary = run([folder, tmp_path / "more.jsonl"], workers=workers, progress=False).as_dict()
    assert summary["reports"] == 4 and summary["duplicates"] == 1
    assert summary["new_events"] == 2 and summary["corroborations"] == 2
    failed = {Path(f["file"]).name: f["error"] for f in summary["failures"]}
    assert set(failed) == {"4-binary.txt", "5-undated.txt", "more.jsonl:3 (no-date)", "more.jsonl:4"}
    assert summary["workers"] == workers and summary["reports_per_s"] > 0
    # the strike near Amuda: three outlets, the English report's toll update wins
    sources = [s for s in _events_with_sources(day) if len(s) == 3]
    assert len(sources) == 1
    event = get_event(sources[0][0]["event_id"])
    assert event["source"] == "North Press; SOHR; Kurdistan24"
    assert event["fatalities"] == 3 and "toll as updated by Kurdistan24" in event["notes"]


def _events_with_sources(day: str) -> list[list[dict]]:
    from store.events import query_events
    from store.filters import EventFilter

    ids = query_events(EventFilter(date_from=None, text=None))["id"]
    return [list_sources(int(i)) for i in ids if str(get_event(int(i))["event_date"]) <= day]


def test_cli_bulk_summary_and_exit_status(db_url: str, tmp_path: Path) -> None:
    folder = _archive(tmp_path, "2022-02-14")
    proc = run_cli("ingest", str(folder), "--workers", "2")
    assert proc.returncode == 1, proc.stderr  # some files failed, the others are stored
    out = json.loads(proc.stdout)
    assert out["reports"] == 3 and out["corroborations"] == 1 and len(out["failures"]) == 2
    assert "failed: " in proc.stderr and "5-undated.txt: no publication date" in proc.stderr
    (folder / "4-binary.txt").unlink()
    again = run_cli("ingest", str(folder), "--published", "2022-02-14")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["duplicates"] == 4  # the undated one is dated now, and a repeat of SOHR's
    bad = run_cli("ingest", str(folder), "--workers", "0")
    assert bad.returncode == 1 and "number of workers" in bad.stderr  # one line, exit 1, as every CLI error
