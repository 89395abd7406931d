"""The automaton over every gazetteer name and the context patterns, built once per gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from extraction.gazetteer import NE_PREFERENCE, Gazetteer, Place, english_variants
from extraction.normalise import fold

from .words import PlaceWords, place_words


def is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


def most_words(phrases: list[str]) -> int:
    return max((w.count(" ") + 1 for w in phrases), default=1)


def alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Entry:
    place: int  # index into Matcher.places
    guarded: bool  # an ordinary word or a bare quarter name: needs a type word or a list
    derived: bool  # the ال-less form of a name written with ال
    lil: bool  # the لل form (ل + ال with the alef dropped)
    english: bool


class Matcher:
    """The automaton and context patterns for one gazetteer (built once, cached on it)."""

    def __init__(self, gaz: Gazetteer, words: PlaceWords):
        self.gaz = gaz
        self.words = words
        self.places: list[Place] = list(gaz.places)
        self.keys: dict[str, list[Entry]] = {}
        for i, p in enumerate(self.places):
            self._add_place(i, p)
        self.automaton = ahocorasick.Automaton()
        for k, es in self.keys.items():
            # the per-key facts the hit filter needs, computed once here rather than per hit
            self.automaton.add_word(k, (k, len(k), es, es[0].english))
        self.automaton.make_automaton()
        self.fixed_scores = [fixed_score(p) for p in self.places]
        ar_types = [w for w in words.types if is_arabic(w)]
        en_types = [w for w in words.types if not is_arabic(w)]
        ar_dirs = [w for w in words.directions if is_arabic(w)]
        en_dirs = [w for w in words.directions if not is_arabic(w)]
        cl = re.escape(words.proclitics)
        # Words before a name: [direction] [type [type]] — anchored at the name.
        self.ar_prefix = re.compile(
            rf"(?:(?<!\w)[{cl}]{{0,2}}(?P<dir>{alt(ar_dirs)})\s+(?:من\s+)?)?"
            rf"(?:(?<!\w)[{cl}]{{0,2}}(?P<type>{alt(ar_types)})\s+(?:(?P<type2>{alt(ar_types)})\s+)?)?$"
        )
        self.en_prefix = re.compile(
            rf"(?:(?<!\w)(?P<dir>{alt(en_dirs)})\s+)?(?:(?:in\s+|of\s+)?the\s+)?"
            rf"(?:(?<!\w)(?P<type>{alt(en_types)})\s+of\s+)?$"
        )
        self.en_type_after = re.compile(rf"^\s+(?P<type>{alt(en_types)})\b")
        self.side_after = re.compile(rf"^\s+(?P<side>{alt(words.sides)})(?!\w)")
        self.type_alt = alt(ar_types)
        # the most words ar_prefix can match: a direction, "من", a type and a second type
        self.ar_prefix_words = most_words(ar_dirs) + 1 + 2 * most_words(ar_types)
        # The word right before a typed or directed name is the last word of a type or direction
        # phrase (or "من" of "شرقي من"): a set lookup rules out most hits before the regex runs.
        self.ar_context_last = frozenset(w.rsplit(" ", 1)[-1] for w in ar_types + ar_dirs) | {"من"}
        cl2 = rf"(?<!\w)[{cl}]{{0,2}}"
        self.org_before = re.compile(rf"{cl2}(?:{alt(words.org_before)})\s+$") if words.org_before else None
        self.org_after = re.compile(rf"^\s+(?:{alt(words.org_after)})(?!\w)") if words.org_after else None
        alone = words.org_after_alone
        self.org_after_alone = re.compile(rf"^\s+(?:{alt(alone)})(?!\w)") if alone else None
        media = words.org_before_alone
        self.org_before_alone = re.compile(rf"{cl2}(?:{alt(media)})\s+$") if media else None

    def _add(self, key: str, entry: Entry) -> None:
        if len(key) >= 2:
            self.keys.setdefault(key, []).append(entry)

    def _add_place(self, i: int, p: Place) -> None:
        w = self.words
        quarter = p.kind == "neighbourhood"
        for name in p.names_ar():
            f = fold(name)
            first = f.split(" ", 1)[0]
            typed = first in w.types
            bare = f[2:] if f.startswith("ال") else f
            guarded = f in w.common or len(bare) <= 2 or (quarter and not typed)
            self._add(f, Entry(i, guarded, False, False, False))
            if f.startswith("ال") and len(f) > 3:
                self._add("لل" + f[2:], Entry(i, guarded, False, True, False))
                if len(f) >= 5:
                    self._add(f[2:], Entry(i, True, True, False, False))
        for name in p.names_en():
            for v in english_variants(name):
                if not v.isascii() and not any(c.isalpha() for c in v):
                    continue
                guarded = v in w.common or len(v) < 4 or (quarter and " " not in v)
                self._add(v, Entry(i, guarded, False, False, True))


def matcher_for(gaz: Gazetteer) -> Matcher:
    m = gaz.__dict__.get("_place_matcher")
    if m is None:
        m = Matcher(gaz, place_words())
        gaz.__dict__["_place_matcher"] = m
    return m


def fixed_score(p: Place) -> tuple[float, float]:
    """The report-independent part of a place's score: (north-east and point bonus, population bonus).

    The first part is a multiple of 0.5, so adding it in any order gives the same float; the
    population part is added last, as it always was.
    """
    score = 0.0
    if p.admin1 in NE_PREFERENCE:
        score += 2 - 0.5 * NE_PREFERENCE.index(p.admin1)
    if p.lat is not None:
        score += 0.5
    return score, min(1.0, (p.population or 0) / 1e6)
