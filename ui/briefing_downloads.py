"""The Briefing page's downloads: map and chart PNGs and the HTML briefing on request, data files always.

The images are drawn in headless Chromium only when asked (seconds of work), then kept in the session.
Every download button has ``on_click="ignore"``: a rerun would retire the files of the data buttons,
whose contents are made on click (deferred), so a second click could find nothing.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from store.filters import EventFilter
from ui.briefing import briefing_html, figure_png, map_png
from ui.map import build_map
from ui.messages import show
from ui.paste import one_line

FILES = "briefing_files"
EXPORT_FORMATS = {"csv": "text/csv", "geojson": "application/geo+json", "kml": "application/vnd.google-earth.kml+xml",
                  "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}  # fmt: skip


def prepare_files(
    title: str,
    period: str,
    figs: dict[str, Any],
    top: pd.DataFrame,
    timeline: go.Figure,
    points: pd.DataFrame,
) -> dict[str, bytes]:
    """Map PNG (offline basemap), timeline PNG and the self-contained HTML briefing."""
    mp = map_png(build_map(points, tiles="offline"), 1600, 1000, 2)
    cp = figure_png(timeline, 1600, 500, 2)
    page = briefing_html(title, f"Period: {period}", figs, top, timeline=timeline, map_png_bytes=mp)
    return {"map": mp, "chart": cp, "html": page.encode("utf-8")}


def image_downloads(title: str, period: str, figs: dict[str, Any], top: pd.DataFrame, timeline: go.Figure,
                    points: pd.DataFrame) -> None:  # fmt: skip
    """The "Prepare" button, then the three files it made."""
    if st.button("Prepare briefing files (map PNG, chart PNG, HTML)", key="brief_prepare"):
        with st.spinner("Drawing the map and charts in headless Chromium…"):
            try:
                st.session_state[FILES] = prepare_files(title, period, figs, top, timeline, points)
            except Exception as exc:  # noqa: BLE001 - a failed export must not take the page down
                show("error", f"The images could not be drawn: {one_line(exc)}")
    files = st.session_state.get(FILES)
    if files:
        d1, d2, d3 = st.columns(3)
        d1.download_button(
            "Map PNG", files["map"], "rasd-map.png", "image/png", key="dl_map", on_click="ignore"
        )
        d2.download_button("Timeline PNG", files["chart"], "rasd-timeline.png", "image/png", key="dl_chart",
                           on_click="ignore")  # fmt: skip
        d3.download_button("HTML briefing", files["html"], "rasd-briefing.html", "text/html", key="dl_html",
                           on_click="ignore")  # fmt: skip


def data_downloads(flt: EventFilter) -> None:
    """The filtered events as CSV (ACLED columns), GeoJSON, KML and XLSX, made when clicked."""
    st.markdown("**Data** (the same files as `python -m store export`)")
    try:
        from store.export import export_events
    except ImportError:
        st.caption("Data exports are not available in this build.")
        return
    for col, (fmt, mime) in zip(st.columns(len(EXPORT_FORMATS)), EXPORT_FORMATS.items(), strict=True):
        col.download_button(fmt.upper(), lambda fmt=fmt: export_events(flt, fmt), f"rasd-events.{fmt}", mime,
                            key=f"dl_{fmt}", on_click="ignore")  # fmt: skip
