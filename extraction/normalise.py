"""Arabic (and Latin) text normalised for matching, with a map back to the original offsets.

Every later stage matches on ``Normalised.text`` and reports spans in the original report, so an
evidence span is always exact: ``original[start:end]``. Characters are folded one-to-one where
possible (alef forms, ta marbuta, alef maqsura, digits, quotes); diacritics, tatweel, direction marks
and HTML markup are dropped, and the offset map skips them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ک": "ك",
    "ڪ": "ك",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "‹": '"',
    "›": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "`": "'",
    "´": "'",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\t": " ",
    "–": "-",
    "—": "-",
    "‐": "-",
    "−": "-",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _FOLD[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _FOLD[_d] = str(_i)

# Dropped entirely: harakat, superscript alef, tatweel, zero-width and bidi controls.
_DROP = set(
    "\u0640\u0670\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
_DROP.update(chr(c) for c in range(0x064B, 0x0660))
_DROP.update(chr(c) for c in range(0x06D6, 0x06EE))
# hashtags: "قرى #عياش و#الخريطة"، "#الجيش_السوري": the sign goes and an underscore is a space
_DROP.add("#")
# the ʿayn and hamza signs of a scholarly transliteration ("ʿAmudah", "al-Maʿbada"): news and maps write none
_DROP.update("\u02bf\u02be")
_FOLD["_"] = " "

_HTML_HINT = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_SKIP_BLOCK = re.compile(r"<(script|style|head|noscript)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]{0,2000}>", re.S)
_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")
_BLOCK_TAG = re.compile(r"<\s*/?\s*(p|div|br|li|h[1-6]|tr|section|article|blockquote)\b", re.I)


def fold_char(ch: str) -> str:
    """The matching form of one character ('' when it is dropped)."""
    if ch in _DROP:
        return ""
    return _FOLD.get(ch, ch).lower()


class _FoldTable(dict):
    """A ``str.translate`` table of ``fold_char``, filled as characters are seen (one C pass per string)."""

    def __missing__(self, code: int) -> str:
        f = self[code] = fold_char(chr(code))
        return f


_FOLD_TABLE = _FoldTable()
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Normalise a short string (a lexicon entry, a query) the same way as a report."""
    return _SPACES.sub(" ", text.translate(_FOLD_TABLE)).strip()


def looks_like_html(text: str) -> bool:
    """True when a pasted report carries markup worth stripping."""
    return bool(_HTML_HINT.search(text))


@dataclass
class Normalised:
    """The folded text and, for every folded character, the index of its source character."""

    original: str
    text: str
    index: list[int]  # a range when nothing was dropped (indexable and bisectable alike)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) back to the original report."""
        if end <= start or not self.index:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


def _markup_ranges(text: str) -> list[tuple[int, int, str]]:
    """Ranges of the original to replace: (start, end, replacement)."""
    ranges: list[tuple[int, int, str]] = []
    covered: list[tuple[int, int]] = []
    for m in _SKIP_BLOCK.finditer(text):
        ranges.append((m.start(), m.end(), " "))
        covered.append((m.start(), m.end()))

    def inside(pos: int) -> bool:
        return any(a <= pos < b for a, b in covered)

    for m in _TAG.finditer(text):
        if not inside(m.start()):
            rep = "\n" if _BLOCK_TAG.match(m.group(0)) else " "
            ranges.append((m.start(), m.end(), rep))
    for m in _ENTITY.finditer(text):
        if not inside(m.start()):
            rep = html.unescape(m.group(0))
            ranges.append((m.start(), m.end(), rep[:1] if rep != m.group(0) else m.group(0)))
    ranges.sort()
    return ranges


_FOLD_CACHE: dict[str, str | None] = {}  # char -> its fold when it changes ('' dropped); None = unchanged
_UNCHANGED: set[str] = set()  # characters seen to fold to themselves: one C set difference skips them


def _fold_once(ch: str) -> str | None:
    f = "\n" if ch == "\r" else fold_char(ch)
    if f == ch:
        return None
    if len(f) > 1 or (f and fold_char(f) != f):
        return "\x00"  # folds to several characters or to a character that folds again: slow path
    return f


def _plain_class() -> re.Pattern[str]:
    """One character that may fold to something else: every ASCII and Arabic-block character that folds to
    itself is left out, so a report's few others are found by one C scan (``set(text)`` makes a string
    object per Arabic character)."""
    runs: list[tuple[int, int]] = []
    for cp in range(0x700):
        if _fold_once(chr(cp)) is None:
            if runs and runs[-1][1] == cp - 1:
                runs[-1] = (runs[-1][0], cp)
            else:
                runs.append((cp, cp))
    plain = "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)
    return re.compile(f"[^{plain}]")


_MAY_CHANGE = _plain_class()


def _translate(text: str) -> Normalised | None:
    """The folding at C speed: one ``str.replace`` per distinct changing character of the text.

    News text has few distinct characters that change (alef forms, ta marbuta, a few diacritics),
    so a handful of C-level replaces beat a per-character table lookup. Dropped characters
    (diacritics, tatweel) are found by one regex pass that builds the offset map. None when a
    character folds to several (the slow path handles it).
    """
    cache = _FOLD_CACHE
    changes: list[tuple[str, str]] = []
    dropped: list[str] = []
    for ch in set(_MAY_CHANGE.findall(text)).difference(_UNCHANGED):
        if ch in cache:
            f = cache[ch]
        else:
            f = cache[ch] = _fold_once(ch)
        if f is None:
            _UNCHANGED.add(ch)
            continue
        if f == "\x00":
            return None
        if f:
            changes.append((ch, f))
        else:
            dropped.append(ch)
    folded = text
    for ch, f in changes:
        folded = folded.replace(ch, f)
    n = len(text)
    if not dropped:
        return Normalised(original=text, text=folded, index=range(n))  # type: ignore[arg-type]
    rx = re.compile("[" + re.escape("".join(sorted(dropped))) + "]+")
    index: list[int] = []
    parts: list[str] = []
    prev = 0
    for m in rx.finditer(folded):
        index.extend(range(prev, m.start()))
        parts.append(folded[prev : m.start()])
        prev = m.end()
    index.extend(range(prev, n))
    parts.append(folded[prev:])
    return Normalised(original=text, text="".join(parts), index=index)


def normalise(text: str, strip_html: bool | None = None) -> Normalised:
    """Fold ``text`` for matching; HTML markup is skipped when present (or when asked)."""
    if strip_html is None:
        strip_html = looks_like_html(text)
    if not strip_html:
        fast = _translate(text)
        if fast is not None:
            return fast
    return _normalise_slow(text, strip_html)


def _normalise_slow(text: str, strip_html: bool) -> Normalised:
    """Character by character, replacing markup ranges; the reference the fast path must equal."""
    out: list[str] = []
    index: list[int] = []
    ranges = _markup_ranges(text) if strip_html else []
    ri = 0
    i = 0
    n = len(text)
    last_space = True
    while i < n:
        if ri < len(ranges) and ranges[ri][0] == i:
            start, end, rep = ranges[ri]
            ri += 1
            if end <= i:
                continue
            for ch in rep:
                f = fold_char(ch)
                if f.isspace():
                    if not last_space:
                        out.append("\n" if ch == "\n" else " ")
                        index.append(start)
                        last_space = True
                elif f:
                    out.append(f)
                    index.append(start)
                    last_space = False
            i = end
            while ri < len(ranges) and ranges[ri][0] < i:
                ri += 1
            continue
        ch = text[i]
        f = fold_char(ch)
        if f:
            if f == "\r":
                f = "\n"
            for c in f:
                out.append(c)
                index.append(i)
            last_space = f.isspace()
        i += 1
    return Normalised(original=text, text="".join(out), index=index)
