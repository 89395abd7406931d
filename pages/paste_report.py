"""Paste report: a report in, its events highlighted and listed, the chosen ones saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from extraction import analyse
from extraction.errors import MAX_CHARS, InputError
from store import places as store_places
from store import reports as store_reports
from store.columns import PLACE_KINDS
from ui import state
from ui.analyst import current_analyst
from ui.editor import extracted_frame, kept_positions, preview_column_config
from ui.files import UnreadableFile, file_to_text, published_date_line
from ui.filters import request_filters
from ui.highlight import event_spans, highlight_html, legend_html, md_escape, mention_spans, text_direction
from ui.shell import ensure_navigation

ensure_navigation()

DEMO_DIR = Path(__file__).resolve().parents[1] / "data" / "demo"
REVIEW_PAGE = "pages/review_events.py"


def _go_to_review() -> None:
    """Switch to Review; an empty mapping, because clearing the URL would drop the bound filters' params."""
    st.switch_page(REVIEW_PAGE, query_params={})


analyst = current_analyst()
st.title("Paste a report")
state.show_flash(state.PASTE_MESSAGE)


def _load_example() -> None:
    path = DEMO_DIR / st.session_state[state.PASTE_EXAMPLE]
    st.session_state[state.PASTE_TEXT] = path.read_text(encoding="utf-8")
    st.session_state.pop(state.PASTE_ANALYSIS, None)


def _use_date(found: date) -> None:
    st.session_state[state.PASTE_DATE] = found


def _open_report(report_id: int) -> None:
    """Button callback: open Review on this report (switching pages is done in the script body)."""
    request_filters(**{state.F_REPORT: report_id})
    st.session_state[state.PASTE_GOTO_REVIEW] = True


if st.session_state.pop(state.PASTE_GOTO_REVIEW, False):
    _go_to_review()


def _too_long(text: str) -> str | None:
    if len(text) > MAX_CHARS:
        return f"The text has {len(text):,} characters; Rasd takes at most {MAX_CHARS:,} (1 MB) per report."
    return None


def _extract(text: str, published: date, source: str | None) -> None:
    """Run the extractor; failures become one line and the text stays in the box."""
    st.session_state.pop(state.PASTE_ANALYSIS, None)
    if not text.strip():
        st.warning("Paste the text of a report first (the box is empty).")
        return
    if problem := _too_long(text):
        st.error(problem)
        return
    try:
        result = analyse(
            text,
            published.isoformat(),
            source=source,
            extra_places=state.extra_places(state.data_generation()),
        )
    except InputError as exc:
        st.error(str(exc))
        return
    except Exception as exc:  # noqa: BLE001 - any extractor failure must leave the analyst's text intact
        st.error(f"Extraction failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}).")
        return
    st.session_state[state.PASTE_ANALYSIS] = (text, published, result)
    st.session_state[state.PASTE_KEEP_GEN] = st.session_state.get(state.PASTE_KEEP_GEN, 0) + 1


# -- inputs -----------------------------------------------------------------------------------------
examples = sorted(p.name for p in DEMO_DIR.glob("*.txt")) if DEMO_DIR.is_dir() else []
if examples:
    e1, e2 = st.columns([3, 1], vertical_alignment="bottom")
    e1.selectbox("Try an example", examples, key=state.PASTE_EXAMPLE)
    e2.button("Load example", on_click=_load_example)

current_text = st.session_state.get(state.PASTE_TEXT, "") or ""
direction = text_direction(current_text) if current_text.strip() else "rtl"
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

if st.button("Extract", type="primary"):
    _extract(text, published, source)

# -- result -----------------------------------------------------------------------------------------
stored = st.session_state.get(state.PASTE_ANALYSIS)
if stored and stored[0] != text:
    st.info("The text changed since the last extraction: press Extract again.")
    stored = None
if stored:
    _, published_at, analysis = stored
    duplicate = store_reports.find_duplicate(text)
    if duplicate:
        st.warning(f"This report is already stored (report #{duplicate}); saving it again adds nothing.")
        st.button(f"Open report #{duplicate} in Review", on_click=_open_report, args=(duplicate,))
    for message in analysis.messages:
        st.caption(message)
    left, right = st.columns([1, 1], gap="medium")
    with left:
        st.subheader(f"{len(analysis.events)} event(s) found")
        spans = event_spans(analysis.events) + mention_spans(analysis.mentions)
        st.html(highlight_html(analysis.text, spans))
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
            if not analyst:
                st.warning(
                    "Type your name in the sidebar first: it is recorded with the report and its events."
                )
            else:
                try:
                    result = store_reports.add_report(
                        text,
                        published_at,
                        source=source or None,
                        url=url.strip() or None,
                        events=[analysis.events[i] for i in keep],
                        analyst=analyst,
                    )
                except Exception as exc:  # noqa: BLE001 - one line, and the text stays in the box
                    st.error(
                        f"Could not save the report: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                    )
                else:
                    state.data_changed()
                    if result.duplicate:
                        st.warning(
                            f"This report is already stored (report #{result.report_id}); nothing was added."
                        )
                    else:
                        state.flash(
                            state.REVIEW_MESSAGE,
                            "success",
                            f"Saved report #{result.report_id} with {len(result.event_ids)} event(s).",
                        )
                        st.session_state.pop(state.PASTE_ANALYSIS, None)
                        request_filters(**{state.F_REPORT: result.report_id})
                        _go_to_review()

    if analysis.unknown_places:
        st.subheader("Places not in the gazetteer")
        st.caption("Add a place so the next extraction locates it; it is placed at the place you choose.")
        known = state.gazetteer_rows(state.data_generation())
        names = {}
        for m in analysis.unknown_places:
            names.setdefault(m.text, m)
        for i, name in enumerate(names):
            a, b, k, c = st.columns([2, 3, 1, 1], vertical_alignment="bottom")
            a.markdown(
                f"**{md_escape(name)}**" if name.strip() else "(blank)", help="as written in the report"
            )
            parent = b.selectbox(
                "Located at / near",
                range(len(known)),
                format_func=lambda j: f"{known[j]['name_en']} · {known[j]['name_ar']} ({known[j]['admin1']})",
                index=None,
                key=f"paste_unknown_parent_{i}",
                placeholder="a known place",
            )
            kind = k.selectbox(
                "Kind", PLACE_KINDS, index=PLACE_KINDS.index("village"), key=f"paste_unknown_kind_{i}"
            )
            if c.button(
                "Add to gazetteer", key=f"paste_unknown_add_{i}", disabled=parent is None or not analyst
            ):
                p = known[parent]
                try:
                    store_places.add_place(
                        {
                            "name_ar": name,
                            "kind": kind,
                            "located_by": p["id"],
                            "parent_id": p["id"],
                            "admin1": p["admin1"],
                            "admin2": p["admin2"],
                            "admin3": p["admin3"],
                            "source": f"added by {analyst} from a pasted report",
                        },
                        analyst,
                    )
                except Exception as exc:  # noqa: BLE001 - one line for the analyst
                    st.error(f"Could not add {md_escape(name)}: {md_escape(str(exc).splitlines()[0])}")
                else:
                    state.data_changed()
                    st.success(
                        f"Added {md_escape(name)} near {md_escape(p['name_en'])}. Press Extract again to use it."
                    )
            st.page_link(
                "pages/places.py", label=f"Open “{md_escape(name)}” in Places", query_params={"name": name}
            )

# -- uploads ----------------------------------------------------------------------------------------
st.divider()
st.subheader("Upload reports")
uploads = st.file_uploader(
    "Text, web page, Word or PDF files; each becomes a report",
    type=["txt", "html", "htm", "docx", "pdf"],
    accept_multiple_files=True,
    key=f"paste_files_{st.session_state.get(state.PASTE_UPLOAD_GEN, 0)}",
)
if uploads and st.button(f"Extract and save {len(uploads)} file(s)"):
    if not analyst:
        st.warning("Type your name in the sidebar first: it is recorded with the reports.")
    else:
        bar = st.progress(0.0, text="Reading files…")
        rows = []
        extra = state.extra_places(state.data_generation())
        for n, f in enumerate(uploads, start=1):
            bar.progress((n - 1) / len(uploads), text=f"{md_escape(f.name)} ({n}/{len(uploads)})")
            row = {"file": f.name, "report": None, "events": 0, "result": ""}
            try:
                body = file_to_text(f.name, f.getvalue())
                if problem := _too_long(body):
                    raise UnreadableFile(f"{f.name}: {problem}")
                result = analyse(body, published.isoformat(), source=source or None, extra_places=extra)
                added = store_reports.add_report(
                    body, published, source=source or None, events=result.events, analyst=analyst
                )
                row.update(report=added.report_id, events=len(added.event_ids))
                row["result"] = "already stored" if added.duplicate else "saved"
            except (UnreadableFile, InputError) as exc:
                row["result"] = str(exc)
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
                row["result"] = f"failed: {type(exc).__name__}"
            rows.append(row)
        bar.progress(1.0, text="Done")
        state.data_changed()
        st.session_state[state.PASTE_UPLOADS] = rows
if st.session_state.get(state.PASTE_UPLOADS):
    st.dataframe(st.session_state[state.PASTE_UPLOADS], hide_index=True, width="stretch")
    ids = [r["report"] for r in st.session_state[state.PASTE_UPLOADS] if r["report"]]
    if ids:
        st.button("Review the last uploaded report", on_click=_open_report, args=(ids[-1],))
