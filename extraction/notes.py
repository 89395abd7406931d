"""The one-line English note of an event: who against whom, what, where, the fatality split, and the other
places its place name could be (the analyst is told, not left to guess)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .event import Event

CANDIDATES = "place_candidates"  # Event.extra key: the extractor's choice first, then the runners-up


def _short(name: str | None) -> str | None:
    if not name:
        return None
    return name.split(":")[0].strip()


def note(ev: Event, split: tuple[int, int] | None = None) -> str:
    """E.g. "SDF vs Military Forces of Syria (2000-2024): Armed clash at Kishma; 18 killed in total ..."."""
    who = _short(ev.actor1) or "Unknown actor"
    if ev.actor2:
        who += f" vs {_short(ev.actor2)}"
    text = f"{who}: {ev.sub_event_type} at {ev.location}"
    if ev.time_precision == 2:
        text += f" (week of {ev.date_min})"
    elif ev.time_precision == 3:
        text += f" ({ev.date_min} to {ev.date_max})"
    if split:
        total, n = split
        text += (
            f"; {total} killed in total across {n} locations (all counted here)"
            if ev.fatalities
            else (f"; part of {n} locations whose {total} deaths are counted on the first")
        )
    elif ev.fatalities:
        text += f"; {ev.fatalities} killed"
    if ev.background:
        text += "; background (recalled as context)"
    also = ambiguity(ev.extra.get(CANDIDATES) or (), ev.place_id)
    if also:
        text += f"; {also}"
    return text


def place_label(p: Mapping[str, Any], detail: bool = False) -> str:
    """ "Jarwan (Deir ez-Zor)": the name with its district and governorate (and sub-district: ``detail``)."""
    parts: list[str] = []
    for a in (p.get("admin3") if detail else None, p.get("admin2"), p.get("admin1")):
        if a and a not in parts:
            parts.append(a)
    name = p.get("name_en") or p.get("name_ar") or str(p.get("id") or "?")
    return f"{name} ({', '.join(parts)})" if parts else name


def place_labels(candidates: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each candidate's label, with its sub-district where two would otherwise read alike."""
    plain = [place_label(c) for c in candidates]
    return [place_label(c, plain.count(label) > 1) for c, label in zip(candidates, plain, strict=True)]


def ambiguity(candidates: Sequence[Mapping[str, Any]], place_id: str | None) -> str | None:
    """ "place ambiguous: also Jarwan (Deir ez-Zor)": the candidates other than ``place_id`` (None if none)."""
    others = [
        label
        for c, label in zip(candidates, place_labels(candidates), strict=True)
        if c.get("id") != place_id
    ]
    return "place ambiguous: also " + " or ".join(others) if others else None
