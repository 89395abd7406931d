"""Briefing: a print-ready summary of the filtered period, with image, HTML and data downloads."""

import streamlit as st
from streamlit_folium import st_folium

from ui import state
from ui.basemap import mode_caption, tile_mode
from ui.briefing import (
    briefing_html,
    figure_png,
    key_figures,
    map_png,
    period_of,
    previous_filter,
    top_events,
)
from ui.filters import sidebar_filters
from ui.map import build_map
from ui.map_panel import cached_points
from ui.shell import ensure_navigation
from ui.timeline import build_timeline, counts_from_events
from ui.timeline_data import brief_events, counts

ensure_navigation()

FILES = "briefing_files"
EXPORT_FORMATS = {"csv": "text/csv", "geojson": "application/geo+json", "kml": "application/vnd.google-earth.kml+xml",
                  "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}  # fmt: skip

flt = sidebar_filters()
gen = state.data_generation()
title = st.text_input("Title", value="North-east Syria: security briefing", key="brief_title")
cur = brief_events(flt, gen)
prev_flt = previous_filter(flt)
prev = brief_events(prev_flt, gen)
lo, hi = period_of(cur, flt)
period = f"{lo} – {hi}" if lo else "no events"
st.title(title)
st.markdown(f"**Period:** {period}")
if prev_flt is None:
    st.caption("Set both From and To in the sidebar to compare with the previous period of the same length.")

figs = key_figures(cur, prev)
m1, m2, m3 = st.columns(3)
m1.metric("Events", f"{figs['events']:,}", None if prev is None else figs["events"] - figs["previous_events"],
          delta_color="inverse")  # fmt: skip
m2.metric("Fatalities", f"{figs['fatalities']:,}",
          None if prev is None else figs["fatalities"] - figs["previous_fatalities"], delta_color="inverse")  # fmt: skip
m3.metric("Governorates", f"{figs['by_governorate'].shape[0]:,}")
t1, t2 = st.columns(2)
t1.markdown("**By governorate**")
t1.dataframe(figs["by_governorate"], hide_index=True, use_container_width=True)
t2.markdown("**By event type**")
t2.dataframe(figs["by_type"], hide_index=True, use_container_width=True)

points = cached_points(flt, gen)
mode = tile_mode()
st.subheader("Map")
st_folium(
    build_map(points, tiles=mode), key="brief_map", height=520, use_container_width=True, returned_objects=[]
)
st.caption(mode_caption(mode))

st.subheader("Timeline")
freq = "W" if lo and hi and (hi - lo).days > 120 else "D"
tl = build_timeline(counts(flt, freq, gen) if len(cur) else counts_from_events(cur, freq), freq)
st.plotly_chart(tl, key="brief_timeline", theme=None)

st.subheader("Top events")
top = top_events(cur, 10)
st.dataframe(top, hide_index=True, use_container_width=True)

st.subheader("Downloads")
if st.button("Prepare briefing files (map PNG, chart PNG, HTML)", key="brief_prepare"):
    with st.spinner("Drawing the map and charts in headless Chromium…"):
        try:
            mp = map_png(build_map(points, tiles="offline"), 1600, 1000, 2)
            cp = figure_png(tl, 1600, 500, 2)
            page = briefing_html(title, f"Period: {period}", figs, top, timeline=tl, map_png_bytes=mp)
            st.session_state[FILES] = {"map": mp, "chart": cp, "html": page.encode("utf-8")}
        except Exception as exc:  # noqa: BLE001 - a failed export must not take the page down
            st.error(
                f"The images could not be drawn: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
            )
files = st.session_state.get(FILES)
if files:
    d1, d2, d3 = st.columns(3)
    d1.download_button("Map PNG", files["map"], "rasd-map.png", "image/png", key="dl_map", on_click="ignore")
    d2.download_button(
        "Timeline PNG", files["chart"], "rasd-timeline.png", "image/png", key="dl_chart", on_click="ignore"
    )
    d3.download_button(
        "HTML briefing", files["html"], "rasd-briefing.html", "text/html", key="dl_html", on_click="ignore"
    )

st.markdown("**Data** (the same files as `python -m store export`)")
cols = st.columns(len(EXPORT_FORMATS))
try:
    from store.export import export_events

    for col, (fmt, mime) in zip(cols, EXPORT_FORMATS.items(), strict=True):
        col.download_button(fmt.upper(), lambda fmt=fmt: export_events(flt, fmt), f"rasd-events.{fmt}", mime,
                            key=f"dl_{fmt}", on_click="ignore")  # fmt: skip
except ImportError:
    st.caption("Data exports are not available in this build.")
