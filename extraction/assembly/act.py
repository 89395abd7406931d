"""One act: a cluster of a sentence's triggers that makes events at one or more places.

Its anchor (the strongest trigger; at equal strength an explosion, then violence against civilians, then
an air or drone strike over another kind of strike ("قصف مسيّرة تركية": the drone is how it struck), then the
first) decides the type and the policy. The stages ``when``, ``locate``, ``sides``, ``refine`` and
``ledger`` read it; ``when`` fills its day first, since where an act is placed may depend on it.
"""

from __future__ import annotations

import re

from ..triggers import Trigger
from .report import Report, SentenceView, words
from .tables import Policy, policy

_SPECIFIC = {"Explosions/Remote violence": 2, "Violence against civilians": 1}
_AIRCRAFT = re.compile(rf"(?<!\w)(?:{words('aircraft')})")


def _weapon(t: Trigger) -> int:
    """1 for a trigger that names an aircraft ("مسيّرة", "drone"); a bare "struck" names none."""
    return 1 if t.sub_event_type == "Air/drone strike" and _AIRCRAFT.search(t.key) else 0


class Act:
    """A cluster of triggers being made into events."""

    __slots__ = ("sv", "rep", "cluster", "anchor", "policy", "pol", "figures", "when", "clause_refs")

    def __init__(self, sv: SentenceView, cluster: list[Trigger]) -> None:
        self.sv = sv
        self.rep: Report = sv.rep
        self.cluster = cluster
        self.anchor = max(
            cluster,
            key=lambda t: (t.strength, _SPECIFIC.get(t.event_type, 0), _weapon(t), -t.start),
        )
        self.policy = self.anchor.policy
        self.pol: Policy = policy(self.policy)
        # the sentence's death figures go to its first act that makes (or retells) an event
        self.figures = [] if sv.figures_taken else sv.figures
        self.when = None  # stage when
        self.clause_refs: list = []  # the places of the triggers' clauses, before stage locate
