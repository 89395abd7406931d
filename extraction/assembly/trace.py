"""The tracer: which rules changed what, per event (``python -m extraction explain``, the Review page's trace).

When a run is traced, every fold reports each rule that changed its value; the tracer words the change
(a trigger dropped, a place chosen, an actor picked, a retype) and files it under the sentence being read
and the act being made. Each draft made starts with its sentence's and its act's steps; rules that change a
draft later (a merge, a back-reference, a headline) add theirs. A sentence that made no event keeps its
steps apart, so one can see why it made none. Untraced runs pay nothing (the tracer is ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..triggers import Trigger
from .combine import Kept
from .place_refs import PlaceRef
from .place_roles import place_role
from .report import Excluded
from .rules import Rule
from .sides import Coding
from .when import When


@dataclass(frozen=True)
class Step:
    """One rule that changed something: its name and stage, the sentence (1-based), what it changed."""

    rule: str
    stage: str
    sentence: int
    change: str


@dataclass
class QuietSentence:
    """A sentence with event words that made no event, and the rules that saw to it."""

    sentence: int
    text: str
    steps: list[Step]


class Tracer:
    """Collects the steps of one traced run."""

    def __init__(self) -> None:
        self.rep = None
        self.report_steps: list[Step] = []
        self.quiet: list[QuietSentence] = []
        self._sentence = 0
        self._sv = None
        self._sent_steps: list[Step] = self.report_steps
        self._act_steps: list[Step] | None = None
        self._used = False

    # -- where steps go ------------------------------------------------------------------------------------
    def sentence(self, sv) -> None:
        self.end_sentence()
        self.rep = sv.rep
        self._sv = sv
        self._sentence = sv.s.index + 1
        self._sent_steps = []
        self._act_steps = None
        self._used = False

    def act(self, act) -> None:
        self._act_steps = []

    def end_sentence(self) -> None:
        sv = self._sv
        if sv is not None and not self._used and self._sent_steps:
            text = self.rep.original(sv.s.start, sv.s.end)
            self.quiet.append(QuietSentence(self._sentence, text, list(self._sent_steps)))
        self._sv = None

    def _here(self) -> list[Step]:
        return self._act_steps if self._act_steps is not None else self._sent_steps

    def attach(self, draft) -> None:
        """A draft is made: it starts with its sentence's and its act's steps."""
        draft.steps = list(self._sent_steps) + list(self._act_steps or ())
        self._used = True

    def note(self, draft, rule_name: str, change: str) -> None:
        """A rule changed a draft made before."""
        from .rules import registered

        r = registered().get(rule_name)
        if draft.steps is None:
            draft.steps = []
        draft.steps.append(Step(rule_name, r.stage if r else "ledger", self._sentence, change))
        self._used = True

    def absorb(self, o, d) -> None:
        """Draft ``d`` joined ``o``: the steps of ``d``'s act explain ``o`` too."""
        if o.steps is None:
            o.steps = []
        seen = set(o.steps)
        o.steps.extend(s for s in d.steps or () if s not in seen)

    def on(self, draft) -> _OnDraft:
        return _OnDraft(self, draft)

    # -- what the folds report -------------------------------------------------------------------------------
    def start(self, stage: str, change: str) -> None:
        """What a stage starts from (not a rule's doing): filed like a step with no rule name."""
        self._here().append(Step("", stage, self._sentence, change))

    def triggers(self, trigs: list) -> str:
        return ", ".join(self._trigger(t) for t in trigs) or "none"

    def places(self, refs: list) -> str:
        return self._places(refs)

    def actors(self, sv, roles: dict) -> str:
        return ", ".join(f"{self._words(a)} {a.name} ({roles[id(a)]})" for a in sv.actors) or "none"

    def record(self, rule: Rule, before, after) -> None:
        self._here().append(
            Step(rule.name, rule.stage, self._sentence, self.describe(rule.stage, before, after))
        )

    def role(self, fn, a, role: str) -> None:
        from .rules import rule_of

        self._sent_steps.append(
            Step(fn.__name__, rule_of(fn).stage, self._sentence, f"{self._words(a)}: {role}")
        )

    def describe(self, stage: str, before, after) -> str:
        """What changed, in words."""
        if after is None:
            return "no event"
        if isinstance(after, Excluded):
            return _fields(before, after, self._place_set)
        if isinstance(after, When):
            return self._when(before, after)
        if isinstance(after, Coding | Kept):
            return _fields(before, after, self._value)
        if stage == "clause_places":
            return self._dropped([self._place(i) for i in before if i not in after])
        if isinstance(after, list) and all(isinstance(x, PlaceRef) for x in after + (before or [])):
            return f"{self._places(before)} → {self._places(after)}"
        if isinstance(after, list):
            return self._triggers(before or [], after)
        return f"{before!r} → {after!r}"

    # -- words -----------------------------------------------------------------------------------------------
    def _words(self, x) -> str:
        return f"«{self.rep.original(x.start, x.end)}»"

    def _trigger(self, t: Trigger) -> str:
        kind = "back-reference" if t.anaphor or t.event_type == "*" else t.sub_event_type
        return f"{self._words(t)} {kind}"

    def _triggers(self, before: list, after: list) -> str:
        gone = [t for t in before if t not in after]
        new = [t for t in after if t not in before]
        parts = []
        if gone:
            parts.append("dropped " + ", ".join(self._trigger(t) for t in gone))
        if new:
            parts.append(("read as " if gone else "added ") + ", ".join(self._trigger(t) for t in new))
        return "; ".join(parts) or "reordered"

    def _place(self, i: int) -> str:
        return f"{self.rep.places[i].place.name_en} ({self._words_of_place(i)})"

    def _words_of_place(self, i: int) -> str:
        return self.rep.places[i].text

    def _place_set(self, v) -> str:
        return ", ".join(self._place(i) for i in sorted(v)) if isinstance(v, frozenset) else self._value(v)

    def _ref(self, r: PlaceRef) -> str:
        bits = [r.place.kind]
        if r.idx >= 0:
            role, _between, by = place_role(self.rep, r.idx)
            if role != "at":
                bits.append(f"{role}: {by}")
        if r.weak:
            bits.append("broad")
        if r.inherited:
            bits.append("told before")
        return f"{r.place.name_en} ({', '.join(bits)})"

    def _places(self, refs) -> str:
        return "[" + ", ".join(self._ref(r) for r in refs or ()) + "]"

    def _dropped(self, names: list[str]) -> str:
        return "dropped " + ", ".join(names) if names else "reordered"

    def _when(self, before: When, after: When) -> str:
        parts = []
        if after.dates != before.dates:
            parts.append(
                "left out " + ", ".join(self._words(d) for d in before.dates if d not in after.dates)
            )
        if after.date != before.date or after.own != before.own:
            d = after.date
            day = (
                f"{d.best.isoformat()} {self._words(d) if d.end > d.start else '(the report day)'}"
                if d
                else "none"
            )
            parts.append(f"day {day}" + ("" if after.own else " (the report's, not told for the act)"))
        if after.background != before.background:
            parts.append("background" if after.background else "not background")
        return "; ".join(parts)

    def _value(self, v) -> str:
        if isinstance(v, PlaceRef):
            return self._ref(v)
        if isinstance(v, dict):
            return "roles"
        if hasattr(v, "start") and hasattr(v, "end") and hasattr(v, "name"):
            return f"{v.name} {self._words(v)}"
        if isinstance(v, tuple):
            return "[" + ", ".join(self._value(x) for x in v) + "]"
        return "none" if v is None else str(v)


_QUIET_FIELDS = frozenset(["mention", "fixed"])  # bookkeeping a reader does not need (actor1 says it)


def _fields(before, after, show) -> str:
    """The fields that differ, as ``name: old → new``."""
    out = []
    names = after._fields if isinstance(after, tuple) else [f.name for f in fields(after)]
    for name in names:
        a, b = getattr(before, name), getattr(after, name)
        if a != b and name not in _QUIET_FIELDS:
            if name == "roles":
                out.append("roles " + ", ".join(f"{k}" for k in b if a.get(k) != b[k]))
                continue
            out.append(f"{name}: {show(a)} → {show(b)}")
    return "; ".join(out)


class _OnDraft:
    """A tracer that files the steps of a later change under a draft."""

    def __init__(self, tracer: Tracer, draft) -> None:
        self.tracer = tracer
        self.draft = draft

    def record(self, rule: Rule, before, after) -> None:
        t = self.tracer
        self.draft.steps = self.draft.steps or []
        self.draft.steps.append(
            Step(rule.name, rule.stage, t._sentence, t.describe(rule.stage, before, after))
        )
