"""What resolving asks of a mention's entries, worked out once per key rather than once per hit.

A key's entries are one ``Entries`` list per matcher, shared by every hit of the key; a context that keeps
all of them passes that list on, so its ``Facts`` are computed on the first hit and read on the others.
A list the context filtered gets its facts computed afresh (``facts_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from extraction.gazetteer import Place

if TYPE_CHECKING:
    from .matcher import Matcher


class Entries(list):
    """A key's decoded entries, shared by its hits: their lowest and highest guard level, and ``facts``
    filled on first use."""

    __slots__ = ("facts", "low", "high")

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self.facts: Facts | None = None
        levels = [e.level for e in self]
        self.low, self.high = min(levels, default=0), max(levels, default=0)


@dataclass(slots=True)
class Facts:
    known: list  # the entries of places other than villages only WOF knows
    all_new: bool  # every entry is such a village
    admin1: str | None  # the one governorate of the known entries (else of all), if one
    named: str | None  # the one place id of the known entries (else of all), if one
    town: str | None  # the one city or town among all the entries, if one
    place: Place | None  # one_place of all the entries
    place_known: Place | None  # one_place of the known entries
    firm: Place | None  # one_place of the known entries, else of all (firm_place)
    single: bool  # all the entries are of one place
    single_known: bool  # all the known entries are of one place


def facts_of(m: Matcher, entries: list) -> Facts:
    """The entries' facts: kept on a key's shared list, computed for any other."""
    if type(entries) is Entries:
        fx = entries.facts
        if fx is None:
            fx = entries.facts = _facts(m, entries)
        return fx
    return _facts(m, entries)


def _facts(m: Matcher, entries: list) -> Facts:
    places = m.places
    known = [e for e in entries if not e.new]
    base = known or entries
    admin1s = {places[e.place].admin1 for e in base}
    ids = {e.place for e in base}
    towns = {e.place for e in entries if places[e.place].kind in ("city", "town")}
    place = one_place(m, entries)
    place_known = one_place(m, known) if known else None
    return Facts(
        known=known,
        all_new=not known,
        admin1=next(iter(admin1s)) if len(admin1s) == 1 else None,
        named=places[base[0].place].id if len(ids) == 1 else None,
        town=places[next(iter(towns))].id if len(towns) == 1 else None,
        place=place,
        place_known=place_known,
        firm=place_known if known else place,
        single=len({e.place for e in entries}) == 1,
        single_known=len({e.place for e in known}) == 1,
    )


def one_place(m: Matcher, entries: list) -> Place | None:
    """The place the entries name when they name one (an admin area and its seat town are one), else None."""
    ids = {e.place for e in entries}
    if len(ids) == 1:
        return m.places[next(iter(ids))]
    ps = [m.places[i] for i in ids]
    towns = [p for p in ps if not p.is_area]
    if len(towns) == 1 and all(m.seats.get(p.id) == towns[0].id for p in ps if p is not towns[0]):
        return towns[0]
    return None
