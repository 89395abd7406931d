"""Stage ``merge``: whether a new draft is an event told before (a headline and its body, a toll and its attack).

``merge_into(ledger, d)`` looks back over the last ``MERGE_WINDOW`` drafts of the same family and
background. A rule is a reason to join, or (``veto=True``) a reason not to; each answers True or False for
the pair ``(earlier, new)``. The drafts join when some reason holds and no veto does; the first earlier
draft that joins takes the new one in (stage ``combine`` says what it keeps).
"""

from __future__ import annotations

from ..actors import group_of
from .combine import combine
from .ledger import Draft, Ledger
from .place_refs import AREA_KINDS, PlaceRef, one_governorate
from .rules import rule

MERGE_WINDOW = 60  # events merge within one report's worth of drafts (keeps long inputs linear)
_APART = frozenset(["Abduction/forced disappearance", "Sexual violence"])  # merge only with their own kind
SAME_SIDE = {"RIOTERS": "PROTESTERS"}  # a protest that turned violent is one event


def sides_of(a1: str | None, a2: str | None) -> set[str]:
    """The actor families of an event's two sides (rioters count as protesters), unidentified left out."""
    return {SAME_SIDE.get(x, x) for x in (group_of(a1), group_of(a2))} - {None, "UNIDENTIFIED"}


@rule("merge")
def the_same_place_and_day_is_one_event(o: Draft, d: Draft) -> bool:
    """ "قتلى بهجوم على حاجز في الشعفة" over "هاجم مسلحون حاجزاً في بلدة الشعفة": one family at one place on one day is one
    event (a headline and its body, an attack and its toll).

    A draft with no day of its own is on the earlier one's day.
    """
    return o.place.key == d.place.key and (
        o.best == d.best
        or not d.own_date
        or (
            not o.own_date and (_a_headline_of(o, d) or o.dmin <= d.best <= o.dmax or _told_just_before(o, d))
        )
    )


def _a_headline_of(o: Draft, d: Draft) -> bool:
    """A headline with no day is the act its body dates: of its kind, or of its family within two days ("A
    violent explosion hits al-Raqqah" is not the clash "on the 29th of September" the body recalls)."""
    return o.headline and (o.sub_event_type == d.sub_event_type or abs((o.best - d.best).days) <= 2)


def _told_just_before(o: Draft, d: Draft) -> bool:
    """ "have arrested ISIS mercenaries" (no day) then "arrested two members ... on Friday, July 19": a telling
    with no day of its own is the act of its kind a later telling dates to the day or two before."""
    return o.sub_event_type == d.sub_event_type and 0 < (o.best - d.best).days <= 2 and not d.background


@rule("merge")
def a_vague_place_joins_the_same_kind(o: Draft, d: Draft) -> bool:
    """ "في ريف دير الزور" then "في بلدة ذيبان": a countryside or region told with the same kind of act is
    that act's place, on a day that fits (a headline's is the report's: "On Dec. 20, Turkish forces also shelled
    villages in northern Aleppo" is no headline's act)."""
    return (
        (d.place.weak or o.place.weak)
        and o.sub_event_type == d.sub_event_type
        and (not d.own_date or (not o.own_date and not o.headline) or o.dmin <= d.best <= o.dmax)
        and not _apart(o.place, d.place)
    )


def _apart(a: PlaceRef, b: PlaceRef) -> bool:
    """Two places known to lie in different governorates ("في منطقة الخمائل بريف الحسكة الجنوبي" and "مدينة الشحيل
    في ريف دير الزور الشرقي": two clashes, not one told twice)."""
    ga, gb = one_governorate(a), one_governorate(b)
    areas = getattr(a.place, "kind", "") in AREA_KINDS or getattr(b.place, "kind", "") in AREA_KINDS
    return areas and bool(ga and gb) and ga != gb


@rule("merge", veto=True)
def an_abduction_joins_only_its_own_kind(o: Draft, d: Draft) -> bool:
    """ "وعثر على جثته بعد أن خطفه مجهولون": an abduction (or sexual violence) is never the same happening as a
    killing, a blast or a clash told with it."""
    return o.sub_event_type != d.sub_event_type and bool(_APART & {o.sub_event_type, d.sub_event_type})


@rule("merge", veto=True)
def opposed_sides_are_two_events(o: Draft, d: Draft) -> bool:
    """ "اعتقلت قسد ... واعتقل الأمن العام ...": acts whose named sides share no family are two events."""
    g1, g2 = sides_of(o.actor1, o.actor2), sides_of(d.actor1, d.actor2)
    return bool(g1 and g2 and not (g1 & g2))


@rule("merge", veto=True)
def civilians_acting_are_another_event(o: Draft, d: Draft) -> bool:
    """ "نزحت عشرات العائلات ... وأغلقت الطرق": civilians who act (flight, a sit-in) and an armed actor's act at the
    same place are two events."""
    return (group_of(o.actor1) == "CIVILIANS") != (group_of(d.actor1) == "CIVILIANS")


RULES = (
    the_same_place_and_day_is_one_event,
    a_vague_place_joins_the_same_kind,
    an_abduction_joins_only_its_own_kind,
    opposed_sides_are_two_events,
    civilians_acting_are_another_event,
)


def joins(reasons: tuple, vetoes: tuple, o, d) -> str | None:
    """The name of the reason ``d`` joins ``o`` for, or None (no reason, or a veto)."""
    for fn in reasons:
        if fn(o, d):
            break
    else:
        return None
    for v in vetoes:
        if v(o, d):
            return None
    return fn.__name__


def _broad(d: Draft) -> bool:
    """A telling placed only in a province, a region or a city's countryside ("in Raqqa province", "in eastern Deir
    Ezzor"), not a village however located."""
    if not d.place.weak:
        return False
    pm = d.place.mention
    return getattr(d.place.place, "kind", "") in AREA_KINDS or "countryside" in ((pm and pm.qualifier) or "")


def merge_into(led: Ledger, d: Draft, rules: tuple, combine_rules: tuple) -> Draft | None:
    """The earlier draft ``d`` joins (updated by the combine rules), or None."""
    reasons, vetoes = rules
    family, background = d.family, d.background
    for o in led.drafts[-MERGE_WINDOW:]:
        # "يُذكر أن قسد داهمت هذه القرى" with no day of its own: a recalled retelling may join the act told
        if o.family != family or (o.background != background and d.own_date):
            continue
        for why in reasons:  # the pair-wise loop of long reports: no call but the rules'
            if why(o, d):
                break
        else:
            continue
        if any(v(o, d) for v in vetoes):
            continue
        if led.tracer is not None:
            led.tracer.absorb(o, d)
            led.note(o, why.__name__, f"the act of sentence {d.sentence + 1} joins this event")
        combine(led, o, d, combine_rules, headline=False)
        # "in Raqqa province" under "... in Raqqa": a telling no more precise than the headline leaves it to
        # stage ``headlines`` to find the body's act
        o.absorbed = o.absorbed or not (o.headline and _broad(d))
        return o
    return None
