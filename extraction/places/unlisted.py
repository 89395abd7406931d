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
from .outlets import desk_before
from .roads import a_road_end
from .sounds import arabic_near, sounding_near
from .unknown import _lexicon_words, unknown_names
from .words import place_words

SOURCE = "unlisted"  # Place.source of these places: named by the report, located by another place
# what a type word makes ("قرب سد الباشوط في ريف المالكية": a dam no source has is a site of its own)
_KINDS = {"village": "village", "town": "village", "neighbourhood": "neighbourhood", "dam": "dam"}
_SETTLEMENTS = frozenset(["city", "town", "village"])
_TOLD_OF = (None, "", "around", "near")  # "قرى حول ناحية تل تمر": the town is told of; "north of" places it
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_AFTER_REACH = 120  # "قرى X وY في الريف الغربي لمدينة كوباني": the town named with the list
_BEFORE_REACH = 1500  # "... في مدينة كوباني. ... في قرية زورافا": the town the report is about


def unlisted_places(
    norm: Normalised,
    known: list[PlaceMention],
    gazetteer: Gazetteer | None = None,
    type_words: list[tuple[int, int]] | None = None,
) -> list[PlaceMention]:
    """A place mention for each name a type word introduces that no source locates (see the module).

    A name no spelling of the gazetteer matches may still sound like a village near the place it is named
    with ("Mala Sobat" is Mawla Sibat, "Tel Jemaa" Tall Jum'ah, "زيرك" زريك): that village is the place.
    ``type_words``: the Arabic type words' (end, length), when the document's lexicon pass found them.
    """
    located = sorted((m for m in known if m.lat is not None), key=lambda m: m.start)
    if not located:
        return []
    starts = [m.start for m in located]
    text = norm.original
    out: list[PlaceMention] = []
    seen: dict[str, Place] = {}  # a name told again is the place first told
    unknown = unknown_names(norm, known, type_words)
    names = [(a, b) for a, b, _name, _kind in unknown]
    for start, end, name, kind in unknown:
        if kind not in _KINDS:
            continue
        key = fold(name)
        place = seen.get(key)
        if place is None:
            anchor = _anchor(text, located, starts, start, end, names)
            if anchor is None:
                continue
            # a quarter is its city's, never a village that sounds like it
            gaz = gazetteer or load_gazetteer()
            if kind == "neighbourhood":
                sounding = None
            elif name.isascii():
                sounding = sounding_near(name, anchor, gaz, shortest=3)  # "in Khaneyz village": typed
            else:
                sounding = arabic_near(name, anchor, gaz)
            place = seen[key] = sounding or _place(name, _KINDS[kind], anchor)
        start = _with_type_word(
            text, start
        )  # "بين قرية أم الكيف وبلدة تل تمر": the mention starts at its type word
        out.append(PlaceMention(start, end, text[start:end], place, place.geo_precision, None, place.kind))
    out += _english_sounding(text, known, out, located, starts, names, gazetteer or load_gazetteer())
    return sorted(out, key=lambda m: m.start)


# "assaulted the SDF headquarters in Granij", "stormed three SDF points in Al-Kashkiya", "shelled a water shop in Zor
# Maghar" (two capitalised words): a capitalised name
# after a locative word, in an English report. The word boundary before the word is a look-behind after its
# first letter ("i(?<!\wi)n" is "\bin"): each branch opens on a letter, so the engine skips to one in C.
_EN_AT = re.compile(
    r"(?:i(?<!\wi)n|a(?<!\wa)t|n(?<!\wn)ear|o(?<!\wo)f|a(?<!\wa)nd)\s+"
    r"((?:[Aa]l-|[Ee]l-)?(?:(?:Kafr|Tal|Tell|Ain|Ras|Umm|Abu|Deir|Jabal|Khirbet|Tall) )?[A-Z][a-z']{2,}(?:[- ][A-Z][a-z']+)?)\b"
)


def _english_sounding(
    text: str,
    known: list[PlaceMention],
    found: list[PlaceMention],
    located: list[PlaceMention],
    starts: list[int],
    names: list[tuple[int, int]],
    gazetteer: Gazetteer,
) -> list[PlaceMention]:
    """Villages an English report names after "in"/"at"/"near"/"of" (or "and" after a place) with no type word,
    spelt as no source spells them ("Kafr Khasher" is Kafr Khashir): a place only where the name sounds like a village near the place it is named with ("in Granij" is
    Gharanij by Dhiban); any other capitalised word after "in" stays a word."""
    taken = sorted((m.start, m.end) for m in [*known, *found])
    lexicon = _lexicon_words()
    out: list[PlaceMention] = []
    for m in _EN_AT.finditer(text):
        start, end = m.span(1)
        if m.group(0)[:3] == "and" and not _after_a_place(text, taken, m.start()):
            continue  # "X and Y": a list member only where a place stands right before "and"
        k = bisect.bisect_right(taken, (start, len(text)))
        if (k and taken[k - 1][1] > start) or (k < len(taken) and taken[k][0] < end):
            continue  # a place already found
        if fold(m.group(1)).split("-")[-1] in lexicon:
            continue  # "in Ramadan", "in January": words another lexicon knows
        anchor = _anchor(text, located, starts, start, end, names)
        place = sounding_near(m.group(1), anchor, gazetteer) if anchor is not None else None
        if place is not None:
            out.append(
                PlaceMention(start, end, text[start:end], place, place.geo_precision, None, place.kind)
            )
    return out


def _after_a_place(text: str, taken: list[tuple[int, int]], pos: int) -> bool:
    """Whether a place mention ends right before ``pos`` ("the villages of Maranaz and Kafr Khasher")."""
    k = bisect.bisect_right(taken, (pos, 0))
    return bool(k) and 0 <= pos - taken[k - 1][1] <= 2 and not text[taken[k - 1][1] : pos].strip(" ,")


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


def _typed(mention_text: str) -> bool:
    """Whether a mention opens with a type word ("بلدة تل تمر", "وقرية ...")."""
    first = fold(mention_text).split(" ", 1)[0]
    w = place_words()
    return any(first[k:] in w.types and all(c in w.proclitics for c in first[:k]) for k in range(3))


def is_unlisted(mention: PlaceMention) -> bool:
    return mention.place.source == SOURCE


def _anchor(
    text: str,
    located: list[PlaceMention],
    starts: list[int],
    start: int,
    end: int,
    names: list[tuple[int, int]],
) -> Place | None:
    """The place that locates a name at [start, end): named after it in its sentence, else before it there,
    else the last town told before it; never a reporter's desk ("وأفاد مراسل سانا في الحسكة بأن ... احتلت قرى
    الريحانية والكنيهر")."""
    stop = _SENTENCE_END.search(text, end)
    limit = min(stop.start() if stop else len(text), end + _AFTER_REACH)
    i = bisect.bisect_left(starts, end)
    road_end = -1
    while i < len(located) and located[i].start < limit:
        here = located[i].start
        # "قرى حيدريات وفاطسة وعلى الطريق الدولي الواصل بين حلب والحسكة": a road's two ends locate none
        road = a_road_end(fold(text[max(0, here - 60) : here])) or (
            road_end >= 0 and _ROAD_PAIR.fullmatch(text, road_end, here) is not None
        )
        if road or _desk(text, here):
            road_end = located[i].end if road else -1
            i += 1
            continue
        # "بين قرية أم الكيف وبلدة تل تمر": a place with its own type word is not the list's
        # "قرى قره موغ وكولتب وكوران وجيشان شرقي مدينة كوباني": a direction phrase says where the list lies
        if (
            _typed(located[i].text)
            or located[i].qualifier
            or not _listed_with(text, end, located[i].start, names)
        ):
            return located[i].place
        end = located[i].end  # "قرى الشيوخ وزيرك والجلبية على أطراف عين العرب": another village of the list
        i += 1
    k = bisect.bisect_left(starts, start)
    while k and _desk(text, located[k - 1].start):
        k -= 1
    opening = max(text.rfind(c, 0, start) for c in ".!?؟\n") + 1
    if k and located[k - 1].start >= opening:
        return _described_before(text, located[:k], opening)
    for m in reversed(located[:k]):
        if start - m.end > _BEFORE_REACH:
            break
        # "بلدة عين عيسى شمالي الرقة": a direction phrase says where the town before it is; the town is told of
        if m.place.kind in _SETTLEMENTS and m.qualifier in _TOLD_OF and not _desk(text, m.start):
            return m.place
    return None


def _described_before(text: str, before: list[PlaceMention], opening: int) -> Place:
    """The town of the sentence a list is named after: the last one told with no direction ("عند حاجز المنصورة غربي
    الرقة، وشهدت قرية البوعاصي في المنطقة ذاتها": al-Mansurah, not the city its direction names), else the town
    whose countryside is named ("في ريف تل تمر بمحافظة الحسكة، إذ ... لتشمل قرى أم الكيف"، "على ريف عين عيسى
    شمالي الحسكة، إذ سقطت القذائف على قرى ...": not the city a direction after it names), else the last one."""
    described = countryside = None
    for m in reversed(before):
        if m.start < opening:
            break
        if _desk(text, m.start) or m.place.kind not in _SETTLEMENTS:
            continue
        if not m.qualifier:
            return m.place
        described = described or m.place
        if "countryside" in m.qualifier:
            countryside = countryside or m.place
    return countryside or described or before[-1].place


_ROAD_PAIR = re.compile(r"\s*(?:و|and\s|[-–])\s*")


def _desk(text: str, start: int) -> bool:
    """Whether the place at ``start`` names a reporter's desk ("وأفاد مراسل سانا في الحسكة بأن")."""
    window = fold(text[max(0, start - 60) : start])
    return desk_before(window.replace("«", " ").replace("»", " ").replace('"', " ").split())


_SEPARATORS = re.compile(r"^(?:[\s،,]|\bو|\band\b)*$")


def _listed_with(text: str, start: int, end: int, names: list[tuple[int, int]]) -> bool:
    """Whether a place between a list member and [start, end) is in the list too: only "و"، "and",
    commas and the list's other unnamed villages between ("الشيوخ وزيرك والجلبية", "Zirik, Shuyukh and
    Jalabiya")."""
    gap, pos = [], start
    for a, b in names:
        if a >= pos and b <= end:
            gap.append(text[pos:a])
            pos = b
    gap.append(text[pos:end])
    joined = " ".join(gap)
    return bool(re.search(r"و|\band\b|[،,]", joined)) and bool(_SEPARATORS.match(joined))


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
