"""Stage ``cluster``: a sentence's standing triggers grouped into acts.

Triggers of one family (violence, demonstration, strategic) whose clauses name a common place, or where
either names none, are one act; the strongest decides its type. A list of villages is one act with several
places (``locate`` makes one event per place). ``RULES`` filter the places a trigger's clause contributes
to the grouping (place references in, references out).
"""

from __future__ import annotations

from ..triggers import Trigger
from .clause_places import places_in
from .place_refs import PlaceRef
from .place_roles import role_of
from .report import SentenceView, family
from .rules import chain, rule


def zone(sv: SentenceView, t: Trigger) -> tuple[int, int]:
    """The trigger's segment, cut at triggers of another family ("احتجاجات في X وتعزيزات في Y")."""
    got = sv.zones.get(id(t))
    if got is None:
        got = sv.zones[id(t)] = _zone(sv, t)
    return got


def _zone(sv: SentenceView, t: Trigger) -> tuple[int, int]:
    lo, hi = sv.s.segment_of(t.start)
    fam = family(t.event_type)
    seg_lo = lo
    for o, ofam in sv.full_fams:
        if ofam == fam:
            continue
        if t.end <= o.start < hi:
            hi = o.start
        elif seg_lo <= o.end <= t.start:
            lo = max(lo, t.start)  # what follows the other trigger is its own
    return lo, hi


@rule("cluster")
def a_destination_makes_no_second_act(sv: SentenceView, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "واعتقلت ستة شبان واقتادتهم إلى سجن في حقل العمر": a destination does not make a second act of the family."""
    rep = sv.rep
    out = [r for r in refs if r.idx < 0 or role_of(rep, r.idx) != "to"]
    return out if len(out) != len(refs) else refs


RULES = (a_destination_makes_no_second_act,)


def clusters(sv: SentenceView, trigs: list[Trigger], rules: tuple, tracer=None) -> list[list[Trigger]]:
    """The acts of the sentence, in the order of their first trigger."""
    by_family: dict[str, list[tuple[set[str], list[Trigger]]]] = {}
    for t in trigs:
        lo, hi = zone(sv, t)
        keys = {r.key for r in chain(rules, sv, places_in(sv, lo, hi, t.policy), tracer)}
        placed = by_family.setdefault(family(t.event_type), [])
        for ckeys, members in placed:
            if not keys or not ckeys or keys & ckeys:
                members.append(t)
                ckeys.update(keys)
                break
        else:
            placed.append((set(keys), [t]))
    out = [members for cs in by_family.values() for _k, members in cs]
    out.sort(key=lambda c: c[0].start)
    return out
