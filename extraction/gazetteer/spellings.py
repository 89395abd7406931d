"""Spellings: the news forms of a map name, and whether an Arabic name agrees with a Latin one.

GeoNames/WOF Arabic is formal map spelling; news writes the same village with or without the article,
"تل الطويل" for "تل طويل", ك for the Jazira's spoken ق ("جديد عكيدات"), "الشدادي" for "الشدادة". Hamza and
alef forms, ة/ه and ى/ي are already one letter after ``fold``. ``name_agreement`` compares the consonant
skeletons of an Arabic and a Latin name, to tell the right Arabic name of a record from another place's.
"""

from __future__ import annotations

import re
import unicodedata

from extraction.normalise import fold

# Kurdish letters in Arabic script, written with their nearest Arabic letter in Arabic-language news.
KURDISH_LETTERS = str.maketrans(
    {"ێ": "ي", "ۆ": "و", "گ": "ك", "ڤ": "ف", "ڕ": "ر", "ڵ": "ل", "پ": "ب", "چ": "ج", "ە": "ه", "ھ": "ه"}
)
# First words of compound names ("تل X", "خربة X"), whose second word news writes with or without ال.
HEADS = frozenset(
    [
        "تل",
        "تله",
        "خربه",
        "عين",
        "ام",
        "ابو",
        "جب",
        "رجم",
        "بير",
        "قبر",
        "مزرعه",
        "كري",
        "كرد",
        "دير",
        "قصر",
        "حمام",
    ]
)
# Second words that are adjectives ("كبير", "فوقاني"): news adds the article ("طرطب الصغير").
TAILS = frozenset(
    [
        "كبير",
        "صغير",
        "فوقاني",
        "تحتاني",
        "شرقي",
        "غربي",
        "شمالي",
        "جنوبي",
        "جديد",
        "قديم",
        "وسطاني",
        "كبيره",
        "صغيره",
    ]
)

_GENDERED = {"كبير": "كبيره", "كبيره": "كبير", "صغير": "صغيره", "صغيره": "صغير"}

_AR_SKELETON = str.maketrans(
    {
        "ب": "b", "ت": "t", "ط": "t", "ث": "t", "ه": "h", "ح": "h", "خ": "x", "ج": "j", "د": "d", "ض": "d",
        "ذ": "d", "ظ": "d", "ر": "r", "ز": "z", "س": "s", "ص": "s", "ش": "S", "غ": "g", "ف": "f", "ق": "k",
        "ك": "k", "ل": "l", "م": "m", "ن": "n", "و": None, "ي": None, "ا": None, "ع": None, "ء": None, " ": " ",
    }
)  # fmt: skip
_LATIN_DIGRAPHS = (
    ("kh", "x"),
    ("gh", "g"),
    ("sh", "S"),
    ("ch", "S"),
    ("th", "t"),
    ("dh", "d"),
    ("dj", "j"),
    ("ou", "w"),
)
_LATIN_ARTICLE = re.compile(r"\b(?:al|el|as|ash|ad|adh|at|ath|ar|az|an|es|ed|et|er|ez|en|ech)[- ]")
_LATIN_SKELETON = str.maketrans(
    {
        "q": "k",
        "c": "k",
        "g": "g",
        "p": "b",
        "v": "f",
        "e": None,
        "a": None,
        "i": None,
        "o": None,
        "u": None,
        "y": None,
        "w": None,
    }
)


def skeleton_ar(name: str) -> str:
    """Consonants of an Arabic name, article dropped from each word, in a Latin class per letter."""
    words = [
        w[2:] if w.startswith("ال") and len(w) > 3 else w
        for w in fold(name.translate(KURDISH_LETTERS)).split()
    ]
    out = " ".join(words).translate(_AR_SKELETON)
    return _collapse(out)


def skeleton_latin(name: str) -> str:
    """Consonants of a Latin transliteration in the same classes (BGN, French and news forms)."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    s = _LATIN_ARTICLE.sub("", re.sub(r"[^a-z\s-]", "", s))
    for a, b in _LATIN_DIGRAPHS:
        s = s.replace(a, b)
    return _collapse(s.replace("-", " ").translate(_LATIN_SKELETON))


def _collapse(s: str) -> str:
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def name_agreement(name_ar: str, names_latin: list[str]) -> float:
    """0-100: how well the Arabic name's consonants match the best of the Latin names."""
    from rapidfuzz import fuzz

    a = skeleton_ar(name_ar).replace(" ", "")
    if not a:
        return 0.0
    return max((fuzz.ratio(a, skeleton_latin(n).replace(" ", "")) for n in names_latin), default=0.0)


def news_variants(folded: str, north_east: bool) -> list[str]:
    """Forms news writes for a folded map name (the name itself excluded), most regular first.

    The article on the second word of a compound ("تل طويل" / "تل الطويل") or on an adjective tail
    ("طرطب صغير" / "طرطب الصغير"); a single word with the article added ("X" / "الX"); in the
    north-east, ك for ق ("عقيدات" / "عكيدات") and ي for a final ادة ("الشدادة" / "الشدادي").
    """
    words = folded.split(" ")
    out: list[str] = []
    if len(words) == 2 and (words[0] in HEADS or words[1] in TAILS):
        second = words[1]
        out.append(f"{words[0]} {second[2:]}" if second.startswith("ال") else f"{words[0]} ال{second}")
        if second in _GENDERED:
            # "حبوبة كبير" for the map's "حبوبة كبيرة": news drops or adds the tail's feminine ending
            out.append(f"{words[0]} {_GENDERED[second]}")
    elif len(words) == 1 and not folded.startswith("ال") and len(folded) >= 4:
        out.append("ال" + folded)
    if north_east:
        for form in [folded, *out]:
            if "ق" in form:
                out.append(form.replace("ق", "ك"))
        if len(words) == 1 and folded.startswith("ال") and folded.endswith("اده"):
            out.append(folded[:-1] + "ي")
    return [v for v in dict.fromkeys(out) if v != folded]
