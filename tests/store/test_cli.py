"""``python -m store``: JSON on stdout, one-line errors with exit 1, never a traceback."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from store.columns import EXPORT_COLUMNS
from store.events import get_event
from store.reports import add_report
from tests.store.conftest import ROOT, run_cli, sample_event, unique_text

# a report the repository ships (../shared is not there in every clone)
REPORT = ROOT / "data" / "demo" / "01-drone-amuda.txt"


def _one_line_error(proc) -> str:
    assert proc.returncode == 1, proc.stdout + proc.stderr
    err = proc.stderr.strip()
    assert err and "\n" not in err and "Traceback" not in err, proc.stderr
    return err


def test_migrate(db_url: str) -> None:
    proc = run_cli("migrate")
    assert proc.returncode == 0, proc.stderr
    assert "database ready" in proc.stderr


def test_ingest_then_duplicate(db_url: str, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run_cli(
        "ingest", str(report), "--published", "2021-04-22", "--source", "North Press", "--analyst", "cli-test"
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["duplicate"] is False and out["events"] >= 1 and isinstance(out["report_id"], int)
    again = run_cli("ingest", str(report), "--published", "2021-04-22")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == {"report_id": out["report_id"], "events": 0, "duplicate": True}


def test_ingest_without_published_uses_today(db_url: str, tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        unique_text("قصفت طائرة مسيرة تركية سيارة في القامشلي اليوم، ما أدى إلى مقتل شخصين."),
        encoding="utf-8",
    )
    proc = run_cli("ingest", str(report))
    assert proc.returncode == 0, proc.stderr
    assert date.today().isoformat() in proc.stderr
    assert json.loads(proc.stdout)["duplicate"] is False


def test_ingest_missing_file(db_url: str, tmp_path: Path) -> None:
    assert "cannot read" in _one_line_error(
        run_cli("ingest", str(tmp_path / "none.txt"), "--published", "2024-01-01")
    )


def test_export_csv_stdout_and_binary_needs_out(db_url: str, tmp_path: Path) -> None:
    add_report(unique_text(), "2024-03-02", events=[sample_event(admin1="Ar-Raqqa")])
    proc = subprocess_csv = run_cli("export", "--format", "csv", "--admin1", "Ar-Raqqa")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(subprocess_csv.stdout.lstrip("\ufeff"))))
    assert (
        tuple(rows[0]) == EXPORT_COLUMNS and len(rows) == 2 and rows[1][rows[0].index("admin1")] == "Ar-Raqqa"
    )
    assert "--out" in _one_line_error(run_cli("export", "--format", "xlsx"))
    out = tmp_path / "e.xlsx"
    proc = run_cli(
        "export", "--format", "xlsx", "--out", str(out), "--from", "2024-01-01", "--type", "Battles"
    )
    assert proc.returncode == 0, proc.stderr
    assert load_workbook(out).sheetnames == ["events", "about"]


def test_edit_history_and_stale(db_url: str) -> None:
    eid = add_report(unique_text(), "2024-03-02", events=[sample_event()]).event_ids[0]
    proc = run_cli(
        "edit", str(eid), "fatalities=4", "notes=تعديل", "--analyst", "cli", "--expect-version", "1"
    )
    assert proc.returncode == 0, proc.stderr
    new = json.loads(proc.stdout)
    assert new["version"] == 2 and new["fatalities"] == 4 and new["notes"] == "تعديل"
    stale = run_cli("edit", str(eid), "fatalities=9", "--analyst", "late", "--expect-version", "1")
    assert "version 2" in _one_line_error(stale)
    assert get_event(eid)["fatalities"] == 4 and get_event(eid)["version"] == 2
    bad = run_cli("edit", str(eid), "geo_precision=7", "--analyst", "cli", "--expect-version", "2")
    assert "geo_precision" in _one_line_error(bad)
    hist = run_cli("history", str(eid))
    assert hist.returncode == 0, hist.stderr
    revs = json.loads(hist.stdout)
    assert [(r["field"], r["old"], r["new"], r["analyst"]) for r in revs] == [
        ("fatalities", 2, 4, "cli"),
        ("notes", "Clashes between the SDF and ISIS in Qamishli.", "تعديل", "cli"),
    ]
    assert all({"field", "old", "new", "analyst", "at"} <= set(r) for r in revs)
    assert "no event" in _one_line_error(run_cli("history", "999999"))


def test_places_export(db_url: str) -> None:
    proc = run_cli("places", "export")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.lstrip("\ufeff").startswith("id,name_en,name_ar")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgres://", "cannot use the database"),
        ("::not-a-url::", "not a database URL"),
        ("sqlite:////proc/rasd-nope/x.sqlite", "no SQLite database at /proc/rasd-nope/x.sqlite"),
    ],
)
def test_broken_database_url_is_one_line(url: str, words: str) -> None:
    err = _one_line_error(run_cli("export", "--format", "csv", env={"RASD_DATABASE_URL": url}))
    assert words in err


def test_newer_database_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'n.sqlite'}"
    assert run_cli("migrate", env={"RASD_DATABASE_URL": url}).returncode == 0
    import sqlite3

    con = sqlite3.connect(tmp_path / "n.sqlite")
    con.execute("UPDATE alembic_version SET version_num = '0042'")
    con.commit()
    con.close()
    err = _one_line_error(run_cli("history", "1", env={"RASD_DATABASE_URL": url}))
    assert "database is at migration 0042, newer than this Rasd" in err and "upgrade Rasd" in err
