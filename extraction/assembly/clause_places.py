"""Stage ``clause_places``: the places a stretch of a sentence names for an act of a given policy.

``places_in(sv, lo, hi, policy)`` starts from the located place mentions in ``[lo, hi)`` (not the outlet's;
a dateline's only when nothing else is there), folds them through ``RULES`` when there are several (place
mention indices in, indices out) and returns their references, one per place key. Results are memoised
per sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .place_refs import AND, AREA_KINDS, PlaceRef, a_capital, aside, place_ref
from .place_roles import place_role, role_of
from .report import SentenceView
from .rules import chain, rule
from .tables import policy as policy_row

if TYPE_CHECKING:
    from ..places.mention import PlaceMention

_MOVE = re.compile(r"(?<!\w)(?:من|الي|باتجاه|نحو|حتي|from|to|towards|into)(?!\w)")
_AND_NEXT = re.compile(r"(^|\s)(و|and)")
_SETTLEMENT_HINTS = frozenset(["city", "town", "village", "neighbourhood", "camp"])


class Stretch:
    """What the rules of a stretch read: the sentence and the act's policy."""

    __slots__ = ("sv", "rep", "policy")

    def __init__(self, sv: SentenceView, policy: str) -> None:
        self.sv = sv
        self.rep = sv.rep
        self.policy = policy


def places_in(sv: SentenceView, lo: int, hi: int, policy: str) -> list[PlaceRef]:
    """The places of ``[lo, hi)`` for an act of ``policy`` (memoised per sentence)."""
    key = (lo, hi, policy)
    hit = sv.place_cache.get(key)
    if hit is None:
        hit = sv.place_cache[key] = _places_in(sv, lo, hi, policy)
    return hit


def _places_in(sv: SentenceView, lo: int, hi: int, policy: str) -> list[PlaceRef]:
    rep = sv.rep
    pos, located, outlets = rep.place_pos, rep.located, rep.outlets
    idx = [i for i in sv.places if lo <= pos[i][0] < hi and located[i] and i not in outlets]
    if not idx:
        return []
    # "اعتقلت 13 شاباً من النازحين القادمين من تدمر ودير الزور": where people came from, the fire came from or the
    # wounded were taken is never where the act was
    idx = [i for i in idx if not aside(rep, i) and not _an_alias(rep, i)]
    if not idx:
        return []
    if len(idx) > 1 and rep.datelines:
        idx = [i for i in idx if i not in rep.datelines] or idx
    if len(idx) > 1:  # the rules choose among several places
        idx = chain(rep.plan.clause_places, Stretch(sv, policy), idx, rep.tracer)
    ref_cache = rep.ref_cache
    seen: dict[str, PlaceRef] = {}
    for i in idx:
        r = ref_cache.get((i, False)) or place_ref(rep, i)
        seen.setdefault(r.key, r)
    return list(seen.values())


_BRACKET = re.compile(r"\s*\(\s*")


def _an_alias(rep, i: int) -> bool:
    """ "al-Qahtaniyah (Tirbespiyê)": a place's other name in brackets right after it is the same mention."""
    return (
        i > 0
        and rep.places[i].place.id == rep.places[i - 1].place.id
        and _BRACKET.fullmatch(rep.text, rep.place_pos[i - 1][1], rep.place_pos[i][0]) is not None
    )


@rule("clause_places")
def between_x_and_y_is_x(st: Stretch, idx: list[int]) -> list[int]:
    """ "بين X و Y"، "between X and Y": the place is X only (Y is the other end); "between the villages of
    Qomji and Barkh Botan" with Qomji in no source: Y, the end a source locates (unless X is placed by Y:
    "بين قرية أم الكيف وبلدة تل تمر" keeps the village, at the town's point)."""
    rep = st.rep
    text, pos = rep.text, rep.place_pos
    drop: set[int] = set()
    for n, i in enumerate(idx):
        if place_role(rep, i)[1]:
            ends = []
            for j in idx[n + 1 :]:
                gap = text[pos[idx[idx.index(j) - 1]][1] : pos[j][0]]
                if len(gap.split()) <= 2 and _AND_NEXT.search(gap + " " + text[pos[j][0]]):
                    ends.append(j)
                else:
                    break
            x, y = rep.places[i].place, (rep.places[ends[0]].place if ends else None)
            if y is not None and x.source == "unlisted" and y.source != "unlisted" and x.located_by != y.id:
                drop.add(i)
                drop.update(ends[1:])
            else:
                drop.update(ends)
    return [i for i in idx if i not in drop] if drop else idx


@rule("clause_places")
def a_qualified_place_describes_the_one_before(st: Stretch, idx: list[int]) -> list[int]:
    """ "المنصورة غربي الرقة": a direction or countryside phrase right after a place says where it lies.

    Not in a list ("a depot on the outskirts of al-Mayadin and a checkpoint near Albu Kamal"), and not a
    town named with its type ("قرب بلدة العريشة"، "near the town of al-Karamah"): that is the place.
    """
    if len(idx) < 2:
        return idx
    rep = st.rep
    places, text, pos = rep.places, rep.text, rep.place_pos
    kept: list[int] = []
    for i in idx:
        pm = places[i]
        prev = [k for k in kept if places[k].place.kind not in AREA_KINDS]
        if (
            prev
            and pm.qualifier
            and pm.place.id != places[prev[-1]].place.id
            and not (i > 0 and AND.search(text[pos[i - 1][1] : pos[i][0]]))
            and not (pm.qualifier == "near" and pm.kind_hint in _SETTLEMENT_HINTS)
        ):
            continue
        kept.append(i)
    return kept if len(kept) != len(idx) else idx


@rule("clause_places")
def the_town_locating_a_village_describes_it(st: Stretch, idx: list[int]) -> list[int]:
    """ "في قرية الحمرات التابعة لناحية الكرامة"، "قرية زورافا غربي عين العرب": the town named right after a
    village no source locates says where the village is; the village is the place."""
    if len(idx) < 2:
        return idx
    rep = st.rep
    places, text, pos = rep.places, rep.text, rep.place_pos
    drop = {
        j
        for i, j in zip(idx, idx[1:], strict=False)
        if places[i].place.source == "unlisted"
        and places[i].place.located_by == places[j].place.id
        and pos[j][0] - pos[i][1] <= 40
        and not AND.search(text[pos[i][1] : pos[j][0]])
    }
    return [i for i in idx if i not in drop] if drop else idx


@rule("clause_places")
def a_direction_then_a_town_is_the_town(st: Stretch, idx: list[int]) -> list[int]:
    """ "east of Raqqa in the town of al-Karamah"، "ريف دير الزور، الكسرة": the named town is the place."""
    if len(idx) < 2:
        return idx
    rep = st.rep
    kept: list[int] = []
    for i in idx:
        if kept and _describes_next(rep, kept[-1], i):
            kept.pop()
        kept.append(i)
    return kept if len(kept) != len(idx) else idx


def _describes_next(rep, i: int, j: int) -> bool:
    """Place ``i`` is a direction or countryside phrase ("east of Raqqa", "ريف دير الزور") that the
    unqualified place ``j`` right after it (no "and" between) lies in."""
    pi, pj = rep.places[i], rep.places[j]
    if not pi.qualifier or pi.qualifier == "institution" or pj.qualifier or pi.place.id == pj.place.id:
        return False
    if pj.place.kind in AREA_KINDS:
        return False
    gap = rep.text[rep.place_pos[i][1] : rep.place_pos[j][0]]
    return len(gap) <= 40 and not AND.search(gap) and "." not in gap and not _MOVE.search(gap)


@rule("clause_places")
def the_policy_chooses_the_place_role(st: Stretch, idx: list[int]) -> list[int]:
    """Where an act happened, by its policy (data/policies.csv): "النزوح من عين عيسى" where people fled
    from, "تعزيزات إلى دير الزور" where forces went, else where it happened ("at")."""
    rep = st.rep
    cache = rep.role_cache
    have = [(cache.get(i) or place_role(rep, i))[0] for i in idx]
    if not have or have.count(have[0]) == len(have):
        return idx  # one role for all: each preference keeps all or none (none keeps all)
    roles = policy_row(st.policy).place_roles
    if roles[0][0] == "!":
        keep = [i for i, r in zip(idx, have, strict=True) if r != roles[0][1:]]  # "امتدت الحملة إلى بلدة X"
    else:
        keep = []
        for role in roles:
            if role in have:
                keep = [i for i, r in zip(idx, have, strict=True) if r == role]
                break
    return keep if keep and len(keep) != len(idx) else idx


@rule("clause_places")
def strong_places_over_weak_in_a_clause(st: Stretch, idx: list[int]) -> list[int]:
    """ "في بلدة الكسرة بريف دير الزور": a town beats the countryside, province or road named with it."""
    rep = st.rep
    strong = [i for i in idx if not (rep.ref_cache.get((i, False)) or place_ref(rep, i)).weak]
    return strong if strong and len(strong) != len(idx) else idx


@rule("clause_places")
def a_capital_right_after_a_town_names_its_province(st: Stretch, idx: list[int]) -> list[int]:
    """ "في بلدة البحرة بدير الزور"، "in the town of al-Busayrah, Deir ez-Zor": a province's capital named right
    after a town of that province says where the town is; the town is the place. So does one right before the
    town's English type word ("in the Deir al-Zor town of Shaqra")."""
    if len(idx) < 2:
        return idx
    rep = st.rep
    places, text, pos = rep.places, rep.text, rep.place_pos
    drop = set()
    for i, j in zip(idx, idx[1:], strict=False):
        gap = text[pos[i][1] : pos[j][0]].strip(" ,،")
        if gap not in ("", "ب", "في", "in"):
            continue
        if _a_town_of_the_capital(places[i], places[j], city=gap in ("ب", "في")):
            drop.add(j)
        elif not gap and _TYPED_EN.match(text, pos[j][0]) and _a_town_of_the_capital(places[j], places[i]):
            drop.add(i)
    return [i for i in idx if i not in drop] if drop else idx


_TYPED_EN = re.compile(r"(?:town|village|city) of ")


def _a_town_of_the_capital(town: PlaceMention, capital: PlaceMention, city: bool = False) -> bool:
    """Whether ``capital`` (unqualified) is the capital of the province the village or town ``town`` lies in; with
    ``city``, a city too ("في مدينة القامشلي بالحسكة": glued by a preposition, never a list's comma)."""
    a, b = town.place, capital.place
    kinds = ("village", "town", "city") if city else ("village", "town")
    return (
        not capital.qualifier
        and a is not b
        and a_capital(b)
        and getattr(a, "kind", "") in kinds
        and getattr(a, "admin1", "") == getattr(b, "admin1", "")
    )


RULES = (
    between_x_and_y_is_x,
    a_capital_right_after_a_town_names_its_province,
    a_qualified_place_describes_the_one_before,
    the_town_locating_a_village_describes_it,
    a_direction_then_a_town_is_the_town,
    the_policy_chooses_the_place_role,
    strong_places_over_weak_in_a_clause,
)


# -- the places of a sentence, clause by clause ----------------------------------------------------------
def nearest_clause_places(sv: SentenceView, anchor, policy: str) -> list[PlaceRef]:
    """The places of the clause nearest before the trigger (else after): "وفي دير الزور، ضبطت ... في
    مدينة الميادين، وألقت القبض" happened in al-Mayadin, not also in the framing province."""
    segs = sv.s.segments
    before = [seg for seg in segs if seg[1] <= anchor.start]
    after = [seg for seg in segs if seg[0] > anchor.start]
    order = list(reversed(before)) + after
    for n, (lo, hi) in enumerate(order):
        refs = places_in(sv, lo, hi, policy)
        if refs:
            if n < len(before) and _LIST_GOES_ON.match(sv.rep.text, lo):
                refs = _lists_before(sv, order[n + 1 : len(before)], policy) + refs
            return refs
    return []


# a clause that goes on with a list of places ("، وقرى مزرعة عبروش"، ", and the villages of"), folded
_LIST_GOES_ON = re.compile(
    r"[\s,،]*(?:و\s?(?:قري|قريه|بلده|بلدات|مزرعه|مزارع)|and (?:the )?(?:villages?|towns?) of)(?!\w)"
)


def _lists_before(sv: SentenceView, earlier: list[tuple[int, int]], policy: str) -> list[PlaceRef]:
    """ "وتعرضت قرى قره موغ وكولتب شرقي مدينة كوباني، وقرى مزرعة عبروش وتل شعير غربيها، لقصف": the clauses right
    before the nearest that hold only towns and villages (no event word, no province) are of the same list."""
    out: list[PlaceRef] = []
    starts = [t.start for t in sv.full]
    for lo, hi in earlier:
        refs = places_in(sv, lo, hi, policy)
        if (
            not refs
            or any(r.weak or getattr(r.place, "kind", "") not in ("village", "town") for r in refs)
            or any(lo <= t < hi for t in starts)
        ):
            break
        out = refs + out
    return out


def free_places(sv: SentenceView, cluster: list) -> list[PlaceRef]:
    """Strong places of the sentence's segments that hold no trigger outside ``cluster`` (not a dateline's:
    "QAMISHLI, Syria (North Press) – ... a village in the countryside of Kobani" is filed from Qamishli)."""
    s = sv.s
    taken = {s.segment_of(t.start) for t in sv.full if t not in cluster}
    datelines = sv.rep.datelines
    out: list[PlaceRef] = []
    for lo, hi in s.segments:
        if (lo, hi) not in taken:
            out += [
                r
                for r in places_in(sv, lo, hi, "armed")
                if not r.weak and r.idx >= 0 and r.idx not in datelines and role_of(sv.rep, r.idx) == "at"
            ]
    return out
