"""The corroboration rule: when two reports tell of the same event (ACLED: same day, place, type, actors).

Pure functions over event dicts (the store's rows or the extractor's ``to_dict()``), so the rule is tested
without a database. Every threshold is named data below; change them here, nowhere else.

Two events are the same event when all of these hold:
- their date windows (``date_min``..``date_max``, else ``event_date``) overlap;
- the same event type, and sub-types that are equal or in one of :data:`COMPATIBLE_SUB_TYPES`
  (outlets disagree on the weapon or on whether protesters were dispersed, not on what happened);
- places within a distance that follows ``geo_precision``: the same place, or within
  :attr:`Thresholds.km_by_precision` of the less precise side; a city-level point covers its city
  (:attr:`Thresholds.city_km`); a place known only by its region matches only that region;
- compatible actor families (``data/actors.csv``'s ``group``, which follows the era: the army of the new
  government after 8 Dec 2024 is SYGOV2, never the old army's SYGOV); an unidentified group and civilian
  victims are compatible with anyone, the two sides may be named in either order, and
  :data:`ALLIED_FAMILIES` are the forces outlets name for each other ("the Turkish occupation and its
  mercenaries" / "SNA factions");
- both current or both background, both demo or both real.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Thresholds:
    """How close two reports' events must be to be one event."""

    # Days two date windows may lie apart and still be one event (0: they must share a day).
    max_day_gap: int = 0
    # The largest distance (km) at which two points are one place, by the coarser side's geo_precision:
    # 1 = the village or neighbourhood itself, 2 = "near X" / located by a nearby place, 3 = a region's
    # centroid (matches only the same region).
    km_by_precision: Mapping[int, float] = field(default_factory=lambda: {1: 3.0, 2: 10.0, 3: 0.0})
    # A point that stands for a whole city (geo_precision 1, kind in city_kinds) covers this radius.
    city_km: float = 8.0
    city_kinds: frozenset[str] = frozenset({"city"})


THRESHOLDS = Thresholds()

# Sub-types outlets use for the same happening.
COMPATIBLE_SUB_TYPES: tuple[frozenset[str], ...] = (
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Remote explosive/landmine/IED", "Suicide bomb"}),
    frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    frozenset({"Violent demonstration", "Mob violence"}),
)

# Families one outlet names where another names the other (era-bound ones hold only in their era).
ALLIED_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"TURKEY", "SNA"}),
    frozenset({"SYGOV", "NDF"}),
)

# Families that say nothing about who acted: compatible with any other.
OPEN_FAMILIES: frozenset[str] = frozenset({"UNIDENTIFIED"})
# Victim descriptions vary between outlets ("civilians" / "fighters"): open on the second side only.
OPEN_TARGET_FAMILIES: frozenset[str] = frozenset({"UNIDENTIFIED", "CIVILIANS"})

EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Match:
    """Why two events are one: distance in km, whether the sub-types are equal, and a line for the analyst."""

    km: float
    same_sub_type: bool
    reason: str

    @property
    def rank(self) -> tuple[float, int]:
        """Smaller is better: nearest first, then equal sub-types."""
        return (round(self.km, 3), 0 if self.same_sub_type else 1)


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def window(ev: Mapping[str, Any]) -> tuple[date, date]:
    """The days an event may have happened on."""
    day = _date(ev.get("event_date"))
    lo = _date(ev.get("date_min")) or day
    hi = _date(ev.get("date_max")) or day
    if lo is None or hi is None:
        raise ValueError("an event needs an event_date")
    return min(lo, hi), max(lo, hi)


def dates_overlap(a: Mapping[str, Any], b: Mapping[str, Any], t: Thresholds = THRESHOLDS) -> bool:
    (alo, ahi), (blo, bhi) = window(a), window(b)
    return (blo - ahi).days <= t.max_day_gap and (alo - bhi).days <= t.max_day_gap


def sub_types_compatible(a: str | None, b: str | None) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE_SUB_TYPES)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=1)
def _gazetteer_kinds() -> dict[str, str]:
    from extraction.gazetteer import load_gazetteer

    return {p.id: p.kind for p in load_gazetteer().places}


def gazetteer_kind(place_id: str | None) -> str | None:
    """The kind (city, town, village ...) of a shipped gazetteer place."""
    return _gazetteer_kinds().get(place_id) if place_id else None


def _radius(ev: Mapping[str, Any], t: Thresholds, kind_of: Callable[[str | None], str | None]) -> float:
    precision = int(ev.get("geo_precision") or 1)
    km = t.km_by_precision.get(precision, 0.0)
    if precision == 1 and kind_of(ev.get("place_id")) in t.city_kinds:
        km = max(km, t.city_km)
    return km


def place_distance(
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    t: Thresholds = THRESHOLDS,
    kind_of: Callable[[str | None], str | None] = gazetteer_kind,
) -> float | None:
    """The distance in km when the two places can be one place, else None."""
    if a.get("place_id") and a.get("place_id") == b.get("place_id"):
        return 0.0
    coords = [a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")]
    if any(c is None or (isinstance(c, float) and math.isnan(c)) for c in coords):
        return None
    km = km_between(*(float(c) for c in coords))
    return km if km <= max(_radius(a, t, kind_of), _radius(b, t, kind_of)) else None


@lru_cache(maxsize=512)
def family(actor: str | None) -> str | None:
    """The actor's family (SDF, TURKEY, SYGOV, SYGOV2 ...); a name the table lacks is its own family."""
    if not actor or not str(actor).strip():
        return None
    from extraction.actors import group_of

    return group_of(actor) or str(actor).strip()


def _families_agree(x: str | None, y: str | None, open_families: frozenset[str]) -> bool:
    if x is None or y is None or x in open_families or y in open_families or x == y:
        return True
    return any(x in group and y in group for group in ALLIED_FAMILIES)


def actors_compatible(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """The two reports' actors can be the same forces (either order of the two sides)."""
    a1, a2, b1, b2 = (
        family(e.get(k)) for e, k in ((a, "actor1"), (a, "actor2"), (b, "actor1"), (b, "actor2"))
    )
    straight = _families_agree(a1, b1, OPEN_FAMILIES) and _families_agree(a2, b2, OPEN_TARGET_FAMILIES)
    swapped = _families_agree(a1, b2, OPEN_FAMILIES) and _families_agree(a2, b1, OPEN_FAMILIES)
    return straight or (swapped and None not in (a1, a2, b1, b2))


def match(
    new: Mapping[str, Any],
    old: Mapping[str, Any],
    t: Thresholds = THRESHOLDS,
    kind_of: Callable[[str | None], str | None] = gazetteer_kind,
) -> Match | None:
    """How ``new`` is the same event as ``old``, or None when they stay apart."""
    if bool(new.get("background")) != bool(old.get("background")):
        return None
    if bool(new.get("is_demo")) != bool(old.get("is_demo")):
        return None
    if new.get("event_type") != old.get("event_type"):
        return None
    if not sub_types_compatible(new.get("sub_event_type"), old.get("sub_event_type")):
        return None
    if not dates_overlap(new, old, t):
        return None
    km = place_distance(new, old, t, kind_of)
    if km is None:
        return None
    if not actors_compatible(new, old):
        return None
    same_sub = new.get("sub_event_type") == old.get("sub_event_type")
    lo, hi = window(old)
    when = lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}"
    reason = (
        f"{when}, {old.get('sub_event_type') if same_sub else new.get('event_type')}, "
        f"{km:.1f} km from {old.get('location') or 'its place'}, actors compatible"
    )
    return Match(km, same_sub, reason)


def best_match(
    new: Mapping[str, Any],
    candidates: Iterable[Mapping[str, Any]],
    t: Thresholds = THRESHOLDS,
    kind_of: Callable[[str | None], str | None] = gazetteer_kind,
) -> tuple[Mapping[str, Any], Match] | None:
    """The candidate ``new`` is most plausibly a report of (nearest, then equal sub-type, then oldest)."""
    found = [(m, c) for c in candidates if (m := match(new, c, t, kind_of)) is not None]
    if not found:
        return None
    m, c = min(found, key=lambda mc: (*mc[0].rank, mc[1].get("id") or 0))
    return c, m
