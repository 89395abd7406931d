"""Briefing: a print-ready summary of the filtered period, with image, HTML and data downloads."""

import streamlit as st
from streamlit_folium import st_folium

from ui import state
from ui.basemap import mode_caption, tile_mode
from ui.briefing import key_figures, period_of, previous_filter, top_events
from ui.briefing_downloads import data_downloads, image_downloads
from ui.filters import sidebar_filters
from ui.map import build_map
from ui.map_panel import cached_points
from ui.messages import literal
from ui.shell import ensure_navigation
from ui.timeline import build_timeline, counts_from_events
from ui.timeline_data import brief_events, counts

ensure_navigation()

flt = sidebar_filters()
version = state.data_version()
title = st.text_input("Title", value="North-east Syria: security briefing", key="brief_title")
cur = brief_events(flt, version)
prev_flt = previous_filter(flt)
prev = brief_events(prev_flt, version)
lo, hi = period_of(cur, flt)
period = f"{lo} – {hi}" if lo else "no events"
st.title(literal(title))
st.markdown(f"**Period:** {literal(period)}")
if prev_flt is None:
    st.caption("Set both From and To in the sidebar to compare with the previous period of the same length.")

figs = key_figures(cur, prev)
m1, m2, m3, m4 = st.columns(4)
m1.metric("Events", f"{figs['events']:,}", None if prev is None else figs["events"] - figs["previous_events"],
          delta_color="inverse")  # fmt: skip
m2.metric("Fatalities", f"{figs['fatalities']:,}",
          None if prev is None else figs["fatalities"] - figs["previous_fatalities"], delta_color="inverse")  # fmt: skip
m3.metric("Governorates", f"{figs['by_governorate'].shape[0]:,}")
m4.metric("Single-source events", f"{figs['single_source']:,}", help="Events only one outlet reports")
t1, t2 = st.columns(2)
t1.markdown("**By governorate**")
t1.dataframe(figs["by_governorate"], hide_index=True, use_container_width=True)
t2.markdown("**By event type**")
t2.dataframe(figs["by_type"], hide_index=True, use_container_width=True)

points = cached_points(flt, version)
mode = tile_mode()
st.subheader("Map")
st_folium(
    build_map(points, tiles=mode), key="brief_map", height=520, use_container_width=True, returned_objects=[]
)
st.caption(mode_caption(mode))

st.subheader("Timeline")
freq = "W" if lo and hi and (hi - lo).days > 120 else "D"
tl = build_timeline(counts(flt, freq, version) if len(cur) else counts_from_events(cur, freq), freq)
st.plotly_chart(tl, key="brief_timeline", theme=None)

st.subheader("Top events")
top = top_events(cur, 10)
st.dataframe(top, hide_index=True, use_container_width=True)

st.subheader("Downloads")
image_downloads(title, period, figs, top, tl, points)
data_downloads(flt)
