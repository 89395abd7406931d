"""Stage ``finish``: drafts become ``Event`` records: fatalities split by group, notes, ACLED columns, confidence.

A group's death figure is the lowest told (a trigger's floor, "مجزرة", when higher), counted on its first
member; the others note the total and the number of places.
"""

from __future__ import annotations

from .. import acled, notes
from ..document import Document
from ..event import Event, Evidence
from ..places.mention import brief
from .ledger import Draft


def _fatalities(drafts: list[Draft]) -> None:
    done: set[int] = set()
    live = {id(x) for x in drafts}
    for d in drafts:
        g = d.group
        if id(g) in done:
            continue
        done.add(id(g))
        members = [m for m in g.members if id(m) in live]
        total = min(g.figures) if g.figures else 0
        total = max(total, g.floor) if not (g.figures and min(g.figures) == 0 and g.floor == 0) else total
        for i, m in enumerate(members):
            m.fatalities = total if i == 0 else 0
            m.split = (total, len(members)) if len(members) > 1 and total else None


def _confidence(d: Draft) -> float:
    conf = 0.45 + 0.1 * (d.strength - 1)
    conf += 0.1 if d.own_actor else 0
    conf += 0.1 if not d.place.inherited else -0.05
    conf += 0.05 if d.own_date else 0
    conf -= 0.15 if d.place.weak else 0
    return round(min(1.0, max(0.05, conf)), 2)


def finish(drafts: list[Draft], doc: Document, source: str | None) -> list[Event]:
    """One event per draft, in the drafts' order."""
    _fatalities(drafts)
    events: list[Event] = []
    for d in drafts:
        s, e = doc.span(*d.evidence)
        place = d.place.place
        pm = d.place.mention
        lat, lon = (pm.lat, pm.lon) if pm is not None and place is pm.place else (place.lat, place.lon)
        if lat is None or lon is None:
            lat, lon = place.point()[0], place.point()[1]
        ev = Event(
            event_date=d.best.isoformat(),
            time_precision=d.precision,
            event_type=d.event_type,
            sub_event_type=d.sub_event_type,
            actor1=d.actor1,
            location=place.name_en,
            latitude=float(lat),
            longitude=float(lon),
            geo_precision=int(d.place.precision if d.place.precision in (1, 2, 3) else 2),
            fatalities=int(d.fatalities),
            evidence=Evidence(s, e, doc.original[s:e]),
            date_min=d.dmin.isoformat(),
            date_max=d.dmax.isoformat(),
            assoc_actor_1=d.assoc1 if d.assoc1 != d.actor2 else None,
            actor2=d.actor2,
            location_ar=place.name_ar or None,
            admin1=place.admin1 or None,
            admin2=place.admin2 or None,
            admin3=place.admin3 or None,
            background=d.background,
            confidence=_confidence(d),
            source=source,
            place_id=place.id,
        )
        if pm is not None and place is pm.place and pm.alternatives:  # the context could not choose: say so
            ev.extra[notes.CANDIDATES] = [brief(place), *(brief(a) for a in pm.alternatives)]
        acled.derive(ev)
        ev.notes = notes.note(ev, d.split)
        events.append(ev)
    return events
