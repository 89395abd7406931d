"""Loading the shipped gazetteer (cached) and layering analysts' places on top of it."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

from .index import Gazetteer
from .place import Place, slug, split_aliases, unique

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
GAZETTEER_CSV = DATA / "gazetteer.csv"
EXTRA_CSV = DATA / "places_extra.csv"
SOURCES = ROOT.parent / "shared" / "gazetteer-sources"


def read_csv(path: Path) -> list[Place]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [Place.from_row(r) for r in csv.DictReader(fh)]


@lru_cache(maxsize=1)
def shipped() -> tuple[Place, ...]:
    return tuple(read_csv(GAZETTEER_CSV))


@lru_cache(maxsize=1)
def _shipped_gazetteer() -> Gazetteer:
    return Gazetteer([_copy(p) for p in shipped()], shipped=True)


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
