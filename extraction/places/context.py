"""What a report says around an ambiguous name: its framing phrase, its other places, its outlet.

``ReportContext.bonus(i, place)`` scores one candidate of mention ``i``:
- the frame: the nearest area or direction phrase of the same sentence, after the name first ("X بريف
  دير الزور", "X شرق الحسكة", "X, west of Kobani") else before it ("في ريف الرقة: X"). A governorate or
  region frames by governorate, a district or sub-district by district, a town by distance (and side);
- the cluster: how near the candidate lies to the report's places that are not in doubt;
- the outlet: the governorate the outlet reports from.
"""

from __future__ import annotations

import bisect
import re

from extraction.gazetteer import Place, km

from .facts import facts_of
from .hits import Found
from .matcher import Matcher
from .outlets import outlet_admin1

FRAME_GOV = 6.0
FRAME_DISTRICT = 7.0
FRAME_TOWN = 8.0
TOWN_KM = 25.0  # how far "ريف X", "west of X" reach from the town X
# a direction or countryside of a city (a district's seat): "قرى السويدية وكديران وجعبر غربي الرقة"
CITY_KM = 50.0
OUTLET = 1.5
FAR_KM = 100.0
CLUSTER = 6  # firm places either side of a mention that count as its cluster
_SENTENCE_END = re.compile(r"[.!?\n;]")
# A distance told before a town's direction sets the reach: "على بعد 5 كم غربي عين العرب", "5 km west of Kobani"
_DISTANCE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*-?\s*(كم|كيلو\s?مترات?|km|kilomet(?:er|re)s?|(?:miles?))\W{0,3}$", re.IGNORECASE
)
DISTANCE_SLACK_KM = 5.0  # "5 km" is rounded and measured from the town's edge
# "west of Kobani": the candidate should lie on that side of the town (lon/lat sign of the offset)
_SIDES = {"west": (0, -1), "east": (0, 1), "north": (1, 0), "south": (-1, 0)}


class ReportContext:
    """Frames, firm places and the outlet's governorate of one report, computed once."""

    def __init__(self, m: Matcher, text: str, found: list[Found], source: str | None):
        self.m, self.text, self.found = m, text, found
        self.outlet = outlet_admin1(source)
        self.firm: list[tuple[int, Place]] = []  # (position, place) of mentions with one place and a point
        self.frames: list[tuple[int, Found, Place]] = []  # area and qualified-town phrases
        for f in found:
            p = firm_place(m, f)
            if p is None:
                continue
            if p.point()[0] is not None and not p.is_area:
                self.firm.append((f.hit.start, p))
            if p.is_area or (f.qualifier and f.qualifier != "institution" and p.kind in ("city", "town")):
                self.frames.append((f.hit.start, f, _framing_area(m, f) or p))
        self.frame_starts = [pos for pos, _f, _p in self.frames]
        self._ends: list[int] | None = None
        self._frames_of: dict[int, tuple[Found, Place] | None] = {}
        self._reaches: dict[int, float] = {}  # per framing phrase (each candidate of a mention asks again)
        self.firm_starts = [pos for pos, _p in self.firm]

    def bonus(self, i: int, p: Place) -> float:
        f = self.found[i]
        score = self._frame_bonus(f, p) + self._cluster_bonus(f, p)
        if self.outlet and p.admin1 == self.outlet:
            score += OUTLET
        return score

    def has_frame(self, f: Found) -> bool:
        return self._frame(f) is not None

    def frame_only(self, i: int, p: Place) -> float:
        return self._frame_bonus(self.found[i], p)

    def rules_out(self, i: int, candidates: list[Place]) -> bool:
        """A new village's name whose every place contradicts the report: the frame points elsewhere, or
        the report's other places all lie more than FAR_KM away ("قرية صيدا شرقي عين عيسى" when the
        only صيدا villages known are in Daraa)."""
        f = self.found[i]
        if self._frame(f) is not None:  # the frame decides: "ريف الحسكة" holds villages 150 km from the city
            return not any(self._frame_bonus(f, p) > 0 for p in candidates)
        k = bisect.bisect_left(self.firm_starts, f.hit.start)
        others = [q for pos, q in self.firm[max(0, k - CLUSTER) : k + CLUSTER + 1] if pos != f.hit.start]
        if not others:
            return False
        return all(km(*p.point()[:2], *q.point()[:2]) > FAR_KM for p in candidates for q in others)

    def _sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos`` (sentence ends found once per report)."""
        if self._ends is None:
            self._ends = [m.start() for m in _SENTENCE_END.finditer(self.text)]
        k = bisect.bisect_left(self._ends, pos)
        lo = self._ends[k - 1] + 1 if k > 0 else 0
        return lo, self._ends[k] if k < len(self._ends) else len(self.text)

    def _frame(self, f: Found) -> tuple[Found, Place] | None:
        """The framing phrase of ``f``: the first after it in its sentence, else the last before it."""
        key = id(f)
        if key not in self._frames_of:
            self._frames_of[key] = self._find_frame(f)
        return self._frames_of[key]

    def _find_frame(self, f: Found) -> tuple[Found, Place] | None:
        if not self.frames:
            return None
        lo, hi = self._sentence(f.hit.start)
        k = bisect.bisect_right(self.frame_starts, f.hit.start)
        after = [fr for fr in self.frames[k : k + 3] if fr[0] < hi and fr[1] is not f]
        before = [fr for fr in self.frames[max(0, k - 3) : k] if fr[0] >= lo and fr[1] is not f]
        pick = after[0] if after else (before[-1] if before else None)
        return None if pick is None else (pick[1], pick[2])

    def _frame_bonus(self, f: Found, p: Place) -> float:
        frame = self._frame(f)
        if frame is None:
            return 0.0
        ff, area = frame
        if area.kind in ("governorate", "region"):
            return FRAME_GOV if p.admin1 == area.admin1 else 0.0
        if area.kind in ("district", "sub-district"):
            if p.admin2_pcode and p.admin2_pcode == area.admin2_pcode:
                return FRAME_DISTRICT
            return FRAME_GOV / 2 if p.admin1 == area.admin1 else 0.0
        return self._town_bonus(ff, area, p)

    def _town_bonus(self, ff: Found, town: Place, p: Place) -> float:
        """Near the framing town (and on the side its phrase names): "X غرب كوباني", "X, east of Hasakah"."""
        (lat, lon, _p), (tlat, tlon, _q) = p.point(), town.point()
        if lat is None or tlat is None:
            return 0.0
        d = km(lat, lon, tlat, tlon)
        if d > self._reach(ff, town):
            return 0.0
        score = FRAME_TOWN - d / 10
        side = next((s for s in _SIDES if s in (ff.qualifier or "")), None)
        if side:
            dlat, dlon = _SIDES[side]
            if (lat - tlat) * dlat + (lon - tlon) * dlon > 0:
                score += 1.0
        return score

    def _reach(self, ff: Found, town: Place) -> float:
        """How far the frame reaches: the distance it tells ("على بعد 5 كم غربي عين العرب"), else a city's side or
        countryside (a district's seat: "قرى السويدية وكديران وجعبر غربي الرقة" lie 27-45 km out), else a town's."""
        got = self._reaches.get(id(ff))
        if got is None:
            got = self._reaches[id(ff)] = self._told_reach(ff, town)
        return got

    def _told_reach(self, ff: Found, town: Place) -> float:
        told = _DISTANCE.search(self.text, max(0, ff.phrase_start - 30), ff.phrase_start)
        if told:
            n = float(told.group(1).replace(",", "."))
            return n * (1.6 if told.group(2).lower().startswith("mile") else 1.0) * 1.5 + DISTANCE_SLACK_KM
        q = ff.qualifier or ""
        wide = town.kind == "city" and ("countryside" in q or any(side in q for side in _SIDES))
        return CITY_KM if wide else TOWN_KM  # "قرب رأس العين": near is near, a city's or not

    def _cluster_bonus(self, f: Found, p: Place) -> float:
        """The nearer the candidate to the report's firm places named around it (CLUSTER either side: a
        long text stays linear), the likelier it is the one meant."""
        lat, lon, _prec = p.point()
        if lat is None or not self.firm:
            return 0.0
        k = bisect.bisect_left(self.firm_starts, f.hit.start)
        near = self.firm[max(0, k - CLUSTER) : k + CLUSTER + 1]
        d = min(
            (km(lat, lon, *q.point()[:2]) for pos, q in near if pos != f.hit.start and q.id != p.id),
            default=None,
        )
        if d is None:
            return 0.0
        return 4.0 if d < 15 else 3.0 if d < 40 else 1.5 if d < 100 else 0.0


def firm_place(m: Matcher, f: Found) -> Place | None:
    """The one place a mention names, leaving aside villages only WOF knows when a known place has the
    name ("ريف تل تمر" is Tal Tamr although two WOF villages are called تل تمر too); None if several."""
    return (f.facts or facts_of(m, f.entries)).firm


def _framing_area(m: Matcher, f: Found) -> Place | None:
    """ "ريف دير الزور", "ريف الحسكة": the countryside of a name that is a governorate frames by the
    governorate, not by the distance to its city ("ريف منبج", "ريف تل تمر" frame by the town's reach)."""
    if "countryside" not in (f.qualifier or ""):
        return None
    return next((m.places[e.place] for e in f.entries if m.places[e.place].kind == "governorate"), None)
