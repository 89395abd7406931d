"""The curated list (villages, neighbourhoods, facilities with cited pages) and data/places_extra.csv."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from .place import Place, slug, split_aliases, to_float, unique

if TYPE_CHECKING:
    from .build import Builder


def read_curated(b: Builder) -> None:
    """The curated list: villages, neighbourhoods and facilities with cited pages."""
    path = b.sources / "curated" / "places.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        gov = b.gov_by_name(r["governorate"])
        lat, lon = to_float(r["lat"]), to_float(r["lon"])
        ar = split_aliases([r["name_ar"], *r["variants_ar"].split("|")])
        en = split_aliases([r["name_en"], *r["variants_en"].split("|")])
        note = f"{r['description'].strip()} [{r['source_url'].strip()}]"
        twin = b.twin(ar, gov, lat, lon, en) if lat is not None and lon is not None else None
        if twin is not None:
            # Same town in GeoNames (within 5 km, same Arabic name): one entry with both sets of names.
            names_en = unique([r["name_en"].strip(), twin.name_en, *twin.aliases_en, *en])
            twin.name_en, twin.aliases_en = names_en[0], names_en[1:]
            twin.aliases_ar = unique([a for a in [*twin.aliases_ar, *ar] if a != twin.name_ar])
            twin.source = "GeoNames; curated"
            twin.note = f"{twin.note}; {note}"
            continue
        p = Place(
            id="cur-" + slug(r["name_en"]),
            name_en=r["name_en"].strip(),
            name_ar=ar[0],
            aliases_ar=ar[1:],
            aliases_en=en[1:],
            kind=r["kind"].strip(),
            lat=lat,
            lon=lon,
            source="curated",
            note=note,
        )
        b.place_admin(p, gov, lat, lon)
        b.curated_text[p.id] = (r["parent"], r["description"])
        b.add(p)


def _point(b: Builder, p: Place, r: dict) -> None:
    """A point for a place no source locates, from a row that cites where it is (its note says how)."""
    lat, lon = to_float(r.get("lat")), to_float(r.get("lon"))
    if p.lat is None and lat is not None and lon is not None:
        p.lat, p.lon, p.located_by = lat, lon, ""
        p.note = f"{p.note}; point: {r.get('note', '').strip()}".strip("; ")
        b.place_admin(p, b.gov_by_name(p.admin1), lat, lon)


def _locator(b: Builder, p: Place, r: dict) -> None:
    """A nearer locator for a place no source gives a point ("Qara Qozak bridge": the village it is named after
    and stands by, not Kobani 30 km north), from a row whose note says why."""
    by = (r.get("located_by") or "").strip()
    if p.lat is None and by and by in b.places:
        p.located_by = by
        p.note = f"{p.note}; located by {by}: {r.get('note', '').strip()}".strip("; ")


def read_extras(b: Builder, path: Path, wof_rows: bool) -> None:
    """Names the sources miss (data/places_extra.csv): aliases for an existing id, or new places.

    Read twice: before the WOF table (``wof_rows=False``, every row but those naming a ``wof-`` id, so the
    curated places are located as before), then after it (only the rows naming a ``wof-`` village, as the place
    or as its ``located_by``)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        pid = (r.get("id") or "").strip()
        # a row naming a WOF village (as the place or as its locator) waits for the WOF table
        if (pid.startswith("wof-") or (r.get("located_by") or "").startswith("wof-")) != wof_rows:
            continue
        if not (r.get("source") or "").strip():
            raise ValueError(f"places_extra.csv: row {pid!r} has no source")
        if pid in b.places:
            p = b.places[pid]
            p.aliases_ar = unique(
                a for a in [*p.aliases_ar, *split_aliases(r["aliases_ar"])] if a != p.name_ar
            )
            p.aliases_en = unique(
                a for a in [*p.aliases_en, *split_aliases(r["aliases_en"])] if a != p.name_en
            )
            _point(b, p, r)
            _locator(b, p, r)
            continue
        p = Place.from_row(r)
        gov = b.gov_by_name(r.get("admin1") or "")
        if p.is_area:
            if gov is not None:
                p.admin1, p.admin1_pcode = gov.name_en, gov.id
        else:
            b.place_admin(p, gov, p.lat, p.lon)
        b.add(p)
