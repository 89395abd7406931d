"""Outlets in a report: the area an outlet reports from (data/outlet_areas.csv), a weak hint between places of one
name; and the words that name an outlet or a reporter (data/event_words.csv), after which a place is a desk."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from extraction.lexicon import read_table
from extraction.normalise import fold

OUTLETS_CSV = Path(__file__).resolve().parents[2] / "data" / "outlet_areas.csv"


@lru_cache(maxsize=1)
def _areas() -> dict[str, str]:
    with OUTLETS_CSV.open(encoding="utf-8", newline="") as fh:
        return {fold(r["outlet"]): r["admin1"].strip() for r in csv.DictReader(fh) if r["outlet"].strip()}


@lru_cache(maxsize=1024)
def outlet_admin1(source: str | None) -> str | None:
    """The governorate an outlet covers, when the table knows it (its name, or a name it contains)."""
    if not source:
        return None
    key = fold(source)
    areas = _areas()
    if key in areas:
        return areas[key]
    return next((a for name, a in areas.items() if len(name) > 4 and name in key), None)


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Folded words that name an outlet or a reporter ("مراسل", "شبكة"): ``event_words.csv`` role ``outlet``."""
    return frozenset(fold(r["word"]) for r in read_table("event_words.csv") if r["role"] == "outlet")


_DESK_LINKS = frozenset(["في", "in", "of", "ل"])


def desk_before(words: list[str]) -> bool:
    """Whether the folded words before a place make it a reporter's desk or an outlet's: right after an outlet
    word, or after "في"/"in"/"of" that follows one ("مراسل سانا في الحسكة", "مراسل عنب بلدي في دير الزور")."""
    outlets = outlet_words()
    return bool(words) and (
        words[-1] in outlets or (words[-1] in _DESK_LINKS and any(w in outlets for w in words[-5:-1]))
    )
