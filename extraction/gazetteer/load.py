"""Loading the shipped gazetteer (cached) and layering analysts' places on top of it."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

from .index import Gazetteer
from .place import COLUMNS, KINDS, Place, slug, split_aliases, unique

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
GAZETTEER_CSV = DATA / "gazetteer.csv"
EXTRA_CSV = DATA / "places_extra.csv"
SOURCES = ROOT.parent / "shared" / "gazetteer-sources"


def read_csv(path: Path) -> list[Place]:
    """The places of a gazetteer CSV (the columns of COLUMNS, in any order)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows, [])
        if header != COLUMNS:
            return [Place.from_row(dict(zip(header, r, strict=False))) for r in rows]
        return [_from_columns(r) for r in rows]


def _from_columns(r: list[str]) -> Place:
    """A row in COLUMNS order as a Place: what from_row does, without its per-field lookups (start-up reads
    ~11,000 rows)."""
    (pid, name_en, name_ar, aliases_ar, aliases_en, kind, lat, lon, located_by, parent_id, admin1, admin2,
     admin3, admin1_pcode, admin2_pcode, admin3_pcode, population, geo_precision, source, note) = r  # fmt: skip
    if kind not in KINDS:
        return Place.from_row(dict(zip(COLUMNS, r, strict=True)))  # raises the clear error
    return Place(
        pid, name_en, name_ar, split_aliases(aliases_ar) if aliases_ar else [],
        split_aliases(aliases_en) if aliases_en else [], kind, float(lat) if lat else None,
        float(lon) if lon else None, located_by, parent_id, admin1, admin2, admin3, admin1_pcode, admin2_pcode,
        admin3_pcode, int(population) if population else None, source,
        int(geo_precision) if geo_precision else None, note,
    )  # fmt: skip


@lru_cache(maxsize=1)
def shipped() -> tuple[Place, ...]:
    return tuple(read_csv(GAZETTEER_CSV))


@lru_cache(maxsize=1)
def _shipped_gazetteer() -> Gazetteer:
    return Gazetteer(list(shipped()), shipped=True)  # the table's own objects: layers copy them


def load_gazetteer(extra_places: list[dict] | None = None) -> Gazetteer:
    """The shipped gazetteer (cached), with analysts' places layered on top (same id replaces)."""
    if not extra_places:
        return _shipped_gazetteer()
    key = json.dumps(list(extra_places), sort_keys=True, ensure_ascii=False, default=str)
    return _layered(key)


@lru_cache(maxsize=8)
def _layered(key: str) -> Gazetteer:
    by_id = {p.id: _copy(p) for p in shipped()}
    for i, row in enumerate(json.loads(key)):
        target = by_id.get(str(row.get("alias_of") or ""))
        if target is not None:
            # An analyst's alias for an existing place: one more name for it, not a second place.
            names_ar = [row.get("name_ar"), *split_aliases(row.get("aliases_ar"))]
            names_en = [row.get("name_en"), *split_aliases(row.get("aliases_en"))]
            target.aliases_ar = unique(
                a for a in [*target.aliases_ar, *names_ar] if a and a != target.name_ar
            )
            target.aliases_en = unique(
                a for a in [*target.aliases_en, *names_en] if a and a != target.name_en
            )
            continue
        p = Place.from_row(row)
        if not p.id:
            p.id = f"user-{i}-{slug(p.name_en or p.name_ar)}"
        by_id[p.id] = p
    return Gazetteer(list(by_id.values()))


def _copy(p: Place) -> Place:
    values = {c: getattr(p, c) for c in Place.__dataclass_fields__ if c not in ("ref_lat", "ref_lon")}
    return Place(**{k: (list(v) if isinstance(v, list) else v) for k, v in values.items()})
