"""The Review page's sections: conflicts, the editor with its buttons, bulk actions, one event, add by hand.

Each function draws one part with the widget keys of :mod:`ui.state` and leaves the work to
:mod:`ui.review`. After a write the editor gets a fresh key (pending edits were saved or discarded) and
the message is flashed so it survives the rerun.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from store import events as store_events
from store import reports as store_reports
from store.filters import EventFilter
from store.revisions import history
from ui import review, state
from ui.editor import READ_ONLY, column_config, diff_edits, editor_frame
from ui.highlight import highlight_html, sentence_spans
from ui.messages import literal, show
from ui.paste import Outcome
from ui.place_candidates import candidates, move_to_candidate, others, warning, with_also_possible
from ui.sources import with_source_counts
from ui.trace import show_trace

# Narrow bookkeeping columns so "old" and "new" get the room in the panel.
HISTORY_CONFIG = {"at": st.column_config.TextColumn(width=120), "analyst": st.column_config.TextColumn(width=70),
                  "field": st.column_config.TextColumn(width=80), "old": st.column_config.TextColumn(width=130),
                  "new": st.column_config.TextColumn(width=130), "version": st.column_config.TextColumn("v", width=30)}  # fmt: skip


@dataclass(frozen=True)
class Context:
    """What every section needs: the fixed editor frame and the pickers' options."""

    frame: pd.DataFrame
    types: dict[str, list[str]]
    places: list[dict[str, Any]]
    place_names: list[str]

    @property
    def ids(self) -> list[int]:
        return [int(i) for i in self.frame["id"]]


@st.cache_data(show_spinner=False, max_entries=16)
def _input_frame(flt: EventFilter, version: int) -> pd.DataFrame:
    """The editor's input as the database held it at ``version`` (never the editor's output)."""
    return editor_frame(with_also_possible(with_source_counts(state.events_frame(flt, version))))


def _editor_input(flt: EventFilter, version: int) -> pd.DataFrame:
    """The rows the editor shows: the current ones, except under unsaved edits.

    The editor reports edits by row position against the rows it was given, each row with the version it
    was read at. Were a write elsewhere to refresh the rows under pending edits, a position could point at
    another event and a changed field would be overwritten unseen. So the rows the edits were made on stay
    until Save (whose version check turns others' changes into conflicts) or Discard.
    """
    key = state.review_editor_key()
    shown = st.session_state.get(state.REVIEW_SHOWN)
    pending = (st.session_state.get(key) or {}).get("edited_rows")
    if pending and shown is not None and shown[:2] == (key, flt):
        if shown[2] != version:
            st.caption(
                "Events were saved elsewhere since you began editing: **Save changes** checks each event "
                "and shows what changed; **Discard edits** shows the current rows."
            )
        return shown[3]
    frame = _input_frame(flt, version)
    st.session_state[state.REVIEW_SHOWN] = (key, flt, version, frame)
    return frame


def context(flt: EventFilter) -> Context:
    version = state.data_version()
    places = state.gazetteer_rows(version)
    names = sorted({p["name_en"] or p["name_ar"] for p in places if p.get("name_en") or p.get("name_ar")})
    return Context(_editor_input(flt, version), state.event_types(), places, names)


def _reset_editor() -> None:
    """Fresh data and a fresh editor (new key): pending edits were saved or discarded."""
    state.data_changed()
    st.session_state[state.REVIEW_EDITOR_GEN] = st.session_state.get(state.REVIEW_EDITOR_GEN, 0) + 1


def _flash(outcome: Outcome) -> None:
    state.flash(state.REVIEW_MESSAGE, outcome.kind, outcome.text)


def _done(outcome: Outcome) -> None:
    """After a successful write: fresh editor, the message kept, and a rerun to show the new data."""
    _reset_editor()
    _flash(outcome)
    st.rerun()


# -- conflicts from an earlier save -----------------------------------------------------------------
def _resolve(conflict: review.Conflict, choice: dict[str, str], analyst: str) -> None:
    outcome, resolved = review.resolve_conflict(conflict, choice, analyst)
    if resolved:
        st.session_state[state.REVIEW_CONFLICTS] = [
            c for c in st.session_state.get(state.REVIEW_CONFLICTS, []) if c is not conflict
        ]
        _reset_editor()
    _flash(outcome)


def conflicts(analyst: str) -> None:
    """Each refused edit, field by field: keep mine or keep the database's."""
    for n, conflict in enumerate(st.session_state.get(state.REVIEW_CONFLICTS, [])):
        theirs = conflict.theirs
        with st.container(border=True):
            by = theirs.get("updated_by") or "someone"
            show("error", f"Event {conflict.event_id} was saved by {by} while you edited it (now version "
                          f"{theirs.get('version')}). Your change was not written: choose per field.")  # fmt: skip
            choice = {}
            for fld, value in conflict.mine.items():
                a, b, c = st.columns([1, 2, 2])
                a.markdown(f"**{literal(fld)}**")
                b.text(f"yours: {value}")
                c.text(f"database: {theirs.get(fld)}")
                choice[fld] = st.radio(
                    f"Keep for {fld}",
                    ["mine", "theirs"],
                    format_func=lambda x: "keep mine" if x == "mine" else "keep theirs",
                    horizontal=True,
                    key=f"review_conflict_{n}_{fld}",
                )
            st.button(
                "Apply my choice",
                key=f"review_conflict_apply_{n}",
                on_click=_resolve,
                args=(conflict, choice, analyst),
            )


# -- the editor -------------------------------------------------------------------------------------
def _undo(analyst: str) -> None:
    outcome = review.undo(analyst)
    if outcome.kind != "warning":
        _reset_editor()
    _flash(outcome)


def editor(ctx: Context, analyst: str) -> None:
    """The table of filtered events; Save writes only changed fields, each as a signed revision."""
    frame, key = ctx.frame, state.review_editor_key()
    st.caption(
        f"{len(frame)} event(s). Edit cells, then **Save changes**: only changed fields are written, each as "
        "a revision with your name."
    )
    st.data_editor(
        frame,
        key=key,
        hide_index=True,
        num_rows="fixed",
        column_config=column_config(frame, ctx.types, state.actor_names(), ctx.place_names),
        disabled=list(READ_ONLY),
        width="stretch",
        height=min(38 * (len(frame) + 1) + 4, 520),
    )
    pending = diff_edits(frame, (st.session_state.get(key) or {}).get("edited_rows") or {})
    b1, b2, b3, _ = st.columns([1, 1, 1, 3])
    if b1.button(
        f"Save changes ({len(pending)})",
        type="primary",
        disabled=not analyst or not pending,
        help=None if analyst else "Type your name in the sidebar first",
    ):
        result = review.save_changes(frame, pending, ctx.places, ctx.types, analyst)
        if result.written:
            st.session_state[state.REVIEW_CONFLICTS] = (
                st.session_state.get(state.REVIEW_CONFLICTS, []) + result.conflicts
            )
            _reset_editor()
        _flash(result.outcome)
        st.rerun()
    b2.button("Discard edits", disabled=not pending, on_click=_reset_editor)
    b3.button("Undo my last save", disabled=not analyst, on_click=_undo, args=(analyst,))
    if not analyst:
        st.warning("Type your name in the sidebar to save changes: every revision records who made it.")


def bulk_actions(ctx: Context, analyst: str) -> None:
    """Mark reviewed, reject, or set actor 1 on every filtered event, after a confirmation tick."""
    n = len(ctx.frame)
    with st.expander(f"Bulk actions on the {n} filtered event(s)"):
        action = st.radio("Action", list(review.BULK_ACTIONS), horizontal=True, key="review_bulk_action")
        actor = None
        if action == "Set actor 1":
            actor = st.selectbox(
                "Actor", state.actor_names(), index=None, accept_new_options=True, key=state.REVIEW_BULK_ACTOR
            )
        sure = st.checkbox(f"Yes, apply “{action}” to all {n} filtered events", key="review_bulk_sure")
        if st.button("Apply", disabled=not analyst or not sure or (action == "Set actor 1" and not actor)):
            outcome = review.bulk_apply(ctx.ids, action, actor, analyst)
            if outcome.kind == "error":
                show("error", outcome.text)
            else:
                _done(outcome)


# -- one event: its report and history --------------------------------------------------------------
def event_panel(ctx: Context, analyst: str) -> dict[str, Any] | None:
    """The chosen event's report with every event marked, and its history; returns the report."""
    ids = ctx.ids
    labels = review.event_labels(ctx.frame)
    if st.session_state.get(state.REVIEW_SELECTED) not in ids:
        st.session_state[state.REVIEW_SELECTED] = ids[0]
    selected = st.selectbox("Event", ids, format_func=labels.get, key=state.REVIEW_SELECTED)
    event = store_events.get_event(selected)
    report = store_reports.get_report(event["report_id"]) if event.get("report_id") else None
    left, right = st.columns([1, 1], gap="medium")
    with left:
        if report:
            outlet = report.get("source") or "unknown outlet"
            st.subheader(literal(f"Report #{report['id']} · {outlet} · {report.get('published') or ''}"))
            spans, order = review.report_spans(report["id"], selected)
            st.html(highlight_html(report["text"], spans))
            st.caption(
                "Badges: " + literal(", ".join(f"{k} = event #{i}" for k, i in enumerate(order, start=1)))
            )
        else:
            st.info("This event was added without a report.")
    with right:
        place_choice(event, ctx, analyst)
        st.subheader(f"History of event #{int(selected)}")
        revs = history(selected)
        if revs:
            st.dataframe(
                review.history_frame(revs), hide_index=True, width="stretch", column_config=HISTORY_CONFIG
            )
        else:
            st.caption("No revisions yet.")
        if event.get("status") != "rejected" and st.button("Reject this event", disabled=not analyst):
            outcome = review.reject(selected, analyst)
            if outcome.kind == "error":
                show("error", outcome.text)
            else:
                _done(outcome)
    show_trace(report, event)
    return report


def _move(event: dict[str, Any], cand: dict[str, Any], ctx: Context, analyst: str) -> None:
    outcome = move_to_candidate(event, cand, ctx.places, analyst)
    if outcome.kind == "success":
        _reset_editor()
    _flash(outcome)


def place_choice(event: dict[str, Any], ctx: Context, analyst: str) -> None:
    """An ambiguous place name: the other places it could be, each a one-click move (undo restores it)."""
    text = warning(event)
    if text is None:
        return
    show("warning", text)
    moves = others(candidates(event), event.get("place_id"))
    for cand, label in moves:
        st.button(
            literal(f"Move to {label}"),
            key=f"review_move_{int(event['id'])}_{cand['id']}",
            disabled=not analyst,
            help=None if analyst else "Type your name in the sidebar first",
            on_click=_move,
            args=(event, cand, ctx, analyst),
        )


# -- add an event by hand ---------------------------------------------------------------------------
def hand_event_form(ctx: Context, report_id: int | None, analyst: str) -> None:
    """A new event on a report, its evidence one of the report's sentences."""
    source_report = store_reports.get_report(report_id) if report_id else None
    with st.expander(f"Add an event by hand{f' to report #{report_id}' if report_id else ''}"):
        if not source_report:
            st.caption("Select an event (or filter by a report) to add an event to its report.")
            return
        body = source_report["text"]
        sentences = sentence_spans(body)
        actors = state.actor_names()
        etype = st.selectbox("Event type", list(ctx.types), key="review_add_type")
        sub = st.selectbox("Sub-type", ctx.types[etype], key="review_add_sub")
        c1, c2 = st.columns(2)
        when = c1.date_input(
            "Date", value=source_report.get("published") or date.today(), key="review_add_date"
        )
        fatalities = c2.number_input("Fatalities", min_value=0, step=1, key="review_add_fat")
        place = st.selectbox("Place", ctx.place_names, index=None, key="review_add_place")
        a1, a2 = st.columns(2)
        actor1 = a1.selectbox("Actor 1", actors, index=None, accept_new_options=True, key="review_add_a1")
        actor2 = a2.selectbox("Actor 2", actors, index=None, accept_new_options=True, key="review_add_a2")
        evidence = st.selectbox(
            "Evidence (a sentence of the report)",
            range(len(sentences)),
            format_func=lambda k: sentences[k][2][:160],
            index=None,
            key="review_add_evidence",
        )
        ready = bool(place and actor1 and evidence is not None and analyst)
        if st.button("Add event", disabled=not ready, key="review_add_go"):
            fields = review.hand_event_fields(
                event_type=etype, sub_event_type=sub, when=when, fatalities=int(fatalities), actor1=actor1,
                actor2=actor2, place=place, places=ctx.places, body=body, sentence=sentences[evidence][:2],
            )  # fmt: skip
            outcome = review.add_hand_event(report_id, fields, analyst)
            if outcome.kind == "error":
                show("error", outcome.text)
            else:
                _done(outcome)
