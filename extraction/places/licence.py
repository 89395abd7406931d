"""Whether the words around a name make it a place: the guard of each key (keys.py) lifted by context.

A new village's name (level 1) is a place after a type word, a locative word ("في X", "قرب X", a glued
ب, "in X") or a direction, or before an area phrase ("X بريف الحسكة", "X east of Kobani"). A name that is
also a frequent word (level 2: المالكية، الطبقة، اليعربية، الكسرة) needs more: a locative or direction
before it, no construct noun or adjective after it ("الطبقة السياسية", "كسرة خبز") and another place or a
conflict word within a sentence's reach. Each check is made only for the hits that need it.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from .hits import Hit
from .keys import FREE, GUARDED, SUPPORT, WORD
from .matcher import Entry, Matcher, alt

REACH = 150  # characters either side where "around" is looked for
_WORD = re.compile(r"[\w']+")


class Licence:
    """The context checks for one report's hits."""

    def __init__(self, m: Matcher, t: str, hits: list[Hit]):
        self.m, self.t, self.hits = m, t, hits
        self.w = m.words

    def allowed(
        self, h: Hit, typed: bool, in_list: bool, directed: bool, kind: str | None = None
    ) -> list[Entry]:
        """The entries of ``h`` its context allows: after a type word all but a new village's everyday
        word (which needs a place type word, "قرية علي" not "منطقة وعرة", and no construct after); in a
        list a type word opens, all but a new village's name that is a word; else by level. A name that is a
        type word with a name after it ("قرى مزرعة عبروش") is that type word, no place."""
        if self.type_word_of_a_name(h):
            return []
        if typed:
            strict = kind in ("area", None) or self.construct_after(h, strict=True)
            out = [e for e in h.entries if not (e.new and e.level == GUARDED and strict)]
            return h.entries if len(out) == len(h.entries) else out  # the key's list, and its facts
        if h.entries.high == FREE:
            return h.entries  # every entry a place on its own
        if h.entries.low == GUARDED and not in_list:
            return []  # every entry needs a type word or a list
        head = None  # "تل X" with "تل X" unknown: X alone is not the place named
        out = []
        for e in h.entries:
            lv = e.level
            if lv == FREE or (in_list and (lv == SUPPORT or (lv == GUARDED and not e.new))):
                out.append(e)
            elif lv == GUARDED or head is None and (head := self._after_name_head(h)) or head:
                continue
            elif (
                lv == SUPPORT
                and (directed or self._placed(h))
                or lv == WORD
                and self._word_is_place(h, directed)
            ):
                out.append(e)
        return h.entries if len(out) == len(h.entries) else out

    def type_word_of_a_name(self, h: Hit) -> bool:
        """ "مزرعة عبروش": the hit is a type word (مزرعة is also a town's name) and a name follows it."""
        w = self.w
        if self.t[h.start : h.end] not in w.types or self.t[h.end : h.end + 1] != " ":
            return False
        nxt = self._next_words(h, 1)
        if not nxt or not nxt[0][:1].isalpha() or nxt[0].isascii():
            return False
        word = nxt[0]
        return not (word in w.sides or word in w.directions or word in w.area_after or word in w.types)

    def _after_name_head(self, h: Hit) -> bool:
        return not h.clitic and self._prev_word(h) in self.w.name_heads

    def _placed(self, h: Hit) -> bool:
        return self.locative_before(h) or self.area_after(h)

    def _word_is_place(self, h: Hit, directed: bool) -> bool:
        """A locative or direction before, no construct after, another place or an event word around;
        a glued ب alone ("بجروح" with wounds) is no locative unless a place is near."""
        word_before = directed or self.locative_word_before(h)
        if not (word_before or self.locative_before(h)) or self.construct_after(h):
            return False
        return self.place_near(h) or (word_before and self.event_near(h))

    def _prev_word(self, h: Hit) -> str:
        j = h.cstart
        while j > 0 and self.t[j - 1] == " ":
            j -= 1
        k = j
        while k > 0 and (self.t[k - 1].isalnum() or self.t[k - 1] == "'"):
            k -= 1
        return self.t[k:j]

    def _next_words(self, h: Hit, n: int = 2) -> list[str]:
        return _WORD.findall(self.t, h.end, min(len(self.t), h.end + 40))[:n]

    def locative_before(self, h: Hit) -> bool:
        """ "في X", "قرب X", "بX", "in X": a word right before the name says where."""
        return "ب" in h.clitic or self.locative_word_before(h)

    def locative_word_before(self, h: Hit) -> bool:
        if h.clitic:
            return False
        prev = self._prev_word(h)
        loc = self.w.locative
        return prev in loc or (len(prev) > 1 and prev[0] in "وف" and prev[1:] in loc)

    def area_after(self, h: Hit) -> bool:
        """ "X بريف الحسكة", "X، شرق القامشلي", "X in the countryside of", "X east of": an area phrase after."""
        gap = self.t[h.end : h.end + 3]
        if gap[:1] not in (" ", ",") or "." in gap:
            return False
        words = self._next_words(h, 3)
        area = self.w.area_after
        for i, word in enumerate(words):
            bare = word.lstrip("وبل") if len(word) > 3 else word
            if word in area or bare in area:
                return True
            if word not in ("في", "in", "the", "of") or i == 2:
                return False
        return False

    def construct_after(self, h: Hit, strict: bool = False) -> bool:
        """The word right after (no punctuation between) makes the name a common noun: "الطبقة السياسية";
        ``strict``: any word with ال, a side too ("الضفة الشرقية")."""
        if self.t[h.end : h.end + 1] != " ":
            return False
        nxt = self._next_words(h, 1)
        if not nxt:
            return False
        word = nxt[0]
        w = self.w
        known = word in w.sides or word in w.directions or word in w.area_after or word in w.types
        return word.startswith("ال") and (strict or not known)

    def place_near(self, h: Hit) -> bool:
        """Another hit a place on its own (a known town) within REACH."""
        i = bisect.bisect_left(self._strong, h.start - REACH)
        return any(p != h.start and abs(p - h.start) <= REACH for p in self._strong[i : i + 4])

    def event_near(self, h: Hit) -> bool:
        lo, hi = max(0, h.start - REACH), min(len(self.t), h.end + REACH)
        return self._event_rx.search(self.t, lo, hi) is not None

    @cached_property
    def _strong(self) -> list[int]:
        return [h.start for h in self.hits if any(e.level == FREE and not e.english for e in h.entries)]

    @cached_property
    def _event_rx(self) -> re.Pattern[str]:
        rx = self.m.__dict__.get("_event_rx")
        if rx is None:
            rx = self.m.__dict__["_event_rx"] = re.compile(
                rf"(?<!\w)[وفبل]{{0,2}}(?:{alt(self.w.event_words)})"
            )
        return rx
