"""store.export: every format parses, ACLED's columns come first in order, report text stays data."""

from __future__ import annotations

import calendar
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from openpyxl import load_workbook

from store.columns import ACLED_COLUMNS, EXPORT_COLUMNS, RASD_COLUMNS
from store.errors import ValidationError
from store.events import get_event
from store.export import _kml_colour, export_events, palette
from store.filters import EventFilter
from store.reports import add_report
from tests.store.conftest import sample_event, unique_text

KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def ids(db_url: str) -> list[int]:
    evil = sample_event(
        evidence={"start": 0, "end": 30, "text": "قصف <script>alert(1)</script> على عامودا"},
        notes='<img src=x onerror="alert(1)">',
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
    )
    res = add_report(unique_text(), "2024-03-02", source="North Press", events=[sample_event(), evil])
    return res.event_ids


def test_csv_header_order_and_values(ids: list[int]) -> None:
    data = export_events(EventFilter(), "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 Arabic
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == ACLED_COLUMNS + RASD_COLUMNS
    assert rows[0][: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    recs = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    first = next(r for r in recs if r["id"] == str(ids[0]))
    assert first["event_id_cnty"] == f"SYR{ids[0]}"
    assert (first["iso"], first["region"], first["country"]) == ("760", "Middle East", "Syria")
    assert first["year"] == "2024" and first["event_date"] == "2024-03-01"
    assert first["version"] == "1" and first["evidence_text"] == "اشتباكات"
    ev = get_event(ids[0])
    assert int(first["timestamp"]) == calendar.timegm(ev["updated_at"].timetuple())


def test_geojson_properties(ids: list[int]) -> None:
    fc = json.loads(export_events(EventFilter(), "geojson"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    f = next(f for f in fc["features"] if f["properties"]["id"] == ids[0])
    assert f["geometry"] == {"type": "Point", "coordinates": [41.2317, 37.0522]}
    assert set(EXPORT_COLUMNS) <= set(f["properties"]) and f["properties"]["version"] == 1


def test_kml_placemarks_styled_and_escaped(ids: list[int]) -> None:
    root = ET.fromstring(export_events(EventFilter(), "kml"))
    marks = root.findall(f".//{KML}Placemark")
    assert len(marks) == 2
    colours = {s.find(f"{KML}IconStyle/{KML}color").text for s in root.iter(f"{KML}Style")}
    assert _kml_colour(palette()["Battles"]) in colours
    assert _kml_colour(palette()["Explosions/Remote violence"]) in colours
    descs = " ".join(m.find(f"{KML}description").text for m in marks)
    assert "&lt;script&gt;" in descs and "<script>" not in descs  # HTML-escaped inside the description
    assert "onerror=&quot;" in descs


def test_xlsx_opens_with_events_and_about(ids: list[int]) -> None:
    wb = load_workbook(io.BytesIO(export_events(EventFilter(admin1=("Al-Hasakeh",)), "xlsx")))
    assert wb.sheetnames == ["events", "about"]
    rows = list(wb["events"].iter_rows(values_only=True))
    assert rows[0] == EXPORT_COLUMNS and len(rows) == 3
    about = {r[0]: r[1] for r in wb["about"].iter_rows(values_only=True)}
    assert about["filter: admin1"] == "Al-Hasakeh" and about["events"] == 2


def test_filters_apply_and_bad_format(ids: list[int]) -> None:
    fc = json.loads(export_events(EventFilter(event_types=("Battles",)), "geojson"))
    assert [f["properties"]["id"] for f in fc["features"]] == [ids[0]]
    with pytest.raises(ValidationError, match="format"):
        export_events(EventFilter(), "pdf")
