"""find_places: hits kept by their context, then one place chosen per mention."""

from __future__ import annotations

import re

from extraction.gazetteer import Gazetteer, load_gazetteer
from extraction.normalise import Normalised, normalise

from .hits import Found, context_before, list_gap, names_an_organisation, raw_hits
from .matcher import matcher_for
from .mention import PlaceMention
from .resolve import resolve
from .words import SIDE_EN, TYPE_KINDS


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
    found: list[Found] = []
    last_end = -1
    for h in raw_hits(m, t):
        if h.cstart < last_end or h.start < last_end:
            continue
        org = names_an_organisation(m, t, h)
        if org == "outlet":
            continue
        pstart, kind, qual, typed = context_before(m, t, h)
        english = h.entries[0].english
        in_list = False
        if not typed and found:
            prev = found[-1]
            gap = t[prev.end : h.cstart]
            en_gap = english and re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", gap)
            if prev.typed and (list_gap(gap, h.clitic) or en_gap):
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
                    se = SIDE_EN.match(t[end : end + 40])
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
        found.append(Found(h, entries, pstart, end, kind, qual, typed or in_list, side))
        last_end = end
    return resolve(m, norm, found)
