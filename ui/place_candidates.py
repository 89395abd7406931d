"""An event whose place name fits several places: what Review and the Map say, and the move to another.

The extractor keeps the places an ambiguous name could be in the event's ``extra`` (``place_candidates``,
its choice first) and names the others in the notes. Review shows the candidates the event is not at
("also possible") and moves it to one in a click through the Map's move (a revision that undo restores);
the notes' "place ambiguous" clause follows the move. Plain functions, tested without Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from extraction.notes import CANDIDATES, ambiguity, place_labels
from store.errors import NotFound, StaleVersion, StoreError, ValidationError
from ui.paste import Outcome, one_line

ALSO_POSSIBLE = "also_possible"  # the Review editor's read-only column


def candidates(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every place the event's place name could be (the extractor's choice first); empty if unambiguous."""
    cands = (event.get("extra") or {}).get(CANDIDATES)
    return [c for c in cands if isinstance(c, dict) and c.get("id")] if isinstance(cands, list) else []


def others(cands: Sequence[Mapping[str, Any]], place_id: str | None) -> list[tuple[dict[str, Any], str]]:
    """(candidate, label) for each candidate the event is not at now."""
    return [
        (dict(c), label)
        for c, label in zip(cands, place_labels(cands), strict=True)
        if c.get("id") != place_id
    ]


def also_possible(cands: Sequence[Mapping[str, Any]], place_id: str | None) -> str:
    """ "Jarwan (Deir ez-Zor)": the other candidates on one line (empty when there are none)."""
    return "; ".join(label for _, label in others(cands, place_id))


def warning(event: Mapping[str, Any]) -> str | None:
    """What the Review panel tells the analyst of an ambiguous place (None when it is not)."""
    cands, place_id = candidates(event), event.get("place_id")
    moves = others(cands, place_id)
    if not moves:
        return None
    name = event.get("location_ar") or event.get("location") or ""
    here = [label for c, label in zip(cands, place_labels(cands), strict=True) if c["id"] == place_id]
    at = here[0] if here else event.get("location") or "?"
    also = " or ".join(label for _, label in moves)
    return f"Place ambiguous: «{name}» is placed at {at}; the report's context fits {also} as well."


def with_also_possible(events: pd.DataFrame) -> pd.DataFrame:
    """The events with an ``also_possible`` column (blank where the place was not ambiguous, not "None")."""
    from store.events import place_candidates

    out = events.copy()
    if "id" not in out.columns:
        return out
    found = place_candidates(int(i) for i in out["id"]) if len(out) else {}
    place_ids = out["place_id"] if "place_id" in out.columns else [None] * len(out)
    out[ALSO_POSSIBLE] = [
        also_possible(found.get(int(i), []), pid) for i, pid in zip(out["id"], place_ids, strict=True)
    ]
    return out


def moved_notes(event: Mapping[str, Any], new_place_id: str | None) -> str | None:
    """The notes with their "place ambiguous: also …" clause rewritten for a move to another candidate (None:
    unchanged, as for a move elsewhere, notes the analyst rewrote, or a place that was not ambiguous)."""
    cands, notes = candidates(event), event.get("notes") or ""
    if not any(c["id"] == new_place_id for c in cands):
        return None
    old = ambiguity(cands, event.get("place_id"))
    new = ambiguity(cands, new_place_id)
    if not old or not new or old == new or old not in notes:
        return None
    return notes.replace(old, new, 1)


def place_row(cand: Mapping[str, Any], places: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The candidate as the Map's move takes it: its gazetteer row (today's point), else the stored one."""
    for p in places:
        if p.get("id") == cand.get("id"):
            return dict(p)
    return {
        "id": cand.get("id"),
        "name_en": cand.get("name_en"),
        "name_ar": cand.get("name_ar"),
        "latitude": cand.get("lat"),
        "longitude": cand.get("lon"),
        "geo_precision": cand.get("geo_precision"),
        "admin1": cand.get("admin1"),
        "admin2": cand.get("admin2"),
        "admin3": cand.get("admin3"),
    }


def move_to_candidate(
    event: Mapping[str, Any], cand: Mapping[str, Any], places: Sequence[Mapping[str, Any]], analyst: str
) -> Outcome:
    """Move the event to one of its candidates: one save, so **Undo my last save** puts it back."""
    from ui.map_panel import move_event

    if not analyst:
        return Outcome("warning", "Enter your name in the sidebar first: every change is signed.")
    try:
        return Outcome("success", move_event(dict(event), place_row(cand, places), analyst))
    except StaleVersion:
        return Outcome("warning", f"Event {event.get('id')} was changed meanwhile: look again and retry.")
    except (ValidationError, NotFound, StoreError) as exc:
        return Outcome("error", f"Event {event.get('id')}: {one_line(exc)}")
