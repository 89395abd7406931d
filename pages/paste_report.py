"""Paste report: a report in, its events highlighted and listed, the chosen ones saved."""

from __future__ import annotations

import streamlit as st

from ui import paste_sections as sections
from ui import state
from ui.analyst import current_analyst
from ui.shell import ensure_navigation

ensure_navigation()

analyst = current_analyst()
st.title("Paste a report")
state.show_flash(state.PASTE_MESSAGE)
sections.follow_review_request()

sections.example_picker()
inputs = sections.report_inputs()
if st.button("Extract", type="primary"):
    sections.extract(inputs)

current = sections.current_analysis(inputs.text)
if current:
    published, analysis = current
    duplicate = sections.duplicate_notice(inputs.text, inputs.source, published)
    sections.results(inputs, published, analysis, analyst, duplicate)
    sections.unknown_places(analysis, analyst)

st.divider()
sections.uploads(inputs, analyst)
