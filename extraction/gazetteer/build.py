"""The gazetteer build: sources read in a fixed order into one list of places, written byte-identically."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from extraction.normalise import fold

from .frequency import is_word
from .load import EXTRA_CSV, SOURCES
from .names import english_variants
from .place import COLUMNS, KINDS, Place, km


def nearest(lat: float, lon: float, areas: list[Place]) -> Place | None:
    best, best_d = None, float("inf")
    for a in areas:
        if a.lat is None or a.lon is None:
            continue
        d = km(lat, lon, a.lat, a.lon)
        if d < best_d:
            best, best_d = a, d
    return best


class Builder:
    """The places read so far, by id and the admin areas by level; each source module adds to it."""

    def __init__(self, sources: Path):
        self.sources = sources
        self.places: dict[str, Place] = {}
        self.govs: dict[str, Place] = {}
        self.dists: dict[str, Place] = {}
        self.subs: dict[str, Place] = {}
        self.curated_text: dict[str, tuple[str, str]] = {}  # id -> (parent, description)
        self._subs_cache: dict[str, list[Place]] = {}
        self.is_word = is_word  # whether a folded name is an ordinary word (wordfreq; build only)
        self._sub_names: dict[str, set[str]] = {}

    def add(self, p: Place) -> None:
        if p.id in self.places:
            raise ValueError(f"duplicate place id {p.id}")
        self.places[p.id] = p

    def place_admin(
        self, p: Place, gov: Place | None, lat: float | None, lon: float | None, district: Place | None = None
    ) -> None:
        """admin1 from the source; admin2/3 from a sub-district of the same name, else the nearest centroid
        (within the district when the source gives one)."""
        if gov is None and lat is not None and lon is not None:
            near = nearest(lat, lon, list(self.subs.values()))
            gov = self.govs[near.id[:4]] if near else None
        if gov is None:
            return
        p.admin1, p.admin1_pcode = gov.name_en, gov.id
        subs = self._subs_of(district.id if district is not None else gov.id) or self._subs_of(gov.id)
        names = {fold(n) for n in p.names_ar()}
        sub = next((s for s in subs if names & self._sub_names[s.id]), None)
        if sub is None and lat is not None and lon is not None:
            sub = nearest(lat, lon, subs)
        if sub is not None:
            p.admin2, p.admin2_pcode = sub.admin2, sub.admin2_pcode
            p.admin3, p.admin3_pcode = sub.admin3, sub.admin3_pcode
            if not p.parent_id:
                p.parent_id = sub.id

    def _subs_of(self, pcode: str) -> list[Place]:
        """Sub-districts whose pcode starts with ``pcode`` (a governorate's or a district's), cached."""
        if pcode not in self._subs_cache:
            self._subs_cache[pcode] = [s for s in self.subs.values() if s.id.startswith(pcode)]
            for s in self._subs_cache[pcode]:
                self._sub_names.setdefault(s.id, {fold(n) for n in s.names_ar()})
        return self._subs_cache[pcode]

    def gov_by_name(self, name: str) -> Place | None:
        key = fold(name)
        for g in self.govs.values():
            if key in {fold(n) for n in [*g.names_en(), *g.names_ar()]}:
                return g
        return None

    def twin(
        self, ar: list[str], gov: Place | None, lat: float, lon: float, en: list[str] = ()
    ) -> Place | None:
        """The GeoNames town within 5 km of this point sharing an Arabic or Latin name with it."""
        names = {fold(a) for a in ar}
        latin = {v for n in en for v in english_variants(n) if len(v) >= 4}
        for p in self.places.values():
            if not p.id.startswith("gn-") or p.lat is None or p.lon is None:
                continue
            if gov is not None and p.admin1_pcode != gov.id:
                continue
            if km(lat, lon, p.lat, p.lon) >= 5:
                continue
            if names & {fold(a) for a in p.names_ar()}:
                return p
            if latin & {v for n in p.names_en() for v in english_variants(n)}:
                return p
        return None

    def run(self, extra_csv: Path) -> list[Place]:
        from .admin import read_admin_areas
        from .curated import read_curated, read_extras
        from .geonames import read_geonames
        from .locate import locate
        from .wof import read_wof

        read_admin_areas(self)
        read_geonames(self)
        read_curated(self)
        read_extras(self, extra_csv, wof_rows=False)
        locate(self)
        read_wof(self)
        read_extras(self, extra_csv, wof_rows=True)
        for p in self.places.values():
            if p.located_by and p.located_by not in self.places:
                raise ValueError(f"{p.id}: located_by {p.located_by!r} is not a place")
        return sorted(self.places.values(), key=lambda p: (KINDS.index(p.kind), p.id))


def build(sources: Path = SOURCES, extra_csv: Path = EXTRA_CSV) -> list[Place]:
    """All places from the sources plus the extra names, in a deterministic order."""
    return Builder(sources).run(extra_csv)


def write_csv(places: list[Place], path: Path) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for p in places:
        w.writerow(p.to_row())
    path.write_text(buf.getvalue(), encoding="utf-8")


def stats(places: list[Place]) -> str:
    """Counts by kind and by source, for the README."""
    by_kind = Counter(p.kind for p in places)
    by_source = Counter(p.source for p in places)
    located = sum(1 for p in places if p.lat is not None)
    by_ref = sum(1 for p in places if p.lat is None and p.located_by)
    lines = [
        f"places: {len(places)} ({located} with a point, {by_ref} located by a nearby place)",
        "by kind:",
    ]
    lines += [f"  {k:14} {by_kind[k]}" for k in KINDS if by_kind[k]]
    lines.append("by source:")
    lines += [f"  {s:28} {n}" for s, n in sorted(by_source.items(), key=lambda x: (-x[1], x[0]))]
    aliases = sum(len(p.names_ar()) + len(p.names_en()) for p in places)
    lines.append(f"names and aliases (Arabic + Latin): {aliases}")
    return "\n".join(lines)
