"""How often a village's name is an ordinary word: the guard its name needs when matched in a report.

A village of a few hundred people is rarely in the news; a name as frequent as an everyday word
("الخبرة" experience, "عطشان" thirsty, "علي" a first name) is that word far more often than the village.
The build looks each new village name (and the news forms of it) up in wordfreq's Arabic and English
lists and writes those at or above ``MIN_ZIPF`` to ``data/place_name_words.csv``; place matching reads
that file (wordfreq is needed to build, not to run). Zipf 3 is about once per million words.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from extraction.normalise import fold

from .load import DATA
from .names import english_variants
from .place import NE_PREFERENCE, Place
from .spellings import news_variants

WORDS_CSV = DATA / "place_name_words.csv"
MIN_ZIPF = 3.0
SOURCE = "wordfreq 3.1.1 (CC BY-SA 4.0)"
PHRASE_PENALTY = 1.5
NEW_SOURCE = "Who's On First (GeoNames)"


def is_new_village(p: Place) -> bool:
    """A place only the WOF table knows: its names need context to count in a report."""
    return p.source == NEW_SOURCE


def village_forms(p: Place) -> list[tuple[str, str]]:
    """(lang, folded form) of every name of a new village as matching will look for it."""
    out: list[tuple[str, str]] = []
    ne = p.admin1 in NE_PREFERENCE
    for name in p.names_ar():
        f = fold(name)
        out += [("ar", f), *(("ar", v) for v in news_variants(f, ne))]
        if f.startswith("ال") and not f.startswith("ال ") and len(f) >= 5:
            out.append(("ar", f[2:]))  # the ال-less form matching also looks for
    out += [("en", v) for n in p.names_en() for v in english_variants(n)]
    return out


def variant_forms(p: Place) -> list[tuple[str, str]]:
    """(lang, folded form) of the news forms of a known place's Arabic names."""
    ne = p.admin1 in NE_PREFERENCE
    return [("ar", v) for name in p.names_ar() for v in news_variants(fold(name), ne)]


def name_words(places: list[Place]) -> list[tuple[str, str, float]]:
    """(name, lang, zipf) of the name forms matching gives a guard by frequency, when they are words:
    every form of a new village, and the news forms of the other places; sorted."""
    forms = {f for p in places if is_new_village(p) for f in village_forms(p)}
    forms |= {f for p in places if not is_new_village(p) and not p.is_area for f in variant_forms(p)}
    out = []
    for lang, form in sorted(forms):
        z = zipf(form, lang)
        if z >= MIN_ZIPF:
            out.append((form, lang, z))
    return out


def spellings(word: str, lang: str) -> list[str]:
    """How a folded word may be written in the texts wordfreq counted: ة for a final ه, ى for a final
    ي, أ/إ for an initial alef (``fold`` made them one letter; wordfreq did not)."""
    if lang != "ar":
        return [word]
    out = [word]
    if word.endswith("ه"):
        out.append(word[:-1] + "ة")
    if word.endswith("ي"):
        out.append(word[:-1] + "ى")
    stem, art = (word[2:], "ال") if word.startswith("ال") else (word, "")
    if stem.startswith("ا"):
        out += [art + "أ" + stem[1:], art + "إ" + stem[1:], art + "آ" + stem[1:]]
    out += [o[:-1] + "ة" for o in out[2:] if o.endswith("ه")]
    return out


def zipf(form: str, lang: str = "ar") -> float:
    """The Zipf frequency of a folded name (a phrase: see phrase_zipf)."""
    from wordfreq import zipf_frequency

    return phrase_zipf([max(zipf_frequency(s, lang) for s in spellings(w, lang)) for w in form.split()])


def is_word(form: str, lang: str = "ar") -> bool:
    """A folded name as frequent as an ordinary word (MIN_ZIPF or more)."""
    return zipf(form, lang) >= MIN_ZIPF


def phrase_zipf(word_zipfs: list[float]) -> float:
    """A name of several words is as frequent as its rarest word, less PHRASE_PENALTY per extra word
    (wordfreq's own estimate for a phrase is about the rarest word's, which makes "ابو الخشب" look as
    common as "الخشب"); "ابو بكر" stays a word, "ابو الخشب" does not."""
    if not word_zipfs:
        return 0.0
    return min(word_zipfs) - PHRASE_PENALTY * (len(word_zipfs) - 1)


def write_name_words(rows: list[tuple[str, str, float]], path: Path = WORDS_CSV) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["name", "lang", "zipf", "source"])
    for name, lang, z in rows:
        w.writerow([name, lang, f"{z:.2f}", SOURCE])
    path.write_text(buf.getvalue(), encoding="utf-8")


def read_name_words(path: Path = WORDS_CSV) -> dict[tuple[str, str], float]:
    """(lang, folded name) -> zipf; empty when the file is missing (no village then needs a guard)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["lang"], r["name"]): float(r["zipf"]) for r in csv.DictReader(fh)}
