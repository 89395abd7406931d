"""The Review page's sources section: how many reports tell of the selected event, each report with its
evidence highlighted, a split per source, and a merge of another event into this one."""

from __future__ import annotations

import streamlit as st

from ui import review, sources, state
from ui.highlight import md_escape
from ui.paste import Outcome


def _apply(outcome: Outcome) -> None:
    if outcome.kind == "success":
        state.data_changed()
        st.session_state[state.REVIEW_EDITOR_GEN] = st.session_state.get(state.REVIEW_EDITOR_GEN, 0) + 1
    state.flash(state.REVIEW_MESSAGE, outcome.kind, outcome.text)


def _split(source_id: int, analyst: str) -> None:
    _apply(sources.split(source_id, analyst))


def _merge(target: int, analyst: str) -> None:
    other = st.session_state.get(state.REVIEW_MERGE_OTHER)
    if other is None:
        _apply(Outcome("error", "Choose the event to merge into this one first."))
        return
    _apply(sources.merge(target, int(other), analyst))


def sources_panel(ctx, analyst: str) -> None:  # ctx: ui.review_sections.Context
    """The selected event's sources, with split and merge (each one save that undo restores)."""
    selected = st.session_state.get(state.REVIEW_SELECTED)
    if selected not in ctx.ids:
        return
    cards = sources.source_cards(int(selected))
    st.subheader(f"Sources of event #{int(selected)}: {len(cards)} report(s)")
    if not cards:
        st.caption("This event was added without a report.")
    for card in cards:
        with st.container(border=True, key=f"review_source_{card.source_id}"):
            st.markdown(f"**{md_escape(card.title)}**")
            st.caption(md_escape(card.details))
            if card.report_html:
                with st.expander("The report, this source's evidence highlighted", expanded=len(cards) <= 3):
                    st.html(card.report_html)
            if len(cards) > 1:
                st.button(
                    "Split off into its own event",
                    key=f"review_split_{card.source_id}",
                    disabled=not analyst,
                    on_click=_split,
                    args=(card.source_id, analyst),
                    help="This report told of another event: make it one (Undo my last save puts it back).",
                )
    choices = sources.merge_choices(ctx.frame, int(selected))
    if choices:
        labels = review.event_labels(ctx.frame)
        a, b = st.columns([3, 1], vertical_alignment="bottom")
        a.selectbox(
            f"Merge another event into #{selected} (the same happening, told apart)",
            choices,
            format_func=labels.get,
            index=None,
            key=state.REVIEW_MERGE_OTHER,
            placeholder="an event of the list above",
        )
        b.button("Merge", disabled=not analyst, on_click=_merge, args=(int(selected), analyst))
