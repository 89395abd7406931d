"""The keys one place is matched by, each with the guard its context must lift.

Levels: 0 a name that is a place on its own (a known town); 1 a new village's name, a place when a type
word, a locative word before it or an area phrase after it says so; 2 a name that is also a frequent word
(المالكية، الطبقة; a village called "عطشان"), a place only with a locative before it, no construct noun or
adjective after it and another place or an event word around; 3 an ordinary word, a bare quarter name or
a derived form, a place only after a type word or inside a list a type word opens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extraction.gazetteer import NE_PREFERENCE, Place, english_variants
from extraction.gazetteer.frequency import is_new_village
from extraction.gazetteer.names import fold_name as fold
from extraction.gazetteer.spellings import news_variants

from .words import PlaceWords

FREE, SUPPORT, WORD, GUARDED = 0, 1, 2, 3
WORD_ZIPF = 3.0  # at or above: a word, needs context
HARD_ZIPF = 3.7  # at or above: an everyday word (جروح، كمين، أنقرة), needs a type word


DROP_ZIPF = 5.0  # at or above: a function word (على، من), never a key of a new village
NEW = 1 << 6  # the entry's place is a village only the WOF table knows
NEW_BARE_MIN = 5  # letters a new village's name needs, without its ال, to be looked for without it too


def encode(place: int, level: int, derived: bool, lil: bool, english: bool) -> int:
    return place << 7 | level << 3 | derived << 2 | lil << 1 | english


def _zipf_level(zipf: float | None) -> int:
    if zipf is None:
        return FREE
    return GUARDED if zipf >= HARD_ZIPF else WORD if zipf >= WORD_ZIPF else FREE


def place_keys(
    i: int, p: Place, w: PlaceWords, freq: dict[tuple[str, str], float]
) -> Iterator[tuple[str, int]]:
    """(key, code) for every Arabic and Latin form of place ``i``."""
    quarter = p.kind == "neighbourhood"
    new = is_new_village(p)
    floor = SUPPORT if new else FREE
    ne = p.admin1 in NE_PREFERENCE
    flag = NEW if new else 0
    for name in p.names_ar():
        f = fold(name)
        if new and (f in w.types or f in w.directions or f in w.stop or f in w.name_heads):
            continue  # a village the source calls "مدينة", "قرب" or "خربة" is found by its other names
        if new and freq.get(("ar", f), 0.0) >= DROP_ZIPF:
            continue
        typed = f.split(" ", 1)[0] in w.types
        bare = f[2:] if _has_article(f) else f
        if f in w.common or len(bare) <= 2 or (quarter and not typed):
            level = GUARDED
        elif f in w.word_names:
            level = WORD
        else:
            level = max(floor, _zipf_level(freq.get(("ar", f))) if new else FREE)
        # a new village's ال-less form: only a long one, and not a function word (short ones sit inside
        # other words: قراطي in الديمقراطية, and each such match costs a look)
        bare_drop = (
            new and bare != f and (len(bare) < NEW_BARE_MIN or freq.get(("ar", bare), 0.0) >= DROP_ZIPF)
        )
        yield from ((k, c | flag) for k, c in _arabic_forms(i, f, level) if not (bare_drop and k == bare))
        if p.is_area or quarter or typed:
            continue
        for v in news_variants(f, ne):
            vlevel = max(level, SUPPORT, _zipf_level(freq.get(("ar", v))))
            yield v, encode(i, vlevel, True, False, False) | flag
    for name in p.names_en():
        for v in _latin_forms(name, ne and not p.is_area):
            if not v.isascii() and not any(c.isalpha() for c in v):
                continue
            if new and len(v) < 4:
                continue  # "is", "al", "ra": a village's two-letter Latin form is never worth a key
            level = GUARDED if v in w.common or len(v) < 4 or (quarter and " " not in v) else floor
            if new and freq.get(("en", v), 0.0) >= WORD_ZIPF:
                level = GUARDED
            yield v, encode(i, level, False, False, True) | flag


def _arabic_forms(i: int, f: str, level: int) -> Iterator[tuple[str, int]]:
    """The name, its لل form and (guarded) its ال-less form."""
    yield f, encode(i, level, False, False, False)
    if _has_article(f) and len(f) > 3:
        yield "لل" + f[2:], encode(i, level, False, True, False)
        if len(f) >= 5:
            yield f[2:], encode(i, GUARDED, True, False, False)


def _latin_forms(name: str, news: bool = False) -> list[str]:
    """English forms of a Latin name, with the map's "Tall X" also as news writes it (Tal, Tell, Tel) and
    "-iyah" as "-iya"; with ``news`` (a north-east place), "ou" for "u" and a doubled consonant too."""
    forms = english_variants(name)
    tall = [f[5:] for f in forms if f.startswith("tall ")]
    forms += [f"{t} {rest}" for rest in tall for t in ("tal", "tell", "tel") if f"{t} {rest}" not in forms]
    # "Al-Kashkiya", "Al-Harijiya", "Sha'fa": news drops the final h of a map's "-iyah"/"-iyeh" and of a longer
    # "-ah" (not a short one, whose bare form is the first word of longer names: "Mallah", "Malla Sibat")
    forms += [f[:-1] for f in forms if _final_h(f) and f[:-1] not in forms]
    if not news:
        return forms
    # "Deir az-Zour" for ez-Zour: the article inside a name written with a or e
    forms += [a for f in forms if (a := _ARTICLE_VOWEL.sub(_other_vowel, f)) != f and a not in forms]
    # "Sousah" for Susah, "Deir ez-Zour" for Zur; "Hajjin" for Hajin (a doubled consonant the map writes once)
    more = [f.replace("u", "ou") for f in forms if "u" in f and "ou" not in f and len(f) >= 5]
    more += [d for f in forms if (d := _doubled(f)) is not None]
    # "Raqa" (AFP) for Raqqa: a doubled consonant the news writes once
    more += [d for f in forms if len(f) >= 5 and (d := _DOUBLE.sub(r"\1", f, count=1)) != f]
    return forms + [m for m in dict.fromkeys(more) if m not in forms]


_ARTICLE_VOWEL = re.compile(r"(?<= )([ae])(l|sh|[dnrstz])-")


def _other_vowel(m: re.Match[str]) -> str:
    return ("e" if m.group(1) == "a" else "a") + m.group(2) + "-"


def _final_h(f: str) -> bool:
    return f.endswith(("iyah", "iyeh")) or (len(f) > 6 and f.endswith("ah"))


_DOUBLE = re.compile(r"(?<=[aeiou])([bdfjklmnqrst])\1(?=[aeiou])")
_INTERVOCALIC = re.compile(r"(?<=[aeiou])([bdjklmnqrst])(?=[aeiou])")


def _doubled(f: str) -> str | None:
    """The name with its first consonant between vowels doubled, as news often spells it ("hajin" → "hajjin");
    names of five letters or more only."""
    if len(f) < 5 or " " in f:
        return None
    m = _INTERVOCALIC.search(f)
    return f[: m.start()] + m.group(1) + f[m.start() :] if m else None


def _has_article(f: str) -> bool:
    """ "الكسرة" has the article; "ال كان" (a source's stray space) does not make " كان" a name."""
    return f.startswith("ال") and not f.startswith("ال ")
