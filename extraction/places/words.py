"""The language data of place matching (data/place_words.csv), folded once."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extraction.normalise import fold

WORDS_CSV = Path(__file__).resolve().parents[2] / "data" / "place_words.csv"

# Place kinds a type word may introduce (the first listed is what an unknown name would be).
TYPE_KINDS: dict[str, tuple[str, ...]] = {
    "city": ("city", "town"),
    "town": ("town", "city", "village"),
    "village": ("village", "town"),
    "neighbourhood": ("neighbourhood",),
    "camp": ("camp",),
    "sub-district": ("town", "city", "sub-district"),
    "governorate": ("governorate",),
    "area": (),
    "countryside": ("city", "town", "village", "governorate", "district", "sub-district", "region"),
    "airport": ("airport",),
    "facility": ("facility", "airport", "camp", "field"),
    "crossing": ("crossing",),
    "dam": ("dam",),
    "field": ("field",),
    "mountain": ("mountain", "facility"),
}
EN_SIDES = "eastern|western|northern|southern"
SIDE_EN = re.compile(rf"^(?:['’]s)?\s+(?:({EN_SIDES})\s+)?countryside\b")


_SETS = (
    "name_head",
    "name_tail",
    "common",
    "stop",
    "org_before",
    "org_after",
    "org_after_alone",
    "org_before_alone",
    "locative",
    "area_after",
    "event_word",
    "word_name",
    "dual",
    "pair",
)

# The PlaceWords field a role of the CSV fills, where the names differ.
_FIELD = {
    "name_head": "name_heads",
    "name_tail": "name_tails",
    "event_word": "event_words",
    "word_name": "word_names",
    "dual": "duals",
    "pair": "pairs",
}


@dataclass(frozen=True)
class PlaceWords:
    """The language data of place matching, folded once."""

    proclitics: str
    types: dict[str, tuple[str, str]]  # folded word -> (kind, qualifier)
    plurals: frozenset[str]
    directions: dict[str, str]  # folded word -> qualifier
    sides: dict[str, str]
    name_heads: frozenset[str]
    name_tails: frozenset[str]
    common: frozenset[str]
    stop: frozenset[str]
    org_before: frozenset[str] = frozenset()
    org_after: frozenset[str] = frozenset()
    org_after_alone: frozenset[str] = frozenset()
    org_before_alone: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()  # "في X", "near X": a village name after it is a place
    area_after: frozenset[str] = frozenset()  # "X بريف Y", "X east of Y": what places a village named before
    event_words: frozenset[str] = frozenset()  # conflict words that make a town name that is a word a place
    word_names: frozenset[str] = frozenset()  # town names that are ordinary words: decided by context
    duals: frozenset[str] = (
        frozenset()
    )  # "قريتي X وY": exactly two names follow (the second may be two words)
    pairs: frozenset[str] = frozenset()  # "شيوخ فوقاني", "شيوخ تحتاني": the words that tell a pair apart


@lru_cache(maxsize=1)
def place_words(path: Path = WORDS_CSV) -> PlaceWords:
    clitics: list[str] = []
    types: dict[str, tuple[str, str]] = {}
    plurals: set[str] = set()
    directions: dict[str, str] = {}
    sides: dict[str, str] = {}
    sets: dict[str, set[str]] = {k: set() for k in _SETS}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            word, role = fold(row["word"]), row["role"].strip()
            if not word:
                continue
            if role == "proclitic":
                clitics.append(word)
            elif role in ("type", "plural"):
                types[word] = (row["kind"].strip(), row["qualifier"].strip())
                if role == "plural":
                    plurals.add(word)
            elif role == "direction":
                directions[word] = row["qualifier"].strip()
            elif role == "side":
                sides[word] = row["qualifier"].strip()
            elif role in sets:
                sets[role].add(word)
            else:
                raise ValueError(f"place_words.csv: unknown role {role!r} for {row['word']!r}")
    fields = {_FIELD.get(role, role): frozenset(v) for role, v in sets.items()}
    return PlaceWords(
        proclitics="".join(clitics), types=types, plurals=frozenset(plurals), directions=directions, sides=sides,
        **fields,
    )  # fmt: skip
