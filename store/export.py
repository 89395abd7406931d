"""Exports of the filtered events: ACLED-column CSV, GeoJSON, KML (Google Earth) and XLSX.

One table feeds every format (``export_frame``), so a column added here appears in all four and
the CSV, the GeoJSON properties and the spreadsheet always agree.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import asdict
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import pandas as pd

from store import db
from store.columns import ACLED_COLUMNS, COUNTRY, COUNTRY_CODE, EXPORT_COLUMNS, RASD_COLUMNS
from store.errors import ValidationError
from store.events import query_events
from store.filters import EventFilter
from store.spreadsheet import csv_bytes, xlsx_row

__all__ = [
    "ACLED_COLUMNS",
    "RASD_COLUMNS",
    "EXPORT_COLUMNS",
    "FORMATS",
    "export_frame",
    "export_events",
    "palette",
]

FORMATS = ("csv", "geojson", "kml", "xlsx")
MEDIA_TYPES = {
    "csv": "text/csv",
    "geojson": "application/geo+json",
    "kml": "application/vnd.google-earth.kml+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DEFAULT_COLOUR = "#777777"


@lru_cache(maxsize=1)
def palette() -> dict[str, str]:
    """Event type -> "#RRGGBB", from data/event_palette.csv (the map uses the same file)."""
    path = db.ROOT / "data" / "event_palette.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return {row["event_type"]: row["colour"] for row in csv.DictReader(f)}


def export_frame(flt: EventFilter) -> pd.DataFrame:
    """The filtered events with ACLED's columns first, then Rasd's, values ready to serialise."""
    df = query_events(flt)
    out = pd.DataFrame(index=df.index)
    ids = df["id"].astype("int64")
    dates = (
        pd.to_datetime(df["event_date"].astype(str)) if len(df) else pd.to_datetime(pd.Series([], dtype=str))
    )
    updated = pd.to_datetime(df["updated_at"]) if len(df) else pd.to_datetime(pd.Series([], dtype=str))
    for col in EXPORT_COLUMNS:
        if col == "event_id_cnty":
            out[col] = COUNTRY_CODE + ids.astype(str)
        elif col == "year":
            out[col] = dates.dt.year.astype("int64")
        elif col in COUNTRY:
            out[col] = COUNTRY[col]
        elif col == "timestamp":
            # Unix seconds of the last change (pandas may hold ns or us: divide by a Timedelta).
            out[col] = ((updated - pd.Timestamp(0)) // pd.Timedelta(seconds=1)).astype("int64")
        elif col in ("event_date", "date_min", "date_max"):
            out[col] = df[col].map(lambda d: d.isoformat() if d is not None and not pd.isna(d) else None)
        elif col == "updated_at":
            out[col] = updated.map(lambda t: t.replace(tzinfo=UTC).isoformat(timespec="seconds"))
        else:
            out[col] = df[col]
    return out[list(EXPORT_COLUMNS)]


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain Python values (NaN -> None, numpy -> int/float/bool)."""
    clean = df.astype(object).where(df.notna(), None)
    recs = clean.to_dict("records")
    for r in recs:
        for k, v in r.items():
            if hasattr(v, "item"):
                r[k] = v.item()
    return recs


def to_csv(df: pd.DataFrame) -> bytes:
    """UTF-8 with a BOM, so Excel shows the Arabic; text that a spreadsheet would run as a formula is
    neutralised (store.spreadsheet)."""
    return csv_bytes(list(df.columns), ([r[c] for c in df.columns] for r in _records(df)))


def to_geojson(df: pd.DataFrame) -> bytes:
    features = []
    for r in _records(df):
        lat, lon = r.get("latitude"), r.get("longitude")
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        )
        features.append({"type": "Feature", "id": r["id"], "geometry": geometry, "properties": r})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")


def _kml_colour(hex_rgb: str) -> str:
    """ "#RRGGBB" -> KML's "aabbggrr"."""
    h = hex_rgb.lstrip("#")
    return f"ff{h[4:6]}{h[2:4]}{h[0:2]}".lower()


_KML_FIELDS = (
    ("Date", "event_date"),
    ("Type", "event_type"),
    ("Sub-type", "sub_event_type"),
    ("Actor 1", "actor1"),
    ("Actor 2", "actor2"),
    ("Fatalities", "fatalities"),
    ("Place", "location"),
    ("المكان", "location_ar"),
    ("Governorate", "admin1"),
    ("Geo precision", "geo_precision"),
    ("Source", "source"),
    ("Notes", "notes"),
    ("Status", "status"),
    ("Rasd id / version", "id"),
)


def _kml_description(r: dict[str, Any]) -> str:
    """An HTML table; every value escaped (report text is data)."""
    rows = []
    for label, key in _KML_FIELDS:
        value = r.get(key)
        if key == "id":
            value = f"{r['id']} / v{r['version']}"
        if value is None or value == "":
            continue
        rows.append(f"<tr><th align='left'>{html.escape(label)}</th><td>{html.escape(str(value))}</td></tr>")
    evidence = r.get("evidence_text")
    ev_html = f"<p dir='rtl'>{html.escape(evidence)}</p>" if evidence else ""
    return f"<table>{''.join(rows)}</table>{ev_html}"


def to_kml(df: pd.DataFrame) -> bytes:
    """Placemarks styled by event type (a colour per type, as on the map), with an HTML description."""
    import simplekml

    kml = simplekml.Kml(name="Rasd events")
    colours = palette()
    styles: dict[str, simplekml.Style] = {}
    folders: dict[str, Any] = {}
    for r in _records(df):
        if r.get("latitude") is None or r.get("longitude") is None:
            continue
        etype = r.get("event_type") or "Other"
        if etype not in styles:
            st = simplekml.Style()
            st.iconstyle.color = _kml_colour(colours.get(etype, DEFAULT_COLOUR))
            st.iconstyle.scale = 1.0
            st.iconstyle.icon.href = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
            st.labelstyle.scale = 0
            styles[etype] = st
            folders[etype] = kml.newfolder(name=etype)
        pnt = folders[etype].newpoint(
            name=f"{r['event_date']} {r.get('sub_event_type') or etype} — {r.get('location') or ''}",
            coords=[(r["longitude"], r["latitude"])],
        )
        pnt.description = _kml_description(r)
        pnt.timestamp.when = r["event_date"]
        pnt.style = styles[etype]
        pnt.extendeddata.newdata("rasd_id", str(r["id"]))
        pnt.extendeddata.newdata("version", str(r["version"]))
    return kml.kml().encode("utf-8")


def to_xlsx(df: pd.DataFrame, flt: EventFilter) -> bytes:
    """One sheet of events and an "about" sheet with the filter and the export time; every text cell is a
    string cell, never a formula (store.spreadsheet)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("events")
    ws.append(xlsx_row(ws, df.columns))
    for r in _records(df):
        ws.append(xlsx_row(ws, (r[c] for c in df.columns)))
    about = wb.create_sheet("about")
    about.append(["Rasd export"])
    about.append(xlsx_row(about, ["exported_at", datetime.now(UTC).isoformat(timespec="seconds")]))
    about.append(xlsx_row(about, ["database", db.database_label()]))
    about.append(["events", len(df)])
    for key, value in asdict(flt).items():
        if isinstance(value, tuple):
            value = ", ".join(map(str, value))
        about.append(xlsx_row(about, [f"filter: {key}", "" if value is None else str(value)]))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_events(flt: EventFilter, fmt: str) -> bytes:
    """The filtered events in ``fmt`` (csv, geojson, kml or xlsx)."""
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise ValidationError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    df = export_frame(flt)
    if fmt == "csv":
        return to_csv(df)
    if fmt == "geojson":
        return to_geojson(df)
    if fmt == "kml":
        return to_kml(df)
    return to_xlsx(df, flt)
