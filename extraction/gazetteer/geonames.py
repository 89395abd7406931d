"""GeoNames cities500: town points with their Arabic and Latin alternate names."""

from __future__ import annotations

import csv
import re
from collections import Counter
from typing import TYPE_CHECKING

from extraction.normalise import fold

from .build import nearest
from .names import ARABIC_ONLY, LATIN_ONLY, strip_admin_prefix
from .place import Place, unique

if TYPE_CHECKING:
    from .build import Builder


def read_geonames(b: Builder) -> None:
    """GeoNames cities500: town points with Arabic and Latin alternate names."""
    path = b.sources / "geonames-cities500-SY" / "SY.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    code_gov = _code_governorates(b, rows)
    sub_names = {fold(n): s for s in b.subs.values() for n in s.names_ar()}
    for r in rows:
        alts = [a.strip() for a in r["alternatenames"].split(",") if a.strip()]
        ar = unique(strip_admin_prefix(a) for a in alts if ARABIC_ONLY.match(a))
        en = unique(
            a
            for a in [r["name"], r["asciiname"], *alts]
            if LATIN_ONLY.match(a) and a != a.lower() and len(a) > 2
        )
        gov = code_gov[r["admin1_code"]]
        # The Arabic name: the one the sub-district of this seat uses, else one with ال, else the first.
        seat = [a for a in ar if fold(a) in sub_names and sub_names[fold(a)].id.startswith(gov.id)]
        with_al = [a for a in ar if a.startswith("ال")]
        name_ar = (seat or with_al or ar or [""])[0]
        code = r["feature_code"]
        pop = int(r["population"] or 0)
        if re.match(r"^n[aā]\S*iyat\b", r["asciiname"], re.I):
            kind = "sub-district"  # a "Nahiyat X" row is the sub-district, not a town
        elif code in ("PPLC", "PPLA", "PPLA2") or pop >= 100000:
            kind = "city"
        elif code == "PPLQ":
            kind = "village"
        else:
            kind = "town"
        lat, lon = float(r["latitude"]), float(r["longitude"])
        p = Place(
            id=f"gn-{r['geonameid']}",
            name_en=r["asciiname"],
            name_ar=name_ar,
            aliases_ar=[a for a in ar if a != name_ar],
            aliases_en=[a for a in en if a != r["asciiname"]],
            kind=kind,
            lat=lat,
            lon=lon,
            population=pop or None,
            source="GeoNames",
            note=f"GeoNames {r['geonameid']} {code}",
        )
        twin = b.twin(p.names_ar(), gov, lat, lon)
        if twin is not None:
            # GeoNames lists some seats twice (the sub-district seat and the town): keep one.
            twin.aliases_ar = unique(a for a in [*twin.aliases_ar, *p.names_ar()] if a != twin.name_ar)
            twin.aliases_en = unique(a for a in [*twin.aliases_en, *p.names_en()] if a != twin.name_en)
            twin.population = twin.population or p.population
            twin.note = f"{twin.note}; same place as {p.note}"
            continue
        b.place_admin(p, gov, lat, lon)
        b.add(p)


def _code_governorates(b: Builder, rows: list[dict]) -> dict:
    """GeoNames admin1 codes differ from OCHA pcodes: each code's governorate is the one most of its towns
    lie nearest to (by sub-district centroid)."""
    votes: dict[str, Counter] = {}
    for r in rows:
        near = nearest(float(r["latitude"]), float(r["longitude"]), list(b.subs.values()))
        votes.setdefault(r["admin1_code"], Counter())[near.id[:4]] += 1
    return {c: b.govs[v.most_common(1)[0][0]] for c, v in votes.items()}
