"""OCHA/HDX admin areas via OpenSyria: governorates, districts and sub-districts with pcodes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from .names import ADMIN_PREFIX_EN, admin_aliases
from .place import Place

if TYPE_CHECKING:
    from .build import Builder


def _read_json(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def read_admin_areas(b: Builder) -> None:
    """OpenSyria governorates, districts, sub-districts (OCHA pcodes; area centroids)."""
    base = b.sources / "open-syria-data-geography"
    for kind, fname, store in (
        ("governorate", "governorates.json", b.govs),
        ("district", "districts.json", b.dists),
        ("sub-district", "subdistricts.json", b.subs),
    ):
        for rec in _read_json(base / fname):
            pcode = rec["externalIds"]["ochaPcode"]
            ar, en = admin_aliases(rec)
            name_en = ADMIN_PREFIX_EN.sub("", rec["name"]["en"])
            pop = (rec.get("population") or {}).get("value")
            p = Place(
                id=pcode,
                name_en=name_en,
                name_ar=ar[0],
                aliases_ar=ar[1:],
                aliases_en=[a for a in en if a != name_en],
                kind=kind,
                lat=round(rec["centroid"]["latitude"], 6),
                lon=round(rec["centroid"]["longitude"], 6),
                population=int(pop) if pop else None,
                source="OpenSyria (OCHA/HDX)",
                note="area centroid",
            )
            store[pcode] = p
            b.add(p)
    for p in b.govs.values():
        p.admin1, p.admin1_pcode = p.name_en, p.id
    for p in b.dists.values():
        g = b.govs[p.id[:4]]
        p.parent_id, p.admin1, p.admin1_pcode = g.id, g.name_en, g.id
        p.admin2, p.admin2_pcode = p.name_en, p.id
    for p in b.subs.values():
        d = b.dists[p.id[:6]]
        p.parent_id = d.id
        p.admin1, p.admin1_pcode, p.admin2, p.admin2_pcode = d.admin1, d.admin1_pcode, d.name_en, d.id
        p.admin3, p.admin3_pcode = p.name_en, p.id
