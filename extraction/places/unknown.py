"""Names a type word introduces that the gazetteer lacks, listed for the analyst."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

import ahocorasick

from extraction.gazetteer import load_gazetteer
from extraction.normalise import Normalised, fold, normalise

from .matcher import Matcher, matcher_for

_AR_WORD = re.compile(r"[\u0621-\u064a]+")
# "قرى «بوبان، أشمة» وسيلم" (a list never runs on past the end of its line: "... في قرى ريفية\nوطال القصف")
# a name of up to three words in quotes, the closing quote right after it
_QUOTED_NAME = re.compile(r"([\u0621-\u064a]+(?: [\u0621-\u064a]+){0,2})[\"»]")
_LIST_NEXT = re.compile(r"[\"»]?(?:[ \t]+و|[ \t]*,[ \t]*(?!و))[\"«]?")
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
        if not entries:
            continue  # a date anchor only (the grammar's words come below)
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
        intro = re.compile(rf"(?<!\w)[{cl}]{{0,2}}(?P<type>{m.type_alt})\s+[\"«]?(?=[\u0621-\u064a])")
        typed = re.compile(rf"(?P<type>{m.type_alt})\s+[\"«]?")
        rx = m.__dict__["_unknown_rx"] = (intro, typed)
    return rx


def _type_words(m: Matcher) -> ahocorasick.Automaton | None:
    """An automaton over the Arabic type words (None if there are none): where ``intro`` can match."""
    if "_type_words" not in m.__dict__:
        a = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for w in m.words.types:
            if w and not w.isascii():
                a.add_word(w, len(w))
        a.make_automaton()
        m.__dict__["_type_words"] = a if len(a) else None
    return m.__dict__["_type_words"]


def _intros(m: Matcher, t: str, found: list[tuple[int, int]] | None = None) -> Iterator[re.Match[str]]:
    """``intro.finditer(t)``, tried only where it can start: where a word starts (``(?<!\\w)``) with at most
    two proclitics before a type word and a space after it. ``found``: the type words' (end, length)."""
    intro, _typed = _unknown_rx(m)
    words = _type_words(m)
    if words is None:
        yield from intro.finditer(t)
        return
    clitics = m.words.proclitics
    starts = set()
    last = len(t) - 1
    for end, n in words.iter(t) if found is None else found:
        if end == last or not t[end + 1].isspace():
            continue  # a type word is followed by a space
        at = p = end - n + 1
        while p and (t[p - 1].isalnum() or t[p - 1] == "_"):  # inside a word: back over its proclitics
            if at - p == 2 or t[p - 1] not in clitics:
                break
            p -= 1
        else:
            starts.add(p)
    done = 0
    for p in sorted(starts):
        if p >= done and (mm := intro.match(t, p)):
            yield mm
            done = mm.end()


# what places a name right after it: "بلدة الحصان في ريف دير الزور الغربي"، "قرية X غربي الرقة" (folded)
_LOCATED_AFTER = re.compile(r" (?:في |ب)?(?:ريف|غربي|شرقي|شمالي|جنوبي|قرب|بالقرب من|محيط|محافظه)(?!\w)")


def _banned(m: Matcher, listed: bool = False) -> frozenset[str]:
    """Words that never start an unknown name: stop words, type words, directions, common words (but in a
    list a plural type word opens, ``listed``, a common word can be a name)."""
    key = "_unknown_banned_listed" if listed else "_unknown_banned"
    b = m.__dict__.get(key)
    if b is None:
        w = m.words
        b = frozenset(w.stop | set(w.types) | set(w.directions) | (frozenset() if listed else w.common))
        m.__dict__[key] = b
    return b


def find_unknown_places(norm: Normalised, known_mentions: list) -> list[tuple[int, int, str]]:
    """(start, end, name) of each name a type word introduces that the gazetteer lacks; see ``unknown_names``."""
    return [(s, e, name) for s, e, name, _kind in unknown_names(norm, known_mentions)]


def unknown_names(
    norm: Normalised, known_mentions: list, type_words: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, str, str]]:
    """Names a type word introduces (قرية X، أحياء X وY، the village of X) that the gazetteer lacks.

    Precise rather than eager: only a word right after a type word (or in the list a plural type
    word opens), never a word another lexicon knows (a verb, an actor, a date word), a stop word or
    a direction. One pass of compiled patterns: linear in the text. Offsets are original offsets.
    ``type_words``: the Arabic type words' (end, length) in ``norm.text`` (``Document.type_words``).
    """
    if isinstance(norm, str):
        norm = normalise(norm)
    scan = _Scan(matcher_for(load_gazetteer()), norm, known_mentions)
    scan.arabic(type_words)
    scan.english()
    scan.out.sort()
    return scan.out


class _Scan:
    """One scan of a report for unknown names: the known spans to skip and what was found."""

    def __init__(self, m: Matcher, norm: Normalised, known_mentions: list):
        self.m, self.w, self.norm, self.t = m, m.words, norm, norm.text
        self.known = sorted((k.start, k.end) if hasattr(k, "start") else (k[0], k[1]) for k in known_mentions)
        self.known_starts = [k[0] for k in self.known]
        self.lex_words, self.lex_stems = _lexicon_words()
        self.banned = _banned(m)
        self.banned_listed = _banned(m, listed=True)
        self.out: list[tuple[int, int, str, str]] = []  # (start, end, name, the kind its type word gives)

    def plain(self, word: str, listed: bool = False) -> bool:
        """A word that can start a place name: not a known word with or without its proclitics. In a list a
        plural type word opens, an ordinary word that is also a place name is one ("قرى القاسمية والرشيدية
        والعزيزية"، "قرى المناجير والسودة")."""
        if word in self.w.name_heads:
            return True  # تل، عين، ابو: the first word of a longer name
        if len(word) < 3:
            return False
        forms = [word]
        cl = self.w.proclitics
        for k in (1, 2):
            if len(word) > k + 2 and all(c in cl for c in word[:k]):
                forms.append(word[k:])
        banned, lex_words, lex_stems = self.banned, self.lex_words, self.lex_stems
        if listed:
            banned = self.banned_listed
        return not any(f in banned or f in lex_words or f.startswith(lex_stems) for f in forms)

    def name_at(self, pos: int, listed: bool = False) -> tuple[int, int] | None:
        t, w = self.t, self.w
        w1 = _AR_WORD.match(t, pos)
        if w1 is None or not self.plain(w1.group(0), listed):
            return None
        if pos and t[pos - 1] in '"«' and (quoted := _QUOTED_NAME.match(t, pos)) is not None:
            return pos, quoted.end(1)  # "قرية "عون الدادات"": the whole name the quotes hold
        end = w1.end()
        if w1.group(0) in w.name_heads:
            w2 = _AR_WORD.match(t, end + 1) if t[end : end + 1] == " " else None
            # "قرى ... وتل شعير": a word in a list's name
            banned = self.banned_listed if listed else self.banned
            if w2 is None or w2.group(0) in banned or w2.group(0) in self.lex_words:
                return None
            end = w2.end()
        if t[end : end + 1] == " ":
            w3 = _AR_WORD.match(t, end + 1)
            # "قرية المريعية شرقي دير الزور": a tail that opens a place named after it is its direction
            if (
                w3 is not None
                and w3.group(0) in w.name_tails
                and not self.overlaps_known(*self.norm.span(*w3.span()))
            ):
                end = w3.end()
        return pos, end

    def run_on_in_list(self, span: tuple[int, int]) -> tuple[int, int]:
        """ "قرى قره موغ وكولتب وكوران": a two-word name inside a plural's list, the next item right after it."""
        s, e = span
        longer = self.run_on(span)
        if (
            longer == span
            or self.t[e + 1 : e + 2] == "و"
            or self.overlaps_known(*self.norm.span(e, longer[1]))
        ):
            return span  # "والجات الكاوكلي": the next word is a known village of the list
        for _ in range(2):  # "وقصر توما يلدا وتل جمعة": a name of three words too
            nxt = _LIST_NEXT.match(self.t, longer[1])
            # the next item stands right after ("قره موغ وكولتب"), not the clause's end ("وسيلم غربيها، لقصف")
            if nxt and self.name_at(nxt.end(), listed=True) is not None:
                return longer
            three = self.run_on(longer)
            if three == longer or self.overlaps_known(*self.norm.span(longer[1], three[1])):
                break
            longer = three
        return span

    def run_on(self, span: tuple[int, int]) -> tuple[int, int]:
        """A name with the next word when that word can be part of a name ("قرت" + "ويران")."""
        s, e = span
        if self.t[e : e + 1] != " ":
            return span
        w2 = _AR_WORD.match(self.t, e + 1)
        if w2 is None or not self.plain(w2.group(0)) or w2.group(0).startswith(("وال", "ب", "ل")):
            return span
        return s, w2.end()

    def overlaps_known(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.known_starts, e)
        return any(ks < e and s < ke for ks, ke in self.known[max(0, i - 8) : i])

    def add(self, a: int, b: int, kind: str) -> None:
        s, e = self.norm.span(a, b)
        if self.overlaps_known(s, e) or (self.out and self.out[-1][1] > s):
            return
        self.out.append((s, e, self.norm.original[s:e], kind))

    def arabic(self, type_words: list[tuple[int, int]] | None = None) -> None:
        pos_done = 0
        for mm in _intros(self.m, self.t, type_words):
            if mm.start() < pos_done:
                continue
            kind = self.w.types[mm.group("type")][0]
            if kind in ("area", "countryside"):
                continue
            plural = mm.group("type") in self.w.plurals
            span = self.name_at(mm.end())
            w1 = _AR_WORD.match(self.t, mm.end())
            if span is None and plural and w1 is not None and w1.group(0) in self.w.types:
                # "وقرى مزرعة عبروش وتل شعير وسيلم": a singular type word opens the plural's first name
                span = self.name_at(w1.end() + 1)
                if span is not None:
                    span = self.run_on_in_list(span)
                    self.add(*span, kind)
                    pos_done = self.list_after(span[1], True, kind)
                continue
            if span is None:
                # "بلدة الحصان في ريف دير الزور الغربي": a common word told with where it lies is a name
                if w1 is None or w1.group(0) not in self.w.common:
                    continue
                span = self.name_at(mm.end(), listed=True)
                if span is None or not _LOCATED_AFTER.match(self.t, span[1]):
                    continue
            if plural:
                span = self.run_on_in_list(span)
            self.add(*span, kind)
            dual = mm.group("type") in self.w.duals
            pos_done = self.list_after(span[1], plural, kind, dual)

    def list_after(self, pos: int, plural: bool, kind: str, dual: bool = False) -> int:
        """The list a plural opens ("أحياء الدرعية والرميلة"); after a singular type word only
        items with their own type word ("حي حلكو وحي زنود"). Returns where the list ends."""
        _intro, typed_rx = _unknown_rx(self.m)
        while True:
            nxt = _LIST_NEXT.match(self.t, pos)
            if not nxt:
                return pos
            start = nxt.end()
            tm = typed_rx.match(self.t, start)
            if tm:
                start = tm.end()
                plural = tm.group("type") in self.w.plurals  # "قرية X وقرى Y وZ"
                kind = self.w.types[tm.group("type")][0]
            elif not plural:
                return pos
            span = self.name_at(start, listed=not tm)
            if span is None:
                return pos
            if dual:  # "قريتي الكاوكلي وقرت ويران": the second of two names runs on ("ويران" is not a third)
                span = self.run_on(span)
                self.add(*span, kind)
                return span[1]
            if plural:
                span = self.run_on_in_list(span)
            self.add(*span, kind)
            pos = span[1]

    def plural_list(self, text: str, mm: re.Match[str], items: re.Pattern[str] | None = None) -> None:
        """The names of "the villages of A, B and C" (not known ones, stop words or words another lexicon knows)."""
        base = mm.start(1)
        for im in (items or _EN_ITEM_RX).finditer(mm.group(1)):
            if mm.group(1).endswith("in the ", 0, im.start()):
                continue  # "Ereb Khan in the Zarghan district": where the item lies, not an item
            name = im.group(0)
            s, e = base + im.start(), base + im.end()
            first = fold(name).split()[0]
            if first in _EN_STOP or first in self.w.stop or fold(name) in self.lex_words:
                continue
            if not self.overlaps_known(s, e) and not any(o[0] == s for o in self.out):
                self.out.append((s, e, name, "village"))
        self.out.sort()

    def english(self) -> None:
        w = self.w
        text = self.norm.original
        if _CAPITAL.search(text) is None:
            return  # every pattern's name has a capital letter: most Arabic reports have none
        for rx, words in _EN_UNKNOWN:
            if not any(word in text for word in words):
                continue  # each pattern needs one of its words (an Arabic report has none)
            for mm in rx.finditer(text):
                s, e = mm.span("name")
                name = mm.group("name")
                first = fold(name).split()[0]
                if (
                    first in _EN_STOP
                    or first in w.stop
                    or fold(name) in w.common
                    or fold(name) in self.lex_words
                    or first.endswith(_EN_ADJECTIVE_ENDINGS)
                    or _EN_SITE_AFTER.match(text, e)
                ):
                    continue
                if not self.overlaps_known(s, e):
                    self.out.append((s, e, name, _en_kind(mm.group(0))))
        if "villages of " in text or "towns of " in text or "hamlets of " in text:
            for mm in _EN_PLURAL.finditer(text):
                self.plural_list(text, mm, _EN_ITEM3_RX)
        if " includ" in text:
            for mm in _EN_INCLUDE.finditer(text):
                self.plural_list(text, mm, _EN_ITEM3_RX)
        if " were " in text and any(verb in text for verb in _EN_STRUCK):
            for mm in _EN_PASSIVE_LIST.finditer(text):
                self.plural_list(text, mm)


# "the SDF-controlled village of Al-Jalamidah", "a Turkish-backed village": who holds it, not its name
_EN_ADJECTIVE_ENDINGS = ("-controlled", "-held", "-backed", "-led", "-run", "-affiliated", "-allied")
_CAPITAL = re.compile("[A-Z]")
# "near Al-Saha roundabout in Al-Masaref neighbourhood of Al-Qamishli city": a site named X is in a town, not one
_EN_SITE_AFTER = re.compile(
    r"\s+(?:roundabout|square|street|bridge|hospital|school|mosque|checkpoint|market|junction|station)\b",
    re.IGNORECASE,
)
_EN_NAME = r"(?P<name>(?:[Aa]l-|[Ee]l-|[Aa]s-|[Aa]sh-)?[A-Z][\w'’-]+(?:\s(?:al-)?[A-Z][\w'’-]+)?)"
# the first pattern needs one of these phrases (" of " alone is in nearly every English report)
_TYPES_OF = tuple(
    f"{w} of "
    for w in ["town", "village", "city", "camp", "neighbourhood", "neighborhood", "district", "hamlet"]
)
_EN_UNKNOWN = (  # (pattern, words one of which it needs)
    (
        re.compile(rf"\b(?:town|village|city|camp|neighbou?rhood|district|hamlet) of {_EN_NAME}"),
        _TYPES_OF,
    ),
    (re.compile(rf"\b{_EN_NAME}\s(?:village|camp|neighbou?rhood)\b"), ("village", "camp", "neighbo")),
    (
        re.compile(rf"\b(?:near|in the vicinity of|outskirts of) {_EN_NAME}"),
        ("near ", "vicinity of ", "outskirts of "),
    ),
)


# "including the villages of Bir Hasso, Ghasaq and Malha": each name of a list a plural type word opens ("the
# villages of Harbel, Al-Sheikh Issa and the outskirts of Tal Rifaat": two names, then something else)
_EN_ITEM = r"(?:[Aa]l-|[Ee]l-)?[A-Z][\w'’-]+(?:\s(?:al-)?[A-Z][\w'’-]+)?"
_EN_ITEM3 = r"(?:[Aa]l-|[Ee]l-)?[A-Z][\w'’-]+(?:\s(?:al-)?[A-Z][\w'’-]+){0,2}"  # "Qesir Toma Yelda"
_EN_PLURAL = re.compile(
    rf"\b(?:villages|towns|hamlets) of ({_EN_ITEM3}(?:,\s{_EN_ITEM3})*"
    # the last item after "and" or "&", or the list ending where something else follows ("..., Sidon, the Ain Issa
    # camp & the M4 road were shelled", "..., Dad 'Ebdal, & 'Eqriye")
    rf"(?:,?\s(?:and|&)\s{_EN_ITEM}|(?<=\w),\s{_EN_ITEM}(?=,?\s(?:and|&)\s[a-z'’]|,\s(?:the|a|an)\s)))"
)
_EN_ITEM_RX = re.compile(_EN_ITEM)
_EN_ITEM3_RX = re.compile(_EN_ITEM3)
# "The villages hit in the latest attacks include Dirdara, Til Shenan, Til Cûma ... and Xeybish": a list of villages
# that a plural type word opens with "include(d)" a few words after it
_EN_INCLUDE = re.compile(
    rf"\b(?:villages|towns|hamlets)\b[^.,;:\n]{{0,60}}?\binclud(?:e|ed|ing)\s+(?:the\s+villages\s+of\s+)?"
    rf"({_EN_ITEM3}(?:,\s{_EN_ITEM3})*,?\sand\s{_EN_ITEM3})"
)
# "Derdara, Tawila, Tal Tawil, Um Keif, Tal Juma' and Tal Shanan were shelled", "Derdara and Um Keif, as well as
# Ereb Khan in the Zarghan district, were shelled": the names of a list that is the subject of a passive strike
_EN_STRUCK = ("shelled", "bombed", "bombarded", "struck", "targeted")
_EN_LIST_SEP = r"(?:,\s|,?\sand\s|,?\sas well as\s)"
_EN_WHERE = r"(?:\sin the [A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)? (?:district|countryside|area))?"
_EN_PASSIVE_LIST = re.compile(
    rf"({_EN_ITEM}{_EN_WHERE}(?:{_EN_LIST_SEP}{_EN_ITEM}{_EN_WHERE})+),?\swere\s(?:also\s)?(?:{'|'.join(_EN_STRUCK)})\b"
)


def _en_kind(phrase: str) -> str:
    """The kind an English phrase's type word gives ("the village of X" -> village)."""
    low = phrase.lower()
    for word, kind in (("neighbo", "neighbourhood"), ("camp", "camp"), ("city", "city"), ("town", "town")):
        if word in low:
            return kind
    return "village"
