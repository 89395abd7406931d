"""Cells that stay data when an export is opened in a spreadsheet (CSV and XLSX).

Outlets, actors, notes and place names are typed by analysts or read from reports. A value such as
``=HYPERLINK("http://…"&A1,"TV")`` or ``=cmd|' /C calc'!A0`` would run as a formula in Excel,
LibreOffice or Google Sheets. Following OWASP's CSV-injection guidance, a CSV text cell that begins
with ``= + - @``, a tab, a carriage return or a line feed (or the full-width ``＝ ＋ － ＠`` some
spreadsheets also read as formulas) gets a leading ``'``, which spreadsheets show as text; the csv module
quotes separators and quotes inside a cell, so no value can open a cell of its own. In XLSX every text
cell is written as a string cell, never a formula. Numbers are never touched: -3.5 stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell: text that a spreadsheet would read as a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A CSV file (UTF-8 with a BOM, so Excel shows the Arabic) with every text cell neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def xlsx_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """A row for an openpyxl write-only sheet: text as string cells (openpyxl would make ``=…`` a formula)."""
    from openpyxl.cell import WriteOnlyCell

    row: list[Any] = []
    for v in values:
        if isinstance(v, str):
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(v)
    return row
