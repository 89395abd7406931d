"""One report as the pipeline sees it: original text, folded text, sentences and clause segments.

Sentences end at . ! ? and line breaks (a headline is its own sentence); segments split a sentence
at commas, semicolons and clause-linking words ("في حين", "ردا على"), which is the scope of cues
such as threats and denials. All offsets here are folded offsets; ``span`` maps them back.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import DATE_ANCHOR, TYPE_WORD, Match, main_matcher, read_table
from .normalise import Normalised, fold, normalise

# ``[.!?]+(?=\s|$|["'])|\n+`` with each branch opening on a literal: the regex engine then skips to the
# next ".", "!", "?" or line break in C instead of trying the pattern at every character
_SENT_END = re.compile(r"""\.[.!?]*(?=\s|$|["'])|![.!?]*(?=\s|$|["'])|\?[.!?]*(?=\s|$|["'])|\n\n*""")


def _additive() -> str:
    """Words after a comma that add to the act told ("، إلى جانب 8 شبان في منطقة الكرامة"): no cut there."""
    words = [fold(r["word"]) for r in read_table("event_words.csv") if r["role"] == "additive"]
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _another_place() -> str:
    """After a comma, "the Assyrian village of Tel Tawil" or "and the villages of Selmase and Tawil" goes on
    listing the places the act reached (English settlement type words of data/place_words.csv)."""
    words = {
        fold(r["word"])
        for r in read_table("place_words.csv")
        if r["role"] == "type" and r["lang"] == "en" and r["kind"] in ("village", "town", "city", "camp")
    }
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return rf"(?:and\s+)?the\s+(?:[a-z]+\s+)?(?:{alt})s?\s+of(?!\w)"


_SEG_END = re.compile(rf"[;:()]|,(?!\s*(?:{_additive()}|{_another_place()})(?!\w))")


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern[str]:
    """A month abbreviated with a full stop right before a day ("on Jan. 16, when ..."): no sentence ends
    there (the abbreviations are data/months.csv's names that end in ".")."""
    names = sorted({r["name"].lower()[:-1] for r in read_table("months.csv") if r["name"].endswith(".")})
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, names)) + r")$")


class Sentence:
    """A sentence: folded ``[start, end)`` and its segments (folded spans, cut on first use).

    Most sentences name no event and never ask for their segments, so they are computed lazily
    from the text and the clause-break cues the sentence was made with.
    """

    __slots__ = (
        "index",
        "start",
        "end",
        "headline",
        "_segments",
        "_seg_starts",
        "_text",
        "_breaks",
        "_joined",
    )

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        segments: list[tuple[int, int]] | None = None,
        headline: bool = False,
        text: str = "",
        breaks: list[int] = (),
        joined: frozenset[int] = frozenset(),
    ) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.headline = headline
        self._segments = segments
        self._seg_starts = [a for a, _b in segments] if segments is not None else []
        self._text = text
        self._breaks = breaks
        self._joined = joined  # commas inside a list of places: no cut there (``join_place_lists``)

    @property
    def segments(self) -> list[tuple[int, int]]:
        if self._segments is None:
            s, e = self.start, self.end
            starts = {s}
            joined = self._joined
            starts.update(m.end() for m in _SEG_END.finditer(self._text, s, e) if m.end() not in joined)
            starts.update(self._breaks)
            cuts = sorted(starts)
            self._segments = [(a, b) for a, b in zip(cuts, cuts[1:] + [e], strict=True) if b > a]
            self._seg_starts = [a for a, _b in self._segments]
        return self._segments

    def segment_of(self, pos: int) -> tuple[int, int]:
        """The segment holding ``pos`` (segments are sorted and disjoint: one bisect), else the sentence."""
        segs = self._segments if self._segments is not None else self.segments
        i = bisect.bisect_right(self._seg_starts, pos) - 1
        if i >= 0:
            seg = segs[i]
            if pos < seg[1]:
                return seg
        return self.start, self.end

    def __repr__(self) -> str:
        return f"Sentence({self.index}, {self.start}, {self.end}, headline={self.headline})"


@dataclass
class Document:
    """The report, its folded text, lexicon matches and sentences."""

    norm: Normalised
    sentences: list[Sentence]
    matches: list[Match]
    anchors: list[int] | None = None  # where date anchor words start (found with the matches)
    type_words: list[tuple[int, int]] | None = None  # (end index, length) of each Arabic place type word

    @property
    def original(self) -> str:
        return self.norm.original

    @property
    def text(self) -> str:
        return self.norm.text

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span(start, end)

    def sentence_at(self, pos: int) -> Sentence | None:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return s
        return None


def split_sentences(text: str, breaks: list[Match]) -> list[Sentence]:
    """Sentences and their segments; ``breaks`` are clause-break cue matches."""
    sentences: list[Sentence] = []
    pos = 0
    bounds: list[tuple[int, int, bool]] = []
    abbreviation = _abbreviation()
    for m in _SENT_END.finditer(text):
        if (
            m.group(0) == "."
            and text[m.end() + 1 : m.end() + 2].isdigit()
            and abbreviation.search(text, max(0, m.start() - 6), m.start())
        ):
            continue  # "Jan. 16"
        if m.end() > pos:
            bounds.append((pos, m.end(), "\n" in m.group(0) and not m.group(0).startswith((".", "!", "?"))))
        pos = m.end()
    if pos < len(text):
        bounds.append((pos, len(text), True))
    bi = 0
    nl = text.find("\n")
    first_line_end = nl if nl != -1 else len(text)
    first_line_short = text.count(" ", 0, first_line_end) < 25
    for s, e, bare in bounds:
        while s < e and text[s].isspace():
            s += 1
        if s >= e:
            continue
        while bi < len(breaks) and breaks[bi].start < s:
            bi += 1
        j = bi
        cuts: list[int] = []
        while j < len(breaks) and breaks[j].start < e:
            cuts.append(breaks[j].start)
            j += 1
        words = text.count(" ", s, e) + 1
        first_line = first_line_short and e <= first_line_end + 1  # a title, even split by ".."
        headline = (bare or first_line) and words <= 16
        for a, b in _stories(text, s, e) if headline else ((s, e),):
            sentences.append(
                Sentence(len(sentences), a, b, None, headline, text, [c for c in cuts if a <= c < b])
            )
    return sentences


def _stories(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """ "SDF commander killed; coalition office in Azaz shut again": a semicolon in a headline parts two
    stories, each a headline of its own (the killing is not in Azaz)."""
    out, a = [], s
    for i in (k for k in range(s, e) if text[k] == ";"):
        if text[a:i].strip():
            out.append((a, i + 1))
        a = i + 1
        while a < e and text[a].isspace():
            a += 1
    if a < e:
        out.append((a, e))
    return out


# what may open the next place of a list: "و", or a Latin article or ʿayn no spelling of the place has ("Amudah,
# ad-Darbasiyah", "ʿAmudah")
_OPENER = r"(?:و\s*|ʿ|(?:a[dlnrstz]|ash|ath|adh|e[dlrstz])-)?"
_LIST_COMMA = re.compile(rf"[\"'»«\s]*,[\"'»«\s]*{_OPENER}")
# a place's other name in brackets, then the list goes on: "al-Malikiyah (Dêrik), al-Qahtaniyah (Tirbesipî)",
# "المالكية (ديريك) والقحطانية"; the other name a place of its own or a name no source has
_OPEN = re.compile(r"\s*\(")
_CLOSE = re.compile(r"\s*\)")
_CLOSE_NEXT = re.compile(rf"\)\s*,?\s*(?:and\s+)?{_OPENER}")
_ALIAS_NEXT = re.compile(rf"\s*\([^()\d,]{{1,25}}\)\s*,\s*{_OPENER}")


def join_place_lists(doc: Document, spans: list[tuple[int, int, str]]) -> Document:
    """The document with the commas of place lists joined: "قرى «بوبان، أشمة، سفتك» في الريف الغربي" is one
    clause, not three (a comma between two named places lists them; it does not end a clause), and so are the
    brackets of a listed place's other name ("in al-Malikiyah (Dêrik), al-Qahtaniyah (Tirbesipî) and Amudah").

    ``spans`` are the place mentions' original offsets and place ids, in order; a comma between two places may
    open the second with a Latin article no spelling of it has ("Amudah, ad-Darbasiyah").
    """
    idx, text = doc.norm.index, doc.text
    folded = [(bisect.bisect_left(idx, a), bisect.bisect_left(idx, b), pid) for a, b, pid in spans]
    joined: set[int] = set()

    def join(lo: int, hi: int) -> None:
        joined.update(i + 1 for i in range(lo, hi) if text[i] in ",()")

    for n, ((_s1, e1, id1), (s2, e2, id2)) in enumerate(zip(folded, folded[1:], strict=False)):
        if 0 < s2 - e1 <= 8 and _LIST_COMMA.fullmatch(text, e1, s2):
            joined.add(text.index(",", e1, s2) + 1)
        elif 0 < s2 - e1 <= 40 and _ALIAS_NEXT.fullmatch(text, e1, s2):
            join(e1, s2)  # "al-Maʿbada (Girkê Legê), al-Qahtaniyah": an other name no source has
        elif id1 == id2 and _OPEN.fullmatch(text, e1, s2):
            s3 = folded[n + 2][0] if n + 2 < len(folded) else -1
            if 0 < s3 - e2 <= 8 and _CLOSE_NEXT.fullmatch(text, e2, s3):
                join(e1, s3)  # "al-Malikiyah (Dêrik), al-Qahtaniyah": the other name of the same place
            elif _CLOSE.match(text, e2):
                join(e1, e2 + 1)  # "the town of Zirgan (Abu Rasin) and the villages of ...": no cut either
    if not joined:
        return doc
    sentences = [
        Sentence(s.index, s.start, s.end, None, s.headline, s._text, s._breaks, frozenset(joined))
        for s in doc.sentences
    ]
    return Document(doc.norm, sentences, doc.matches, doc.anchors, doc.type_words)


def make_document(text: str | Normalised) -> Document:
    """Normalise, match every lexicon once, split sentences."""
    norm = text if isinstance(text, Normalised) else normalise(text)
    matches, marks = main_matcher().scan(norm.text)
    breaks = [m for m in matches if m.kind == "cue:clause_break"]
    anchors = [s for bits, s, _e in marks if bits & DATE_ANCHOR]
    type_words = [(e - 1, e - s) for bits, s, e in marks if bits & TYPE_WORD]
    return Document(norm, split_sentences(norm.text, breaks), matches, anchors, type_words)
