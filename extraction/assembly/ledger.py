"""Stage ``ledger``: the report's events under construction (drafts), their shared death figures, messages.

An act that stands, is placed and coded becomes one draft per place (``record``), unless the stage's rules
say it retells an event told before or is history; a draft told before at the same place and day joins that one (stage
``merge``, then ``combine`` for what the joined event keeps). The ledger is the only state that grows
from sentence to sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..dates import DateMention
from .place_refs import PlaceRef
from .report import family
from .rules import rule


@dataclass
class Group:
    """Events one trigger produced over several places; they share one death figure."""

    figures: list[int] = field(default_factory=list)
    members: list[Draft] = field(default_factory=list)
    floor: int = 0


@dataclass(eq=False)
class Draft:
    """An event under construction."""

    event_type: str
    sub_event_type: str
    family: str
    strength: int
    actor1: str
    actor2: str | None
    assoc1: str | None
    place: PlaceRef
    date: DateMention | None
    best: dt.date
    dmin: dt.date
    dmax: dt.date
    precision: int
    background: bool
    evidence: tuple[int, int]
    group: Group
    own_actor: bool
    own_date: bool
    sentence: int
    headline: bool = False
    absorbed: bool = False  # a later draft with a place of its own merged in (a headline told by its body)
    fatalities: int = 0  # set by finish
    split: tuple[int, int] | None = None  # (total, places) when several places share one figure
    steps: list | None = None  # the rules that shaped it (when traced)


class Ledger:
    """Drafts in the order they were made, the messages for the analyst, the last event told."""

    __slots__ = ("drafts", "messages", "last_group", "tracer")

    def __init__(self, tracer=None) -> None:
        self.drafts: list[Draft] = []
        self.messages: list[str] = []
        self.last_group: Group | None = None
        self.tracer = tracer

    def note(self, draft: Draft, rule_name: str, change: str) -> None:
        """Tell the tracer (if any) that ``rule_name`` changed ``draft`` after it was made."""
        if self.tracer is not None:
            self.tracer.note(draft, rule_name, change)


@rule("ledger")
def a_general_verb_retells_the_last_event(act, refs: list[PlaceRef]) -> list[PlaceRef] | None:
    """ "أطلقت الطائرة صاروخين": a general verb with no place or day of its own retells the last event.

    Its death figures go to that event; no new event is made.
    """
    anchor, led = act.anchor, act.sv.ledger
    last = led.last_group
    if (
        anchor.strength <= 2
        and not act.when.own
        and all(r.inherited for r in refs)
        and last
        and any(m.family == family(anchor.event_type) for m in last.members)
    ):
        values = [f.value for f in act.figures]
        last.figures.extend(values)
        act.sv.figures_taken = True
        for m in last.members:
            led.note(m, "a_general_verb_retells_the_last_event", f"retold in sentence {act.sv.s.index + 1}"
                     + (f"; deaths {values} added" if values else ""))  # fmt: skip
        return None
    return refs


@rule("ledger")
def an_act_dated_by_its_year_alone_is_history(act, refs: list[PlaceRef]) -> list[PlaceRef] | None:
    """ "Islamic State seized large parts of Iraq and Syria in 2014"، "سيطرت قسد على الرقة عام 2017": an act whose only
    day is a year is the report's history, not an event ACLED can date (a day, a week or a month)."""
    d = act.when.date
    return None if d is not None and d.kind == "year" else refs


RULES = (a_general_verb_retells_the_last_event, an_act_dated_by_its_year_alone_is_history)


def record(
    act, refs: list[PlaceRef], coding, merge_into, merge_rules: tuple, combine_rules: tuple
) -> Group | None:
    """One draft per place of the act; each joins an earlier draft when ``merge_into`` finds one."""
    sv, when, led = act.sv, act.when, act.sv.ledger
    s = sv.s
    group = Group(figures=[f.value for f in act.figures], floor=max(t.min_fatalities for t in act.cluster))
    home: Group | None = None
    date = when.date
    if date is not None:
        best, dmin, dmax, prec = date.best, date.dmin, date.dmax, date.precision
    else:
        pub = sv.rep.pub
        best, dmin, dmax, prec = pub, pub - dt.timedelta(days=1), pub, 1
    tracer = led.tracer
    for r in refs:
        d = Draft(
            coding.event_type, coding.sub_event_type, family(coding.event_type), act.anchor.strength,
            coding.actor1, coding.actor2, coding.assoc1, r, date, best, dmin, dmax, prec, when.background,
            (s.start, s.end), group, coding.own, when.own, s.index, s.headline,
        )  # fmt: skip
        if tracer is not None:
            tracer.attach(d)
        o = merge_into(led, d, merge_rules, combine_rules)
        if o is None:
            led.drafts.append(d)
            group.members.append(d)
            home = home or group
        elif o.group is not group and len(o.group.members) <= 1:
            # a single earlier event joins this cluster's group (a headline told once)
            group.figures.extend(o.group.figures)
            group.floor = max(group.floor, o.group.floor)
            o.group.members.clear()
            o.group = group
            group.members.append(o)
            home = home or group
        elif o.group is not group:
            home = home or o.group
    if home is not None and home is not group:
        home.figures.extend(group.figures)
        home.floor = max(home.floor, group.floor)
    led.last_group = home or led.last_group
    if home is not None:
        sv.figures_taken = True
    return home
