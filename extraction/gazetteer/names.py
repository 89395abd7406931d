"""Name forms: Latin variants for matching, admin prefixes stripped, and what counts as an Arabic or Latin name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extraction.normalise import _DROP, _FOLD

from .place import unique

# fold() as one str.translate: the same result for names (it lowercases the whole string rather than
# character by character, which differs only for Greek final sigma); a cold start folds ~100,000 names.
_FOLD_TABLE = str.maketrans({**{c: v.lower() for c, v in _FOLD.items()}, **dict.fromkeys(_DROP)})
_SPACES = re.compile(r"\s+")


def fold_name(name: str) -> str:
    """``fold`` for a gazetteer name, fast."""
    return _SPACES.sub(" ", name.translate(_FOLD_TABLE).lower()).strip()


ARABIC_ONLY = re.compile(r"^[\u0600-\u06ff\s]+$")
LATIN_ONLY = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'`‘’ʿʾ\-\s.()]+$")
_ADMIN_PREFIX_AR = re.compile(r"^(?:(?:ناحية|منطقة|محافظة|مركزها|مركز|مدينة)\s+)+")
ADMIN_PREFIX_EN = re.compile(r"^(?:markaz)\s+", re.I)
_LATIN_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|adh|at|ath|ar|az|an)[- ]")


@lru_cache(maxsize=65536)
def english_variants(name: str) -> list[str]:
    """Matching forms of a Latin name: folded, without accents, with/without the article (al-/al /bare), a
    two-word name also hyphenated."""
    base = fold_name(name)
    if not base:
        return []
    if base.isascii():
        plain = base  # NFKD changes no ASCII letter
    else:
        plain = "".join(c for c in unicodedata.normalize("NFKD", base) if not unicodedata.combining(c))
    out: list[str] = []
    for f in (base, plain, plain.replace("'", "").replace("`", "")):
        f = _SPACES.sub(" ", f.replace("`", "'")).strip(" '")
        out.append(f)
        m = _LATIN_ARTICLE.match(f)
        if m:
            rest = f[m.end() :]
            out += [rest, "al-" + rest, "al " + rest]
    if plain.count(" ") == 1 and not _LATIN_ARTICLE.match(plain):
        out.append(plain.replace(" ", "-"))  # "Albu-Kamal", "Tal-Tamr": a two-word name written with a hyphen
    return unique(x for x in out if x)


def strip_admin_prefix(name: str) -> str:
    """OpenSyria Arabic names carry مركز/ناحية/منطقة/محافظة; the bare name is what news writes."""
    return _ADMIN_PREFIX_AR.sub("", name.strip()).strip()


def admin_aliases(rec: dict) -> tuple[list[str], list[str]]:
    ar: list[str] = [strip_admin_prefix(rec["name"]["ar"])]
    en: list[str] = []
    for a in rec.get("aliases", []):
        v = a["value"].strip()
        if a["language"] == "ar":
            v = strip_admin_prefix(v)
            if ARABIC_ONLY.match(v):
                ar.append(v)
        elif a["language"] == "en" and LATIN_ONLY.match(v):
            if v == v.lower() or re.match(r"^n[aā]\S*iyat\b", v, re.I):
                continue  # machine transliterations ("nahyt mrkz ...") and "Nahiyat ..." forms
            en.append(ADMIN_PREFIX_EN.sub("", v))
    return unique(ar), unique(en)
