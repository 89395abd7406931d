"""Stage ``combine``: what an event keeps when another telling joins it (a later sentence, or its headline).

``RULES`` fold a ``Kept`` (the earlier draft's type, sides, day and place) over the pair ``Joining(earlier,
new, headline)``; conditions read the drafts as they were before the join, the kept value as it is now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from ..actors import group_of
from .ledger import Draft, Ledger
from .place_refs import PlaceRef, a_capital
from .rules import Record, chain, rule


class Joining(NamedTuple):
    """An earlier draft ``o`` that the draft ``d`` joins; ``headline``: ``d`` is the headline folded in."""

    o: Draft
    d: Draft
    headline: bool


@dataclass(slots=True)
class Kept(Record):
    """The fields of an event that a join may change."""

    event_type: str
    sub_event_type: str
    strength: int
    actor1: str
    actor2: str | None
    best: dt.date
    dmin: dt.date
    dmax: dt.date
    precision: int
    own_date: bool
    place: PlaceRef

    @classmethod
    def of(cls, o: Draft) -> Kept:
        return cls(o.event_type, o.sub_event_type, o.strength, o.actor1, o.actor2, o.best, o.dmin, o.dmax,
                   o.precision, o.own_date, o.place)  # fmt: skip

    def apply(self, o: Draft) -> None:
        o.event_type, o.sub_event_type, o.strength, o.actor1, o.actor2 = (
            self.event_type, self.sub_event_type, self.strength, self.actor1, self.actor2,
        )  # fmt: skip
        o.best, o.dmin, o.dmax, o.precision, o.own_date, o.place = (
            self.best, self.dmin, self.dmax, self.precision, self.own_date, self.place,
        )  # fmt: skip


@rule("combine")
def the_stronger_word_names_the_type(j: Joining, k: Kept) -> Kept:
    """ "اشتباكات" then "هجوم مسلح": the more specific event word names the type (and, with an actor of its
    own, the sides)."""
    o, d, headline = j
    if headline or not d.strength > o.strength:
        return k
    k.event_type = d.event_type
    k.sub_event_type = d.sub_event_type
    k.strength = d.strength
    if d.own_actor or not o.own_actor:
        k.actor1 = d.actor1
        k.actor2 = d.actor2
    return k


@rule("combine")
def a_telling_that_names_the_actor_names_the_sides(j: Joining, k: Kept) -> Kept:
    """ "قصف مجهول ..." then "قصفت القوات التركية ...": the telling that names who acted gives both sides
    (when it is not the stronger word, which already did)."""
    o, d, headline = j
    if headline or d.strength > o.strength or o.own_actor or not d.own_actor:
        return k
    k.actor1 = d.actor1
    k.actor2 = d.actor2
    return k


@rule("combine")
def a_named_perpetrator_wins_over_unidentified(j: Joining, k: Kept) -> Kept:
    """ "مسلحون مجهولون" then "الفرقة الرابعة": a named perpetrator wins over "unidentified"."""
    o, d, headline = j
    if headline or d.strength > o.strength or (not o.own_actor and d.own_actor):
        return k
    if group_of(o.actor1) == "UNIDENTIFIED" and d.own_actor and group_of(d.actor1) != "UNIDENTIFIED":
        k.actor1 = d.actor1
        return k
    return k


@rule("combine")
def the_other_side_fills_in(j: Joining, k: Kept) -> Kept:
    """ "هجوم على حاجز" then "... لقسد": a second side named only by the later telling fills the gap."""
    d = j.d
    if j.headline or k.actor2 is not None or d.actor2 is None or d.actor2 == k.actor1:
        return k
    k.actor2 = d.actor2
    return k


@rule("combine")
def a_day_of_its_own_wins(j: Joining, k: Kept) -> Kept:
    """ "فجر اليوم السبت": the telling with a day of its own dates the event."""
    d = j.d
    if j.headline or k.own_date or not d.own_date:
        return k
    k.best = d.best
    k.dmin = d.dmin
    k.dmax = d.dmax
    k.precision = d.precision
    k.own_date = True
    return k


@rule("combine")
def a_precise_place_wins(j: Joining, k: Kept) -> Kept:
    """ "في ريف دير الزور" then "في بلدة ذيبان": a place named in the sentence beats a vague or inherited one."""
    d = j.d
    if j.headline or not (k.place.weak or k.place.inherited) or d.place.weak or d.place.inherited:
        return k
    k.place = d.place
    return k


@rule("combine")
def the_bodys_village_wins_over_its_headlines_town(j: Joining, k: Kept) -> Kept:
    """ "حملة اعتقالات واسعة في دير الزور" then "داهمت قسد بلدة الحصان في ريف دير الزور الغربي": the village the
    body names (even one only its area locates) beats the province's city a headline names; so does another city of
    the province ("killed in Deir ez-Zor" then "in the countryside of the city of Albu-Kamal")."""
    o, d, headline = j
    if headline or not o.headline or d.place.inherited or k.place.key == d.place.key:
        return k
    kp, dp = k.place.place, d.place.place
    if (
        (
            getattr(dp, "kind", "") in ("village", "town")
            # "killed in Deir ez-Zor" then "in the countryside of the city of Albu-Kamal": the province's capital
            # names the province, so another city in it is more precise
            or (getattr(dp, "kind", "") == "city" and a_capital(kp) and dp is not kp)
            # "قسد تنفذ حملة اعتقالات في دير الزور" then "في ريف دير الزور الشرقي": the province's countryside
            or (getattr(dp, "kind", "") == "region" and getattr(kp, "kind", "") == "city" and a_capital(kp))
        )
        and getattr(kp, "kind", "") in ("city", "governorate", "region")
        and getattr(kp, "admin1", "") == getattr(dp, "admin1", "")
    ):
        k.place = d.place
    return k


@rule("combine")
def a_headline_names_the_attacker(j: Joining, k: Kept) -> Kept:
    """ "قتلى لـ«قسد» بهجوم لخلية من «داعش»": a headline's named attacker wins over the body's unidentified one."""
    b, h, headline = j
    if (
        headline
        and group_of(k.actor1) == "UNIDENTIFIED"
        and h.own_actor
        and group_of(h.actor1) != group_of(k.actor2)
    ):
        k.actor1 = h.actor1
        return k
    return k


RULES = (
    the_stronger_word_names_the_type,
    a_telling_that_names_the_actor_names_the_sides,
    a_named_perpetrator_wins_over_unidentified,
    the_other_side_fills_in,
    a_day_of_its_own_wins,
    a_precise_place_wins,
    the_bodys_village_wins_over_its_headlines_town,
    a_headline_names_the_attacker,
)


def combine(led: Ledger, o: Draft, d: Draft, rules: tuple, headline: bool) -> None:
    """Update ``o`` with what the rules keep of ``d``."""
    tracer = led.tracer
    k = chain(rules, Joining(o, d, headline), Kept.of(o), tracer.on(o) if tracer is not None else None)
    k.apply(o)
