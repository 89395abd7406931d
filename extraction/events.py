"""Assembly: triggers, actors, places, dates and figures of each sentence become ACLED events.

Per sentence, surviving triggers of one family (violence, demonstration, strategic) form a cluster
whose strongest trigger decides the type; a cluster yields one event per distinct place (a list of
villages is several events, several neighbourhoods of one city are one). Events of one family at
one place on one day with compatible actors merge across sentences (a headline and its body). A
definite back-reference ("الهجوم"، "العملية") adds its death figures to the event it refers to.
One act told with its circumstances is one event: air support for a raid, a riot's storming, a
takeover told as a handover, weapons seized at an arrest, a toll update or a count since a weekday
make no second event; a town named in the sentence beats a direction, countryside or framing province.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from operator import attrgetter

from . import acled, notes
from .actors import _NOT_ARMED, CIVILIANS, PROTESTERS, RIOTERS, UNIDENTIFIED, ActorMention, group_of
from .actors import resolve as resolve_actors
from .dates import DateMention, find_dates
from .document import Document, Sentence
from .event import Event, Evidence
from .fatalities import find_figures
from .lexicon import Match, read_table
from .normalise import fold
from .taxonomy import FAMILY, SUB_TO_TYPE
from .triggers import Trigger, find_triggers, promote

AREA_KINDS = {"governorate", "district", "sub-district", "region"}
CHILD_KINDS = {"neighbourhood", "facility", "airport"}
_FROM = re.compile(r"(?:^|\s)(?:من|انطلاقا من|from)\s*$")
_TO = re.compile(r"(?:^|\s)(?:الي|باتجاه|نحو|to|towards)\s*$")
_MOVE = re.compile(r"(?<!\w)(?:من|الي|باتجاه|نحو|حتي|from|to|towards|into)(?!\w)")
_ROLE_WORD = re.compile(r"(?<!\w)(من|الي|باتجاه|نحو|from|towards)(?!\w)")


def _event_words() -> tuple[frozenset[str], frozenset[str], dict[str, tuple[str, ...]], dict[str, list[str]]]:
    """Place nouns after a role word, outlet words, anaphoric place nouns and the word lists of the place-role
    and date patterns below (``data/event_words.csv``)."""
    nouns: set[str] = set()
    outlets: set[str] = set()
    anaphoric: dict[str, tuple[str, ...]] = {}
    lists: dict[str, list[str]] = {}
    for row in read_table("event_words.csv"):
        word, role = fold(row["word"]), row["role"]
        if role == "place_noun":
            nouns.add(word)
        elif role == "outlet":
            outlets.add(word)
        elif role == "anaphoric_place":
            anaphoric[word] = tuple(row["value"].split("|"))
        else:
            # "told" takes its object before the day ("told Rudaw on Monday")
            lists.setdefault(role, []).append(re.escape(word) + (r" \w+" if row["value"] == "object" else ""))
    return frozenset(nouns), frozenset(outlets), anaphoric, lists


# words between "من"/"باتجاه" and the place it governs; words naming an outlet; "في المدينة" kinds; word lists
_PLACE_NOUNS, _OUTLET_WORDS, _ANAPHORIC_PLACE, _WORD_LISTS = _event_words()


def _words(role: str) -> str:
    return "|".join(_WORD_LISTS[role])


# "الطريق الدولي حلب – الحسكة"، "the main road": a road named by the towns it joins is not in them
_ROAD_KIND = rf"(?: (?:{_words('road_kind')}))?"
_ROAD = re.compile(rf"(?:طريق|road){_ROAD_KIND}\s*$|(?:طريق|road){_ROAD_KIND} \S+\s*[-–/]\s*$")
_ATTRIBUTION = re.compile(r"\s*(?:said|says|told|reported|announced|stated)(?!\w)")
_CLAUSE_OPEN = re.compile(r",\s*(?:the\s+|an?\s+)?$")
# English: "killed five ISIS members", "captured two SDF fighters": a counted force after the act is its victim
_COUNTED = re.compile(
    r"(?<!\w)(?:killed|killing|captured|capturing|arrested|arresting|detained|detaining|wounded|wounding|"
    r"injured|injuring|neutrali[sz]ed|neutrali[sz]ing)\s+(?:(?!(?:by|in|during|after|from|with|at|on|as)\s)[\w-]+\s+){1,3}(?:the\s+)?$"
)
_INMATES_AFTER = re.compile(r"[\s-]*(?:detainees|prisoners|inmates|members'? families)(?!\w)")
_BY = re.compile(r"(?<!\w)by(?!\w)")  # English: an actor after the verb acts only as "by X"
_BETWEEN = re.compile(r"(?:بين|between)\s*$")
# a store of arms named after a strike is what the strike hit ("strikes hit a weapons depot")
_STORE = re.compile(r"مستودع|مخزن|ذخير|depot|cache|arsenal|warehouse")
# A dateline opening a paragraph: "raqqa, syria (north press) - ", "beirut (afp) - " (folded text). A
# hyphen inside a word ("deir ez-zor") is part of the name; the dateline's dash has spaces round it.
_NAME_CHAR = r"(?:[^\n,()\-]|-(?=\S))"
_DATELINE = re.compile(
    rf"[ \t]*({_NAME_CHAR}{{2,40}}?)(?:,[ \t]?{_NAME_CHAR}{{2,30}})?[ \t]*(?:\([^()\n]{{1,40}}\))?[ \t]+-[ \t]+"
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:و|and\s|or\s|او\s)?|و|and\s|or\s|او\s)\s*")  # a comma or "and"
# one search for any of the words below rules most places out before the three patterns
_ROLE_HINT = re.compile("|".join(_words(r) for r in ("origin", "launch", "hospital")))
_SAID_ON = re.compile(rf"(?<!\w)(?:{_words('said')})\s+$")
_ORIGIN = re.compile(rf"(?:{_words('origin')})\s+(?:\S+\s+)?$")
_LAUNCH = re.compile(rf"(?:{_words('launch')})[^,.،\n]{{0,40}}$")
_HOSPITAL = re.compile(rf"(?:{_words('hospital')})(?!\w)[^,.،\n]{{0,25}}$")
_BETWEEN_ANY = re.compile(r"(?<!\w)(?:بين|between)(?!\w)")
_AND = re.compile(r"(?:^|\s)(?:و|and(?!\w))")
BACKGROUND_DAYS = 30
MERGE_WINDOW = 60  # events merge within one report's worth of drafts (keeps long inputs linear)
_ROAD_AFTER = re.compile(r"^\s*(?:[-–]\s*[^\s,.]+(?:\s[^\s,.]+)?\s+)?(?:highway|road)\b")
_ANAPHORIC_RX = re.compile(
    r"(?<!\w)(?:في|وسط|داخل|فوق|علي|عند|حول|امام|محيط|قرب|in|inside|near|over|at|around|outside|"
    r"approaches to|entrance to|outskirts of)\s+(?:ال)?(" + "|".join(_ANAPHORIC_PLACE) + r")(?!\w)"
)
_HOLDING_KINDS = frozenset(["facility", "field", "airport", "camp"])  # where detainees are taken
_SETTLEMENT_HINTS = frozenset(["city", "town", "village", "neighbourhood", "camp"])
_FORCE_ON_PROTEST = frozenset(["Protest with intervention", "Excessive force against protesters"])
_APART = frozenset(["Abduction/forced disappearance", "Sexual violence"])  # merge only with their own kind
_DETENTION = frozenset(["Arrests", "Abduction/forced disappearance"])
_TERRITORY = frozenset(
    [
        "Non-violent transfer of territory",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ]
)
_SAME = {"RIOTERS": "PROTESTERS"}  # a protest that turned violent is one event
_SPECIFIC = {"Explosions/Remote violence": 2, "Violence against civilians": 1}
_QUOTES = re.compile(r"[\"'«»()\[\]]")
_SPEECH_REACH = 80  # a reporting verb this close before (or after) a quotation makes it speech
_VICTIM_GAP = frozenset(["من", "of", "the", "an", "a", "ل"])
_NO_GAP: frozenset[str] = frozenset()
_STRIKES = frozenset(["Air/drone strike", "Shelling/artillery/missile attack"])
# victim cues that name a unit of men (who may act), not a place or a thing that is hit
_UNITS = frozenset(["دوريه", "عناصر", "عنصر", "من عناصر"])
# "أكثر من 15 هجوماً"، "dozens of attacks": a quantity before a count noun (cue:count) is a tally
_QUANTITY_BEFORE = re.compile(
    r"(?:(?:(?<!\w)|(?<=[بلو]))(?:[3-9]|\d\d+)|عشرات|العشرات من|مئات|سلسله|سلسله من|موجه من|dozens of|scores of|hundreds of|"
    r"several|(?:a )?(?:string|series|wave|spate) of)\s*$"
)


def _any_near(starts: list[int], qs: int, qe: int) -> bool:
    """A start (sorted list) within reach before the quotation ``[qs, qe)`` or just after it."""
    k = bisect.bisect_left(starts, qs - _SPEECH_REACH)
    if k < len(starts) and starts[k] < qs:
        return True
    k = bisect.bisect_left(starts, qe, k)
    return k < len(starts) and starts[k] < qe + _SPEECH_REACH // 2


def _quotations(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks of three words or more (folded quotes are all '"', paired in
    order within a line): someone's words, not the narration. «قسد» alone is a name, not a quote."""
    out: list[tuple[int, int]] = []
    find = text.find
    a = find('"')
    while a != -1:
        b = find('"', a + 1)
        if b == -1:
            break
        if find("\n", a, b) != -1:
            a = b  # an unclosed mark on the line before: start pairing afresh on this line
            continue
        if b - a <= 600 and text.count(" ", a, b) >= 2:
            out.append((a + 1, b))
        a = find('"', b + 1)
    return out


@dataclass
class PlaceRef:
    """A place an event is located at (after neighbourhoods collapse to their city)."""

    key: str
    place: object
    mention: object | None
    precision: int
    weak: bool = False
    inherited: bool = False
    idx: int = -1  # the place mention's index in the report


@dataclass
class Group:
    """Events one trigger produced over several places; they share one death figure."""

    figures: list[int] = field(default_factory=list)
    members: list[Draft] = field(default_factory=list)
    floor: int = 0


@dataclass
class Draft:
    """An event under construction."""

    event_type: str
    sub_event_type: str
    family: str
    strength: int
    actor1: str
    actor2: str | None
    assoc1: str | None
    place: PlaceRef
    date: DateMention | None
    best: dt.date
    dmin: dt.date
    dmax: dt.date
    precision: int
    background: bool
    evidence: tuple[int, int]
    group: Group
    own_actor: bool
    own_date: bool
    sentence: int
    headline: bool = False
    absorbed: bool = False  # a later draft merged into this one (a headline already told by its body)


def figures_values(figures) -> list[int]:
    return [f.value for f in figures]


_START = attrgetter("start")


def _bucket(sentences: list[Sentence], items: list, keys: list[int]) -> list[list]:
    """Items (sorted by position ``keys``) grouped by the sentence that holds them: two bisects a sentence."""
    lo = bisect.bisect_left
    return [items[lo(keys, s.start) : lo(keys, s.end)] for s in sentences]


def _institution(r: PlaceRef) -> bool:
    return r.mention is not None and r.mention.qualifier == "institution"


def _institution_town(refs: list[PlaceRef]) -> PlaceRef | None:
    """ "a member of the al-Kasrah Civil Council" with only "the western countryside of Deir ez-Zor" beside
    it: the town an institution is named after places the event better than a place told sentences before,
    when every other place of the clause is a broad area of the same province."""
    towns = [r for r in refs if _institution(r) and r.place.kind in ("city", "town", "village")]
    if len(towns) != 1:
        return None
    town = towns[0]
    if any(not r.weak or r.place.admin1 != town.place.admin1 for r in refs if r is not town):
        return None
    return dataclasses.replace(town, weak=False)


def _town_countryside(r: PlaceRef) -> bool:
    """ "ريف الرقة الشمالي": the side of one town's countryside is a place ACLED codes (near the town)."""
    pm = r.mention
    return pm is not None and "countryside" in (pm.qualifier or "") and r.place.kind in ("city", "town")


def _same_seg(s: Sentence, a: Trigger, b: Trigger) -> bool:
    return s.segment_of(a.start) == s.segment_of(b.start)


def _family(t: str) -> str:
    return FAMILY.get(t, t)


class Assembler:
    """Builds the events of one document; see the module docstring for the rules."""

    def __init__(
        self, doc: Document, published: dt.date, places: list, gazetteer, source: str | None = None
    ) -> None:
        self.doc = doc
        self.text = doc.text  # the folded text, read on every cue and role test (no property call)
        self.pub = published
        self.gaz = gazetteer
        self.places = sorted(places, key=lambda p: p.start)
        # folded positions of place mentions
        self.place_pos = [self._folded(p.start, p.end) for p in self.places]
        self.located = [p.lat is not None for p in self.places]  # has a point (read per clause)
        self.cues = [m for m in doc.matches if m.kind.startswith("cue:")]
        self.actors = resolve_actors(doc.matches, published)
        self.dates = find_dates(doc.text, published)
        self.date_starts = [d.start for d in self.dates]  # in order: find_dates reads left to right
        self.drafts: list[Draft] = []
        sents = doc.sentences
        self.place_starts = [p[0] for p in self.place_pos]
        self.sent_matches = _bucket(sents, doc.matches, list(map(_START, doc.matches)))
        self.sent_actors = _bucket(sents, self.actors, list(map(_START, self.actors)))
        self.sent_dates = _bucket(sents, self.dates, self.date_starts)
        self.sent_places = _bucket(sents, list(range(len(self.places))), self.place_starts)
        self._first_strong: PlaceRef | None | bool = False
        self._ref_cache: dict[tuple[int, bool], PlaceRef] = {}
        self._first_of_kind: dict[tuple[str, ...], PlaceRef | None] = {}
        self._role_cache: dict[int, tuple[str, bool]] = {}
        self.cur_matches: list[Match] = []
        self.cur_cues: list[Match] = []
        self.cur_cue_kinds: dict[str, list[Match]] = {}
        self.cur_actors: list[ActorMention] = []
        self.cur_roles: dict[int, str] = {}
        self.cur_dates: list[DateMention] = []
        self.cur_places: list[int] = []
        self._place_cache = {}
        self.cur_full: list[Trigger] = []
        self.cur_full_fams: list[tuple[Trigger, str]] = []
        self.messages: list[str] = []
        self.last_group: Group | None = None
        self.main_date = self._main_date()
        self._roads: set[int] = set()
        self.outlet_places = self._outlet_places(source)
        self.datelines = self._dateline_places()
        self.quotes = _quotations(doc.text)
        self.speech = [c for c in self.cues if c.kind == "cue:speech"]
        self.witnesses = [c for c in self.cues if c.kind == "cue:witness"]
        # sorted start lists so a quotation's neighbourhood is a binary search, not a scan
        self.quote_starts = [q[0] for q in self.quotes]
        self.speech_starts = sorted(c.start for c in self.speech)
        self.witness_starts = sorted(c.start for c in self.witnesses)

    # -- helpers -------------------------------------------------------------------------
    def _folded(self, s: int, e: int) -> tuple[int, int]:
        """Folded offsets of an original span (binary search over the index)."""
        idx = self.doc.norm.index
        return bisect.bisect_left(idx, s), bisect.bisect_left(idx, e)

    def _outlet_places(self, source: str | None) -> set[int]:
        """Places that name the outlet or the reporter's desk ("مراسل «دير الزور 24»"), not the event."""
        spans: list[tuple[int, int]] = []
        if source and source.strip():
            key = fold(source)
            if len(key) >= 3:
                spans += [(m.start(), m.end()) for m in re.finditer(re.escape(key), self.text)]
        out: set[int] = set()
        for i, (s, _e) in enumerate(self.place_pos):
            if any(a <= s < b for a, b in spans):
                out.add(i)
                continue
            before = _QUOTES.sub(" ", self.text[max(0, s - 60) : s]).split()
            if before and before[-1] in _OUTLET_WORDS:
                out.add(i)
            elif (
                before
                and before[-1] in ("في", "in", "of", "ل")
                and any(w in _OUTLET_WORDS for w in before[-5:-1])
            ):
                out.add(
                    i
                )  # "مراسل عنب بلدي في دير الزور", "the Autonomous Administration of North and East Syria"
            elif self._road_after(i):
                self._roads.add(i)
        return out

    def _dateline_places(self) -> set[int]:
        """Places named in a dateline ("RAQQA, Syria (North Press) – ..."): where the reporter filed from.

        They place an event only when its clause names no other place.
        """
        text = self.text
        spans: list[tuple[int, int]] = []
        tried: set[int] = set()
        dash = text.find(" -")
        while dash != -1:  # only lines with a spaced dash in their first 130 characters can open with one
            line = text.rfind("\n", 0, dash) + 1
            if dash - line <= 130 and line not in tried:
                tried.add(line)
                m = _DATELINE.match(text, line, line + 130)
                if m:
                    spans.append(m.span(1))
            dash = text.find(" -", dash + 2)
        if not spans:
            return set()
        starts = [a for a, _b in spans]  # in text order: one bisect a place keeps long texts linear
        out: set[int] = set()
        for i, (s, _e) in enumerate(self.place_pos):
            k = bisect.bisect_right(starts, s) - 1
            if k >= 0 and s < spans[k][1]:
                out.add(i)
        return out

    def _road_after(self, i: int) -> bool:
        """ "the Deir ez-Zor–Palmyra highway": a place that names a road is not where the event was."""
        e = self.place_pos[i][1]
        return bool(_ROAD_AFTER.match(self.text[e : e + 40]))

    def _anaphoric_place(self, s: Sentence) -> PlaceRef | None:
        """ "في المدينة" / "in the camp": the report's first place of that kind."""
        m = _ANAPHORIC_RX.search(self.text, s.start, s.end)
        if not m:
            return None
        kinds = _ANAPHORIC_PLACE.get(m.group(1)) or _ANAPHORIC_PLACE.get("ال" + m.group(1), ())
        if kinds not in self._first_of_kind:
            self._first_of_kind[kinds] = next(
                (
                    self._place_ref(i, inherited=True)
                    for i, pm in enumerate(self.places)
                    if pm.place.kind in kinds and pm.lat is not None and i not in self.outlet_places
                ),
                None,
            )
        return self._first_of_kind[kinds]

    def _main_date(self) -> DateMention | None:
        for d in self.dates[:6]:
            if not d.is_tally and d.dmax >= self.pub - dt.timedelta(days=7) and d.precision == 1:
                return d
        return None

    def _cue_before(self, pos: int, kind: str, reach: int, gap_words: frozenset[str] | None) -> Match | None:
        """A cue of ``kind`` ending just before ``pos`` with only ``gap_words`` in between (None: any <= 3 words)."""
        cues = self.cur_cue_kinds.get(kind)
        if not cues:
            return None
        text = self.text
        for c in cues:
            if c.end <= pos and pos - c.end <= reach:
                between = text[c.end : pos]
                if "." in between or "\n" in between or "," in between:
                    continue
                gap = _QUOTES.sub(" ", between).split()
                if gap_words is None and len(gap) <= 3:
                    return c
                if gap_words is not None and all(w in gap_words for w in gap):
                    return c
        return None

    def _role(self, a: ActorMention) -> str:
        victim = self._cue_before(a.start, "victim", 14, _VICTIM_GAP)
        if victim is not None:
            if victim.entry.key in _UNITS and self._cue_before(victim.start, "subject", 2, _NO_GAP):
                return "agent"  # "داهمت دورية لقسد"، "أقدم عناصر من الفرقة الرابعة": the unit is the subject
            return "victim"
        lo = max(0, a.start - 50)
        text = self.text
        if (
            a.group not in _NOT_ARMED
            # every verb _COUNTED knows ends in -ed or -ing: a C substring test spares the regex most times
            and (text.find("ed", lo, a.start) != -1 or text.find("ing", lo, a.start) != -1)
            and _COUNTED.search(text, lo, a.start)
        ):
            return "victim"
        if _ATTRIBUTION.match(self.text, a.end) and _CLAUSE_OPEN.search(
            self.text, max(0, a.start - 6), a.start
        ):
            return "source"  # ", the Asayish said.": a trailing attribution names who told, not who acted
        if self._cue_before(a.start, "source", 30, None) and self._source_gap(a.start):
            return "source"
        if self._cue_before(a.start, "holder", 4, None):
            return "source"  # "منطقة التنف التي تحتلها القوات الأمريكية": who holds a place told of, not an actor
        if self._cue_before(a.start, "support", 30, None):
            return "support"
        return "agent"

    def _source_gap(self, pos: int) -> bool:
        """ "مصدر عسكري في قسد": the words between the source noun and the actor end in a preposition."""
        before = _QUOTES.sub(" ", self.text[max(0, pos - 30) : pos]).split()
        return bool(before) and before[-1] in ("في", "من", "لدي", "in", "from", "of", "مقرب", "مقربه")

    # -- places --------------------------------------------------------------------------
    def _place_ref(self, i: int, inherited: bool = False) -> PlaceRef:
        key = (i, inherited)
        ref = self._ref_cache.get(key)
        if ref is None:
            ref = self._ref_cache[key] = self._make_ref(i, inherited)
        return ref

    def _place_role(self, i: int) -> tuple[str, bool]:
        """(from|to|at, opens "between X and Y") from the words just before place ``i``; computed once."""
        r = self._role_cache.get(i)
        if r is None:
            s = self.place_pos[i][0]
            text = self.text
            before = text[max(0, s - 14) : s]
            role = "from" if _FROM.search(before) else "to" if _TO.search(before) else "at"
            wide = text[max(0, s - 45) : s]
            if role == "at" and _ROLE_HINT.search(wide):  # one search rules most places out of the three
                if _ORIGIN.search(wide):
                    role = "from"  # "residents of Kobani and Raqqa ... at the dam": where people came from
                elif _LAUNCH.search(wide):
                    role = "from"  # "انطلاقاً من قواعده في محيط مدينة سري كانيه": where the fire came from
                elif _HOSPITAL.search(wide):
                    role = "to"  # "نُقل إلى أحد مشافي قامشلو": where the wounded were taken
            if role == "at":
                # "من قرى في ريف X", "باتجاه مركز البلدة ومدينة X": the nearest role word, no place between
                prev_end = self.place_pos[i - 1][1] if i > 0 else 0
                lo = max(prev_end, s - 40)
                last = None
                for m in _ROLE_WORD.finditer(text, lo, s):
                    last = m
                between = text[last.end() : s].split() if last is not None else []
                if last is not None and all(w in _PLACE_NOUNS or w[1:] in _PLACE_NOUNS for w in between):
                    role = "from" if last.group(1) in ("من", "from") else "to"
            if role == "at" and i > 0 and _LIST_GAP.fullmatch(text, self.place_pos[i - 1][1], s):
                role = self._place_role(i - 1)[0]  # "from Kobani and Raqqa": a list shares its role word
            r = self._role_cache[i] = (role, bool(_BETWEEN.search(text[max(0, s - 10) : s])))
        return r

    def _make_ref(self, i: int, inherited: bool) -> PlaceRef:
        pm = self.places[i]
        p = pm.place
        key_place = p
        if p.kind in CHILD_KINDS and p.parent_id and self.gaz is not None:
            parent = self.gaz.get(p.parent_id)
            if parent is not None and parent.kind in ("city", "town", "village") and parent.lat is not None:
                key_place = parent
        fs, _ = self.place_pos[i]
        weak = (
            p.kind in AREA_KINDS
            or (pm.geo_precision or 1) >= 3
            or "countryside" in (pm.qualifier or "")
            or (not pm.qualifier and bool(_ROAD.search(self.text[max(0, fs - 30) : fs])))
            or i in self._roads
            or pm.qualifier == "institution"
            # "شارع تل أبيض وسط الرقة": a street or square named after a town is not in that town
            or (pm.kind_hint == "facility" and p.kind in ("city", "town", "village"))
        )
        prec = pm.geo_precision or 1
        if key_place is not p and pm.place.lat is None:
            prec = max(prec, 1)
        return PlaceRef(key_place.id, key_place, pm, prec, weak, inherited, i)

    def _places_in(self, lo: int, hi: int, policy: str) -> list[PlaceRef]:
        key = (lo, hi, policy)
        hit = self._place_cache.get(key)
        if hit is None:
            hit = self._place_cache[key] = self._places_in_uncached(lo, hi, policy)
        return hit

    def _places_in_uncached(self, lo: int, hi: int, policy: str) -> list[PlaceRef]:
        pos, located, outlets = self.place_pos, self.located, self.outlet_places
        idx = [i for i in self.cur_places if lo <= pos[i][0] < hi and located[i] and i not in outlets]
        if not idx:
            return []
        if len(idx) > 1 and self.datelines:
            idx = [i for i in idx if i not in self.datelines] or idx
        text = self.text
        role_cache = self._role_cache
        full_roles = {i: role_cache.get(i) or self._place_role(i) for i in idx}
        roles = {i: r[0] for i, r in full_roles.items()}
        # "between X and Y": X only
        drop: set[int] = set()
        for n, i in enumerate(idx):
            if full_roles[i][1]:
                for j in idx[n + 1 :]:
                    gap = text[self.place_pos[idx[idx.index(j) - 1]][1] : self.place_pos[j][0]]
                    if len(gap.split()) <= 2 and re.search(
                        r"(^|\s)(و|and)", gap + " " + text[self.place_pos[j][0]]
                    ):
                        drop.add(j)
                    else:
                        break
        idx = [i for i in idx if i not in drop]
        # a qualified mention right after another place describes it ("المنصورة غربي الرقة")
        kept: list[int] = []
        for i in idx:
            pm = self.places[i]
            prev = [k for k in kept if self.places[k].place.kind not in AREA_KINDS]
            if (
                prev
                and pm.qualifier
                and pm.place.id != self.places[prev[-1]].place.id
                # "a depot on the outskirts of al-Mayadin and a checkpoint near Albu Kamal": a list, not a description
                and not (i > 0 and _AND.search(text[self.place_pos[i - 1][1] : self.place_pos[i][0]]))
                # "قرب بلدة العريشة"، "near the town of al-Karamah": a town named with its type is the place
                and not (pm.qualifier == "near" and pm.kind_hint in _SETTLEMENT_HINTS)
            ):
                continue
            if kept and self._describes_next(kept[-1], i):
                kept.pop()  # "east of Raqqa in the town of al-Karamah": the named town is the place
            kept.append(i)
        idx = kept
        if policy == "displacement":
            keep = [i for i in idx if roles[i] == "from"] or [i for i in idx if roles[i] == "at"]
        elif policy == "solo":
            keep = [i for i in idx if roles[i] == "to"] or [i for i in idx if roles[i] == "at"]
        elif policy in ("arrest", "other"):
            keep = [i for i in idx if roles[i] != "from"]  # "امتدت الحملة إلى بلدة X"
        else:
            keep = [i for i in idx if roles[i] == "at"] or [i for i in idx if roles[i] == "to"]
        keep = keep or idx
        ref_cache = self._ref_cache
        refs = [ref_cache.get((i, False)) or self._place_ref(i) for i in keep]
        strong = [r for r in refs if not r.weak]
        if strong:
            refs = strong
        seen: dict[str, PlaceRef] = {}
        for r in refs:
            seen.setdefault(r.key, r)
        return list(seen.values())

    def _nearest_segment_places(self, s: Sentence, anchor: Trigger, policy: str) -> list[PlaceRef]:
        """The places of the clause nearest before the trigger (else after): "وفي دير الزور، ضبطت ... في
        مدينة الميادين، وألقت القبض" happened in al-Mayadin, not also in the framing province."""
        segs = s.segments
        before = [seg for seg in segs if seg[1] <= anchor.start]
        after = [seg for seg in segs if seg[0] > anchor.start]
        for lo, hi in list(reversed(before)) + after:
            refs = self._places_in(lo, hi, policy)
            if refs:
                return refs
        return []

    def _generic(self, s: Sentence, anchor: Trigger) -> bool:
        """ "women killed in Turkish attacks": a bare plural attack noun with no number, place or day in
        its clause names attacks in general, not one event."""
        counts = self.cur_cue_kinds.get("count")
        if not counts or not any(c.start <= anchor.start < c.end for c in counts):
            return False
        lo, hi = s.segment_of(anchor.start)
        if any(lo <= d.start < hi for d in self.cur_dates):
            return False
        return not any(
            m.kind == "number" and lo <= m.start < anchor.start for m in self.cur_matches
        ) and not (_QUANTITY_BEFORE.search(self.text[max(lo, anchor.start - 16) : anchor.start]))

    def _free_places(self, s: Sentence, cluster: list[Trigger]) -> list[PlaceRef]:
        """Strong places of the sentence's segments that hold no trigger outside ``cluster``."""
        taken = {s.segment_of(t.start) for t in self.cur_full if t not in cluster}
        out: list[PlaceRef] = []
        for lo, hi in s.segments:
            if (lo, hi) not in taken:
                out += [
                    r
                    for r in self._places_in(lo, hi, "armed")
                    if not r.weak and r.idx >= 0 and self._place_role(r.idx)[0] == "at"
                ]
        return out

    def _describes_next(self, i: int, j: int) -> bool:
        """Place ``i`` is a direction or countryside phrase ("east of Raqqa", "ريف دير الزور") that the
        unqualified place ``j`` right after it (no "and" between) lies in."""
        pi, pj = self.places[i], self.places[j]
        if not pi.qualifier or pi.qualifier == "institution" or pj.qualifier or pi.place.id == pj.place.id:
            return False
        if pj.place.kind in AREA_KINDS:
            return False
        gap = self.text[self.place_pos[i][1] : self.place_pos[j][0]]
        return len(gap) <= 40 and not _AND.search(gap) and "." not in gap and not _MOVE.search(gap)

    def _inherit(self, pos: int) -> PlaceRef | None:
        """The last strong place named before ``pos``; else the report's first strong place; else any."""
        k = bisect.bisect_left(self.place_starts, pos)
        for i in range(k - 1, max(-1, k - 200), -1):
            if self.places[i].lat is None or i in self.outlet_places:
                continue
            r = self._place_ref(i, inherited=True)
            fs = self.place_pos[i][0]
            if not r.weak and not _FROM.search(self.text[max(0, fs - 14) : fs]):
                prev = self._described(i)
                return prev if prev is not None else r
        if self._first_strong is False:
            self._first_strong = None
            for i in range(len(self.places)):
                if self.places[i].lat is not None and i not in self.outlet_places:
                    r = self._place_ref(i, inherited=True)
                    if not r.weak:
                        self._first_strong = r
                        break
        if self._first_strong is not None:
            return self._first_strong
        for i in range(k - 1, -1, -1):
            if self.places[i].lat is not None:
                return self._place_ref(i, inherited=True)
        return None

    def _described(self, i: int) -> PlaceRef | None:
        """ "مجلس الشدادي المحلي جنوبي الحسكة": a direction phrase right after a town says where that town
        is; the town, not the city it is south of, is the place told of."""
        pm = self.places[i]
        if (
            i == 0
            or not pm.qualifier
            or pm.qualifier in ("institution", "near")
            or "countryside" in pm.qualifier
        ):
            return None
        j = i - 1
        gap = self.text[self.place_pos[j][1] : self.place_pos[i][0]]
        prev = self.places[j]
        # at most one word between ("مجلس الشدادي المحلي جنوبي الحسكة": the institution's last word)
        if (
            len(gap.split()) > 1
            or _AND.search(gap)
            or "," in gap
            or prev.lat is None
            or prev.place.kind not in ("city", "town", "village")
        ):
            return None
        return dataclasses.replace(self._place_ref(j, inherited=True), weak=False)

    # -- actors --------------------------------------------------------------------------
    def _actors(
        self, s: Sentence, cluster: list[Trigger], anchor: Trigger
    ) -> tuple[str, str | None, str | None, bool]:
        acts = self.cur_actors
        cache = self.cur_roles
        roles = {}
        for a in acts:
            r = cache.get(id(a))
            if r is None:
                r = cache[id(a)] = self._role(a)  # a mention's role does not depend on the cluster
            roles[id(a)] = r
        policy = anchor.policy
        for prev, a in zip(acts, acts[1:], strict=False):
            gap = _QUOTES.sub(" ", self.text[prev.end : a.start]).split()
            if not gap and not self.text[prev.end : a.start].strip(" \"'«»()") and prev.group == a.group:
                roles[id(a)] = roles[id(prev)]  # apposition: «قوات سوريا الديمقراطية» (قسد)
            if roles[id(prev)] == "support" and gap in (["و"], ["and"], ["and", "the"], []):
                roles[id(a)] = "support"
            if roles[id(prev)] == "support" and not gap and self.text[a.start - 1 : a.start] == "و":
                roles[id(a)] = "support"
        supports = [a for a in acts if roles[id(a)] == "support"]
        agents = [a for a in acts if roles[id(a)] == "agent"]
        actor1 = None
        if policy == "protest" or policy == "riot":
            a1 = PROTESTERS if policy == "protest" else RIOTERS
            segs = [self._zone(s, t) for t in cluster]
            first = min(t.start for t in cluster)
            between = lambda a: any(a.end <= o.start < first for o in self.cur_full if o not in cluster)  # noqa: E731
            causes = self.cur_cue_kinds.get("cause", ())
            cand = [
                a
                for a in acts
                if a.group not in ("PROTESTERS", "RIOTERS", "CIVILIANS")
                # "احتجاجاً على مقتل شاب برصاص الأمن العام": what is protested against did not take part
                and not any(
                    c.end <= a.start and s.segment_of(c.start) == s.segment_of(a.start) for c in causes
                )
                # "ISIS detainees riot", "معتقلو داعش": the inmates are the rioters, not their opponent
                and not _INMATES_AFTER.match(self.text, a.end)
                and not self._cue_before(a.start, "inmate", 12, _VICTIM_GAP)
                and (
                    any(lo <= a.start < hi for lo, hi in segs)
                    or (a.start - s.start <= 40 and a.start < first and not between(a))
                )
            ]
            return a1, (cand[0].name if cand else None), None, bool(cand)
        if policy == "displacement":
            return CIVILIANS, None, None, True
        actor1 = self._claimant(agents)
        for t in sorted(cluster, key=lambda t: -t.strength) if actor1 is None else ():
            near = [
                (a.start - t.end, a)
                for a in agents
                if 0 <= a.start - t.end <= 25 and (not t.english or _BY.search(self.text, t.end, a.start))
            ]
            near += [(t.start - a.end, a) for a in agents if 0 <= t.start - a.end <= 25]
            near += [(0, a) for a in agents if a.start < t.end and t.start < a.end]  # "الطيران الروسي"
            if near:
                actor1 = min(near, key=lambda x: x[0])[1]
                break
        if actor1 is None:
            prior = [a for a in agents if a.start < anchor.start]
            actor1 = prior[0] if prior else (agents[0] if agents else None)
        if actor1 is not None and actor1.group == "UNIDENTIFIED":
            # "مسلحون مجهولون يتبعون للفرقة الرابعة": the named force they belong to acted
            named = [a for a in agents if a.group != "UNIDENTIFIED" and 0 <= a.start - actor1.end <= 60]
            actor1 = next((a for a in named if self._cue_before(a.start, "affiliation", 30, None)), actor1)
        own = actor1 is not None
        name1 = actor1.name if actor1 else (UNIDENTIFIED if policy in ("armed", "civilian_victim") else None)
        g1 = actor1.group if actor1 else None
        if name1 is None:
            name1 = UNIDENTIFIED
        others = [
            a
            for a in acts
            if a.group != g1 and a.group not in ("PROTESTERS", "RIOTERS") and roles[id(a)] != "source"
        ]
        victims = [a for a in others if roles[id(a)] == "victim"]
        actor2 = None
        support = next((a for a in supports if a.group != g1), None)
        assoc1 = support.name if support else None
        if policy == "solo":
            actor2 = assoc1  # "بالتنسيق مع القوات التركية": the partner force, as the golds code بمساندة
        elif policy == "civilian_victim":
            actor2 = CIVILIANS
        elif policy == "arrest":
            seg = s.segment_of(anchor.start)
            arrested = [a for a in victims if a.start > anchor.start] or [
                a
                for a in victims
                if s.segment_of(a.start) == seg  # "killed five ISIS members in a raid"
            ]
            actor2 = assoc1 or (arrested[0].name if arrested else CIVILIANS)
        else:
            pick = (
                victims or [a for a in others if roles[id(a)] != "support"] or ([support] if support else [])
            )
            actor2 = pick[0].name if pick else None
            if actor2 is None and actor1 is not None and policy == "armed":
                actor2 = self._same_family_rival(s, actor1, agents)
        return name1, actor2, assoc1, own

    def _claimant(self, agents: list[ActorMention]) -> ActorMention | None:
        """ "تبنى تنظيم داعش الهجوم"، "ISIS claimed the attack": the claimant acted."""
        claims = self.cur_cue_kinds.get("claim")
        if not claims:
            return None
        text = self.text
        for a in agents:
            if self._cue_before(a.start, "claim", 25, None):
                return a
            # English: the claimant stands before the verb ("ISIS later claimed ...")
            if any(0 <= c.start - a.end <= 20 and len(text[a.end : c.start].split()) <= 2 for c in claims):
                return a
        return None

    def _same_family_rival(self, s: Sentence, actor1: ActorMention, agents: list[ActorMention]) -> str | None:
        """ "اشتباكات بين الحمزات والعمشات": two factions of one family fight each other (both named)."""
        text = self.text
        key1 = text[actor1.start : actor1.end]
        for a in agents:
            if a is actor1 or a.group != actor1.group or text[a.start : a.end] == key1:
                continue
            lo, hi = min(a.start, actor1.start), max(a.start, actor1.start)
            gap = text[min(a.end, actor1.end) : hi]
            if _BETWEEN_ANY.search(text, max(s.start, lo - 25), lo) and _AND.search(gap) and len(gap) <= 40:
                return a.name
        return None

    # -- dates ---------------------------------------------------------------------------
    def _date(self, s: Sentence, anchor: Trigger) -> tuple[DateMention | None, bool]:
        ds = [d for d in self.cur_dates if not d.is_tally and not self._said_on(d)]
        same = self.cur_cue_kinds.get("sameday", [])
        later = self.cur_cue_kinds.get("later", []) + same
        if later:
            # "later that day"، "في اليوم ذاته": a weekday or date of its own still wins
            own = [d for d in ds if not any(c.start < d.end and d.start < c.end for c in later)]
            if not own:
                return self._paragraph_anchor(s, bool(same)), True
        if ds:
            seg = s.segment_of(anchor.start)

            def dist(d: DateMention) -> tuple[int, int]:
                inside = seg[0] <= d.start < seg[1]
                gap = anchor.start - d.end if d.end <= anchor.start else d.start - anchor.end
                return (0 if inside else 1, max(gap, 0))

            return min(ds, key=dist), True
        return self.main_date, False

    def _said_on(self, d: DateMention) -> bool:
        """ "..., the forces said on Tuesday": in English the day right after a reporting verb is the
        statement's, not the act's (the act keeps the day told with it, or the report's)."""
        return bool(_SAID_ON.search(self.text, max(0, d.start - 16), d.start))

    def _paragraph_anchor(self, s: Sentence, same_day: bool) -> DateMention:
        """ "Later that day": the last explicit day named before ``s`` in its paragraph, else today.
        "The same day" names a day told before: the last one anywhere before, else the report's."""
        text = self.text
        para = text.rfind("\n", 0, s.start) + 1
        k = bisect.bisect_left(self.date_starts, s.start)
        for d in reversed(self.dates[:k]):
            if d.start < para and not same_day:
                break
            if not d.is_tally and d.precision == 1:
                return d
        if same_day and self.main_date is not None:
            return self.main_date
        p = self.pub
        return DateMention(s.start, s.start, p, p, p, 1, "day")

    # -- main ----------------------------------------------------------------------------
    def run(self) -> list[Draft]:
        for s in self.doc.sentences:
            self._sentence(s)
        if any(d.headline for d in self.drafts):
            self._fold_headlines()
        return self.drafts

    def _fold_headlines(self) -> None:
        """A headline retells the lead: its event joins the body's event of the same family nearby."""
        body = [d for d in self.drafts if not d.headline]
        for h in [d for d in self.drafts if d.headline and not d.absorbed]:
            gh = {_SAME.get(x, x) for x in (group_of(h.actor1), group_of(h.actor2))} - {None, "UNIDENTIFIED"}
            cands = [
                b
                for b in body
                if b.family == h.family
                and not (
                    gh and gh.isdisjoint({_SAME.get(group_of(x), group_of(x)) for x in (b.actor1, b.actor2)})
                )
                and b.background == h.background
                and (not (h.own_date and b.own_date) or (h.dmin <= b.dmax and b.dmin <= h.dmax))
                and self._near(h.place, b.place, 25.0 if b.sub_event_type != h.sub_event_type else 100.0)
            ]
            if not cands:
                continue
            b = min(cands, key=lambda b: (b.sub_event_type != h.sub_event_type, b.place.key != h.place.key))
            if h.group is not b.group:
                b.group.figures.extend(h.group.figures)
                b.group.floor = max(b.group.floor, h.group.floor)
            if h in h.group.members:
                h.group.members.remove(h)
            if (
                group_of(b.actor1) == "UNIDENTIFIED"
                and h.own_actor
                and group_of(h.actor1) != group_of(b.actor2)
            ):
                b.actor1 = h.actor1
            self.drafts.remove(h)

    def _near(self, a: PlaceRef, b: PlaceRef, km: float) -> bool:
        """Same place, or a broad headline place ("ريف دير الزور") that holds the body's, or within ``km``
        (a headline names the city or province the body's village belongs to: "تعزيزات إلى دير الزور")."""
        if a.key == b.key:
            return True
        pa, pb = a.place, b.place
        if a.weak and pa.admin1 and pa.admin1 == pb.admin1 and (not pa.admin2 or pa.admin2 == pb.admin2):
            return True
        alat, alon = pa.lat, pa.lon
        blat, blon = pb.lat, pb.lon
        if pa.kind in ("city", "town") and blat is None:
            # "... in Deir ez-Zor": the body's village is located by a town near it
            blat, blon, _p = pb.point()
        if None in (alat, alon, blat, blon):
            return False
        dy = (alat - blat) * 111.0
        dx = (alon - blon) * 111.0 * 0.8
        return dx * dx + dy * dy <= km * km

    def _sentence(self, s: Sentence) -> None:
        i = s.index
        self.cur_matches = self.sent_matches[i]
        if not any(m.kind == "trigger" for m in self.cur_matches):
            return  # most sentences name no event: skip the cue, actor and place work
        self.cur_cues = [m for m in self.cur_matches if m.kind.startswith("cue:")]
        self.cur_cue_kinds: dict[str, list[Match]] = {}
        for c in self.cur_cues:
            self.cur_cue_kinds.setdefault(c.entry.kind[4:], []).append(c)
        self.cur_actors = self.sent_actors[i]
        self.cur_roles: dict[int, str] = {}
        self.cur_dates = self.sent_dates[i]
        self.cur_places = self.sent_places[i]
        self._place_cache: dict[tuple[int, int, str], list[PlaceRef]] = {}
        triggers = find_triggers(self.cur_matches, s, self.cur_cues, self.cur_dates)
        if triggers and self.quotes:
            triggers = [t for t in triggers if not self._in_speech(t)]
        if not triggers:
            return
        if self.cur_cue_kinds.get("downing"):
            triggers = self._downed(s, triggers)
        if self.cur_cue_kinds.get("prior"):
            triggers = self._prior(s, triggers)
        counted = self._counted_segments(s)
        if counted:
            triggers = [t for t in triggers if s.segment_of(t.start) not in counted]
            if not triggers:
                return
        tallies = [s.segment_of(c.start) for c in self.cur_cues if c.kind == "cue:tally"] + [
            s.segment_of(d.start) for d in self.cur_dates if d.is_tally
        ]
        # "احتجاجاً على مقتل شاب": a death named as the cause of a protest is another event's
        tallies += [(c.start, s.segment_of(c.start)[1]) for c in self.cur_cue_kinds.get("cause", ())]
        figures = find_figures(self.text, self.cur_matches, s.start, s.end, tallies)
        if (
            self.last_group is not None
            and all(t.policy == "killing" for t in triggers)
            and self.cur_cue_kinds.get("speech")
            and self._same_time(self.last_group)
        ):
            # "وتحدث ناشطون عن مقتل شابين، بينما أكد مصدر طبي وصول جثة": a source's toll for the act told before
            triggers = [dataclasses.replace(t, anaphor=True) for t in triggers]
        triggers = self._killings(triggers)
        full = [t for t in triggers if not t.anaphor]
        if not full and self.last_group is None and not s.headline:
            # nothing told before for "القصف" to refer back to: it is the event itself (violence only)
            full = [
                p
                for p in (promote(t) for t in triggers if t.anaphor)
                if p is not None and _family(p.event_type) == "violence"
            ]
        if any(_family(t.event_type) == "demonstration" for t in full):
            full = [t for t in full if not (_family(t.event_type) == "violence" and t.strength <= 2)]
        if self.cur_cue_kinds.get("seize"):
            full = self._seized(s, full)
        # what is defused or seized is not itself an attack ("فككت ... عبوة ناسفة")
        disrupt = [t for t in full if t.sub_event_type == "Disrupted weapons use"]
        full = [
            t
            for t in full
            if not (
                _family(t.event_type) == "violence"
                and any(
                    0 <= t.start - d.end <= 60
                    or (0 <= t.start - d.end <= 160 and not self._clause_break(d.end, t.start))
                    for d in disrupt
                )
            )
        ]
        full = self._one_act(s, full)
        # what an attack hits, or people turn back, is not a deployment ("استهدفت مسيرة رتلاً عسكرياً",
        # "struck a convoy", "اعترض أهالي البلدة اليوم رتلاً")
        hits = [t for t in full if _family(t.event_type) == "violence"]
        kinds = self.cur_cue_kinds
        turned = [*kinds.get("intercept", ()), *kinds.get("downing", ())]  # اعترض* is a downing cue too
        if turned:
            full = [
                t
                for t in full
                if not (
                    t.sub_event_type == "Change to group/activity"
                    and t.strength <= 2
                    and any(
                        c.end <= t.start and s.segment_of(c.start) == s.segment_of(t.start) for c in turned
                    )
                )
            ]
        full = [
            t
            for t in full
            if not (
                (
                    (t.sub_event_type == "Change to group/activity" and t.strength <= 2)
                    or (t.sub_event_type == "Disrupted weapons use" and _STORE.search(t.key))
                )
                and any(h.end <= t.start and _same_seg(s, h, t) for h in hits)
            )
        ]
        if not full:
            anaphors = [t for t in triggers if t.anaphor]
            if not anaphors or self.last_group is None:
                return
            renewed = self.cur_cue_kinds.get("renewal", ())
            fresh = [t for t in anaphors if any(0 <= t.start - c.end <= 20 for c in renewed)]
            if not fresh:
                if self._same_time(self.last_group):
                    self.last_group.figures.extend(f.value for f in figures)
                    self._relocate(s)
                    claimant = self._claimant([a for a in self.cur_actors if self._role(a) == "agent"])
                    for m in self.last_group.members if claimant is not None else ():
                        if group_of(m.actor1) == "UNIDENTIFIED" and claimant.group != group_of(m.actor2):
                            m.actor1, m.own_actor = claimant.name, True
                return
            # "وتجددت الاشتباكات صباح اليوم"، "the clashes resumed": the same kind of act again is another event
            full = [p for p in (promote(t) for t in fresh) if p is not None and p.event_type != "*"]
            if not full:
                return
        self.cur_full = full
        self.cur_full_fams = [(o, _family(o.event_type)) for o in full]  # what _zone reads per trigger
        clusters = self._clusters(s, full)
        first_group = None
        for cluster in clusters:
            g = self._emit(s, cluster, figures if first_group is None else [])
            first_group = first_group or g

    def _seized(self, s: Sentence, full: list[Trigger]) -> list[Trigger]:
        """A weapon named right after a seizing word ("ضبطت بحوزتهما ثلاث عبوات"، "seized IEDs") was
        taken, not used: it is dropped beside another event word, else it is a disrupted weapons use."""
        text = self.text
        seized = [
            t
            for t in full
            if t.event_type == "Explosions/Remote violence"
            and any(
                0 <= t.start - c.end <= 40 and not any(ch in text[c.end : t.start] for ch in ",.،\n")
                for c in self.cur_cue_kinds["seize"]
            )
        ]
        if not seized:
            return full
        rest = [t for t in full if t not in seized]
        if rest:
            return rest
        t = seized[0]
        return [
            dataclasses.replace(
                t,
                event_type="Strategic developments",
                sub_event_type="Disrupted weapons use",
                strength=3,
                policy="solo",
                anaphor=False,
            )
        ]

    def _one_act(self, s: Sentence, full: list[Trigger]) -> list[Trigger]:
        """One act told with its circumstances is one event: an event word in a supporting phrase
        ("بمساندة طيران التحالف"، "backed by coalition aircraft"، "amid shelling") is not a second
        event; rioters' storming or burning is not also a strategic development; a takeover is one
        territorial event, not also a handover. Gunfire in a sentence about protesters is force used on
        the protest ("أطلقوا النار ... باتجاه المتظاهرين")."""
        protesters = [a.start for a in self.cur_actors if a.group == "PROTESTERS"]
        if protesters and any(t.policy == "shooting" for t in full):
            # the protesters named after the gunfire are its target (not "protesters burn ... after a shooting")
            at_protest = [
                t for t in full if t.policy == "shooting" and any(0 < p - t.end <= 80 for p in protesters)
            ]
            full = [
                dataclasses.replace(
                    t,
                    event_type="Protests",
                    sub_event_type="Excessive force against protesters",
                    policy="protest",
                    strength=3,
                )
                if t in at_protest
                else t
                for t in full
            ]
        if len(full) < 2:
            return full
        helpers = self.cur_cue_kinds.get("support", []) + self.cur_cue_kinds.get("amid", [])
        text = self.text
        out = [
            t
            for t in full
            if not any(
                0 <= t.start - c.end <= 30 and not any(ch in text[c.end : t.start] for ch in ",.،\n")
                for c in helpers
            )
        ]
        out = out or full
        riots = [t for t in out if t.event_type == "Riots" or t.policy == "riot"]
        if riots:
            out = [
                t
                for t in out
                if not (
                    t.event_type == "Strategic developments"
                    and any(
                        not self._clause_break(min(r.start, t.start), max(r.start, t.start)) for r in riots
                    )
                )
            ] or out
        land = [t for t in out if t.sub_event_type in _TERRITORY]
        loot = [t for t in out if t.sub_event_type == "Looting/property destruction"]
        if land and loot:
            # "أقدموا على الاستيلاء على مستودع": seizing property is looting, not taking ground
            out = [t for t in out if t.sub_event_type not in _TERRITORY]
            land = []
        if len({t.sub_event_type for t in land}) > 1:
            keep = max(land, key=lambda t: (t.strength, -t.start))
            out = [t for t in out if t.sub_event_type not in _TERRITORY or t is keep]
        if any(t.sub_event_type in _FORCE_ON_PROTEST for t in out):
            # "فرّقت الأسايش مظاهرة ... واعتقلت سبعة من المشاركين": arrests at a protest are part of it
            out = [t for t in out if t.sub_event_type != "Arrests"] or out
        held = [t for t in out if t.sub_event_type in _DETENTION]
        if len({t.sub_event_type for t in held}) > 1:
            # "اختطفت خمسة شبان واقتادتهم إلى جهة مجهولة": taking people is one act, told with two verbs
            # the explicit "abducted" names the act better than the raid or the taking away around it
            keep = max(held, key=lambda t: (t.strength, t.sub_event_type != "Arrests", -t.start))
            out = [
                t
                for t in out
                if t.sub_event_type == keep.sub_event_type
                or t.sub_event_type not in _DETENTION
                # "اعتقلت قسد ثلاثة شبان، فيما خطف مسلحون آخر": another clause, another act
                or self._clause_break(min(t.start, keep.start), max(t.start, keep.start))
            ]
        return out

    def _in_speech(self, t: Trigger) -> bool:
        """A trigger inside someone's quoted words ("«تعبنا من الاعتقالات»"، told Rudaw) is not narration,
        unless the quotation itself dates a happening ("«قصفوا قريتنا أمس»")."""
        # quotations are disjoint and in order: the only one that can hold the trigger is the last opening at or before it
        j = bisect.bisect_right(self.quote_starts, t.start) - 1
        if j < 0:
            return False
        qs, qe = self.quotes[j]
        if t.start >= qe:
            return False
        if not _any_near(self.speech_starts, qs, qe):
            return False
        dates = self.dates
        for i in range(bisect.bisect_left(self.date_starts, qs), len(dates)):
            d = dates[i]
            if d.start >= qe:
                break
            if not d.is_tally:
                return False
        # a source or statement quoting a concrete happening names where ("إن «قوات النظام استقدمت
        # دبابات إلى حي زنود»"); a protester's or resident's words are feelings and grievances
        k = bisect.bisect_left(self.place_starts, qs)
        placed = k < len(self.place_starts) and self.place_starts[k] < qe
        return _any_near(self.witness_starts, qs, qe) or not placed

    def _downed(self, s: Sentence, triggers: list[Trigger]) -> list[Trigger]:
        """A drone after a downing verb ("أسقطت قسد طائرة مسيرة"، "shot down a drone") was disrupted, not a strike."""
        downs = self.cur_cue_kinds["downing"]
        out: list[Trigger] = []
        for t in triggers:
            c = next(
                (c for c in downs if t.sub_event_type == "Air/drone strike" and 0 <= t.start - c.end <= 60),
                None,
            )
            if c is not None and _same_seg(s, t, t) and s.segment_of(c.start) == s.segment_of(t.start):
                t = dataclasses.replace(
                    t,
                    start=c.start,
                    end=c.end,  # the downing verb is the act: its agent is actor1, not the drone's owner
                    event_type="Strategic developments",
                    sub_event_type="Disrupted weapons use",
                    strength=3,
                    policy="solo",
                    anaphor=False,
                )
            out.append(t)
        return out

    def _prior(self, s: Sentence, triggers: list[Trigger]) -> list[Trigger]:
        """ "بعد ساعات من استهداف القاعدة"، "a day after deadly clashes": an act named as what came before
        is told for its time, like a back-reference: it is an event only when nothing else is. Told with
        a day of its own ("بعد ساعات من إلقاء مجهولين قنبلة ... ليل أمس") it is an event of that day."""
        dates = [d for d in self.cur_dates if not d.is_tally]
        cues = [c for c in self.cur_cue_kinds["prior"] if not any(d.start >= c.end for d in dates)]
        out: list[Trigger] = []
        for t in triggers:
            seg = s.segment_of(t.start)
            if not t.anaphor and any(c.end <= t.start and seg[0] <= c.start for c in cues):
                t = dataclasses.replace(t, anaphor=True)
            out.append(t)
        return out

    @staticmethod
    def _killings(triggers: list[Trigger]) -> list[Trigger]:
        """A bare killing verb ("قتل مسلحون شخصاً") is an attack only when no other event word is there."""
        kills = [t for t in triggers if t.policy == "killing"]
        if not kills:
            return triggers
        rest = [t for t in triggers if t.policy != "killing"]
        if rest:
            return rest
        return [dataclasses.replace(t, policy="shooting") for t in kills[:1]]

    def _carry_actors(
        self, s: Sentence, policy: str, a1: str, a2: str | None, own: bool
    ) -> tuple[str, str | None, bool]:
        """The attacker of the sentence before carries over ("طائرة مسيرة تركية ... . وقُتل ... بقصف ...");
        a reply ("ردّت قسد بقصف ...") targets the side that acted before."""
        prev = self.drafts[-1] if self.drafts else None
        if prev is None or prev.sentence != s.index - 1 or not prev.own_actor or s.headline:
            return a1, a2, own
        if policy not in ("armed", "shooting", "civilian_victim", "arrest"):
            return a1, a2, own
        if not own and prev.actor1 != UNIDENTIFIED and (prev.family == "violence" or policy == "arrest"):
            carried2 = a2 if a2 is not None and group_of(a2) != group_of(prev.actor1) else prev.actor2
            return prev.actor1, carried2 if policy != "arrest" else a2, False  # a body's own actor still wins
        if (
            own
            and a2 is None
            and self.cur_cue_kinds.get("reply")
            and prev.family == "violence"
            and group_of(prev.actor1) != group_of(a1)
            and prev.actor1 != UNIDENTIFIED
        ):
            return a1, prev.actor1, own
        return a1, a2, own

    def _same_time(self, g: Group) -> bool:
        """The sentence's own date (if any) falls in the window of the event ``g`` it refers back to."""
        ds = [d for d in self.cur_dates if not d.is_tally]
        if not ds or not g.members:
            return True
        m = g.members[0]
        return any(d.dmin <= m.dmax and m.dmin <= d.dmax for d in ds)

    def _counted_segments(self, s: Sentence) -> set[tuple[int, int]]:
        """Segments that count attacks or incidents ("وثّقت 15 هجوماً", "dozens of attacks"): tallies."""
        out: set[tuple[int, int]] = set()
        text = self.text
        nums = {m.end: m for m in self.cur_matches if m.kind == "number"}
        for c in self.cur_cue_kinds.get("count", ()):
            before = text[max(s.start, c.start - 16) : c.start]
            if _QUANTITY_BEFORE.search(before) or any(
                int(n.entry.get("value") or 0) >= 3 for e, n in nums.items() if 0 <= c.start - e <= 1
            ):
                out.add(s.segment_of(c.start))
        return out

    def _protest_context(self) -> bool:
        """Protesters in this sentence or a protest told before: a riot is a violent demonstration."""
        if any(a.group == "PROTESTERS" for a in self.cur_actors):
            return True
        if any(m.kind == "trigger" and m.entry.get("policy") == "protest" for m in self.cur_matches):
            return True
        return any(d.event_type == "Protests" for d in self.drafts)

    def _clause_break(self, lo: int, hi: int) -> bool:
        """A clause-linking word ("فيما"، "في حين") between two positions of the sentence."""
        return any(lo <= c.start < hi for c in self.cur_cue_kinds.get("clause_break", ()))

    def _relocate(self, s: Sentence) -> None:
        """A back-reference that names a precise place refines a vaguely placed event ("العبوة ... قرب العريشة")."""
        g = self.last_group
        live = list(g.members) if g else []
        if len(live) != 1:
            return
        d = live[0]
        vague = (
            d.place.weak or d.place.inherited or (d.place.mention is not None and d.place.mention.qualifier)
        )
        if not vague:
            return
        refs = [
            r
            for r in self._places_in(s.start, s.end, "armed")
            if not r.weak and (r.idx < 0 or self._place_role(r.idx)[0] == "at")
        ]  # "... النزوح من عين عيسى باتجاه الرقة": where people fled from or to is not where it happened
        if refs and refs[0].key != d.place.key:
            d.place = refs[0]

    def _zone(self, s: Sentence, t: Trigger) -> tuple[int, int]:
        """The trigger's segment, cut at triggers of another family ("احتجاجات في X وتعزيزات في Y")."""
        lo, hi = s.segment_of(t.start)
        fam = _family(t.event_type)
        seg_lo = lo
        for o, ofam in self.cur_full_fams:
            if ofam == fam:
                continue
            if t.end <= o.start < hi:
                hi = o.start
            elif seg_lo <= o.end <= t.start:
                lo = max(lo, t.start)  # what follows the other trigger is its own
        return lo, hi

    def _clusters(self, s: Sentence, trigs: list[Trigger]) -> list[list[Trigger]]:
        by_family: dict[str, list[list[Trigger]]] = {}
        for t in trigs:
            fam = _family(t.event_type)
            seg = self._zone(s, t)
            # a destination ("إلى سجن في X") does not make a second event of the same family
            keys = {
                r.key
                for r in self._places_in(seg[0], seg[1], t.policy)
                if r.idx < 0 or self._place_role(r.idx)[0] != "to"
            }
            placed = by_family.setdefault(fam, [])
            for c in placed:
                ckeys = c[0]
                if not keys or not ckeys or keys & ckeys:
                    c[1].append(t)
                    c[0].update(keys)
                    break
            else:
                placed.append((set(keys), [t]))
        out = [c[1] for cs in by_family.values() for c in cs]
        out.sort(key=lambda c: c[0].start)
        return out

    def _emit(self, s: Sentence, cluster: list[Trigger], figures) -> Group | None:
        anchor = max(cluster, key=lambda t: (t.strength, _SPECIFIC.get(t.event_type, 0), -t.start))
        policy = anchor.policy
        refs: list[PlaceRef] = []
        for t in cluster:
            seg = self._zone(s, t)
            for r in self._places_in(seg[0], seg[1], t.policy):
                if r.key not in {x.key for x in refs}:
                    refs.append(r)
        if not refs or all(_institution(r) for r in refs):
            # nothing (or only "مجلس X العسكري") in the clause: the sentence's places
            seen = {r.key for r in refs}
            whole = [r for r in self._places_in(s.start, s.end, policy) if r.key not in seen]
            if len(whole) > 1 and not refs:
                whole = self._nearest_segment_places(s, anchor, policy) or whole
            refs = refs + whole
        elif all(r.weak for r in refs):
            # only a countryside or region in the clause: a town named elsewhere in the sentence,
            # in a clause no other event word holds ("في ريف دير الزور، في بلدة الكسرة"), is the place
            refs = refs + [r for r in self._free_places(s, cluster) if r.key not in {x.key for x in refs}]
        if not refs and self._generic(s, anchor):
            return None
        if refs and any(not r.weak for r in refs):
            refs = [r for r in refs if not r.weak]
        if len(refs) > 1 and any(r.idx >= 0 and self._place_role(r.idx)[0] == "at" for r in refs):
            # where people were taken ("اقتادتهم إلى سجن في X") is not where it happened
            refs = [r for r in refs if r.idx < 0 or self._place_role(r.idx)[0] != "to"]
        if (
            refs
            and policy == "arrest"
            and all(
                r.idx >= 0 and self._place_role(r.idx)[0] == "to" and r.place.kind in _HOLDING_KINDS
                for r in refs
            )
        ):
            # "قبل أن يقتادوا المعتقلين إلى قاعدة حقل العمر": the base or prison people were taken to is
            # not where they were seized; the town told of ("من البلدة") or named before is (a campaign
            # that "extends to" a town happens in that town)
            here = self._anaphoric_place(s) or self._inherit(s.start)
            if here is not None and not here.weak:
                refs = [here]
        if refs and policy not in ("arrest", "other", "solo", "displacement"):
            moved = [r for r in refs if r.idx >= 0 and self._place_role(r.idx)[0] != "at"]
            if len(moved) == len(refs):
                # only where someone was taken to or came from: "the town" named before is where it happened
                here = self._anaphoric_place(s)
                if here is None and all(self._place_role(r.idx)[0] == "from" for r in moved):
                    # "struck a convoy carrying residents from Kobani and Raqqa to a sit-in at the dam":
                    # where the people came from is not where they were hit; where they were going is nearer
                    keys = {r.key for r in refs}
                    ahead = [
                        r
                        for r in self._places_in(s.start, s.end, "other")
                        if r.key not in keys
                        and not r.weak
                        and r.idx >= 0
                        and self._place_role(r.idx)[0] != "from"
                    ]
                    here = ahead[0] if ahead else None
                refs = [here] if here is not None else refs
        date, own_date = self._date(s, anchor)
        if refs and own_date and all(r.weak and r.precision >= 3 and not _town_countryside(r) for r in refs):
            # a strong act with a day of its own is still an event of that province (geo_precision 3, as ACLED
            # codes "a strike somewhere in Deir ez-Zor"); a weak word or a reported remark is not
            a, b = self.doc.span(s.start, s.end)
            if anchor.strength < 3 or self.cur_cue_kinds.get("speech"):
                self.messages.append(f"Only a broad region for an event in: {self.doc.original[a:b][:80]}")
                return None
            self.messages.append(f"Placed at province level (no town named): {self.doc.original[a:b][:80]}")
        local = _institution_town(refs)
        if local is not None:
            refs = [local]
        if not refs or all(r.weak and (r.precision >= 3 or _institution(r)) for r in refs):
            inh = self._anaphoric_place(s)
            if inh is None and not (s.headline and not refs):
                inh = self._inherit(s.start)
            if inh is not None and not inh.weak:
                refs = [inh]
        if not refs:
            if not s.headline:
                a, b = self.doc.span(s.start, s.end)
                self.messages.append(f"No place found for an event in: {self.doc.original[a:b][:80]}")
            return None
        if s.headline and all(r.inherited for r in refs):
            return None
        if (
            anchor.strength <= 2
            and not own_date
            and all(r.inherited for r in refs)
            and self.last_group
            and any(m.family == _family(anchor.event_type) for m in self.last_group.members)
        ):
            # a general verb with no place or day of its own retells the last event ("أطلقت الطائرة صاروخين")
            self.last_group.figures.extend(figures_values(figures))
            return self.last_group
        if date is not None:
            best, dmin, dmax, prec = date.best, date.dmin, date.dmax, date.precision
        else:
            best, dmin, dmax, prec = self.pub, self.pub - dt.timedelta(days=1), self.pub, 1
        background = dmax < self.pub - dt.timedelta(days=BACKGROUND_DAYS)
        if not background and any(c.kind == "cue:background" for c in self.cur_cues):
            background = not own_date or dmax < self.pub - dt.timedelta(days=7)
        a1, a2, assoc, own_actor = self._actors(s, cluster, anchor)
        a1, a2, own_actor = self._carry_actors(s, policy, a1, a2, own_actor)
        etype, sub = anchor.event_type, anchor.sub_event_type
        if a1 == CIVILIANS and policy not in ("protest", "riot", "displacement", "solo", "other"):
            a1, a2, own_actor = (
                UNIDENTIFIED,
                a2 or CIVILIANS,
                False,
            )  # civilians named at an attack are its victims
        if not own_actor and a1 == UNIDENTIFIED and sub in _STRIKES:
            # "another airstrike hit ..."، "قصف مماثل": a strike with no striker named is one more of the
            # strikes the report already attributed (a coder reads the report, not the sentence)
            prev = next((d for d in reversed(self.drafts) if d.sub_event_type == sub and d.own_actor), None)
            if prev is not None and group_of(prev.actor1) not in _NOT_ARMED and prev.actor1 != a2:
                a1 = prev.actor1
        if a2 is None and etype == "Explosions/Remote violence" and self.cur_cue_kinds.get("civilian"):
            a2 = CIVILIANS  # a child, a shepherd, "سيارة مدنية" hurt by a strike or a mine: civilian victims
        if (
            sub == "Looting/property destruction"
            and a2 is None
            and own_actor
            and group_of(a1) not in _NOT_ARMED
        ):
            a2 = CIVILIANS  # armed men who loot or burn property take it from civilians
        if sub == "Arrests" and any(f.value > 0 for f in figures) and group_of(a2) not in _NOT_ARMED | {None}:
            # "killed five ISIS members in a raid": a raid that kills fighters is a clash, not an arrest
            etype, sub = "Battles", "Armed clash"
        if sub == "Arrests" and own_actor and group_of(a1) == "UNIDENTIFIED":
            # unknown gunmen who "detain" someone abduct them: arrests are made by an authority
            etype, sub, a2 = "Violence against civilians", "Abduction/forced disappearance", CIVILIANS
        if sub == "Non-state actor overtakes territory" and group_of(a1) in ("SYGOV", "SYGOV2"):
            sub = "Government regains territory"
        if etype == "Riots" and group_of(a2) == "UNIDENTIFIED" and not self._protest_context():
            # "أضرم مجهولون النار في حقول قمح": unknown people burning property with no protest about
            etype, sub, a1, a2 = "Strategic developments", "Looting/property destruction", a2, CIVILIANS
        if policy == "shooting" and anchor.event_type == "Battles" and a2 in (None, CIVILIANS):
            # gunfire at people with no armed side named: an attack on civilians
            etype, sub, a2 = "Violence against civilians", "Attack", CIVILIANS
        if sub == "Mob violence" and self._protest_context():
            sub = "Violent demonstration"  # protesters who burn or smash: a demonstration turned violent
        if sub == "Protest with intervention" and any(f.value > 0 for f in figures):
            sub = "Excessive force against protesters"  # protesters killed by those who dispersed them
        etype = SUB_TO_TYPE.get(sub, etype)
        group = Group(figures=[f.value for f in figures], floor=max(t.min_fatalities for t in cluster))
        home: Group | None = None
        for r in refs:
            d = Draft(
                etype,
                sub,
                _family(etype),
                anchor.strength,
                a1,
                a2,
                assoc,
                r,
                date,
                best,
                dmin,
                dmax,
                prec,
                background,
                (s.start, s.end),
                group,
                own_actor,
                own_date,
                s.index,
                s.headline,
            )
            o = self._merge(d)
            if o is None:
                self.drafts.append(d)
                group.members.append(d)
                home = home or group
            elif o.group is not group and len(o.group.members) <= 1:
                # a single earlier event joins this cluster's group (a headline told once)
                group.figures.extend(o.group.figures)
                group.floor = max(group.floor, o.group.floor)
                o.group.members.clear()
                o.group = group
                group.members.append(o)
                home = home or group
            elif o.group is not group:
                home = home or o.group
        if home is not None and home is not group:
            home.figures.extend(group.figures)
            home.floor = max(home.floor, group.floor)
        self.last_group = home or self.last_group
        return home

    def _merge(self, d: Draft) -> Draft | None:
        for o in self.drafts[-MERGE_WINDOW:]:
            if o.family != d.family or o.background != d.background:
                continue
            if o.sub_event_type != d.sub_event_type and _APART & {o.sub_event_type, d.sub_event_type}:
                continue  # an abduction is never the same happening as a blast or a clash told nearby
            same_place = o.place.key == d.place.key
            same_day = (
                o.best == d.best
                or not d.own_date
                or (not o.own_date and (o.headline or o.dmin <= d.best <= o.dmax))
            )
            d_vague = d.place.weak
            o_vague = o.place.weak
            near_day = not d.own_date or not o.own_date or o.dmin <= d.best <= o.dmax
            weak_join = (d_vague or o_vague) and o.sub_event_type == d.sub_event_type and near_day
            if not ((same_place and same_day) or weak_join):
                continue
            g1 = {_SAME.get(x, x) for x in (group_of(o.actor1), group_of(o.actor2))} - {None, "UNIDENTIFIED"}
            g2 = {_SAME.get(x, x) for x in (group_of(d.actor1), group_of(d.actor2))} - {None, "UNIDENTIFIED"}
            if g1 and g2 and not (g1 & g2):
                continue
            if (group_of(o.actor1) == "CIVILIANS") != (group_of(d.actor1) == "CIVILIANS"):
                continue
            if d.strength > o.strength:
                o.event_type, o.sub_event_type, o.strength = d.event_type, d.sub_event_type, d.strength
                if d.own_actor or not o.own_actor:
                    o.actor1, o.actor2 = d.actor1, d.actor2
            elif not o.own_actor and d.own_actor:
                o.actor1, o.actor2 = d.actor1, d.actor2
            elif (
                group_of(o.actor1) == "UNIDENTIFIED" and d.own_actor and group_of(d.actor1) != "UNIDENTIFIED"
            ):
                o.actor1 = d.actor1  # a named perpetrator ("الفرقة الرابعة") wins over "unidentified"
            if o.actor2 is None and d.actor2 is not None and d.actor2 != o.actor1:
                o.actor2 = d.actor2
            if not o.own_date and d.own_date:
                o.best, o.dmin, o.dmax, o.precision, o.own_date = d.best, d.dmin, d.dmax, d.precision, True
            if (o.place.weak or o.place.inherited) and not (d.place.weak or d.place.inherited):
                o.place = d.place
            o.absorbed = True
            return o
        return None


def finish(drafts: list[Draft], doc: Document, source: str | None) -> list[Event]:
    """Drafts to Event records: fatalities split by group, notes, ACLED columns, confidence."""
    events: list[Event] = []
    done: set[int] = set()
    live = {id(x) for x in drafts}
    for d in drafts:
        g = d.group
        if id(g) not in done:
            done.add(id(g))
            members = [m for m in g.members if id(m) in live]
            total = min(g.figures) if g.figures else 0
            total = max(total, g.floor) if not (g.figures and min(g.figures) == 0 and g.floor == 0) else total
            for i, m in enumerate(members):
                m.__dict__["fatalities"] = total if i == 0 else 0
                m.__dict__["split"] = (total, len(members)) if len(members) > 1 and total else None
        fat = d.__dict__.get("fatalities", 0)
        s, e = doc.span(*d.evidence)
        place = d.place.place
        pm = d.place.mention
        lat, lon = (
            (pm.lat, pm.lon) if pm is not None and d.place.place is pm.place else (place.lat, place.lon)
        )
        if lat is None or lon is None:
            lat, lon = place.point()[0], place.point()[1]
        conf = 0.45 + 0.1 * (d.strength - 1)
        conf += 0.1 if d.own_actor else 0
        conf += 0.1 if not d.place.inherited else -0.05
        conf += 0.05 if d.own_date else 0
        conf -= 0.15 if d.place.weak else 0
        ev = Event(
            event_date=d.best.isoformat(),
            time_precision=d.precision,
            event_type=d.event_type,
            sub_event_type=d.sub_event_type,
            actor1=d.actor1,
            location=place.name_en,
            latitude=float(lat),
            longitude=float(lon),
            geo_precision=int(d.place.precision if d.place.precision in (1, 2, 3) else 2),
            fatalities=int(fat),
            evidence=Evidence(s, e, doc.original[s:e]),
            date_min=d.dmin.isoformat(),
            date_max=d.dmax.isoformat(),
            assoc_actor_1=d.assoc1 if d.assoc1 != d.actor2 else None,
            actor2=d.actor2,
            location_ar=place.name_ar or None,
            admin1=place.admin1 or None,
            admin2=place.admin2 or None,
            admin3=place.admin3 or None,
            background=d.background,
            confidence=round(min(1.0, max(0.05, conf)), 2),
            source=source,
            place_id=place.id,
        )
        acled.derive(ev)
        ev.notes = notes.note(ev, d.__dict__.get("split"))
        events.append(ev)
    return events
