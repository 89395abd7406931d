"""Stage ``locate``: where an act happened. One event per distinct place; a town beats a direction or a province.

The value starts as the places of each trigger's clause (``act.clause_refs``); ``RULES`` widen it to the
sentence when the clause names none, drop destinations and origins, and fall back on the place the report
told of before. ``None`` drops the act (a message says why when the analyst should know).
"""

from __future__ import annotations

import dataclasses
import re

from .act import Act
from .candidates import QUANTITY_BEFORE
from .clause_places import free_places, nearest_clause_places, places_in
from .cluster import zone
from .place_refs import (
    AREA_KINDS,
    SETTLEMENTS,
    PlaceRef,
    anaphoric_place,
    inherit,
    institution,
    one_governorate,
    town_countryside,
)
from .place_roles import role_of
from .rules import rule

_HOLDING_KINDS = frozenset(["facility", "field", "airport", "camp"])  # where detainees are taken


def clause_refs(act: Act) -> list[PlaceRef]:
    """The places of each trigger's clause (its segment, cut at triggers of another family), once each."""
    sv, refs = act.sv, []
    for t in act.cluster:
        lo, hi = zone(sv, t)
        for r in places_in(sv, lo, hi, t.policy):
            if r.key not in {x.key for x in refs}:
                refs.append(r)
    return refs


def _keys(refs: list[PlaceRef]) -> set[str]:
    return {r.key for r in refs}


@rule("locate", cues=("abroad",))
def an_act_abroad_is_no_event(act: Act, refs: list[PlaceRef]) -> list[PlaceRef] | None:
    """ "the November 13 bombing on Istanbul's Istiklal Avenue that killed six people"، "تعزيزات من جبال قنديل
    في شمال العراق": an act whose clause names a place abroad (data/cues.csv kind ``abroad``) and no town in
    Syria happened outside the area ACLED codes here: no event, and no place borrowed from the sentence.
    Capitals that stand for their governments ("وكانت موسكو قد نشرت قواتها") are not in the table. A place whose
    name is one abroad ("Turkish jets struck the Iraqi town of Sinjar", not Idlib's Sinjar) is that one."""
    cues = act.sv.cue_kinds.get("abroad")
    if not cues:
        return refs
    pos = act.rep.place_pos
    here = [
        r
        for r in refs
        if r.idx < 0 or not any(c.start < pos[r.idx][1] and pos[r.idx][0] < c.end for c in cues)
    ]
    if refs and not here:
        return None
    refs = here
    if not _placeless(refs):
        return refs
    lo, hi = act.sv.s.segment_of(act.anchor.start)
    text = act.rep.text
    # "ERBIL, Kurdistan Region - Several people were killed": a dateline names where the report was written
    return None if any(lo <= c.start < hi and not _DATELINE.match(text, c.end) for c in cues) else refs


_DATELINE = re.compile(r"\s*[-–—]")


@rule("locate")
def the_sentences_places_when_the_clause_has_none(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """Nothing (or only "مجلس X العسكري") in the clause: the sentence's places, those of the clause nearest
    the act when several ("وفي دير الزور، ضبطت ... في مدينة الميادين، وألقت القبض": al-Mayadin only), unless that
    clause names only where a list lies ("The villages of Botan and Seftik, along the road west of Kobane, came
    under Turkish shelling"); never where the wounded were taken ("ونقل إلى أحد مشافي دمشق"), the fire came from
    or people came from."""
    for r in refs:
        if r.mention is None or r.mention.qualifier != "institution":
            return refs
    sv, s = act.sv, act.sv.s
    seen = _keys(refs)
    whole = [r for r in places_in(sv, s.start, s.end, act.policy) if r.key not in seen]
    if len(whole) > 1 and not refs:
        # the nearest clause's places count only where the sentence's own rules keep them
        keys = _keys(whole)
        whole = [r for r in nearest_clause_places(sv, act.anchor, act.policy) if r.key in keys] or whole
    return refs + whole if whole else refs


@rule("locate")
def a_town_in_a_free_clause_beats_a_countryside(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "في ريف دير الزور، في بلدة الكسرة": with only a countryside or region in the clause, a town named in a
    clause of the sentence that holds no other event word is the place."""
    first = act.clause_refs
    for r in first:
        if not r.weak:
            return refs
    if not first or all(institution(r) for r in first):
        return refs
    seen = _keys(refs)
    more = [r for r in free_places(act.sv, act.cluster) if r.key not in seen]
    return refs + more if more else refs


_PLURAL_COUNTS = frozenset(["هجمات", "عمليات", "اعتداءات", "حوادث", "attacks", "incidents"])


@rule("locate")
def a_generic_plural_of_attacks_is_no_event(act: Act, refs: list[PlaceRef]) -> list[PlaceRef] | None:
    """ "women killed in Turkish attacks": a bare plural attack noun with no number, place or day in its
    clause names attacks in general, not one event; so does one in provinces only ("سبق أن نفّذ عبر خلاياه
    النائمة هجمات ضد عناصر قسد وقوات النظام في محافظات الرقة ودير الزور والحسكة")."""
    if any(not r.weak for r in refs):
        return refs
    sv, anchor = act.sv, act.anchor
    counts = sv.cue_kinds.get("count")
    if not counts or not any(
        c.start <= anchor.start < c.end and (not refs or c.entry.key in _PLURAL_COUNTS) for c in counts
    ):
        return refs  # "شن مسلحون هجوماً على حاجز في ريف دير الزور": one attack in a province is an event
    lo, hi = sv.s.segment_of(anchor.start)
    if any(lo <= d.start < hi for d in sv.dates):
        return refs
    if any(m.kind == "number" and lo <= m.start < anchor.start for m in sv.matches):
        return refs
    if QUANTITY_BEFORE.search(act.rep.text[max(lo, anchor.start - 16) : anchor.start]):
        return refs
    return None


def _its_villages_are_named(rep, ref: PlaceRef) -> bool:
    """Whether a place, qualified ("حول ناحية تل تمر"), locates villages the report names elsewhere."""
    m = ref.mention
    return bool(m and m.qualifier) and any(
        p.place.located_by == ref.place.id and p.start != m.start for p in rep.places
    )


@rule("locate", cues=("unnamed_places",))
def unnamed_villages_of_an_area_are_no_place(act: Act, refs: list[PlaceRef]) -> list[PlaceRef] | None:
    """ "خرج العشرات في مظاهرات بعدد من قرى وبلدات ريف دير الزور الشرقي"، "in several villages of": an act in
    villages the report does not name, with only their area or none ("sending drones over the combat areas"), is
    a summary of the acts it names, not an event; so are villages counted around a town whose villages the
    report names ("احتلت ثلاث قرى جديدة حول ناحية تل تمر" ... "احتلت قرى الريحانية والكنيهر والسعيد")."""
    cues = act.sv.cue_kinds.get("unnamed_places")
    if not cues or any(not r.weak and not _its_villages_are_named(act.rep, r) for r in refs):
        return refs
    lo, hi = act.sv.s.segment_of(act.anchor.start)
    return None if any(lo <= c.start < hi for c in cues) else refs


@rule("locate")
def strong_places_over_weak(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "في بلدة الشعفة شرقي دير الزور": a town named for the act beats the province or countryside beside it."""
    if len(refs) < 2:
        return refs
    strong = [r for r in refs if not r.weak]
    return strong if strong and len(strong) != len(refs) else refs


@rule("locate")
def where_people_were_taken_is_not_where_it_happened(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "اقتادتهم إلى سجن في X": where people were taken is not where it happened (when a place of the act is named)."""
    rep = act.rep
    if len(refs) > 1 and any(r.idx >= 0 and role_of(rep, r.idx) == "at" for r in refs):
        out = [r for r in refs if r.idx < 0 or role_of(rep, r.idx) != "to"]
        return out if len(out) != len(refs) else refs
    return refs


@rule("locate", where=lambda p: p.name == "arrest")
def the_base_detainees_reach_is_not_where_they_were_seized(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "قبل أن يقتادوا المعتقلين إلى قاعدة حقل العمر": the base or prison people were taken to is not where
    they were seized; the town told of ("من البلدة") or named before is (a campaign that "extends to" a
    town happens in that town)."""
    rep = act.rep
    if (
        act.policy == "arrest"
        and refs
        and all(r.idx >= 0 and role_of(rep, r.idx) == "to" and r.place.kind in _HOLDING_KINDS for r in refs)
    ):
        here = anaphoric_place(act.sv) or inherit(rep, act.sv.s.start)
        if here is not None and not here.weak:
            return [here]
    return refs


def _all_moved(act: Act, refs: list[PlaceRef]) -> bool:
    """Every place of the act is only where someone was taken to or came from."""
    rep = act.rep
    for r in refs:
        if r.idx < 0 or role_of(rep, r.idx) == "at":
            return False
    return bool(refs)


@rule("locate", where=lambda p: p.moved_means_elsewhere)
def moved_people_are_placed_at_the_town_told_of(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "نزحوا من المدينة": only where someone was taken to or came from, so "the town" told of is the place."""
    if act.pol.moved_means_elsewhere and _all_moved(act, refs):
        here = anaphoric_place(act.sv)
        if here is not None:
            return [here]
    return refs


@rule("locate", where=lambda p: p.moved_means_elsewhere)
def people_hit_on_their_way_are_placed_where_they_were_going(
    act: Act, refs: list[PlaceRef]
) -> list[PlaceRef]:
    """ "struck a convoy carrying residents from Kobani and Raqqa to a sit-in at the dam": where the people
    came from is not where they were hit; where they were going is nearer."""
    rep, sv = act.rep, act.sv
    if not act.pol.moved_means_elsewhere or not _all_moved(act, refs) or anaphoric_place(sv) is not None:
        return refs
    if not all(role_of(rep, r.idx) == "from" for r in refs):
        return refs
    keys, s = _keys(refs), sv.s
    ahead = [
        r
        for r in places_in(sv, s.start, s.end, "other")
        if r.key not in keys and not r.weak and r.idx >= 0 and role_of(rep, r.idx) != "from"
    ]
    return [ahead[0]] if ahead else refs


@rule("locate")
def a_strong_act_in_a_province_is_kept_at_province_level(
    act: Act, refs: list[PlaceRef]
) -> list[PlaceRef] | None:
    """ "نفّذت غارة جوية في محافظة دير الزور": a strong act with a day of its own is still an event of that
    province (geo_precision 3, as ACLED codes "a strike somewhere in Deir ez-Zor"), also when a source tells it
    ("RIC said that a Turkish drone strike yesterday killed one Asayish member in Hasakah province": a later
    telling on a road of the province is the same strike); a weak word with only a province is not."""
    if (
        not act.when.own
        or not refs
        or not all(r.weak and r.precision >= 3 and not town_countryside(r) for r in refs)
    ):
        return refs
    sv = act.sv
    words = act.rep.original(sv.s.start, sv.s.end)[:80]
    if act.anchor.strength < 3:
        sv.ledger.messages.append(f"Only a broad region for an event in: {words}")
        return None
    sv.ledger.messages.append(f"Placed at province level (no town named): {words}")
    return refs


@rule("locate")
def an_institutions_town_places_its_member(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "a member of the al-Kasrah Civil Council" with only "the western countryside of Deir ez-Zor" beside
    it: the town an institution is named after places the event better than a place told sentences before,
    when every other place of the clause is a broad area of the same province."""
    towns = None
    for r in refs:
        if r.mention is not None and r.mention.qualifier == "institution" and r.place.kind in SETTLEMENTS:
            if towns is not None:
                return refs
            towns = [r]
    if towns is None:
        return refs
    town = towns[0]
    if any(not r.weak or r.place.admin1 != town.place.admin1 for r in refs if r is not town):
        return refs
    return [dataclasses.replace(town, weak=False)]


def _placeless(refs: list[PlaceRef]) -> bool:
    """No place, or only broad areas and institutions (a village the report names is a place, even when only
    its area locates it: "بلدة الحصان في ريف دير الزور الغربي")."""
    if refs and not refs[0].weak:
        return False  # the common case, without a generator
    return all(
        r.weak and (r.precision >= 3 or institution(r)) and getattr(r.place, "source", "") != "unlisted"
        for r in refs
    )


@rule("locate")
def the_town_told_of_places_a_placeless_act(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "في المدينة"، "in the camp": an act with no place of its own is in the report's first place of that kind."""
    if _placeless(refs):
        here = anaphoric_place(act.sv)
        if here is not None and not here.weak:
            return [here]
    return refs


@rule("locate")
def the_last_place_told_places_a_placeless_act(act: Act, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "وقُتل ... بقصف" after "... في بلدة الشحيل": an act with no place of its own is at the last strong place
    named before it, else the report's first (a headline never borrows one; an act with a broad place of its
    own keeps it rather than borrow a town of another governorate, "اغتالت خلية موظفاً ... في ريف دير الزور
    الغربي" after "في بلدة المنصورة بريف الرقة", or the province's own capital: "killed in a drone strike in
    Hasaka province" after "in Hasaka" is in the province)."""
    sv = act.sv
    if not _placeless(refs) or anaphoric_place(sv) is not None or (sv.s.headline and not refs):
        return refs
    inh = inherit(act.rep, sv.s.start)
    if inh is None or inh.weak:
        return refs
    if _elsewhere(act, refs, inh):
        return refs  # "صدّ محاولة تسلل ... في منطقة المغلة بريف الرقة الشرقي": not another's town
    if not sv.s.headline and any(_its_capital(r, inh) for r in refs):
        return refs  # "in Hasaka province" after "in Hasaka": the province the act names, not its capital
    return [inh]


def _its_capital(r: PlaceRef, inh: PlaceRef) -> bool:
    """Whether ``inh`` is the city a province or countryside ``r`` is named after ("ريف دير الزور الشرقي" and
    "دير الزور"): the countryside of a city is not the city."""
    name = getattr(inh.place, "name_ar", "")
    return (
        bool(name) and getattr(r.place, "kind", "") in AREA_KINDS and name in getattr(r.place, "name_ar", "")
    )


def _elsewhere(act: Act, refs: list[PlaceRef], inh: PlaceRef) -> bool:
    """Whether a town told lies in another governorate than the act's own broad places (a body sentence; a
    headline borrows the body's town)."""
    if not refs or act.sv.s.headline or inh.idx < 0:
        return False
    own = {one_governorate(r) for r in refs}
    return "" not in own and one_governorate(inh) not in own


@rule("locate")
def a_headline_with_only_a_borrowed_place_is_no_event(
    act: Act, refs: list[PlaceRef]
) -> list[PlaceRef] | None:
    """ "مقتل مدنيين برصاص مجهولين في ريف دير الزور" with only the dateline's town to borrow: a headline whose places
    are all borrowed retells the body, no event of its own."""
    if act.sv.s.headline and refs and all(r.inherited for r in refs):
        return None
    return refs


RULES = (
    an_act_abroad_is_no_event,
    the_sentences_places_when_the_clause_has_none,
    a_town_in_a_free_clause_beats_a_countryside,
    a_generic_plural_of_attacks_is_no_event,
    unnamed_villages_of_an_area_are_no_place,
    strong_places_over_weak,
    where_people_were_taken_is_not_where_it_happened,
    the_base_detainees_reach_is_not_where_they_were_seized,
    moved_people_are_placed_at_the_town_told_of,
    people_hit_on_their_way_are_placed_where_they_were_going,
    a_strong_act_in_a_province_is_kept_at_province_level,
    an_institutions_town_places_its_member,
    the_town_told_of_places_a_placeless_act,
    the_last_place_told_places_a_placeless_act,
    a_headline_with_only_a_borrowed_place_is_no_event,
)


def no_place(act: Act) -> None:
    """The analyst's message for an act no place could be found for (a headline's needs none)."""
    sv = act.sv
    if not sv.s.headline:
        sv.ledger.messages.append(
            f"No place found for an event in: {act.rep.original(sv.s.start, sv.s.end)[:80]}"
        )
