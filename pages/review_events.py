"""Review events: correct the filtered events in a table; every change is a revision with a name."""

from __future__ import annotations

import streamlit as st

from ui import review_sections as sections
from ui import state
from ui.analyst import current_analyst
from ui.filters import sidebar_filters
from ui.links import explain_missing, take_event_link
from ui.review_sources import sources_panel
from ui.shell import ensure_navigation

ensure_navigation()

analyst = current_analyst()
flt = sidebar_filters()
st.title("Review events")
state.show_flash(state.REVIEW_MESSAGE)
linked = take_event_link()
ctx = sections.context(flt)
explain_missing(linked, ctx.frame)

if flt.report_id:
    st.caption(
        f"Showing the events of report #{int(flt.report_id)} (clear “Report id” in the sidebar to see all)."
    )
if ctx.frame.empty:
    st.info("No events match the filters. Paste a report, or widen the filters in the sidebar.")
    st.stop()

sections.conflicts(analyst)
sections.editor(ctx, analyst)
sections.bulk_actions(ctx, analyst)

st.divider()
report = sections.event_panel(ctx, analyst)
sources_panel(ctx, analyst)
sections.hand_event_form(ctx, flt.report_id or (report["id"] if report else None), analyst)
