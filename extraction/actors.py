"""Actors named in a report, resolved to ACLED-style canonical names with the era rule.

``data/actors.csv`` maps Arabic and English aliases to a canonical name, a group (the family the
scorer and the merge rules use) and ACLED's inter code. An alias valid only in an era (النظام before
8 Dec 2024; الجيش السوري for the new government after it) carries ``valid_from``/``valid_to``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Entry, Match, read_table
from .normalise import fold

CIVILIANS = "Civilians (Syria)"
PROTESTERS = "Protesters (Syria)"
RIOTERS = "Rioters (Syria)"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"
_NOT_ARMED = frozenset(["UNIDENTIFIED", "CIVILIANS", "PROTESTERS", "RIOTERS"])


@dataclass(slots=True, unsafe_hash=True)
class ActorMention:
    """An actor alias found in the folded text, resolved for the publication date."""

    start: int
    end: int
    name: str
    group: str
    inter: str


@lru_cache(maxsize=1)
def _table() -> list[dict[str, str]]:
    return read_table("actors.csv")


def actor_names() -> list[str]:
    """Canonical actor names (for select boxes), sorted."""
    return sorted({r["canonical"] for r in _table()})


@lru_cache(maxsize=1)
def _by_name() -> dict[str, dict[str, str]]:
    return {r["canonical"]: r for r in _table()}


def inter_of(name: str | None) -> str | None:
    """ACLED's inter category ("State forces", "Rebel group", ...) for a canonical name."""
    if not name:
        return None
    row = _by_name().get(name)
    return row["inter"] if row else None


def group_of(name: str | None) -> str | None:
    """The actor family (SDF, SYGOV, TURKEY, ...) of a canonical name."""
    if not name:
        return None
    row = _by_name().get(name)
    return row["group"] if row else None


@lru_cache(maxsize=64)
def _era(lo: str, hi: str) -> tuple[dt.date, dt.date]:
    return (
        dt.date.fromisoformat(lo) if lo else dt.date.min,
        dt.date.fromisoformat(hi) if hi else dt.date.max,
    )


# per actor entry: (valid from, valid to, canonical, group, inter), read from its row once
_FACTS: dict[Entry, tuple] = {}


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Actor words that are also given names (``event_words.csv``, role ``given_name_actor``)."""
    return frozenset(
        fold(r["word"]) for r in read_table("event_words.csv") if r["role"] == "given_name_actor"
    )


# a family name after the word ("خلف تركي الخبيل"), not a day ("قصف تركي اليوم")
_FAMILY_NAME = re.compile(r" ال(?!يوم|ليله|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|ماضي|جاري|حالي)[^\W\d_]{2,}")
_NAME_BEFORE = re.compile(r"[^\W\d_]{2,} $")


def _a_persons_name(text: str, m: Match) -> bool:
    """ "القيادي خلف تركي الخبيل": an actor word that is also a given name, between a name and a family name."""
    return (
        text[m.start : m.end] in _given_names()
        and bool(_FAMILY_NAME.match(text, m.end))
        and bool(_NAME_BEFORE.search(text, max(0, m.start - 20), m.start))
    )


# "the Damascus government's National Defense Forces", "Turkey's intelligence": an owner's name before a force
_OWNS = re.compile(r"['’]s\s+(?:[\w-]+\s+)?")


def resolve(matches: list[Match], published: dt.date, text: str = "") -> list[ActorMention]:
    """Actor mentions (one per match position) valid on the publication date; a reference
    (``data/actor_references.csv``: "التنظيم") only after the report has named whom it refers to; with the
    folded ``text``, not a given name in a person's name ("خلف تركي الخبيل")."""
    out: list[ActorMention] = []
    last_end = -1
    facts = _FACTS
    for m in matches:
        if m.kind != "actor":
            continue
        e = m.entry
        f = facts.get(e)
        if f is None:
            f = facts[e] = (
                *_era(e.get("valid_from"), e.get("valid_to")),
                e.get("canonical"),
                e.get("group"),
                e.get("inter"),
            )
        lo, hi, canonical, group, inter = f
        if not lo <= published <= hi:
            continue
        if m.start < last_end:
            if out and m.end - m.start > out[-1].end - out[-1].start and m.start == out[-1].start:
                out.pop()
            else:
                continue
        if (
            group == "UNIDENTIFIED"
            and out
            and 0 <= m.start - out[-1].end <= 1
            and out[-1].group not in _NOT_ARMED
        ):
            continue  # "ISIS gunmen", "SDF fighters": a named force's gunmen are that force
        if out and _OWNS.fullmatch(text, out[-1].end, m.start):
            out.pop()  # "the Damascus government's National Defense Forces": the owned force is the one told of
        if e.get("refers") and not any(a.name == canonical for a in out):
            continue  # "التنظيم" is the IS only after the report has named it
        if text and _a_persons_name(text, m):
            continue
        out.append(ActorMention(m.start, m.end, canonical, group, inter))
        last_end = m.end
    return _as_qualified(out, text) if text and len(out) > 1 else out


def _as_qualified(out: list[ActorMention], text: str) -> list[ActorMention]:
    """ "قوى الأمن الداخلي التابعة لوزارة الداخلية السورية" told in the report: its bare name "قوى الأمن الداخلي"
    (the Asayish's too) there is that force, before or after the qualified form."""
    named = {text[a.start : a.end]: a for a in out}
    keys = sorted(named)
    for i, a in enumerate(out):
        bare = text[a.start : a.end] + " "
        k = bisect.bisect_left(keys, bare)
        while k < len(keys) and keys[k].startswith(bare):
            full = named[keys[k]]
            if full.name != a.name:
                out[i] = ActorMention(a.start, a.end, full.name, full.group, full.inter)
                break
            k += 1
    return out
