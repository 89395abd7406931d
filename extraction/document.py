"""One report as the pipeline sees it: original text, folded text, sentences and clause segments.

Sentences end at . ! ? and line breaks (a headline is its own sentence); segments split a sentence
at commas, semicolons and clause-linking words ("في حين", "ردا على"), which is the scope of cues
such as threats and denials. All offsets here are folded offsets; ``span`` maps them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Match, main_matcher
from .normalise import Normalised, normalise

_SENT_END = re.compile(r"(?:[.!?]+(?=\s|$|[\"'])|\n+)")
_SEG_END = re.compile(r"[,;:()]")


@dataclass
class Sentence:
    """A sentence: folded ``[start, end)`` and its segments (folded spans)."""

    index: int
    start: int
    end: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False

    def segment_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.segments:
            if s <= pos < e:
                return s, e
        return self.start, self.end


@dataclass
class Document:
    """The report, its folded text, lexicon matches and sentences."""

    norm: Normalised
    sentences: list[Sentence]
    matches: list[Match]

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
    for m in _SENT_END.finditer(text):
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
        seg_starts = [s]
        for m in _SEG_END.finditer(text, s, e):
            seg_starts.append(m.end())
        while bi < len(breaks) and breaks[bi].start < s:
            bi += 1
        j = bi
        while j < len(breaks) and breaks[j].start < e:
            seg_starts.append(breaks[j].start)
            j += 1
        seg_starts = sorted(set(seg_starts))
        segs = [(a, b) for a, b in zip(seg_starts, seg_starts[1:] + [e], strict=True) if b > a]
        words = text.count(" ", s, e) + 1
        first_line = first_line_short and e <= first_line_end + 1  # a title, even split by ".."
        sentences.append(Sentence(len(sentences), s, e, segs, headline=(bare or first_line) and words <= 16))
    return sentences


def make_document(text: str | Normalised) -> Document:
    """Normalise, match every lexicon once, split sentences."""
    norm = text if isinstance(text, Normalised) else normalise(text)
    matches = main_matcher().find(norm.text)
    breaks = [m for m in matches if m.kind == "cue:clause_break"]
    return Document(norm, split_sentences(norm.text, breaks), matches)
