"""Place mentions in a report, the way Arabic (and English) news writes them.

One Aho-Corasick pass over the normalised text finds every gazetteer alias; each hit is kept if it stands on
word boundaries, allowing the proclitics و ف ب ل ك glued to it (بالقامشلي، وللحسكة). The words before a name
(type words مدينة/بلدة/حي…, directions جنوبي/قرب/محيط…) and after it (ريف X الشرقي) set the kind expected, the
qualifier and the precision. Names that are also ordinary words (طي، التل، الصور) and bare quarter names count
only after a type word or inside a list a type word opens (أحياء الزنود وطي). A name found in several places is
resolved by the other places of the same report, preferring the north-east. The word lists are data:
``data/place_words.csv``.

Modules: ``words`` (the word lists), ``matcher`` (the automaton), ``hits`` (raw hits and the words before
them), ``find`` (find_places), ``resolve`` (one place per mention), ``mention`` (PlaceMention),
``unknown`` (names the gazetteer lacks).
"""

from __future__ import annotations

from .find import find_places
from .matcher import Matcher, matcher_for
from .mention import PlaceMention
from .unknown import find_unknown_places
from .words import TYPE_KINDS, WORDS_CSV, PlaceWords, place_words

__all__ = [
    "TYPE_KINDS",
    "WORDS_CSV",
    "Matcher",
    "PlaceMention",
    "PlaceWords",
    "find_places",
    "find_unknown_places",
    "matcher_for",
    "place_words",
]
