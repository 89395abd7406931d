"""Days counted from other days: a day told before ("وقبل ذلك بيومين"), a feast ("أول أيام عيد الفطر"), the
start of the year ("منذ مطلع العام"), a part of last month ("أواخر الشهر الماضي"), and back from publication
("قبل يومين"، "قبل عام من الآن").

Their phrases live in ``data/date_phrases.csv`` (kinds chain_back, chain_on, chain_day, holiday, feast_day,
sinceyear, ago, unit) and the feasts' first days in ``data/holidays.csv``; ``dates`` tries these patterns first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .date_mention import DateMention
from .lexicon import read_table

if TYPE_CHECKING:
    from .dates import _Grammar


def counted_patterns(W: dict[str, str], num: str, b: str, e: str, mon: str = "") -> list[tuple[str, str]]:
    """(kind, pattern) of the phrases that count from another day, tried before the others."""
    unit = r"(?P<unit>يومين|يوم|اسبوعين|اسبوع|ايام|اسابيع|days?|weeks?)"
    d = r"\d{1,2}"
    return [
        # "Between August 3 and August 9"، "من 3 إلى 9 آب": the window of what is counted in it, no act's day
        (
            "span",
            rf"{b}(?:between|from) (?P<m1>{mon}) (?P<d1>{d}),? (?:and|to|until|till) (?:(?P<mon>{mon}) )?(?P<d>{d})(?:,? (?P<y>\d{{4}}))?{e}",
        ),
        (
            "span",
            rf"{b}(?:between|from|بين|من) (?P<d1>{d}) (?:(?P<m1>{mon}) )?(?:and|to|until|till|و|الي|حتي) ?(?P<d>{d}) (?P<mon>{mon})(?:,? (?P<y>\d{{4}}))?{e}",
        ),
        # "poured in between 2016 and 2018"، "بين عامي 2016 و2018": a span of years, its last year
        (
            "year",
            rf"{b}(?:between|from|بين عامي|من عام) (?:19|20)\d\d (?:and|to|until|و|الي|حتي) ?(?:عام )?(?P<y>(?:19|20)\d\d){e}",
        ),
        # "وقبل ذلك بيومين"، "بعدها بثلاثة أيام"، "two days earlier": counted from the day told before
        (
            "chain",
            rf"{b}(?:و)?(?:(?P<back>{W['chain_back']})|{W['chain_on']}) ب(?:(?P<num>{num}|\d{{1,2}}) ?)?{unit}{e}",
        ),
        (
            "chain",
            rf"{b}(?P<num>{num}|\d{{1,2}}|a|one) {unit} (?:(?P<back>{W['chain_back']})|{W['chain_on']}){e}",
        ),
        ("chain", rf"{b}(?:في )?(?P<cday>{W['chain_day']}){e}"),
        # "ويأتي التفجير بعد أسبوعين من انفجار ...": what the act told comes after, that long before the day told before
        (
            "chain",
            rf"{b}و?(?:{W['comes']}) (?:[^\s,.]+ ){{0,3}}?(?P<back>بعد) (?:(?P<num>{num}|\d{{1,2}}) )?{unit} من{e}",
        ),
        # "أول أيام عيد الفطر"، "on the second day of Eid al-Adha": the feast's day in the year told of
        (
            "holiday",
            rf"{b}(?:(?:في )?(?P<ord>{W['feast_day']}) (?:ايام |يوم |day of )?)?(?P<hol>{W['holiday']})(?:\s*(?:من )?(?:العام |عام )?(?P<y>\d{{4}}))?{e}",
        ),
    ]


def span(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    """ "between August 3 and August 9": a counting window (a tally's span), never one act's day."""
    m2 = g.months.get(gd.get("mon") or gd.get("m1") or "")
    m1 = g.months.get(gd.get("m1") or "") or m2
    if not m1 or not m2:
        return None
    year = int(gd["y"]) if gd.get("y") else pub.year - (1 if m2 > pub.month else 0)
    try:
        lo = dt.date(year - (1 if m1 > m2 else 0), m1, int(gd["d1"]))
        hi = dt.date(year, m2, int(gd["d"]))
    except ValueError:
        return None
    return DateMention(s, e, hi, lo, hi, 1, "since") if lo <= hi else None


def sinceyear(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    return DateMention(s, e, pub, dt.date(pub.year, 1, 1), pub, 3, "since")


def part(lo: dt.date, hi: dt.date, part: str) -> tuple[dt.date, dt.date]:
    """ "أواخر الشهر الماضي" is its last ten days, "مطلع الشهر" its first ten (the value column says which)."""
    if part == "late":
        return max(lo, hi - dt.timedelta(days=9)), hi
    if part == "early":
        return lo, min(hi, lo + dt.timedelta(days=9))
    return lo, hi


def chain(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    """A day counted from the day told before; ``find_dates`` moves it onto that day (``offset``)."""
    if gd.get("cday"):
        off = int(g.words["chain_day"][gd["cday"] or ""])
    else:
        unit = gd.get("unit") or ""
        raw = gd.get("num")
        n = 2 if unit in ("يومين", "اسبوعين") else 1
        if raw:
            n = int(raw) if raw.isdigit() else g.numbers.get(raw, 1)
        off = n * (7 if unit.startswith(("اسبوع", "اسابيع", "week")) else 1)
        off = -off if gd.get("back") else off
    d = pub + dt.timedelta(days=off)
    return DateMention(s, e, d, d, d, 1, "chain", off)


@lru_cache(maxsize=1)
def feasts() -> dict[str, list[dt.date]]:
    """First days of the feasts by year (``data/holidays.csv``)."""
    out: dict[str, list[dt.date]] = {}
    for r in read_table("holidays.csv"):
        out.setdefault(r["holiday"], []).append(dt.date.fromisoformat(r["first_day"]))
    return {k: sorted(v) for k, v in out.items()}


def holiday(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    """The feast told of: in the year given, else the latest one on or before publication."""
    name = g.words["holiday"][gd["hol"] or ""]
    year = int(gd.get("y") or 0)
    days = [d for d in feasts().get(name, []) if (d.year == year if year else d <= pub)]
    if not days:
        return None
    first = days[-1]
    if gd.get("ord"):
        d = first + dt.timedelta(days=int(g.words["feast_day"][gd["ord"] or ""]) - 1)
        return DateMention(s, e, d, d, d, 1, "day")
    hi = min(first + dt.timedelta(days=2), max(pub, first))
    return DateMention(s, e, first, first, hi, 1, "day")


def anchored(dm: DateMention, before: list[DateMention]) -> DateMention:
    """A chained day ("وقبل ذلك بيومين") counts from the last day told before it, else from publication."""
    if dm.kind != "chain":
        return dm
    base = next((d for d in reversed(before) if d.precision == 1 and not d.is_reference), None)
    if base is None:
        return dm
    d = base.best + dt.timedelta(days=dm.offset)
    return DateMention(dm.start, dm.end, d, d, d, 1, "chain", dm.offset)


def the_two(text: str, start: int, phrase: str, words: dict[str, dict[str, str]]) -> bool:
    """ "أودى بحياة الاثنين"، "مقتل الاثنين": the bare word الاثنين after a noun that counts people is "the two",
    not Monday (``date_phrases.csv`` kind ``two_after``)."""
    if phrase != "الاثنين":
        return False
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in words.get("two_after", {})


@lru_cache(maxsize=4)
def _comparison(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` (date_phrases.csv kind ``compare``), then no sentence end."""
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)[^.\n]*$")


def compared(text: str, dm: DateMention, words: dict[str, dict[str, str]]) -> DateMention:
    """ "the heaviest fighting between IS and the SDF since 2019"، "الاشتباكات الأعنف منذ عام 2019": a span after a
    comparison is what the act is measured against (a reference, as "for the first time since 8 December"), not
    the span of a tally."""
    if dm.kind != "since" or not _comparison(tuple(words.get("compare", ()))).search(
        text, max(0, dm.start - 80), dm.start
    ):
        return dm
    return dataclasses.replace(dm, kind="since_day")


def ago_patterns(W: dict[str, str], num: str, b: str, e: str) -> list[tuple[str, str]]:
    """ "قبل يومين"، "two days ago", and months and years back."""
    return [
        (
            "ago",
            # "وقبل يومين، قُتل": the conjunction glued to it
            rf"{b}و?(?:{W['ago']}) (?:(?P<num>{num}|\d{{1,2}}) )?(?P<unit>يومين|ايام|يوما|يوم|اسابيع|اسبوعين|اسبوع){e}",
        ),
        (  # months and years back after قبل only: "منذ عامين" is as often how long ("أول تسجيل له منذ عامين")
            "ago",
            rf"{b}و?قبل (?:(?P<num>{num}|\d{{1,2}}) )?(?P<unit>شهرين|شهر|اشهر|عامين|عام|اعوام|سنتين|سنه|سنوات){e}(?! ?\d)",
        ),
        ("ago", rf"{b}(?P<num>{num}|\d{{1,2}}|a) (?P<unit>days?|weeks?|months?|years?) ago{e}"),
    ]


_DAY = dt.timedelta(days=1)
_M, _Y = (30, 15), (365, 60)
_LONG_UNITS = {"شهر": _M, "اشهر": _M, "month": _M, "months": _M, "شهرين": (60, 15), "عام": _Y, "سنه": _Y,
               "اعوام": _Y, "سنوات": _Y, "year": _Y, "years": _Y, "عامين": (730, 60), "سنتين": (730, 60)}  # fmt: skip


def ago(gd: dict, s: int, e: int, pub: dt.date, g: _Grammar) -> DateMention | None:
    """ "قبل يومين" (a day), "two weeks ago" (a week), "قبل عام من الآن" (a window that long back)."""
    unit = gd["unit"]
    raw = gd.get("num")
    n = (
        2
        if unit in ("يومين", "اسبوعين")
        else (g.numbers.get(raw, 0) if raw and not raw.isdigit() else int(raw or 1) if raw != "a" else 1)
    )
    if unit.startswith(("اسبوع", "اسابيع", "week")):
        d = pub - dt.timedelta(days=7 * n)
        return DateMention(s, e, d, d - 3 * _DAY, d + 3 * _DAY, 2, "week")
    # "قبل عام من الآن"، "two months ago": that long back, give or take a fortnight a month, two months a year
    if unit in _LONG_UNITS:
        if unit in ("اعوام", "سنوات", "اشهر") and not raw:
            return None  # "قبل سنوات": years back, no day
        days, slack = _LONG_UNITS[unit]
        d = pub - dt.timedelta(days=days * n)  # a dual's days are its two ("شهرين": 60), n is 1
        return DateMention(s, e, d, d - slack * _DAY, min(d + slack * _DAY, pub), 3, "month")
    d = pub - dt.timedelta(days=n)
    return DateMention(s, e, d, d, d, 1, "day")
