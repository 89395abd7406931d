"""Stage ``headlines``: a headline retells the lead, so its event joins the body's event of the same family nearby.

After every sentence is read, each headline draft not already joined looks for body drafts of its family;
a rule is a reason to join, or (``veto=True``) a reason not to, for the pair ``(headline, body)`` (as in
stage ``merge``). Of the bodies that join, the one of the same sub-type (then the same place) takes the
headline in: its death figures, and the ``combine`` rules for what the body keeps.
"""

from __future__ import annotations

from .combine import combine
from .ledger import Draft, Ledger
from .merge import joins, sides_of
from .place_refs import PlaceRef, a_capital
from .rules import rule


def _within(a: PlaceRef, b: PlaceRef, km: float) -> bool:
    pa, pb = a.place, b.place
    alat, alon = pa.lat, pa.lon
    blat, blon = pb.lat, pb.lon
    if pa.kind in ("city", "town") and blat is None:
        # "... in Deir ez-Zor": the body's village is located by a town near it
        blat, blon, _p = pb.point()
    if None in (alat, alon, blat, blon):
        return False
    dy = (alat - blat) * 111.0
    dx = (alon - blon) * 111.0 * 0.8
    return dx * dx + dy * dy <= km * km


@rule("headlines")
def a_headline_at_the_bodys_place(h: Draft, b: Draft) -> bool:
    """ "قتلى لـ«قسد» بهجوم ... في بلدة الشعفة" over "هاجم مسلحون ... حاجزاً لقسد في بلدة الشعفة": same place."""
    return h.place.key == b.place.key


@rule("headlines")
def a_broad_headline_place_holds_the_bodys(h: Draft, b: Draft) -> bool:
    """ "ريف دير الزور" in the headline holds the body's village of that province (and district, if named); so
    do its capital ("مقتل انتحاري بتفجير دراجة مفخخة في دير الزور") and a direction from its city ("بغارات على
    شرق دير الزور")."""
    pa, pb = h.place.place, b.place.place
    if not pa.admin1 or pa.admin1 != pb.admin1:
        return False
    if h.place.weak:
        return not pa.admin2 or pa.admin2 == pb.admin2
    if a_capital(pa):
        return True  # "مقتل انتحاري بتفجير دراجة مفخخة في دير الزور": a headline's capital names its province
    # "east of the city": any district of its province
    q = (h.place.mention.qualifier or "") if h.place.mention else ""
    return pa.kind in ("city", "town") and q.endswith(" of")


@rule("headlines")
def a_headline_town_near_the_bodys_place(h: Draft, b: Draft) -> bool:
    """ "تعزيزات إلى دير الزور": a headline names the city the body's village belongs to (within 25 km,
    100 km for another sub-type of the same family)."""
    return _within(h.place, b.place, 25.0 if b.sub_event_type != h.sub_event_type else 100.0)


@rule("headlines", veto=True)
def a_headline_with_other_sides_is_another_event(h: Draft, b: Draft) -> bool:
    """ "مقتل مدني برصاص «قسد» خلال مداهمات" over arrests of ISIS members by others: a headline naming sides the
    body's event does not have tells another event; a body act naming no side is the headline's when it is of
    the report's day or the day before ("قتيلان في اقتتال عشائري شرقي القامشلي" over "لقي شخصان مصرعهما، يوم أمس
    الخميس، في اقتتال نشب بين عائلتين")."""
    gh, gb = sides_of(h.actor1, h.actor2), sides_of(b.actor1, b.actor2)
    if not gb:
        return bool(gh) and (h.own_date or (h.best - b.dmax).days > 1)
    return bool(gh) and gh.isdisjoint(gb)


@rule("headlines", veto=True)
def a_headline_of_another_time_is_another_event(h: Draft, b: Draft) -> bool:
    """ "اشتباكات في الشحيل أمس" over today's clashes: a headline with a day of its own outside the body's, or
    recalling the past, is another event."""
    return b.background != h.background or (
        h.own_date and b.own_date and not (h.dmin <= b.dmax and b.dmin <= h.dmax)
    )


RULES = (
    a_headline_at_the_bodys_place,
    a_broad_headline_place_holds_the_bodys,
    a_headline_town_near_the_bodys_place,
    a_headline_with_other_sides_is_another_event,
    a_headline_of_another_time_is_another_event,
)


def fold_headlines(led: Ledger, rules: tuple, combine_rules: tuple) -> None:
    """Each headline draft joins the best body draft its rules allow."""
    drafts = led.drafts
    if not any(d.headline for d in drafts):
        return
    reasons, vetoes = rules
    body = [d for d in drafts if not d.headline]
    for h in [d for d in drafts if d.headline and not d.absorbed]:
        cands = []
        for b in body:
            if b.family == h.family:
                why = joins(reasons, vetoes, h, b)
                if why is not None:
                    cands.append((b, why))
        if not cands:
            continue
        b, why = min(
            cands, key=lambda c: (c[0].sub_event_type != h.sub_event_type, c[0].place.key != h.place.key)
        )
        if h.group is not b.group:
            b.group.figures.extend(h.group.figures)
            b.group.floor = max(b.group.floor, h.group.floor)
        if h in h.group.members:
            h.group.members.remove(h)
        led.note(b, why, f"the headline (sentence {h.sentence + 1}) retells this event")
        combine(led, b, h, combine_rules, headline=True)
        drafts.remove(h)
