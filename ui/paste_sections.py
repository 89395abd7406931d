"""The Paste page's sections: the inputs, the extracted events with Save, unknown places, uploads.

Each function draws one part of the page with the widget keys of :mod:`ui.state`; the work itself is in
:mod:`ui.paste`. Switching to Review happens in the script body (a callback cannot switch pages), so a
callback sets ``PASTE_GOTO_REVIEW`` and :func:`follow_review_request` acts on it at the top of the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from store import places as store_places
from store import reports as store_reports
from store.columns import PLACE_KINDS
from ui import paste, state
from ui.editor import extracted_frame, kept_positions, preview_column_config
from ui.files import published_date_line
from ui.filters import request_filters
from ui.highlight import legend_html, text_direction
from ui.messages import literal, show

DEMO_DIR = Path(__file__).resolve().parents[1] / "data" / "demo"
REVIEW_PAGE = "pages/review_events.py"
PLACES_PAGE = "pages/places.py"


@dataclass(frozen=True)
class Inputs:
    """What the analyst typed above the Extract button."""

    text: str
    published: date
    source: str | None
    url: str


def _go_to_review() -> None:
    """Switch to Review; an empty mapping, because clearing the URL would drop the bound filters' params."""
    st.switch_page(REVIEW_PAGE, query_params={})


def _open_report(report_id: int) -> None:
    """Button callback: open Review on this report (the switch itself happens in the next run's body)."""
    request_filters(**{state.F_REPORT: report_id})
    st.session_state[state.PASTE_GOTO_REVIEW] = True


def follow_review_request() -> None:
    """Go to Review when a button asked for it in the previous run."""
    if st.session_state.pop(state.PASTE_GOTO_REVIEW, False):
        _go_to_review()


def _load_example() -> None:
    st.session_state[state.PASTE_TEXT] = (DEMO_DIR / st.session_state[state.PASTE_EXAMPLE]).read_text(
        encoding="utf-8"
    )
    _forget_analysis()


def _use_date(found: date) -> None:
    st.session_state[state.PASTE_DATE] = found


def example_picker() -> None:
    """The shipped example reports (data/demo), one click into the text box."""
    examples = sorted(p.name for p in DEMO_DIR.glob("*.txt")) if DEMO_DIR.is_dir() else []
    if examples:
        e1, e2 = st.columns([3, 1], vertical_alignment="bottom")
        e1.selectbox("Try an example", examples, key=state.PASTE_EXAMPLE)
        e2.button("Load example", on_click=_load_example)


def report_inputs() -> Inputs:
    """The text box (right-to-left for Arabic), the published date, outlet and URL."""
    current = st.session_state.get(state.PASTE_TEXT, "") or ""
    direction = text_direction(current) if current.strip() else "rtl"
    # Streamlit has no RTL mode: the text area's direction follows its script; each line also finds its own.
    st.html(
        f"<style>.st-key-{state.PASTE_TEXT} textarea {{direction:{direction};unicode-bidi:plaintext;"
        "font-size:1.05rem;line-height:1.8}</style>"
    )
    st.text_area(
        "Report text (Arabic or English)",
        key=state.PASTE_TEXT,
        height=260,
        placeholder="الصق نص التقرير هنا… / paste the report here",
    )
    text = st.session_state.get(state.PASTE_TEXT, "") or ""
    c1, c2, c3 = st.columns([1, 2, 2])
    if state.PASTE_DATE not in st.session_state:
        st.session_state[state.PASTE_DATE] = date.today()
    published = c1.date_input("Published", key=state.PASTE_DATE, format="YYYY-MM-DD")
    found = published_date_line(text)
    if found and found != published:
        c1.button(f"Use {found.isoformat()} (from the text)", on_click=_use_date, args=(found,))
    try:
        sources = store_reports.list_sources()
    except Exception:  # noqa: BLE001 - suggestions are a convenience; typing still works
        sources = []
    source = c2.selectbox(
        "Outlet",
        sources,
        index=None,
        key=state.PASTE_SOURCE,
        accept_new_options=True,
        placeholder="choose or type a new outlet",
    )
    url = c3.text_input("URL", key=state.PASTE_URL, placeholder="https://…")
    return Inputs(text, published, source, url)


def _forget_analysis() -> None:
    st.session_state.pop(state.PASTE_ANALYSIS, None)
    st.session_state.pop(state.PASTE_HIGHLIGHT, None)


def extract(inputs: Inputs) -> None:
    """Run the extractor and keep its analysis and highlighted report for the following runs (the page
    reruns on every widget change; neither is made again); failures are one line."""
    _forget_analysis()
    extra = state.extra_places(state.data_version())
    result = paste.extract(inputs.text, inputs.published, inputs.source, extra)
    if isinstance(result, paste.Outcome):
        show(result.kind, result.text)
        return
    st.session_state[state.PASTE_ANALYSIS] = (inputs.text, inputs.published, result)
    st.session_state[state.PASTE_HIGHLIGHT] = paste.report_html(result)
    st.session_state[state.PASTE_KEEP_GEN] = st.session_state.get(state.PASTE_KEEP_GEN, 0) + 1


def current_analysis(text: str) -> tuple[date, Any] | None:
    """(published, analysis) of the last extraction, unless the text changed since."""
    stored = st.session_state.get(state.PASTE_ANALYSIS)
    if stored and stored[0] != text:
        st.info("The text changed since the last extraction: press Extract again.")
        return None
    return (stored[1], stored[2]) if stored else None


def duplicate_notice(text: str, source: str | None = None, published: date | None = None) -> int | None:
    """Say so when this text is already stored, with a way to open it; returns its report id. A light
    edit of a report from the same outlet is flagged (saving it is allowed)."""
    duplicate = store_reports.find_duplicate(text)
    if duplicate:
        st.warning(f"This report is already stored (report #{int(duplicate)}); saving it again adds nothing.")
        st.button(f"Open report #{int(duplicate)} in Review", on_click=_open_report, args=(duplicate,))
    if not duplicate and (near := paste.near_duplicate(text, source, published)):
        st.warning(
            f"This text nearly repeats report #{int(near[0])} from the same outlet ({float(near[1]):.0f}% alike): check it "
            "is not the same report lightly edited. Saving it adds it as another source of the same events."
        )
    return duplicate


def results(inputs: Inputs, published: date, analysis: Any, analyst: str, duplicate: int | None) -> None:
    """The report with its events highlighted beside the events table with its "keep" ticks and Save."""
    for message in analysis.messages:
        st.caption(literal(message))
    left, right = st.columns([1, 1], gap="medium")
    with left:
        st.subheader(f"{len(analysis.events)} event(s) found")
        if state.PASTE_HIGHLIGHT not in st.session_state:
            st.session_state[state.PASTE_HIGHLIGHT] = paste.report_html(analysis)
        st.html(st.session_state[state.PASTE_HIGHLIGHT])
        st.html(legend_html())
    with right:
        frame = extracted_frame(analysis.events)
        st.data_editor(
            frame,
            key=state.paste_keep_key(),
            hide_index=True,
            disabled=[c for c in frame.columns if c != "keep"],
            column_config=preview_column_config(),
            width="stretch",
        )
        keep = kept_positions(frame, st.session_state.get(state.paste_keep_key()))
        if st.button(f"Save report and {len(keep)} event(s)", type="primary", disabled=bool(duplicate)):
            _save(inputs, published, [analysis.events[i] for i in keep], analyst)


def _save(inputs: Inputs, published: date, events: list[Any], analyst: str) -> None:
    result = paste.save(
        inputs.text, published, source=inputs.source, url=inputs.url, events=events, analyst=analyst
    )
    if result.report_id is not None:
        state.data_changed()
    if not result.open_review:
        show(result.outcome.kind, result.outcome.text)
        return
    state.flash(state.REVIEW_MESSAGE, "success", result.outcome.text)
    _forget_analysis()
    request_filters(**{state.F_REPORT: result.report_id})
    _go_to_review()


def unknown_places(analysis: Any, analyst: str) -> None:
    """Places the gazetteer missed, each with a one-click "add near a known place"."""
    if not analysis.unknown_places:
        return
    st.subheader("Places not in the gazetteer")
    st.caption("Add a place so the next extraction locates it; it is placed at the place you choose.")
    known = state.gazetteer_rows(state.data_version())
    for i, name in enumerate(paste.unknown_names(analysis.unknown_places)):
        a, b, k, c = st.columns([2, 3, 1, 1], vertical_alignment="bottom")
        a.markdown(f"**{literal(name)}**" if name.strip() else "(blank)", help="as written in the report")
        parent = b.selectbox(
            "Located at / near",
            range(len(known)),
            format_func=lambda j: paste.parent_label(known[j]),
            index=None,
            key=f"paste_unknown_parent_{i}",
            placeholder="a known place",
        )
        kind = k.selectbox(
            "Kind", PLACE_KINDS, index=PLACE_KINDS.index("village"), key=f"paste_unknown_kind_{i}"
        )
        if c.button("Add to gazetteer", key=f"paste_unknown_add_{i}", disabled=parent is None or not analyst):
            _add_place(name, kind, known[parent], analyst)
        st.page_link(PLACES_PAGE, label=f"Open “{literal(name)}” in Places", query_params={"name": name})


def _add_place(name: str, kind: str, parent: dict[str, Any], analyst: str) -> None:
    try:
        store_places.add_place(paste.place_near(name, kind, parent, analyst), analyst)
    except Exception as exc:  # noqa: BLE001 - one line for the analyst
        show("error", f"Could not add {name}: {paste.one_line(exc)}")
        return
    state.data_changed()
    show("success", f"Added {name} near {parent['name_en']}. Press Extract again to use it.")


def uploads(inputs: Inputs, analyst: str) -> None:
    """Several files at once, each stored as a report with all its events; a table says what happened."""
    st.subheader("Upload reports")
    files = st.file_uploader(
        "Text, web page, Word or PDF files; each becomes a report",
        type=["txt", "html", "htm", "docx", "pdf"],
        accept_multiple_files=True,
        key=f"paste_files_{st.session_state.get(state.PASTE_UPLOAD_GEN, 0)}",
    )
    if files and st.button(f"Extract and save {len(files)} file(s)"):
        if not analyst:
            st.warning("Type your name in the sidebar first: it is recorded with the reports.")
        else:
            bar = st.progress(0.0, text="Reading files…")
            extra = state.extra_places(state.data_version())
            rows = []
            for n, f in enumerate(files, start=1):
                bar.progress((n - 1) / len(files), text=f"{literal(f.name)} ({n}/{len(files)})")
                rows.append(
                    paste.upload_one(
                        f.name,
                        f.getvalue(),
                        inputs.published,
                        source=inputs.source,
                        analyst=analyst,
                        extra_places=extra,
                    )  # fmt: skip
                )
            bar.progress(1.0, text="Done")
            state.data_changed()
            st.session_state[state.PASTE_UPLOADS] = rows
    done = st.session_state.get(state.PASTE_UPLOADS)
    if done:
        st.dataframe(done, hide_index=True, width="stretch")
        ids = [r["report"] for r in done if r["report"]]
        if ids:
            st.button("Review the last uploaded report", on_click=_open_report, args=(ids[-1],))
