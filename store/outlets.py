"""Outlets: one name per news outlet whatever the spelling, its ACLED source scale, and ACLED's lists.

``data/outlets.csv`` maps the names analysts type (Arabic or English, "نورث برس", "North Press Agency")
to one name ("North Press") and the outlet's ACLED source scale. An outlet the table does not know keeps
the name it was given and has no scale until a row is added.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache

from store.db import ROOT

OUTLETS_CSV = ROOT / "data" / "outlets.csv"
# ACLED's scales from the most local to the widest; a list of several is joined with "-" in this order.
SCALE_ORDER: tuple[str, ...] = (
    "Local",
    "Subnational",
    "National",
    "Regional",
    "International",
    "Other",
    "New media",
)
SEPARATOR = "; "  # ACLED's separator between the outlets of an event's ``source``


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    from extraction.normalise import fold

    return " ".join(fold(name).split())


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(folded alias -> outlet name, outlet name -> scale)."""
    names: dict[str, str] = {}
    scales: dict[str, str] = {}
    with OUTLETS_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = row["name"].strip()
            scales[name] = row["scale"].strip()
            for alias in [name, *row["aliases"].split("|")]:
                if alias.strip():
                    names[_key(alias)] = name
    return names, scales


def outlet_name(name: str | None) -> str | None:
    """The outlet's one name ("نورث برس" -> "North Press"); an unknown outlet keeps its own, trimmed."""
    if not name or not name.strip():
        return None
    return _table()[0].get(_key(name), " ".join(name.split()))


@lru_cache(maxsize=1)
def _spellings() -> dict[str, frozenset[str]]:
    with OUTLETS_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        r["name"].strip(): frozenset(
            {r["name"].strip(), *(a.strip() for a in r["aliases"].split("|") if a.strip())}
        )
        for r in rows
    }


def outlet_aliases(name: str) -> set[str]:
    """Every spelling the table gives for the outlet ``name`` (itself included)."""
    return set(_spellings().get(name, {name}))


def outlet_scale(name: str | None) -> str | None:
    """ACLED's source scale of one outlet, None when the table does not know it."""
    known = outlet_name(name)
    return _table()[1].get(known) if known else None


def outlet_list(outlets: Iterable[str | None]) -> str | None:
    """ACLED's ``source``: each outlet once, in the order given ("North Press; SOHR; Hawar")."""
    seen = list(dict.fromkeys(n for n in (outlet_name(o) for o in outlets) if n))
    return SEPARATOR.join(seen) or None


def split_outlets(source: str | None) -> list[str]:
    """The outlets of an event's ``source`` column."""
    return [s.strip() for s in (source or "").split(SEPARATOR.strip()) if s.strip()]


def combined_scale(outlets: Iterable[str | None]) -> str | None:
    """ACLED's ``source_scale`` of an event: its outlets' scales, each once, joined ("Subnational-Other")."""
    scales = {s for s in (outlet_scale(o) for o in outlets) if s}
    ordered = [s for s in SCALE_ORDER if s in scales] + sorted(scales - set(SCALE_ORDER))
    return "-".join(ordered) or None
