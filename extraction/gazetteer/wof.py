"""Who's On First ``admin-sy``: every populated place of Syria (GeoNames points and names), merged in.

A row whose GeoNames id is already a ``gn-`` town, or that shares a name with a place within a few km
(or with a village the curated list locates only by a nearby place), adds its names to that place: one
place, many names. Every other row is a new village (``wof-<id>``), or a town when GeoNames marks it an
admin seat. Its ``name_ar`` is the Arabic name that best agrees with the English one: the source's first
Arabic name is sometimes another place's, and every Arabic name is kept as an alias all the same.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from extraction.normalise import fold

from .names import ARABIC_ONLY, LATIN_ONLY, english_variants, strip_admin_prefix
from .place import Place, km, to_float, unique
from .spellings import KURDISH_LETTERS, name_agreement

if TYPE_CHECKING:
    from .build import Builder

TSV = ("wof-admin-sy", "places.tsv")
SOURCE = "Who's On First (GeoNames)"
SEAT_CODES = ("PPLA", "PPLA2", "PPLA3")
TWIN_KM = 3.0  # a row this close to a place of the same name is that place
REF_KM = 15.0  # ... or to the reference point of a village located only by a nearby place


def read_wof(b: Builder) -> None:
    """Merge or add every row of the WOF table (rows in the file's order: deterministic)."""
    path = b.sources.joinpath(*TSV)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    by_name = _name_index(b.places.values())
    by_latin = _latin_index(b.places.values())
    for r in rows:
        ar, en = _names(r)
        lat, lon = to_float(r["lat"]), to_float(r["lon"])
        if lat is None or lon is None or not (ar or en):
            continue
        target = b.places.get(f"gn-{r['geonames_id']}") if r["geonames_id"] else None
        target = target or _twin(b, by_name, ar, lat, lon)
        if target is not None:
            en = [n for n in en if not _latin_taken(n, target, by_latin)]
            _merge(target, _not_taken(ar, target, by_name, b.is_word), en, r, lat, lon)
        else:
            target = _new_place(b, r, ar, en, lat, lon)
            b.add(target)
        for n in target.names_ar():
            by_name.setdefault(fold(n), []).append(target)
            if _spoken(fold(n)) != fold(n):
                by_name.setdefault(_spoken(fold(n)), []).append(target)


def _names(r: dict) -> tuple[list[str], list[str]]:
    """(Arabic names, Latin names): Arabic best agreeing with the English name first; Kurdish in both."""
    ar = [a.strip() for a in [r["name_ar"], *r["alt_names_ar"].split("|")] if a.strip()]
    ku = [k.strip() for k in r["names_ku"].split("|") if k.strip()]
    ar += [k.translate(KURDISH_LETTERS) for k in ku if not LATIN_ONLY.match(k)]
    ar = unique(strip_admin_prefix(a) for a in ar if ARABIC_ONLY.match(a))
    en = unique(
        n.strip()
        for n in [r["name_en"], *r["alt_names_latin"].split("|"), *ku]
        if n.strip() and LATIN_ONLY.match(n.strip())
    )
    if len(ar) > 1 and r["name_en"]:
        scores = [name_agreement(a, [r["name_en"]]) for a in ar]
        best = max(range(len(ar)), key=lambda i: (scores[i], -i))
        ar = [ar[best], *ar[:best], *ar[best + 1 :]]
    return ar, en


def _name_index(places) -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = {}
    for p in places:
        if not p.is_area:
            for n in p.names_ar():
                index.setdefault(fold(n), []).append(p)
                if _spoken(fold(n)) != fold(n):
                    index.setdefault(_spoken(fold(n)), []).append(p)
    return index


def _spoken(folded: str) -> str:
    """The Jazira's spoken ق written ك: "جديد عقيدات" on the map is "جديد عكيدات" in the news and the curated
    list, one village (a twin is matched on either)."""
    return folded.replace("ق", "ك")


def _latin_index(places) -> dict[str, list[Place]]:
    """Known places (not WOF's) by every Latin form of their names."""
    index: dict[str, list[Place]] = {}
    for p in places:
        if not p.is_area and p.source != SOURCE:
            for n in p.names_en():
                for v in english_variants(n):
                    index.setdefault(v, []).append(p)
    return index


def _latin_taken(name: str, p: Place, by_latin: dict[str, list[Place]]) -> bool:
    """A Latin name another known place of the governorate goes by ("Sarrin" on Sirrin ash Shamaliyah's
    row is the town of Sarrin's name)."""
    return any(
        q is not p and q.admin1 == p.admin1 for v in english_variants(name) for q in by_latin.get(v, ())
    )


def _twin(b: Builder, by_name: dict[str, list[Place]], ar: list[str], lat: float, lon: float) -> Place | None:
    """The place sharing an Arabic name with this row within TWIN_KM (or REF_KM of a located_by point)."""
    seen: set[str] = set()
    for n in ar:
        for p in [*by_name.get(fold(n), ()), *by_name.get(_spoken(fold(n)), ())]:
            if p.id in seen:
                continue
            seen.add(p.id)
            if p.lat is not None and p.lon is not None:
                if km(lat, lon, p.lat, p.lon) < TWIN_KM:
                    return p
                continue
            ref = b.places.get(p.located_by)
            near_ref = ref is not None and ref.lat is not None and km(lat, lon, ref.lat, ref.lon) < REF_KM
            if p.kind in ("village", "town") and near_ref:
                return p
    return None


def _not_taken(ar: list[str], p: Place, by_name: dict[str, list[Place]], is_word) -> list[str]:
    """The row's Arabic names a known place may take: not one another known place of the governorate is
    called by (al-Kishma's row also says الكشكية, its neighbour's name), nor an ordinary word (Marrat's
    row says مرات, "times"): a known place's names count without context, so they must not be words."""
    own = {fold(n) for n in p.names_ar()}
    out = []
    for a in ar:
        f = fold(a)
        taken = any(q is not p and q.admin1 == p.admin1 and q.source != SOURCE for q in by_name.get(f, ()))
        if f in own or (not taken and (p.source == SOURCE or not is_word(f))):
            out.append(a)
    return out


def _merge(p: Place, ar: list[str], en: list[str], r: dict, lat: float, lon: float) -> None:
    """The row's names become the place's aliases. A village the curated list locates only by a neighbour
    takes the row's own point (a twin lies within REF_KM of that neighbour: the description and the point
    agree), and the neighbour is noted."""
    p.aliases_ar = unique(a for a in [*p.aliases_ar, *ar] if a != p.name_ar)
    p.aliases_en = unique(a for a in [*p.aliases_en, *en] if a != p.name_en)
    if p.lat is None and p.located_by:
        p.note = f"{p.note}; point from WOF {r['wof_id']} (was located by {p.located_by})"
        p.lat, p.lon, p.located_by = lat, lon, ""
    else:
        p.note = f"{p.note}; same place as WOF {r['wof_id']}"
    if not p.name_ar and ar:
        p.name_ar, p.aliases_ar = ar[0], [a for a in p.aliases_ar if a != ar[0]]


def _new_place(b: Builder, r: dict, ar: list[str], en: list[str], lat: float, lon: float) -> Place:
    code = r["gn_feature_code"]
    if r["placetype"] == "neighbourhood":
        kind = "neighbourhood"
    else:
        kind = "town" if code in SEAT_CODES else "village"
    name_en = r["name_en"] or (en[0] if en else "")
    p = Place(
        id=f"wof-{r['wof_id']}",
        name_en=name_en,
        name_ar=ar[0] if ar else "",
        aliases_ar=ar[1:],
        aliases_en=[n for n in en if n != name_en],
        kind=kind,
        lat=lat,
        lon=lon,
        source=SOURCE,
        note=(
            f"WOF {r['wof_id']}" + (f" GeoNames {r['geonames_id']} {code}" if r["geonames_id"] else "")
        ).strip(),
    )
    gov = b.govs.get(r["adm1_pcode"])
    b.place_admin(p, gov, lat, lon, district=b.dists.get(r["adm2_pcode"]))
    return p
