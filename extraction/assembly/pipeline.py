"""The order of assembly's stages, in one place, and the plan of rules a run uses.

Per report:    report (place_refs, place_roles and clause_places answer its look-ups on demand)
Per sentence:  candidates -> acts -> back_reference (only when no act stands) -> cluster
               (roles -> role_links, once, when an act first asks for its sides)
Per act:       when -> locate -> sides -> refine -> ledger (merge, combine)
At the end:    headlines (combine) -> finish

Each stage is a module of the same name holding its rules in the order they run (``RULES``).
``plan(disabled)`` is that order with the named rules left out: the only way a rule is switched off.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..document import Document
from ..errors import InputError
from ..triggers import find_triggers
from . import (
    acts,
    back_reference,
    candidates,
    clause_places,
    cluster,
    combine,
    headlines,
    ledger,
    locate,
    merge,
    place_refs,
    place_roles,
    refine,
    report,
    role_links,
    roles,
    sides,
    when,
)
from .act import Act
from .ledger import Draft, Ledger, record
from .report import Report, SentenceView, family, view
from .rules import chain, fold, registered, rule_of
from .tables import policy as policy_row

if TYPE_CHECKING:
    from .trace import Tracer

STAGES: tuple[tuple[str, tuple], ...] = (
    ("report", report.RULES),
    ("place_refs", place_refs.RULES),
    ("place_roles", place_roles.RULES),
    ("clause_places", clause_places.RULES),
    ("candidates", candidates.RULES),
    ("acts", acts.RULES),
    ("back_reference", back_reference.RULES),
    ("cluster", cluster.RULES),
    ("roles", roles.RULES),
    ("role_links", role_links.RULES),
    ("when", when.RULES),
    ("locate", locate.RULES),
    ("sides", sides.RULES),
    ("refine", refine.RULES),
    ("ledger", ledger.RULES),
    ("merge", merge.RULES),
    ("combine", combine.RULES),
    ("headlines", headlines.RULES),
    ("finish", ()),
)
"""(stage, its rules in order), in the order a report meets them."""

_SENTENCE = ("candidates", "acts", "back_reference", "roles", "role_links")
_ACT = ("when", "locate", "sides", "refine", "ledger")
_CUES = frozenset().union(*(rule_of(fn).cues for _name, rules in STAGES for fn in rules))


class ActRules(NamedTuple):
    """The rules that can apply to an act of one policy in one kind of sentence, per stage."""

    when: tuple
    locate: tuple
    sides: tuple
    refine: tuple
    ledger: tuple


class SentenceRules:
    """The rules that can apply in a sentence with a given set of cue kinds (``Rule.fits``), per stage."""

    __slots__ = (
        "candidates",
        "acts",
        "acts_one",
        "back_reference",
        "roles",
        "role_links",
        "_kinds",
        "_plan",
        "_acts",
    )

    def __init__(self, p: Plan, kinds: frozenset[str]) -> None:
        for stage in _SENTENCE:
            setattr(self, stage, _fitting(getattr(p, stage), kinds, None, 2))
        self.acts_one = _fitting(p.acts, kinds, None, 1)  # one standing act: the rules about several left out
        self._kinds, self._plan = kinds, p
        self._acts: dict[str, ActRules] = {}

    def act(self, anchor) -> ActRules:
        """The rules for an act whose strongest trigger is ``anchor`` (its policy and type)."""
        key = (anchor.policy, anchor.event_type, anchor.sub_event_type)
        got = self._acts.get(key)
        if got is None:
            pol, p, kinds = policy_row(key[0]), self._plan, self._kinds
            stages = (_fitting(getattr(p, stage), kinds, pol, 2, *key[1:]) for stage in _ACT)
            got = self._acts[key] = ActRules(*stages)
        return got


def _fitting(fns: tuple, kinds: frozenset[str], pol, acts: int, etype: str = "", sub: str = "") -> tuple:
    return tuple(fn for fn in fns if rule_of(fn).fits(kinds, pol, acts, etype, sub))


@dataclass(frozen=True)
class Plan:
    """The rules a run uses, per stage, in order (``disabled`` left out)."""

    disabled: frozenset[str]
    report: tuple
    place_refs: tuple
    place_roles: tuple
    clause_places: tuple
    candidates: tuple
    acts: tuple
    back_reference: tuple
    cluster: tuple
    roles: tuple
    role_links: tuple
    when: tuple
    locate: tuple
    sides: tuple
    refine: tuple
    ledger: tuple
    merge: tuple
    combine: tuple
    headlines: tuple
    finish: tuple
    _sentences: dict = field(default_factory=dict, compare=False, repr=False)

    def sentence(self, kinds: frozenset[str]) -> SentenceRules:
        """The rules for a sentence with these cue kinds (chosen once per set of the kinds rules ask for)."""
        key = kinds & _CUES
        got = self._sentences.get(key)
        if got is None:
            got = self._sentences[key] = SentenceRules(self, key)
        return got


def _split(fns: tuple) -> tuple[tuple, tuple]:
    """(reasons, vetoes) of a merge-like stage."""
    return tuple(fn for fn in fns if not rule_of(fn).veto), tuple(fn for fn in fns if rule_of(fn).veto)


@lru_cache(maxsize=256)
def plan(disabled: frozenset[str] = frozenset()) -> Plan:
    """Every stage's rules but the ``disabled`` ones; an unknown name is an input error."""
    unknown = sorted(set(disabled) - set(registered()))
    if unknown:
        raise InputError(f"Unknown rule {unknown[0]!r}: `python -m extraction rules` lists them")
    stages = {name: tuple(fn for fn in rules if fn.__name__ not in disabled) for name, rules in STAGES}
    stages["merge"], stages["headlines"] = _split(stages["merge"]), _split(stages["headlines"])
    return Plan(frozenset(disabled), **stages)


@dataclass
class Assembly:
    """What assembly made of a report: the drafts, the analyst's messages, the indexed report, the trace."""

    report: Report
    drafts: list[Draft]
    messages: list[str]
    tracer: Tracer | None = None


def assemble(
    doc: Document,
    published: dt.date,
    places: list,
    gazetteer,
    source: str | None = None,
    *,
    disabled: frozenset[str] = frozenset(),
    trace: bool = False,
) -> Assembly:
    """Read every sentence of ``doc`` through the stages; ``disabled`` names rules to leave out."""
    p = plan(frozenset(disabled))
    tracer = None
    if trace:
        from .trace import Tracer  # only a traced run (explain, the Review page) needs it

        tracer = Tracer()
    rep = Report(doc, published, places, gazetteer, source, p, tracer)
    led = Ledger(tracer)
    for s in doc.sentences:
        sv = view(rep, s, led)
        if sv is not None:
            if tracer is not None:
                tracer.sentence(sv)
            read_sentence(sv, p, tracer)
    if tracer is not None:
        tracer.end_sentence()
    headlines.fold_headlines(led, p.headlines, p.combine)
    return Assembly(rep, led.drafts, led.messages, tracer)


def read_sentence(sv: SentenceView, p: Plan, tracer: Tracer | None) -> None:
    """The acts of one sentence, each made into events (or added to the event it refers back to)."""
    trigs = find_triggers(sv.matches, sv.s, sv.cues, sv.dates)
    if not trigs:
        return
    if tracer is not None:
        tracer.start("candidates", "event words (after the cues): " + tracer.triggers(trigs))
    chosen = sv.rules
    trigs = chain(chosen.candidates, sv, trigs, tracer)
    if not trigs:
        return
    sv.triggers = trigs
    full = acts.standing(trigs)
    # one standing act (or one back-reference to promote): the rules about several acts have nothing to say
    many = len(full) > 1 or (not full and len(trigs) > 1)
    full = chain(chosen.acts if many else chosen.acts_one, sv, full, tracer)
    if not full:
        full = fold(chosen.back_reference, sv, full, tracer)
        if not full:
            return
    sv.full = full
    sv.full_fams = [(o, family(o.event_type)) for o in full]  # what cluster.zone reads per trigger
    for c in cluster.clusters(sv, full, p.cluster, tracer):
        make_events(Act(sv, c), p, tracer)


def make_events(act: Act, p: Plan, tracer: Tracer | None) -> None:
    """Day, places, sides and type of one act, then its drafts in the ledger."""
    if tracer is not None:
        tracer.act(act)
        others = [t for t in act.cluster if t is not act.anchor]
        tracer.start("cluster", f"act: {tracer.triggers([act.anchor])} (policy {act.policy})"
                     + (f", with {tracer.triggers(others)}" if others else ""))  # fmt: skip
    chosen = act.sv.rules.act(act.anchor)
    act.when = chain(chosen.when, act, when.start(act), tracer)
    act.clause_refs = locate.clause_refs(act)
    if tracer is not None:
        tracer.start("locate", "the act's clauses name " + tracer.places(act.clause_refs))
    refs = fold(chosen.locate, act, act.clause_refs, tracer)
    if refs is None:
        return
    if not refs:
        locate.no_place(act)
        return
    coding = sides.start(act)
    if tracer is not None:
        tracer.start("sides", "actors named in the sentence: " + tracer.actors(act.sv, roles.linked(act.sv)))
    coding = chain(chosen.sides, act, coding, tracer)
    coding = refine.settle(chain(chosen.refine, act, coding, tracer))
    if tracer is not None and act.figures:
        tracer.start("ledger", f"deaths told in the sentence: {[f.value for f in act.figures]}")
    refs = fold(chosen.ledger, act, refs, tracer)
    if refs is None:
        return
    record(act, refs, coding, merge.merge_into, p.merge, p.combine)
