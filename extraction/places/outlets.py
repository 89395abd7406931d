"""The area an outlet reports from (data/outlet_areas.csv): a weak hint between places of one name."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from extraction.normalise import fold

OUTLETS_CSV = Path(__file__).resolve().parents[2] / "data" / "outlet_areas.csv"


@lru_cache(maxsize=1)
def _areas() -> dict[str, str]:
    with OUTLETS_CSV.open(encoding="utf-8", newline="") as fh:
        return {fold(r["outlet"]): r["admin1"].strip() for r in csv.DictReader(fh) if r["outlet"].strip()}


@lru_cache(maxsize=1024)
def outlet_admin1(source: str | None) -> str | None:
    """The governorate an outlet covers, when the table knows it (its name, or a name it contains)."""
    if not source:
        return None
    key = fold(source)
    areas = _areas()
    if key in areas:
        return areas[key]
    return next((a for name, a in areas.items() if len(name) > 4 and name in key), None)
