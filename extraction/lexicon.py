"""Lexicon tables in ``data/`` and one Aho-Corasick automaton over all of them.

Every lexicon (triggers, actors, cues, numbers, fatality words) is a CSV with a header and a
``note``/``source`` column. Entries are folded like the report (``normalise.fold``) and matched in
one pass over the folded text. A match must start a word, possibly after Arabic proclitics
(و ف ب ل ك and ال combinations, e.g. "وبالقامشلي", "لقسد"), and end a word, possibly before the
accusative alef ("حاجزاً"). An entry ending in ``*`` matches any continuation of its last word
("اعتقل*" = اعتقلت، اعتقلوا); a starred inner word takes the verb endings ("وقع* اتفاق*"); a row whose
``whole`` column says ``yes`` takes no ending at all ("بعدم" is not "بعدما").
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path

import ahocorasick

from .normalise import fold

DATA = Path(__file__).resolve().parents[1] / "data"

# Proclitic strings that may precede an entry inside the same word (folded forms).
CLITICS = frozenset(
    [
        "",
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "وب",
        "ول",
        "فب",
        "فل",
        "وك",
        "فك",
        "وال",
        "بال",
        "فال",
        "كال",
        "وبال",
        "فبال",
        "ال",
    ]
    + ["لل", "ولل", "فلل"]
)
SUFFIXES = frozenset(["", "ا"])
DATE_ANCHOR, TYPE_WORD = 1, 2  # the mark bits of main_matcher's extra keys


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of ``data/<name>`` as dicts (stripped strings)."""
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return [
            {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)} for row in csv.DictReader(f)
        ]


class Entry:
    """One lexicon row under a kind (trigger, actor, cue, number, fatality)."""

    __slots__ = ("kind", "key", "row", "prefix", "whole")

    def __init__(self, kind: str, key: str, row: dict[str, str], prefix: bool = False) -> None:
        self.kind = kind
        self.key = key
        self.row = dict(row)
        self.prefix = prefix
        self.whole = row.get("whole") == "yes"  # no accusative alef after it: "بعدم" is not "بعدما"

    def get(self, name: str, default: str = "") -> str:
        return self.row.get(name, default)

    def __repr__(self) -> str:
        return f"Entry({self.kind!r}, {self.key!r})"


class Match:
    """An entry found in the folded text: ``[start, end)`` are folded offsets.

    A plain slotted class (not a frozen dataclass): reports make thousands and its creation is
    on the hot path; ``kind`` is copied from the entry because every stage filters on it.
    """

    __slots__ = ("start", "end", "entry", "definite", "kind")

    def __init__(self, start: int, end: int, entry: Entry, definite: bool = False) -> None:
        self.start = start
        self.end = end
        self.entry = entry
        self.definite = definite
        self.kind = entry.kind

    def __repr__(self) -> str:
        return f"Match({self.start}, {self.end}, {self.entry!r}, {self.definite})"


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


class Matcher:
    """An Aho-Corasick automaton over folded lexicon entries with Arabic word-boundary rules."""

    def __init__(self, entries: Iterable[Entry], marks: dict[str, int] | None = None) -> None:
        """``marks``: keys (with their mark bits) whose every occurrence ``scan`` reports, inside words too:
        the date anchors and the place type words, found in this pass rather than in more over the text."""
        self.automaton = ahocorasick.Automaton()
        table: dict[str, list[Entry]] = {}
        for e in entries:
            if not e.key:
                continue
            table.setdefault(e.key, []).append(e)
            # "القامشلي" after the preposition ل is written "للقامشلي"
            if e.key.startswith("ال") and len(e.key) > 3:
                table.setdefault("ل" + e.key[1:], []).append(e)
        marked = {k: bits for k, bits in (marks or {}).items() if k}
        for key in marked:
            table.setdefault(key, [])
        for key, es in table.items():
            # the per-key facts the boundary check needs, computed once here rather than per hit
            no_clitic = key[0].isascii() or not key[0].isalpha()
            self.automaton.add_word(
                key,
                (len(key), tuple(es), no_clitic, key.startswith("ال"), key[-1].isascii(), marked.get(key, 0)),
            )
        if table:
            self.automaton.make_automaton()
        self.empty = not table

    def find(self, text: str) -> list[Match]:
        """All boundary-respecting matches, longest first where two of one kind overlap."""
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[list[Match], list[tuple[int, int, int]]]:
        """``find``'s matches, and (mark bits, start, end) of every occurrence of a mark (in the order they end)."""
        if self.empty or not text:
            return [], []
        # candidates as plain tuples (order, start, end, entry, definite): a Match is made only for
        # the ones _longest keeps; order = leftmost, then longest, as one int
        out: list[tuple[int, int, int, Entry, bool]] = []
        append = out.append
        marks: list[tuple[int, int, int]] = []
        n = len(text)
        clitics = CLITICS
        suffixes = SUFFIXES
        for end_idx, (klen, entries, no_clitic, key_al, last_ascii, mark) in self.automaton.iter(text):
            end = end_idx + 1
            start = end - klen
            if mark:
                marks.append((mark, start, end))
                if not entries:
                    continue
            definite = False
            if start and text[start - 1].isalpha():
                # inside a word: what precedes must be proclitics ("وبالقامشلي")
                if no_clitic:
                    continue
                w = start - 1
                while w > 0 and text[w - 1].isalpha() and start - w <= 4:
                    w -= 1
                if w > 0 and text[w - 1].isalpha():
                    continue
                prefix = text[w:start]
                if prefix not in clitics or (key_al and prefix.endswith("ال")):
                    continue
                definite = prefix.endswith(("ال", "لل"))
            if end < n and text[end].isalpha():
                e2 = end + 1
                while e2 < n and text[e2].isalpha() and e2 - end <= 20:
                    e2 += 1
                tail = text[end:e2]
                bad_tail = tail not in suffixes or last_ascii
                for entry in entries:
                    if entry.prefix:
                        append(((start << 12) - (e2 - start), start, e2, entry, definite))
                    elif not bad_tail and not entry.whole:
                        append(((start << 12) - klen, start, end, entry, definite))
            else:
                order = (start << 12) - klen
                for entry in entries:
                    append((order, start, end, entry, definite))
        return _longest(out), marks


_START_END = attrgetter("start", "end")  # a C key: the (start, end) order without a Python call per match
_FIRST = itemgetter(0)


def _longest(candidates: list[tuple[int, int, int, Entry, bool]]) -> list[Match]:
    """Drop a match contained in a longer match of the same kind (leftmost-longest per kind)."""
    candidates.sort(key=_FIRST)  # stable: rows of the same words keep the lexicon's order
    last: dict[str, tuple[int, int]] = {}
    kept: list[Match] = []
    append = kept.append
    none = (-1, -1)
    for _order, start, end, entry, definite in candidates:
        kind = entry.kind
        last_start, last_end = last.get(kind, none)
        if start == last_start and end == last_end:
            append(
                Match(start, end, entry, definite)
            )  # the same words under another row (an alias in two eras)
        elif start >= last_end:
            append(Match(start, end, entry, definite))
            last[kind] = (start, end)
    kept.sort(key=_START_END)
    return kept


# Verb endings a starred inner word takes ("وقع* اتفاقا" = وقعت/وقعوا/وقعا اتفاقا): past 3fs, 3mp,
# 3md, 3fp, 3fd, 1p/2p and the shortened 3mp.
INNER_SUFFIXES = ("", "ت", "وا", "ا", "ن", "تا", "نا", "تم", "و")


def _expand(raw: str) -> list[tuple[str, bool]]:
    """Folded keys of one lexicon phrase: a final ``*`` matches any ending, an inner one the verb endings."""
    prefix = raw.endswith("*")
    words = fold(raw.rstrip("*")).split(" ")
    keys = [""]
    for w in words:
        forms = [w[:-1] + suf for suf in INNER_SUFFIXES] if w.endswith("*") else [w]
        keys = [f"{k} {f}" if k else f for k in keys for f in forms]
    return [(k, prefix) for k in keys]


def entries_from(table: str, kind: str, column: str) -> list[Entry]:
    """Entries of one table keyed by the folded ``column``."""
    out = []
    for row in read_table(table):
        for key, prefix in _expand(row.get(column, "")):
            out.append(Entry(kind, key, row, prefix))
    return out


@lru_cache(maxsize=1)
def main_matcher() -> Matcher:
    """The one automaton over every lexicon the extractor reads in a single pass (and the date anchors)."""
    entries: list[Entry] = []
    entries += entries_from("triggers.csv", "trigger", "phrase")
    entries += entries_from("actors.csv", "actor", "alias")
    entries += entries_from("actor_references.csv", "actor", "alias")  # named before: see actors.resolve
    for e in entries_from("cues.csv", "cue", "phrase"):
        entries.append(Entry("cue:" + e.get("kind"), e.key, e.row, e.prefix))
    entries += entries_from("numbers.csv", "number", "word")
    entries += entries_from("fatality_words.csv", "fatality", "phrase")
    from .dates import anchor_keys  # dates and places read the tables through this module
    from .places.words import place_words

    marks = dict.fromkeys(anchor_keys(), DATE_ANCHOR)
    for w in place_words().types:
        if w and not w.isascii():  # what unknown._intros looks for
            marks[w] = marks.get(w, 0) | TYPE_WORD
    return Matcher(entries, marks)
