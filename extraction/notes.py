"""The one-line English note of an event: who against whom, what, where, and the fatality split."""

from __future__ import annotations

from .event import Event


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
    return text
