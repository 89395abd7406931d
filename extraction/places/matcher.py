"""The automaton over every gazetteer name and the context patterns, built once per gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from extraction.gazetteer import NE_PREFERENCE, Gazetteer, Place
from extraction.gazetteer.frequency import is_new_village, read_name_words
from extraction.gazetteer.names import fold_name as fold

from .cache import cache_key, load, save
from .facts import Entries
from .keys import GUARDED, NEW, place_keys
from .sound_keys import build_index
from .words import EN_SIDES, PlaceWords, place_words

# Longer keys are no names (the longest is under 50); raw_hits orders hits by start * MAX_KEY - length.
MAX_KEY = 128


def is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


def most_words(phrases: list[str]) -> int:
    return max((w.count(" ") + 1 for w in phrases), default=1)


def alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True, slots=True)
class Entry:
    place: int  # index into Matcher.places
    level: int  # the guard its context must lift (keys.FREE .. keys.GUARDED)
    derived: bool  # a form the name was not written in (ال-less, a news variant)
    lil: bool  # the لل form (ل + ال with the alef dropped)
    english: bool
    new: bool = False  # a village only the WOF table knows

    @property
    def guarded(self) -> bool:
        """An ordinary word or a bare quarter name: needs a type word or a list."""
        return self.level == GUARDED


def decode(code: int) -> Entry:
    return Entry(code >> 7, (code >> 3) & 7, bool(code & 4), bool(code & 2), bool(code & 1), bool(code & NEW))


class Matcher:
    """The automaton and context patterns for one gazetteer (built once, cached on it and on disk).

    The automaton stores a key number; ``key_info[n]`` is (key length, English?, entry codes), decoded
    into Entries only for the keys a report hits.
    """

    def __init__(self, gaz: Gazetteer, words: PlaceWords, built: tuple | None = None):
        self.gaz = gaz
        self.words = words
        self.places: list[Place] = list(gaz.places)
        self.automaton, self.key_info, self.seats, self.sounds = built or _build(self.places, words)
        self.entries_of: dict[int, Entries] = {}  # key number -> its entries, decoded on first hit
        self._glued_of: dict[int, Entries] = {}  # ... without the لل entries (a hit after ب/ل/ك)
        self.fixed_scores = [fixed_score(p) for p in self.places]
        self._patterns(words)

    def seat_of(self, area: Place) -> Place | None:
        """The town an admin area is named after (same Arabic name, same governorate), or None."""
        seat = self.seats.get(area.id)
        return self.gaz.get(seat) if seat else None

    def entries(self, n: int) -> Entries:
        es = self.entries_of.get(n)
        if es is None:
            es = self.entries_of[n] = Entries(decode(c) for c in self.key_info[n][2])
        return es

    def glued_entries(self, n: int) -> Entries:
        """The entries a hit after a glued ب/ل/ك keeps: all but the لل forms (one shared list per key)."""
        es = self._glued_of.get(n)
        if es is None:
            es = self.entries(n)
            if any(e.lil for e in es):
                es = Entries(e for e in es if not e.lil)
            self._glued_of[n] = es
        return es

    def _patterns(self, words: PlaceWords) -> None:
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
        # "Hasakah countryside", "Deir Ezzor's western countryside" (a possessive, a side before "countryside")
        self.en_type_after = re.compile(
            rf"^(?:['’]s)?\s+(?:(?:{EN_SIDES})\s+(?=countryside))?(?P<type>{alt(en_types)})\b"
        )
        self.side_after = re.compile(rf"^\s+(?P<side>{alt(words.sides)})(?!\w)")
        self.type_alt = alt(ar_types)
        # the most words ar_prefix can match: a direction, "من", a type and a second type; en_prefix: a
        # direction, "in the", a type and "of"
        self.ar_prefix_words = most_words(ar_dirs) + 1 + 2 * most_words(ar_types)
        self.en_prefix_words = most_words(en_dirs) + 2 + most_words(en_types) + 1
        # where an ar_prefix match can start: the first word of a direction or type, proclitics glued
        heads = {w.split(" ", 1)[0] for w in ar_dirs + ar_types}
        glued = {c + w for c in words.proclitics for w in heads}
        self.ar_prefix_firsts = frozenset(heads | glued | {c + w for c in words.proclitics for w in glued})
        # The word right before a typed or directed name is the last word of a type or direction phrase
        # (or "من" of "شرقي من"), with up to two proclitics glued to it; in English, of a direction phrase,
        # or "the"/"of": a set lookup rules out most hits before the regex runs (None: no such shortcut).
        last = {w.rsplit(" ", 1)[-1] for w in ar_types + ar_dirs} | {"من"}
        glued = {c + w for c in words.proclitics for w in last}
        self.ar_context_last = frozenset(last | glued | {c + w for c in words.proclitics for w in glued})
        en_last = {w.rsplit(None, 1)[-1] for w in en_dirs} | {"the", "of"}
        self.en_context_last = frozenset(en_last) if all(w.isalnum() for w in en_last) else None
        cl2 = rf"(?<!\w)[{cl}]{{0,2}}"
        self.org_before = re.compile(rf"{cl2}(?:{alt(words.org_before)})\s+$") if words.org_before else None
        self.org_after = re.compile(rf"^\s+(?:{alt(words.org_after)})(?!\w)") if words.org_after else None
        alone = words.org_after_alone
        self.org_after_alone = re.compile(rf"^\s+(?:{alt(alone)})(?!\w)") if alone else None
        media = words.org_before_alone
        self.org_before_alone = re.compile(rf"{cl2}(?:{alt(media)})\s+$") if media else None
        # an organisation word after a name starts with one of these letters; one before it ends with one
        self.org_after_firsts = frozenset(w[0] for w in words.org_after | alone)
        self.org_before_lasts = frozenset(w[-1] for w in words.org_before | media)


def _build(places: list[Place], words: PlaceWords) -> tuple:
    """(automaton of key numbers, key_info, seats, sound index) for the places; the slow part a cache saves."""
    freq = read_name_words()
    codes: dict[str, list[int]] = {}
    for i, p in enumerate(places):
        for key, code in place_keys(i, p, words, freq):
            if 2 <= len(key) < MAX_KEY:
                codes.setdefault(key, []).append(code)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    info = []
    for n, (key, cs) in enumerate(codes.items()):
        automaton.add_word(key, n)
        info.append((len(key), bool(cs[0] & 1), tuple(cs)))
    automaton.make_automaton()
    return automaton, info, _seats(places), build_index(places, words.pairs)


def _seats(places: list[Place]) -> dict[str, str]:
    """Admin area id -> the id of the first town of its governorate with the area's Arabic name."""
    areas = {fold(p.name_ar): [] for p in places if p.is_area}
    for p in places:
        if not p.is_area:
            for n in p.names_ar():
                if (f := fold(n)) in areas:
                    areas[f].append(p)
    out = {}
    for a in places:
        if a.is_area:
            seat = next((q for q in areas[fold(a.name_ar)] if q.admin1 == a.admin1), None)
            if seat is not None:
                out[a.id] = seat.id
    return out


def matcher_for(gaz: Gazetteer) -> Matcher:
    """The gazetteer's matcher: built once per gazetteer object, and for the shipped one kept on disk."""
    m = gaz.__dict__.get("_place_matcher")
    if m is None:
        words = place_words()
        key = cache_key(gaz) if gaz.shipped else None
        built = load(key) if key else None
        m = Matcher(gaz, words, built)
        if key and built is None:
            save(key, (m.automaton, m.key_info, m.seats, m.sounds))
        gaz.__dict__["_place_matcher"] = m
    return m


# A town GeoNames lists (500+ people), a curated place or an analyst's: likelier in the news than a village
# of the same name only the WOF table knows.
PROMINENT = 2.0


def fixed_score(p: Place) -> tuple[float, float]:
    """The report-independent part of a place's score: (north-east, point and prominence, population).

    The first part is a multiple of 0.5, so adding it in any order gives the same float; the
    population part is added last, as it always was.
    """
    score = 0.0
    if p.admin1 in NE_PREFERENCE:
        score += 2 - 0.5 * NE_PREFERENCE.index(p.admin1)
    if p.lat is not None:
        score += 0.5
    if not is_new_village(p):
        score += PROMINENT
    return score, min(1.0, (p.population or 0) / 1e6)
