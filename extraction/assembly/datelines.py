"""Datelines: the line openings that say where a report was filed from, not where anything happened.

"raqqa, syria (north press) - ", "beirut (afp) - ", "damascus, april 25 (xinhua) -- " (a spaced dash), the wire's
"دمشق 18 يناير 2026 (شينخوا) لقي 4 مدنيين ..." (a day, a month word, a year and the agency in brackets after the
town) and "كوباني ـ أُصيب أربعة أطفال" (a tatweel for the dash, read in the original text since folding drops
it). ``report.a_dateline_places_only_a_placeless_clause`` decides what the spans found here place.
"""

from __future__ import annotations

import bisect
import re

from ..document import Document

# A hyphen inside a word ("deir ez-zor") is part of the name; the dateline's dash has spaces round it.
_NAME_CHAR = r"(?:[^\n,()\-]|-(?=\S))"
_DATELINE = re.compile(
    rf"[ \t]*({_NAME_CHAR}{{2,40}}?)(?:,[ \t]?{_NAME_CHAR}{{2,30}})?[ \t]*(?:\([^()\n]{{1,40}}\))?[ \t]+--?[ \t]+"
)
_WIRE_DATELINE = re.compile(
    rf"[ \t]*({_NAME_CHAR}{{2,40}}?)(?:,[ \t]?{_NAME_CHAR}{{2,30}})?[ \t]+\d{{1,2}}[ \t]+[^\s\d()]{{2,12}}\.?,?[ \t]+"
    rf"\d{{4}}[ \t]*\([^()\n]{{1,40}}\)[ \t]+"
)
_TATWEEL_DATELINE = re.compile(r"[ \t]*([^\n\-ـ(),.،]{2,30}?)[ \t]+ـ+[ \t]+")


def dateline_spans(doc: Document) -> list[tuple[int, int]]:
    """Folded (start, end) of each dateline's town name, in text order."""
    text = doc.text
    tried: set[int] = set()
    # only lines with a spaced dash in their first 130 characters can open with one; the wire's form, only those
    # where the agency's bracket closes within their first 100
    spans = (
        _opening_spans(text, " -", 130, _DATELINE, tried)
        + _opening_spans(text, ") ", 100, _WIRE_DATELINE, tried)
        + _tatweel_spans(doc)
    )
    return sorted(spans)


def _opening_spans(
    text: str, mark: str, reach: int, pattern: re.Pattern[str], tried: set[int]
) -> list[tuple[int, int]]:
    """The name spans of ``pattern`` matched at the start of each line holding ``mark`` within ``reach``."""
    spans = []
    at = text.find(mark)
    while at != -1:
        line = text.rfind("\n", 0, at) + 1
        if at - line <= reach and line not in tried:
            tried.add(line)
            m = pattern.match(text, line, line + reach + len(mark))
            if m:
                spans.append(m.span(1))
        at = text.find(mark, at + len(mark))
    return spans


def _tatweel_spans(doc: Document) -> list[tuple[int, int]]:
    """Folded name spans of the lines opening with a town and a tatweel dash ("كوباني ـ")."""
    original, idx, out = doc.norm.original, doc.norm.index, []
    at = original.find(" ـ")
    while at != -1:
        line = original.rfind("\n", 0, at) + 1
        m = _TATWEEL_DATELINE.match(original, line, at + 8) if at - line <= 32 else None
        if m:
            out.append((bisect.bisect_left(idx, m.start(1)), bisect.bisect_left(idx, m.end(1))))
        at = original.find(" ـ", at + 2)
    return out
