"""One place per mention: scored by kind fit, the report's other places and regions, the north-east first."""

from __future__ import annotations

import bisect
from collections import Counter

from extraction.gazetteer import Place
from extraction.normalise import Normalised

from .hits import Entry, Found
from .matcher import Matcher
from .mention import PlaceMention
from .words import TYPE_KINDS


def resolve(m: Matcher, norm: Normalised, found: list[Found]) -> list[PlaceMention]:
    """Pick one place per mention, using the report's other places and regions as context."""
    places = m.places
    admin1 = Counter()
    named: set[str] = set()
    for f in found:
        ps = {places[e.place].admin1 for e in f.entries}
        if len(ps) == 1:
            admin1[next(iter(ps))] += 1
        if len({e.place for e in f.entries}) == 1:
            named.add(places[f.entries[0].place].id)
    # Unambiguous towns and cities by position: a quarter or facility goes with the nearest one named.
    anchors = []
    for f in found:
        towns = {e.place for e in f.entries if places[e.place].kind in ("city", "town")}
        if len(towns) == 1:
            anchors.append((f.hit.start, places[next(iter(towns))].id))
    positions = [a[0] for a in anchors]
    out: list[PlaceMention] = []
    for f in found:
        if len(f.entries) == 1:
            best = f.entries[0]  # nothing to choose between: skip the scoring
        else:
            near = _nearest_anchor(anchors, positions, f.hit.start)
            fixed = m.fixed_scores
            best = max(
                f.entries,
                key=lambda e: (
                    _score(places[e.place], e, f, admin1, named, fixed[e.place])
                    + _near_bonus(places[e.place], near),
                    -e.place,
                ),
            )
        p = places[best.place]
        if p.kind in ("district", "sub-district") and f.type_kind != "area":
            # An admin area named like its seat: the seat town's point, never the area centroid.
            seat = [q for q in m.gaz.lookup(p.name_ar) if not q.is_area and q.admin1 == p.admin1]
            if seat:
                p = seat[0]
        lat, lon, prec = p.point()
        qual = f.qualifier
        if prec is not None and qual:
            prec = max(prec, 2)
            if f.side and p.kind in ("city", "governorate", "district"):
                prec = 3
        s, e = norm.span(f.phrase_start, f.end)
        out.append(PlaceMention(s, e, norm.original[s:e], p, prec, qual or None, f.type_kind))
    return out


def _nearest_anchor(anchors: list[tuple[int, str]], positions: list[int], pos: int) -> str | None:
    """The town or city named nearest to ``pos`` (anchors sorted by position)."""
    if not anchors:
        return None
    i = bisect.bisect_left(positions, pos)
    near = [anchors[j] for j in (i - 1, i) if 0 <= j < len(anchors)]
    return min(near, key=lambda a: abs(a[0] - pos))[1]


def _near_bonus(p: Place, near: str | None) -> float:
    return 3.0 if near and near in (p.parent_id, p.located_by) else 0.0


def _score(
    p: Place, e: Entry, f: Found, admin1: Counter, named: set[str], fixed: tuple[float, float]
) -> float:
    score = 0.0
    kind = f.type_kind
    if kind and p.kind in TYPE_KINDS.get(kind, ()):
        score += 10
    if p.kind in ("district", "sub-district", "governorate"):
        if kind == "governorate" and p.kind == "governorate":
            score += 10
        elif kind == "countryside" and p.kind == "governorate":
            score -= 1
        else:
            score -= 6
    score += 3 * min(admin1.get(p.admin1, 0), 3)
    if p.kind == "neighbourhood" and (p.parent_id in named or p.located_by in named):
        score += 4
    score += fixed[0]
    if not e.derived:
        score += 0.5
    return score + fixed[1]
