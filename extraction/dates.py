"""Date expressions resolved against the publication date.

Phrases live in ``data/date_phrases.csv`` and ``data/months.csv``; here they are compiled into a few regular
expressions over the folded text (one pass each). A mention gives the best day, the window the text allows
(``dmin``..``dmax``) and ACLED's time precision (1 day, 2 week, 3 month). Conventions: "ليلة أمس" is the evening the
night began; a weekday alone is the most recent such day on or before publication, with الماضي/الفائت the most
recent before it; "last week" is the previous Monday–Sunday week; "لليوم السادس على التوالي" began five days before
publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .date_counts import (
    ago,
    ago_patterns,
    anchored,
    chain,
    compared,
    counted_patterns,
    holiday,
    part,
    sinceyear,
    span,
    the_two,
)
from .date_mention import DateMention
from .first_chars import Alternatives
from .lexicon import read_table
from .normalise import fold


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


@dataclass
class _Grammar:
    months: dict[str, int]
    en_months: set[str]
    words: dict[str, dict[str, str]]
    numbers: dict[str, int]
    patterns: list[tuple[str, re.Pattern[str]]]
    combined: str = ""  # every pattern as one alternation (its words are the tokens)
    kinds: list[str] | None = None
    anchors: object = None
    names: list[list[tuple[str, str]]] | None = None
    starters: frozenset[str] = frozenset()
    first_chars: frozenset[str] = frozenset()
    tokens: frozenset[str] = frozenset()
    tries: Alternatives | None = None  # the patterns, tried in order at a position


def _patterns(W: dict[str, str], mon: str, num: str) -> list[tuple[str, str]]:
    """(kind, pattern) of every date phrase, in the order they are tried at a position."""
    # "تشرين الأول/أكتوبر"، "أكتوبر (تشرين الأول)": a month glossed by its other name
    mon2 = rf"(?P<mon>{mon})(?:\s*/\s*(?:{mon})|\s*\(\s*(?:{mon})\s*\))?"
    b = r"(?<!\w)"  # start of a word
    e = r"(?!\w)"
    return [
        *counted_patterns(W, num, b, e, mon),
        ("lastday", rf"{b}(?:{W['lastday']}){e}"),
        ("consec", rf"{b}لليوم (?:(?P<ord>{W['ordinal']})|(?P<n>\d{{1,2}})) علي التوالي{e}"),
        ("consec", rf"{b}for the (?P<ord>\w+) (?:consecutive|straight) day{e}"),
        *ago_patterns(W, num, b, e),
        (
            "dmy",
            rf"{b}(?:و?(?P<pre>منذ|since) )?(?:(?:{W['daypart']}) )?(?:في |يوم )?(?:ال)?(?:(?P<ord>{W['ordinal']})|(?P<d>\d{{1,2}})) (?:من )?(?:شهر )?{mon2}(?:\s*(?:من )?(?:العام |عام )?(?P<y>\d{{4}}))?(?: (?P<past>{W['past']})| (?P<cur>{W['current']}))?{e}",
        ),
        (
            "dmy",
            rf"{b}(?:(?P<pre>since) )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {mon2}(?:,? (?P<y>\d{{4}}))?{e}",
        ),
        (
            "dom",
            rf"{b}(?:في )?(?:ال)?(?:(?P<ord>{W['ordinal']})|(?P<d>\d{{1,2}})) من (?:الشهر|هذا الشهر)(?: (?P<cur>{W['current']})| (?P<past>{W['past']}))?{e}",
        ),
        # "On the 20th of the month", "on the 3rd of last month"
        ("dom", rf"{b}(?:on )?the (?P<d>\d{{1,2}})(?:st|nd|rd|th) of (?:(?P<past>last) |this |the )month{e}"),
        ("num", rf"{b}(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>(?:19|20)\d\d){e}"),
        ("num", rf"{b}(?P<y>(?:19|20)\d\d)-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){e}"),
        ("dmy", rf"{b}(?:(?P<pre>since) )?{mon2} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>\d{{4}}))?{e}"),
        (
            "month",
            rf"{b}(?:و?(?P<pre>في|خلال|منذ|in|since|during) )?(?:(?:ال)?(?P<part>{W['early']}|{W['mid']}|{W['late']}) )?(?:of )?(?:شهر )?{mon2}(?:\s*(?:من |of )?(?:العام |عام |سنه )?(?P<y>\d{{4}})|\s+(?P<past>{W['past']})|\s+(?P<cur>{W['current']}))?{e}",
        ),
        (
            "year",
            rf"{b}(?:و?(?P<pre>منذ|in|since) )?(?:(?:ال)?(?:{W['early']}) (?:of )?)?(?:العام|عام|سنه|in|of) (?P<y>(?:19|20)\d\d){e}",
        ),
        ("year", rf"{b}(?P<pre>since) (?P<y>(?:19|20)\d\d){e}"),  # "since 1984" as "منذ عام 2015"
        # "منذ مطلع العام الجاري"، "since the start of the year": a count's window, never one event's day
        ("sinceyear", rf"{b}(?:و)?(?:{W['sinceyear']})(?: (?:{W['current']}))?{e}"),
        (
            "period",
            rf"{b}(?P<w>{W['lastweek']}|{W['thisweek']}|{W['weekend']}|{W['lastmonth']}|{W['thismonth']}|{W['lastyear']}){e}",
        ),
        (
            "rel",
            rf"{b}(?:(?P<dp>{W['daypart']}) )?(?:من )?و?(?P<rel>{W['relday']})(?:,? (?P<wd>{W['weekday']}))?{e}",
        ),
        (
            "wd",
            rf"{b}(?:early )?(?:on )?(?:(?:{W['daypart']}) )?(?:يوم )?(?P<wd>{W['weekday']})(?: (?:{W['daypart']}))?(?: (?P<past>{W['past']}))?{e}",
        ),
        ("wd", rf"{b}(?P<past>last) (?P<wd>{W['weekday']}){e}"),
    ]


def anchor_keys() -> frozenset[str]:
    """The words a date phrase must contain one of (``main_matcher`` finds them in the lexicon's pass)."""
    g = grammar()
    return _anchor_keys(g.words, g.months)


def _anchors(words: dict[str, dict[str, str]], months: dict[str, int]) -> ahocorasick.Automaton:
    """The anchor words as one automaton (for a text ``make_document`` did not scan)."""
    anchors = ahocorasick.Automaton()
    for k in _anchor_keys(words, months):
        anchors.add_word(k, len(k))
    anchors.make_automaton()
    return anchors


def _anchor_keys(words: dict[str, dict[str, str]], months: dict[str, int]) -> frozenset[str]:
    """The words a date phrase must contain one of (weekdays, months, "أمس", "days" ...)."""
    keys = set(months) | {"التوالي", "consecutive", "straight", "ago", "الشهر", "month"}
    for kind in (
        "relday",
        "weekday",
        "past",
        "current",
        "lastweek",
        "thisweek",
        "weekend",
        "lastmonth",
        "thismonth",
    ):
        keys |= set(words.get(kind, {}))
    keys |= set(words.get("lastyear", {})) | set(words.get("lastday", {})) | set(words.get("unit", {}))
    keys |= set(words.get("count", {}))
    for kind in ("chain_back", "chain_on", "chain_day", "holiday", "sinceyear", "comes"):
        keys |= set(words.get(kind, {}))
    return frozenset(k for k in keys if k)


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    months = {fold(r["name"]): int(r["month"]) for r in read_table("months.csv")}
    en_months = {fold(r["name"]) for r in read_table("months.csv") if r["lang"] == "en"}
    words: dict[str, dict[str, str]] = {}
    for r in read_table("date_phrases.csv"):
        words.setdefault(r["kind"], {})[fold(r["phrase"])] = r["value"]
    numbers = {fold(r["word"]): int(r["value"]) for r in read_table("numbers.csv") if r["kind"] == "cardinal"}
    W = {k: _alt(list(v)) for k, v in words.items()}
    pats = _patterns(W, _alt(list(months)), _alt(list(numbers)))
    # The patterns in the order tried at a position (the first match wins), groups renamed per pattern (a3_ord).
    parts = []
    for i, (_k, p) in enumerate(pats):
        parts.append(
            f"(?P<a{i}>" + re.sub(r"\(\?P<(\w+)>", lambda m, i=i: f"(?P<a{i}_{m.group(1)}>", p) + ")"
        )
    combined = "|".join(parts)
    names = [[(f"a{i}_{n}", n) for n in re.findall(r"\(\?P<(\w+)>", p)] for i, (_k, p) in enumerate(pats)]
    # The first words a phrase may begin with: every lexicon word and the fixed words of the patterns.
    starters = set(_FIXED_STARTERS)
    for table in words.values():
        starters.update(w.split(" ", 1)[0] for w in table)
    starters.update(w.split(" ", 1)[0] for w in months)
    starters.update(w.split(" ", 1)[0] for w in numbers)
    g = _Grammar(
        months, en_months, words, numbers, [], combined, [k for k, _p in pats], _anchors(words, months), names
    )
    g.starters = frozenset(starters)
    # a quick reject before the word test: the letters a phrase may begin with (digits, ال, "-")
    g.first_chars = frozenset(w[0] for w in starters if w) | frozenset("0123456789ا")
    # every word any pattern can match: an anchor inside a longer word ("اب" in "ارهاب") is a date's only in one
    g.tokens = frozenset(re.findall(r"[^\W\d_]+", combined))
    g.tries = Alternatives(parts)
    return g


# the fixed words a pattern may begin with (besides the lexicon's): "between", "في", "since" ...
_FIXED_STARTERS = [
    "between", "from", "بين", "في", "يوم", "من", "لليوم", "for", "منذ", "ومنذ", "خلال", "وخلال", "in", "since",
    "during", "early", "on", "of", "العام", "عام", "سنه", "last", "شهر", "a", "the", "mid", "late",
]  # fmt: skip
_WORD_END = re.compile(r"[\s,.;:]")


def _starts(text: str, pos: int, starters: frozenset[str]) -> bool:
    """True when the word at ``pos`` may open a date phrase (a starter, a number, or ال + either)."""
    if pos >= len(text):
        return False
    if text[pos].isdigit():
        return True
    sp = text.find(" ", pos, pos + 40)
    word = text[pos : sp if sp != -1 else pos + 40]
    if not word.isalnum():  # a mark or another space inside (else the word ends at the space)
        m = _WORD_END.search(text, pos, pos + 40)
        word = text[pos : m.start() if m else pos + 40]
    if word in starters or (word[:1] == "و" and word[1:] in starters):  # "وقبل ذلك بيومين"
        return True
    if word.startswith("ال") and (word[2:] in starters or word[2:3].isdigit()):
        return True
    return "-" in word and word.split("-", 1)[0] in starters


def _month_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _recent_month(pub: dt.date, month: int, strictly: bool) -> int:
    year = pub.year
    if month > pub.month or (strictly and month == pub.month):
        year -= 1
    return year


_DAY = dt.timedelta(days=1)


def _lastday(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    return DateMention(s, e, pub, pub - _DAY, pub, 1, "day")


def _consec(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    n = int(gd["n"]) if gd.get("n") else _ordinal(gd.get("ord") or "", g)
    if not n:
        return None
    start = pub - dt.timedelta(days=n - 1)
    return DateMention(s, e, start, start, pub, 1, "day")


def _dmy(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    month = g.months.get(gd["mon"])
    dd = int(gd["d"]) if gd.get("d") else _ordinal(gd.get("ord") or "", g)
    if not month or not dd or dd > 31:
        return None
    if gd.get("y"):
        year = int(gd["y"])
    elif gd.get("cur"):
        year = pub.year  # "في 25 أيلول/سبتمبر الجاري": this year's, though still to come
    else:
        year = _recent_month(pub, month, False)
        if month == pub.month and dd > pub.day:
            year -= 1
    try:
        d = dt.date(year, month, dd)
    except ValueError:
        return None
    # "للمرة الأولى منذ 8 كانون الأول 2024": the day things are counted from, not the day of an act
    return DateMention(s, e, d, d, d, 1, "since_day" if gd.get("pre") else "day")


def _dom(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    dd = int(gd["d"]) if gd.get("d") else _ordinal(gd.get("ord") or "", g)
    base = pub.replace(day=1)
    if gd.get("past") or (dd > pub.day and not gd.get("cur")):
        base = (base - _DAY).replace(day=1)  # "في 20 من الشهر" told on the 5th: the month before
    try:
        d = base.replace(day=dd)
    except ValueError:
        return None
    return DateMention(s, e, d, d, d, 1, "day")


def _num(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    d = dt.date(int(gd["y"]), int(gd["m"]), int(gd["d"]))
    return DateMention(s, e, d, d, d, 1, "day")


def _month(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    month = g.months.get(gd["mon"])
    if not month:
        return None
    has_ctx = gd.get("pre") or gd.get("part") or gd.get("y") or gd.get("past") or gd.get("cur")
    if not has_ctx or (gd["mon"] in g.en_months and not (gd.get("y") or gd.get("pre"))):
        return None
    if gd.get("y"):
        year = int(gd["y"])
    elif gd.get("cur"):
        year = pub.year
    else:
        year = _recent_month(pub, month, bool(gd.get("past")))
    lo, hi = _month_window(year, month)
    part = gd.get("part")
    if part:
        if part in g.words["early"]:
            hi = lo + dt.timedelta(days=9)
        elif part in g.words["mid"]:
            lo, hi = lo + dt.timedelta(days=10), lo + dt.timedelta(days=19)
        else:
            lo = lo + dt.timedelta(days=20)
    if hi > pub >= lo:
        hi = pub
    tally = gd.get("pre") in ("منذ", "since")
    return DateMention(s, e, lo + (hi - lo) / 2, lo, hi, 3, "since" if tally else "month")


def _year(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    y = int(gd["y"])
    lo, hi = dt.date(y, 1, 1), min(dt.date(y, 12, 31), max(pub, dt.date(y, 1, 1)))
    tally = gd.get("pre") in ("منذ", "since")
    return DateMention(s, e, lo + (hi - lo) / 2, lo, hi, 3, "since" if tally else "year")


def _period(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    w = gd["w"]
    monday = pub - dt.timedelta(days=pub.weekday())
    if w in g.words["lastweek"]:
        lo = monday - dt.timedelta(days=7)
        return DateMention(s, e, lo + 3 * _DAY, lo, lo + 6 * _DAY, 2, "week")
    if w in g.words["thisweek"]:
        return DateMention(s, e, pub, monday, pub, 2, "week")
    if w in g.words["weekend"]:  # the last Friday-Sunday before publication (Syria's weekend and the West's)
        lo = pub - dt.timedelta(days=(pub.weekday() - 4) % 7 or 7)
        return DateMention(s, e, min(lo + _DAY, pub), lo, min(lo + 2 * _DAY, pub), 2, "weekend")
    if w in g.words["lastmonth"]:
        first = pub.replace(day=1) - _DAY
        lo, hi = part(*_month_window(first.year, first.month), g.words["lastmonth"][w])
        return DateMention(s, e, lo + (hi - lo) / 2, lo, hi, 3, "month")
    if w in g.words["thismonth"]:
        lo = pub.replace(day=1)
        return DateMention(s, e, pub, lo, pub, 3, "month")
    lo, hi = dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31)
    return DateMention(s, e, lo + (hi - lo) / 2, lo, hi, 3, "year")


def _rel(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    d = pub + dt.timedelta(days=int(g.words["relday"][gd["rel"]]))
    return DateMention(s, e, d, d, d, 1, "day")


def _wd(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    wd = int(g.words["weekday"][gd["wd"]])
    back = (pub.weekday() - wd) % 7
    if gd.get("past") and back == 0:
        back = 7
    d = pub - dt.timedelta(days=back)
    return DateMention(s, e, d, d, d, 1, "day")


_RESOLVERS = {
    "lastday": _lastday, "consec": _consec, "ago": ago, "dmy": _dmy, "dom": _dom, "num": _num,
    "month": _month, "year": _year, "period": _period, "rel": _rel, "wd": _wd,
    "chain": chain, "holiday": holiday, "sinceyear": sinceyear, "span": span,
}  # fmt: skip


def _resolve(kind: str, m: re.Match[str], pub: dt.date, g: _Grammar) -> DateMention | None:
    """The date a phrase of ``kind`` names, against the publication date (None: no date after all)."""
    fn = _RESOLVERS.get(kind)
    return fn(m.groupdict(), m.start(), m.end(), pub, g) if fn is not None else None


def _ordinal(word: str, g: _Grammar) -> int:
    v = g.words.get("ordinal", {}).get(word)
    return int(v) if v else _EN_ORDINALS.get(word, 0)


_EN_ORDINALS = dict(second=2, third=3, fourth=4, fifth=5, sixth=6, seventh=7, eighth=8, ninth=9, tenth=10)


class _Sub:
    """A match seen through one alternative's group names (``a3_ord`` -> ``ord``)."""

    def __init__(self, m: re.Match[str], names: list[tuple[str, str]]) -> None:
        self._m = m
        self._d = {short: m.group(full) for full, short in names}

    def groupdict(self) -> dict[str, str | None]:
        return self._d

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_WORD_REST = re.compile(r"\w*")


def _word_around(text: str, pos: int, tokens: frozenset[str]) -> str:
    """The letters of the word holding ``pos`` without a clitic و or ال when the rest is one of ``tokens``."""
    ws = pos
    while ws > 0 and _is_word_char(text[ws - 1]):
        ws -= 1
    word = text[ws : _WORD_REST.match(text, pos).end()]
    for pre in ("وال", "ال", "و"):
        if word.startswith(pre) and word[len(pre) :] in tokens:
            return word[len(pre) :]
    return word


# a year not inside a longer number; the look-behind comes after "19"/"20" so that the engine can skip to
# a "1" or "2" in C (same matches as "(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
_LOOKBACK = 40  # a date phrase starts at most this far before its anchor word ("في الثالث من شهر ...")
_LOOKAHEAD = 90


# a date that names a place: "the April 4 Park", "ساحة 7 نيسان", "دوار 8 آذار"
_NAMED_AFTER = re.compile(r"\s+(?:park|square|street|roundabout|stadium|school|hospital|bridge)\b")
_NAMED_BEFORE = re.compile(r"(?:حديقه|ساحه|دوار|شارع|ملعب|مدرسه|مشفي|جسر)\s+$")


def _a_name(text: str, start: int, end: int) -> bool:
    return (
        _NAMED_AFTER.match(text, end) is not None
        or _NAMED_BEFORE.search(text, max(0, start - 12), start) is not None
    )


def find_dates(text: str, published: dt.date, anchors: list[int] | None = None) -> list[DateMention]:
    """Date mentions in folded ``text``, in order.

    The patterns are only tried around anchor words (weekdays, months, "أمس", "days", a
    year...), found by one Aho-Corasick pass, so the cost stays linear and small on long texts.
    ``anchors``: where the anchor words start, when the lexicon's pass found them (``Document.anchors``).
    """
    g = grammar()
    if anchors is None:
        anchors = [end - n + 1 for end, n in g.anchors.iter(text)]
    starts = sorted({*anchors, *(m.start() for m in _YEAR.finditer(text))})
    out: list[DateMention] = []
    last_kind = ""
    cursor = 0
    n = len(text)
    starters, first, tries = g.starters, g.first_chars, g.tries
    tokens = g.tokens
    for a in starts:
        if a < cursor:
            continue
        if a and _is_word_char(text[a - 1]) and _word_around(text, a, tokens) not in tokens:
            continue  # inside a word no pattern knows: no phrase can cross it (every pattern is whole words)
        cands = _word_starts(text, max(cursor, a - _LOOKBACK), a)
        endpos = min(n, a + _LOOKAHEAD)
        for pos in cands:
            # only where a date phrase can begin (its first word, tested lazily: the first phrase found
            # ends the search), then the anchor itself
            if pos != a and not (text[pos] in first and _starts(text, pos, starters)):
                continue
            i, m = tries.match(text, pos, endpos)
            if m is None or m.end() <= a or (m.end() >= endpos and endpos < n):
                continue
            try:
                dm = _resolve(g.kinds[i], _Sub(m, g.names[i]), published, g)
            except (ValueError, OverflowError):
                dm = None
            cursor = m.end()
            if (
                dm
                and not the_two(text, m.start(), m.group(0), g.words)
                and not _a_name(text, m.start(), m.end())
            ):
                kind = g.kinds[i]
                if (
                    kind in ("dmy", "num")
                    and last_kind == "wd"
                    and _WEEKDAY_GAP.fullmatch(text, out[-1].end, dm.start)
                ):
                    out.pop()  # "يوم الثلاثاء 11 تشرين الثاني": the weekday is the date's, not the last Tuesday
                out.append(anchored(compared(text, dm, g.words), out))
                last_kind = kind
            break
    return out


def _word_starts(text: str, lo: int, a: int) -> list[int]:
    """Where a phrase ending past the anchor at ``a`` may begin: each word start from ``lo``, then ``a``."""
    cands = []
    i = text.find(" ", lo, a - 1)
    while i != -1:
        cands.append(i + 1)
        i = text.find(" ", i + 1, a - 1)
    if lo == 0 or (lo > 0 and not text[lo - 1].isalnum()):
        cands.insert(0, lo)
    nl = text.rfind("\n", lo, a - 1)
    if nl != -1 and nl + 1 not in cands:
        cands.append(nl + 1)  # a phrase opening a paragraph ("\n\nTwo days ago, ...")
        cands.sort()
    cands.append(a)
    return cands


_WEEKDAY_GAP = re.compile(r"[\s,،(]*")
