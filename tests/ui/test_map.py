"""ui.map: coloured clustered markers, a legend, escaped popups, the offline basemap, aggregation."""

from __future__ import annotations

import json
import re

import pandas as pd

from tests.pages.sample_events import XSS, sample_events
from ui import map as umap
from ui.palette import colour_for, palette


def _frame(n: int = 30) -> pd.DataFrame:
    rows = sample_events(n)
    for i, r in enumerate(rows):
        r["id"] = i + 1
        r["evidence_text"] = r.pop("evidence")["text"]
    return pd.DataFrame(rows)


def _html(df: pd.DataFrame, **kw) -> str:
    return umap.map_html(umap.build_map(df, tiles="offline", **kw))


def test_markers_are_clustered_coloured_and_in_the_legend() -> None:
    html = _html(_frame())
    assert html.count("L.markerClusterGroup(") == 5  # one layer per event type present
    for etype in ("Battles", "Protests", "Strategic developments"):
        assert colour_for(etype) in html
        assert f"{etype} (" in html  # layer name and legend entry with its count
    assert "rasd-legend" in html and "Event type" in html


def test_popup_evidence_is_data_not_markup() -> None:
    html = _html(_frame())
    assert XSS not in html and "<script>window.__rasd_xss" not in html
    assert "textContent" in html and "dir = 'rtl'" in html
    assert "/review_events" in html


def test_offline_basemap_layers_and_vendored_assets_only() -> None:
    html = _html(_frame())
    assert "Syria" in html and "Euphrates" in html and "Lake Assad" in html
    links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert links and all(u.startswith("/app/static/vendor/") for u in links), links


def test_heat_layer_only_when_asked() -> None:
    assert "L.heatLayer(" not in _html(_frame())
    assert "L.heatLayer(" in _html(_frame(), heat=True)


def test_radius_grows_with_fatalities_and_is_capped() -> None:
    r = umap._radius(pd.Series([0, 4, 10_000]))
    assert r.iloc[0] < r.iloc[1] < r.iloc[2] == 22


def test_many_events_are_aggregated_per_place_and_type(monkeypatch) -> None:
    monkeypatch.setattr(umap, "MAX_MARKERS", 10)
    df = _frame(60).assign(latitude=37.0522, longitude=41.2317)  # all at Qamishli
    pts = umap.prepare(df)
    assert len(pts) == 5  # one marker per type
    assert pts["count"].sum() == 60
    assert pts["fatalities"].sum() == _frame(60)["fatalities"].sum()


def test_empty_frame_draws_a_map() -> None:
    html = _html(_frame().iloc[0:0])
    assert "L.map(" in html and "markerClusterGroup" not in html


def test_palette_has_one_colour_per_acled_type() -> None:
    assert len(palette()) == 6 and len(set(palette().values())) == 6


def test_marker_rows_keep_arabic_as_utf8_and_cannot_close_the_script() -> None:
    from ui.map import compact_json

    out = compact_json([[36.1, 40.2, 1, "قصف</script><img src=x onerror=alert(1)>&'"]])
    assert "قصف" in out
    assert "</script>" not in out and "<img" not in out and "&" not in out and "'" not in out
    assert json.loads(out)[0][3] == "قصف</script><img src=x onerror=alert(1)>&'"
