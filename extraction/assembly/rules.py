"""The rule registry: every decision of assembly is a small function with a name, a stage and a docstring.

``@rule("stage")`` records a function under its own name; its docstring quotes the phrase that motivates
it, and its first line is what ``python -m extraction rules`` prints. Each stage module lists its rules,
in the order they run, in one tuple ``RULES``; ``pipeline.plan(disabled)`` leaves the switched-off ones
out (once per set of names), so switching a rule off is an argument, never a global changed at run time.

Most stages fold: each rule takes the stage's context and its value so far and returns the value
(the same object when it has nothing to say); in ``back_reference``, ``locate`` and ``ledger`` a rule
may return ``None`` to end the fold (the act makes no event).

A rule may say when it can apply, so that a run does not call it where it has nothing to say:
``cues`` (it needs one of these cue kinds in the sentence), ``where`` (a test on the act's row of the
policy table, ``data/policies.csv``), ``types``/``subs`` (the act's event type or sub-event type as its
strongest trigger gives it) and ``min_acts`` (it needs that many standing acts in the sentence). These
are promises about the rule's own guards, not new conditions: the rule still checks them.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Rule:
    """One registered rule."""

    name: str
    stage: str
    fn: Callable[..., Any]
    doc: str
    cues: frozenset[str] = frozenset()  # runs only in a sentence with one of these cue kinds (empty: any)
    where: Callable[[Any], bool] | None = None  # runs only for acts whose policy row passes this test
    min_acts: int = 0  # runs only when the sentence has at least this many standing acts
    veto: bool = False  # in the stages merge and headlines: a reason not to join (else a reason to)
    types: frozenset[str] = frozenset()  # runs only for acts of these event types (empty: any)
    subs: frozenset[str] = frozenset()  # runs only for acts of these sub-event types (empty: any)

    def fits(self, kinds: frozenset[str], policy: Any, acts: int, etype: str = "", sub: str = "") -> bool:
        """Whether the rule can have something to say here (``policy``, ``etype``, ``sub``: of an act)."""
        return (
            (not self.cues or not self.cues.isdisjoint(kinds))
            and (self.where is None or policy is None or self.where(policy))
            and acts >= self.min_acts
            and (not self.types or not etype or etype in self.types)
            and (not self.subs or not sub or sub in self.subs)
        )

    @property
    def summary(self) -> str:
        """The docstring's first paragraph on one line (what the rule does, the phrase that motivates it)."""
        return " ".join(self.doc.strip().split("\n\n")[0].split())


_RULES: dict[str, Rule] = {}
_BY_FN: dict[Callable[..., Any], Rule] = {}


def rule(
    stage: str,
    *,
    cues: tuple[str, ...] = (),
    where: Callable[[Any], bool] | None = None,
    min_acts: int = 0,
    veto: bool = False,
    types: tuple[str, ...] = (),
    subs: tuple[str, ...] = (),
) -> Callable[[F], F]:
    """Register the decorated function as a rule of ``stage`` (its name is the function's)."""

    def register(fn: F) -> F:
        doc = inspect.getdoc(fn) or ""
        if not doc.strip():
            raise TypeError(f"rule {fn.__name__} needs a docstring quoting the phrase that motivates it")
        if fn.__name__ in _RULES:
            raise ValueError(f"two rules are named {fn.__name__}")
        r = Rule(
            fn.__name__,
            stage,
            fn,
            doc,
            frozenset(cues),
            where,
            min_acts,
            veto,
            frozenset(types),
            frozenset(subs),
        )
        _RULES[r.name] = r
        _BY_FN[fn] = r
        return fn

    return register


def registered() -> dict[str, Rule]:
    """Every rule by name (the stage modules register theirs when ``pipeline`` imports them)."""
    return dict(_RULES)


def rule_of(fn: Callable[..., Any]) -> Rule:
    return _BY_FN[fn]


class Record:
    """A stage's value that its rules fill in (an act's day, its coding): a rule changes fields in place and
    returns the record. The stage makes a fresh one per act, so a rule's change is seen by the rules after it
    only; the tracer copies it before each rule to say what the rule changed."""

    __slots__ = ()

    def copy(self) -> Any:
        return copy.copy(self)


def chain(fns: tuple, ctx: Any, value: Any, tracer: Any = None) -> Any:
    """Run ``fns`` in order over ``value`` (for stages whose rules never end the fold)."""
    if tracer is None:
        for fn in fns:
            value = fn(ctx, value)
        return value
    return fold(fns, ctx, value, tracer)


def fold(fns: tuple, ctx: Any, value: Any, tracer: Any = None) -> Any:
    """Run ``fns`` in order over ``value``; ``None`` stops. A tracer sees each rule that changed it."""
    if tracer is None:
        for fn in fns:
            value = fn(ctx, value)
            if value is None:
                return None
        return value
    for fn in fns:
        before = value.copy() if isinstance(value, Record) else value  # a record changes in place
        after = fn(ctx, value)
        if after != before:
            tracer.record(_BY_FN[fn], before, after)
        value = after
        if value is None:
            return None
    return value
