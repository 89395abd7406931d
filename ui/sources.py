"""An event's sources on the Review page and in the Briefing: counts, each report's evidence, split, merge.

Plain functions over ``store.sources`` that return data or an :class:`~ui.paste.Outcome`, tested without
Streamlit; :mod:`ui.review_sources` draws them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from store import reports as store_reports
from store import sources as store_sources
from store.errors import StaleVersion, StoreError, ValidationError
from store.outlets import split_outlets
from ui.highlight import Span, highlight_html
from ui.paste import Outcome, one_line


def with_source_counts(events: pd.DataFrame) -> pd.DataFrame:
    """The events with a ``sources`` column: how many reports tell of each (0 for an event without one)."""
    out = events.copy()
    if "id" not in out.columns:
        return out
    counts = store_sources.source_counts(int(i) for i in out["id"]) if len(out) else {}
    out["sources"] = [counts.get(int(i), 0) for i in out["id"]]
    return out


@dataclass(frozen=True)
class SourceCard:
    """One source as the Review page shows it: a title line, details, and its report highlighted."""

    source_id: int
    title: str
    details: str
    report_html: str | None


def source_cards(event_id: int) -> list[SourceCard]:
    """Each report that tells of the event, its evidence marked in the report's own text."""
    cards = []
    for k, src in enumerate(store_sources.list_sources(event_id), start=1):
        outlet = src.get("outlet") or src.get("report_source") or "unknown outlet"
        when = src["published"].isoformat() if src.get("published") else "no date"
        figure = f"{src['fatalities']} killed" + (" (toll update)" if src.get("toll_update") else "")
        title = f"Source {k}: {outlet} · {when} · report #{src.get('report_id')} · {figure}"
        how = {
            "created": "the report the event was read from",
            "matched": f"matched: {src.get('reason') or ''}",
            "hand": "added by hand from this report",
            "migrated": "the report the event was read from",
        }.get(src.get("attached"), src.get("attached") or "")
        details = how
        if src.get("near_duplicate_of"):
            details += (
                f" · ⚠ a near copy ({src.get('near_duplicate_score') or 0:.0f}% alike) of report "
                f"#{src['near_duplicate_of']} from the same outlet"
            )
        report = store_reports.get_report(src["report_id"]) if src.get("report_id") else None
        html = None
        if report:
            spans = []
            if src.get("evidence_start") is not None and src.get("evidence_end") is not None:
                spans.append(Span(int(src["evidence_start"]), int(src["evidence_end"]), "event", title, k))
            html = highlight_html(report["text"], spans)
        cards.append(SourceCard(int(src["id"]), title, details, html))
    return cards


def split(source_id: int, analyst: str) -> Outcome:
    """Make one source its own event (undo puts it back)."""
    try:
        new_id = store_sources.split_source(source_id, analyst)
    except StaleVersion as exc:
        return Outcome("warning", one_line(exc))
    except (ValidationError, StoreError) as exc:
        return Outcome("error", one_line(exc))
    return Outcome("success", f"The source is now event #{new_id} (Undo my last save puts it back).")


def merge(target_id: int, other_id: int, analyst: str) -> Outcome:
    """Merge ``other`` into ``target`` (undo parts them again)."""
    try:
        store_sources.merge_events(target_id, other_id, analyst)
    except StaleVersion as exc:
        return Outcome("warning", one_line(exc))
    except (ValidationError, StoreError) as exc:
        return Outcome("error", one_line(exc))
    return Outcome(
        "success", f"Event #{other_id} merged into event #{target_id} (Undo my last save parts them again)."
    )


def merge_choices(frame: pd.DataFrame, selected: int) -> list[int]:
    """Events that can be merged into the selected one: the other listed events not rejected."""
    if frame.empty:
        return []
    ok = frame[
        (frame["id"] != selected) & (frame.get("status", pd.Series("", index=frame.index)) != "rejected")
    ]
    return [int(i) for i in ok["id"]]


def outlets_of(source: str | None) -> list[str]:
    return split_outlets(source)


def single_source_count(events: pd.DataFrame) -> int:
    """How many events rest on a single outlet (or none named): ACLED's reliability cue."""
    if events is None or events.empty or "source" not in events.columns:
        return 0
    return int(sum(len(split_outlets(s if isinstance(s, str) else None)) <= 1 for s in events["source"]))


def outlet_counts(sources: Iterable[Any]) -> list[int]:
    """The number of outlets of each event's ``source``."""
    return [len(split_outlets(s if isinstance(s, str) else None)) for s in sources]
