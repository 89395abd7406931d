"""The gazetteer in memory: places by id and by any normalised name, with lookup and suggestions."""

from __future__ import annotations

from extraction.normalise import fold

from .names import english_variants
from .place import Place, ne_rank, unique


class Gazetteer:
    """Places by id and by any normalised alias."""

    def __init__(self, places: list[Place], shipped: bool = False):
        self.places: list[Place] = places
        self.shipped = shipped  # the table as built (its matcher may come from the disk cache)
        self._by_id: dict[str, Place] = {p.id: p for p in places}
        self._names: dict[str, list[Place]] | None = None
        self._resolve_refs()
        self._choices: list[str] | None = None

    @property
    def _by_name(self) -> dict[str, list[Place]]:
        """Places by every folded name: built on the first lookup (start-up does not need it)."""
        if self._names is None:
            self._names = {}
            for p in self.places:
                forms = [fold(n) for n in p.names_ar()]
                forms += [v for n in p.names_en() for v in english_variants(n)]
                for name in unique(forms):
                    self._names.setdefault(name, []).append(p)
        return self._names

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
        results.sort(key=lambda ps: (-ps[1], ne_rank(ps[0].admin1), ps[0].id))
        return results[:limit]

    def search(self, query: str, limit: int = 50) -> list[Place]:
        """Places whose name or any alias matches ``query`` (Arabic or Latin, any spelling fold makes
        one; ق or ك): exact names first, then names starting with it, then containing it, then the
        closest by rapidfuzz; the north-east first within each rank. For the Places page."""
        q = fold(query)
        if len(q) < 2:
            return []
        queries = list(dict.fromkeys([q, q.replace("ك", "ق"), q.replace("ق", "ك")]))
        ranked: dict[str, tuple[int, Place]] = {}
        for form, places in self._by_name.items():
            rank = min((_match_rank(form, x) for x in queries), default=9)
            if rank < 9:
                for p in places:
                    if p.id not in ranked or rank < ranked[p.id][0]:
                        ranked[p.id] = (rank, p)
        if len(ranked) < 5:  # little like it: other spellings of the whole name (rapidfuzz over every name)
            from rapidfuzz import fuzz, process

            if self._choices is None:
                self._choices = list(self._by_name)
            for form, _score, _i in process.extract(q, self._choices, scorer=fuzz.ratio, limit=10,
                                                     score_cutoff=CLOSE_SPELLING):  # fmt: skip
                for p in self._by_name[form]:
                    ranked.setdefault(p.id, (3, p))
        order = sorted(
            ranked.values(), key=lambda rp: (rp[0], ne_rank(rp[1].admin1), len(rp[1].name_en), rp[1].id)
        )
        return [p for _rank, p in order[:limit]]


CLOSE_SPELLING = 80.0  # rapidfuzz ratio at which a name counts as another spelling of the query


def _match_rank(form: str, query: str) -> int:
    """0 the whole name, 1 its start (or a word's start), 2 inside it, 9 no match."""
    if form == query:
        return 0
    if form.startswith(query) or f" {query}" in form or form.startswith("ال" + query):
        return 1
    return 2 if query in form else 9
