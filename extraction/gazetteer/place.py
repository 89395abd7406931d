"""A gazetteer entry (Place), its kinds and CSV columns, and the small value helpers the build and load share."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

KINDS = (
    "governorate",
    "district",
    "sub-district",
    "city",
    "town",
    "village",
    "neighbourhood",
    "camp",
    "facility",
    "airport",
    "crossing",
    "dam",
    "field",
    "mountain",
    "region",
)
ADMIN_KINDS = frozenset({"governorate", "district", "sub-district"})
AREA_KINDS = ADMIN_KINDS | {"region"}

COLUMNS = [
    "id",
    "name_en",
    "name_ar",
    "aliases_ar",
    "aliases_en",
    "kind",
    "lat",
    "lon",
    "located_by",
    "parent_id",
    "admin1",
    "admin2",
    "admin3",
    "admin1_pcode",
    "admin2_pcode",
    "admin3_pcode",
    "population",
    "geo_precision",
    "source",
    "note",
]


# The north-east first: a name found in several governorates goes to the one nearest the project's focus.
NE_PREFERENCE = ("Al-Hasakah", "Deir ez-Zor", "Raqqa", "Aleppo")


@dataclass
class Place:
    """One gazetteer entry; ``point()`` says where to plot it and how precisely."""

    id: str
    name_en: str
    name_ar: str
    aliases_ar: list[str] = field(default_factory=list)
    aliases_en: list[str] = field(default_factory=list)
    kind: str = "town"
    lat: float | None = None
    lon: float | None = None
    located_by: str = ""
    parent_id: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    admin1_pcode: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""
    population: int | None = None
    source: str = ""
    geo_precision: int | None = None
    note: str = ""
    # Filled by the Gazetteer from ``located_by`` so that point() needs no lookup.
    ref_lat: float | None = field(default=None, repr=False, compare=False)
    ref_lon: float | None = field(default=None, repr=False, compare=False)

    @property
    def is_area(self) -> bool:
        """Admin areas and regions: a centroid or representative point, never a town's spot."""
        return self.kind in AREA_KINDS

    def point(self) -> tuple[float | None, float | None, int | None]:
        """(lat, lon, geo_precision): own point, or the located_by place's point at precision >= 2."""
        if self.lat is not None and self.lon is not None:
            if self.geo_precision:
                return self.lat, self.lon, self.geo_precision
            if self.kind in ("governorate", "district"):
                return self.lat, self.lon, 3
            if self.kind in ("sub-district", "region"):
                return self.lat, self.lon, 2
            return self.lat, self.lon, 1
        if self.ref_lat is not None and self.ref_lon is not None:
            return self.ref_lat, self.ref_lon, max(2, self.geo_precision or 2)
        return None, None, None

    def to_row(self) -> dict[str, str]:
        """The CSV row (aliases joined with |)."""
        return {
            "id": self.id,
            "name_en": self.name_en,
            "name_ar": self.name_ar,
            "aliases_ar": "|".join(self.aliases_ar),
            "aliases_en": "|".join(self.aliases_en),
            "kind": self.kind,
            "lat": fmt_coord(self.lat),
            "lon": fmt_coord(self.lon),
            "located_by": self.located_by,
            "parent_id": self.parent_id,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "admin1_pcode": self.admin1_pcode,
            "admin2_pcode": self.admin2_pcode,
            "admin3_pcode": self.admin3_pcode,
            "population": "" if self.population is None else str(self.population),
            "geo_precision": "" if self.geo_precision is None else str(self.geo_precision),
            "source": self.source,
            "note": self.note,
        }

    @classmethod
    def from_row(cls, row: dict) -> Place:
        """A Place from a CSV row or a store dict (aliases as 'a|b' or a list)."""

        def text(key: str) -> str:
            value = row.get(key)
            return "" if value is None else str(value).strip()

        kind = text("kind") or "town"
        if kind not in KINDS:
            raise ValueError(f"place {text('id') or text('name_en')!r}: unknown kind {kind!r}")
        return cls(
            id=text("id"),
            name_en=text("name_en"),
            name_ar=text("name_ar"),
            aliases_ar=split_aliases(row.get("aliases_ar")),
            aliases_en=split_aliases(row.get("aliases_en")),
            kind=kind,
            lat=to_float(row.get("lat")),
            lon=to_float(row.get("lon")),
            located_by=text("located_by"),
            parent_id=text("parent_id"),
            admin1=text("admin1"),
            admin2=text("admin2"),
            admin3=text("admin3"),
            admin1_pcode=text("admin1_pcode"),
            admin2_pcode=text("admin2_pcode"),
            admin3_pcode=text("admin3_pcode"),
            population=to_int(row.get("population")),
            source=text("source"),
            geo_precision=to_int(row.get("geo_precision")),
            note=text("note"),
        )

    def names_ar(self) -> list[str]:
        return unique([self.name_ar, *self.aliases_ar])

    def names_en(self) -> list[str]:
        return unique([self.name_en, *self.aliases_en])


def split_aliases(value) -> list[str]:
    if value is None:
        return []
    items = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value).split("|")
    return unique([s.strip() for s in items if s and s.strip()])


def unique(items) -> list:
    seen = set()
    out = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def to_float(value) -> float | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        f = float(value)
    except ValueError:
        return None
    return None if math.isnan(f) else f


def to_int(value) -> int | None:
    f = to_float(value)
    return None if f is None else int(f)


def fmt_coord(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:.6f}".rstrip("0").rstrip(".")


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    return s or "place"


def ne_rank(admin1: str) -> int:
    return NE_PREFERENCE.index(admin1) if admin1 in NE_PREFERENCE else len(NE_PREFERENCE)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
