"""Place mentions in a report, the way Arabic (and English) news writes them.

One Aho-Corasick pass over the normalised text finds every gazetteer name and the forms news writes for it;
each hit is kept if it stands on word boundaries, allowing the proclitics و ف ب ل ك glued to it (بالقامشلي،
وللحسكة). The words before a name (type words مدينة/بلدة/قرية…, directions جنوبي/قرب/محيط…) and after it (ريف X
الشرقي) set the kind expected, the qualifier and the precision. Each key carries the guard its context must
lift: a known town counts alone; a village only Who's On First knows needs a type word, a locative or an area
phrase; a name that is also a frequent word needs a locative, no construct after and a place or conflict word
around; ordinary words and bare quarter names need a type word (or a list one opens). A name found in several
places is resolved by the report's framing phrase, its other places, its provinces and its outlet, preferring
the north-east; what stays open is kept as the mention's ``alternatives``. The word lists are data:
``data/place_words.csv``, ``data/place_name_words.csv``, ``data/outlet_areas.csv``.

Modules: ``words`` (the word lists), ``keys`` (a place's keys and their guards), ``matcher`` (the automaton),
``cache`` (the automaton on disk), ``hits`` (raw hits and the words before them), ``licence`` (the context that
lifts a guard), ``find`` (find_places), ``context`` and ``outlets`` (what a report says around a name),
``resolve`` (one place per mention), ``mention`` (PlaceMention), ``unknown`` (names the gazetteer lacks),
``unlisted`` (such names as places located by the town named with them).
"""

from __future__ import annotations

from .find import find_places
from .matcher import Matcher, matcher_for
from .mention import PlaceMention
from .unknown import find_unknown_places
from .unlisted import is_unlisted, unlisted_places
from .words import TYPE_KINDS, WORDS_CSV, PlaceWords, place_words

__all__ = [
    "TYPE_KINDS",
    "WORDS_CSV",
    "Matcher",
    "PlaceMention",
    "PlaceWords",
    "find_places",
    "find_unknown_places",
    "is_unlisted",
    "unlisted_places",
    "matcher_for",
    "place_words",
]
