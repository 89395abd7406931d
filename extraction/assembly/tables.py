"""The tables behind the rules: policies, cue reaches and retypes (``data/policies.csv``,
``data/cue_reaches.csv``, ``data/retypes.csv``, each row with a note saying why).

A trigger's ``policy`` (``data/triggers.csv``) names a row of the policy table: which place role the act
prefers, who acts and who is acted on, whether the attacker of the sentence before carries over. A reach
says how far a cue may stand from what it qualifies. A retype is what a rule turns an act into.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import read_table


@dataclass(frozen=True)
class Policy:
    """How one trigger policy places and codes its act (one row of ``data/policies.csv``)."""

    name: str
    place_roles: tuple[str, ...]  # roles in order of preference; ("!from",): any role but "from"
    actor1: str  # agent | protesters | rioters | civilians
    actor2: str  # victims | victims_or_rival | civilians | arrested | partner | opponent | none
    carries_attacker: bool
    named_civilians_are_victims: bool
    moved_means_elsewhere: bool


@dataclass(frozen=True)
class Reach:
    """How far a cue may stand from what it qualifies (one row of ``data/cue_reaches.csv``)."""

    name: str
    cue: str
    chars: int
    gap: frozenset[str] | None  # the words allowed between; None: any three words or fewer


@dataclass(frozen=True)
class Retype:
    """What a rule turns an act into (one row of ``data/retypes.csv``); empty fields are kept as they were."""

    name: str
    event_type: str
    sub_event_type: str
    strength: int | None
    policy: str


def _yes(v: str) -> bool:
    return v.strip().lower() == "yes"


def _policies() -> dict[str, Policy]:
    out = {}
    for row in read_table("policies.csv"):
        roles = row["place_roles"]
        out[row["policy"]] = Policy(
            row["policy"],
            (roles,) if roles.startswith("!") else tuple(roles.split(">")),
            row["actor1"],
            row["actor2"],
            _yes(row["carries_attacker"]),
            _yes(row["named_civilians_are_victims"]),
            _yes(row["moved_means_elsewhere"]),
        )
    return out


def _reaches() -> dict[str, Reach]:
    out = {}
    for row in read_table("cue_reaches.csv"):
        gap = row["gap"]
        words = None if gap == "any" else frozenset(w for w in gap.split("|") if w)
        out[row["name"]] = Reach(row["name"], row["cue"], int(row["chars"]), words)
    return out


def _retypes() -> dict[str, Retype]:
    return {
        r["name"]: Retype(
            r["name"],
            r["event_type"],
            r["sub_event_type"],
            int(r["strength"]) if r["strength"] else None,
            r["policy"],
        )
        for r in read_table("retypes.csv")
    }


POLICIES = _policies()
REACH = _reaches()
RETYPES = _retypes()


def policy(name: str) -> Policy:
    """The policy row of ``name``; a policy the table lacks is coded as an armed act."""
    return POLICIES.get(name) or POLICIES["armed"]
