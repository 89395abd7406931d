"""The command line: extract, batch, places; every error one line on stderr with exit 1, within the
app's character limit (``--max-chars`` raises it)."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from extraction.__main__ import main
from extraction.errors import MAX_CHARS

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo" / "01-drone-amuda.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extraction", *args], capture_output=True, text=True, cwd=ROOT, input=stdin
    )


def one_line_error(p: subprocess.CompletedProcess) -> str:
    assert p.returncode == 1, (p.returncode, p.stderr)
    err = p.stderr.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err, p.stderr
    assert p.stdout == ""
    return err


def test_extract_prints_a_json_array() -> None:
    p = run("extract", str(DEMO), "--published", "2024-03-11", "--source", "demo")
    assert p.returncode == 0, p.stderr
    events = json.loads(p.stdout)
    assert events and events[0]["source"] == "demo"
    assert "Traceback" not in p.stderr


def test_bad_date_is_one_line_exit_1() -> None:
    assert "YYYY-MM-DD" in one_line_error(run("extract", str(DEMO), "--published", "11/03/2024"))


def test_binary_and_non_utf8_files_are_one_line(tmp_path) -> None:
    b = tmp_path / "x.bin"
    b.write_bytes(b"\x89PNG\x00\x00\x01\x02")
    assert "binary" in one_line_error(run("extract", str(b), "--published", "2024-01-01"))
    late_nul = tmp_path / "late.txt"  # a NUL far into the file is found too, not only in its first 8 KB
    late_nul.write_bytes(("قصف على القامشلي. " * 2000).encode("utf-8") + b"\x00")
    assert "NUL byte" in one_line_error(run("places", str(late_nul)))
    c = tmp_path / "x.txt"
    c.write_bytes("قصف".encode("cp1256"))
    assert "UTF-8" in one_line_error(run("extract", str(c), "--published", "2024-01-01"))


def test_missing_file_is_one_line(tmp_path) -> None:
    assert "cannot read" in one_line_error(run("places", str(tmp_path / "nope.txt")))


def test_empty_file_says_so(tmp_path) -> None:
    for content in ("", "  \n"):
        e = tmp_path / "e.txt"
        e.write_text(content, encoding="utf-8")
        assert "is empty" in one_line_error(run("extract", str(e), "--published", "2024-01-01"))


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("bogus",),
        ("extract",),
        ("extract", str(DEMO)),  # --published is required
        ("extract", str(DEMO), "--published", "2024-01-01", "--max-chars", "0"),
        ("batch", str(DEMO), "--max-chars", "1e309"),
        ("places", str(DEMO), "--nonsense"),
    ],
)
def test_argument_errors_are_one_line_exit_1(args: tuple[str, ...]) -> None:
    one_line_error(run(*args))


def test_a_20_mb_text_is_refused_before_it_is_read(tmp_path, capsys) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        chunk = ("قصف مدفعي على القامشلي اليوم. " * 1000).encode("utf-8")
        while f.tell() < 20_000_000:
            f.write(chunk)
    tracemalloc.start()
    try:
        code = main(["extract", str(big), "--published", "2024-01-01"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    err = capsys.readouterr().err.strip()
    assert code == 1 and err.count("\n") == 0
    assert f"{MAX_CHARS:,} characters" in err and "--max-chars" in err
    assert peak < 2_000_000, peak  # the file (20 MB) was never read into memory


def test_over_the_limit_by_characters_and_raised_with_max_chars(tmp_path) -> None:
    text = "Shelling hit Qamishli on Monday, killing two people. " * 5
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    err = one_line_error(run("extract", str(f), "--published", "2024-03-11", "--max-chars", "100"))
    assert f"the text has {len(text):,} characters; Rasd takes at most 100 per report" in err
    err = one_line_error(run("extract", str(f), "--published", "2024-03-11", "--max-chars", "10"))
    assert f"is {len(text):,} bytes: longer than the 10 characters Rasd takes" in err  # by its size, unread
    p = run("extract", str(f), "--published", "2024-03-11", "--max-chars", str(len(text)))
    assert p.returncode == 0 and json.loads(p.stdout)


def test_batch_reports_bad_lines_and_continues(tmp_path) -> None:
    f = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": DEMO.read_text(encoding="utf-8"), "published": "2024-03-11", "source": "demo"},
        {"id": "b", "text": "قصف", "published": "yesterday"},
        {"id": "c", "text": "قصف " * 300, "published": "2024-03-11"},  # over --max-chars 1000
    ]
    f.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n" + "x" * 20_000 + "\n",
        encoding="utf-8",
    )
    p = run("batch", str(f), "--max-chars", "1000")
    assert p.returncode == 0
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert [x["id"] for x in out] == ["a"] and out[0]["events"]
    errs = [json.loads(x) for x in p.stderr.splitlines()]
    assert [x["id"] for x in errs] == ["b", "c", "line 4", "line 5"]
    assert "Rasd takes at most 1,000" in errs[1]["error"] and "longer than" in errs[3]["error"]


def test_places_prints_mentions() -> None:
    p = run("places", str(DEMO))
    assert p.returncode == 0
    ms = json.loads(p.stdout)
    assert any(m["name_en"] == "`Amuda" for m in ms)
    assert all({"start", "end", "text", "lat", "lon", "geo_precision"} <= set(m) for m in ms)
