"""Place mentions in a report, the way Arabic (and English) news writes them.

One Aho-Corasick pass over the normalised text finds every gazetteer alias; each hit is kept if it stands on
word boundaries, allowing the proclitics و ف ب ل ك glued to it (بالقامشلي، وللحسكة). The words before a name
(type words مدينة/بلدة/حي…, directions جنوبي/قرب/محيط…) and after it (ريف X الشرقي) set the kind expected, the
qualifier and the precision. Names that are also ordinary words (طي، التل، الصور) and bare quarter names count
only after a type word or inside a list a type word opens (أحياء الزنود وطي). A name found in several places is
resolved by the other places of the same report, preferring the north-east. The word lists are data:
``data/place_words.csv``.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from extraction.gazetteer import NE_PREFERENCE, Gazetteer, Place, english_variants, load_gazetteer
from extraction.normalise import Normalised, fold, normalise

WORDS_CSV = Path(__file__).resolve().parent.parent / "data" / "place_words.csv"

# Place kinds a type word may introduce (the first listed is what an unknown name would be).
TYPE_KINDS: dict[str, tuple[str, ...]] = {
    "city": ("city", "town"),
    "town": ("town", "city", "village"),
    "village": ("village", "town"),
    "neighbourhood": ("neighbourhood",),
    "camp": ("camp",),
    "sub-district": ("town", "city", "sub-district"),
    "governorate": ("governorate",),
    "area": (),
    "countryside": ("city", "town", "village", "governorate", "district", "sub-district", "region"),
    "airport": ("airport",),
    "facility": ("facility", "airport", "camp", "field"),
    "crossing": ("crossing",),
    "dam": ("dam",),
    "field": ("field",),
    "mountain": ("mountain", "facility"),
}
_SIDE_EN = re.compile(r"^(?:'s)?\s+(?:(eastern|western|northern|southern)\s+)?countryside\b")


@dataclass(frozen=True)
class PlaceWords:
    """The language data of place matching, folded once."""

    proclitics: str
    types: dict[str, tuple[str, str]]  # folded word -> (kind, qualifier)
    plurals: frozenset[str]
    directions: dict[str, str]  # folded word -> qualifier
    sides: dict[str, str]
    name_heads: frozenset[str]
    name_tails: frozenset[str]
    common: frozenset[str]
    stop: frozenset[str]
    org_before: frozenset[str] = frozenset()
    org_after: frozenset[str] = frozenset()
    org_after_alone: frozenset[str] = frozenset()
    org_before_alone: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def place_words(path: Path = WORDS_CSV) -> PlaceWords:
    clitics: list[str] = []
    types: dict[str, tuple[str, str]] = {}
    plurals: set[str] = set()
    directions: dict[str, str] = {}
    sides: dict[str, str] = {}
    heads: set[str] = set()
    tails: set[str] = set()
    common: set[str] = set()
    stop: set[str] = set()
    org: dict[str, set[str]] = {
        k: set() for k in ("org_before", "org_after", "org_after_alone", "org_before_alone")
    }
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            word, role = fold(row["word"]), row["role"].strip()
            if not word:
                continue
            if role == "proclitic":
                clitics.append(word)
            elif role in ("type", "plural"):
                types[word] = (row["kind"].strip(), row["qualifier"].strip())
                if role == "plural":
                    plurals.add(word)
            elif role == "direction":
                directions[word] = row["qualifier"].strip()
            elif role == "side":
                sides[word] = row["qualifier"].strip()
            elif role == "name_head":
                heads.add(word)
            elif role == "name_tail":
                tails.add(word)
            elif role == "common":
                common.add(word)
            elif role == "stop":
                stop.add(word)
            elif role in org:
                org[role].add(word)
            else:
                raise ValueError(f"place_words.csv: unknown role {role!r} for {row['word']!r}")
    return PlaceWords(
        proclitics="".join(clitics),
        types=types,
        plurals=frozenset(plurals),
        directions=directions,
        sides=sides,
        name_heads=frozenset(heads),
        name_tails=frozenset(tails),
        common=frozenset(common),
        stop=frozenset(stop),
        org_before=frozenset(org["org_before"]),
        org_after=frozenset(org["org_after"]),
        org_after_alone=frozenset(org["org_after_alone"]),
        org_before_alone=frozenset(org["org_before_alone"]),
    )


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


def _most_words(phrases: list[str]) -> int:
    return max((w.count(" ") + 1 for w in phrases), default=1)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Entry:
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
        self.keys: dict[str, list[_Entry]] = {}
        for i, p in enumerate(self.places):
            self._add_place(i, p)
        self.automaton = ahocorasick.Automaton()
        for k, es in self.keys.items():
            # the per-key facts the hit filter needs, computed once here rather than per hit
            self.automaton.add_word(k, (k, len(k), es, es[0].english))
        self.automaton.make_automaton()
        self.fixed_scores = [_fixed_score(p) for p in self.places]
        ar_types = [w for w in words.types if _is_arabic(w)]
        en_types = [w for w in words.types if not _is_arabic(w)]
        ar_dirs = [w for w in words.directions if _is_arabic(w)]
        en_dirs = [w for w in words.directions if not _is_arabic(w)]
        cl = re.escape(words.proclitics)
        # Words before a name: [direction] [type [type]] — anchored at the name.
        self.ar_prefix = re.compile(
            rf"(?:(?<!\w)[{cl}]{{0,2}}(?P<dir>{_alt(ar_dirs)})\s+(?:من\s+)?)?"
            rf"(?:(?<!\w)[{cl}]{{0,2}}(?P<type>{_alt(ar_types)})\s+(?:(?P<type2>{_alt(ar_types)})\s+)?)?$"
        )
        self.en_prefix = re.compile(
            rf"(?:(?<!\w)(?P<dir>{_alt(en_dirs)})\s+)?(?:(?:in\s+|of\s+)?the\s+)?"
            rf"(?:(?<!\w)(?P<type>{_alt(en_types)})\s+of\s+)?$"
        )
        self.en_type_after = re.compile(rf"^\s+(?P<type>{_alt(en_types)})\b")
        self.side_after = re.compile(rf"^\s+(?P<side>{_alt(words.sides)})(?!\w)")
        self.type_alt = _alt(ar_types)
        # the most words ar_prefix can match: a direction, "من", a type and a second type
        self.ar_prefix_words = _most_words(ar_dirs) + 1 + 2 * _most_words(ar_types)
        # The word right before a typed or directed name is the last word of a type or direction
        # phrase (or "من" of "شرقي من"): a set lookup rules out most hits before the regex runs.
        self.ar_context_last = frozenset(w.rsplit(" ", 1)[-1] for w in ar_types + ar_dirs) | {"من"}
        cl2 = rf"(?<!\w)[{cl}]{{0,2}}"
        self.org_before = re.compile(rf"{cl2}(?:{_alt(words.org_before)})\s+$") if words.org_before else None
        self.org_after = re.compile(rf"^\s+(?:{_alt(words.org_after)})(?!\w)") if words.org_after else None
        alone = words.org_after_alone
        self.org_after_alone = re.compile(rf"^\s+(?:{_alt(alone)})(?!\w)") if alone else None
        media = words.org_before_alone
        self.org_before_alone = re.compile(rf"{cl2}(?:{_alt(media)})\s+$") if media else None

    def _add(self, key: str, entry: _Entry) -> None:
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
            self._add(f, _Entry(i, guarded, False, False, False))
            if f.startswith("ال") and len(f) > 3:
                self._add("لل" + f[2:], _Entry(i, guarded, False, True, False))
                if len(f) >= 5:
                    self._add(f[2:], _Entry(i, True, True, False, False))
        for name in p.names_en():
            for v in english_variants(name):
                if not v.isascii() and not any(c.isalpha() for c in v):
                    continue
                guarded = v in w.common or len(v) < 4 or (quarter and " " not in v)
                self._add(v, _Entry(i, guarded, False, False, True))


def matcher_for(gaz: Gazetteer) -> Matcher:
    m = gaz.__dict__.get("_place_matcher")
    if m is None:
        m = Matcher(gaz, place_words())
        gaz.__dict__["_place_matcher"] = m
    return m


@dataclass
class PlaceMention:
    """A place named in the report: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    place: Place
    geo_precision: int | None
    qualifier: str | None = None
    kind_hint: str | None = field(default=None, repr=False)

    @property
    def lat(self) -> float | None:
        return self.place.point()[0]

    @property
    def lon(self) -> float | None:
        return self.place.point()[1]

    def to_dict(self) -> dict:
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "id": p.id,
            "name_en": p.name_en,
            "name_ar": p.name_ar,
            "lat": self.lat,
            "lon": self.lon,
            "kind": p.kind,
            "admin1": p.admin1,
            "admin2": p.admin2,
            "admin3": p.admin3,
            "geo_precision": self.geo_precision,
            "qualifier": self.qualifier,
        }


@dataclass(slots=True)
class _Hit:
    cstart: int  # with the proclitics
    start: int
    end: int
    key: str
    clitic: str
    entries: list[_Entry]


@dataclass(slots=True)
class _Found:
    hit: _Hit
    entries: list[_Entry]
    phrase_start: int
    end: int
    type_kind: str | None
    qualifier: str | None
    typed: bool  # a type word (or a list it opened) introduces it
    side: bool = False


def _letter(ch: str) -> bool:
    return ch.isalnum()


def _hits(m: Matcher, t: str) -> list[_Hit]:
    n = len(t)
    clitics = m.words.proclitics
    out: list[_Hit] = []
    for end, (key, klen, entries, english) in m.automaton.iter(t):
        if end + 1 < n and t[end + 1].isalnum():
            continue
        start = end - klen + 1
        if start == 0 or not t[start - 1].isalnum():
            out.append(_Hit(start, start, end + 1, key, "", entries))
            continue
        if english:
            continue
        # Up to two proclitics glued to the name (و + ب/ل/ك), the word starting right before them.
        for k in (1, 2):
            cs = start - k
            if cs < 0 or not all(c in clitics for c in t[cs:start]):
                break
            if cs == 0 or not _letter(t[cs - 1]):
                pre = t[cs:start]
                if k == 2 and pre[0] not in "وف":
                    break
                ok = [e for e in entries if not e.lil or pre in ("و", "ف")]
                if ok:
                    out.append(_Hit(cs, start, end + 1, key, pre, ok))
                break
    out.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return out


def _context(m: Matcher, t: str, h: _Hit) -> tuple[int, str | None, str | None, bool]:
    """(phrase start, type kind, qualifier, typed) from the words right before the name."""
    english = h.entries[0].english
    if not english:
        k = h.cstart - 1
        while k >= 0 and t[k].isspace():
            k -= 1
        j = k
        while j >= 0 and _letter(t[j]):
            j -= 1
        last = t[j + 1 : k + 1]
        cl = m.words.proclitics
        if not (
            last in m.ar_context_last
            or (len(last) > 1 and last[0] in cl and last[1:] in m.ar_context_last)
            or (len(last) > 2 and last[0] in cl and last[1] in cl and last[2:] in m.ar_context_last)
        ):
            return h.start, None, None, False
    lo = max(0, h.cstart - 60)
    window = t[lo : h.cstart]
    if english:
        mm = m.en_prefix.search(window)
    else:
        # a match spans at most ar_prefix_words words and ends at the window's end: search from the
        # start of that many last words (the lookbehind still sees the text before)
        parts = window.rsplit(None, m.ar_prefix_words)
        mm = m.ar_prefix.search(window, len(parts[0]) if len(parts) > m.ar_prefix_words else 0)
    if not mm or mm.start() == mm.end():
        return h.start, None, None, False
    kind = qual = None
    typed = False
    first = None
    if mm.group("dir"):
        qual = m.words.directions[mm.group("dir")]
        first = mm.start("dir")
    if mm.group("type"):
        kind, tq = m.words.types[mm.group("type")]
        qual = qual or tq or None
        typed = True
        if first is None:
            first = mm.start("type")
        if mm.groupdict().get("type2"):
            k2, q2 = m.words.types[mm.group("type2")]
            if kind == "countryside":
                kind = k2 if k2 != "sub-district" else kind
            else:
                kind = k2
                qual = qual or q2 or None
    if first is None:
        return h.start, None, None, False
    return lo + first, kind, qual, typed


def find_places(
    text_or_normalised: str | Normalised,
    extra_places: list[dict] | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[PlaceMention]:
    """Every place named in the text, in order, with original offsets, point and precision."""
    norm = text_or_normalised if isinstance(text_or_normalised, Normalised) else normalise(text_or_normalised)
    gaz = gazetteer or load_gazetteer(extra_places)
    m = matcher_for(gaz)
    t = norm.text
    found: list[_Found] = []
    last_end = -1
    for h in _hits(m, t):
        if h.cstart < last_end or h.start < last_end:
            continue
        org = _names_an_organisation(m, t, h)
        if org == "outlet":
            continue
        pstart, kind, qual, typed = _context(m, t, h)
        english = h.entries[0].english
        in_list = False
        if not typed and found:
            prev = found[-1]
            gap = t[prev.end : h.cstart]
            en_gap = english and re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", gap)
            if prev.typed and (_list_gap(gap, h.clitic) or en_gap):
                in_list, kind = True, prev.type_kind
        end = h.end
        side = False
        if english:
            after = m.en_type_after.match(t[end : end + 30])
            if after and not typed:
                kind, _q = m.words.types[after.group("type")]
                typed = True
                if kind == "countryside":
                    qual = "countryside"
                    se = _SIDE_EN.match(t[end : end + 40])
                    if se:
                        qual = f"{se.group(1)} countryside" if se.group(1) else "countryside"
                        end += se.end()
                        side = bool(se.group(1))
                else:
                    end += after.end()
        elif kind == "countryside":
            sa = m.side_after.match(t[end : end + 40])
            if sa:
                qual = f"{m.words.sides[sa.group('side')]} countryside"
                end += sa.end()
                side = True
        context = typed or in_list
        entries = [e for e in h.entries if context or not e.guarded]
        if not entries:
            continue
        if kind and TYPE_KINDS.get(kind):
            fitting = [e for e in entries if m.places[e.place].kind in TYPE_KINDS[kind]]
            entries = fitting or [e for e in entries if not e.guarded]
            if not entries:
                continue
        if org == "institution":
            qual = "institution"  # "مجلس ذيبان المدني": a fallback place, never preferred to a named one
        found.append(_Found(h, entries, pstart, end, kind, qual, typed or in_list, side))
        last_end = end
    return _resolve(m, norm, found)


def _names_an_organisation(m: Matcher, t: str, h: _Hit) -> str | None:
    """ "outlet" for «دير الزور 24» and «شبكة X»; "institution" for مجلس دير الزور العسكري, the Tal Tamr Military Council.

    An outlet's name never places an event; an institution named after a place does, when nothing better does.
    """
    after = t[h.end : h.end + 24]
    if m.org_after_alone and m.org_after_alone.match(after):
        return "institution" if "council" in after[:20] else "outlet"
    if m.org_before_alone and m.org_before_alone.search(t[max(0, h.cstart - 12) : h.cstart]):
        return "outlet"
    if m.org_after and m.org_after.match(after) and m.org_before:
        return "institution" if m.org_before.search(t[max(0, h.cstart - 12) : h.cstart]) else None
    return None


def _list_gap(gap: str, clitic: str) -> bool:
    """A list goes on with "وX" or ", X"; ", وX" starts a new clause."""
    if re.fullmatch(r"\s+", gap) and clitic.startswith("و"):
        return True
    return bool(re.fullmatch(r"\s*,\s*", gap)) and not clitic.startswith("و")


def _resolve(m: Matcher, norm: Normalised, found: list[_Found]) -> list[PlaceMention]:
    """Pick one place per mention, using the report's other places and regions as context."""
    places = m.places
    admin1 = Counter()
    named: set[str] = set()
    for f in found:
        ps = {places[e.place].admin1 for e in f.entries}
        if len(ps) == 1:
            admin1[next(iter(ps))] += 1
        if len({e.place for e in f.entries}) == 1:
            named.add(places[f.entries[0].place].id)
    # Unambiguous towns and cities by position: a quarter or facility goes with the nearest one named.
    anchors = []
    for f in found:
        towns = {e.place for e in f.entries if places[e.place].kind in ("city", "town")}
        if len(towns) == 1:
            anchors.append((f.hit.start, places[next(iter(towns))].id))
    positions = [a[0] for a in anchors]
    out: list[PlaceMention] = []
    for f in found:
        if len(f.entries) == 1:
            best = f.entries[0]  # nothing to choose between: skip the scoring
        else:
            near = _nearest_anchor(anchors, positions, f.hit.start)
            fixed = m.fixed_scores
            best = max(
                f.entries,
                key=lambda e: (
                    _score(places[e.place], e, f, admin1, named, fixed[e.place])
                    + _near_bonus(places[e.place], near),
                    -e.place,
                ),
            )
        p = places[best.place]
        if p.kind in ("district", "sub-district") and f.type_kind != "area":
            # An admin area named like its seat: the seat town's point, never the area centroid.
            seat = [q for q in m.gaz.lookup(p.name_ar) if not q.is_area and q.admin1 == p.admin1]
            if seat:
                p = seat[0]
        lat, lon, prec = p.point()
        qual = f.qualifier
        if prec is not None and qual:
            prec = max(prec, 2)
            if f.side and p.kind in ("city", "governorate", "district"):
                prec = 3
        s, e = norm.span(f.phrase_start, f.end)
        out.append(PlaceMention(s, e, norm.original[s:e], p, prec, qual or None, f.type_kind))
    return out


def _nearest_anchor(anchors: list[tuple[int, str]], positions: list[int], pos: int) -> str | None:
    """The town or city named nearest to ``pos`` (anchors sorted by position)."""
    if not anchors:
        return None
    i = bisect.bisect_left(positions, pos)
    near = [anchors[j] for j in (i - 1, i) if 0 <= j < len(anchors)]
    return min(near, key=lambda a: abs(a[0] - pos))[1]


def _near_bonus(p: Place, near: str | None) -> float:
    return 3.0 if near and near in (p.parent_id, p.located_by) else 0.0


def _fixed_score(p: Place) -> tuple[float, float]:
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


def _score(
    p: Place, e: _Entry, f: _Found, admin1: Counter, named: set[str], fixed: tuple[float, float]
) -> float:
    score = 0.0
    kind = f.type_kind
    if kind and p.kind in TYPE_KINDS.get(kind, ()):
        score += 10
    if p.kind in ("district", "sub-district", "governorate"):
        if kind == "governorate" and p.kind == "governorate":
            score += 10
        elif kind == "countryside" and p.kind == "governorate":
            score -= 1
        else:
            score -= 6
    score += 3 * min(admin1.get(p.admin1, 0), 3)
    if p.kind == "neighbourhood" and (p.parent_id in named or p.located_by in named):
        score += 4
    score += fixed[0]
    if not e.derived:
        score += 0.5
    return score + fixed[1]


_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_LIST_NEXT = re.compile(r"\s+و|\s*,\s*(?!و)")
_EN_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "each",
        "every",
        "one",
        "two",
        "three",
        "some",
        "several",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
    ]
)


@lru_cache(maxsize=1)
def _lexicon_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Words the other lexicons know (triggers, actors, cues, numbers, dates): never an unknown place."""
    from extraction.dates import grammar
    from extraction.lexicon import main_matcher

    words: set[str] = set()
    stems: set[str] = set()
    for key, (_n, entries, *_facts) in main_matcher().automaton.items():
        first = key.split(" ", 1)[0]
        if any(e.prefix for e in entries) and " " not in key:
            stems.add(first)
        words.add(first)
    g = grammar()
    for table in g.words.values():
        words.update(w.split(" ", 1)[0] for w in table)
    words.update(w.split(" ", 1)[0] for w in g.months)
    return frozenset(words), tuple(sorted(stems))


def _unknown_rx(m: Matcher) -> tuple[re.Pattern[str], re.Pattern[str]]:
    rx = m.__dict__.get("_unknown_rx")
    if rx is None:
        cl = re.escape(m.words.proclitics)
        intro = re.compile(rf"(?<!\w)[{cl}]{{0,2}}(?P<type>{m.type_alt})\s+(?=[\u0621-\u064a])")
        typed = re.compile(rf"(?P<type>{m.type_alt})\s+")
        rx = m.__dict__["_unknown_rx"] = (intro, typed)
    return rx


def find_unknown_places(norm: Normalised, known_mentions: list) -> list[tuple[int, int, str]]:
    """Names a type word introduces (قرية X، أحياء X وY، the village of X) that the gazetteer lacks.

    Precise rather than eager: only a word right after a type word (or in the list a plural type
    word opens), never a word another lexicon knows (a verb, an actor, a date word), a stop word or
    a direction. One pass of compiled patterns: linear in the text. Offsets are original offsets.
    """
    if isinstance(norm, str):
        norm = normalise(norm)
    m = matcher_for(load_gazetteer())
    w = m.words
    t = norm.text
    known = sorted((k.start, k.end) if hasattr(k, "start") else (k[0], k[1]) for k in known_mentions)
    known_starts = [k[0] for k in known]
    lex_words, lex_stems = _lexicon_words()
    intro, typed_rx = _unknown_rx(m)
    banned = w.stop | set(w.types) | set(w.directions) | w.common
    cl = w.proclitics

    def plain(word: str) -> bool:
        """A word that can start a place name: not a known word with or without its proclitics."""
        if word in w.name_heads:
            return True  # تل، عين، ابو: the first word of a longer name
        if len(word) < 3:
            return False
        forms = [word]
        for k in (1, 2):
            if len(word) > k + 2 and all(c in cl for c in word[:k]):
                forms.append(word[k:])
        return not any(f in banned or f in lex_words or f.startswith(lex_stems) for f in forms)

    def name_at(pos: int) -> tuple[int, int] | None:
        w1 = _AR_WORD.match(t, pos)
        if w1 is None or not plain(w1.group(0)):
            return None
        end = w1.end()
        first = w1.group(0)
        if first in w.name_heads:
            w2 = _AR_WORD.match(t, end + 1) if t[end : end + 1] == " " else None
            if w2 is None or w2.group(0) in banned or w2.group(0) in lex_words:
                return None
            end = w2.end()
        if t[end : end + 1] == " ":
            w3 = _AR_WORD.match(t, end + 1)
            if w3 is not None and w3.group(0) in w.name_tails:
                end = w3.end()
        return pos, end

    out: list[tuple[int, int, str]] = []

    def add(a: int, b: int) -> None:
        s, e = norm.span(a, b)
        i = bisect.bisect_left(known_starts, e)
        if any(ks < e and s < ke for ks, ke in known[max(0, i - 8) : i]):
            return
        if out and out[-1][1] > s:
            return
        out.append((s, e, norm.original[s:e]))

    pos_done = 0
    for mm in intro.finditer(t):
        if mm.start() < pos_done:
            continue
        kind = w.types[mm.group("type")][0]
        if kind in ("area", "countryside"):
            continue
        span = name_at(mm.end())
        if span is None:
            continue
        add(*span)
        # The list a plural opens ("أحياء الدرعية والرميلة"); after a singular type word only
        # items with their own type word ("حي حلكو وحي زنود").
        plural = mm.group("type") in w.plurals
        pos = span[1]
        while True:
            nxt = _LIST_NEXT.match(t, pos)
            if not nxt:
                break
            start = nxt.end()
            tm = typed_rx.match(t, start)
            if tm:
                start = tm.end()
                plural = tm.group("type") in w.plurals  # "قرية X وقرى Y وZ"
            elif not plural:
                break
            span = name_at(start)
            if span is None:
                break
            add(*span)
            pos = span[1]
        pos_done = pos
    for rx in _EN_UNKNOWN:
        for mm in rx.finditer(norm.original):
            s, e = mm.span("name")
            name = mm.group("name")
            first = fold(name).split()[0]
            if first in _EN_STOP or first in w.stop or fold(name) in w.common or fold(name) in lex_words:
                continue
            i = bisect.bisect_left(known_starts, e)
            if any(ks < e and s < ke for ks, ke in known[max(0, i - 8) : i]):
                continue
            out.append((s, e, name))
    out.sort()
    return out


_EN_NAME = r"(?P<name>(?:[Aa]l-|[Ee]l-|[Aa]s-|[Aa]sh-)?[A-Z][\w'’-]+(?:\s(?:al-)?[A-Z][\w'’-]+)?)"
_EN_UNKNOWN = (
    re.compile(rf"\b(?:town|village|city|camp|neighbou?rhood|district|hamlet) of {_EN_NAME}"),
    re.compile(rf"\b{_EN_NAME}\s(?:village|camp|neighbou?rhood)\b"),
    re.compile(rf"\b(?:near|in the vicinity of|outskirts of) {_EN_NAME}"),
)
