"""One place per mention: scored by kind fit, the report's context and the north-east first.

The context of a name found in several places, strongest first: the governorate, district or town a
phrase of the same sentence frames it with ("X بريف دير الزور", "X شرق الحسكة", "X west of Kobani"); the
report's other places (the candidate nearest to them); the report's provinces; the outlet's area; the
north-east. A choice the context leaves open keeps the runner-up as an alternative on the mention.
"""

from __future__ import annotations

import bisect
from collections import Counter

from extraction.gazetteer import Place
from extraction.normalise import Normalised

from .context import ReportContext
from .facts import facts_of
from .hits import Entry, Found
from .matcher import Matcher
from .mention import PlaceMention
from .words import TYPE_KINDS

VILLAGE_TYPES = frozenset({"village", "town"})  # type words that may name a village rather than a known town
MARGIN = 1.75  # a runner-up this close (and elsewhere) is an alternative the analyst is told of
APART_KM = 10.0  # ... when it lies this far from the choice
_NO_PROVINCES: dict[str, int] = {}  # a weak candidate's provinces count for nothing


def resolve(
    m: Matcher, norm: Normalised, found: list[Found], source: str | None = None
) -> list[PlaceMention]:
    """Pick one place per mention, using the report's other places and regions as context."""
    places = m.places
    admin1 = Counter()
    named: set[str] = set()
    # Unambiguous towns and cities by position: a quarter or facility goes with the nearest one named.
    anchors = []
    for f in found:
        fx = f.facts = facts_of(m, f.entries)
        if fx.admin1 is not None:  # a known place's namesakes leave it known
            admin1[fx.admin1] += 1
        if fx.named is not None:
            named.add(fx.named)
        if fx.town is not None:
            anchors.append((f.hit.start, fx.town))
    positions = [a[0] for a in anchors]
    ctx = None
    ruled_out: set[str] = set()
    out: list[PlaceMention] = []
    for i, f in enumerate(found):
        alternatives: list[Place] = []
        fx = f.facts
        if fx.all_new:
            ctx = ctx or ReportContext(m, norm.text, found, source)
            if f.hit.key in ruled_out or ctx.rules_out(i, [places[e.place] for e in f.entries]):
                ruled_out.add(f.hit.key)  # and so all through the report: one name, one place
                continue  # a village of that name lies elsewhere: the report's one is not in the gazetteer
        entries = f.entries
        known = fx.known
        if known and len(known) < len(entries):
            # a known place beats the villages of its name, unless a type word names a village and the
            # sentence frames it elsewhere ("قرية X بريف دير الزور" when the known X is in Hasakah)
            village = f.type_kind in VILLAGE_TYPES
            if not village or not (ctx := ctx or ReportContext(m, norm.text, found, source)).has_frame(f):
                entries = known
        if len(entries) == 1 or (fx.single_known if entries is known else fx.single):
            best = entries[0]  # nothing to choose between (one place): skip the scoring
        else:
            near = _nearest_anchor(anchors, positions, f.hit.start)
            # else: the area or its town, as the kind words say
            several = (fx.place_known if entries is known else fx.place) is None
            if ctx is None and several:
                ctx = ReportContext(m, norm.text, found, source)
            scored = _ranked(m, f, entries, i, admin1, named, near, ctx if several else None)
            best = scored[0][1]
            alternatives = _alternatives(m, scored) if several else []
        out.append(_mention(m, norm, f, places[best.place], alternatives))
    return out


def _ranked(
    m: Matcher, f: Found, entries: list[Entry], i: int, admin1: Counter, named: set[str], near, ctx
) -> list[tuple[float, Entry]]:
    """(score, entry) best first; the context counts only between different places."""
    places, fixed = m.places, m.fixed_scores
    several = ctx is not None and len({e.place for e in entries}) > 1
    # A village only WOF knows beats a known town of its name by an explicit frame, not by the report's
    # other places or provinces ("على رأس العين" in a report about Afrin is still Ras al-Ain).
    prominent = any(not e.new for e in entries)
    kind = f.type_kind
    scored = []
    context: dict[tuple[int, bool], float] = {}  # one place may come with several entries
    for e in entries:
        p = places[e.place]
        weak = e.new and prominent
        s = _score(p, e, kind, _NO_PROVINCES if weak else admin1, named, fixed[e.place])
        s += 3.0 if near and near in (p.parent_id, p.located_by) else 0.0  # the town named nearest
        if several:
            key = (e.place, weak)
            if key not in context:
                context[key] = ctx.frame_only(i, p) if weak else ctx.bonus(i, p)
            s += context[key]
        scored.append((s, e))
    scored.sort(key=_rank)
    return scored


def _rank(se: tuple[float, Entry]) -> tuple[float, int]:
    return -se[0], se[1].place


def _alternatives(m: Matcher, scored: list[tuple[float, Entry]]) -> list[Place]:
    """Other places scored within MARGIN of the choice and more than APART_KM from it."""
    best_score, best = scored[0]
    bp = m.places[best.place]
    out: list[Place] = []
    if bp.is_area:
        return out  # "ريف حلب": the governorate, not its city (nor a village of the name)
    for s, e in scored[1:]:
        p = m.places[e.place]
        if best_score - s >= MARGIN or p.id == bp.id or p in out or p.is_area:
            continue
        if bp.lat is None or p.lat is None or _km(bp, p) > APART_KM:
            out.append(p)
    return out[:3]


def _km(a: Place, b: Place) -> float:
    from extraction.gazetteer import km

    return km(a.lat, a.lon, b.lat, b.lon)


def _mention(m: Matcher, norm: Normalised, f: Found, p: Place, alternatives: list[Place]) -> PlaceMention:
    if p.kind in ("district", "sub-district") and f.type_kind != "area":
        # An admin area named like its seat: the seat town's point, never the area centroid.
        seat = m.seat_of(p)
        if seat is not None:
            p = seat
    lat, lon, prec = p.point()
    qual = f.qualifier
    if prec is not None and qual:
        prec = max(prec, 2)
        if f.side and p.kind in ("city", "governorate", "district"):
            prec = 3
    s, e = norm.span(f.phrase_start, f.end)
    return PlaceMention(s, e, norm.original[s:e], p, prec, qual or None, f.type_kind, alternatives)


def _nearest_anchor(anchors: list[tuple[int, str]], positions: list[int], pos: int) -> str | None:
    """The town or city named nearest to ``pos`` (anchors sorted by position)."""
    if not anchors:
        return None
    i = bisect.bisect_left(positions, pos)
    near = [anchors[j] for j in (i - 1, i) if 0 <= j < len(anchors)]
    return min(near, key=lambda a: abs(a[0] - pos))[1]


def _score(
    p: Place, e: Entry, kind: str | None, admin1: Counter, named: set[str], fixed: tuple[float, float]
) -> float:
    score = 0.0
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
