"""Places no source locates: located by the nearest located place their curated text names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extraction.normalise import fold

from .names import english_variants
from .place import Place, unique

if TYPE_CHECKING:
    from .build import Builder


def locate(b: Builder) -> None:
    """Places with no coordinate: located by the nearest located place their parent/description names."""
    index = EnglishIndex([p for p in b.places.values() if p.kind != "region"])
    levels: dict[str, list[list[str]]] = {}
    for pid, (parent, desc) in b.curated_text.items():
        if b.places[pid].lat is None:
            levels[pid] = list(index.candidates(b.places[pid], parent, desc))
    resolved: dict[str, str] = {}

    def located(cid: str) -> str | None:
        q = b.places[cid]
        if q.lat is not None and not q.is_area:
            return cid
        return resolved.get(cid)

    # Phase 1 follows one place only: the first the description puts close by ("4 km west of",
    # "next to", "between"), else the parent's specific place, else the first named (chains settle over
    # rounds); phase 2 takes any close, specific or named place; phase 3 also the far or wide ones.
    def pick(pid: str, phase: int) -> str | None:
        close, specific, named, far = levels[pid]
        if b.places[pid].kind == "neighbourhood":
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
        p, t = b.places[pid], b.places[target]
        p.located_by = target
        if p.kind in ("neighbourhood", "facility", "camp", "airport", "crossing", "field", "dam"):
            p.parent_id = target
        gov = b.govs.get(p.admin1_pcode) or b.govs.get(t.admin1_pcode)
        b.place_admin(p, gov, t.lat, t.lon)
    # Curated places with a point whose parent names a city (a facility in Qamishli): parent_id = city.
    for pid, (parent, _desc) in b.curated_text.items():
        p = b.places[pid]
        if p.lat is None or p.kind not in ("neighbourhood", "facility", "camp", "airport", "field"):
            continue
        city = next((c for c in index.candidates(p, parent, "")[1] if b.places[c].kind == "city"), None)
        if city:
            p.parent_id = city


class EnglishIndex:
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
        return unique(close), unique(specific), unique(named), unique(far)
