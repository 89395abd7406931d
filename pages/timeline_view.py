"""Timeline: events per day or week by type, deaths, and each event by date and governorate."""

from datetime import date

import streamlit as st

from ui import state
from ui.filters import request_filters, sidebar_filters
from ui.shell import ensure_navigation
from ui.timeline import build_strip, build_timeline
from ui.timeline_data import STRIP_LIMIT, counts, default_freq, selected_range, strip_events

ensure_navigation()

st.title("Timeline")
flt = sidebar_filters()
version = state.data_version()
c1, c2, c3 = st.columns([1, 1, 2])
FREQS = ["D", "W"]
freq = c1.radio("Per", FREQS, index=FREQS.index(default_freq(counts(flt, "W", version))), key="tl_freq",
                format_func={"D": "day", "W": "week"}.get, horizontal=True)  # fmt: skip
show_bg = c2.toggle("Show background events", value=False, key="tl_background")
c3.caption(
    "Drag across the chart to narrow the sidebar's dates to that range. Background events are never counted."
)

df = counts(flt, freq, version)
if df.empty:
    st.info("No events match the filters yet: paste a report, or widen the filters.")
    st.stop()

fig = build_timeline(df, freq)
sel = st.plotly_chart(fig, key="tl_chart", on_select="rerun", selection_mode="box", theme=None)
rng = selected_range(sel)
if rng:
    request_filters(
        **{state.F_DATE_FROM: date.fromisoformat(rng[0]), state.F_DATE_TO: date.fromisoformat(rng[1])}
    )
    st.rerun()

st.subheader("Events by date and governorate")
events = strip_events(flt, version)
if len(events) >= STRIP_LIMIT:
    st.caption(f"The strip shows the latest {STRIP_LIMIT:,} events; narrow the filters to see all.")
st.plotly_chart(build_strip(events, show_background=show_bg), key="tl_strip", theme=None)
