"""The gazetteer of Syria (with north-east detail) that place matching and the map rely on.

The shipped table ``data/gazetteer.csv`` is built from the stored sources (OpenSyria admin areas, GeoNames
``cities500`` towns, the curated list of villages, neighbourhoods and facilities) plus ``data/places_extra.csv``
(names the sources miss), by ``python -m extraction.gazetteer build``. Admin areas are regions: their centroid is
an area centroid, so a town is never plotted there. Places with no coordinate in any source are entries too,
``located_by`` the nearest located place their source names, so events there land in the right area and say so.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extraction.normalise import fold

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GAZETTEER_CSV = DATA / "gazetteer.csv"
EXTRA_CSV = DATA / "places_extra.csv"
SOURCES = ROOT.parent / "shared" / "gazetteer-sources"

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

_ARABIC_ONLY = re.compile(r"^[\u0600-\u06ff\s]+$")
_LATIN_ONLY = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'`‘’ʿʾ\-\s.()]+$")
_ADMIN_PREFIX_AR = re.compile(r"^(?:(?:ناحية|منطقة|محافظة|مركزها|مركز|مدينة)\s+)+")
_ADMIN_PREFIX_EN = re.compile(r"^(?:markaz)\s+", re.I)
_LATIN_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|adh|at|ath|ar|az|an)[- ]")

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
            "lat": _fmt(self.lat),
            "lon": _fmt(self.lon),
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
            aliases_ar=_split_aliases(row.get("aliases_ar")),
            aliases_en=_split_aliases(row.get("aliases_en")),
            kind=kind,
            lat=_float(row.get("lat")),
            lon=_float(row.get("lon")),
            located_by=text("located_by"),
            parent_id=text("parent_id"),
            admin1=text("admin1"),
            admin2=text("admin2"),
            admin3=text("admin3"),
            admin1_pcode=text("admin1_pcode"),
            admin2_pcode=text("admin2_pcode"),
            admin3_pcode=text("admin3_pcode"),
            population=_int(row.get("population")),
            source=text("source"),
            geo_precision=_int(row.get("geo_precision")),
            note=text("note"),
        )

    def names_ar(self) -> list[str]:
        return _unique([self.name_ar, *self.aliases_ar])

    def names_en(self) -> list[str]:
        return _unique([self.name_en, *self.aliases_en])


class Gazetteer:
    """Places by id and by any normalised alias."""

    def __init__(self, places: list[Place]):
        self.places: list[Place] = places
        self._by_id: dict[str, Place] = {p.id: p for p in places}
        self._by_name: dict[str, list[Place]] = {}
        for p in places:
            forms = [fold(n) for n in p.names_ar()]
            forms += [v for n in p.names_en() for v in english_variants(n)]
            for name in _unique(forms):
                self._by_name.setdefault(name, []).append(p)
        self._resolve_refs()
        self._choices: list[str] | None = None

    def _resolve_refs(self) -> None:
        for p in self.places:
            p.ref_lat = p.ref_lon = None
            if p.lat is not None and p.lon is not None:
                continue
            seen = {p.id}
            ref = self._by_id.get(p.located_by or p.parent_id)
            while ref is not None and (ref.lat is None or ref.lon is None) and ref.id not in seen:
                seen.add(ref.id)
                ref = self._by_id.get(ref.located_by or ref.parent_id)
            if ref is not None and ref.lat is not None and ref.lon is not None:
                p.ref_lat, p.ref_lon = ref.lat, ref.lon

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def __len__(self) -> int:
        return len(self.places)

    def lookup(self, name: str) -> list[Place]:
        """Places having ``name`` as a name or alias (normalised; a leading ال is optional)."""
        key = fold(name)
        found = list(self._by_name.get(key, []))
        if not found and key:
            alt = key[2:] if key.startswith("ال") else "ال" + key
            found = list(self._by_name.get(alt, []))
        return found

    def suggest(self, name: str, limit: int = 5) -> list[tuple[Place, float]]:
        """Closest known places for an unknown name (rapidfuzz); a suggestion for the analyst only."""
        from rapidfuzz import fuzz, process

        if self._choices is None:
            self._choices = list(self._by_name)
        query = fold(name)
        if not query:
            return []
        results: list[tuple[Place, float]] = []
        seen: set[str] = set()
        for key, score, _ in process.extract(query, self._choices, scorer=fuzz.WRatio, limit=limit * 3):
            for p in self._by_name[key]:
                if p.id not in seen:
                    seen.add(p.id)
                    results.append((p, float(score)))
        results.sort(key=lambda ps: (-ps[1], _ne_rank(ps[0].admin1), ps[0].id))
        return results[:limit]


# --- loading ---------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[Place]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [Place.from_row(r) for r in csv.DictReader(fh)]


@lru_cache(maxsize=1)
def _shipped() -> tuple[Place, ...]:
    return tuple(read_csv(GAZETTEER_CSV))


@lru_cache(maxsize=1)
def _shipped_gazetteer() -> Gazetteer:
    return Gazetteer([_copy(p) for p in _shipped()])


def load_gazetteer(extra_places: list[dict] | None = None) -> Gazetteer:
    """The shipped gazetteer (cached), with analysts' places layered on top (same id replaces)."""
    if not extra_places:
        return _shipped_gazetteer()
    key = json.dumps(list(extra_places), sort_keys=True, ensure_ascii=False, default=str)
    return _layered(key)


@lru_cache(maxsize=8)
def _layered(key: str) -> Gazetteer:
    by_id = {p.id: _copy(p) for p in _shipped()}
    for i, row in enumerate(json.loads(key)):
        target = by_id.get(str(row.get("alias_of") or ""))
        if target is not None:
            # An analyst's alias for an existing place: one more name for it, not a second place.
            names_ar = [row.get("name_ar"), *_split_aliases(row.get("aliases_ar"))]
            names_en = [row.get("name_en"), *_split_aliases(row.get("aliases_en"))]
            target.aliases_ar = _unique(
                a for a in [*target.aliases_ar, *names_ar] if a and a != target.name_ar
            )
            target.aliases_en = _unique(
                a for a in [*target.aliases_en, *names_en] if a and a != target.name_en
            )
            continue
        p = Place.from_row(row)
        if not p.id:
            p.id = f"user-{i}-{_slug(p.name_en or p.name_ar)}"
        by_id[p.id] = p
    return Gazetteer(list(by_id.values()))


def _copy(p: Place) -> Place:
    values = {c: getattr(p, c) for c in Place.__dataclass_fields__ if c not in ("ref_lat", "ref_lon")}
    return Place(**{k: (list(v) if isinstance(v, list) else v) for k, v in values.items()})


# --- helpers ---------------------------------------------------------------------------------------


def _split_aliases(value) -> list[str]:
    if value is None:
        return []
    items = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value).split("|")
    return _unique([s.strip() for s in items if s and s.strip()])


def _unique(items) -> list:
    seen = set()
    out = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _float(value) -> float | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        f = float(value)
    except ValueError:
        return None
    return None if math.isnan(f) else f


def _int(value) -> int | None:
    f = _float(value)
    return None if f is None else int(f)


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:.6f}".rstrip("0").rstrip(".")


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    return s or "place"


def _ne_rank(admin1: str) -> int:
    return NE_PREFERENCE.index(admin1) if admin1 in NE_PREFERENCE else len(NE_PREFERENCE)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def english_variants(name: str) -> list[str]:
    """Matching forms of a Latin name: folded, without accents, with/without the article (al-/al /bare)."""
    base = fold(name)
    if not base:
        return []
    plain = "".join(c for c in unicodedata.normalize("NFKD", base) if not unicodedata.combining(c))
    out: list[str] = []
    for f in (base, plain, plain.replace("'", "").replace("`", "")):
        f = re.sub(r"\s+", " ", f.replace("`", "'")).strip(" '")
        out.append(f)
        m = _LATIN_ARTICLE.match(f)
        if m:
            rest = f[m.end() :]
            out += [rest, "al-" + rest, "al " + rest]
    return _unique(x for x in out if x)


def strip_admin_prefix(name: str) -> str:
    """OpenSyria Arabic names carry مركز/ناحية/منطقة/محافظة; the bare name is what news writes."""
    return _ADMIN_PREFIX_AR.sub("", name.strip()).strip()


# --- build -----------------------------------------------------------------------------------------


def _admin_aliases(rec: dict) -> tuple[list[str], list[str]]:
    ar: list[str] = [strip_admin_prefix(rec["name"]["ar"])]
    en: list[str] = []
    for a in rec.get("aliases", []):
        v = a["value"].strip()
        if a["language"] == "ar":
            v = strip_admin_prefix(v)
            if _ARABIC_ONLY.match(v):
                ar.append(v)
        elif a["language"] == "en" and _LATIN_ONLY.match(v):
            if v == v.lower() or re.match(r"^n[aā]\S*iyat\b", v, re.I):
                continue  # machine transliterations ("nahyt mrkz ...") and "Nahiyat ..." forms
            en.append(_ADMIN_PREFIX_EN.sub("", v))
    return _unique(ar), _unique(en)


def _read_json(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def _nearest(lat: float, lon: float, areas: list[Place]) -> Place | None:
    best, best_d = None, float("inf")
    for a in areas:
        if a.lat is None or a.lon is None:
            continue
        d = km(lat, lon, a.lat, a.lon)
        if d < best_d:
            best, best_d = a, d
    return best


class _Builder:
    """Reads the sources into Places; one method per source, then the cross-source steps."""

    def __init__(self, sources: Path):
        self.sources = sources
        self.places: dict[str, Place] = {}
        self.govs: dict[str, Place] = {}
        self.dists: dict[str, Place] = {}
        self.subs: dict[str, Place] = {}
        self.curated_text: dict[str, tuple[str, str]] = {}  # id -> (parent, description)

    def add(self, p: Place) -> None:
        if p.id in self.places:
            raise ValueError(f"duplicate place id {p.id}")
        self.places[p.id] = p

    def admin_areas(self) -> None:
        """OpenSyria governorates, districts, sub-districts (OCHA pcodes; area centroids)."""
        base = self.sources / "open-syria-data-geography"
        for kind, fname, store in (
            ("governorate", "governorates.json", self.govs),
            ("district", "districts.json", self.dists),
            ("sub-district", "subdistricts.json", self.subs),
        ):
            for rec in _read_json(base / fname):
                pcode = rec["externalIds"]["ochaPcode"]
                ar, en = _admin_aliases(rec)
                name_en = _ADMIN_PREFIX_EN.sub("", rec["name"]["en"])
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
                self.add(p)
        for p in self.govs.values():
            p.admin1, p.admin1_pcode = p.name_en, p.id
        for p in self.dists.values():
            g = self.govs[p.id[:4]]
            p.parent_id, p.admin1, p.admin1_pcode = g.id, g.name_en, g.id
            p.admin2, p.admin2_pcode = p.name_en, p.id
        for p in self.subs.values():
            d = self.dists[p.id[:6]]
            p.parent_id = d.id
            p.admin1, p.admin1_pcode, p.admin2, p.admin2_pcode = d.admin1, d.admin1_pcode, d.name_en, d.id
            p.admin3, p.admin3_pcode = p.name_en, p.id

    def place_admin(self, p: Place, gov: Place | None, lat: float | None, lon: float | None) -> None:
        """admin1 from the source; admin2/3 from a sub-district of the same name, else the nearest centroid."""
        if gov is None and lat is not None and lon is not None:
            near = _nearest(lat, lon, list(self.subs.values()))
            gov = self.govs[near.id[:4]] if near else None
        if gov is None:
            return
        p.admin1, p.admin1_pcode = gov.name_en, gov.id
        subs = [s for s in self.subs.values() if s.id.startswith(gov.id)]
        names = {fold(n) for n in p.names_ar()}
        sub = next((s for s in subs if names & {fold(n) for n in s.names_ar()}), None)
        if sub is None and lat is not None and lon is not None:
            sub = _nearest(lat, lon, subs)
        if sub is not None:
            p.admin2, p.admin2_pcode = sub.admin2, sub.admin2_pcode
            p.admin3, p.admin3_pcode = sub.admin3, sub.admin3_pcode
            if not p.parent_id:
                p.parent_id = sub.id

    def geonames(self) -> None:
        """GeoNames cities500: town points with Arabic and Latin alternate names."""
        path = self.sources / "geonames-cities500-SY" / "SY.tsv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        # GeoNames admin1 codes differ from OCHA pcodes: map each code to the governorate most of its
        # towns lie nearest to (by sub-district centroid).
        votes: dict[str, Counter] = {}
        for r in rows:
            near = _nearest(float(r["latitude"]), float(r["longitude"]), list(self.subs.values()))
            votes.setdefault(r["admin1_code"], Counter())[near.id[:4]] += 1
        code_gov = {c: self.govs[v.most_common(1)[0][0]] for c, v in votes.items()}
        sub_names = {fold(n): s for s in self.subs.values() for n in s.names_ar()}
        for r in rows:
            alts = [a.strip() for a in r["alternatenames"].split(",") if a.strip()]
            ar = _unique(strip_admin_prefix(a) for a in alts if _ARABIC_ONLY.match(a))
            en = _unique(
                a
                for a in [r["name"], r["asciiname"], *alts]
                if _LATIN_ONLY.match(a) and a != a.lower() and len(a) > 2
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
            twin = self._geonames_twin(p.names_ar(), gov, lat, lon)
            if twin is not None:
                # GeoNames lists some seats twice (the sub-district seat and the town): keep one.
                twin.aliases_ar = _unique(a for a in [*twin.aliases_ar, *p.names_ar()] if a != twin.name_ar)
                twin.aliases_en = _unique(a for a in [*twin.aliases_en, *p.names_en()] if a != twin.name_en)
                twin.population = twin.population or p.population
                twin.note = f"{twin.note}; same place as {p.note}"
                continue
            self.place_admin(p, gov, lat, lon)
            self.add(p)

    def _gov_by_name(self, name: str) -> Place | None:
        key = fold(name)
        for g in self.govs.values():
            if key in {fold(n) for n in [*g.names_en(), *g.names_ar()]}:
                return g
        return None

    def curated(self) -> None:
        """The curated list: villages, neighbourhoods and facilities with cited pages."""
        path = self.sources / "curated" / "places.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for r in rows:
            gov = self._gov_by_name(r["governorate"])
            lat, lon = _float(r["lat"]), _float(r["lon"])
            ar = _split_aliases([r["name_ar"], *r["variants_ar"].split("|")])
            en = _split_aliases([r["name_en"], *r["variants_en"].split("|")])
            note = f"{r['description'].strip()} [{r['source_url'].strip()}]"
            twin = self._geonames_twin(ar, gov, lat, lon, en) if lat is not None and lon is not None else None
            if twin is not None:
                # Same town in GeoNames (within 5 km, same Arabic name): one entry with both sets of names.
                names_en = _unique([r["name_en"].strip(), twin.name_en, *twin.aliases_en, *en])
                twin.name_en, twin.aliases_en = names_en[0], names_en[1:]
                twin.aliases_ar = _unique([a for a in [*twin.aliases_ar, *ar] if a != twin.name_ar])
                twin.source = "GeoNames; curated"
                twin.note = f"{twin.note}; {note}"
                continue
            p = Place(
                id="cur-" + _slug(r["name_en"]),
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
            self.place_admin(p, gov, lat, lon)
            self.curated_text[p.id] = (r["parent"], r["description"])
            self.add(p)

    def _geonames_twin(
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

    def extras(self, path: Path) -> None:
        """Names the sources miss (data/places_extra.csv): aliases for an existing id, or new places."""
        if not path.exists():
            return
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for r in rows:
            pid = (r.get("id") or "").strip()
            if not (r.get("source") or "").strip():
                raise ValueError(f"places_extra.csv: row {pid!r} has no source")
            if pid in self.places:
                p = self.places[pid]
                p.aliases_ar = _unique(
                    a for a in [*p.aliases_ar, *_split_aliases(r["aliases_ar"])] if a != p.name_ar
                )
                p.aliases_en = _unique(
                    a for a in [*p.aliases_en, *_split_aliases(r["aliases_en"])] if a != p.name_en
                )
                continue
            p = Place.from_row(r)
            gov = self._gov_by_name(r.get("admin1") or "")
            if p.is_area:
                if gov is not None:
                    p.admin1, p.admin1_pcode = gov.name_en, gov.id
            else:
                self.place_admin(p, gov, p.lat, p.lon)
            self.add(p)

    def locate(self) -> None:
        """Places with no coordinate: located by the nearest located place their parent/description names."""
        index = _EnglishIndex([p for p in self.places.values() if p.kind != "region"])
        levels: dict[str, list[list[str]]] = {}
        for pid, (parent, desc) in self.curated_text.items():
            if self.places[pid].lat is None:
                levels[pid] = list(index.candidates(self.places[pid], parent, desc))
        resolved: dict[str, str] = {}

        def located(cid: str) -> str | None:
            q = self.places[cid]
            if q.lat is not None and not q.is_area:
                return cid
            return resolved.get(cid)

        # Phase 1 follows one place only: the first the description puts close by ("4 km west of",
        # "next to", "between"), else the parent's specific place, else the first named (chains settle over
        # rounds); phase 2 takes any close, specific or named place; phase 3 also the far or wide ones.
        def pick(pid: str, phase: int) -> str | None:
            close, specific, named, far = levels[pid]
            if self.places[pid].kind == "neighbourhood":
                close, specific = specific, close  # a quarter lies in the city its parent names
            if phase == 1:
                order = (close or specific or named)[:1]
            elif phase == 2:
                order = close + specific + named
            else:
                order = close + specific + named + far
            return next((located(c) for c in order if c != pid and located(c)), None)

        for phase in (1, 2, 3):
            changed = True
            while changed:
                changed = False
                for pid in sorted(levels):
                    if pid not in resolved and (hit := pick(pid, phase)):
                        resolved[pid] = hit
                        changed = True
        for pid, target in resolved.items():
            p, t = self.places[pid], self.places[target]
            p.located_by = target
            if p.kind in ("neighbourhood", "facility", "camp", "airport", "crossing", "field", "dam"):
                p.parent_id = target
            gov = self.govs.get(p.admin1_pcode) or self.govs.get(t.admin1_pcode)
            self.place_admin(p, gov, t.lat, t.lon)
        # Curated places with a point whose parent names a city (a facility in Qamishli): parent_id = city.
        for pid, (parent, _desc) in self.curated_text.items():
            p = self.places[pid]
            if p.lat is None or p.kind not in ("neighbourhood", "facility", "camp", "airport", "field"):
                continue
            city = next(
                (c for c in index.candidates(p, parent, "")[1] if self.places[c].kind == "city"), None
            )
            if city:
                p.parent_id = city

    def run(self, extra_csv: Path) -> list[Place]:
        self.admin_areas()
        self.geonames()
        self.curated()
        self.extras(extra_csv)
        self.locate()
        for p in self.places.values():
            if p.located_by and p.located_by not in self.places:
                raise ValueError(f"{p.id}: located_by {p.located_by!r} is not a place")
        return sorted(self.places.values(), key=lambda p: (KINDS.index(p.kind), p.id))


class _EnglishIndex:
    """English names of located places, to find the places a curated parent/description names."""

    _KM = re.compile(r"(\d+(?:\.\d+)?)\s*km\b")
    _WIDE_AFTER = (" district", " governorate", " province", " countryside", "'s ", "–", "-")
    _WIDE_BEFORE = re.compile(r"(?:(?:eastern|western|northern|southern)\s+|[–-])$")
    _CLOSE = re.compile(r"\b(?:between|next to|adjoin\w*|immediately|near|by|opposite|outskirts of|beside)\b")

    def __init__(self, places: list[Place]):
        self.by_form: dict[str, list[Place]] = {}
        for p in places:
            for n in p.names_en():
                for f in english_variants(n):
                    if len(f) >= 4:
                        self.by_form.setdefault(f, []).append(p)
        forms = sorted(self.by_form, key=lambda f: (-len(f), f))
        self.rx = re.compile(r"(?<![a-z])(" + "|".join(re.escape(f) for f in forms) + r")(?![a-z])")

    def _pick(self, form: str, me: Place) -> str | None:
        cands = [q for q in self.by_form[form] if q.id != me.id]
        points = [q for q in cands if not q.is_area]
        same = [q for q in points if q.admin1_pcode == me.admin1_pcode] or points
        if same:
            return sorted(same, key=lambda q: (q.lat is None, -(q.population or 0), q.id))[0].id
        # An admin area named in the text: its seat town, when one has the same name.
        for q in cands:
            seat = [s for s in self.by_form.get(fold(q.name_en), []) if not s.is_area]
            if seat:
                return seat[0].id
        return None

    def _wide(self, text: str, m: re.Match) -> bool:
        """A district, governorate or countryside named: too wide to locate a village by."""
        form = m.group(1)
        if form.endswith(self._WIDE_AFTER[:3]):
            return True
        if all(q.kind in ("district", "governorate") for q in self.by_form[form]):
            return True
        after = text[m.end() : m.end() + 14]
        return after.startswith(self._WIDE_AFTER) or bool(self._WIDE_BEFORE.search(text[: m.start()]))

    def candidates(self, me: Place, parent: str, desc: str) -> tuple[list[str], ...]:
        """(close, parent-specific, named, far/wide) place ids named in the parent and description."""
        close: list[str] = []
        specific: list[str] = []
        named: list[str] = []
        far: list[str] = []
        own = {f for n in me.names_en() for f in english_variants(n)}
        ptext = fold(parent)
        for m in self.rx.finditer(ptext):
            pid = None if m.group(1) in own else self._pick(m.group(1), me)
            if pid:
                (far if self._wide(ptext, m) else specific).append(pid)
        dtext = fold(desc)
        for m in self.rx.finditer(dtext):
            pid = None if m.group(1) in own else self._pick(m.group(1), me)
            if not pid:
                continue
            seg = re.split(r"[,;().]", dtext[: m.start()])[-1]
            if re.search(r"\b(?:not|unlike)\b", seg):
                continue  # "not to be confused with ... near X"
            dist = [float(x) for x in self._KM.findall(seg)]
            if (dist and max(dist) > 10) or self._wide(dtext, m):
                far.append(pid)
            elif dist or self._CLOSE.search(seg):
                close.append(pid)
            else:
                named.append(pid)
        return _unique(close), _unique(specific), _unique(named), _unique(far)


def build(sources: Path = SOURCES, extra_csv: Path = EXTRA_CSV) -> list[Place]:
    """All places from the sources plus the extra names, in a deterministic order."""
    return _Builder(sources).run(extra_csv)


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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    usage = "usage: python -m extraction.gazetteer build [--out FILE] | stats | lookup NAME | suggest NAME"
    if not argv:
        print(usage, file=sys.stderr)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "build":
        out = Path(rest[1]) if rest[:1] == ["--out"] and len(rest) > 1 else GAZETTEER_CSV
        if not SOURCES.is_dir():
            print(f"error: gazetteer sources not found at {SOURCES}", file=sys.stderr)
            return 2
        try:
            places = build()
        except (ValueError, KeyError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        write_csv(places, out)
        print(f"wrote {len(places)} places to {out}")
        return 0
    if cmd == "stats":
        print(stats(list(_shipped())))
        return 0
    if cmd in ("lookup", "suggest") and rest:
        gaz = load_gazetteer()
        name = " ".join(rest)
        rows = [(p, None) for p in gaz.lookup(name)] if cmd == "lookup" else gaz.suggest(name)
        for p, score in rows:
            lat, lon, prec = p.point()
            tag = "" if score is None else f"{score:5.1f} "
            print(f"{tag}{p.id:28} {p.kind:13} {p.name_en} / {p.name_ar}  {lat},{lon} p{prec}  {p.admin1}")
        return 0
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
