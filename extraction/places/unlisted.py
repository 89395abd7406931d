"""Villages and quarters a report names that no source locates, as places of their own.

"قصف مدفعي طال قرى «بوبان، أشمة، سفتك» في الريف الغربي للمدينة", "في قرية زورافا غربي عين العرب": ACLED
codes one event per village, each at the nearest place a source locates (geo_precision 2). A name a type word
introduces and the gazetteer lacks (``unknown.unknown_names``) becomes a place located by the place named with
it: the first one after it in its sentence ("غربي عين العرب"، "بريف القامشلي الشرقي"), else the last one before
it in its sentence, else the last town the report named before it; a quarter belongs to that city (its events
are the city's). A name told twice is one place, located where it is first told. A name with no such place
stays unknown (the Paste page still lists it for the analyst).
"""

from __future__ import annotations

import bisect
import re

from extraction.gazetteer import Gazetteer, Place, load_gazetteer
from extraction.normalise import Normalised, fold

from .mention import PlaceMention
from .sounds import sounding_near
from .unknown import unknown_names
from .words import place_words

SOURCE = "unlisted"  # Place.source of these places: named by the report, located by another place
_KINDS = {"village": "village", "town": "village", "neighbourhood": "neighbourhood"}  # what a type word makes
_SETTLEMENTS = frozenset(["city", "town", "village"])
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_AFTER_REACH = 120  # "قرى X وY في الريف الغربي لمدينة كوباني": the town named with the list
_BEFORE_REACH = 1500  # "... في مدينة كوباني. ... في قرية زورافا": the town the report is about


def unlisted_places(
    norm: Normalised, known: list[PlaceMention], gazetteer: Gazetteer | None = None
) -> list[PlaceMention]:
    """A place mention for each name a type word introduces that no source locates (see the module).

    An English name no spelling of the gazetteer matches may still sound like a village near the place it is
    named with ("Mala Sobat" is Mawla Sibat, "Tel Jemaa" Tall Jum'ah): that village is the place.
    """
    located = sorted((m for m in known if m.lat is not None), key=lambda m: m.start)
    if not located:
        return []
    starts = [m.start for m in located]
    text = norm.original
    out: list[PlaceMention] = []
    seen: dict[str, Place] = {}  # a name told again is the place first told
    for start, end, name, kind in unknown_names(norm, known):
        if kind not in _KINDS:
            continue
        key = fold(name)
        place = seen.get(key)
        if place is None:
            anchor = _anchor(text, located, starts, start, end)
            if anchor is None:
                continue
            sounding = sounding_near(name, anchor, gazetteer or load_gazetteer()) if name.isascii() else None
            place = seen[key] = sounding or _place(name, _KINDS[kind], anchor)
        start = _with_type_word(
            text, start
        )  # "بين قرية أم الكيف وبلدة تل تمر": the mention starts at its type word
        out.append(PlaceMention(start, end, text[start:end], place, place.geo_precision, None, place.kind))
    return out


def _with_type_word(text: str, start: int) -> int:
    """Where the mention begins: at the type word right before the name ("قرية", "قرى «"), else at the name."""
    i = start
    while i > 0 and text[i - 1] in " \"«'":
        i -= 1
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = fold(text[j:i])
    w = place_words()
    for k in range(min(2, len(word) - 2) + 1):  # proclitics: "وقرية", "بقرى"
        if word[k:] in w.types and all(c in w.proclitics for c in word[:k]):
            return j
    return start


def is_unlisted(mention: PlaceMention) -> bool:
    return mention.place.source == SOURCE


def _anchor(text: str, located: list[PlaceMention], starts: list[int], start: int, end: int) -> Place | None:
    """The place that locates a name at [start, end): named after it in its sentence, else before it there,
    else the last town told before it."""
    stop = _SENTENCE_END.search(text, end)
    limit = min(stop.start() if stop else len(text), end + _AFTER_REACH)
    i = bisect.bisect_left(starts, end)
    if i < len(located) and located[i].start < limit:
        return located[i].place
    k = bisect.bisect_left(starts, start)
    opening = max(text.rfind(c, 0, start) for c in ".!?؟\n") + 1
    if k and located[k - 1].start >= opening:
        return located[k - 1].place
    for m in reversed(located[:k]):
        if start - m.end > _BEFORE_REACH:
            break
        # "بلدة عين عيسى شمالي الرقة": a direction phrase says where the town before it is; the town is told of
        if m.place.kind in _SETTLEMENTS and not m.qualifier:
            return m.place
    return None


def _place(name: str, kind: str, anchor: Place) -> Place:
    lat, lon, prec = anchor.point()
    settled = anchor.kind in _SETTLEMENTS or anchor.kind == "neighbourhood"
    # a quarter is its city's: named after another quarter, the city that quarter belongs to
    city = anchor.parent_id if anchor.kind == "neighbourhood" else anchor.id if settled else ""
    place = Place(
        id=f"unlisted:{fold(name)}",
        name_en=name,
        name_ar=name,
        kind=kind,
        located_by=anchor.id,
        parent_id=city if kind == "neighbourhood" else "",
        admin1=anchor.admin1,
        admin2=anchor.admin2,
        admin3=anchor.admin3 if settled else "",
        admin1_pcode=anchor.admin1_pcode,
        admin2_pcode=anchor.admin2_pcode,
        admin3_pcode=anchor.admin3_pcode if settled else "",
        source=SOURCE,
        geo_precision=2 if settled else max(2, prec or 3),
        note=f"named in the report; no source locates it: placed at {anchor.name_en}",
    )
    place.ref_lat, place.ref_lon = lat, lon
    return place
