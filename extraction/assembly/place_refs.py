"""Stage ``place_refs``: the place an event can be located at, and the look-ups every stage shares.

A ``PlaceRef`` is a place mention as a location (a neighbourhood collapses to its city). It is weak (a
place an event is not precisely at) when it is a region or a countryside, an institution's name, or when a
rule of ``RULES`` says so (a rule returns True): a road or street named after it. References are made once
per report and place (a memo table on the ``Report``). ``inherit``, ``described`` and ``anaphoric_place``
find the place a sentence without one refers to.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from ..gazetteer import load_gazetteer
from .place_roles import FROM, place_role
from .report import ANAPHORIC_PLACE, Report, SentenceView, words
from .rules import rule

# places told only for where the wounded were taken, the fire came from or people came from: never borrowed
# by a later act with no place of its own ("نُقل الجرحى إلى مشافي مدينة الحسكة" ... "عثر على جثة")
_ASIDES = frozenset(
    [
        "where_the_wounded_were_taken",
        "where_the_fire_came_from",
        "where_people_came_from",
        "where_the_deeds_held_against_someone_were_done",
    ]
)
AREA_KINDS = {"governorate", "district", "sub-district", "region"}
CHILD_KINDS = {"neighbourhood", "facility", "airport"}
SETTLEMENTS = ("city", "town", "village")
AND = re.compile(r"(?:^|\s)(?:و|and(?!\w))")
_ANAPHORIC_RX = re.compile(
    r"(?<!\w)(?:في|وسط|داخل|فوق|علي|عند|حول|امام|محيط|قرب|in|inside|near|over|at|around|outside|"
    r"approaches to|entrance to|outskirts of|set off for|headed for|heading to|on their way to|"
    r"في طريقهم الي|متجهين الي|متوجهين الي)\s+(?:ال)?(" + "|".join(ANAPHORIC_PLACE) + r")(?!\w)"
)
# "الطريق الدولي حلب – الحسكة"، "the main road", "مفرق الدرباسية-تل تمر-الحسكة": a road or junction named by
# the towns it joins is not in them
_ROAD_KIND = rf"(?: (?:{words('road_kind')}))?"
_ROAD_WORD = r"(?:طريق|مفرق|road|junction)"
_ROAD = re.compile(
    rf"{_ROAD_WORD}{_ROAD_KIND}\s*$|{_ROAD_WORD}{_ROAD_KIND} (?:[^\s,.]+(?: [^\s,.]+)?\s*[-–/]\s*){{1,2}}$"
)
_ROAD_AFTER = re.compile(r"^\s*(?:[-–]\s*[^\s,.]+(?:\s[^\s,.]+)?\s+)?(?:highway|road)\b")


@dataclass
class PlaceRef:
    """A place an event is located at (after neighbourhoods collapse to their city)."""

    key: str
    place: object
    mention: object | None
    precision: int
    weak: bool = False
    inherited: bool = False
    idx: int = -1  # the place mention's index in the report


def a_capital(p) -> bool:
    """Whether ``p`` is the city its governorate is named after (a headline's "في دير الزور" is the province)."""
    if getattr(p, "kind", "") != "city" or not getattr(p, "admin1_pcode", ""):
        return False
    gov = load_gazetteer().get(p.admin1_pcode)
    return gov is not None and gov.name_ar == p.name_ar


def one_governorate(r: PlaceRef) -> str:
    """The governorate a place lies in ("" when not known, or for a region over several: "the Badia", "west of
    the Euphrates"; a governorate's countryside is in one)."""
    p = r.place
    if getattr(p, "kind", "") == "region" and not getattr(p, "name_en", "").endswith("countryside"):
        return ""
    return getattr(p, "admin1", "") or ""


def aside(rep: Report, i: int) -> bool:
    """Whether place ``i`` is told only as where people came from, the fire came from or the wounded were taken,
    or is the next item of such a list ("من النازحين القادمين من تدمر ودير الزور") or a direction right after
    such a place ("شاب ينحدر من بلدة حطلة شمال شرقي مدينة دير الزور")."""
    while i >= 0:
        by = place_role(rep, i)[2]
        if by in _ASIDES:
            return True
        described = (
            rep.places[i].qualifier
            and i > 0
            and not rep.text[rep.place_pos[i - 1][1] : rep.place_pos[i][0]].strip()
        )
        if by != "a_list_shares_its_role_word" and not described:
            return False
        i -= 1
    return False


def place_ref(rep: Report, i: int, inherited: bool = False) -> PlaceRef:
    """The reference of place mention ``i`` (computed once per report)."""
    key = (i, inherited)
    ref = rep.ref_cache.get(key)
    if ref is None:
        ref = rep.ref_cache[key] = _make_ref(rep, i, inherited)
    return ref


def _make_ref(rep: Report, i: int, inherited: bool) -> PlaceRef:
    pm = rep.places[i]
    p = pm.place
    key_place = p
    gaz = rep.gaz
    if p.kind in CHILD_KINDS and p.parent_id and gaz is not None:
        parent = gaz.get(p.parent_id)
        if parent is not None and parent.kind in SETTLEMENTS and parent.lat is not None:
            key_place = parent
    weak = (
        p.kind in AREA_KINDS
        or (pm.geo_precision or 1) >= 3
        or "countryside" in (pm.qualifier or "")
        or pm.qualifier == "institution"
        or any(fn(rep, i) for fn in rep.plan.place_refs)
    )
    prec = pm.geo_precision or 1
    if key_place is not p and pm.place.lat is None:
        prec = max(prec, 1)
    return PlaceRef(key_place.id, key_place, pm, prec, weak, inherited, i)


@rule("place_refs")
def a_road_named_by_its_towns_is_not_in_them(rep: Report, i: int) -> bool:
    """ "الطريق الدولي حلب – الحسكة"، "the main road to Hasakah", "عند مفرق الدرباسية-تل تمر-الحسكة": a town that
    names a road or a junction is a weak place."""
    fs = rep.place_pos[i][0]
    return not rep.places[i].qualifier and bool(_ROAD.search(rep.text[max(0, fs - 30) : fs]))


@rule("place_refs")
def a_place_naming_a_highway_is_not_on_it(rep: Report, i: int) -> bool:
    """ "the Deir ez-Zor–Palmyra highway": a place that names a road is not where the event was."""
    e = rep.place_pos[i][1]
    return i not in rep.outlets and bool(_ROAD_AFTER.match(rep.text[e : e + 40]))


@rule("place_refs")
def a_street_named_after_a_town_is_not_in_it(rep: Report, i: int) -> bool:
    """ "شارع تل أبيض وسط الرقة": a street or square named after a town is not in that town."""
    pm = rep.places[i]
    return pm.kind_hint == "facility" and pm.place.kind in SETTLEMENTS


@rule("place_refs")
def an_unnamed_town_by_a_place_is_vague(rep: Report, i: int) -> bool:
    """ "attacked their checkpoint in a town north of Deir ez-Zor"، "في قرية قرب تل تمر": a town the report does
    not name, located by a place, is a vague place (a later telling that names the town is the same act)."""
    fs = rep.place_pos[i][0]
    return bool(rep.places[i].qualifier) and bool(_UNNAMED_TOWN.search(rep.text[max(0, fs - 24) : fs]))


_UNNAMED_TOWN = re.compile(r"(?:\b(?:in|at) an? (?:town|village)|(?<!\w)في (?:قريه|بلده))\s*$")


RULES = (
    an_unnamed_town_by_a_place_is_vague,
    a_road_named_by_its_towns_is_not_in_them,
    a_place_naming_a_highway_is_not_on_it,
    a_street_named_after_a_town_is_not_in_it,
)


# -- places a sentence without one refers to ---------------------------------------------------------------
def institution(r: PlaceRef) -> bool:
    return r.mention is not None and r.mention.qualifier == "institution"


def town_countryside(r: PlaceRef) -> bool:
    """ "ريف الرقة الشمالي": the side of one town's countryside is a place ACLED codes (near the town)."""
    pm = r.mention
    return pm is not None and "countryside" in (pm.qualifier or "") and r.place.kind in ("city", "town")


def anaphoric_place(sv: SentenceView) -> PlaceRef | None:
    """ "في المدينة" / "in the camp": the report's first place of that kind (looked for once per sentence)."""
    if sv.anaphoric is False:
        sv.anaphoric = _anaphoric_place(sv)
    return sv.anaphoric


def _anaphoric_place(sv: SentenceView) -> PlaceRef | None:
    rep, s = sv.rep, sv.s
    m = _ANAPHORIC_RX.search(rep.text, s.start, s.end)
    if not m:
        return None
    kinds = ANAPHORIC_PLACE.get(m.group(1)) or ANAPHORIC_PLACE.get("ال" + m.group(1), ())
    if kinds not in rep.first_of_kind:
        rep.first_of_kind[kinds] = next(
            (
                place_ref(rep, i, inherited=True)
                for i, pm in enumerate(rep.places)
                if pm.place.kind in kinds and rep.located[i] and i not in rep.outlets
            ),
            None,
        )
    return rep.first_of_kind[kinds]


def inherit(rep: Report, pos: int) -> PlaceRef | None:
    """The last strong place named before ``pos``; else the report's first strong place; else any."""
    k = bisect.bisect_left(rep.place_starts, pos)
    located, outlets, text = rep.located, rep.outlets, rep.text
    for i in range(k - 1, max(-1, k - 200), -1):
        if not located[i] or i in outlets:
            continue
        r = place_ref(rep, i, inherited=True)
        fs = rep.place_pos[i][0]
        # "Tall Tamr, a town of about 7,000 people, lies south-east of Ras al-Ayn. ... hit it on 4 April": a
        # place told only as where another lies is not the one told of
        if (
            not r.weak
            and not FROM.search(text[max(0, fs - 14) : fs])
            and not aside(rep, i)
            and place_role(rep, i)[0] != "lies"
        ):
            prev = described(rep, i) or _located_by_next(rep, i)
            r = prev if prev is not None else r
            x = _other_end(rep, r.idx)
            return place_ref(rep, x, inherited=True) if x is not None and located[x] else r
    if rep.first_strong is False:
        rep.first_strong = None
        for i in range(len(rep.places)):
            if located[i] and i not in outlets:
                r = place_ref(rep, i, inherited=True)
                if not r.weak:
                    rep.first_strong = r
                    break
    if rep.first_strong is not None:
        return rep.first_strong
    for i in range(k - 1, -1, -1):
        if located[i] and i not in outlets:  # "DAMASCUS, Jan. 27 (Xinhua) --": a bureau places nothing
            return place_ref(rep, i, inherited=True)
    return None


def _other_end(rep: Report, i: int) -> int | None:
    """ "between al-Hol and al-Shaddadi": the place told is X (its index), Y the other end (unless no source
    has X: "between the villages of Qomji and Barkh Botan")."""
    if i <= 0 or not place_role(rep, i - 1)[1] or rep.places[i - 1].place.source == "unlisted":
        return None
    text, pos = rep.text, rep.place_pos
    gap = text[pos[i - 1][1] : pos[i][0]]
    return i - 1 if len(gap.split()) <= 2 and AND.search(gap + text[pos[i][0]]) else None


def _located_by_next(rep: Report, i: int) -> PlaceRef | None:
    """ "في قرية الحمرات التابعة لناحية الكرامة": a village no source locates, placed by the town named right
    after it, is the place told of, not that town."""
    if i == 0:
        return None
    prev = rep.places[i - 1].place
    if prev.source != "unlisted" or prev.located_by != rep.places[i].place.id:
        return None
    gap = rep.text[rep.place_pos[i - 1][1] : rep.place_pos[i][0]]
    return place_ref(rep, i - 1, inherited=True) if len(gap) <= 40 and not AND.search(gap) else None


def described(rep: Report, i: int) -> PlaceRef | None:
    """ "مجلس الشدادي المحلي جنوبي الحسكة": a direction phrase right after a town says where that town
    is; the town, not the city it is south of, is the place told of."""
    pm = rep.places[i]
    if i == 0 or not pm.qualifier or pm.qualifier in ("institution", "near") or "countryside" in pm.qualifier:
        return None
    j = i - 1
    gap = rep.text[rep.place_pos[j][1] : rep.place_pos[i][0]]
    prev = rep.places[j]
    # at most one word between ("مجلس الشدادي المحلي جنوبي الحسكة": the institution's last word), or a comma
    # before the direction ("near Deir Hafer, east of Aleppo"، "قرية المحيمدة، غربي دير الزور")
    words = gap.split()
    comma = gap.strip().startswith((",", "،"))
    if (
        len(words) > (3 if comma else 1)
        or AND.search(gap)
        or (not comma and "," in gap)
        or not rep.located[j]
        or prev.place.kind not in SETTLEMENTS
    ):
        return None
    return dataclasses.replace(place_ref(rep, j, inherited=True), weak=False)
