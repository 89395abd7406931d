"""Actors named in a report, resolved to ACLED-style canonical names with the era rule.

``data/actors.csv`` maps Arabic and English aliases to a canonical name, a group (the family the
scorer and the merge rules use) and ACLED's inter code. An alias valid only in an era (النظام before
8 Dec 2024; الجيش السوري for the new government after it) carries ``valid_from``/``valid_to``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Entry, Match, read_table

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


def resolve(matches: list[Match], published: dt.date) -> list[ActorMention]:
    """Actor mentions (one per match position) valid on the publication date; a reference
    (``data/actor_references.csv``: "التنظيم") only after the report has named whom it refers to."""
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
        if e.get("refers") and not any(a.name == canonical for a in out):
            continue  # "التنظيم" is the IS only after the report has named it
        out.append(ActorMention(m.start, m.end, canonical, group, inter))
        last_end = m.end
    return out
