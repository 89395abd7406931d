"""The command line: extract, batch, places; clear one-line errors and exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo" / "01-drone-amuda.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extraction", *args], capture_output=True, text=True, cwd=ROOT, input=stdin
    )


def test_extract_prints_a_json_array() -> None:
    p = run("extract", str(DEMO), "--published", "2024-03-11", "--source", "demo")
    assert p.returncode == 0, p.stderr
    events = json.loads(p.stdout)
    assert events and events[0]["source"] == "demo"
    assert "Traceback" not in p.stderr


def test_bad_date_exits_2_with_a_message() -> None:
    p = run("extract", str(DEMO), "--published", "11/03/2024")
    assert p.returncode == 2
    assert "YYYY-MM-DD" in p.stderr and "Traceback" not in p.stderr


def test_binary_and_non_utf8_files_exit_2(tmp_path) -> None:
    b = tmp_path / "x.bin"
    b.write_bytes(b"\x89PNG\x00\x00\x01\x02")
    p = run("extract", str(b), "--published", "2024-01-01")
    assert p.returncode == 2 and "binary" in p.stderr and "Traceback" not in p.stderr
    c = tmp_path / "x.txt"
    c.write_bytes("قصف".encode("cp1256"))
    p = run("extract", str(c), "--published", "2024-01-01")
    assert p.returncode == 2 and "UTF-8" in p.stderr


def test_missing_file_exits_2(tmp_path) -> None:
    p = run("places", str(tmp_path / "nope.txt"))
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_empty_file_gives_an_empty_array_and_a_message(tmp_path) -> None:
    e = tmp_path / "e.txt"
    e.write_text("  \n", encoding="utf-8")
    p = run("extract", str(e), "--published", "2024-01-01")
    assert p.returncode == 0 and json.loads(p.stdout) == []
    assert "No text to read" in p.stderr


def test_batch_reports_bad_lines_and_continues(tmp_path) -> None:
    f = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": DEMO.read_text(encoding="utf-8"), "published": "2024-03-11", "source": "demo"},
        {"id": "b", "text": "قصف", "published": "yesterday"},
    ]
    f.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n", encoding="utf-8"
    )
    p = run("batch", str(f))
    assert p.returncode == 0
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert [x["id"] for x in out] == ["a"] and out[0]["events"]
    errs = [json.loads(x) for x in p.stderr.splitlines()]
    assert [x["id"] for x in errs] == ["b", "line 3"]


def test_places_prints_mentions() -> None:
    p = run("places", str(DEMO))
    assert p.returncode == 0
    ms = json.loads(p.stdout)
    assert any(m["name_en"] == "`Amuda" for m in ms)
    assert all({"start", "end", "text", "lat", "lon", "geo_precision"} <= set(m) for m in ms)
