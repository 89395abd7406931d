"""ACLED columns derived from the type and the actors: disorder type, inter codes, civilian targeting."""

from __future__ import annotations

from .actors import CIVILIANS, inter_of
from .event import Event
from .taxonomy import DISORDER_TYPE


def derive(ev: Event) -> Event:
    """Fill ``disorder_type``, ``inter1``, ``inter2``, ``interaction``, ``civilian_targeting`` in place."""
    ev.disorder_type = DISORDER_TYPE.get(ev.sub_event_type)
    ev.inter1 = inter_of(ev.actor1)
    ev.inter2 = inter_of(ev.actor2)
    if ev.inter1 and ev.inter2:
        ev.interaction = f"{ev.inter1}-{ev.inter2}"
    elif ev.inter1:
        ev.interaction = f"{ev.inter1} only"
    else:
        ev.interaction = None
    targeted = ev.actor2 == CIVILIANS and ev.event_type in (
        "Violence against civilians",
        "Explosions/Remote violence",
    )
    ev.civilian_targeting = "Civilian targeting" if targeted else None
    return ev
