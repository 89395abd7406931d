"""Stage ``report``: the indexed document every later stage reads, and a per-sentence view of it.

``Report`` holds what is fixed for the whole text: places with their folded offsets, cues, actors and dates
bucketed by sentence, quotations, the report's main date, and the places that name no event's location
(the outlet's, a dateline's: the stage's rules). ``SentenceView`` is one sentence's slice of
it (matches, cues by kind, actors, dates, places, figures): what the old assembler kept in nine ``cur_*``
fields. Both carry memo tables for pure look-ups (a place's role, its reference); nothing else changes
after they are made.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from operator import attrgetter
from typing import NamedTuple

from ..actors import resolve as resolve_actors
from ..dates import DateMention, find_dates
from ..document import Document, Sentence
from ..fatalities import find_figures
from ..lexicon import Match, read_table
from ..normalise import fold
from ..places.outlets import desk_before, outlet_words
from ..taxonomy import FAMILY
from .captions import file_photo_spans, inside
from .datelines import dateline_spans
from .rules import chain, rule
from .tables import Reach

QUOTES = re.compile(r"[\"'«»()\[\]]")  # quote marks and brackets read as spaces between words


def _event_words() -> tuple[frozenset[str], dict[str, tuple[str, ...]], dict[str, list[str]]]:
    """Place nouns after a role word, anaphoric place nouns and the word lists of the place-role and date
    patterns (``data/event_words.csv``; its outlet words are ``places.outlets.outlet_words``)."""
    nouns: set[str] = set()
    anaphoric: dict[str, tuple[str, ...]] = {}
    lists: dict[str, list[str]] = {}
    for row in read_table("event_words.csv"):
        word, role = fold(row["word"]), row["role"]
        if role == "place_noun":
            nouns.add(word)
        elif role == "outlet":
            continue  # places.outlets.outlet_words
        elif role == "anaphoric_place":
            anaphoric[word] = tuple(row["value"].split("|"))
        else:
            # "told" takes its object before the day ("told Rudaw on Monday")
            lists.setdefault(role, []).append(re.escape(word) + (r" \w+" if row["value"] == "object" else ""))
    return frozenset(nouns), anaphoric, lists


# words between "من"/"باتجاه" and the place it governs; words naming an outlet; "في المدينة" kinds; word lists
PLACE_NOUNS, ANAPHORIC_PLACE, WORD_LISTS = _event_words()
OUTLET_WORDS = outlet_words()
_OUTLET_ANY = re.compile("|".join(map(re.escape, sorted(OUTLET_WORDS))))  # any outlet word, even inside one


def words(role: str) -> str:
    """The ``event_words.csv`` words of ``role`` as a regular-expression alternation."""
    return "|".join(WORD_LISTS[role])


_START = attrgetter("start")


class Excluded(NamedTuple):
    """Places (indices) that name no event's location: the outlet's, a dateline's (when others are named)."""

    outlets: frozenset[int] = frozenset()
    datelines: frozenset[int] = frozenset()


def family(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


def quotations(text: str) -> list[tuple[int, int]]:
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


def _within(items: list, keys: list[int], s: Sentence) -> list:
    """The items (sorted by position ``keys``) that sentence ``s`` holds: two bisects."""
    lo = bisect.bisect_left
    return items[lo(keys, s.start) : lo(keys, s.end)]


def _lead_end(sentences: list[Sentence]) -> int:
    """Where the headline lines and the first two sentences of the body end."""
    body = [s for s in sentences if not s.headline][:2]
    return body[-1].end if body else (sentences[-1].end if sentences else 0)


def _main_date(dates: list[DateMention], pub: dt.date, lead_end: int) -> DateMention | None:
    """The report's day: the first precise (or "over the weekend"), recent, non-tally date among its first six,
    told in the headline lines and the body's first two sentences; a day told later is another act's ("كما رصد
    المرصد، أمس، استقدام تعزيزات"), a day still to come a plan's ("الاستفتاء المقرر في 25 أيلول الجاري")."""
    for d in dates[:6]:
        if d.start >= lead_end:
            break
        if (
            not d.is_reference
            and pub - dt.timedelta(days=7) <= d.dmax
            and d.dmin <= pub
            and (d.precision == 1 or d.kind == "weekend")
        ):
            return d
    return None


class Report:
    """The document as assembly reads it (folded offsets throughout), with the run's rule plan and tracer."""

    def __init__(
        self, doc: Document, published: dt.date, places: list, gazetteer, source: str | None, plan, tracer
    ):
        self.doc = doc
        self.text = doc.text  # the folded text, read on every cue and role test (no property call)
        self.pub = published
        self.gaz = gazetteer
        self.source = source
        self.plan = plan
        self.tracer = tracer
        self.places = sorted(places, key=lambda p: p.start)
        idx = doc.norm.index
        self.place_pos = [
            (bisect.bisect_left(idx, p.start), bisect.bisect_left(idx, p.end)) for p in self.places
        ]
        self.place_starts = [p[0] for p in self.place_pos]
        self.located = [p.lat is not None for p in self.places]  # has a point (read per clause)
        self.cues = [m for m in doc.matches if m.kind.startswith("cue:")]
        self.actors = resolve_actors(doc.matches, published, doc.text)
        self.month_before = published - dt.timedelta(days=30)  # an act that ended before it is background
        dates = find_dates(doc.text, published, doc.anchors)
        self.captions = file_photo_spans(doc.sentences, self.cues, dates, self.month_before)
        self.dates = [d for d in dates if not inside(d.start, self.captions)]
        self.date_starts = [d.start for d in self.dates]  # in order: find_dates reads left to right
        # start positions, so a sentence's matches, actors, dates and places are two bisects each (read only
        # for the few sentences with an event word)
        self.match_starts = list(map(_START, doc.matches))
        self.trigger_starts = [m.start for m in doc.matches if m.kind == "trigger"]
        # where the words of a violent act start (not of a meeting, an arrest or another development)
        self.violence_starts = [
            m.start
            for m in doc.matches
            if m.kind == "trigger" and family(m.entry.row.get("event_type", "")) == "violence"
        ]
        self.actor_starts = list(map(_START, self.actors))
        self.main_date = _main_date(self.dates, published, _lead_end(doc.sentences))
        self.week_before = published - dt.timedelta(days=7)
        self.quotes = quotations(doc.text)
        # sorted start lists so a quotation's neighbourhood is a binary search, not a scan
        self.quote_starts = [q[0] for q in self.quotes]
        self.speech_starts = sorted(c.start for c in self.cues if c.kind == "cue:speech")
        self.witness_starts = sorted(c.start for c in self.cues if c.kind == "cue:witness")
        if tracer is not None:
            tracer.rep = self  # the report stage's steps name places
        ex = chain(plan.report, self, Excluded(), tracer)
        self.outlets, self.datelines = ex.outlets, ex.datelines
        # memo tables of pure look-ups (see place_refs)
        self.ref_cache: dict[tuple[int, bool], object] = {}
        self.role_cache: dict[int, tuple[str, bool]] = {}
        self.first_of_kind: dict[tuple[str, ...], object] = {}
        self.first_strong: object = False  # not looked for yet

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.doc.span(start, end)

    def original(self, start: int, end: int) -> str:
        """The report's own words for a folded span."""
        a, b = self.doc.span(start, end)
        return self.doc.original[a:b]


# -- the stage's rules: places that name no event's location -------------------------------------------
@rule("report")
def outlet_or_desk_names_no_place(rep: Report, ex: Excluded) -> Excluded:
    """Places that name the outlet or the reporter's desk ("مراسل «دير الزور 24»") are not the event's.

    Also a place after "in"/"of" that follows an outlet word ("مراسل عنب بلدي في دير الزور", "the
    Autonomous Administration of North and East Syria"), and any place inside the source's own name.
    """
    text = rep.text
    spans: list[tuple[int, int]] = []
    source = rep.source
    if source and source.strip():
        key = fold(source)
        if len(key) >= 3:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(key), text)]
    out: set[int] = set()
    for i, (s, _e) in enumerate(rep.place_pos):
        if any(a <= s < b for a, b in spans):
            out.add(i)
            continue
        if _OUTLET_ANY.search(text, max(0, s - 60), s) is None:
            continue  # no outlet word in the words before it (most places): nothing to split
        if desk_before(QUOTES.sub(" ", text[max(0, s - 60) : s]).split()):
            out.add(i)
    return ex._replace(outlets=frozenset(out)) if out else ex


_CAPITAL = "Damascus"  # the governorate of the news bureaus' datelines


@rule("report")
def a_dateline_places_only_a_placeless_clause(rep: Report, ex: Excluded) -> Excluded:
    """ "RAQQA, Syria (North Press) – ...", "دمشق 18 يناير 2026 (شينخوا) ...", "كوباني ـ": where the reporter filed from
    places an event only when its clause names no other place; a dateline in the capital ("DAMASCUS, April 25
    (Xinhua) --") never does."""
    spans = dateline_spans(rep.doc)
    if not spans:
        return ex
    starts = [a for a, _b in spans]  # in text order: one bisect a place keeps long texts linear
    out: set[int] = set()
    for i, (s, _e) in enumerate(rep.place_pos):
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and s < spans[k][1]:
            out.add(i)
    # "DAMASCUS, Feb. 9 (Xinhua) -- The SDF repelled an attack ... near the al-Omar oil field": a bureau in the
    # capital files news of the north-east; it places nothing
    bureau = {i for i in out if getattr(rep.places[i].place, "admin1", "") == _CAPITAL}
    if bureau:
        ex = ex._replace(outlets=ex.outlets | frozenset(bureau))
    return ex._replace(datelines=frozenset(out - bureau)) if out - bureau else ex


_STATE_GROUPS = frozenset(["SYGOV", "SYGOV2"])  # forces a capital names ("حكومة دمشق")
# English: "the Damascus government's National Defence Forces", "Damascus-affiliated forces", "Ankara-backed
# factions": a place followed by these names who governs or backs, not where (folded text)
_GOVERNS_AFTER = re.compile(
    r"(?:'s)?\s*(?:government|regime|authorities)(?!\w)|-(?:affiliated|backed|aligned|allied|loyal|linked|supported)"
)
# "factions affiliated with Damascus", "groups loyal to Ankara", "backed by Tehran", "the government in Damascus",
# "الدستور المعلن من قبل سلطة دمشق", "سلطات دمشق"
_GOVERNS_BEFORE = re.compile(
    r"(?:(?:affiliated|allied|aligned|loyal|linked)\s+(?:with|to)|backed\s+by|(?:government|authorities)\s+in"
    r"|(?<!\w)(?:سلطه|سلطات|حكومه|نظام))\s+$"
)


@rule("report")
def a_place_in_a_forces_name_is_no_place(rep: Report, ex: Excluded) -> Excluded:
    """ "استهدفت فصائل حكومة دمشق منازل المدنيين في قرية رسم كروم", "the Damascus government's forces",
    "Damascus-affiliated factions attacked", "Damascus-linked militants", "factions affiliated with Damascus", "the
    Ankara-backed government in Damascus", "سلطة دمشق": the capital in a government force's name is not where anything
    happened (a local unit's town is: "مقر مجلس تل تمر العسكري")."""
    spans = [(a.start, a.end) for a in rep.actors if a.group in _STATE_GROUPS]
    starts = [a for a, _b in spans]
    text = rep.text
    out = set(ex.outlets)
    for i, (s, e) in enumerate(rep.place_pos):
        k = bisect.bisect_right(starts, s) - 1
        if (k >= 0 and e <= spans[k][1]) or (
            rep.places[i].place.kind == "city"
            and (_GOVERNS_AFTER.match(text, e, e + 16) or _GOVERNS_BEFORE.search(text, max(0, s - 20), s))
        ):
            out.add(i)
    return ex._replace(outlets=frozenset(out)) if len(out) != len(ex.outlets) else ex


# "lawyer Mohamed Suleiman Dahla": a capitalised word (not an acronym, not one of ``not_a_given_name``) right
# before an English place name makes it a person's; "the Karama sit-in in the city of Azaz": a name before
# "sit-in" with its place told after names the protest
_NAME_BEFORE = re.compile(r"(?<![.\n])\b([A-Z][a-z]+) $")
_NAMES_AFTER = re.compile(rf"[\s-]*(?:{words('names_after')})\s+(?:in|at|near)\s", re.IGNORECASE)
_NOT_NAMES = frozenset(WORD_LISTS["not_a_given_name"])  # folded: compared with the folded capitalised word


@rule("report")
def a_place_in_a_persons_or_protests_name_is_no_place(rep: Report, ex: Excluded) -> Excluded:
    """ "The sit-in's spokesman, lawyer Mohamed Suleiman Dahla, told ...", "the organisers of the Karama sit-in in
    the city of Azaz": in English, a place name that ends a person's name or names a protest is no place."""
    original = rep.doc.norm.original
    out = set(ex.outlets)
    for i, pm in enumerate(rep.places):
        a, b = pm.start, pm.end
        if not pm.text[:1].isupper() or not pm.text.isascii():
            continue
        m = _NAME_BEFORE.search(original, max(0, a - 20), a)
        if (m and m.group(1).lower() not in _NOT_NAMES) or _NAMES_AFTER.match(original, b, b + 12):
            out.add(i)
    return ex._replace(outlets=frozenset(out)) if len(out) != len(ex.outlets) else ex


# "تاريخ النشر: 19.08.2020 | 00:04 دمشق"، "10:25 (بتوقيت القدس)": a clock time right before a city names its zone
_CLOCK_BEFORE = re.compile(r"\d{1,2}:\d{2}\s*(?:[|(]\s*)?(?:بتوقيت\s+)?$")


@rule("report")
def a_clock_times_city_is_its_zone(rep: Report, ex: Excluded) -> Excluded:
    """ "تاريخ النشر: 19.08.2020 | 00:04 دمشق": the city after a clock time is the time zone of the page's
    timestamp, no place of any event."""
    text = rep.text
    out = set(ex.outlets)
    for i, (s, _e) in enumerate(rep.place_pos):
        if _CLOCK_BEFORE.search(text, max(0, s - 16), s):
            out.add(i)
    return ex._replace(outlets=frozenset(out)) if len(out) != len(ex.outlets) else ex


@rule("report")
def a_captions_places_are_the_pictures(rep: Report, ex: Excluded) -> Excluded:
    """ "Photo caption: SDF fighters stand guard in Raqqa, Syria, on February 7, 2022": a file photo's place (and
    day) is no act's, nor one a placeless act of the report borrows."""
    if not rep.captions:
        return ex
    out = {i for i, (a, _b) in enumerate(rep.place_pos) if inside(a, rep.captions)}
    return ex._replace(outlets=ex.outlets | out) if out - ex.outlets else ex


RULES = (
    a_captions_places_are_the_pictures,
    outlet_or_desk_names_no_place,
    a_clock_times_city_is_its_zone,
    a_place_in_a_forces_name_is_no_place,
    a_place_in_a_persons_or_protests_name_is_no_place,
    a_dateline_places_only_a_placeless_clause,
)


# -- one sentence ----------------------------------------------------------------------------------------
class SentenceView:
    """One sentence of the report with what it names; the figures are read on first use."""

    __slots__ = (
        "rep", "s", "ledger", "matches", "cues", "cue_kinds", "kinds", "actors", "dates", "places", "place_cache",
        "rules", "roles", "linked", "agents", "triggers", "full", "full_fams", "zones", "_figures", "figures_taken",
        "anaphoric",
    )  # fmt: skip

    def __init__(self, rep: Report, s: Sentence, ledger, matches: list[Match]) -> None:
        self.rep = rep
        self.s = s
        self.ledger = ledger
        self.matches = matches
        self.cues = [m for m in matches if m.kind.startswith("cue:")]
        kinds: dict[str, list[Match]] = {}
        for c in self.cues:
            kinds.setdefault(c.entry.kind[4:], []).append(c)
        self.cue_kinds = kinds
        self.kinds = frozenset(kinds)  # the cue kinds the sentence has (which rules can apply)
        lo, a, b = bisect.bisect_left, s.start, s.end
        keys = rep.actor_starts
        self.actors = rep.actors[lo(keys, a) : lo(keys, b)]
        keys = rep.date_starts
        self.dates = rep.dates[lo(keys, a) : lo(keys, b)]
        keys = rep.place_starts
        self.places = list(range(lo(keys, a), lo(keys, b)))
        self.place_cache: dict[tuple[int, int, str], list] = {}
        self.rules = rep.plan.sentence(self.kinds)  # the rules that can apply here, per stage
        self.roles: dict[int, str] | None = None  # actor roles, read on first use (stage roles)
        self.linked: dict[int, str] | None = None  # ... after stage role_links
        self.agents: list | None = None  # the mentions whose linked role is agent
        self.triggers: list = []
        self.full: list = []
        self.full_fams: list = []
        self.zones: dict[int, tuple[int, int]] = {}  # trigger (by id) -> its clause, cut at other families
        self._figures = None
        self.figures_taken = False  # the first act that makes (or retells) an event takes the figures
        # "في المدينة": the place it refers to (place_refs.anaphoric_place); False until looked for
        self.anaphoric = False

    @property
    def figures(self) -> list:
        """The sentence's death figures (tallies and a protest's cause left out)."""
        if self._figures is None:
            s, cues = self.s, self.cues
            tallies = [s.segment_of(c.start) for c in cues if c.kind == "cue:tally"] + [
                s.segment_of(d.start) for d in self.dates if d.is_tally
            ]
            # "احتجاجاً على مقتل شاب": a death named as the cause of a protest is another event's
            tallies += [(c.start, s.segment_of(c.start)[1]) for c in self.cue_kinds.get("cause", ())]
            dated = [(d.start, d.end) for d in self.dates]
            self._figures = find_figures(self.rep.text, self.matches, s.start, s.end, tallies, dated)
        return self._figures


def view(rep: Report, s: Sentence, ledger) -> SentenceView | None:
    """The sentence's view, or None when it names no event word (most do not: no cue or place work)."""
    starts = rep.trigger_starts
    k = bisect.bisect_left(starts, s.start)
    if k == len(starts) or starts[k] >= s.end:
        return None
    return SentenceView(rep, s, ledger, _within(rep.doc.matches, rep.match_starts, s))


def cue_before(sv: SentenceView, pos: int, reach: Reach, kind: str | None = None) -> Match | None:
    """A cue ending at most ``reach.chars`` before ``pos`` with only the reach's gap words in between
    (no full stop, line break or comma); ``kind`` overrides the reach's cue kind."""
    cues = sv.cue_kinds.get(kind or reach.cue)
    if not cues:
        return None
    text = sv.rep.text
    chars, gap_words = reach.chars, reach.gap
    for c in cues:
        if c.end <= pos and pos - c.end <= chars:
            between = text[c.end : pos]
            if "." in between or "\n" in between or "," in between:
                continue
            gap = QUOTES.sub(" ", between).split()
            if gap_words is None and len(gap) <= 3:
                return c
            if gap_words is not None and all(w in gap_words for w in gap):
                return c
    return None


def clause_break(sv: SentenceView, lo: int, hi: int) -> bool:
    """A clause-linking word ("فيما"، "في حين") between two positions of the sentence."""
    return any(lo <= c.start < hi for c in sv.cue_kinds.get("clause_break", ()))


def same_seg(s: Sentence, a, b) -> bool:
    return s.segment_of(a.start) == s.segment_of(b.start)


def same_time(sv: SentenceView, g) -> bool:
    """The sentence's own date (if any) falls in the window of the event ``g`` it refers back to."""
    ds = [d for d in sv.dates if not d.is_reference]
    if not ds or not g.members:
        return True
    m = g.members[0]
    return any(d.dmin <= m.dmax and m.dmin <= d.dmax for d in ds)


def protest_context(sv: SentenceView) -> bool:
    """Protesters in this sentence or a protest told before: a riot is a violent demonstration."""
    if any(a.group == "PROTESTERS" for a in sv.actors):
        return True
    if any(m.kind == "trigger" and m.entry.get("policy") == "protest" for m in sv.matches):
        return True
    return any(d.event_type == "Protests" for d in sv.ledger.drafts)
