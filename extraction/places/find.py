"""find_places: hits kept by their context, then one place chosen per mention."""

from __future__ import annotations

import re

from extraction.gazetteer import Gazetteer, load_gazetteer
from extraction.normalise import Normalised, normalise

from .hits import Found, Hit, context_before, list_gap, names_an_organisation, raw_hits, unquoted, word_before
from .keys import FREE, GUARDED
from .licence import Licence
from .matcher import Matcher, matcher_for
from .mention import PlaceMention
from .resolve import resolve
from .words import SIDE_EN, TYPE_KINDS

_EN_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")


def find_places(
    text_or_normalised: str | Normalised,
    extra_places: list[dict] | None = None,
    gazetteer: Gazetteer | None = None,
    source: str | None = None,
) -> list[PlaceMention]:
    """Every place named in the text, in order, with original offsets, point and precision.

    ``source`` is the outlet: where it reports from helps choose between places of the same name.
    A Document (anything with a ``norm``) is accepted for a Normalised.
    """
    if hasattr(text_or_normalised, "norm"):
        text_or_normalised = text_or_normalised.norm
    norm = text_or_normalised if isinstance(text_or_normalised, Normalised) else normalise(text_or_normalised)
    gaz = gazetteer or load_gazetteer(extra_places)
    m = matcher_for(gaz)
    t = norm.text
    hits = raw_hits(m, t)
    licence = Licence(m, t, hits)
    found: list[Found] = []
    last_end = -1
    typed_before = m.ar_context_last
    for h in hits:
        if h.cstart < last_end or h.start < last_end:
            continue
        if (
            h.entries.low == GUARDED
            and not h.entries[0].english
            and not (found and found[-1].typed)
            and word_before(t, unquoted(t, h.cstart)) not in typed_before
        ):
            continue  # every entry needs a type word or a list a type word opens, and neither is there
        f = _consider(m, t, h, found, licence)
        if f is not None:
            found.append(f)
            last_end = f.end
    return resolve(m, norm, found, source)


def _consider(m: Matcher, t: str, h: Hit, found: list[Found], licence: Licence) -> Found | None:
    """The mention a hit makes with the words around it, or None when its context does not make it one."""
    pstart, kind, qual, typed = context_before(m, t, h)
    english = h.entries[0].english
    in_list = False
    if not typed and found:
        prev = found[-1]
        if prev.typed:
            gap = t[prev.end : h.cstart]
            if list_gap(gap, h.clitic) or (english and _EN_LIST_GAP.fullmatch(gap)):
                in_list, kind = True, prev.type_kind
    end, side = h.end, False
    if english:
        end, kind, qual, typed, side = _english_after(m, t, end, kind, qual, typed)
    elif kind == "countryside":
        sa = m.side_after.match(t[end : end + 40])
        if sa:
            qual = f"{m.words.sides[sa.group('side')]} countryside"
            end += sa.end()
            side = True
    entries = licence.allowed(h, typed, in_list, bool(qual), kind)
    if kind and TYPE_KINDS.get(kind) and entries:
        fitting = [e for e in entries if m.places[e.place].kind in TYPE_KINDS[kind]]
        if len(fitting) < len(entries):  # else the same list (a key's, with its facts)
            entries = fitting or [e for e in entries if e.level == FREE]
    if not entries:
        return None
    org = names_an_organisation(m, t, h)  # asked last: most hits never get this far
    if org == "outlet":
        return None
    if org == "institution":
        qual = "institution"  # "مجلس ذيبان المدني": a fallback place, never preferred to a named one
    return Found(h, entries, pstart, end, kind, qual, typed or in_list, side)


def _english_after(m: Matcher, t: str, end: int, kind, qual, typed: bool):
    """ "Hasakah countryside", "al-Hol camp": a type word after an English name; not one that types the name after
    it ("the Iraqi town of Sinjar": "Iraqi" is no town)."""
    side = False
    after = m.en_type_after.match(t[end : end + 30])
    # "villages of Deir Ezzor's western countryside": a possessive countryside after a typed name is still its area
    if (
        after
        and typed
        and t[end : end + 1] in "'’"
        and m.words.types[after.group("type")][0] == "countryside"
    ):
        typed = False
    if after and not typed:
        after_kind, _q = m.words.types[after.group("type")]
        if after_kind != "countryside" and t.startswith(" of ", end + after.end()):
            return end, kind, qual, typed, side
        kind, typed = after_kind, True
        if kind == "countryside":
            qual = "countryside"
            se = SIDE_EN.match(t[end : end + 40])
            if se:
                qual = f"{se.group(1)} countryside" if se.group(1) else "countryside"
                end += se.end()
                side = bool(se.group(1))
        else:
            end += after.end()
    return end, kind, qual, typed, side
